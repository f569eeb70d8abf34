package com.warden.app.demo;

import com.warden.app.WardenException;
import com.warden.app.connect.ConnectionProfile;
import com.warden.app.connect.Secret;
import com.warden.app.connect.SslMode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server Warden runs itself: zonky's embedded binaries, a data folder that survives
 * restarts, loopback only, trust authentication for the local OS user. As root, zonky runs
 * initdb and postgres inside `unshare -U`, which is what lets the demo work there too.
 */
public final class EmbeddedServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
    public static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private volatile boolean closed;

    private EmbeddedServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** Starts (creating on first use) a cluster in {@code dataDirectory}; port 0 picks a free one. */
    public static EmbeddedServer start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new WardenException("Cannot create the data folder " + dataDirectory + ": " + e.getMessage(),
                    "check permissions and free disk space", e);
        }
        Path pid = dataDirectory.resolve("postmaster.pid");
        if (Files.exists(pid) && processAlive(pid)) {
            throw new WardenException("A server is already running on " + dataDirectory + ".",
                    "stop the other 'warden demo' first, or use --headless in one place and --url elsewhere");
        }
        int chosen = port > 0 ? port : freePort();
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(chosen)
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("track_io_timing", "on")
                    .setServerConfig("wal_level", "replica")
                    .setServerConfig("max_wal_senders", "4")
                    .setServerConfig("max_connections", "100")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    .start();
            LOG.info("Embedded PostgreSQL on port {} with data in {}", pg.getPort(), dataDirectory);
            return new EmbeddedServer(pg, dataDirectory);
        } catch (IOException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("root")) {
                throw new WardenException("The embedded PostgreSQL refuses to run as root and 'unshare -U' is not available here.",
                        "run Warden as a normal user, or allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1)", e);
            }
            throw new WardenException("The embedded PostgreSQL did not start: " + firstLine(message),
                    "see the server log in " + dataDirectory, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** A profile for one database of this server, as its superuser (trust authentication, loopback only). */
    public ConnectionProfile profile(String database) {
        return new ConnectionProfile("embedded " + database, "localhost", port(), database, SUPERUSER, SslMode.DISABLE,
                null, null, null, (Secret) null);
    }

    public String url(String database) {
        return "postgresql://" + SUPERUSER + "@localhost:" + port() + "/" + database;
    }

    /** Creates the database when it does not exist yet; returns true when it was created. */
    public boolean ensureDatabase(String name) {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + quoteIdent(name));
            }
            return true;
        } catch (SQLException e) {
            throw new WardenException("Cannot create database " + name + ": " + e.getMessage(), null, e);
        }
    }

    /** Drops and creates a database from a template database, the fastest copy PostgreSQL has. */
    public void createFromTemplate(String name, String template) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + quoteIdent(name));
            st.execute("CREATE DATABASE " + quoteIdent(name) + " TEMPLATE " + quoteIdent(template));
        } catch (SQLException e) {
            throw new WardenException("Cannot create database " + name + " from " + template + ": " + e.getMessage(), null, e);
        }
    }

    public javax.sql.DataSource dataSource(String database) {
        return postgres.getDatabase(SUPERUSER, database);
    }

    /**
     * Stops the server even when this JVM dies without running its shutdown hooks (kill -9):
     * a small shell process waits for this JVM to go and then asks the postmaster for a fast
     * shutdown, if the data folder still names the same postmaster.
     */
    public void stopWhenThisProcessDies() {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        long postmaster = postmasterPid(pidFile);
        if (postmaster <= 0 || !Files.isExecutable(Path.of("/bin/sh"))) {
            return;
        }
        String script = "while kill -0 \"$1\" 2>/dev/null; do sleep 1; done; "
                + "if [ -f \"$2\" ] && [ \"$(head -n 1 \"$2\")\" = \"$3\" ]; then kill -INT \"$3\"; fi";
        try {
            new ProcessBuilder("/bin/sh", "-c", script, "warden-watchdog",
                    Long.toString(ProcessHandle.current().pid()), pidFile.toString(), Long.toString(postmaster))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            LOG.warn("No watchdog for the embedded server: {}", e.getMessage());
        }
    }

    private static long postmasterPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            postgres.close();
            LOG.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            LOG.warn("Stopping the embedded PostgreSQL failed: {}", e.getMessage());
        }
    }

    /** Double quotes an identifier the way quote_ident does. */
    public static String quoteIdent(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new WardenException("No free TCP port on the loopback interface.", null, e);
        }
    }

    private static boolean processAlive(Path pidFile) {
        long pid = postmasterPid(pidFile);
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
