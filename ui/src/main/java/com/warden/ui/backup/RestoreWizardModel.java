package com.warden.ui.backup;

import com.warden.app.WardenException;
import com.warden.app.backup.BackupKind;
import com.warden.app.backup.BackupManifest;
import com.warden.app.backup.CatalogEntry;
import com.warden.app.backup.RestorePlan;
import com.warden.app.backup.RestoreRequest;
import com.warden.app.backup.RestoreService;
import com.warden.app.backup.RestoreTarget;
import com.warden.app.backup.TableName;
import com.warden.app.connect.ConnectionProfile;
import com.warden.ui.common.BackgroundJobs;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The restore wizard's state: which backup, where (a new database on this server by default, a
 * scratch instance, or over an existing database once its name is typed), which tables, and the
 * checked plan for the review page.
 */
public final class RestoreWizardModel {
    public static final String NEW = "new";
    public static final String SCRATCH = "scratch";
    public static final String EXISTING = "existing";

    private final ConnectionProfile server;
    private final RestoreService service;
    private final BackgroundJobs jobs;
    private final Map<String, CatalogEntry> backups;

    private final ObservableList<String> backupIds = FXCollections.observableArrayList();
    private final StringProperty backupId = new SimpleStringProperty();
    private final ReadOnlyStringWrapper backupDetail = new ReadOnlyStringWrapper("");
    private final StringProperty target = new SimpleStringProperty(NEW);
    private final StringProperty newName = new SimpleStringProperty("");
    private final BooleanProperty keepScratch = new SimpleBooleanProperty(false);
    private final StringProperty existingName = new SimpleStringProperty("");
    private final StringProperty typedName = new SimpleStringProperty("");
    private final ObservableList<Rows.Choice> tables = FXCollections.observableArrayList();
    private final IntegerProperty jobCount = new SimpleIntegerProperty(2);
    private final BooleanProperty verify = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper targetError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper physical = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper command = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper review = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reviewError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper reviewReady = new ReadOnlyBooleanWrapper(false);
    private RestorePlan plan;

    public RestoreWizardModel(ConnectionProfile server, RestoreService service, BackgroundJobs jobs, Map<String, CatalogEntry> backups,
                              String selected) {
        this.server = server;
        this.service = service;
        this.jobs = jobs;
        this.backups = backups;
        backupIds.setAll(backups.keySet());
        existingName.set(server.database());
        backupId.addListener((o, a, b) -> chooseBackup());
        for (javafx.beans.Observable o : List.of(target, newName, existingName, typedName, keepScratch)) {
            o.addListener(x -> validateTarget());
        }
        backupId.set(selected != null && backups.containsKey(selected) ? selected : backupIds.isEmpty() ? null : backupIds.get(0));
        validateTarget();
    }

    private void chooseBackup() {
        CatalogEntry e = backups.get(backupId.get());
        tables.clear();
        if (e == null) {
            backupDetail.set("");
            return;
        }
        BackupManifest m = e.manifest();
        physical.set(m.kind() == BackupKind.PHYSICAL);
        if (physical.get()) {
            target.set(SCRATCH);
        }
        newName.set(RestoreRequest.suggestName(m));
        backupDetail.set(m.summary() + ", " + e.state().label() + "; " + (m.tables() == null ? 0 : m.tables().size()) + " tables, "
                + String.format("%,d", m.totalRows()) + " rows");
        if (m.tables() != null) {
            for (BackupManifest.TableCount t : m.tables()) {
                tables.add(new Rows.Choice(t.name().toString(), String.format("%,d rows", t.rows())));
            }
        }
        validateTarget();
    }

    private void validateTarget() {
        reviewReady.set(false);
        try {
            target();
            targetError.set("");
        } catch (WardenException e) {
            targetError.set(e.line());
        }
    }

    RestoreTarget target() {
        if (backupId.get() == null) {
            throw new WardenException("Choose a backup.", "the catalogue lists them");
        }
        if (physical.get() && !SCRATCH.equals(target.get())) {
            throw new WardenException("A physical backup restores into a scratch instance only.", "choose the scratch instance");
        }
        return switch (target.get()) {
            case SCRATCH -> new RestoreTarget.Scratch(keepScratch.get(), null);
            case EXISTING -> new RestoreTarget.Existing(existingName.get(), typedName.get());
            default -> new RestoreTarget.NewDatabase(newName.get());
        };
    }

    RestoreRequest request() {
        RestoreTarget t = target();
        List<TableName> chosen = tables.stream().allMatch(Rows.Choice::isChecked) ? List.of()
                : tables.stream().filter(Rows.Choice::isChecked).map(c -> TableName.parse(c.name())).toList();
        if (!tables.isEmpty() && tables.stream().noneMatch(Rows.Choice::isChecked)) {
            throw new WardenException("No table is chosen.", "tick at least one table");
        }
        return new RestoreRequest(backups.get(backupId.get()), t instanceof RestoreTarget.Scratch ? null : server, t, chosen,
                jobCount.get(), verify.get(), true);
    }

    /** Checks the backup and the target (pg_restore --list, does the database exist) for the review page. */
    public void prepareReview() {
        reviewReady.set(false);
        reviewError.set("");
        command.set("Checking…");
        RestoreRequest request;
        try {
            request = request();
        } catch (WardenException e) {
            reviewError.set(e.line());
            command.set("");
            return;
        }
        jobs.run("Checking the restore…", ctx -> service.plan(request, ctx), p -> {
            plan = p;
            command.set(p.commandLine().isEmpty() ? "copy the base backup into a scratch data folder, then pg_ctl start" : p.commandLine());
            StringBuilder s = new StringBuilder("Restore ").append(request.backup().id()).append(" into ").append(request.target().describe())
                    .append(request.tables().isEmpty() ? "" : ", " + request.tables().size() + " tables only").append(".\n");
            s.append(request.verify() ? "Then verify: row counts against the manifest, foreign keys, indexes, integrity checks.\n" : "");
            p.notes().forEach(n -> s.append("Note: ").append(n).append('\n'));
            if (request.target() instanceof RestoreTarget.Existing ex) {
                s.append("\nThis REPLACES the contents of ").append(ex.name()).append(" (in one transaction).\n");
            }
            review.set(s.toString());
            reviewReady.set(true);
        }, problem -> {
            command.set("");
            reviewError.set(JobPanel.line(problem));
        });
    }

    RestorePlan plan() {
        return plan;
    }

    public ObservableList<String> backupIds() { return backupIds; }
    public StringProperty backupIdProperty() { return backupId; }
    public ReadOnlyStringProperty backupDetailProperty() { return backupDetail.getReadOnlyProperty(); }
    public StringProperty targetProperty() { return target; }
    public StringProperty newNameProperty() { return newName; }
    public BooleanProperty keepScratchProperty() { return keepScratch; }
    public StringProperty existingNameProperty() { return existingName; }
    public StringProperty typedNameProperty() { return typedName; }
    public ObservableList<Rows.Choice> tables() { return tables; }
    public IntegerProperty jobsProperty() { return jobCount; }
    public BooleanProperty verifyProperty() { return verify; }
    public ReadOnlyStringProperty targetErrorProperty() { return targetError.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty physicalProperty() { return physical.getReadOnlyProperty(); }
    public ReadOnlyStringProperty commandProperty() { return command.getReadOnlyProperty(); }
    public ReadOnlyStringProperty reviewProperty() { return review.getReadOnlyProperty(); }
    public ReadOnlyStringProperty reviewErrorProperty() { return reviewError.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty reviewReadyProperty() { return reviewReady.getReadOnlyProperty(); }

}
