package com.warden.ui.backup;

import com.warden.app.WardenException;
import com.warden.app.backup.CatalogEntry;
import com.warden.app.backup.Lsn;
import com.warden.app.backup.PitrPlan;
import com.warden.app.backup.PitrRequest;
import com.warden.app.backup.PitrService;
import com.warden.app.backup.RecoveryTarget;
import com.warden.app.backup.RecoveryWindow;
import com.warden.app.backup.WalScanner;
import com.warden.ui.common.BackgroundJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The PITR wizard's state: a physical base backup and a WAL archive, what they cover (read with
 * pg_waldump in the background), a target inside that window (time, LSN, restore point, latest or
 * the end of the backup), and whether to keep the scratch instance.
 */
public final class PitrWizardModel {
    public static final String TIME = "time";
    public static final String LSN = "lsn";
    public static final String NAME = "name";
    public static final String LATEST = "latest";
    public static final String IMMEDIATE = "immediate";
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final PitrService service;
    private final WalScanner scanner;
    private final BackgroundJobs jobs;
    private final Map<String, CatalogEntry> bases;

    private final ObservableList<String> baseIds = FXCollections.observableArrayList();
    private final StringProperty baseId = new SimpleStringProperty();
    private final StringProperty archive = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper sourceError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper window = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper windowReady = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<String> restorePoints = FXCollections.observableArrayList();
    private final StringProperty targetKind = new SimpleStringProperty(LATEST);
    private final StringProperty time = new SimpleStringProperty("");
    private final StringProperty lsn = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final BooleanProperty keep = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper targetError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper review = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reviewError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper reviewReady = new ReadOnlyBooleanWrapper(false);
    private RecoveryWindow covered;
    private PitrPlan plan;

    public PitrWizardModel(PitrService service, WalScanner scanner, BackgroundJobs jobs, Map<String, CatalogEntry> bases, String selected,
                           String defaultArchive) {
        this.service = service;
        this.scanner = scanner;
        this.jobs = jobs;
        this.bases = bases;
        baseIds.setAll(bases.keySet());
        archive.set(defaultArchive == null ? "" : defaultArchive);
        baseId.set(selected != null && bases.containsKey(selected) ? selected : baseIds.isEmpty() ? null : baseIds.get(0));
        for (javafx.beans.Observable o : List.of(baseId, archive)) {
            o.addListener(x -> {
                windowReady.set(false);
                validateSource();
            });
        }
        for (javafx.beans.Observable o : List.of(targetKind, time, lsn, name)) {
            o.addListener(x -> validateTarget());
        }
        validateSource();
    }

    private void validateSource() {
        if (baseId.get() == null) {
            sourceError.set("No physical base backup in the catalogue: take one first (kind: physical).");
        } else if (!archive.get().isBlank() && !Files.isDirectory(Path.of(archive.get().trim()))) {
            sourceError.set("The archive folder " + archive.get() + " does not exist.");
        } else {
            sourceError.set("");
        }
    }

    /** Reads what the backup and archive cover, for the target page. */
    public void computeWindow() {
        windowReady.set(false);
        window.set("Reading the archived WAL…");
        CatalogEntry base = bases.get(baseId.get());
        Path arch = archivePath();
        jobs.run("Reading what the backup and archive cover…", ctx -> scanner.window(base, arch, true, ctx), w -> {
            covered = w;
            StringBuilder s = new StringBuilder("Covered from ").append(w.fromTime() == null ? "?" : LOCAL.format(w.fromTime()))
                    .append(" (").append(w.fromLsn()).append(", end of the base backup) to ")
                    .append(w.toTime() == null ? "the end of the backup" : LOCAL.format(w.toTime())).append(" (").append(w.toLsn())
                    .append(w.toTime() == null ? ")" : ", last archived commit)").append(", local time.");
            if (!w.restorePoints().isEmpty()) {
                s.append("\nRestore points: ").append(String.join(", ", w.restorePoints().stream().map(p -> p.name() + " at " + p.lsn()).toList()));
            }
            w.notes().forEach(n -> s.append("\nNote: ").append(n));
            window.set(s.toString());
            restorePoints.setAll(w.restorePoints().stream().map(RecoveryWindow.RestorePoint::name).toList());
            if (time.get().isBlank() && w.toTime() != null) {
                time.set(LOCAL.format(w.toTime()));
            }
            if (name.get() == null || name.get().isBlank()) {
                restorePoints.stream().reduce((a, b) -> b).ifPresent(name::set);
            }
            if (lsn.get().isBlank()) {
                lsn.set(w.toLsn().toString());
            }
            if (arch == null) {
                targetKind.set(IMMEDIATE);
            }
            windowReady.set(true);
            validateTarget();
        }, problem -> {
            window.set(JobPanel.line(problem));
            windowReady.set(false);
        });
    }

    private Path archivePath() {
        return archive.get() == null || archive.get().isBlank() ? null : Path.of(archive.get().trim());
    }

    RecoveryTarget target() {
        return switch (targetKind.get()) {
            case TIME -> new RecoveryTarget.Time(RecoveryTarget.parseTime(time.get()));
            case LSN -> new RecoveryTarget.AtLsn(Lsn.parse(lsn.get()));
            case NAME -> new RecoveryTarget.Named(name.get());
            case IMMEDIATE -> new RecoveryTarget.Immediate();
            default -> new RecoveryTarget.Latest();
        };
    }

    private void validateTarget() {
        reviewReady.set(false);
        try {
            RecoveryTarget t = target();
            if (archivePath() == null && !(t instanceof RecoveryTarget.Immediate)) {
                throw new WardenException("Without a WAL archive the backup recovers to its own end only.", "choose 'end of the base backup'");
            }
            if (covered != null) {
                covered.check(t);
            }
            targetError.set("");
        } catch (WardenException e) {
            targetError.set(e.line());
        }
    }

    /** Plans the recovery (window check, settings) for the review page. */
    public void prepareReview() {
        reviewReady.set(false);
        reviewError.set("");
        review.set("Checking…");
        PitrRequest request;
        try {
            request = new PitrRequest(bases.get(baseId.get()), archivePath(), target(), keep.get(), null, Duration.ofHours(2), true);
        } catch (WardenException e) {
            reviewError.set(e.line());
            review.set("");
            return;
        }
        jobs.run("Checking the recovery…", ctx -> service.plan(request, ctx), p -> {
            plan = p;
            StringBuilder s = new StringBuilder("Recover ").append(request.base().id()).append(" to ").append(request.target().describe())
                    .append(" in a scratch instance (a new temp folder, a free loopback port); the source server is not touched.\n\n");
            s.append("postgresql.auto.conf of the scratch instance:\n");
            s.append("  archive_mode = off   (it never writes into your archive)\n");
            p.settings().forEach(line -> s.append("  ").append(line).append('\n'));
            s.append(p.archiveRecovery() ? "and recovery.signal.\n" : "no recovery.signal: PostgreSQL replays the backup's own WAL.\n");
            s.append("\nAfterwards: verify, then open it in Warden, keep it, or discard it.");
            review.set(s.toString());
            reviewReady.set(true);
        }, problem -> {
            review.set("");
            reviewError.set(JobPanel.line(problem));
        });
    }

    PitrPlan plan() {
        return plan;
    }

    public ObservableList<String> baseIds() { return baseIds; }
    public StringProperty baseIdProperty() { return baseId; }
    public StringProperty archiveProperty() { return archive; }
    public ReadOnlyStringProperty sourceErrorProperty() { return sourceError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty windowProperty() { return window.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty windowReadyProperty() { return windowReady.getReadOnlyProperty(); }
    public ObservableList<String> restorePoints() { return restorePoints; }
    public StringProperty targetKindProperty() { return targetKind; }
    public StringProperty timeProperty() { return time; }
    public StringProperty lsnProperty() { return lsn; }
    public StringProperty nameProperty() { return name; }
    public BooleanProperty keepProperty() { return keep; }
    public ReadOnlyStringProperty targetErrorProperty() { return targetError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty reviewProperty() { return review.getReadOnlyProperty(); }
    public ReadOnlyStringProperty reviewErrorProperty() { return reviewError.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty reviewReadyProperty() { return reviewReady.getReadOnlyProperty(); }
}
