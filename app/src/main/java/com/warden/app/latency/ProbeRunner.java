package com.warden.app.latency;

import com.warden.app.connect.Access;
import com.warden.app.connect.ConnectionProfile;
import com.warden.app.connect.Database;
import com.warden.app.connect.ProfileResolver;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.util.PGobject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs probes on one connection of its own (never the pool): read-only, application_name
 * warden-latency, statements prepared on the server from the first run (like pgbench -M
 * prepared). Times execute until every row is received. A broken connection is reopened on the next
 * call; a probe's own SQL error stays with that probe.
 */
public final class ProbeRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProbeRunner.class);
    static final int SAMPLER_TIMEOUT_S = 30;

    private final Supplier<Connection> connector;
    private final Random random;
    private final Duration paramRefresh;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final Map<String, ParameterPool> pools = new HashMap<>();
    private final Map<String, Boolean> projectCache = new HashMap<>();
    private final Map<String, Backoff> backoffs = new HashMap<>();
    private final Map<String, int[]> bindings = new HashMap<>();
    private final Map<String, String[]> types = new HashMap<>();
    private Connection connection;
    private int backendPid;
    private volatile Statement running;

    /** The outcome of one run. */
    public record Result(Kind kind, long nanos, int rows, String message) {
        public enum Kind { OK, PROBE_ERROR, NO_PARAMETERS, SKIPPED, CONNECTION_LOST }

        public double millis() {
            return nanos / 1e6;
        }
    }

    public ProbeRunner(Supplier<Connection> connector, long seed, Duration paramRefresh) {
        this.connector = connector;
        this.random = new Random(seed);
        this.paramRefresh = paramRefresh;
    }

    /** A connector for a profile: read-only, short connect timeout, its own application_name. */
    public static Supplier<Connection> connector(ConnectionProfile profile, ProfileResolver resolver, String applicationName) {
        PGSimpleDataSource ds = Database.dataSource(profile, Access.READ_ONLY, resolver);
        ds.setApplicationName(applicationName);
        ds.setConnectTimeout((int) Math.min(5, Math.max(1, profile.connectTimeout().toSeconds())));
        ds.setPrepareThreshold(1);
        return () -> {
            try {
                return ds.getConnection();
            } catch (SQLException e) {
                throw new ConnectionFailed(e);
            }
        };
    }

    /** The connector could not connect; carries the driver's error. */
    public static final class ConnectionFailed extends RuntimeException {
        public ConnectionFailed(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Uses parameter sets sampled elsewhere (the load drill samples once for all workers). */
    public void usePool(String probeId, ParameterPool pool) {
        pools.put(probeId, pool);
    }

    public ParameterPool pool(String probeId) {
        return pools.get(probeId);
    }

    /** Opens the connection if needed; false (with the reason in the log) when the server cannot be reached. */
    public boolean connect() {
        if (connection != null) {
            return true;
        }
        try {
            connection = connector.get();
            connection.setAutoCommit(true);
            connection.unwrap(PGConnection.class).setPrepareThreshold(1);
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                backendPid = rs.getInt(1);
            }
            return true;
        } catch (ConnectionFailed | SQLException e) {
            LOG.debug("latency connection failed: {}", e.getMessage());
            dropConnection();
            return false;
        }
    }

    public boolean connected() {
        return connection != null;
    }

    /** The server process serving this runner (for its CPU time), or 0. */
    public int backendPid() {
        return connection == null ? 0 : backendPid;
    }

    public Connection connection() {
        return connection;
    }

    public Result run(Probe probe) {
        if (!connect()) {
            return new Result(Result.Kind.CONNECTION_LOST, 0, 0, "cannot connect");
        }
        try {
            if (probe.needsProject() && !hasProjectSchema()) {
                return new Result(Result.Kind.SKIPPED, 0, 0, "needs the project schema core");
            }
            Backoff backoff = backoffs.get(probe.id());
            if (backoff != null && System.nanoTime() < backoff.retryAtNanos) {
                return new Result(Result.Kind.PROBE_ERROR, 0, 0, backoff.message);
            }
            ParameterPool pool = pools.get(probe.id());
            boolean stale = pool == null
                    || pool.isEmpty() && pool.ageSeconds() > 30
                    || probe.hasSampler() && pool.ageSeconds() > paramRefresh.toSeconds();
            if (stale) {
                try {
                    pool = ParameterPool.sample(connection, probe, SAMPLER_TIMEOUT_S);
                } catch (SQLException e) {
                    if (isConnectionError(e)) {
                        throw e;
                    }
                    return failed(probe, "sampler: " + firstLine(e.getMessage()));
                }
                pools.put(probe.id(), pool);
            }
            if (pool.isEmpty()) {
                return new Result(Result.Kind.NO_PARAMETERS, 0, 0, "the sampler returned no rows: no real values to run the query with");
            }
            Result r = execute(probe, pool.draw(random));
            backoffs.remove(probe.id());
            return r;
        } catch (SQLException e) {
            if (isConnectionError(e)) {
                dropConnection();
                return new Result(Result.Kind.CONNECTION_LOST, 0, 0, firstLine(e.getMessage()));
            }
            closeStatement(probe.id());
            return failed(probe, firstLine(e.getMessage()));
        }
    }

    /** A failing probe is retried after 1, 2, 4 … 30 s, so a broken file does not flood the server log. */
    private Result failed(Probe probe, String message) {
        Backoff previous = backoffs.get(probe.id());
        long seconds = previous == null ? 1 : Math.min(30, previous.seconds * 2);
        backoffs.put(probe.id(), new Backoff(System.nanoTime() + seconds * 1_000_000_000L, seconds, message));
        return new Result(Result.Kind.PROBE_ERROR, 0, 0, message);
    }

    private record Backoff(long retryAtNanos, long seconds, String message) { }

    /** Runs the probe once with these parameter values (text, in the order of {@link Probe#parameterNames()}). */
    public Result execute(Probe probe, List<String> values) throws SQLException {
        PreparedStatement ps = statements.get(probe.id());
        int[] slots = bindings.computeIfAbsent(probe.id(), id -> slots(probe));
        boolean fresh = ps == null;
        if (fresh) {
            String sql = new NamedSql(probe.query()).jdbc();
            if (slots.length > 0) {
                // ask the server which types it infers for the parameters (a describe, nothing runs)…
                try (PreparedStatement describe = connection.prepareStatement(sql)) {
                    bind(describe, slots, values, null);
                    types.put(probe.id(), resolvedTypes(describe, slots.length));
                }
            }
            // …and prepare the statement with them: the driver keeps reusing a server-side statement only
            // when the parameter types it sends match those it was prepared with (pgbench -M prepared
            // parses once, too); with "unspecified" types it re-describes on every run
            ps = connection.prepareStatement(sql);
            statements.put(probe.id(), ps);
        }
        bind(ps, slots, values, types.get(probe.id()));
        if (fresh) {
            // the first run parses and plans on the server: run it once untimed, so a reconnect does not
            // show up as a latency spike
            consume(ps);
        }
        running = ps;
        long t0 = System.nanoTime();
        int rows;
        try {
            rows = consume(ps);
        } finally {
            running = null;
        }
        long nanos = System.nanoTime() - t0;
        return new Result(Result.Kind.OK, nanos, rows, "");
    }

    private static void bind(PreparedStatement ps, int[] slots, List<String> values, String[] resolved) throws SQLException {
        for (int i = 0; i < slots.length; i++) {
            String value = values.get(slots[i]);
            if (value == null) {
                ps.setNull(i + 1, Types.OTHER);
            } else if (resolved == null || resolved[i] == null) {
                ps.setObject(i + 1, value, Types.OTHER);
            } else {
                PGobject typed = new PGobject();
                typed.setType(resolved[i]);
                typed.setValue(value);
                ps.setObject(i + 1, typed);
            }
        }
    }

    /**
     * The parameter types the server infers. Binding the text values with these types keeps the
     * run lean: a statement whose parameters stay "unspecified" costs the driver and the server about
     * 15 µs more per run (a third of a fast probe). Null entries stay unspecified.
     */
    private static String[] resolvedTypes(PreparedStatement ps, int count) {
        String[] names = new String[count];
        try {
            ParameterMetaData md = ps.getParameterMetaData();
            for (int i = 0; i < count && i < md.getParameterCount(); i++) {
                names[i] = md.getParameterTypeName(i + 1);
            }
        } catch (SQLException e) {
            LOG.debug("parameter types unknown: {}", e.getMessage());
        }
        return names;
    }

    /** For each ? of the JDBC text, which parameter value it binds. */
    private static int[] slots(Probe probe) {
        NamedSql named = new NamedSql(probe.query());
        List<String> names = named.parameterNames();
        return named.jdbcOrder().stream().mapToInt(names::indexOf).toArray();
    }

    private static int consume(PreparedStatement ps) throws SQLException {
        int rows = 0;
        // every row is received (the driver reads the whole result before executeQuery returns);
        // converting the values to Java objects is the client's business, not the query's latency
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows++;
            }
        }
        return rows;
    }

    private boolean hasProjectSchema() throws SQLException {
        Boolean known = projectCache.get("core");
        if (known == null) {
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'core')")) {
                rs.next();
                known = rs.getBoolean(1);
            }
            projectCache.put("core", known);
        }
        return known;
    }

    /** Cancels the statement in flight, from another thread. */
    public void cancel() {
        Statement s = running;
        if (s != null) {
            try {
                s.cancel();
            } catch (SQLException ignored) {
                // it finished meanwhile
            }
        }
    }

    static boolean isConnectionError(SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"))) {
            return true;
        }
        return e.getMessage() != null && e.getMessage().contains("This connection has been closed");
    }

    private void closeStatement(String id) {
        types.remove(id);
        PreparedStatement ps = statements.remove(id);
        if (ps != null) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // the connection may be gone
            }
        }
    }

    private void dropConnection() {
        statements.clear();
        types.clear();
        projectCache.clear();
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken
            }
        }
        connection = null;
        backendPid = 0;
    }

    @Override
    public void close() {
        statements.values().forEach(ps -> {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        });
        dropConnection();
    }

    static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).replaceFirst("^ERROR:\\s*", "");
    }
}
