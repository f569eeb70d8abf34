package com.warden.app.cli;

import com.warden.app.schema.MigrationRow;
import com.warden.app.schema.SchemaMigrator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply the project schema migrations (a second run is a no-op), or show their history with --info.")
final class MigrateCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Option(names = "--info", description = "print the migration history and what is pending; change nothing")
    boolean info;

    @Option(names = "--json", description = "print a JSON document")
    boolean json;

    @Override
    public Integer call() {
        SchemaMigrator migrator = new SchemaMigrator(connection.writableDataSource());
        if (info) {
            List<MigrationRow> rows = migrator.info();
            if (json) {
                Console.out().println(Json.write(new Object() {
                    public final String status = migrator.detect().line();
                    public final List<MigrationRow> migrations = rows;
                }));
                return WardenCli.OK;
            }
            Console.out().println(migrator.detect().line());
            Console.out().println(TextTable.of("VERSION", "DESCRIPTION", "STATE", "INSTALLED", "MS")
                    .rows(rows.stream().map(r -> new Object[] {r.version(), r.description(), r.state(),
                            r.installedOn() == null ? "" : r.installedOn().toString(),
                            r.executionMillis() == null ? "" : r.executionMillis()}).toList())
                    .render());
            return WardenCli.OK;
        }
        SchemaMigrator.Outcome outcome = migrator.migrate();
        if (json) {
            Console.out().println(Json.write(outcome));
        } else {
            Console.out().println(outcome.line());
        }
        return WardenCli.OK;
    }
}
