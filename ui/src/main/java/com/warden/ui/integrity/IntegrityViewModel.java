package com.warden.ui.integrity;

import com.warden.app.connect.Database;
import com.warden.app.integrity.CheckGroup;
import com.warden.app.integrity.CheckSummary;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and actions of the Integrity screen, and the only caller of
 * {@code com.warden.app.integrity}: it turns reports into ready-to-show items. Every database
 * call runs as a background job; the scan's progress arrives through {@code fx}
 * (Platform::runLater in the app, the caller's thread in tests), at most every 100 ms.
 */
public final class IntegrityViewModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    public static final List<String> MODES = List.of("server", "client", "both");

    /** What the verdict banner looks like. */
    public enum Tone { NEUTRAL, CLEAN, FINDINGS, PROBLEM }

    private final Database db;
    private final BackgroundJobs jobs;
    private final Executor fx;
    private final IntegrityHistory history;
    private final Consumer<Throwable> errors;

    private final StringProperty app = new SimpleStringProperty(this, "app", "");
    private final StringProperty mode = new SimpleStringProperty(this, "mode", "server");
    private final List<GroupToggle> groups = new ArrayList<>();
    private final ObservableList<String> apps = FXCollections.observableArrayList();

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyBooleanWrapper hasReport = new ReadOnlyBooleanWrapper(this, "hasReport");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "No run yet");
    private final ReadOnlyStringWrapper verdictDetail = new ReadOnlyStringWrapper(this, "verdictDetail",
            "Choose what to check and press Run. Runs are kept and compared with the last one.");
    private final ReadOnlyObjectWrapper<Tone> tone = new ReadOnlyObjectWrapper<>(this, "tone", Tone.NEUTRAL);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "No run yet.");
    private final ReadOnlyStringWrapper comparisonText = new ReadOnlyStringWrapper(this, "comparisonText", "Compared after the next run.");
    private final ObservableList<FindingItem> findings = FXCollections.observableArrayList();
    private final ObservableList<FindingItem> added = FXCollections.observableArrayList();
    private final ObservableList<FindingItem> gone = FXCollections.observableArrayList();
    private final ObservableList<CheckItem> checks = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final ObjectProperty<FindingItem> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper fileHistoryTitle = new ReadOnlyStringWrapper(this, "fileHistoryTitle", "");
    private final ObservableList<VersionItem> fileHistory = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper fileHistoryOpen = new ReadOnlyBooleanWrapper(this, "fileHistoryOpen");
    private final ReadOnlyBooleanWrapper fileHistoryLoading = new ReadOnlyBooleanWrapper(this, "fileHistoryLoading");
    private final BooleanBinding canRun;
    private final BooleanBinding canExport;
    private final BooleanBinding canOpenFile;
    private IntegrityReport report;
    private RunComparison comparison;
    private JobHandle scan = JobHandle.NONE;

    public IntegrityViewModel(Database db, BackgroundJobs jobs, Executor fx, IntegrityHistory history, Consumer<Throwable> errors) {
        this.db = db;
        this.jobs = jobs;
        this.fx = fx;
        this.history = history;
        this.errors = errors;
        for (CheckGroup g : CheckGroup.values()) {
            groups.add(new GroupToggle(g.id(), g.title(), g.description(), new SimpleBooleanProperty(this, g.id(), true)));
        }
        BooleanBinding anyGroup = Bindings.createBooleanBinding(() -> groups.stream().anyMatch(t -> t.selected().get()),
                groups.stream().map(GroupToggle::selected).toArray(javafx.beans.Observable[]::new));
        canRun = running.not().and(anyGroup);
        canExport = running.not().and(hasReport);
        canOpenFile = Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().hasFile(), selected)
                .and(fileHistoryLoading.not());
    }

    // ------------------------------------------------------------ actions

    /** On opening and on F5: the app names for the picker, and the last finished run from the history. */
    public void load() {
        jobs.run("Loading the last integrity run…", context -> {
            List<String> names = new IntegrityScanner(db).appNames();
            IntegrityReport last = history.lastFinished(IntegrityReport.Target.of(db));
            return new Loaded(names, last);
        }, loaded -> {
            apps.setAll(loaded.apps());
            if (loaded.last() != null && report == null && !running.get()) {
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
        for (GroupToggle t : groups) {
            if (t.selected().get()) {
                chosen.add(CheckGroup.parse(t.id()));
            }
        }
        IntegrityOptions options;
        try {
            options = IntegrityOptions.defaults().withMode(ScanMode.parse(mode.get())).withGroups(chosen)
                    .withApp(app.get() == null || app.get().isBlank() ? null : app.get().strip());
        } catch (RuntimeException e) {
            errors.accept(e);
            return;
        }
        running.set(true);
        progress.set(-1);
        progressText.set("Starting…");
        status.set("");
        tone.set(Tone.NEUTRAL);
        if (report == null) {
            emptyText.set("Findings appear here once they have been re-checked.");
        }
        verdict.set("Checking " + (options.app() == null ? "the whole database" : "app " + options.app()) + "…");
        verdictDetail.set(mode.get() + " mode, " + options.workers() + " connections on one snapshot. Cancel stops the "
                + "statements on the server." + (report == null ? "" : " The last result stays below until this run ends."));
        closeFileHistory();
        scan = jobs.run("Checking integrity…", context -> {
            IntegrityReport r = new IntegrityScanner(db).run(options, context, p -> fx.execute(() -> progress(p)));
            RunComparison cmp;
            try {
                cmp = history.record(r);
            } catch (RuntimeException e) {
                // the report matters more than its copy in the history
                fx.execute(() -> status.set("The run was not kept in the history: " + e.getMessage()));
                cmp = null;
            }
            RunComparison comparisonOfRun = cmp;
            if (r.status() == ScanStatus.CANCELLED) {
                // a cancelled Task delivers nothing: show where it stopped all the same
                fx.execute(() -> show(r, comparisonOfRun, false));
            }
            return new Outcome(r, comparisonOfRun);
        }, outcome -> {
            running.set(false);
            progressText.set("");
            show(outcome.report(), outcome.comparison(), false);
        }, failure -> {
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

    public void cancel() {
        if (running.get()) {
            scan.cancel();
            running.set(false);
            progressText.set("");
            status.set("Cancelled: the statements were stopped on the server.");
        }
    }

    private void show(IntegrityReport r, RunComparison cmp, boolean old) {
        report = r;
        comparison = cmp;
        hasReport.set(true);
        Set<String> newKeys = new HashSet<>();
        if (cmp != null) {
            cmp.added().forEach(f -> newKeys.add(f.key()));
        }
        selected.set(null);
        findings.setAll(r.findings().stream().map(f -> item(f, newKeys.contains(f.key()))).toList());
        added.setAll(cmp == null ? List.of() : cmp.added().stream().map(f -> item(f, true)).toList());
        gone.setAll(cmp == null ? List.of() : cmp.gone().stream().map(f -> item(f, false)).toList());
        comparisonText.set(cmp == null ? (old ? "This is the last run kept in the history; run again to compare with it."
                : "Compared after the next run.") : cmp.summary());
        checks.setAll(r.checks().stream().map(IntegrityViewModel::item).toList());
        notes.setAll(r.notes());
        verdict.set(old ? "Last run, " + WHEN.format(r.startedAt().atZone(ZoneId.systemDefault())) + ": " + r.summaryLine()
                : r.summaryLine());
        List<String> detail = new ArrayList<>();
        if (r.stoppedAt() != null) {
            detail.add(r.stoppedAt());
        }
        if (cmp != null) {
            detail.add(cmp.summary());
        }
        if (!r.droppedOnRecheck().isEmpty()) {
            detail.add(r.droppedOnRecheck().size() + " seen during the scan no longer held when re-checked.");
        }
        if (old) {
            detail.add("Press Run to check again.");
        }
        detail.add(r.target().label() + ", " + r.mode() + " mode.");
        verdictDetail.set(String.join(" ", detail));
        emptyText.set(r.status().finished() ? "No findings: every check passed." : "No findings before it stopped.");
        tone.set(switch (r.status()) {
            case CANCELLED, INTERRUPTED -> Tone.PROBLEM;
            case PARTIAL -> Tone.FINDINGS;
            case COMPLETE -> r.findings().isEmpty() ? Tone.CLEAN : Tone.FINDINGS;
        });
    }

    static FindingItem item(Finding f, boolean isNew) {
        CheckGroup g = CheckGroup.ofId(f.check());
        String where = f.path() == null ? (f.app() == null ? "" : f.app()) : (f.app() == null ? "" : f.app() + ": ") + f.path();
        return new FindingItem(f.key(), f.severity().label(), f.severity().ordinal(), g == null ? f.check() : g.title(), f.code(),
                f.title(), where, f.table() + " " + f.rowId(), f.expected(), f.found(), shortDigests(f.expected()),
                shortDigests(f.found()), f.detail(),
                f.seenBy().isEmpty() ? "catalog and metadata queries" : String.join(" and ", f.seenBy()) + " mode",
                f.fileId() != null, isNew, f.rowId());
    }

    private static CheckItem item(CheckSummary c) {
        return new CheckItem(c.title(), c.state(), c.rows() == 0 && c.bytes() == 0 ? "" : String.format("%,d", c.rows()),
                c.bytes() == 0 ? "" : ScanProgress.megabytes(c.bytes()), String.format("%.2f s", c.elapsedMs() / 1000.0),
                c.mbPerSecond() > 0 ? String.format("%.0f MB/s", c.mbPerSecond()) : "", Integer.toString(c.findings()), c.note());
    }

    static String shortDigests(String text) {
        return text == null ? "" : text.replaceAll("\\b([0-9a-f]{12})[0-9a-f]{52}\\b", "$1…");
    }

    /** Opens the history of the selected finding's file: the link target of a finding. */
    public void openFileHistory() {
        FindingItem item = selected.get();
        Finding f = item == null ? null : finding(item.key());
        if (f == null || f.fileId() == null) {
            return;
        }
        fileHistoryLoading.set(true);
        jobs.run("Reading the history of " + (f.path() == null ? "the file" : f.path()) + "…",
                context -> FileHistory.load(db, f.fileId()),
                h -> {
                    fileHistoryLoading.set(false);
                    boolean headElsewhere = h.headVersionId() != null
                            && h.versions().stream().noneMatch(FileHistory.Version::head);
                    fileHistoryTitle.set("History of " + h.path() + (h.app() == null ? "" : " in " + h.app()) + " · "
                            + h.versions().size() + (h.versions().size() == 1 ? " version" : " versions")
                            + (headElsewhere ? " · its head names a version outside this history" : "")
                            + (h.headVersionId() == null ? " · no head" : ""));
                    fileHistory.setAll(h.versions().stream().map(v -> item(v, f.rowId())).toList());
                    fileHistoryOpen.set(true);
                },
                failure -> {
                    fileHistoryLoading.set(false);
                    errors.accept(failure);
                });
    }

    private static VersionItem item(FileHistory.Version v, String concernedId) {
        return new VersionItem(v.id(), "v" + v.version() + (v.head() ? " (head)" : ""), v.digestMatches() ? "matches" : "DIFFERS",
                String.format("%,d", v.sizeBytes()) + (v.sizeMatches() ? "" : " (wrong)"),
                v.sha256() == null ? "—" : v.sha256().substring(0, Math.min(12, v.sha256().length())) + "…",
                v.createdAt() == null ? "" : v.createdAt().toLocalDateTime().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
                v.createdBy(), v.sound(), v.id().equals(concernedId));
    }

    public void closeFileHistory() {
        fileHistoryOpen.set(false);
        fileHistory.clear();
        fileHistoryTitle.set("");
    }

    private Finding finding(String key) {
        return report == null ? null : report.findings().stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
    }

    /** A file name for the export dialog: integrity-&lt;database&gt;-&lt;date&gt;.&lt;ext&gt;. */
    public String suggestedFileName(String extension) {
        String database = report == null ? db.profile().database() : report.target().database();
        return "integrity-" + database.replaceAll("[^A-Za-z0-9._-]+", "_") + "-" + LocalDate.now() + "." + extension;
    }

    public void exportHtml(Path file) {
        export("HTML", file, () -> IntegrityExport.writeHtml(file, report, comparison));
    }

    public void exportJson(Path file) {
        export("JSON", file, () -> IntegrityExport.writeJson(file, report, comparison));
    }

    public void exportCsv(Path file) {
        export("CSV", file, () -> IntegrityExport.writeCsv(file, report));
    }

    private void export(String kind, Path file, Supplier<Path> write) {
        if (report == null || file == null) {
            return;
        }
        jobs.run("Saving the " + kind + " report…", context -> write.get(),
                written -> status.set("Saved the " + kind + " report to " + written), errors);
    }

    /** A plain-text copy of the selected finding, for the clipboard. */
    public String selectedAsText() {
        FindingItem f = selected.get();
        if (f == null) {
            return "";
        }
        return f.severity().toUpperCase(Locale.ROOT) + " " + f.code() + ": " + f.title() + "\nwhere: " + f.where()
                + "\nrow: " + f.row() + "\nexpected: " + f.expected() + "\nfound: " + f.found()
                + (f.detail().isEmpty() ? "" : "\n" + f.detail());
    }

    /** The connection is going away: stop a running scan (its statements are cancelled on the server). */
    public void dispose() {
        cancel();
    }

    // ------------------------------------------------------------ properties

    public StringProperty appProperty() { return app; }
    public StringProperty modeProperty() { return mode; }
    public List<GroupToggle> groups() { return groups; }
    public ObservableList<String> apps() { return apps; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty progressTextProperty() { return progressText.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty hasReportProperty() { return hasReport.getReadOnlyProperty(); }
    public ReadOnlyStringProperty verdictProperty() { return verdict.getReadOnlyProperty(); }
    public ReadOnlyStringProperty verdictDetailProperty() { return verdictDetail.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Tone> toneProperty() { return tone.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty emptyTextProperty() { return emptyText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty comparisonTextProperty() { return comparisonText.getReadOnlyProperty(); }
    public ObservableList<FindingItem> findings() { return findings; }
    public ObservableList<FindingItem> added() { return added; }
    public ObservableList<FindingItem> gone() { return gone; }
    public ObservableList<CheckItem> checks() { return checks; }
    public ObservableList<String> notes() { return notes; }
    public ObjectProperty<FindingItem> selectedProperty() { return selected; }
    public ReadOnlyStringProperty fileHistoryTitleProperty() { return fileHistoryTitle.getReadOnlyProperty(); }
    public ObservableList<VersionItem> fileHistory() { return fileHistory; }
    public ReadOnlyBooleanProperty fileHistoryOpenProperty() { return fileHistoryOpen.getReadOnlyProperty(); }
    public BooleanBinding canRunProperty() { return canRun; }
    public BooleanBinding canExportProperty() { return canExport; }
    public BooleanBinding canOpenFileProperty() { return canOpenFile; }
}
