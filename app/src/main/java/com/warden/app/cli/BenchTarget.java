package com.warden.app.cli;

import com.warden.app.connect.ConnectionProfile;
import com.warden.app.demo.EmbeddedServer;
import com.warden.app.schema.SchemaMigrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Where a benchmark runs: the database given with --url, or a throwaway embedded server in a
 * temporary folder that is removed afterwards.
 */
final class BenchTarget implements AutoCloseable {
    private final EmbeddedServer server;
    private final Path folder;
    private final DataSource dataSource;
    private final String description;
    private final ConnectionProfile profile;

    private BenchTarget(EmbeddedServer server, Path folder, DataSource dataSource, String description, ConnectionProfile profile) {
        this.server = server;
        this.folder = folder;
        this.dataSource = dataSource;
        this.description = description;
        this.profile = profile;
    }

    static BenchTarget open(ConnectionOptions connection, String database) throws IOException {
        if (connection.given()) {
            DataSource ds = connection.writableDataSource();
            new SchemaMigrator(ds).migrate();
            return new BenchTarget(null, null, ds, connection.profile().safeUri(), connection.profile());
        }
        Path folder = Files.createTempDirectory("warden-bench-");
        EmbeddedServer server = EmbeddedServer.start(folder.resolve("pgdata"), 0);
        server.ensureDatabase(database);
        DataSource ds = server.dataSource(database);
        new SchemaMigrator(ds).migrate();
        return new BenchTarget(server, folder, ds, "embedded PostgreSQL in " + folder, server.profile(database));
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** The target as a profile, to open Warden's own pools on it (read-only inspection, say). */
    ConnectionProfile profile() {
        return profile;
    }

    String description() {
        return description;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        if (folder != null) {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp folder left behind is harmless
            }
        }
    }
}
