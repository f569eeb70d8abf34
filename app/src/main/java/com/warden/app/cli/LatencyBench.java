package com.warden.app.cli;

import com.warden.app.connect.ConnectionProfile;
import com.warden.app.connect.ProfileResolver;
import com.warden.app.demo.DemoSeeder;
import com.warden.app.demo.Scale;
import com.warden.app.latency.ChartPulseBench;
import com.warden.app.latency.LatencyMonitor;
import com.warden.app.latency.ParameterPool;
import com.warden.app.latency.PgBench;
import com.warden.app.latency.Probe;
import com.warden.app.latency.ProbeCatalog;
import com.warden.app.latency.ProbeRunner;
import com.warden.app.latency.ReportWriter;
import com.warden.app.latency.RollingWindow;
import com.warden.app.latency.ServerCpu;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "latency", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Each probe's latency measured by Warden beside pgbench running the same SQL with the same parameters",
                "(-M prepared, one client) in the same run, alternating; the probes' CPU cost on the server at 1 Hz;",
                "and the longest JavaFX pulse while the latency charts update (needs a display: use xvfb-run on a server)."})
final class LatencyBench implements Callable<Integer> {
    static final String BASELINE = "pgbench -M prepared, 1 client, same SQL and parameter sets, same run";

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--scale", defaultValue = "M", description = "data to generate when the database is empty: S, M or L (default ${DEFAULT-VALUE})")
    String scale;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--duration", defaultValue = "2s", paramLabel = "TIME", description = "per probe, per side, per round (default ${DEFAULT-VALUE})")
    String duration;

    @Option(names = "--rounds", defaultValue = "4", description = "rounds per probe; the order of Warden and pgbench alternates (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--cpu-duration", defaultValue = "30s", paramLabel = "TIME", description = "how long to measure the probing cost at 1 Hz (default ${DEFAULT-VALUE})")
    String cpuDuration;

    @Option(names = "--pulse-duration", defaultValue = "15s", paramLabel = "TIME", description = "how long to watch the JavaFX pulses (default ${DEFAULT-VALUE})")
    String pulseDuration;

    @Option(names = "--pulse-rate", defaultValue = "1", paramLabel = "HZ",
            description = "probe rate while the pulses are watched (default ${DEFAULT-VALUE}, the screen's default)")
    double pulseRate;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Scale chosen = Scale.parse(scale);
        Duration side = LatencyCommand.parseDuration(duration, "--duration");
        Duration cpuFor = LatencyCommand.parseDuration(cpuDuration, "--cpu-duration");
        Duration pulseFor = LatencyCommand.parseDuration(pulseDuration, "--pulse-duration");
        if (rounds < 1 || rounds > 20) {
            throw new com.warden.app.WardenException("--rounds must be between 1 and 20.", null);
        }
        Optional<PgBench> pgbench = PgBench.locate();
        if (pgbench.isEmpty()) {
            Console.err().println("warden: pgbench was not found (looked in " + String.join(", ", PgBench.SEARCHED)
                    + "); Warden's figures are measured without a baseline. Install postgresql-client (or contrib) for it.");
        }
        Path work = Files.createTempDirectory("warden-bench-latency-");
        try (BenchTarget target = BenchTarget.open(connection, "warden_bench_latency")) {
            String dataNote = ensureData(target, chosen);
            ConnectionProfile profile = target.profile();
            Supplier<Connection> connector = ProbeRunner.connector(profile, ProfileResolver.system(), "warden-bench");
            String version = LatencyCommand.firstContact(connector, profile);
            List<Probe> probes = ProbeCatalog.builtIn().probes();
            Console.err().println("Benchmarking " + probes.size() + " probes on " + target.description() + " (" + dataNote + ")");

            List<Map<String, Object>> results = new ArrayList<>();
            try (ProbeRunner runner = new ProbeRunner(connector, seed, Duration.ofDays(1))) {
                Console.err().println("Warming up (every probe in turn for 3 s, so the JIT settles before anything is timed)…");
                long warm = System.nanoTime() + 3_000_000_000L;
                while (System.nanoTime() < warm) {
                    probes.forEach(runner::run);
                }
                int i = 0;
                for (Probe p : probes) {
                    Console.err().printf(Locale.ROOT, "[%d/%d] %s%n", ++i, probes.size(), p.name());
                    results.add(probe(runner, pgbench.orElse(null), profile, p, side, work.resolve(p.id())));
                }
            }
            Map<String, Object> cost = probingCost(connector, probes, cpuFor);
            Map<String, Object> pulse = pulse(connector, probes, pulseFor);

            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("bench", "latency");
                doc.put("scale", chosen.name());
                doc.put("data", dataNote);
                doc.put("postgres", version);
                doc.put("machine", machine());
                doc.put("pgbench", pgbench.map(b -> b.executable().toString()).orElse(null));
                doc.put("results", results);
                doc.put("probing_cost", cost);
                doc.put("pulse", pulse);
                Console.out().println(ReportWriter.mapper().writeValueAsString(doc));
            } else {
                print(results, cost, pulse, version, dataNote, pgbench);
            }
        } finally {
            delete(work);
        }
        return WardenCli.OK;
    }

    private String ensureData(BenchTarget target, Scale chosen) throws Exception {
        long sessions;
        try (Connection c = target.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM core.sessions")) {
            rs.next();
            sessions = rs.getLong(1);
        }
        if (sessions > 0) {
            return "existing data, " + String.format(Locale.ROOT, "%,d", sessions) + " sessions";
        }
        Console.err().println("Seeding scale " + chosen + " (the database is empty)…");
        new DemoSeeder(target.dataSource()).seed(chosen, seed, false, Console.progress(json));
        return "scale " + chosen + " seeded";
    }

    private Map<String, Object> probe(ProbeRunner runner, PgBench pgbench, ConnectionProfile profile, Probe p, Duration side, Path dir)
            throws Exception {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", p.name());
        ProbeRunner.Result first = runner.run(p);
        if (first.kind() != ProbeRunner.Result.Kind.OK) {
            row.put("error", first.message());
            return row;
        }
        ParameterPool all = runner.pool(p.id());
        // the same parameter sets on both sides: at most what pgbench can take as scripts
        ParameterPool pool = new ParameterPool(all.names(), all.rows().subList(0, Math.min(100, all.rows().size())));
        runner.usePool(p.id(), pool);
        Histogram warden = new Histogram(3_600_000_000L, 3);
        Histogram base = new Histogram(3_600_000_000L, 3);
        warden(runner, p, Duration.ofSeconds(1), null); // warm-up
        if (pgbench != null) {
            pgbench.run(profile, ProfileResolver.system().passwordFor(profile), p, pool, Duration.ofSeconds(1), dir.resolve("warmup"));
        }
        for (int r = 0; r < rounds; r++) {
            boolean wardenFirst = r % 2 == 0;
            if (wardenFirst) {
                warden(runner, p, side, warden);
            }
            if (pgbench != null) {
                base.add(pgbench.run(profile, ProfileResolver.system().passwordFor(profile), p, pool, side, dir.resolve("round" + r)).micros());
            }
            if (!wardenFirst) {
                warden(runner, p, side, warden);
            }
        }
        RollingWindow.Percentiles w = RollingWindow.of(warden);
        row.put("p50_ms", round(w.p50()));
        row.put("p95_ms", round(w.p95()));
        row.put("p99_ms", round(w.p99()));
        row.put("runs", w.count());
        row.put("threshold_ms", p.thresholdMs());
        row.put("baseline", pgbench == null ? "pgbench not found" : BASELINE);
        if (pgbench != null) {
            RollingWindow.Percentiles b = RollingWindow.of(base);
            row.put("baseline_p50_ms", round(b.p50()));
            row.put("baseline_p95_ms", round(b.p95()));
            row.put("baseline_p99_ms", round(b.p99()));
            row.put("baseline_runs", b.count());
            row.put("ratio", b.count() == 0 ? null : Math.round(w.p95() / b.p95() * 100) / 100.0);
            row.put("ratio_p50", b.count() == 0 ? null : Math.round(w.p50() / b.p50() * 100) / 100.0);
        }
        return row;
    }

    private static void warden(ProbeRunner runner, Probe p, Duration d, Histogram into) {
        long end = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < end) {
            ProbeRunner.Result r = runner.run(p);
            if (into != null && r.kind() == ProbeRunner.Result.Kind.OK) {
                into.recordValue(Math.max(1, Math.min(r.nanos() / 1000, into.getHighestTrackableValue())));
            }
        }
    }

    /** The server CPU the monitor's backend uses at the default 1 Hz, plus the samplers' share per refresh. */
    private Map<String, Object> probingCost(Supplier<Connection> connector, List<Probe> probes, Duration d) throws InterruptedException {
        Console.err().println("Measuring the probing cost at 1 Hz for " + d.toSeconds() + " s…");
        Map<String, Object> cost = new LinkedHashMap<>();
        LatencyMonitor.Settings settings = LatencyMonitor.Settings.defaults();
        try (LatencyMonitor monitor = new LatencyMonitor(connector, probes, List.of(), settings)) {
            monitor.tick(); // connects, draws every sampler's parameters, runs each probe once
            long firstTick = ServerCpu.nanos(monitor.serverPid());
            if (firstTick < 0) {
                cost.put("cpu_ms_per_s", null);
                cost.put("note", "not measured: the server does not run on this machine (its backend's CPU time is read from /proc)");
                return cost;
            }
            monitor.start();
            Thread.sleep(d.toMillis());
            monitor.stop();
            double steady = monitor.snapshot().serverCpuMsPerSecond();
            double samplers = firstTick / 1e6 / settings.paramRefresh().toSeconds();
            double total = steady + samplers;
            cost.put("rate_hz", settings.rateHz());
            cost.put("probes", probes.size());
            cost.put("cpu_ms_per_s", round(total));
            cost.put("core_percent", round(total / 10));
            cost.put("steady_cpu_ms_per_s", round(steady));
            cost.put("first_tick_cpu_ms", round(firstTick / 1e6));
            cost.put("note", "server backend CPU from /proc; the first tick (connect, samplers) is spread over the "
                    + settings.paramRefresh().toMinutes() + "-minute parameter refresh; includes pg_stat_statements and "
                    + "pg_stat_database sampling");
        }
        return cost;
    }

    private Map<String, Object> pulse(Supplier<Connection> connector, List<Probe> probes, Duration d) {
        Map<String, Object> out = new LinkedHashMap<>();
        Optional<ChartPulseBench> bench = ChartPulseBench.find();
        if (bench.isEmpty()) {
            out.put("longest_pulse_ms", null);
            out.put("note", "not measured: the desktop module is not on the classpath");
            return out;
        }
        double rate = pulseRate;
        Console.err().println("Watching the JavaFX pulses for " + d.toSeconds() + " s with the probes at " + rate + " Hz…");
        try (LatencyMonitor monitor = new LatencyMonitor(connector, probes, List.of(), LatencyMonitor.Settings.defaults().withRate(rate))) {
            monitor.start();
            ChartPulseBench.PulseFigures f = bench.get().run(monitor, d);
            out.put("longest_pulse_ms", round(f.longestPulseMs()));
            out.put("p99_pulse_ms", round(f.p99PulseMs()));
            out.put("pulses", f.pulses());
            out.put("longest_chart_update_ms", round(f.longestUpdateMs()));
            out.put("longest_frame_cpu_ms", round(f.longestCpuMs()));
            out.put("p99_frame_cpu_ms", round(f.p99CpuMs()));
            out.put("longest_frame_gap_ms", round(f.longestGapMs()));
            out.put("chart_updates", f.updates());
            out.put("points", f.points());
            out.put("probe_rate_hz", rate);
            out.put("note", f.note());
        } catch (Exception | Error e) {
            out.put("longest_pulse_ms", null);
            out.put("note", "not measured: " + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + " (on a machine without a display run: xvfb-run ./warden bench latency)");
        }
        return out;
    }

    private void print(List<Map<String, Object>> results, Map<String, Object> cost, Map<String, Object> pulse, String version,
                       String data, Optional<PgBench> pgbench) {
        Console.out().println("Latency benchmark, PostgreSQL " + version + " (" + data + "); baseline: "
                + pgbench.map(b -> BASELINE + " (" + b.executable() + ")").orElse("none, pgbench not found"));
        TextTable t = TextTable.of("PROBE", "RUNS", "P50 MS", "P95 MS", "P99 MS", "PGBENCH P50", "PGBENCH P95", "RATIO P95", "RATIO P50");
        for (Map<String, Object> r : results) {
            if (r.containsKey("error")) {
                t.row(r.get("name"), "", "", "", "", "", "error: " + r.get("error"));
                continue;
            }
            t.row(r.get("name"), r.get("runs"), r.get("p50_ms"), r.get("p95_ms"), r.get("p99_ms"), val(r.get("baseline_p50_ms")),
                    val(r.get("baseline_p95_ms")), val(r.get("ratio")), val(r.get("ratio_p50")));
        }
        Console.out().println(t.render());
        Console.out().println("Machine: " + machine());
        Console.out().println();
        Console.out().println("Probing cost: " + (cost.get("cpu_ms_per_s") == null ? cost.get("note")
                : cost.get("cpu_ms_per_s") + " ms of server CPU per second (" + cost.get("core_percent") + "% of a core) at "
                  + cost.get("rate_hz") + " Hz with " + cost.get("probes") + " probes"));
        Console.out().println("Longest JavaFX pulse: " + (pulse.get("longest_pulse_ms") == null ? pulse.get("note")
                : pulse.get("longest_pulse_ms") + " ms over " + pulse.get("pulses") + " pulses (p99 " + pulse.get("p99_pulse_ms")
                  + " ms; longest chart update " + pulse.get("longest_chart_update_ms") + " ms); FX-thread CPU per frame: longest "
                  + pulse.get("longest_frame_cpu_ms") + " ms, p99 " + pulse.get("p99_frame_cpu_ms") + " ms — " + pulse.get("note")));
    }

    /** Cores and load: p95 on a shared machine depends on both, so the figures carry them. */
    static String machine() {
        String load = "";
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            load = ", load average " + f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return Runtime.getRuntime().availableProcessors() + " cores" + load + ", Java " + System.getProperty("java.version");
    }

    private static String val(Object o) {
        return o == null ? "" : o.toString();
    }

    private static Double round(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 1000) / 1000.0;
    }

    private static void delete(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp folder
        }
    }
}
