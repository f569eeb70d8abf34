package com.warden.ui.health;

import com.warden.app.WardenException;
import com.warden.app.connect.Database;
import com.warden.app.health.CheckResult;
import com.warden.app.health.HealthReport;
import com.warden.app.health.HealthService;
import com.warden.app.health.HealthThresholds;
import com.warden.app.health.Threshold;
import com.warden.app.health.ThresholdStore;
import com.warden.ui.common.BackgroundJobs;
import com.warden.ui.common.ErrorReport;
import com.warden.ui.common.JobHandle;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

/**
 * The health screen's state: the check list, the overall status and score, and the actions (run
 * the checks, edit a threshold). The only caller of {@code com.warden.app.health}; every check runs
 * as a background job with progress.
 */
public final class HealthViewModel {
    static final Duration AUTO_REFRESH = Duration.seconds(30);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final BackgroundJobs jobs;
    private final Database database;
    private final ThresholdStore store;
    private final Consumer<ErrorReport> errors;
    private final ObservableList<CheckRow> rows = FXCollections.observableArrayList();
    private final ObservableList<CheckRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper score = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Running the checks…");
    private final ReadOnlyStringWrapper checkedAt = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper partialNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty autoRefresh = new SimpleBooleanProperty(false);
    private Timeline timer;
    private JobHandle running = JobHandle.NONE;
    private boolean disposed;

    public HealthViewModel(BackgroundJobs jobs, Database database, ThresholdStore store, Consumer<ErrorReport> errors) {
        this.jobs = jobs;
        this.database = database;
        this.store = store;
        this.errors = errors;
        autoRefresh.addListener((obs, was, on) -> {
            if (on) {
                if (timer == null) { // made on first use: a Timeline needs the toolkit, view-model tests have none
                    timer = new Timeline(new KeyFrame(AUTO_REFRESH, e -> load()));
                    timer.setCycleCount(Timeline.INDEFINITE);
                }
                timer.playFromStart();
            } else if (timer != null) {
                timer.stop();
            }
        });
    }

    /** Runs every check in the background; a run already going is left to finish. */
    public void load() {
        if (busy.get() || disposed) {
            return;
        }
        HealthThresholds thresholds;
        try {
            thresholds = store.load();
        } catch (WardenException e) {
            failure.set(e.line());
            thresholds = HealthThresholds.defaults();
        }
        HealthThresholds used = thresholds;
        busy.set(true);
        running = jobs.run("Running the health checks on " + database.profile().label() + "…",
                job -> new HealthService().run(database, used, job), this::show, error -> {
                    busy.set(false);
                    if (!disposed) {
                        ErrorReport report = ErrorReport.handled("Health checks", error);
                        failure.set(report.line());
                        summary.set("The checks could not run.");
                        errors.accept(report);
                    }
                });
    }

    private void show(HealthReport report) {
        busy.set(false);
        if (disposed) {
            return;
        }
        rows.setAll(report.checks().stream().map(HealthViewModel::row).toList());
        status.set(report.status().label());
        score.set(report.score());
        summary.set(report.summary());
        checkedAt.set("checked at " + TIME.format(report.checkedAt()) + " in " + report.elapsedMs() + " ms, "
                + (report.projectDatabase() ? "project database" : "no schema core: the project checks are skipped"));
        long partial = report.checks().stream().filter(CheckResult::partial).count();
        partialNote.set(partial == 0 ? "" : partial + (partial == 1 ? " check is" : " checks are")
                + " partial: the role " + database.server().currentUser() + " cannot see everything. "
                + "GRANT pg_read_all_stats (or pg_monitor) to it, or connect as a superuser.");
        failure.set("");
    }

    static CheckRow row(CheckResult c) {
        return new CheckRow(c.id(), c.title(), c.category(), c.status().name().toLowerCase(Locale.ROOT), c.value(), c.threshold(),
                c.thresholdKey(), c.hint(), c.partial(), c.partialReason(), c.details());
    }

    public ThresholdInfo threshold(String key) {
        HealthThresholds current = store.load();
        Threshold t = current.get(key);
        Threshold d = HealthThresholds.defaults().get(key);
        return new ThresholdInfo(key, t.label(), t.unit(), t.direction() == Threshold.Direction.ABOVE, plain(t.warning()),
                t.critical() == null ? "" : plain(t.critical()), d.describe(), current.changedFromDefaults().containsKey(key),
                store.file().toString());
    }

    /** Null when the values are valid, else the one line that says why not. */
    public String validate(String key, String warning, String critical) {
        try {
            parse(key, warning, critical);
            return null;
        } catch (WardenException e) {
            return e.getMessage();
        }
    }

    /** Saves the new limits in the user's config folder and runs the checks again. */
    public void saveThreshold(String key, String warning, String critical) {
        store.save(parse(key, warning, critical));
        load();
    }

    public void resetThreshold(String key) {
        Threshold d = HealthThresholds.defaults().get(key);
        store.save(store.load().with(key, d.warning(), d.critical()));
        load();
    }

    private HealthThresholds parse(String key, String warning, String critical) {
        String w = warning == null ? "" : warning.trim();
        String c = critical == null ? "" : critical.trim();
        if (w.isEmpty()) {
            throw new WardenException("Give a warning limit.", null);
        }
        return store.load().with(key + "=" + w + "," + (c.isEmpty() ? "none" : c));
    }

    private static String plain(double v) {
        return Threshold.trim(v);
    }

    public void dispose() {
        disposed = true;
        if (timer != null) {
            timer.stop();
        }
        running.cancel();
    }

    public ObservableList<CheckRow> rows() {
        return rowsView;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty scoreProperty() {
        return score.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty checkedAtProperty() {
        return checkedAt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty partialNoteProperty() {
        return partialNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Runs the checks again every 30 seconds while on. */
    public BooleanProperty autoRefreshProperty() {
        return autoRefresh;
    }
}
