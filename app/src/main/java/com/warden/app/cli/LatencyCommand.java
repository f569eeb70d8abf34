package com.warden.app.cli;

import com.warden.app.WardenException;
import com.warden.app.config.AppDirs;
import com.warden.app.connect.ConnectionErrors;
import com.warden.app.connect.ConnectionProfile;
import com.warden.app.connect.ProfileResolver;
import com.warden.app.latency.DurationText;
import com.warden.app.latency.ExplainVerdict;
import com.warden.app.latency.LatencyMonitor;
import com.warden.app.latency.PerformanceReport;
import com.warden.app.latency.ProbeCatalog;
import com.warden.app.latency.ProbeRunner;
import com.warden.app.latency.ProbeSummary;
import com.warden.app.latency.ReportWriter;
import com.warden.app.latency.StatementRow;
import com.warden.app.latency.StatementSampler;
import com.warden.app.latency.StatementsSnapshot;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "latency", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the latency probes at a steady rate on a connection of their own and print their percentiles",
                "against their thresholds, with EXPLAIN verdicts, the top statements of the run, TPS and cache hits.",
                "Probes: the built-in ones plus *.sql files in --probes (default: the probes folder in your config)."})
final class LatencyCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Option(names = "--probes", paramLabel = "DIR", description = "a folder of your own probe files (default: <config>/probes)")
    Path probes;

    @Option(names = "--only-my-probes", description = "skip the built-in probes")
    boolean onlyMine;

    @Option(names = "--duration", defaultValue = "30s", paramLabel = "TIME", description = "how long to probe (default ${DEFAULT-VALUE})")
    String duration;

    @Option(names = "--rate", defaultValue = "1", paramLabel = "HZ", description = "probe runs per second, each probe (default ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--no-explain", description = "skip the EXPLAIN verdicts")
    boolean noExplain;

    @Option(names = "--analyze", description = "EXPLAIN ANALYZE (runs each probe once more; read-only connection)")
    boolean analyze;

    @Option(names = "--report", paramLabel = "FILE", description = "also write FILE.html and FILE.json (a performance report)")
    Path report;

    @Option(names = "--fail-on-threshold", description = "exit 1 when a probe's p95 is over its threshold or it fails")
    boolean failOnThreshold;

    @Option(names = "--json", description = "print the report as one JSON document")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Duration length = parseDuration(duration, "--duration");
        ConnectionProfile profile = connection.profile();
        ProbeCatalog.Loaded loaded = loadProbes(probes, onlyMine);
        Supplier<Connection> connector = ProbeRunner.connector(profile, ProfileResolver.system(), "warden-latency");
        String version = firstContact(connector, profile);
        for (ProbeCatalog.Problem p : loaded.problems()) {
            Console.err().println("warden: " + p.message());
        }
        LatencyMonitor.Settings settings = LatencyMonitor.Settings.defaults().withRate(rate);
        StatementSampler runStatements = new StatementSampler();
        try (Connection side = connector.get()) {
            runStatements.sample(side);
        }
        LatencyMonitor monitor = new LatencyMonitor(connector, loaded.probes(), loaded.problems(), settings);
        long started = System.nanoTime();
        try {
            monitor.start();
            long end = started + length.toNanos();
            long nextReport = started + 5_000_000_000L;
            while (System.nanoTime() < end) {
                Thread.sleep(Math.max(1, Math.min(250, (end - System.nanoTime()) / 1_000_000)));
                if (!json && System.nanoTime() >= nextReport) {
                    nextReport += 5_000_000_000L;
                    progress(monitor.snapshot(), (System.nanoTime() - started) / 1e9, length.toSeconds());
                }
            }
        } finally {
            monitor.stop();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        LatencyMonitor.Snapshot snap = monitor.snapshot();
        List<ExplainVerdict> plans = noExplain ? List.of() : monitor.explainAll(analyze);
        monitor.close();
        StatementsSnapshot statements;
        try (Connection side = connector.get()) {
            statements = runStatements.sample(side);
        }
        LatencyMonitor.Snapshot withRunStatements = new LatencyMonitor.Snapshot(snap.at(), snap.connected(), snap.connectionMessage(),
                snap.ticks(), snap.gaps(), snap.probes(), snap.points(), snap.activity(), statements, snap.problems(),
                snap.serverCpuMsPerSecond());
        PerformanceReport r = PerformanceReport.of(withRunStatements, profile.safeUri(), version, seconds, rate, plans, null);
        if (report != null) {
            for (Path written : ReportWriter.write(r, report)) {
                Console.err().println("Wrote " + written);
            }
        }
        if (json) {
            Console.out().println(ReportWriter.json(r));
        } else {
            print(r, snap);
        }
        boolean bad = r.failed() > 0 || r.errors() > 0;
        return failOnThreshold && bad ? WardenCli.FINDINGS : WardenCli.OK;
    }

    static ProbeCatalog.Loaded loadProbes(Path folder, boolean onlyMine) {
        Path dir = folder != null ? folder : AppDirs.fromEnvironment().config().resolve("probes");
        if (folder != null && !java.nio.file.Files.isDirectory(folder)) {
            throw new WardenException("The probe folder " + folder + " does not exist.", "give a folder of *.sql probe files");
        }
        ProbeCatalog.Loaded loaded = ProbeCatalog.load(dir, !onlyMine);
        if (loaded.probes().isEmpty()) {
            throw new WardenException("No probe to run" + (loaded.problems().isEmpty() ? "." : ": "
                    + loaded.problems().get(0).message()), "add *.sql probe files to " + dir);
        }
        return loaded;
    }

    /** Connects once, so a wrong password or a stopped server is one clear line before anything runs. */
    static String firstContact(Supplier<Connection> connector, ConnectionProfile profile) {
        try (Connection c = connector.get(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1).split(" ")[0];
        } catch (ProbeRunner.ConnectionFailed e) {
            throw ConnectionErrors.explain((SQLException) e.getCause(), profile);
        } catch (SQLException e) {
            throw ConnectionErrors.explain(e, profile);
        }
    }

    private static void progress(LatencyMonitor.Snapshot s, double elapsed, long total) {
        long ok = s.probes().stream().filter(p -> p.status() == ProbeSummary.Status.PASS).count();
        long over = s.probes().stream().filter(p -> p.status() == ProbeSummary.Status.FAIL).count();
        long errors = s.probes().stream().filter(p -> p.status() == ProbeSummary.Status.ERROR).count();
        Console.err().printf(Locale.ROOT, "[%3.0f/%d s] %d within threshold, %d over, %d failing%s%n", elapsed, total, ok, over, errors,
                s.connected() ? "" : " — " + s.connectionMessage());
    }

    private static void print(PerformanceReport r, LatencyMonitor.Snapshot snap) {
        Console.out().printf(Locale.ROOT, "Latency of %s (PostgreSQL %s): %.0f s at %.1f Hz, %d ticks%s%n", r.target(), r.serverVersion(),
                r.seconds(), r.rateHz(), snap.ticks(), snap.gaps() == 0 ? "" : ", " + snap.gaps() + " gaps (connection lost)");
        TextTable t = TextTable.of("PROBE", "RUNS", "P50 MS", "P95 MS", "P99 MS", "LIMIT MS", "STATUS", "PLAN");
        for (ProbeSummary p : r.probes()) {
            ExplainVerdict v = r.plans().stream().filter(x -> x.probeId().equals(p.id())).findFirst().orElse(null);
            t.row(p.name(), p.runs(), ms(p.p50()), ms(p.p95()), ms(p.p99()), ms(p.thresholdMs()),
                    p.status().name().toLowerCase(Locale.ROOT), v == null ? "" : v.verdict().name().toLowerCase(Locale.ROOT)
                            + ": " + v.summary());
        }
        Console.out().println(t.render());
        for (ProbeSummary p : r.probes()) {
            if (!p.message().isBlank() && p.status() != ProbeSummary.Status.PASS) {
                Console.out().println("  " + p.name() + ": " + p.message());
            }
        }
        for (ProbeCatalog.Problem p : r.problems()) {
            Console.out().println("  " + p.message());
        }
        StatementsSnapshot s = r.statements();
        Console.out().println();
        if (s == null || !s.available()) {
            Console.out().println("Statements: " + (s == null ? "not sampled" : s.problem() + " To enable it: " + s.howToEnable()));
        } else {
            Console.out().println("Top statements during the run (pg_stat_statements" + (s.resetDetected() ? ", reset during the run" : "") + "):");
            TextTable st = TextTable.of("CALLS", "CALLS/S", "MEAN MS", "TOTAL MS", "QUERY");
            s.byRecent().stream().limit(10).forEach((StatementRow x) -> st.row(x.intervalCalls(), fmt(x.callsPerSec(), 2), ms(x.intervalMeanMs()),
                            fmt(x.intervalMeanMs() * x.intervalCalls(), 1), x.query()));
            Console.out().println(st.render());
        }
        Console.out().println();
        Console.out().printf(Locale.ROOT, "Transactions: %s/s on average; cache hit %s; probing cost on the server: %s%n",
                fmt(r.averageTps(), 1), Double.isNaN(r.cacheHitRatio()) ? "n/a (no block reads)" : fmt(r.cacheHitRatio() * 100, 2) + "%",
                Double.isNaN(r.serverCpuMsPerSecond()) ? "n/a (server not on this machine)"
                        : fmt(r.serverCpuMsPerSecond(), 2) + " ms CPU per second (" + fmt(r.serverCpuMsPerSecond() / 10, 3) + "% of a core)");
        Console.out().printf(Locale.ROOT, "%d of %d probes within their thresholds (p95).%n", r.passed(), r.probes().size());
    }

    static String ms(double v) {
        return Double.isNaN(v) ? "" : v < 1 ? fmt(v, 3) : v < 100 ? fmt(v, 2) : fmt(v, 0);
    }

    static String fmt(double v, int decimals) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** "30s", "5m", "500ms", "1h", or a plain number of seconds. */
    static Duration parseDuration(String text, String option) {
        return DurationText.parse(text, option);
    }
}
