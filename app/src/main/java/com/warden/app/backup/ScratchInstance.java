package com.warden.app.backup;

import com.warden.app.WardenException;
import com.warden.app.connect.ConnectionProfile;
import com.warden.app.connect.Secret;
import com.warden.app.connect.SslMode;
import com.warden.app.job.JobContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throwaway PostgreSQL server in a temporary folder: initdb'd empty (to restore a dump into)
 * or made from a base backup (to recover), started with pg_ctl on a free loopback port, trust
 * authentication on loopback only. It is stopped and its folder removed on {@link #close()},
 * after a failure, and when the JVM exits, unless it was {@linkplain #keep() kept}.
 * States: CREATING, RECOVERING, READY, STOPPING, GONE (or FAILED, then GONE).
 */
public final class ScratchInstance implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScratchInstance.class);
    public static final String SUPERUSER = "postgres";

    public enum State { CREATING, RECOVERING, READY, STOPPING, GONE, FAILED }

    private final Path folder;
    private final Path data;
    private final Path socketDir;
    private final Path log;
    private final FoundTool pgCtl;
    private final String superuser;
    private final AtomicReference<State> state = new AtomicReference<>(State.CREATING);
    private final List<Consumer<State>> listeners = new CopyOnWriteArrayList<>();
    private final Thread shutdownHook;
    private volatile int port;
    private volatile boolean kept;

    private ScratchInstance(Path folder, FoundTool pgCtl, String superuser) {
        this.folder = folder;
        this.data = folder.resolve("data");
        this.socketDir = folder.resolve("sock");
        this.log = folder.resolve("server.log");
        this.pgCtl = pgCtl;
        this.superuser = superuser;
        this.shutdownHook = new Thread(this::closeQuietly, "warden-scratch-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** A new empty cluster of {@code minMajor} or newer (for a logical restore), started. */
    public static ScratchInstance create(ToolLocator tools, int minMajor, Path parent, JobContext job) {
        return create(tools, minMajor, parent, job, List.of());
    }

    /** Like {@link #create(ToolLocator, int, Path, JobContext)} with more postgresql.conf lines (they win over Warden's). */
    public static ScratchInstance create(ToolLocator tools, int minMajor, Path parent, JobContext job, List<String> settings) {
        FoundTool initdb = findServerTool(tools, PgTool.INITDB, minMajor, true);
        FoundTool pgCtl = tools.find(PgTool.PG_CTL, initdb.major());
        ScratchInstance s = new ScratchInstance(newFolder(parent), pgCtl, SUPERUSER);
        try {
            Files.createDirectories(s.socketDir);
            job.progress(0, -1, "initdb of a scratch PostgreSQL " + initdb.version());
            List<String> argv = new ArrayList<>(Unprivileged.prefix());
            argv.addAll(List.of(initdb.path().toString(), "-D", s.data.toString(), "-A", "trust", "-U", SUPERUSER,
                    "-E", "UTF8", "--locale=C", "--no-sync"));
            ToolResult r = ToolRunner.run(ToolCommand.of(argv), line -> { }, null, job);
            if (!r.ok()) {
                throw new WardenException("initdb of the scratch instance failed: " + r.errorLine(),
                        "check free space in " + s.folder.getParent());
            }
            s.start(Duration.ofSeconds(60), job, settings);
            return s;
        } catch (RuntimeException e) {
            s.fail();
            throw e;
        } catch (IOException e) {
            s.fail();
            throw new WardenException("Cannot prepare the scratch folder " + s.folder + ": " + e.getMessage(), null, e);
        }
    }

    /**
     * A scratch instance around a data folder the caller fills ({@link #dataDirectory()}) with a
     * base backup; call {@link #startRecovery} next. The server tools must be of {@code major}.
     */
    public static ScratchInstance forBaseBackup(ToolLocator tools, int major, Path parent, List<String> roleHints) {
        findServerTool(tools, PgTool.POSTGRES, major, false);
        FoundTool pgCtl = tools.find(PgTool.PG_CTL, major);
        ScratchInstance s = new ScratchInstance(newFolder(parent), pgCtl, null);
        s.roleHints.addAll(roleHints);
        try {
            Files.createDirectories(s.socketDir);
            Files.createDirectories(s.data);
            Files.setPosixFilePermissions(s.data, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: PostgreSQL checks permissions only on POSIX
        } catch (IOException e) {
            s.fail();
            throw new WardenException("Cannot prepare the scratch folder " + s.folder + ": " + e.getMessage(), null, e);
        }
        return s;
    }

    private static FoundTool findServerTool(ToolLocator tools, PgTool tool, int major, boolean newerOk) {
        if (!newerOk) {
            return tools.find(tool, major);
        }
        return tools.tryFind(tool, major)
                .or(() -> tools.all(tool, major).stream().filter(f -> f.major() >= major)
                        .min(java.util.Comparator.comparingInt(FoundTool::major)))
                .orElseThrow(() -> tools.missing(tool, major));
    }

    private static Path newFolder(Path parent) {
        try {
            Path base = parent != null ? parent : Path.of(System.getProperty("java.io.tmpdir"));
            Files.createDirectories(base);
            return Files.createTempDirectory(base, "warden-scratch-");
        } catch (IOException e) {
            throw new WardenException("Cannot create a scratch folder: " + e.getMessage(), "check free space and permissions of the temp folder", e);
        }
    }

    /**
     * Writes the recovery settings into the data folder (recovery.signal and postgresql.auto.conf)
     * and starts the server; returns when it accepts connections (it may still be replaying).
     */
    public void startRecovery(List<String> recoverySettings, Duration timeout, JobContext job) {
        try {
            Files.deleteIfExists(data.resolve("postmaster.pid"));
            Files.deleteIfExists(data.resolve("standby.signal"));
            Files.deleteIfExists(data.resolve("recovery.conf"));
            if (!Files.exists(data.resolve("postgresql.conf"))) {
                // a Debian-style cluster keeps its configuration in /etc: the backup has none
                Files.writeString(data.resolve("postgresql.conf"), "# written by Warden for a scratch recovery\n");
            }
            Files.writeString(data.resolve("recovery.signal"), "");
            transition(State.RECOVERING);
            start(timeout, job, recoverySettings);
        } catch (IOException e) {
            fail();
            throw new WardenException("Cannot prepare the recovery in " + data + ": " + e.getMessage(), null, e);
        } catch (RuntimeException e) {
            fail();
            throw e;
        }
    }

    /**
     * Starts a restored base backup without recovery.signal: PostgreSQL replays the backup's own
     * WAL (pg_wal) to the end of the backup, then opens; returns when it accepts connections.
     */
    public void startCrashRecovery(Duration timeout, JobContext job) {
        try {
            Files.deleteIfExists(data.resolve("postmaster.pid"));
            Files.deleteIfExists(data.resolve("standby.signal"));
            Files.deleteIfExists(data.resolve("recovery.signal"));
            if (!Files.exists(data.resolve("postgresql.conf"))) {
                Files.writeString(data.resolve("postgresql.conf"), "# written by Warden for a scratch restore\n");
            }
            transition(State.RECOVERING);
            start(timeout, job, List.of());
            transition(State.READY);
        } catch (IOException e) {
            fail();
            throw new WardenException("Cannot prepare the restore in " + data + ": " + e.getMessage(), null, e);
        } catch (RuntimeException e) {
            fail();
            throw e;
        }
    }

    private void start(Duration timeout, JobContext job, List<String> extraSettings) {
        for (int attempt = 1; ; attempt++) {
            port = freePort();
            try {
                writeSettings(extraSettings);
                Files.writeString(data.resolve("pg_hba.conf"), """
                        # Warden scratch instance: this user, loopback only
                        local all all trust
                        host all all 127.0.0.1/32 trust
                        host all all ::1/128 trust
                        local replication all trust
                        host replication all 127.0.0.1/32 trust
                        """);
            } catch (IOException e) {
                throw new WardenException("Cannot configure the scratch instance: " + e.getMessage(), null, e);
            }
            job.progress(0, -1, "Starting the scratch instance on port " + port);
            List<String> argv = new ArrayList<>(Unprivileged.prefix());
            argv.addAll(List.of(pgCtl.path().toString(), "-D", data.toString(), "-l", log.toString(), "-w",
                    "-t", Long.toString(Math.max(5, timeout.toSeconds())), "start"));
            ToolResult r = ToolRunner.run(ToolCommand.of(argv), line -> { }, null, job);
            if (r.ok()) {
                if (state.get() == State.CREATING) {
                    transition(State.READY);
                }
                LOG.info("Scratch instance up on port {} in {}", port, folder);
                return;
            }
            String logTail = logTail(12);
            if (attempt == 1 && logTail.contains("could not bind")) {
                continue;
            }
            throw new WardenException("The scratch instance did not start. Its log: " + logTail,
                    "the scratch folder " + folder + " was removed");
        }
    }

    private void writeSettings(List<String> extra) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("# Warden scratch instance (last settings win)");
        lines.add("port = " + port);
        lines.add("listen_addresses = '127.0.0.1'");
        lines.add("unix_socket_directories = '" + conf(socketDir.toString()) + "'");
        lines.add("archive_mode = off");
        lines.add("logging_collector = off");
        lines.add("ssl = off");
        lines.add("primary_conninfo = ''");
        lines.add("primary_slot_name = ''");
        lines.add("hot_standby = on");
        lines.addAll(extra);
        Files.write(data.resolve("postgresql.auto.conf"), lines, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Quotes a value for postgresql.conf: single quotes doubled. */
    public static String conf(String value) {
        return value.replace("'", "''");
    }

    /**
     * Waits until recovery has ended and the server was promoted (pg_is_in_recovery() false), or
     * the server stopped (its log then says why), or the timeout passed.
     */
    public void awaitPromotion(Duration timeout, JobContext job) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastError = "";
        while (System.nanoTime() < deadline) {
            job.checkCancelled();
            if (!postmasterAlive()) {
                fail();
                throw new WardenException("Recovery stopped before it finished. The scratch instance's log: " + logTail(8),
                        "the scratch folder was removed");
            }
            try (Connection c = connect("postgres"); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn()::text")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    transition(State.READY);
                    return;
                }
                job.progress(0, -1, "Replaying WAL — at " + rs.getString(2));
            } catch (SQLException e) {
                lastError = e.getMessage();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new com.warden.app.job.JobCancelledException();
            }
        }
        fail();
        throw new WardenException("Recovery did not finish within " + timeout.toSeconds() + " s" + (lastError.isEmpty() ? "" : " (" + lastError + ")")
                + ". Log: " + logTail(6), "raise the timeout for a large archive");
    }

    private boolean postmasterAlive() {
        Path pid = data.resolve("postmaster.pid");
        try {
            if (!Files.exists(pid)) {
                return false;
            }
            List<String> lines = Files.readAllLines(pid);
            if (lines.isEmpty()) {
                return true;
            }
            long p = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return true;
        }
    }

    /** A direct connection as the superuser (trust on loopback). */
    public Connection connect(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", superuser());
        p.setProperty("ApplicationName", "warden");
        p.setProperty("connectTimeout", "10");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, p);
    }

    /**
     * The superuser: postgres for an initdb'd cluster; for a recovered one, the role that
     * initdb created in the source cluster (OID 10), found on first connection.
     */
    public String superuser() {
        if (superuser != null) {
            return superuser;
        }
        return bootstrapUser.updateAndGet(u -> u != null ? u : findBootstrapUser());
    }

    private final AtomicReference<String> bootstrapUser = new AtomicReference<>();
    private final List<String> roleHints = new CopyOnWriteArrayList<>();

    private String findBootstrapUser() {
        // trust lets any existing role in: try the source's role, then the usual names, and ask for OID 10
        List<String> candidates = new ArrayList<>(roleHints);
        candidates.addAll(List.of("postgres", System.getProperty("user.name"), "root"));
        for (String candidate : candidates) {
            Properties p = new Properties();
            p.setProperty("user", candidate);
            p.setProperty("connectTimeout", "5");
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", p);
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT rolname FROM pg_roles WHERE oid = 10")) {
                rs.next();
                return rs.getString(1);
            } catch (SQLException e) {
                // not this one
            }
        }
        return "postgres";
    }

    public ConnectionProfile profile(String database) {
        return new ConnectionProfile("scratch " + database, "127.0.0.1", port, database, superuser(), SslMode.DISABLE,
                null, null, null, (Secret) null);
    }

    public String url(String database) {
        return "postgresql://" + superuser() + "@127.0.0.1:" + port + "/" + database;
    }

    /** What to type to stop a kept instance and remove its folder. */
    public String stopCommand() {
        List<String> argv = new ArrayList<>(Unprivileged.prefix());
        argv.addAll(List.of(pgCtl.path().toString(), "-D", data.toString(), "-m", "fast", "stop"));
        return String.join(" ", argv.stream().map(ToolCommand::quote).toList()) + " && rm -rf " + ToolCommand.quote(folder.toString());
    }

    public int port() {
        return port;
    }

    public Path folder() {
        return folder;
    }

    public Path dataDirectory() {
        return data;
    }

    public Path logFile() {
        return log;
    }

    public State state() {
        return state.get();
    }

    public void addListener(Consumer<State> listener) {
        listeners.add(listener);
    }

    /** Leaves the instance running after Warden is done with it; {@link #close()} then does nothing. */
    public void keep() {
        // the shutdown hook stays registered and looks at the flag: discard() can undo this
        kept = true;
    }

    /** Stops and removes the instance even when it was kept. */
    public void discard() {
        kept = false;
        close();
    }

    public boolean kept() {
        return kept;
    }

    /** The last lines of the server log, on one line. */
    public String logTail(int lines) {
        try {
            if (!Files.exists(log)) {
                return "(no log written)";
            }
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> useful = all.stream().filter(l -> !l.isBlank()).toList();
            return String.join(" | ", useful.subList(Math.max(0, useful.size() - lines), useful.size()));
        } catch (IOException e) {
            return "(cannot read the log: " + e.getMessage() + ")";
        }
    }

    private void transition(State next) {
        State prev = state.getAndSet(next);
        if (prev != next) {
            for (Consumer<State> l : listeners) {
                try {
                    l.accept(next);
                } catch (RuntimeException e) {
                    LOG.warn("A scratch state listener failed: {}", e.getMessage());
                }
            }
        }
    }

    private void fail() {
        transition(State.FAILED);
        teardown();
    }

    @Override
    public void close() {
        if (kept) {
            return;
        }
        teardown();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // called from the hook itself
        }
    }

    private void closeQuietly() {
        try {
            if (!kept) {
                teardown();
            }
        } catch (RuntimeException e) {
            LOG.warn("Tearing down {} failed: {}", folder, e.getMessage());
        }
    }

    private synchronized void teardown() {
        if (state.get() == State.GONE) {
            return;
        }
        if (state.get() != State.FAILED) {
            transition(State.STOPPING);
        }
        if (postmasterAlive() && Files.exists(data.resolve("postmaster.pid"))) {
            if (!pgCtlStop("fast") && !pgCtlStop("immediate")) {
                killPostmaster();
            }
        }
        if (!FileTree.deleteQuietly(folder)) {
            LOG.warn("Could not remove the scratch folder {}", folder);
        }
        transition(State.GONE);
        LOG.info("Scratch instance in {} removed", folder);
    }

    private boolean pgCtlStop(String mode) {
        List<String> argv = new ArrayList<>(Unprivileged.prefix());
        argv.addAll(List.of(pgCtl.path().toString(), "-D", data.toString(), "-m", mode, "-w", "-t", "30", "stop"));
        try {
            return ToolRunner.run(ToolCommand.of(argv), line -> { }, null, JobContext.none()).ok();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void killPostmaster() {
        try {
            long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        } catch (IOException | RuntimeException ignored) {
            // already gone
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new WardenException("No free TCP port on the loopback interface.", null, e);
        }
    }
}
