package com.warden.app.cli;

import com.warden.app.demo.DemoSeeder;
import com.warden.app.demo.Scale;
import com.warden.app.demo.SeedReport;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "seed", mixinStandardHelpOptions = true,
        description = "Load the demo project (S) or scale data (M: 10,000 sessions, 1,000,000 messages; L: 10x M). "
                + "Deterministic for a seed; all in one transaction.")
final class SeedCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Option(names = "--scale", defaultValue = "S", description = "S, M or L (default ${DEFAULT-VALUE})")
    String scale;

    @Option(names = "--clear", description = "remove all project data first (TRUNCATE core tables)")
    boolean clear;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", description = "print a JSON document")
    boolean json;

    @Override
    public Integer call() {
        Scale chosen = Scale.parse(scale);
        SeedReport report = new DemoSeeder(connection.writableDataSource()).seed(chosen, seed, clear, Console.progress(json));
        if (json) {
            Console.out().println(Json.write(report));
        } else {
            print(report);
        }
        return WardenCli.OK;
    }

    static void print(SeedReport report) {
        TextTable table = TextTable.of("TABLE", "ROWS");
        for (Map.Entry<String, Long> e : report.rowsPerTable().entrySet()) {
            table.row(e.getKey(), String.format("%,d", e.getValue()));
        }
        Console.out().println(table.render());
        Console.out().printf("Seeded scale %s (seed %d): %,d rows in %.1f s, %,.0f rows/s%n", report.scale(), report.seed(),
                report.totalRows(), report.elapsed().toMillis() / 1000.0, report.rowsPerSecond());
    }
}
