package com.warden.app.cli;

import com.warden.app.WardenException;
import com.warden.app.demo.DemoSeeder;
import com.warden.app.demo.Scale;
import com.warden.app.impact.AppInfo;
import com.warden.app.impact.Direction;
import com.warden.app.impact.ImpactGraph;
import com.warden.app.impact.ImpactRequest;
import com.warden.app.impact.ImpactRoot;
import com.warden.app.impact.ImpactService;
import com.warden.app.impact.ImpactSql;
import com.warden.app.impact.SyntheticApp;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Depth-5 dependents on the scale data and on one large app the benchmark builds (20,000 files,
 * 100,000 references), Warden's service beside the same SQL run as one bare prepared statement
 * on plain JDBC, interleaved query by query on the same roots.
 */
@Command(name = "impact", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Impact walk (depth-5 dependents) on scale data and on a 20,000-file / 100,000-reference app,",
            "against the same SQL as one bare prepared statement. Builds what is missing: the scale data in an empty",
            "database (minutes for M: reuse one with --url) and the large app (a few seconds, kept for the next run)."})
final class ImpactBench implements Callable<Integer> {
    static final String LARGE_APP = "Bench large app";
    static final String BASELINE = "same SQL, one prepared statement, plain JDBC";

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--scale", defaultValue = "M", description = "S, M or L (default ${DEFAULT-VALUE})")
    String scale;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the data (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--depth", defaultValue = "5", description = "walk depth (default ${DEFAULT-VALUE})")
    int depth;

    @Option(names = "--iterations", defaultValue = "2000", description = "measured walks per side on the scale data (default ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--large-iterations", defaultValue = "300", description = "measured walks per side on the large app (default ${DEFAULT-VALUE})")
    int largeIterations;

    @Option(names = "--large-files", defaultValue = "20000", hidden = true)
    int largeFiles;

    @Option(names = "--large-references", defaultValue = "100000", hidden = true)
    int largeReferences;

    @Option(names = "--json", description = "print a JSON document")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Scale chosen = Scale.parse(scale);
        ImpactRequest.checkDepth(depth);
        if (iterations < 10 || largeIterations < 10) {
            throw new WardenException("Give at least 10 iterations.", "percentiles of fewer walks say little");
        }
        try (BenchTarget target = BenchTarget.open(connection, "warden_bench_impact")) {
            DataSource ds = target.dataSource();
            prepareScaleData(ds, chosen, target);
            Console.err().printf("Building (or reusing) the large app: %,d files, %,d references%n", largeFiles, largeReferences);
            AppInfo large = SyntheticApp.ensure(ds, LARGE_APP, largeFiles, largeReferences, seed, Console.progress(json));
            vacuum(ds);
            String version = serverVersion(ds);

            List<ImpactRoot> scaleRoots = roots(ds, "r.app_id <> ?", large.id(), 500);
            List<ImpactRoot> largeRoots = roots(ds, "r.app_id = ?", large.id(), 200);
            if (scaleRoots.isEmpty()) {
                throw new WardenException("The database holds no file references to walk.", "seed it first: warden seed --scale M");
            }
            List<Map<String, Object>> results = new ArrayList<>();
            try (HikariDataSource pool = pool(ds)) {
                ImpactService service = new ImpactService(pool);
                try (Connection bare = ds.getConnection()) {
                    results.add(measure("dependents depth " + depth + ", scale " + chosen, service, bare, scaleRoots, iterations));
                    results.add(measure(String.format("dependents depth %d, one app of %,d files / %,d references", depth,
                            large.files(), large.references()), service, bare, largeRoots, largeIterations));
                }
            }
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("bench", "impact");
                doc.put("scale", chosen.name());
                doc.put("postgres", version);
                doc.put("results", results);
                Console.out().println(Json.write(doc));
            } else {
                TextTable table = TextTable.of("WALK", "P50 MS", "P95 MS", "P99 MS", "BASELINE P95 MS", "RATIO", "FILES (AVG)", "WALKS");
                for (Map<String, Object> r : results) {
                    table.row(r.get("name"), r.get("p50_ms"), r.get("p95_ms"), r.get("p99_ms"), r.get("baseline_p95_ms"),
                            r.get("ratio"), r.get("avg_files"), r.get("iterations"));
                }
                Console.out().println(table.render());
                Console.out().println();
                Console.out().println("PostgreSQL " + version + " on " + target.description() + "; baseline: " + BASELINE
                        + ", interleaved with Warden on the same roots. Ratio = Warden p95 / baseline p95.");
            }
        }
        return WardenCli.OK;
    }

    private void prepareScaleData(DataSource ds, Scale chosen, BenchTarget target) throws SQLException {
        long apps = scalar(ds, "SELECT count(*) FROM core.apps a JOIN core.users u ON u.id = a.owner_id WHERE u.email <> ?",
                SyntheticApp.OWNER_EMAIL);
        long wanted = switch (chosen) {
            case S -> 5;
            case M -> 1_000;
            case L -> 10_000;
        };
        if (apps == 0) {
            Console.err().println("Seeding scale " + chosen + " into " + target.description() + " (reuse it next time with --url)");
            new DemoSeeder(ds).seed(chosen, seed, false, Console.progress(json));
        } else if (apps != wanted) {
            throw new WardenException("The database holds " + apps + " apps, not the " + wanted + " of scale " + chosen + ".",
                    "point --url at a database seeded with warden seed --scale " + chosen + ", or at an empty one");
        } else {
            Console.err().printf("Reusing the %,d apps of scale %s in %s%n", apps, chosen, target.description());
        }
    }

    /** Index-only scans need a current visibility map: what autovacuum gives a live database. */
    private static void vacuum(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("VACUUM (ANALYZE) core.file_references");
            st.execute("VACUUM (ANALYZE) core.files");
        }
    }

    /** Files that have dependents, in a fixed pseudo-random order, as (app id, path) roots. */
    private static List<ImpactRoot> roots(DataSource ds, String appFilter, UUID largeApp, int limit) throws SQLException {
        List<ImpactRoot> roots = new ArrayList<>();
        // appFilter is one of two constants above, never user text
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT f.app_id, f.path FROM core.files f WHERE f.id IN (SELECT r.dest_file_id FROM core.file_references r WHERE "
                        + appFilter + ") ORDER BY md5(f.id::text) LIMIT ?")) {
            ps.setObject(1, largeApp);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    roots.add(ImpactRoot.path(rs.getObject(1, UUID.class).toString(), rs.getString(2)));
                }
            }
        }
        return roots;
    }

    private Map<String, Object> measure(String name, ImpactService service, Connection bare, List<ImpactRoot> roots, int n)
            throws SQLException {
        ImpactRequest first = new ImpactRequest(roots.get(0), Direction.DEPENDENTS, depth, null);
        Histogram warden = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        Histogram baseline = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        long files = 0;
        long refs = 0;
        int warmup = Math.min(n, Math.max(50, n / 5));
        Console.err().printf("Measuring %s: %,d warm-up and %,d measured walks per side%n", name, warmup, n);
        try (PreparedStatement ps = bare.prepareStatement(ImpactSql.statement(first))) {
            for (int i = -warmup; i < n; i++) {
                ImpactRequest request = first.withRoot(roots.get(Math.floorMod(i, roots.size())));
                long w;
                long b;
                // alternate which side goes first, so neither always finds the cache warmed by the other
                if ((i & 1) == 0) {
                    w = timeWarden(service, request);
                    b = timeBare(ps, request);
                } else {
                    b = timeBare(ps, request);
                    w = timeWarden(service, request);
                }
                if (i >= 0) {
                    warden.recordValue(w);
                    baseline.recordValue(b);
                }
                if (i >= 0 && i < roots.size()) {
                    ImpactGraph g = service.analyze(request);
                    files += g.nodes().size();
                    refs += g.edges().size();
                }
            }
        }
        int sampled = Math.min(n, roots.size());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("p50_ms", ms(warden.getValueAtPercentile(50)));
        r.put("p95_ms", ms(warden.getValueAtPercentile(95)));
        r.put("p99_ms", ms(warden.getValueAtPercentile(99)));
        r.put("baseline", BASELINE);
        r.put("baseline_p50_ms", ms(baseline.getValueAtPercentile(50)));
        r.put("baseline_p95_ms", ms(baseline.getValueAtPercentile(95)));
        r.put("baseline_p99_ms", ms(baseline.getValueAtPercentile(99)));
        r.put("ratio", Math.round(100.0 * warden.getValueAtPercentile(95) / baseline.getValueAtPercentile(95)) / 100.0);
        r.put("iterations", n);
        r.put("roots", roots.size());
        r.put("avg_files", Math.round(10.0 * files / sampled) / 10.0);
        r.put("avg_references", Math.round(10.0 * refs / sampled) / 10.0);
        return r;
    }

    private static long timeWarden(ImpactService service, ImpactRequest request) {
        long t0 = System.nanoTime();
        ImpactGraph g = service.analyze(request);
        long t = System.nanoTime() - t0;
        if (g.isEmpty()) {
            throw new IllegalStateException("empty walk");
        }
        return t;
    }

    /** The bare side: bind, execute, read every column of every row, nothing else. */
    private static long timeBare(PreparedStatement ps, ImpactRequest request) throws SQLException {
        long t0 = System.nanoTime();
        ImpactSql.bind(ps, request);
        long sink = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String kind = rs.getString(1);
                UUID a = rs.getObject(2, UUID.class);
                UUID b = rs.getObject(3, UUID.class);
                int d = rs.getInt(4);
                String text = rs.getString(5);
                sink += kind.length() + a.hashCode() + (b == null ? 0 : 1) + d + (text == null ? 0 : text.length());
            }
        }
        long t = System.nanoTime() - t0;
        if (sink == 42) {
            Console.err().print("");
        }
        return t;
    }

    private static HikariDataSource pool(DataSource ds) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(ds);
        config.setPoolName("warden-bench-impact");
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(1);
        config.setReadOnly(true);
        return new HikariDataSource(config);
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }

    private static long scalar(DataSource ds, String sql, String parameter) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String serverVersion(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1).split(" ")[0];
        }
    }
}
