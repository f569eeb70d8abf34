package com.warden.app.cli;

import com.warden.app.demo.DemoSeeder;
import com.warden.app.demo.Scale;
import com.warden.app.demo.SeedReport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "seed", mixinStandardHelpOptions = true,
        description = "Time a full seed (default scale M) into a fresh embedded server or --url (its project data is replaced).")
final class SeedBench implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Option(names = "--scale", defaultValue = "M", description = "S, M or L (default ${DEFAULT-VALUE})")
    String scale;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--json", description = "print a JSON document")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Scale chosen = Scale.parse(scale);
        try (BenchTarget target = BenchTarget.open(connection, "warden_bench_seed")) {
            Console.err().println("Seeding scale " + chosen + " into " + target.description());
            SeedReport report = new DemoSeeder(target.dataSource()).seed(chosen, seed, true, Console.progress(json));
            String version = serverVersion(target);
            long bytes = databaseSize(target);
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("name", "seed " + chosen);
                result.put("total_s", report.elapsed().toMillis() / 1000.0);
                result.put("rows", report.totalRows());
                result.put("rows_per_s", Math.round(report.rowsPerSecond()));
                result.put("database_mb", bytes / (1024 * 1024));
                result.put("tables", report.rowsPerTable());
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("bench", "seed");
                doc.put("scale", chosen.name());
                doc.put("postgres", version);
                doc.put("results", List.of(result));
                Console.out().println(Json.write(doc));
            } else {
                SeedCommand.print(report);
                Console.out().printf("PostgreSQL %s, database size after load %,d MB%n", version, bytes / (1024 * 1024));
            }
        }
        return WardenCli.OK;
    }

    private static String serverVersion(BenchTarget target) throws SQLException {
        try (Connection c = target.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1).split(" ")[0];
        }
    }

    private static long databaseSize(BenchTarget target) throws SQLException {
        try (Connection c = target.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_database_size(current_database())")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
