package com.warden.app.cli;

import com.warden.app.connect.Access;
import com.warden.app.connect.Database;
import com.warden.app.connect.ProfileResolver;
import com.warden.app.integrity.CheckGroup;
import com.warden.app.integrity.CheckSummary;
import com.warden.app.integrity.IntegrityExport;
import com.warden.app.integrity.IntegrityHistory;
import com.warden.app.integrity.IntegrityOptions;
import com.warden.app.integrity.IntegrityReport;
import com.warden.app.integrity.IntegrityScanner;
import com.warden.app.integrity.RunComparison;
import com.warden.app.integrity.ScanMode;
import com.warden.app.integrity.ScanProgress;
import com.warden.app.integrity.ScanStatus;
import com.warden.app.job.CancellableJob;
import com.warden.app.report.Finding;
import com.warden.app.report.Severity;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code warden integrity}: the integrity report on the command line, fit for cron. Exit 0 when
 * nothing reaches --fail-on, 1 when something does, 2 on usage or connection errors (also when
 * the connection is lost mid-scan: the report printed so far says where it stopped).
 */
@Command(name = "integrity", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Recompute every file version's SHA-256 and size, and check head pointers, orphans, image assets, "
                + "NOT VALID constraints, invalid indexes and (where installed) amcheck. Read-only.",
                "Exit codes: 0 clean below --fail-on, 1 findings reach it, 2 usage or connection errors."},
        footer = {"", "Runs are kept in $XDG_DATA_HOME/warden/integrity and compared with the last one.",
                "Cron: 0 3 * * * warden integrity --url postgresql://warden@db/app --fail-on warning --html /var/reports/integrity.html"})
final class IntegrityCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Option(names = "--app", paramLabel = "NAME", description = "only this app (its name, or its id when names repeat)")
    String app;

    @Option(names = "--mode", defaultValue = "server", paramLabel = "MODE",
            description = "server: digests in SQL over several connections; client: bytes streamed here and hashed; both (default ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--checks", split = ",", paramLabel = "GROUP",
            description = "versions, heads, orphans, images, constraints (default: all)")
    Set<String> checks;

    @Option(names = "--workers", defaultValue = "2", paramLabel = "N", description = "connections that scan in parallel (default ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "LEVEL",
            description = "exit 1 when a finding is at least this bad: error, warning, info or none (default ${DEFAULT-VALUE})")
    String failOn;

    @Option(names = "--json", description = "print the report as one JSON document")
    boolean json;

    @Option(names = "--html", paramLabel = "FILE", description = "also write a standalone, printable HTML report")
    Path html;

    @Option(names = "--json-file", paramLabel = "FILE", description = "also write the JSON document to a file")
    Path jsonFile;

    @Option(names = "--csv", paramLabel = "FILE", description = "also write the findings as CSV (one a line)")
    Path csv;

    @Option(names = "--no-history", description = "do not keep this run or compare it with the last one")
    boolean noHistory;

    @Option(names = "--history", paramLabel = "DIR", description = "keep runs in DIR (default: $XDG_DATA_HOME/warden/integrity)")
    Path historyDir;

    @Option(names = "--no-recheck", description = "report findings without looking at their rows once more")
    boolean noRecheck;

    @Option(names = "--heapallindexed", description = "amcheck also proves every row is in each index (slower)")
    boolean heapAllIndexed;

    @Option(names = "--progress", negatable = true,
            description = "progress on stderr (default: only when stderr is a terminal)")
    Boolean progress;

    @Option(names = "--stats", hidden = true, description = "print the JVM's peak heap on stderr (for the benchmark)")
    boolean stats;

    @Override
    public Integer call() {
        ScanMode scanMode = ScanMode.parse(mode);
        Severity threshold = failOn.equalsIgnoreCase("none") ? null : Severity.parse(failOn);
        Set<CheckGroup> groups = EnumSet.noneOf(CheckGroup.class);
        if (checks != null) {
            checks.forEach(c -> groups.add(CheckGroup.parse(c)));
        }
        IntegrityOptions options = new IntegrityOptions(app, scanMode, groups, workers, !noRecheck, heapAllIndexed,
                IntegrityOptions.Chunking.AUTO);
        boolean showProgress = progress != null ? progress : System.console() != null;

        IntegrityReport report;
        try (Database db = Database.open(connection.profile(), Access.READ_ONLY, ProfileResolver.system(), workers + 1)) {
            CancellableJob job = new CancellableJob(p -> { });
            CountDownLatch done = new CountDownLatch(1);
            // Ctrl+C or kill: cancel the statements on the server before the JVM goes
            Thread stopper = new Thread(() -> {
                job.cancel();
                try {
                    done.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "warden-integrity-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            try {
                report = new IntegrityScanner(db).run(options, job, showProgress ? new ProgressLine(System.console() != null) : null);
            } finally {
                done.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(stopper);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: the JVM is on its way out
                }
            }
        }
        if (showProgress && System.console() != null) {
            Console.err().print("\r\033[K");
        }
        RunComparison comparison = null;
        if (!noHistory) {
            IntegrityHistory history = historyDir != null ? new IntegrityHistory(historyDir) : IntegrityHistory.inUserData();
            try {
                comparison = history.record(report);
            } catch (com.warden.app.WardenException e) {
                // the report matters more than its copy in the history: say so and go on
                Console.err().println("warden: the run was not kept: " + e.line());
            }
        }
        if (json) {
            Console.out().println(IntegrityExport.json(report, comparison));
        } else {
            print(report, comparison);
        }
        if (html != null) {
            Console.err().println("Wrote " + IntegrityExport.writeHtml(html, report, comparison));
        }
        if (jsonFile != null) {
            Console.err().println("Wrote " + IntegrityExport.writeJson(jsonFile, report, comparison));
        }
        if (csv != null) {
            Console.err().println("Wrote " + IntegrityExport.writeCsv(csv, report));
        }
        if (stats) {
            Console.err().printf("heap: peak %.1f MB of at most %.0f MB%n", peakHeap() / 1e6,
                    Runtime.getRuntime().maxMemory() / 1e6);
        }
        return exitCode(report, threshold);
    }

    static int exitCode(IntegrityReport report, Severity threshold) {
        if (report.status() == ScanStatus.INTERRUPTED) {
            Console.err().println("warden: " + report.stoppedAt());
            return WardenCli.USAGE_OR_CONNECTION;
        }
        if (report.status() == ScanStatus.CANCELLED) {
            Console.err().println("warden: " + report.stoppedAt());
            return WardenCli.USAGE_OR_CONNECTION;
        }
        if (threshold != null && report.reaches(threshold)) {
            return WardenCli.FINDINGS;
        }
        if (report.status() == ScanStatus.PARTIAL) {
            Console.err().println("warden: some checks could not run (see the notes)");
            // a check that could not run counts like a warning: it hides what it would have found
            return threshold != null && Severity.WARNING.reaches(threshold) ? WardenCli.FINDINGS : WardenCli.OK;
        }
        return WardenCli.OK;
    }

    private static void print(IntegrityReport report, RunComparison comparison) {
        IntegrityReport.Target t = report.target();
        Console.out().printf("Integrity of %s (PostgreSQL %s, as %s): %s mode, %d %s%n%n", t.label(), t.serverVersion(), t.user(),
                report.mode(), report.workers(), report.workers() == 1 ? "connection" : "connections");
        TextTable checks = TextTable.of("CHECK", "STATE", "ROWS", "CONTENT", "TIME", "SPEED", "FINDINGS");
        for (CheckSummary c : report.checks()) {
            checks.row(c.title(), c.state(), c.rows() == 0 && c.bytes() == 0 ? "" : String.format("%,d", c.rows()), c.bytes() == 0 ? "" : ScanProgress.megabytes(c.bytes()),
                    String.format("%.2f s", c.elapsedMs() / 1000.0),
                    c.mbPerSecond() > 0 ? String.format("%.0f MB/s", c.mbPerSecond()) : "", c.findings());
        }
        Console.out().println(checks.render());
        if (!report.findings().isEmpty()) {
            Console.out().println();
            TextTable findings = TextTable.of("SEVERITY", "CHECK", "WHAT", "WHERE", "ROW", "EXPECTED", "FOUND");
            for (Finding f : report.findings()) {
                findings.row(f.severity().label().toUpperCase(Locale.ROOT), f.check(), f.title(),
                        f.path() == null ? "" : (f.app() == null ? "" : f.app() + ": ") + f.path(),
                        f.table() + " " + f.rowId(), shortDigests(f.expected()), shortDigests(f.found()));
            }
            Console.out().println(findings.render());
        }
        if (!report.notes().isEmpty()) {
            Console.out().println();
            report.notes().forEach(n -> Console.out().println("Note: " + n));
        }
        Console.out().println();
        if (report.stoppedAt() != null) {
            Console.out().println(report.stoppedAt());
        }
        if (comparison != null) {
            Console.out().println(comparison.summary());
        }
        Console.out().println(report.summaryLine());
    }

    /** 64 hex digits are exact but unreadable in a terminal: the first 12 say enough. */
    static String shortDigests(String text) {
        return text.replaceAll("\\b([0-9a-f]{12})[0-9a-f]{52}\\b", "$1…");
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** Progress on stderr: one line rewritten in place on a terminal, else a plain line every two seconds. */
    private static final class ProgressLine implements java.util.function.Consumer<ScanProgress> {
        private final boolean terminal;
        private long last;

        ProgressLine(boolean terminal) {
            this.terminal = terminal;
        }

        @Override
        public void accept(ScanProgress p) {
            long now = System.nanoTime();
            if (now - last < (terminal ? 250_000_000L : 2_000_000_000L) && p.fraction() < 1.0) {
                return;
            }
            last = now;
            String line = String.format("[%3d%%] %s", Math.round(p.fraction() * 100), p.line());
            if (terminal) {
                Console.err().print("\r\033[K" + (line.length() > 150 ? line.substring(0, 149) + "…" : line));
            } else {
                Console.err().println(line);
            }
            Console.err().flush();
        }
    }

}
