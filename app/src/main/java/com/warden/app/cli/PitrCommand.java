package com.warden.app.cli;

import com.warden.app.WardenException;
import com.warden.app.backup.CatalogEntry;
import com.warden.app.backup.Lsn;
import com.warden.app.backup.PitrPlan;
import com.warden.app.backup.PitrRequest;
import com.warden.app.backup.PitrResult;
import com.warden.app.backup.PitrService;
import com.warden.app.backup.RecoveryTarget;
import com.warden.app.backup.RecoveryWindow;
import com.warden.app.backup.ToolLocator;
import com.warden.app.backup.VerificationReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "pitr", mixinStandardHelpOptions = true,
        description = {"Point-in-time recovery of a physical base backup and a WAL archive into a scratch instance on a free",
                "loopback port; the source server is never touched. A target outside what the backup and archive cover is",
                "refused with the covered range. Without --keep the instance is removed after the verification."})
final class PitrCommand implements Callable<Integer> {
    @Mixin
    BackupCli.CatalogOption catalog;

    @Parameters(paramLabel = "BASE", description = "the physical base backup: id or folder")
    String base;

    @Option(names = "--archive", paramLabel = "DIR", description = "the WAL archive folder (without it: to the end of the backup)")
    Path archive;

    @ArgGroup(exclusive = true)
    Target target = new Target();

    static final class Target {
        @Option(names = "--time", paramLabel = "TIME", description = "recover to this time: '2025-01-15 14:30:00' (local) or with +00")
        String time;

        @Option(names = "--lsn", paramLabel = "LSN", description = "recover to this WAL position, e.g. 0/16B3748")
        String lsn;

        @Option(names = "--name", paramLabel = "NAME", description = "recover to this restore point (pg_create_restore_point)")
        String name;

        @Option(names = "--latest", description = "replay everything the archive holds (the default with --archive)")
        boolean latest;

        @Option(names = "--immediate", description = "stop at the end of the base backup")
        boolean immediate;
    }

    @Option(names = "--keep", description = "keep the instance running; prints (and --json holds) its URL and how to stop it")
    boolean keep;

    @Option(names = "--wait", description = "with --keep: stay in the foreground until Ctrl+C, then remove the instance")
    boolean waitForCtrlC;

    @Option(names = "--window", description = "print what the backup and archive cover, and stop")
    boolean windowOnly;

    @Option(names = "--scratch-dir", paramLabel = "DIR", description = "where the scratch folder goes (default: the temp folder)")
    Path scratchDir;

    @Option(names = "--timeout", defaultValue = "7200", description = "seconds to wait for recovery (default ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Option(names = "--json")
    boolean json;

    @Option(names = {"-q", "--quiet"})
    boolean quiet;

    @Override
    public Integer call() throws InterruptedException {
        CatalogEntry entry = catalog.open().get(base);
        RecoveryTarget t = target();
        PitrService service = new PitrService(ToolLocator.system());
        PitrRequest request = new PitrRequest(entry, archive, windowOnly ? new RecoveryTarget.Latest() : t, keep, scratchDir,
                Duration.ofSeconds(timeoutSeconds), true);
        try (BackupCli.CliJob job = new BackupCli.CliJob(quiet || json)) {
            PitrPlan plan = service.plan(request, job);
            RecoveryWindow w = plan.window();
            if (windowOnly) {
                if (json) {
                    Console.out().println(Json.write(windowJson(w)));
                } else {
                    Console.out().println("Backup " + entry.id() + " with " + (archive == null ? "no archive" : "archive " + archive) + " covers "
                            + w.describe() + ".");
                    w.restorePoints().forEach(p -> Console.out().println("  restore point '" + p.name() + "' at " + p.lsn()));
                    w.notes().forEach(n -> Console.out().println("  note: " + n));
                }
                return WardenCli.OK;
            }
            if (!json && !quiet) {
                Console.err().println("Recovering " + entry.id() + " to " + t.describe() + "; covered " + w.describe());
                plan.settings().forEach(s -> Console.err().println("  " + s));
            }
            PitrResult result = service.run(plan, job);
            try {
                print(entry, result);
                if (keep && waitForCtrlC) {
                    Console.err().println("Press Ctrl+C to stop and remove the instance.");
                    Runtime.getRuntime().addShutdownHook(new Thread(result.instance()::discard, "warden-pitr-stop"));
                    new CountDownLatch(1).await();
                }
            } finally {
                if (!keep) {
                    result.instance().close();
                }
            }
            return result.verification() != null && result.verification().verdict() == VerificationReport.Verdict.FAIL
                    ? WardenCli.FINDINGS : WardenCli.OK;
        }
    }

    private void print(CatalogEntry entry, PitrResult result) {
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("backup", entry.id());
            doc.put("archive", archive == null ? null : archive.toString());
            doc.put("target", result.target().describe());
            doc.put("window", windowJson(result.window()));
            doc.put("recovered_to_time", result.recoveredToTime());
            doc.put("recovered_to_lsn", result.recoveredToLsn());
            doc.put("seconds", result.elapsed().toMillis() / 1000.0);
            doc.put("steps", result.steps());
            doc.put("verification", result.verification());
            doc.put("kept", keep);
            if (keep) {
                doc.put("url", result.url());
                doc.put("stop_command", result.instance().stopCommand());
                doc.put("folder", result.instance().folder().toString());
            }
            Console.out().println(Json.write(doc));
            return;
        }
        Console.out().println("Recovered " + entry.id() + " to " + result.target().describe() + " in "
                + String.format("%.1f s", result.elapsed().toMillis() / 1000.0) + "; last transaction replayed "
                + (result.recoveredToTime() == null ? "-" : BackupCli.TIME.format(result.recoveredToTime())) + " at "
                + result.recoveredToLsn());
        BackupCli.printSteps(result.steps());
        BackupCli.printVerification(result.verification());
        if (keep) {
            Console.out().println();
            Console.out().println("Kept: " + result.url());
            Console.out().println("Stop and remove it with:");
            Console.out().println("  " + result.instance().stopCommand());
        } else {
            Console.out().println("The scratch instance was removed (add --keep to keep it).");
        }
    }

    private static Map<String, Object> windowJson(RecoveryWindow w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from_time", w.fromTime());
        m.put("from_lsn", w.fromLsn().toString());
        m.put("to_time", w.toTime());
        m.put("to_lsn", w.toLsn().toString());
        m.put("timeline", w.timeline());
        m.put("restore_points", w.restorePoints());
        m.put("notes", w.notes());
        return m;
    }

    private RecoveryTarget target() {
        if (target.time != null) {
            return new RecoveryTarget.Time(RecoveryTarget.parseTime(target.time));
        }
        if (target.lsn != null) {
            return new RecoveryTarget.AtLsn(Lsn.parse(target.lsn));
        }
        if (target.name != null) {
            return new RecoveryTarget.Named(target.name);
        }
        if (target.immediate || archive == null) {
            if (archive == null && (target.latest)) {
                throw new WardenException("--latest needs --archive.", "give the WAL archive folder, or use --immediate");
            }
            return new RecoveryTarget.Immediate();
        }
        return new RecoveryTarget.Latest();
    }
}
