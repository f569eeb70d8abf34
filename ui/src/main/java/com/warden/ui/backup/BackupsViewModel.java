package com.warden.ui.backup;

import com.warden.app.backup.ArchiveReadiness;
import com.warden.app.backup.BackupCatalog;
import com.warden.app.backup.BackupKind;
import com.warden.app.backup.BackupManifest;
import com.warden.app.backup.BackupState;
import com.warden.app.backup.Bytes;
import com.warden.app.backup.CatalogEntry;
import com.warden.app.backup.DrillReport;
import com.warden.app.backup.DrillRequest;
import com.warden.app.backup.PitrResult;
import com.warden.app.backup.RestoreDrill;
import com.warden.app.backup.RestoreResult;
import com.warden.app.backup.RetentionPlan;
import com.warden.app.backup.RetentionPolicy;
import com.warden.app.backup.ScratchInstance;
import com.warden.app.backup.Step;
import com.warden.app.backup.VerificationReport;
import com.warden.app.backup.WalArchive;
import com.warden.app.connect.ConnectionProfile;
import com.warden.ui.common.BackgroundJobs;
import com.warden.ui.shell.ScreenContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Backups &amp; Drills screen: the catalogue (with verify, delete and a retention preview), WAL
 * archiving readiness and archive continuity, restore drills with their history, the scratch
 * instances Warden started, and the long job that runs a wizard's backup, restore or recovery.
 * The only caller of the engine's backup package on the desktop.
 */
public final class BackupsViewModel {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ScreenContext context;
    private final BackupsServices services;
    private final BackgroundJobs jobs;
    private final JobPanel job;
    private final ScratchRegistry scratches;

    private final StringProperty catalogFolder = new SimpleStringProperty();
    private final ObservableList<Rows.CatalogRow> backups = FXCollections.observableArrayList();
    private final ObjectProperty<Rows.CatalogRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper catalogStatus = new ReadOnlyStringWrapper("");
    private final Map<String, CatalogEntry> entries = new LinkedHashMap<>();

    private final IntegerProperty keepDaily = new SimpleIntegerProperty(7);
    private final IntegerProperty keepWeekly = new SimpleIntegerProperty(4);
    private final ObservableList<Rows.DecisionRow> retention = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper retentionSummary = new ReadOnlyStringWrapper("");
    private RetentionPlan retentionPlan;

    private final ReadOnlyStringWrapper archiveVerdict = new ReadOnlyStringWrapper("");
    private final ObservableList<String> archiveLines = FXCollections.observableArrayList();
    private final StringProperty archiveFolder = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper archiveSettings = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper continuity = new ReadOnlyStringWrapper("");

    private final BooleanProperty drillTakeBackup = new SimpleBooleanProperty(false);
    private final ObservableList<Rows.StepRow> drillSteps = FXCollections.observableArrayList();
    private final ObservableList<Rows.CountRow> drillCounts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper drillSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper drillVerdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper drillReport = new ReadOnlyStringWrapper("");
    private final ObservableList<Rows.DrillRow> drillHistory = FXCollections.observableArrayList();

    private final ObservableList<Rows.StepRow> lastSteps = FXCollections.observableArrayList();
    private final ObservableList<Rows.CountRow> lastCounts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper lastOutcome = new ReadOnlyStringWrapper("");

    public BackupsViewModel(ScreenContext context, BackupsServices services, BackgroundJobs longJobs, Executor fx,
                            ScratchRegistry scratches) {
        this.context = context;
        this.services = services;
        this.jobs = context.jobs();
        this.job = new JobPanel(longJobs, fx);
        this.scratches = scratches;
        catalogFolder.set(context.dirs().data().resolve("backups").toString());
        selected.addListener((o, a, b) -> describe(b));
        catalogFolder.addListener((o, a, b) -> load());
    }

    ConnectionProfile profile() {
        return context.database().profile();
    }

    Path catalogRoot() {
        return Path.of(catalogFolder.get());
    }

    /** Reads the catalogue, the drill history and the server's archiving readiness. */
    public void load() {
        Path root = catalogRoot();
        jobs.run("Reading the backup catalogue…", ctx -> new Loaded(new BackupCatalog(root).list(), RestoreDrill.history(root)), loaded -> {
            String keep = selected.get() == null ? null : selected.get().id();
            entries.clear();
            List<Rows.CatalogRow> rows = new ArrayList<>();
            for (CatalogEntry e : loaded.entries()) {
                entries.put(e.id(), e);
                rows.add(row(e));
            }
            backups.setAll(rows);
            catalogStatus.set(rows.size() + " backups in " + root);
            rows.stream().filter(r -> r.id().equals(keep)).findFirst().ifPresentOrElse(selected::set,
                    () -> selected.set(rows.isEmpty() ? null : rows.get(0)));
            drillHistory.setAll(loaded.drills().stream().map(BackupsViewModel::drillRow).toList());
        }, problem -> catalogStatus.set(JobPanel.line(problem)));
        jobs.run("Reading WAL archiving settings…", ctx -> context.database().withConnection(WalArchive::readiness), this::showReadiness,
                problem -> archiveVerdict.set("Unknown: " + JobPanel.line(problem)));
    }

    private record Loaded(List<CatalogEntry> entries, List<DrillReport> drills) { }

    static Rows.CatalogRow row(CatalogEntry e) {
        BackupManifest m = e.manifest();
        return new Rows.CatalogRow(m.id(), m.finishedAt() == null ? "" : TIME.format(m.finishedAt()),
                m.kind().name().toLowerCase() + " " + m.format(),
                m.source() == null ? "" : m.source().database() + " @ " + m.source().host() + ":" + m.source().port(),
                Bytes.human(m.backupBytes()), m.tables() == null ? "" : Integer.toString(m.tables().size()), e.state().label(),
                m.kind() == BackupKind.PHYSICAL, e.state() == BackupState.VERIFIED || e.state() == BackupState.UNVERIFIED);
    }

    private void describe(Rows.CatalogRow row) {
        CatalogEntry e = row == null ? null : entries.get(row.id());
        if (e == null) {
            details.set("");
            return;
        }
        BackupManifest m = e.manifest();
        StringBuilder s = new StringBuilder();
        s.append(m.id()).append(" — ").append(e.state() == BackupState.VERIFIED ? e.stateDetail() : e.state().label() + ": " + e.stateDetail())
                .append('\n');
        s.append("Folder        ").append(e.folder()).append('\n');
        s.append("Source        ").append(m.source().uri()).append(" (PostgreSQL ").append(m.source().serverVersion()).append(")\n");
        s.append("Taken         ").append(m.startedAt() == null ? "" : TIME.format(m.startedAt())).append(" to ")
                .append(m.finishedAt() == null ? "" : TIME.format(m.finishedAt()))
                .append(String.format(" (%.1f s)", m.duration().toMillis() / 1000.0)).append('\n');
        s.append("WAL           ").append(m.startLsn()).append(" to ").append(m.endLsn())
                .append(m.timeline() == null ? "" : ", timeline " + m.timeline()).append('\n');
        s.append("Size          ").append(Bytes.human(m.backupBytes())).append(" in ").append(m.files() == null ? 0 : m.files().size())
                .append(" files (SHA-256 each); database ").append(Bytes.human(m.databaseBytes())).append('\n');
        s.append("Tables        ").append(m.tables() == null ? 0 : m.tables().size()).append(", ")
                .append(String.format("%,d", m.totalRows())).append(" rows at backup time\n");
        s.append("Tool          ").append(m.tool() == null ? "" : m.tool().path() + " " + m.tool().version()).append('\n');
        s.append("Command       ").append(m.command()).append('\n');
        if (m.tables() != null && !m.tables().isEmpty()) {
            s.append('\n');
            for (BackupManifest.TableCount t : m.tables()) {
                s.append(String.format("  %-40s %,14d%n", t.name(), t.rows()));
            }
        }
        details.set(s.toString());
    }

    /** Recomputes the digests of the selected backup and runs its tool's check. */
    public void verifySelected() {
        CatalogEntry e = selectedEntry();
        if (e == null) {
            return;
        }
        job.start("Verifying " + e.id(), ctx -> new BackupCatalog(catalogRoot()).verify(e, services.tools(), ctx), checked -> {
            job.finish(checked.id() + ": " + checked.state().label() + " — " + checked.manifest().verification().detail(),
                    checked.state() == BackupState.VERIFIED);
            load();
        }, problem -> load());
    }

    /** Deletes the selected backup (the controller asks first). */
    public void deleteSelected() {
        CatalogEntry e = selectedEntry();
        if (e == null) {
            return;
        }
        jobs.run("Deleting " + e.id() + "…", ctx -> {
            new BackupCatalog(catalogRoot()).delete(e);
            return e.id();
        }, id -> {
            job.finish("Deleted " + id + ".", true);
            load();
        }, problem -> job.finish(JobPanel.line(problem), false));
    }

    CatalogEntry selectedEntry() {
        return selected.get() == null ? null : entries.get(selected.get().id());
    }

    // ---- retention ---------------------------------------------------------------------------

    public void previewRetention() {
        try {
            RetentionPolicy policy = new RetentionPolicy(keepDaily.get(), keepWeekly.get());
            jobs.run("Previewing the retention policy…", ctx -> new BackupCatalog(catalogRoot()).preview(policy), plan -> {
                retentionPlan = plan;
                retention.setAll(plan.decisions().stream().map(d -> new Rows.DecisionRow(d.entry().id(),
                        d.entry().manifest().finishedAt() == null ? "" : TIME.format(d.entry().manifest().finishedAt()),
                        Bytes.human(d.entry().manifest().backupBytes()), d.keep() ? "keep" : "delete", d.reason())).toList());
                retentionSummary.set(plan.policy() + ": " + plan.toKeep().size() + " kept, " + plan.toDelete().size() + " to delete ("
                        + Bytes.human(plan.bytesFreed()) + ")");
            }, problem -> retentionSummary.set(JobPanel.line(problem)));
        } catch (com.warden.app.WardenException e) {
            retentionSummary.set(e.line());
        }
    }

    /** Deletes what the last preview listed (the controller asks first). */
    public void applyRetention() {
        RetentionPlan plan = retentionPlan;
        if (plan == null || plan.toDelete().isEmpty()) {
            return;
        }
        jobs.run("Applying the retention policy…", ctx -> new BackupCatalog(catalogRoot()).apply(plan), deleted -> {
            retentionSummary.set("Deleted " + deleted.size() + " backups (" + Bytes.human(plan.bytesFreed()) + ").");
            retention.clear();
            retentionPlan = null;
            load();
        }, problem -> retentionSummary.set(JobPanel.line(problem)));
    }

    public boolean retentionHasDeletions() {
        return retentionPlan != null && !retentionPlan.toDelete().isEmpty();
    }

    // ---- WAL archiving -------------------------------------------------------------------------

    private void showReadiness(ArchiveReadiness r) {
        archiveVerdict.set(switch (r.verdict()) {
            case READY -> "Ready for point-in-time recovery";
            case DEGRADED -> "Archiving, with problems";
            case NOT_READY -> "Not ready: WAL is not archived";
        });
        List<String> lines = new ArrayList<>();
        lines.add("wal_level = " + r.walLevel());
        lines.add("archive_mode = " + r.archiveMode());
        lines.add("archive_command = " + (r.archiveCommand().isBlank() ? "(empty)" : r.archiveCommand()));
        lines.add("archive_timeout = " + r.archiveTimeoutSeconds() + " s");
        lines.add("archived: " + r.archivedCount() + (r.lastArchivedWal() == null ? "" : ", last " + r.lastArchivedWal() + " at "
                + TIME.format(r.lastArchivedTime().toInstant())));
        lines.add("failed: " + r.failedCount() + (r.lastFailedWal() == null ? "" : ", last " + r.lastFailedWal() + " at "
                + TIME.format(r.lastFailedTime().toInstant())));
        r.reasons().forEach(x -> lines.add("• " + x));
        archiveLines.setAll(lines);
    }

    /** The postgresql.conf lines for the chosen archive folder. */
    public void makeSettings() {
        if (archiveFolder.get() == null || archiveFolder.get().isBlank()) {
            archiveSettings.set("Choose the folder the server should archive into (on the server's machine).");
            return;
        }
        archiveSettings.set(String.join("\n", WalArchive.settingsFor(Path.of(archiveFolder.get().trim()),
                System.getProperty("os.name", "").toLowerCase().startsWith("windows"))));
    }

    /** Checks the archive folder for missing segments and timeline history. */
    public void checkContinuity() {
        if (archiveFolder.get() == null || archiveFolder.get().isBlank()) {
            continuity.set("Choose the archive folder to check.");
            return;
        }
        Path folder = Path.of(archiveFolder.get().trim());
        jobs.run("Checking the archive's continuity…", ctx -> WalArchive.continuity(folder, 16L * 1024 * 1024), r -> {
            StringBuilder s = new StringBuilder();
            s.append(r.segments()).append(" segments").append(r.newest() == null ? "" : ", newest " + TIME.format(r.newest())).append('\n');
            r.timelines().forEach(t -> s.append("timeline ").append(t.timeline()).append(": ").append(t.first()).append(" … ").append(t.last())
                    .append(" (").append(t.segments()).append(")").append(t.missing().isEmpty() ? ", no gaps" : ", MISSING " + String.join(", ", t.missing()))
                    .append(t.hasHistory() ? "" : ", NO HISTORY FILE").append('\n'));
            r.history().forEach(h -> s.append("timeline ").append(h.timeline()).append(" branched from ").append(h.parent()).append(" at ")
                    .append(h.switchLsn()).append('\n'));
            s.append(r.continuous() ? "Continuous." : "Not continuous: " + String.join("; ", r.problems()));
            continuity.set(s.toString());
        }, problem -> continuity.set(JobPanel.line(problem)));
    }

    // ---- wizards and the long job --------------------------------------------------------------

    public BackupWizardModel newBackupWizard() {
        return new BackupWizardModel(profile(), services.backups(), jobs, catalogRoot());
    }

    /** Runs the wizard's planned backup as the long job; the catalogue shows it when it is done. */
    public void runBackup(BackupWizardModel wizard) {
        var plan = wizard.plan();
        if (plan == null) {
            return;
        }
        if (!plan.request().catalog().equals(catalogRoot())) {
            catalogFolder.set(plan.request().catalog().toString());
        }
        job.start("Backing up " + profile().label(), ctx -> services.backups().run(plan, ctx), entry -> {
            job.finish("Backup " + entry.id() + " done: " + Bytes.human(entry.manifest().backupBytes()) + " in "
                    + String.format("%.1f s", entry.manifest().duration().toMillis() / 1000.0) + ", verified ("
                    + entry.manifest().verification().method() + ").", true);
            load();
            selected.set(row(entry));
        }, problem -> load());
    }

    public RestoreWizardModel newRestoreWizard() {
        Map<String, CatalogEntry> usable = new LinkedHashMap<>();
        entries.values().stream().filter(e -> e.state() != BackupState.DAMAGED).forEach(e -> usable.put(e.id(), e));
        return new RestoreWizardModel(profile(), services.restores(), jobs, usable, selected.get() == null ? null : selected.get().id());
    }

    public void runRestore(RestoreWizardModel wizard) {
        var plan = wizard.plan();
        if (plan == null) {
            return;
        }
        job.start("Restoring " + plan.request().backup().id(), ctx -> services.restores().run(plan, ctx), result -> {
            showOutcome(result.steps(), result.verification());
            String where = result.profile() == null ? "" : " — " + result.profile().safeUri();
            job.finish("Restored into " + result.target().describe() + " in " + String.format("%.1f s", result.elapsed().toMillis() / 1000.0)
                    + "; " + (result.verification() == null ? "not verified" : result.verification().verdict() + ": "
                    + result.verification().summary()) + where, result.verified());
            if (result.scratch() != null) {
                scratches.add(result.scratch(), result.database());
            }
        }, problem -> { });
    }

    public PitrWizardModel newPitrWizard() {
        Map<String, CatalogEntry> bases = new LinkedHashMap<>();
        entries.values().stream().filter(e -> e.manifest().kind() == BackupKind.PHYSICAL && e.state() != BackupState.DAMAGED)
                .forEach(e -> bases.put(e.id(), e));
        String chosen = selected.get() != null && selected.get().physical() ? selected.get().id() : null;
        return new PitrWizardModel(services.pitr(), services.scanner(), jobs, bases, chosen, archiveFolder.get());
    }

    public void runPitr(PitrWizardModel wizard) {
        var plan = wizard.plan();
        if (plan == null) {
            return;
        }
        job.start("Recovering " + plan.request().base().id() + " to " + plan.request().target().describe(), ctx -> services.pitr().run(plan, ctx),
                (PitrResult result) -> {
                    showOutcome(result.steps(), result.verification());
                    scratches.add(result.instance(), result.database());
                    if (wizard.keepProperty().get()) {
                        scratches.keep(result.instance().folder().getFileName().toString());
                    }
                    job.finish("Recovered to " + result.target().describe() + "; last transaction "
                            + (result.recoveredToTime() == null ? "-" : TIME.format(result.recoveredToTime())) + " at " + result.recoveredToLsn()
                            + ". The scratch instance runs at " + result.url() + " — open it, keep it, or discard it below.",
                            result.verification() == null || result.verification().verdict() != VerificationReport.Verdict.FAIL);
                }, problem -> { });
    }

    private void showOutcome(List<Step> steps, VerificationReport v) {
        lastSteps.setAll(steps.stream().map(BackupsViewModel::stepRow).toList());
        lastCounts.setAll(v == null ? List.of() : v.tables().stream().map(BackupsViewModel::countRow).toList());
        lastOutcome.set(v == null ? "" : v.verdict() + " — " + v.summary());
    }

    // ---- drills ---------------------------------------------------------------------------------

    /** One action: take or pick the latest backup, restore, verify, time, tear down, report. */
    public void runDrill() {
        ConnectionProfile source = profile();
        Path root = catalogRoot();
        Path archive = archiveFolder.get() == null || archiveFolder.get().isBlank() ? null : Path.of(archiveFolder.get().trim());
        if (archive != null && !Files.isDirectory(archive)) {
            archive = null;
        }
        DrillRequest request = new DrillRequest(source, root, null, drillTakeBackup.get(), null, archive, null, true);
        drillSteps.clear();
        drillCounts.clear();
        drillVerdict.set("");
        drillSummary.set("Running…");
        job.start("Restore drill of " + source.label(), ctx -> services.drill().run(request, ctx), report -> {
            drillSteps.setAll(report.steps().stream().map(BackupsViewModel::stepRow).toList());
            drillCounts.setAll(report.tables().stream().map(BackupsViewModel::countRow).toList());
            drillVerdict.set(report.verdict());
            drillSummary.set(String.format("RTO %.1f s · RPO %s · backup %s%s", report.rtoSeconds(),
                    report.rpoSeconds() < 0 ? "–" : String.format("%.0f s", report.rpoSeconds()), report.backupId(),
                    report.failure() == null ? "" : " · " + report.failure()));
            drillReport.set(RestoreDrill.drillsFolder(root).resolve(report.id() + ".html").toString());
            job.finish("Drill " + report.verdict() + String.format(": RTO %.1f s", report.rtoSeconds())
                    + (report.failure() == null ? "" : " — " + report.failure()), !DrillReport.FAIL.equals(report.verdict()));
            load();
        }, problem -> drillSummary.set(JobPanel.line(problem)));
    }

    static Rows.StepRow stepRow(Step s) {
        return new Rows.StepRow(s.name(), String.format("%.2f", s.seconds()), s.ok() ? "✓" : "✗", s.detail());
    }

    static Rows.CountRow countRow(VerificationReport.TableCheck t) {
        return new Rows.CountRow(t.table(), t.expected() == null ? "–" : String.format("%,d", t.expected()),
                t.actual() == null ? "missing" : String.format("%,d", t.actual()), t.ok() ? "✓" : "differs");
    }

    static Rows.DrillRow drillRow(DrillReport r) {
        return new Rows.DrillRow(r.id(), r.startedAt() == null ? "" : TIME.format(r.startedAt()), r.backupId(), r.verdict(), r.rtoSeconds(),
                r.rpoSeconds() < 0 ? "–" : String.format("%.0f s", r.rpoSeconds()));
    }

    // ---- scratch instances ----------------------------------------------------------------------

    /** Points the whole window at a running scratch instance: every screen then works on it. */
    public void openScratch(Rows.ScratchRow row) {
        ScratchInstance s = scratches.instance(row.id());
        if (s != null) {
            context.connectTo(s.profile(scratches.database(row.id())));
        }
    }

    public void keepScratch(Rows.ScratchRow row) {
        scratches.keep(row.id());
    }

    public void discardScratch(Rows.ScratchRow row) {
        jobs.run("Stopping the scratch instance…", ctx -> {
            scratches.discard(row.id());
            return row.id();
        }, id -> job.finish("Scratch instance " + id + " stopped and removed.", true), problem -> job.finish(JobPanel.line(problem), false));
    }

    public void cancel() {
        job.cancel();
        load();
    }

    /** The connection goes away: stop the running job (its partial output is removed). */
    public void dispose() {
        job.cancel();
    }

    Instant now() {
        return Instant.now();
    }

    public JobPanel job() { return job; }
    public StringProperty catalogFolderProperty() { return catalogFolder; }
    public ObservableList<Rows.CatalogRow> backups() { return backups; }
    public ObjectProperty<Rows.CatalogRow> selectedProperty() { return selected; }
    public ReadOnlyStringProperty detailsProperty() { return details.getReadOnlyProperty(); }
    public ReadOnlyStringProperty catalogStatusProperty() { return catalogStatus.getReadOnlyProperty(); }
    public IntegerProperty keepDailyProperty() { return keepDaily; }
    public IntegerProperty keepWeeklyProperty() { return keepWeekly; }
    public ObservableList<Rows.DecisionRow> retention() { return retention; }
    public ReadOnlyStringProperty retentionSummaryProperty() { return retentionSummary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty archiveVerdictProperty() { return archiveVerdict.getReadOnlyProperty(); }
    public ObservableList<String> archiveLines() { return archiveLines; }
    public StringProperty archiveFolderProperty() { return archiveFolder; }
    public ReadOnlyStringProperty archiveSettingsProperty() { return archiveSettings.getReadOnlyProperty(); }
    public ReadOnlyStringProperty continuityProperty() { return continuity.getReadOnlyProperty(); }
    public BooleanProperty drillTakeBackupProperty() { return drillTakeBackup; }
    public ObservableList<Rows.StepRow> drillSteps() { return drillSteps; }
    public ObservableList<Rows.CountRow> drillCounts() { return drillCounts; }
    public ReadOnlyStringProperty drillSummaryProperty() { return drillSummary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty drillVerdictProperty() { return drillVerdict.getReadOnlyProperty(); }
    public ReadOnlyStringProperty drillReportProperty() { return drillReport.getReadOnlyProperty(); }
    public ObservableList<Rows.DrillRow> drillHistory() { return drillHistory; }
    public ObservableList<Rows.StepRow> lastSteps() { return lastSteps; }
    public ObservableList<Rows.CountRow> lastCounts() { return lastCounts; }
    public ReadOnlyStringProperty lastOutcomeProperty() { return lastOutcome.getReadOnlyProperty(); }
    public ObservableList<Rows.ScratchRow> scratches() { return scratches.rows(); }
}
