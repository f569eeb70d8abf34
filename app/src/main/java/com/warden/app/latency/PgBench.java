package com.warden.app.latency;

import com.warden.app.WardenException;
import com.warden.app.connect.ConnectionProfile;
import com.warden.app.connect.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * pgbench as the baseline: the probe's SQL with the same parameter values, {@code -M prepared},
 * one client. pgbench variables are global, so each parameter set becomes a script of its own
 * whose variables carry the set's number ({@code :s3_session_id}, given with -D); the server sees
 * the identical statement text ($1 …) either way, and pgbench picks a script at random per
 * transaction, as Warden draws a set per run. Latencies come from pgbench's per-transaction log.
 */
public final class PgBench {
    /** pgbench allows at most 128 scripts. */
    static final int MAX_SETS = 100;

    private final Path executable;

    public PgBench(Path executable) {
        this.executable = executable;
    }

    /** Where pgbench was looked for when it is missing. */
    public static final List<String> SEARCHED = List.of("PATH", "/usr/lib/postgresql/*/bin", "/usr/pgsql-*/bin",
            "/opt/homebrew/bin", "/usr/local/bin");

    public static Optional<PgBench> locate() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, "pgbench"));
                }
            }
        }
        for (String root : List.of("/usr/lib/postgresql", "/usr")) {
            Path r = Path.of(root);
            if (Files.isDirectory(r)) {
                try (Stream<Path> list = Files.list(r)) {
                    list.filter(p -> p.getFileName().toString().matches("\\d+|pgsql-\\d+"))
                            .sorted(Comparator.comparing((Path p) -> Integer.parseInt(p.getFileName().toString().replaceAll("\\D", ""))).reversed())
                            .forEach(p -> candidates.add(p.resolve("bin/pgbench")));
                } catch (IOException ignored) {
                    // not there
                }
            }
        }
        candidates.add(Path.of("/opt/homebrew/bin/pgbench"));
        candidates.add(Path.of("/usr/local/bin/pgbench"));
        return candidates.stream().filter(Files::isExecutable).findFirst().map(PgBench::new);
    }

    public Path executable() {
        return executable;
    }

    /** The result of one pgbench run: latencies in microseconds from its log. */
    public record Run(Histogram micros, long transactions, long failed, String command) { }

    public Run run(ConnectionProfile profile, Secret password, Probe probe, ParameterPool pool, Duration duration, Path workDir)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        List<String> cmd = new ArrayList<>(List.of(executable.toString(), "-n", "-M", "prepared", "-c", "1", "-j", "1",
                "-T", String.valueOf(Math.max(1, duration.toSeconds())), "-l", "--log-prefix=" + workDir.resolve("log"),
                "-h", profile.host(), "-p", String.valueOf(profile.port()), "-U", profile.user()));
        NamedSql named = new NamedSql(probe.query());
        List<List<String>> sets = pool.rows().subList(0, Math.min(MAX_SETS, pool.rows().size()));
        for (int k = 0; k < sets.size(); k++) {
            String prefix = "s" + k + "_";
            Path script = workDir.resolve("probe-" + k + ".sql");
            Files.writeString(script, named.rename(n -> prefix + n) + ";\n", StandardCharsets.UTF_8);
            cmd.add("-f");
            cmd.add(script + "@1");
            for (int i = 0; i < pool.names().size(); i++) {
                String value = sets.get(k).get(i);
                if (value == null) {
                    throw new WardenException("pgbench cannot pass a NULL parameter (" + probe.id() + ")", null);
                }
                cmd.add("-D");
                cmd.add(prefix + pool.names().get(i) + "=" + value);
            }
        }
        cmd.add(profile.database());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("pgbench.out").toFile());
        Map<String, String> env = pb.environment();
        if (password != null) {
            env.put("PGPASSWORD", password.reveal());
        }
        env.put("PGSSLMODE", profile.sslMode().libpqName());
        env.put("PGAPPNAME", "warden-bench-pgbench");
        Process process = pb.start();
        if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new WardenException("pgbench did not finish in time for " + probe.id() + ".", null);
        }
        String output = Files.readString(workDir.resolve("pgbench.out"));
        if (process.exitValue() != 0) {
            throw new WardenException("pgbench failed for " + probe.id() + ": " + lastLines(output), "its script and output are in " + workDir);
        }
        Histogram h = new Histogram(3_600_000_000L, 3);
        long failed = 0;
        try (Stream<Path> logs = Files.list(workDir)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("log.")).toList()) {
                for (String line : Files.readAllLines(log)) {
                    // client_id transaction_no time script_no time_epoch time_us [schedule_lag ...]
                    String[] f = line.trim().split("\\s+");
                    if (f.length < 6) {
                        continue;
                    }
                    if (f[2].equals("failed") || f[2].equals("skipped")) {
                        failed++;
                        continue;
                    }
                    h.recordValue(Math.max(1, Math.min(Long.parseLong(f[2]), h.getHighestTrackableValue())));
                }
            }
        }
        return new Run(h, h.getTotalCount(), failed, String.join(" ", cmd.subList(0, Math.min(cmd.size(), 16))) + " …");
    }

    private static String lastLines(String out) {
        String[] lines = out.strip().split("\n");
        return String.join(" | ", List.of(lines).subList(Math.max(0, lines.length - 3), lines.length));
    }
}
