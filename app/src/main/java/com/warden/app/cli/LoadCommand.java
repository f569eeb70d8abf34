package com.warden.app.cli;


import com.warden.app.connect.ConnectionProfile;
import com.warden.app.connect.ProfileResolver;
import com.warden.app.latency.LoadDrill;
import com.warden.app.latency.LoadDrillResult;
import com.warden.app.latency.LoadStep;
import com.warden.app.latency.PerformanceReport;
import com.warden.app.latency.ProbeCatalog;
import com.warden.app.latency.ProbeRunner;
import com.warden.app.latency.ReportWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Load drill: 1, 5, 10, 25 and 50 concurrent workers (each on its own connection) run the probes",
                "in turn for a set time per step; throughput and latency against concurrency."})
final class LoadCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Option(names = "--workers", defaultValue = "1,5,10,25,50", split = ",", paramLabel = "N,N,…",
            description = "worker counts, one step each (default ${DEFAULT-VALUE})")
    List<Integer> workers = new ArrayList<>(LoadDrill.DEFAULT_WORKERS);

    @Option(names = "--duration", defaultValue = "10s", paramLabel = "TIME", description = "time per step (default ${DEFAULT-VALUE})")
    String duration;

    @Option(names = "--probes", paramLabel = "DIR", description = "a folder of your own probe files (default: <config>/probes)")
    Path probes;

    @Option(names = "--only-my-probes", description = "skip the built-in probes")
    boolean onlyMine;

    @Option(names = "--report", paramLabel = "FILE", description = "also write FILE.html and FILE.json")
    Path report;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Duration step = LatencyCommand.parseDuration(duration, "--duration");
        ConnectionProfile profile = connection.profile();
        ProbeCatalog.Loaded loaded = LatencyCommand.loadProbes(probes, onlyMine);
        Supplier<Connection> connector = ProbeRunner.connector(profile, ProfileResolver.system(), "warden-load");
        String version = LatencyCommand.firstContact(connector, profile);
        if (!json) {
            Console.err().printf(Locale.ROOT, "Load drill on %s: %s workers, %d s per step, %d probes%n", profile.safeUri(), workers,
                    step.toSeconds(), loaded.probes().size());
        }
        LoadDrillResult result = new LoadDrill(connector).run(profile.safeUri(), loaded.probes(), workers, step, Console.progress(json));
        if (report != null) {
            PerformanceReport r = new PerformanceReport(Instant.now(), profile.safeUri(), version,
                    result.steps().stream().mapToDouble(LoadStep::seconds).sum(), 0, List.of(), List.of(), Map.of(), List.of(),
                    null, result, loaded.problems(), Double.NaN);
            for (Path written : ReportWriter.write(r, report)) {
                Console.err().println("Wrote " + written);
            }
        }
        if (json) {
            Console.out().println(ReportWriter.mapper().writeValueAsString(result));
            return WardenCli.OK;
        }
        TextTable t = TextTable.of("WORKERS", "OPERATIONS", "OPS/S", "P50 MS", "P95 MS", "P99 MS", "MAX MS", "ERRORS");
        for (LoadStep s : result.steps()) {
            t.row(s.workers(), s.operations(), LatencyCommand.fmt(s.opsPerSecond(), 0), LatencyCommand.ms(s.p50()),
                    LatencyCommand.ms(s.p95()), LatencyCommand.ms(s.p99()), LatencyCommand.ms(s.max()), s.errors());
        }
        Console.out().println(t.render());
        Console.out().println("Probes in turn: " + String.join(", ", result.probes()));
        result.notes().forEach(n -> Console.out().println("  " + n));
        if (result.steps().stream().anyMatch(s -> s.errors() > 0)) {
            Console.out().println("Some operations failed; run 'warden latency' to see each probe's error.");
        }
        return WardenCli.OK;
    }

}
