package com.warden.app.cli;

import com.warden.app.WardenException;
import com.warden.app.backup.BackupPlan;
import com.warden.app.backup.BackupRequest;
import com.warden.app.backup.BackupService;
import com.warden.app.backup.Bytes;
import com.warden.app.backup.CatalogEntry;
import com.warden.app.backup.DrillReport;
import com.warden.app.backup.DrillRequest;
import com.warden.app.backup.FileTree;
import com.warden.app.backup.FoundTool;
import com.warden.app.backup.PgTool;
import com.warden.app.backup.RestoreDrill;
import com.warden.app.backup.RestorePlan;
import com.warden.app.backup.RestoreRequest;
import com.warden.app.backup.RestoreService;
import com.warden.app.backup.RestoreTarget;
import com.warden.app.backup.TableName;
import com.warden.app.backup.ToolCommand;
import com.warden.app.backup.ToolLocator;
import com.warden.app.backup.ToolRunner;
import com.warden.app.backup.Unprivileged;
import com.warden.app.connect.ConnectionProfile;
import com.warden.app.connect.ProfileResolver;
import com.warden.app.demo.DemoSeeder;
import com.warden.app.demo.EmbeddedServer;
import com.warden.app.demo.Scale;
import com.warden.app.job.JobContext;
import com.warden.app.schema.SchemaMigrator;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Warden's backup, restore, base backup and drill against the bare PostgreSQL tools with the same options,",
                "in the same run, on the same data (default scale M in a throwaway embedded server, or --url)."})
final class BackupBench implements Callable<Integer> {
    private static final String DATABASE = "warden_bench_backup";

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--scale", defaultValue = "M", description = "S, M or L (default ${DEFAULT-VALUE})")
    String scale;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--runs", defaultValue = "3", description = "measured runs of each side (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--only", split = ",", description = "dump, restore, basebackup, drill (default: all)")
    Set<String> only = Set.of("dump", "restore", "basebackup", "drill");

    @Option(names = "--work", paramLabel = "DIR", description = "where backups and scratch folders go (default: the temp folder)")
    Path work;

    @Option(names = "--json", description = "print a JSON document")
    boolean json;

    private final ToolLocator tools = ToolLocator.system();
    private final ProfileResolver resolver = ProfileResolver.system();

    @Override
    public Integer call() throws Exception {
        Scale chosen = Scale.parse(scale);
        Path workDir = Files.createTempDirectory(work == null ? Path.of(System.getProperty("java.io.tmpdir")) : work, "warden-bench-backup-");
        EmbeddedServer server = null;
        try {
            ConnectionProfile profile;
            DataSource ds;
            if (connection.given()) {
                profile = connection.profile();
                ds = connection.writableDataSource();
            } else {
                server = EmbeddedServer.start(workDir.resolve("pgdata"), 0);
                server.ensureDatabase(DATABASE);
                profile = server.profile(DATABASE);
                ds = server.dataSource(DATABASE);
            }
            new SchemaMigrator(ds).migrate();
            long apps = switch (chosen) {
                case S -> 5;
                case M -> 1_000;
                case L -> 10_000;
            };
            if (scalar(ds, "SELECT count(*) FROM core.apps") != apps) {
                Console.err().println("Seeding scale " + chosen + " into " + profile.safeUri() + " (once)");
                new DemoSeeder(ds).seed(chosen, seed, true, Console.progress(false));
                try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                    st.execute("VACUUM ANALYZE");
                    st.execute("CHECKPOINT");
                }
            }
            long dbBytes = scalar(ds, "SELECT pg_database_size(current_database())");
            String version = text(ds, "SHOW server_version").split(" ")[0];
            Console.err().printf("Database %s: %s, PostgreSQL %s; %d runs of each side%n", profile.safeUri(), Bytes.human(dbBytes), version, runs);
            List<Map<String, Object>> results = new ArrayList<>();
            Path catalog = workDir.resolve("catalog");
            if (only.contains("dump")) {
                results.add(benchDump(profile, catalog, workDir, dbBytes));
            }
            if (only.contains("restore")) {
                results.add(benchRestore(profile, ds, catalog, dbBytes));
            }
            if (only.contains("basebackup")) {
                results.add(benchBaseBackup(profile, catalog, workDir, dbBytes));
            }
            if (only.contains("drill")) {
                results.add(benchDrill(profile, catalog, workDir, dbBytes));
            }
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("bench", "backup");
                doc.put("scale", chosen.name());
                doc.put("postgres", version);
                doc.put("results", results);
                Console.out().println(Json.write(doc));
            } else {
                TextTable t = TextTable.of("measure", "p50 ms", "p95 ms", "baseline p95 ms", "ratio", "MB/s", "baseline MB/s");
                for (Map<String, Object> r : results) {
                    t.row(r.get("name"), r.get("p50_ms"), r.get("p95_ms"), r.get("baseline_p95_ms"), r.get("ratio"),
                            r.getOrDefault("mb_per_s", ""), r.getOrDefault("baseline_mb_per_s", ""));
                }
                Console.out().println(t.render());
                Console.out().printf("PostgreSQL %s, scale %s, database %s; baselines:%n", version, chosen, Bytes.human(dbBytes));
                results.forEach(r -> Console.out().println("  " + r.get("name") + ": " + r.get("baseline")));
            }
            return WardenCli.OK;
        } finally {
            if (server != null) {
                server.close();
            }
            FileTree.deleteQuietly(workDir);
        }
    }

    /** Runs both sides {@code runs} times, alternating which goes first, and builds the result row. */
    private Map<String, Object> measure(String name, String baseline, long bytes, Timed warden, Timed bare) throws Exception {
        Histogram w = new Histogram(3_600_000L, 3);
        Histogram b = new Histogram(3_600_000L, 3);
        for (int i = 0; i < runs; i++) {
            boolean wardenFirst = i % 2 == 0;
            long first = (wardenFirst ? warden : bare).run();
            long second = (wardenFirst ? bare : warden).run();
            long wMs = wardenFirst ? first : second;
            long bMs = wardenFirst ? second : first;
            w.recordValue(Math.max(1, wMs));
            b.recordValue(Math.max(1, bMs));
            Console.err().printf("  %s run %d: Warden %d ms, bare %d ms%n", name, i + 1, wMs, bMs);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("p50_ms", (double) w.getValueAtPercentile(50));
        r.put("p95_ms", (double) w.getValueAtPercentile(95));
        r.put("p99_ms", (double) w.getValueAtPercentile(99));
        r.put("baseline", baseline);
        r.put("baseline_p95_ms", (double) b.getValueAtPercentile(95));
        r.put("ratio", Math.round(1000.0 * w.getValueAtPercentile(95) / b.getValueAtPercentile(95)) / 1000.0);
        if (bytes > 0) {
            r.put("mb_per_s", Math.round(10.0 * bytes / 1048576.0 / (w.getValueAtPercentile(50) / 1000.0)) / 10.0);
            r.put("baseline_mb_per_s", Math.round(10.0 * bytes / 1048576.0 / (b.getValueAtPercentile(50) / 1000.0)) / 10.0);
        }
        return r;
    }

    @FunctionalInterface
    private interface Timed {
        long run() throws Exception;
    }

    private Map<String, Object> benchDump(ConnectionProfile profile, Path catalog, Path workDir, long dbBytes) throws Exception {
        BackupService service = new BackupService(tools, resolver);
        BackupPlan plan = service.plan(profile, BackupRequest.logical(catalog));
        List<String> bareArgv = new ArrayList<>(plan.command().argv());
        Path bareFile = workDir.resolve("bare.pgdump");
        bareArgv.set(bareArgv.indexOf(plan.payload().toString()), bareFile.toString());
        ToolCommand bare = new ToolCommand(bareArgv, plan.command().env(), plan.command().secretEnv(), null);
        return measure("pg_dump custom (wizard run: snapshot row counts, SHA-256, pg_restore --list)",
                "bare " + bare.display(), dbBytes,
                () -> {
                    long t = System.nanoTime();
                    CatalogEntry e = service.run(service.plan(profile, BackupRequest.logical(catalog)), JobContext.none());
                    long ms = (System.nanoTime() - t) / 1_000_000;
                    FileTree.delete(e.folder());
                    return ms;
                },
                () -> {
                    long t = System.nanoTime();
                    ToolRunner.run(bare, null, null, JobContext.none()).orThrow("bare pg_dump", null);
                    long ms = (System.nanoTime() - t) / 1_000_000;
                    Files.deleteIfExists(bareFile);
                    return ms;
                });
    }

    private Map<String, Object> benchRestore(ConnectionProfile profile, DataSource ds, Path catalog, long dbBytes) throws Exception {
        BackupService backups = new BackupService(tools, resolver);
        CatalogEntry dump = backups.run(backups.plan(profile, BackupRequest.logical(catalog).withLabel("restore")), JobContext.none());
        RestoreService restores = new RestoreService(tools, resolver);
        FoundTool pgRestore = tools.find(PgTool.PG_RESTORE, dump.manifest().source().major());
        String wardenDb = "warden_bench_restore_w";
        String bareDb = "warden_bench_restore_b";
        try {
            return measure("pg_restore -j 2 into a new database (wizard run: SHA-256 check, create, restore; verification not included)",
                    "bare CREATE DATABASE + pg_restore -j 2 --exit-on-error", dbBytes,
                    () -> {
                        long t = System.nanoTime();
                        RestorePlan plan = restores.plan(new RestoreRequest(dump, profile, new RestoreTarget.NewDatabase(wardenDb), List.of(),
                                2, false, false), JobContext.none());
                        restores.run(plan, JobContext.none());
                        long ms = (System.nanoTime() - t) / 1_000_000;
                        drop(ds, wardenDb);
                        return ms;
                    },
                    () -> {
                        long t = System.nanoTime();
                        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                            st.execute("CREATE DATABASE " + TableName.ident(bareDb) + " TEMPLATE template0");
                        }
                        List<String> argv = new ArrayList<>(List.of(pgRestore.path().toString(), "-h", profile.host(), "-p",
                                Integer.toString(profile.port()), "-U", profile.user(), "-w", "-d", bareDb, "--exit-on-error", "-j", "2",
                                dump.payload().toString()));
                        ToolRunner.run(withPassword(argv, profile), null, null, JobContext.none()).orThrow("bare pg_restore", null);
                        long ms = (System.nanoTime() - t) / 1_000_000;
                        drop(ds, bareDb);
                        return ms;
                    });
        } finally {
            drop(ds, wardenDb);
            drop(ds, bareDb);
            FileTree.deleteQuietly(dump.folder());
        }
    }

    private Map<String, Object> benchBaseBackup(ConnectionProfile profile, Path catalog, Path workDir, long dbBytes) throws Exception {
        BackupService service = new BackupService(tools, resolver);
        BackupPlan plan = service.plan(profile, BackupRequest.physical(catalog));
        List<String> bareArgv = new ArrayList<>(plan.command().argv());
        Path bareDir = workDir.resolve("bare-base");
        bareArgv.set(bareArgv.indexOf(plan.payload().toString()), bareDir.toString());
        ToolCommand bare = new ToolCommand(bareArgv, plan.command().env(), plan.command().secretEnv(), null);
        return measure("pg_basebackup plain -X stream (wizard run: SHA-256 of every file, pg_verifybackup, row counts)",
                "bare " + bare.display(), dbBytes,
                () -> {
                    long t = System.nanoTime();
                    CatalogEntry e = service.run(service.plan(profile, BackupRequest.physical(catalog)), JobContext.none());
                    long ms = (System.nanoTime() - t) / 1_000_000;
                    FileTree.delete(e.folder());
                    return ms;
                },
                () -> {
                    long t = System.nanoTime();
                    ToolRunner.run(bare, null, null, JobContext.none()).orThrow("bare pg_basebackup", null);
                    long ms = (System.nanoTime() - t) / 1_000_000;
                    FileTree.delete(bareDir);
                    return ms;
                });
    }

    /**
     * A drill of a physical base backup (copy with SHA-256 check, start, replay to the end of the
     * backup, verify) against its bare steps: cp, pg_ctl start, and the same verification SQL.
     */
    private Map<String, Object> benchDrill(ConnectionProfile profile, Path catalog, Path workDir, long dbBytes) throws Exception {
        BackupService backups = new BackupService(tools, resolver);
        CatalogEntry base = backups.run(backups.plan(profile, BackupRequest.physical(catalog).withLabel("drill")), JobContext.none());
        RestoreDrill drill = new RestoreDrill(tools, resolver);
        int major = base.manifest().source().major();
        FoundTool pgCtl = tools.find(PgTool.PG_CTL, major);
        String db = base.manifest().countsDatabase();
        try {
            return measure("restore drill RTO (physical base backup into a scratch instance, verified)",
                    "sum of bare steps: cp -a of the base backup, pg_ctl start -w (replay to the end of the backup), "
                            + "the same verification SQL (counts, foreign keys, indexes, integrity functions) over JDBC",
                    dbBytes,
                    () -> {
                        DrillReport r = drill.run(new DrillRequest(null, catalog, base.id(), false, null, null, workDir, true), JobContext.none());
                        if (!DrillReport.PASS.equals(r.verdict())) {
                            throw new WardenException("The benchmark drill did not pass: " + r.failure(), null);
                        }
                        return Math.round(r.rtoSeconds() * 1000);
                    },
                    () -> bareDrill(base, pgCtl, db, workDir));
        } finally {
            FileTree.deleteQuietly(base.folder());
        }
    }

    private long bareDrill(CatalogEntry base, FoundTool pgCtl, String db, Path workDir) throws Exception {
        Path folder = Files.createTempDirectory(workDir, "bare-drill-");
        Path data = folder.resolve("data");
        int port = freePort();
        List<String> prefix = Unprivileged.prefix();
        long t = System.nanoTime();
        try {
            ToolRunner.run(ToolCommand.of(List.of("cp", "-a", base.payload().toString(), data.toString())), null, null, JobContext.none())
                    .orThrow("cp", null);
            Files.writeString(data.resolve("postgresql.auto.conf"), "\nport = " + port + "\nlisten_addresses = '127.0.0.1'\n"
                    + "unix_socket_directories = '" + folder + "'\narchive_mode = off\nlogging_collector = off\n", StandardOpenOption.APPEND);
            List<String> start = new ArrayList<>(prefix);
            start.addAll(List.of(pgCtl.path().toString(), "-D", data.toString(), "-l", folder.resolve("log").toString(), "-w", "-t", "600", "start"));
            ToolRunner.run(ToolCommand.of(start), null, null, JobContext.none()).orThrow("pg_ctl start", null);
            Properties p = new Properties();
            p.setProperty("user", base.manifest().source().user());
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + db, p)) {
                bareVerify(c);
            }
            return (System.nanoTime() - t) / 1_000_000;
        } finally {
            List<String> stop = new ArrayList<>(prefix);
            stop.addAll(List.of(pgCtl.path().toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"));
            ToolRunner.run(ToolCommand.of(stop), null, null, JobContext.none());
            FileTree.deleteQuietly(folder);
        }
    }

    /** The verification a drill runs, written out plainly: what Warden's verifier does, without Warden. */
    private static void bareVerify(Connection c) throws SQLException {
        List<String> queries = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c "
                     + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
                     + "AND n.nspname NOT LIKE 'pg\\_toast%'")) {
            while (rs.next()) {
                queries.add("SELECT count(*) FROM " + rs.getString(1));
            }
        }
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT format('SELECT count(*) FROM %s ch WHERE %s AND NOT EXISTS (SELECT 1 FROM %s pa WHERE %s)',
                                   con.conrelid::regclass, string_agg(format('ch.%I IS NOT NULL', a.attname), ' AND '),
                                   con.confrelid::regclass, string_agg(format('pa.%I = ch.%I', r.attname, a.attname), ' AND '))
                       FROM pg_constraint con
                       CROSS JOIN LATERAL unnest(con.conkey, con.confkey) AS k(att, ref)
                       JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.att
                       JOIN pg_attribute r ON r.attrelid = con.confrelid AND r.attnum = k.ref
                      WHERE con.contype = 'f' AND con.conparentid = 0
                      GROUP BY con.oid, con.conrelid, con.confrelid""")) {
            while (rs.next()) {
                queries.add(rs.getString(1));
            }
        }
        queries.add("SELECT count(*) FROM pg_index WHERE NOT indisvalid OR NOT indisready OR NOT indislive");
        queries.add("SELECT count(*) FILTER (WHERE NOT matches) FROM core.verify_file_checksums()");
        queries.add("SELECT count(*) FILTER (WHERE NOT matches) FROM core.verify_image_assets()");
        queries.add("SELECT count(*) FROM core.verify_head_pointers()");
        try (Statement st = c.createStatement()) {
            st.execute("SET statement_timeout = 0");
            for (String q : queries) {
                try (ResultSet rs = st.executeQuery(q)) {
                    rs.next();
                }
            }
        }
    }

    private ToolCommand withPassword(List<String> argv, ConnectionProfile profile) {
        var password = resolver.passwordFor(profile);
        return new ToolCommand(argv, Map.of("PGSSLMODE", profile.sslMode().libpqName()),
                password == null ? Map.of() : Map.of("PGPASSWORD", password.reveal()), null);
    }

    private static void drop(DataSource ds, String db) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + TableName.ident(db) + " WITH (FORCE)");
        }
    }

    private static long scalar(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
