package com.warden.app.backup;

import com.warden.app.WardenException;
import com.warden.app.connect.ProfileResolver;
import com.warden.app.job.JobCancelledException;
import com.warden.app.job.JobContext;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A restore drill, the proof that backups restore: take or pick the latest backup, restore it
 * into a scratch instance, verify it (row counts against the manifest, foreign keys, indexes,
 * integrity checks), measure RTO and RPO, and tear the instance down, also after a failure.
 * Every drill leaves a report (JSON and HTML) in the catalogue's {@code drills} folder.
 */
public final class RestoreDrill {
    private static final Logger LOG = LoggerFactory.getLogger(RestoreDrill.class);
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ToolLocator tools;
    private final ProfileResolver resolver;

    public RestoreDrill(ToolLocator tools, ProfileResolver resolver) {
        this.tools = tools;
        this.resolver = resolver;
    }

    public static Path drillsFolder(Path catalog) {
        return catalog.resolve("drills");
    }

    /** Runs the drill and saves its report; never throws for a failed drill (the report says FAIL), only when cancelled. */
    public DrillReport run(DrillRequest request, JobContext job) {
        Instant started = Instant.now();
        String id = LocalDateTime.now().format(ID_TIME) + "-drill";
        List<Step> steps = new ArrayList<>();
        BackupCatalog catalog = new BackupCatalog(request.catalog());
        CatalogEntry backup = null;
        VerificationReport verification = null;
        Instant restorable = null;
        String failure = null;
        double rto = 0;
        boolean removed = true;
        String postgres = null;
        String source = request.source() == null ? null : request.source().safeUri();
        ScratchInstance scratch = null;
        Instant restoreStarted = null;
        try {
            if (request.takeBackup()) {
                long t = System.nanoTime();
                BackupService service = new BackupService(tools, resolver);
                BackupRequest br = request.backupRequest() != null ? request.backupRequest() : BackupRequest.logical(request.catalog());
                job.progress(0, -1, "Taking a backup for the drill");
                backup = service.run(service.plan(request.source(), br), job);
                steps.add(new Step("take a backup", since(t), true, backup.id() + ", " + Bytes.human(backup.manifest().backupBytes())));
            } else {
                backup = pick(catalog, request);
                steps.add(new Step("pick the backup", Duration.ZERO, true, backup.id() + " (" + backup.state().label() + ")"));
            }
            BackupManifest m = backup.manifest();
            postgres = m.source().serverVersion();
            source = source == null ? m.source().uri() : source;
            long restoreStart = System.nanoTime();
            restoreStarted = Instant.now();
            if (m.kind() == BackupKind.LOGICAL) {
                RestoreService restore = new RestoreService(tools, resolver);
                RestoreRequest rr = new RestoreRequest(backup, null, new RestoreTarget.Scratch(true, request.scratchParent()), List.of(),
                        2, true, request.integrity());
                RestoreResult result = restore.run(restore.plan(rr, job), job);
                scratch = result.scratch();
                steps.addAll(result.steps());
                verification = result.verification();
                restorable = m.startedAt();
            } else {
                PitrService pitr = new PitrService(tools);
                RecoveryTarget target = request.archive() == null ? new RecoveryTarget.Immediate() : new RecoveryTarget.Latest();
                PitrPlan plan = pitr.plan(new PitrRequest(backup, request.archive(), target, true, request.scratchParent(), null, true), job);
                PitrResult result = pitr.run(plan, job);
                scratch = result.instance();
                steps.addAll(result.steps());
                verification = result.verification();
                restorable = plan.window().toTime() != null && request.archive() != null ? plan.window().toTime()
                        : plan.window().fromTime();
            }
            rto = (System.nanoTime() - restoreStart) / 1e9;
        } catch (JobCancelledException e) {
            failure = "cancelled";
            throw e;
        } catch (WardenException e) {
            failure = e.line();
            steps.add(new Step("failed", Duration.ZERO, false, e.line()));
            LOG.warn("Drill failed: {}", e.line());
        } catch (RuntimeException e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            steps.add(new Step("failed", Duration.ZERO, false, failure));
            LOG.warn("Drill failed", e);
        } finally {
            if (scratch != null) {
                long t = System.nanoTime();
                Path folder = scratch.folder();
                scratch.discard();
                removed = !Files.exists(folder);
                steps.add(new Step("tear down the scratch instance", since(t), removed, removed ? "folder removed" : "folder left: " + folder));
            }
            if ("cancelled".equals(failure)) {
                saveQuietly(request.catalog(), report(id, source, backup, started, restoreStarted, restorable, 0, steps, null, "cancelled",
                        removed, postgres));
            }
        }
        DrillReport report = report(id, source, backup, started, restoreStarted, restorable, rto, steps, verification, failure, removed,
                postgres);
        save(request.catalog(), report);
        return report;
    }

    private static DrillReport report(String id, String source, CatalogEntry backup, Instant started, Instant restoreStarted,
                                      Instant restorable, double rto,
                                      List<Step> steps, VerificationReport v, String failure, boolean removed, String postgres) {
        String verdict;
        if (failure != null || v == null) {
            verdict = DrillReport.FAIL;
        } else {
            verdict = switch (v.verdict()) {
                case PASS -> DrillReport.PASS;
                case WARN -> DrillReport.WARN;
                case FAIL -> DrillReport.FAIL;
            };
        }
        Instant finished = Instant.now();
        // RPO: how old the newest restorable point was when the restore began (what a disaster then would lose)
        Instant reference = restoreStarted != null ? restoreStarted : started;
        double rpo = restorable == null ? -1 : Math.max(0, Duration.between(restorable, reference).toMillis() / 1000.0);
        return new DrillReport(id, source, backup == null ? null : backup.id(), backup == null ? null : backup.manifest().kind(),
                backup == null ? null : backup.manifest().format(), started, finished, restorable, round(rto), round(rpo), steps,
                v == null ? List.of() : v.tables(), v, verdict, failure, removed, postgres);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private CatalogEntry pick(BackupCatalog catalog, DrillRequest request) {
        if (request.backupId() != null) {
            return catalog.get(request.backupId());
        }
        String db = request.source().database();
        String host = request.source().host();
        int port = request.source().port();
        return catalog.latest(e -> e.manifest().source() != null && db.equals(e.manifest().source().database())
                        && host.equals(e.manifest().source().host()) && port == e.manifest().source().port()
                        && (e.state() == BackupState.VERIFIED || e.state() == BackupState.UNVERIFIED))
                .orElseThrow(() -> new WardenException("No usable backup of " + request.source().label() + " in " + catalog.root() + ".",
                        "take one first ('warden backup'), or let the drill take one (--take)"));
    }

    /** Writes {@code <id>.json} and {@code <id>.html} into the catalogue's drills folder. */
    public static void save(Path catalog, DrillReport report) {
        Path dir = drillsFolder(catalog);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new WardenException("Cannot create " + dir + ": " + e.getMessage(), null, e);
        }
        ManifestStore.writeJson(dir.resolve(report.id() + ".json"), report);
        FileTree.writeAtomically(dir.resolve(report.id() + ".html"),
                DrillReportHtml.render(report, history(catalog)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void saveQuietly(Path catalog, DrillReport report) {
        try {
            save(catalog, report);
        } catch (RuntimeException e) {
            LOG.warn("Could not save the drill report: {}", e.getMessage());
        }
    }

    /** Every saved drill, oldest first: the history behind the RTO trend. */
    public static List<DrillReport> history(Path catalog) {
        Path dir = drillsFolder(catalog);
        List<DrillReport> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path p : files) {
                try {
                    out.add(ManifestStore.readJson(p, DrillReport.class));
                } catch (WardenException e) {
                    LOG.warn("Skipping {}: {}", p, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new WardenException("Cannot read " + dir + ": " + e.getMessage(), null, e);
        }
        out.sort(Comparator.comparing(DrillReport::startedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        return out;
    }

    private static Duration since(long t) {
        return Duration.ofNanos(System.nanoTime() - t);
    }
}
