package com.warden.ui.integrity;

import com.warden.app.connect.Database;
import com.warden.app.integrity.CheckGroup;
import com.warden.app.integrity.FileHistory;
import com.warden.app.integrity.IntegrityExport;
import com.warden.app.integrity.IntegrityHistory;
import com.warden.app.integrity.IntegrityOptions;
import com.warden.app.integrity.IntegrityReport;
import com.warden.app.integrity.IntegrityScanner;
import com.warden.app.integrity.RunComparison;
import com.warden.app.integrity.ScanMode;
import com.warden.app.integrity.ScanProgress;
import com.warden.app.integrity.ScanStatus;
import com.warden.app.report.Finding;
import com.warden.ui.common.BackgroundJobs;
import com.warden.ui.common.JobHandle;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and actions of the Integrity screen; the only caller of {@code com.warden.app.integrity}.
 * Every database call runs as a background job; the scan's progress arrives through {@code fx}
 * (Platform::runLater in the app, the caller's thread in tests), at most every 100 ms.
 */
public final class IntegrityViewModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /** What the verdict banner looks like. */
    public enum Tone { NEUTRAL, CLEAN, FINDINGS, PROBLEM }

    private final Database db;
    private final BackgroundJobs jobs;
    private final Executor fx;
    private final IntegrityHistory history;
    private final Consumer<Throwable> errors;

    private final StringProperty app = new SimpleStringProperty(this, "app", "");
    private final ObjectProperty<ScanMode> mode = new SimpleObjectProperty<>(this, "mode", ScanMode.SERVER);
    private final Map<CheckGroup, BooleanProperty> groups = new EnumMap<>(CheckGroup.class);
    private final ObservableList<String> apps = FXCollections.observableArrayList();

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyObjectWrapper<IntegrityReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<RunComparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
    private final ReadOnlyStringWrapper verdictDetail = new ReadOnlyStringWrapper(this, "verdictDetail", "");
    private final ReadOnlyObjectWrapper<Tone> tone = new ReadOnlyObjectWrapper<>(this, "tone", Tone.NEUTRAL);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper fromHistory = new ReadOnlyBooleanWrapper(this, "fromHistory");
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObjectProperty<Finding> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<FileHistory> fileHistory = new ReadOnlyObjectWrapper<>(this, "fileHistory");
    private final ReadOnlyBooleanWrapper fileHistoryLoading = new ReadOnlyBooleanWrapper(this, "fileHistoryLoading");
    private final Set<String> newKeys = new HashSet<>();
    private final BooleanBinding anyGroup;
    private final BooleanBinding canRun;
    private final BooleanBinding canExport;
    private final BooleanBinding canOpenFile;
    private JobHandle scan = JobHandle.NONE;

    public IntegrityViewModel(Database db, BackgroundJobs jobs, Executor fx, IntegrityHistory history, Consumer<Throwable> errors) {
        this.db = db;
        this.jobs = jobs;
        this.fx = fx;
        this.history = history;
        this.errors = errors;
        for (CheckGroup g : CheckGroup.values()) {
            groups.put(g, new SimpleBooleanProperty(this, g.id(), true));
        }
        anyGroup = Bindings.createBooleanBinding(() -> groups.values().stream().anyMatch(BooleanProperty::get),
                groups.values().toArray(new BooleanProperty[0]));
        canRun = running.not().and(anyGroup);
        canExport = running.not().and(report.isNotNull());
        canOpenFile = Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().fileId() != null, selected);
    }

    // ------------------------------------------------------------ actions

    /** On opening: the app names for the picker, and the last finished run from the history. */
    public void load() {
        jobs.run("Loading the last integrity run…", context -> {
            List<String> names = new IntegrityScanner(db).appNames();
            IntegrityReport last = history.lastFinished(IntegrityReport.Target.of(db));
            return new Loaded(names, last);
        }, loaded -> {
            apps.setAll(loaded.apps());
            if (loaded.last() != null && report.get() == null && !running.get()) {
                show(loaded.last(), null, true);
            }
        }, errors);
    }

    private record Loaded(List<String> apps, IntegrityReport last) { }

    public void run() {
        if (!canRun.get()) {
            return;
        }
        Set<CheckGroup> chosen = EnumSet.noneOf(CheckGroup.class);
        groups.forEach((g, p) -> {
            if (p.get()) {
                chosen.add(g);
            }
        });
        IntegrityOptions options = IntegrityOptions.defaults().withMode(mode.get()).withGroups(chosen)
                .withApp(app.get() == null || app.get().isBlank() ? null : app.get().strip());
        running.set(true);
        progress.set(-1);
        progressText.set("Starting…");
        status.set("");
        closeFileHistory();
        scan = jobs.run("Checking integrity…", context -> {
            IntegrityReport r = new IntegrityScanner(db).run(options, context, p -> fx.execute(() -> progress(p)));
            RunComparison cmp = history.record(r);
            if (r.status() == ScanStatus.CANCELLED) {
                // the Task is cancelled and delivers nothing: show where it stopped all the same
                fx.execute(() -> finished(r, cmp));
            }
            return new Outcome(r, cmp);
        }, outcome -> finished(outcome.report(), outcome.comparison()), failure -> {
            running.set(false);
            progressText.set("");
            errors.accept(failure);
        });
    }

    private record Outcome(IntegrityReport report, RunComparison comparison) { }

    private void progress(ScanProgress p) {
        if (!running.get()) {
            return;
        }
        progress.set(p.fraction() <= 0 ? -1 : p.fraction());
        progressText.set(p.line());
    }

    private void finished(IntegrityReport r, RunComparison cmp) {
        running.set(false);
        progressText.set("");
        show(r, cmp, false);
    }

    public void cancel() {
        if (running.get()) {
            scan.cancel();
            running.set(false);
            progressText.set("");
            status.set("Cancelled: the statements were stopped on the server.");
        }
    }

    private void show(IntegrityReport r, RunComparison cmp, boolean old) {
        report.set(r);
        comparison.set(cmp);
        fromHistory.set(old);
        newKeys.clear();
        if (cmp != null) {
            cmp.added().forEach(f -> newKeys.add(f.key()));
        }
        findings.setAll(r.findings());
        selected.set(null);
        verdict.set(old ? "Last run, " + WHEN.format(r.startedAt().atZone(ZoneId.systemDefault())) + ": " + r.summaryLine()
                : r.summaryLine());
        StringBuilder detail = new StringBuilder();
        if (r.stoppedAt() != null) {
            detail.append(r.stoppedAt());
        }
        if (cmp != null) {
            detail.append(detail.length() > 0 ? " " : "").append(cmp.summary());
        }
        if (old) {
            detail.append(detail.length() > 0 ? " " : "").append("Press Run to check again.");
        }
        verdictDetail.set(detail.toString());
        tone.set(switch (r.status()) {
            case CANCELLED, INTERRUPTED -> Tone.PROBLEM;
            case PARTIAL -> Tone.FINDINGS;
            case COMPLETE -> r.findings().isEmpty() ? Tone.CLEAN : Tone.FINDINGS;
        });
    }

    public boolean isNew(Finding f) {
        return newKeys.contains(f.key());
    }

    /** Opens the history of the selected finding's file (the link target of a finding). */
    public void openFileHistory() {
        Finding f = selected.get();
        if (f == null || f.fileId() == null) {
            return;
        }
        fileHistoryLoading.set(true);
        jobs.run("Reading the history of " + (f.path() == null ? "the file" : f.path()) + "…",
                context -> FileHistory.load(db, f.fileId()),
                h -> {
                    fileHistoryLoading.set(false);
                    fileHistory.set(h);
                },
                failure -> {
                    fileHistoryLoading.set(false);
                    errors.accept(failure);
                });
    }

    public void closeFileHistory() {
        fileHistory.set(null);
    }

    public void exportHtml(Path file) {
        export("HTML", file, () -> IntegrityExport.writeHtml(file, report.get(), comparison.get()));
    }

    public void exportJson(Path file) {
        export("JSON", file, () -> IntegrityExport.writeJson(file, report.get(), comparison.get()));
    }

    public void exportCsv(Path file) {
        export("CSV", file, () -> IntegrityExport.writeCsv(file, report.get()));
    }

    private void export(String kind, Path file, java.util.function.Supplier<Path> write) {
        if (report.get() == null || file == null) {
            return;
        }
        jobs.run("Saving the " + kind + " report…", context -> write.get(),
                written -> status.set("Saved the " + kind + " report to " + written), errors);
    }

    /** The connection is going away: stop a running scan (its statements are cancelled on the server). */
    public void dispose() {
        cancel();
    }

    // ------------------------------------------------------------ properties

    public StringProperty appProperty() { return app; }
    public ObjectProperty<ScanMode> modeProperty() { return mode; }
    public BooleanProperty groupProperty(CheckGroup group) { return groups.get(group); }
    public ObservableList<String> apps() { return apps; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty progressTextProperty() { return progressText.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<IntegrityReport> reportProperty() { return report.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<RunComparison> comparisonProperty() { return comparison.getReadOnlyProperty(); }
    public ReadOnlyStringProperty verdictProperty() { return verdict.getReadOnlyProperty(); }
    public ReadOnlyStringProperty verdictDetailProperty() { return verdictDetail.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Tone> toneProperty() { return tone.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty fromHistoryProperty() { return fromHistory.getReadOnlyProperty(); }
    public ObservableList<Finding> findings() { return findings; }
    public ObjectProperty<Finding> selectedProperty() { return selected; }
    public ReadOnlyObjectProperty<FileHistory> fileHistoryProperty() { return fileHistory.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty fileHistoryLoadingProperty() { return fileHistoryLoading.getReadOnlyProperty(); }
    public BooleanBinding canRunProperty() { return canRun; }
    public BooleanBinding canExportProperty() { return canExport; }
    public BooleanBinding canOpenFileProperty() { return canOpenFile; }
}
