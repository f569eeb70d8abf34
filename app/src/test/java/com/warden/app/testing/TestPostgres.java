package com.warden.app.testing;

import com.warden.app.connect.ConnectionProfile;
import com.warden.app.demo.DemoSeeder;
import com.warden.app.demo.EmbeddedServer;
import com.warden.app.demo.Scale;
import com.warden.app.schema.SchemaMigrator;
import com.warden.app.job.JobContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * One real PostgreSQL per test JVM, started on first use and stopped at exit. Each test class
 * asks for its own database: empty, migrated, or a copy of the seeded demo (made once as a
 * template database, then copied by CREATE DATABASE ... TEMPLATE in milliseconds).
 */
public final class TestPostgres {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String MIGRATED_TEMPLATE = "warden_tpl_migrated";
    private static final String DEMO_TEMPLATE = "warden_tpl_demo";
    private static EmbeddedServer server;
    private static Path folder;
    private static boolean migratedTemplateReady;
    private static boolean demoTemplateReady;

    private TestPostgres() { }

    public static synchronized EmbeddedServer server() {
        if (server == null) {
            try {
                folder = Files.createTempDirectory("warden-test-pg-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = EmbeddedServer.start(folder.resolve("data"), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stop, "warden-test-pg-stop"));
        }
        return server;
    }

    /** A new empty database (no schema core). */
    public static synchronized TestDatabase emptyDatabase(String hint) {
        String name = name(hint);
        server().ensureDatabase(name);
        return new TestDatabase(server, name);
    }

    /** A new database migrated to the latest version, without data. */
    public static synchronized TestDatabase migratedDatabase(String hint) {
        if (!migratedTemplateReady) {
            server().ensureDatabase(MIGRATED_TEMPLATE);
            new SchemaMigrator(server.dataSource(MIGRATED_TEMPLATE)).migrate();
            migratedTemplateReady = true;
        }
        String name = name(hint);
        server.createFromTemplate(name, MIGRATED_TEMPLATE);
        return new TestDatabase(server, name);
    }

    /** A new database holding the demo project (scale S, default seed). */
    public static synchronized TestDatabase demoDatabase(String hint) {
        if (!demoTemplateReady) {
            migratedDatabase("unused");
            server.createFromTemplate(DEMO_TEMPLATE, MIGRATED_TEMPLATE);
            new DemoSeeder(server.dataSource(DEMO_TEMPLATE)).seed(Scale.S, DemoSeeder.DEFAULT_SEED, false, JobContext.none());
            demoTemplateReady = true;
        }
        String name = name(hint);
        server.createFromTemplate(name, DEMO_TEMPLATE);
        return new TestDatabase(server, name);
    }

    private static String name(String hint) {
        String clean = hint.toLowerCase().replaceAll("[^a-z0-9]+", "_");
        if (clean.length() > 40) {
            clean = clean.substring(0, 40);
        }
        return "t" + COUNTER.incrementAndGet() + "_" + clean;
    }

    private static synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
        if (folder != null) {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // temp folder; the OS cleans it eventually
            }
        }
    }

    /** One test database: its name, a superuser data source and a profile for Warden's own code. */
    public record TestDatabase(EmbeddedServer server, String name) {
        public DataSource dataSource() {
            return server.dataSource(name);
        }

        public ConnectionProfile profile() {
            return server.profile(name);
        }

        public String url() {
            return server.url(name);
        }
    }
}
