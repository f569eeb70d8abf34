package com.warden.app.demo;

import com.warden.app.WardenException;
import com.warden.app.connect.ConnectionProfile;
import com.warden.app.job.JobContext;
import com.warden.app.schema.SchemaMigrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * What `warden demo` stands on: the embedded server with its data in the user's data folder,
 * the database warden_demo migrated, and scale S seeded the first time.
 */
public final class DemoEnvironment implements AutoCloseable {
    public static final String DATABASE = "warden_demo";

    private final EmbeddedServer server;
    private final SeedReport seeded;
    private final SchemaMigrator.Outcome migrated;

    private DemoEnvironment(EmbeddedServer server, SchemaMigrator.Outcome migrated, SeedReport seeded) {
        this.server = server;
        this.migrated = migrated;
        this.seeded = seeded;
    }

    public static DemoEnvironment start(Path dataDirectory, boolean reset, JobContext job) {
        if (reset) {
            job.progress(0, 4, "Removing the old demo cluster");
            deleteTree(dataDirectory);
        }
        job.progress(1, 4, "Starting the embedded PostgreSQL");
        EmbeddedServer server = EmbeddedServer.start(dataDirectory, 0);
        server.stopWhenThisProcessDies();
        try {
            server.ensureDatabase(DATABASE);
            DataSource ds = server.dataSource(DATABASE);
            job.progress(2, 4, "Migrating the project schema");
            SchemaMigrator.Outcome migrated = new SchemaMigrator(ds).migrate();
            SeedReport seeded = null;
            if (isEmpty(ds)) {
                job.progress(3, 4, "Loading the demo project");
                seeded = new DemoSeeder(ds).seed(Scale.S, DemoSeeder.DEFAULT_SEED, false, job);
            }
            job.progress(4, 4, "Demo database ready");
            return new DemoEnvironment(server, migrated, seeded);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public ConnectionProfile profile() {
        return server.profile(DATABASE).withName("Warden demo");
    }

    public String url() {
        return server.url(DATABASE);
    }

    public EmbeddedServer server() {
        return server;
    }

    /** Null when the demo was already seeded by an earlier run. */
    public SeedReport seeded() {
        return seeded;
    }

    public SchemaMigrator.Outcome migrated() {
        return migrated;
    }

    @Override
    public void close() {
        server.close();
    }

    private static boolean isEmpty(DataSource ds) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM core.users)")) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new WardenException("Cannot read the demo database: " + e.getMessage(), null, e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new WardenException("Cannot remove the old demo cluster in " + dir + ": " + e.getMessage(),
                    "is a demo server still running? stop it first", e);
        }
    }
}
