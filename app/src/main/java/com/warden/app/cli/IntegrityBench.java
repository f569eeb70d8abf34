package com.warden.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.warden.app.WardenException;
import com.warden.app.connect.Access;
import com.warden.app.connect.ConnectionProfile;
import com.warden.app.connect.Database;
import com.warden.app.connect.ProfileResolver;
import com.warden.app.connect.Secret;
import com.warden.app.demo.DemoSeeder;
import com.warden.app.demo.Scale;
import com.warden.app.integrity.CheckGroup;
import com.warden.app.integrity.IntegrityOptions;
import com.warden.app.integrity.IntegrityReport;
import com.warden.app.integrity.IntegrityScanner;
import com.warden.app.integrity.ScanMode;
import com.warden.app.integrity.ScanStatus;
import com.warden.app.job.JobContext;
import com.warden.app.schema.SchemaMigrator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code warden bench integrity}: MB/s of the version-digest scan in both modes, each beside its
 * bare limit on the same rows in the same run, interleaved (Warden, baseline, Warden, …):
 * server mode beside one bare {@code SELECT count(*) FILTER (WHERE sha256(…) <> sha256)}, client
 * mode beside {@code psql -c '\copy (SELECT content …) TO STDOUT' | sha256sum}. With --heap it
 * also loads about 2 GB of content into a database of its own and runs client mode in a child JVM
 * capped at -Xmx256m, reporting the peak heap.
 */
@Command(name = "integrity", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Integrity scan throughput: server mode beside one bare SQL, client mode beside psql \\copy | sha256sum.")
final class IntegrityBench implements Callable<Integer> {
    static final String BARE_SQL = "SELECT count(*) FILTER (WHERE sha256(coalesce(content_bytes, convert_to(content, 'UTF8'))) <> sha256) "
            + "FROM core.file_versions";
    static final String PIPE = "\\copy (SELECT content, content_bytes FROM core.file_versions) TO STDOUT";

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--scale", defaultValue = "M", description = "S, M or L: seeded when the database has fewer versions (default ${DEFAULT-VALUE})")
    String scale;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--runs", defaultValue = "7", description = "timed runs of each side (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--workers", defaultValue = "0",
            description = "Warden's connections (default: as many processes as the bare query's plan, max_parallel_workers_per_gather + 1)")
    int workers;

    @Option(names = "--heap", description = "also measure client mode's heap over --heap-gb of content, in a child JVM with -Xmx256m")
    boolean heap;

    @Option(names = "--heap-gb", defaultValue = "2", description = "content for --heap, in GB (default ${DEFAULT-VALUE})")
    double heapGb;

    @Option(names = "--json", description = "print a JSON document")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || runs > 100) {
            throw new WardenException("--runs must be between 1 and 100.", null);
        }
        Scale chosen = Scale.parse(scale);
        List<Map<String, Object>> results = new ArrayList<>();
        String version;
        try (BenchTarget target = BenchTarget.open(connection, "warden_bench_integrity")) {
            version = serverVersion(target.dataSource());
            prepare(target, chosen);
            long bytes = contentBytes(target.dataSource());
            long rows = count(target.dataSource(), "SELECT count(*) FROM core.file_versions");
            Console.err().printf("Measuring on %s: %,d versions, %.1f MB of content, %d runs of each side%n",
                    target.description(), rows, bytes / 1e6, runs);
            ConnectionProfile profile = target.profile();
            if (workers <= 0) {
                // equal footing: the bare query runs in its leader plus the planned parallel workers
                workers = (int) Math.max(1, Math.min(4, count(target.dataSource(),
                        "SELECT current_setting('max_parallel_workers_per_gather')::int + 1")));
                Console.err().println("Warden uses " + workers + " connections, as many processes as the bare query's plan");
            }
            try (Database db = Database.open(profile, Access.READ_ONLY, ProfileResolver.system(), workers + 1)) {
                IntegrityScanner scanner = new IntegrityScanner(db);
                IntegrityOptions server = options(ScanMode.SERVER);
                IntegrityOptions client = options(ScanMode.CLIENT);
                // warm both sides once (caches, JIT), untimed
                Histogram warden = new Histogram(3);
                Histogram baseline = new Histogram(3);
                try (Connection plain = target.dataSource().getConnection()) {
                    scan(scanner, server);
                    bare(plain);
                    for (int i = 0; i < runs; i++) {
                        warden.recordValue(micros(() -> scan(scanner, server)));
                        baseline.recordValue(micros(() -> bare(plain)));
                    }
                }
                results.add(result("server mode: version digests, " + workers + " connections", warden, baseline, bytes,
                        "one bare " + BARE_SQL.replace("coalesce(content_bytes, convert_to(content, 'UTF8'))", "…")
                                + ", parallel workers as the server plans them, plain JDBC"));

                String psql = Psql.find();
                scan(scanner, client);
                Histogram wardenClient = new Histogram(3);
                Histogram pipe = new Histogram(3);
                for (int i = 0; i < runs; i++) {
                    wardenClient.recordValue(micros(() -> scan(scanner, client)));
                    if (psql != null) {
                        pipe.recordValue(micros(() -> Psql.pipe(psql, profile, PIPE)));
                    }
                }
                if (psql == null) {
                    Console.err().println("psql was not found on PATH or under /usr/lib/postgresql/*/bin: the client baseline is skipped");
                }
                results.add(result("client mode: version digests, " + workers + " connections", wardenClient,
                        psql == null ? null : pipe, bytes, "psql -c '" + PIPE.replace("content, content_bytes", "content …")
                                + "' | sha256sum, one stream"));
            }
            if (heap) {
                results.add(HeapProbe.run(target, heapGb));
            }
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("bench", "integrity");
            doc.put("scale", chosen.name());
            doc.put("postgres", version);
            doc.put("results", results);
            Console.out().println(Json.write(doc));
        } else {
            TextTable table = TextTable.of("NAME", "P50 MS", "P95 MS", "P99 MS", "MB/S", "BASELINE P95 MS", "BASELINE MB/S", "RATIO", "BASELINE");
            for (Map<String, Object> r : results) {
                table.row(r.get("name"), r.get("p50_ms"), r.get("p95_ms"), r.get("p99_ms"), r.get("mb_per_s"),
                        r.getOrDefault("baseline_p95_ms", ""), r.getOrDefault("baseline_mb_per_s", ""), r.getOrDefault("ratio", ""),
                        r.getOrDefault("baseline", ""));
            }
            Console.out().println(table.render());
            Console.out().println("PostgreSQL " + version + ", scale " + chosen + ". ratio = Warden's p95 time over the baseline's "
                    + "(1.0 = as fast as the bare tool; lower is faster). MB = 1,000,000 bytes of content.");
            for (Map<String, Object> r : results) {
                if (r.containsKey("peak_heap_mb")) {
                    Console.out().printf("%s: peak heap %s MB under -Xmx%sm over %s GB of content (%s MB/s)%n", r.get("name"),
                            r.get("peak_heap_mb"), r.get("max_heap_mb"), r.get("content_gb"), r.get("mb_per_s"));
                }
            }
        }
        return WardenCli.OK;
    }

    private IntegrityOptions options(ScanMode mode) {
        return IntegrityOptions.defaults().withMode(mode).withWorkers(workers).withGroups(Set.of(CheckGroup.VERSIONS))
                .withRecheck(false);
    }

    private static void scan(IntegrityScanner scanner, IntegrityOptions options) {
        IntegrityReport report = scanner.run(options, JobContext.none());
        if (report.status() != ScanStatus.COMPLETE) {
            throw new WardenException("The benchmark scan did not complete: " + report.summaryLine(), String.join(" ", report.notes()));
        }
    }

    private static void bare(Connection c) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(BARE_SQL)) {
            rs.next();
        } catch (SQLException e) {
            throw new WardenException("The bare query failed: " + e.getMessage(), null, e);
        }
    }

    private void prepare(BenchTarget target, Scale chosen) throws SQLException {
        long wanted = chosen == Scale.S ? 1 : chosen == Scale.M ? 300_000 : 3_000_000;
        long have = count(target.dataSource(), "SELECT count(*) FROM core.file_versions");
        if (have >= wanted) {
            Console.err().printf("Using the %,d versions already in %s%n", have, target.description());
            return;
        }
        Console.err().println("Seeding scale " + chosen + " into " + target.description() + " (a few minutes for M)");
        new DemoSeeder(target.dataSource()).seed(chosen, seed, true, Console.progress(json));
        try (Connection c = target.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("VACUUM (ANALYZE) core.file_versions"); // a settled table, as in production
        }
    }

    static Map<String, Object> result(String name, Histogram warden, Histogram baseline, long bytes, String baselineName) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("p50_ms", ms(warden.getValueAtPercentile(50)));
        r.put("p95_ms", ms(warden.getValueAtPercentile(95)));
        r.put("p99_ms", ms(warden.getValueAtPercentile(99)));
        r.put("mb_per_s", mbps(bytes, warden.getValueAtPercentile(50)));
        if (baseline != null && baseline.getTotalCount() > 0) {
            r.put("baseline", baselineName);
            r.put("baseline_p95_ms", ms(baseline.getValueAtPercentile(95)));
            r.put("baseline_mb_per_s", mbps(bytes, baseline.getValueAtPercentile(50)));
            r.put("ratio", Math.round(100.0 * warden.getValueAtPercentile(95) / baseline.getValueAtPercentile(95)) / 100.0);
        }
        return r;
    }

    private static double ms(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }

    private static double mbps(long bytes, long micros) {
        return micros <= 0 ? 0 : Math.round(bytes / 1e6 / (micros / 1e6) * 10) / 10.0;
    }

    private static long micros(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return Math.max(1, (System.nanoTime() - t) / 1000);
    }

    static long contentBytes(DataSource ds) throws SQLException {
        return count(ds, "SELECT coalesce(sum(coalesce(octet_length(content_bytes), octet_length(content))), 0) FROM core.file_versions");
    }

    static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String serverVersion(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1).split(" ")[0];
        }
    }

    /** psql from PATH or a PostgreSQL bin folder, run with the profile in PG* variables (the password never on a command line). */
    static final class Psql {
        private Psql() { }

        static String find() {
            List<Path> candidates = new ArrayList<>();
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                candidates.add(Path.of(dir, "psql"));
            }
            try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
                versions.sorted(Comparator.reverseOrder()).forEach(v -> candidates.add(v.resolve("bin/psql")));
            } catch (IOException ignored) {
                // not a Debian layout
            }
            return candidates.stream().filter(Files::isExecutable).map(Path::toString).findFirst().orElse(null);
        }

        static void pipe(String psql, ConnectionProfile profile, String copy) {
            ProcessBuilder pb = new ProcessBuilder("bash", "-o", "pipefail", "-c",
                    "\"$WARDEN_PSQL\" -X -q -v ON_ERROR_STOP=1 -c \"$WARDEN_COPY\" | sha256sum > /dev/null");
            Map<String, String> env = pb.environment();
            env.put("WARDEN_PSQL", psql);
            env.put("WARDEN_COPY", copy);
            env.put("PGHOST", profile.host());
            env.put("PGPORT", Integer.toString(profile.port()));
            env.put("PGDATABASE", profile.database());
            env.put("PGUSER", profile.user());
            env.put("PGSSLMODE", profile.sslMode().libpqName());
            env.put("PGAPPNAME", "warden-bench");
            Secret password = ProfileResolver.system().passwordFor(profile);
            if (password != null) {
                env.put("PGPASSWORD", password.reveal());
            }
            pb.redirectErrorStream(true);
            try {
                Process p = pb.start();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                    throw new WardenException("The psql | sha256sum baseline failed: " + new String(out, StandardCharsets.UTF_8).strip(), null);
                }
            } catch (IOException e) {
                throw new WardenException("Cannot run the psql baseline: " + e.getMessage(), null, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WardenException("Interrupted.", null, e);
            }
        }
    }

    /**
     * About 2 GB of content in a database of its own (text of 1 MB, a few of 24 MB that stream in
     * slices, and binary of 3 MB), then `warden integrity --mode client` in a child JVM with
     * -Xmx256m. The child reports the sum of its heap pools' peaks (an upper bound of the real
     * peak) and the run's figures.
     */
    static final class HeapProbe {
        static final String DATABASE = "warden_bench_integrity_heap";
        private static final Pattern PEAK = Pattern.compile("heap: peak ([0-9.]+) MB of at most ([0-9.]+) MB");

        private HeapProbe() { }

        static Map<String, Object> run(BenchTarget target, double gigabytes) throws Exception {
            ConnectionProfile profile = target.profile().withDatabase(DATABASE);
            try (Connection c = target.dataSource().getConnection(); Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                    if (!rs.next()) {
                        st.execute("CREATE DATABASE " + DATABASE);
                    }
                }
            } catch (SQLException e) {
                throw new WardenException("Cannot create the database " + DATABASE + " for --heap: " + e.getMessage(),
                        "use a role that may CREATE DATABASE, or leave out --heap", e);
            }
            DataSource ds = Database.dataSource(profile, Access.READ_WRITE, ProfileResolver.system());
            new SchemaMigrator(ds).migrate();
            long wanted = (long) (gigabytes * 1e9);
            long have = contentBytes(ds);
            if (have < wanted * 0.95) {
                Console.err().printf("Loading %.1f GB of content into %s (generated on the server)%n", gigabytes, DATABASE);
                load(ds, wanted);
            }
            long bytes = contentBytes(ds);
            Console.err().printf("Client mode over %.2f GB in a child JVM with -Xmx256m%n", bytes / 1e9);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    WardenCli.class.getName(), "integrity", "--url", profile.safeUri(), "--mode", "client", "--checks", "versions",
                    "--no-history", "--no-progress", "--stats", "--json", "--fail-on", "none");
            Path logs = Files.createTempDirectory("warden-heap-log");
            pb.environment().put("WARDEN_LOG_DIR", logs.toString());
            Secret password = ProfileResolver.system().passwordFor(target.profile());
            if (password != null) {
                pb.environment().put("PGPASSWORD", password.reveal());
            }
            Path err = Files.createTempFile("warden-heap", ".err");
            pb.redirectError(err.toFile());
            long started = System.nanoTime();
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            boolean ended = p.waitFor(30, TimeUnit.MINUTES);
            long micros = (System.nanoTime() - started) / 1000;
            String stderr = Files.readString(err);
            Files.deleteIfExists(err);
            try (Stream<Path> walk = Files.walk(logs)) {
                walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
            if (!ended || p.exitValue() != 0) {
                throw new WardenException("The child JVM failed (exit " + (ended ? p.exitValue() : "timeout") + "): "
                        + stderr.strip(), null);
            }
            Matcher m = PEAK.matcher(stderr);
            if (!m.find()) {
                throw new WardenException("The child JVM did not report its heap: " + stderr.strip(), null);
            }
            JsonNode doc = Json.MAPPER.readTree(out);
            long scanned = 0;
            long scanMs = 0;
            for (JsonNode check : doc.get("checks")) {
                scanned += check.get("bytes").asLong();
                scanMs += check.get("elapsedMs").asLong();
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", "client mode heap, child JVM -Xmx256m");
            r.put("content_gb", Math.round(scanned / 1e7) / 100.0);
            r.put("peak_heap_mb", Double.parseDouble(m.group(1)));
            r.put("max_heap_mb", 256);
            r.put("mb_per_s", scanMs <= 0 ? 0 : Math.round(scanned / 1e6 / (scanMs / 1000.0) * 10) / 10.0);
            r.put("child_wall_s", Math.round(micros / 1e5) / 10.0);
            r.put("findings", doc.get("findings").size());
            return r;
        }

        /** Deterministic content generated by the server (compressible, so the disk stays small; the wire does not). */
        private static void load(DataSource ds, long wanted) throws SQLException {
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                c.setAutoCommit(false);
                st.execute("TRUNCATE core.users CASCADE");
                st.execute("""
                        WITH u AS (INSERT INTO core.users (email, display_name) VALUES ('heap@warden.test', 'Heap probe') RETURNING id)
                        INSERT INTO core.apps (owner_id, name) SELECT id, 'Heap probe' FROM u""");
                long big = 24L << 20;
                long blob = 3L << 20;
                long mb = 1L << 20;
                int bigCount = 4;
                int blobCount = 20;
                long rest = Math.max(0, wanted - bigCount * big - blobCount * blob);
                int textCount = (int) Math.max(1, rest / mb);
                insert(st, "huge", bigCount, "repeat(md5(i::text) || ' huge text line ' || i || E'\\n', " + (big / 50) + ")", false);
                insert(st, "blob", blobCount, "decode(repeat(md5(i::text), " + (blob / 16) + "), 'hex')", true);
                insert(st, "text", textCount, "repeat(md5(i::text) || ' text line ' || i || E'\\n', " + (mb / 45) + ")", false);
                c.commit();
                st.execute("ANALYZE core.file_versions");
            }
        }

        private static void insert(Statement st, String prefix, int n, String expression, boolean binary) throws SQLException {
            String bytes = binary ? "x.b" : "convert_to(x.b, 'UTF8')";
            st.execute("""
                    WITH x AS (SELECT i, %s AS b FROM generate_series(1, %d) i),
                         f AS (INSERT INTO core.files (app_id, path, is_binary, size_bytes, sha256)
                               SELECT (SELECT id FROM core.apps LIMIT 1), '%s/' || x.i, %s, octet_length(%s), sha256(%s) FROM x
                               RETURNING id, path)
                    INSERT INTO core.file_versions (file_id, version, content, content_bytes, sha256, size_bytes)
                    SELECT f.id, 1, %s, %s, sha256(%s), octet_length(%s) FROM x JOIN f ON f.path = '%s/' || x.i
                    """.formatted(expression, n, prefix, binary, bytes, bytes, binary ? "NULL" : "x.b", binary ? "x.b" : "NULL",
                    bytes, bytes, prefix));
            st.execute("UPDATE core.files f SET head_version_id = v.id FROM core.file_versions v WHERE v.file_id = f.id "
                    + "AND f.head_version_id IS NULL");
        }
    }
}
