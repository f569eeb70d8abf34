package com.warden.app.connect;

import com.warden.app.WardenException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected database: a HikariCP pool for one profile. Read-only connections carry
 * default_transaction_read_only, statement_timeout, lock_timeout and application_name=warden
 * as startup options, so every statement on them obeys, whatever code runs it.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private final ConnectionProfile profile;
    private final Access access;
    private final HikariDataSource pool;
    private final ServerInfo server;

    private Database(ConnectionProfile profile, Access access, HikariDataSource pool, ServerInfo server) {
        this.profile = profile;
        this.access = access;
        this.pool = pool;
        this.server = server;
    }

    /** Connects once to fail fast with a clear line, then opens the pool. */
    public static Database open(ConnectionProfile profile, Access access) {
        return open(profile, access, ProfileResolver.system(), 4);
    }

    public static Database open(ConnectionProfile profile, Access access, ProfileResolver resolver, int maxConnections) {
        PGSimpleDataSource source = dataSource(profile, access, resolver);
        ServerInfo server;
        try (Connection c = source.getConnection()) {
            server = readServerInfo(c);
        } catch (SQLException e) {
            throw ConnectionErrors.explain(e, profile);
        }
        HikariConfig config = new HikariConfig();
        config.setDataSource(source);
        config.setPoolName("warden-" + POOL_NUMBER.incrementAndGet() + "-" + (access == Access.READ_ONLY ? "ro" : "rw"));
        config.setMaximumPoolSize(Math.max(1, maxConnections));
        config.setMinimumIdle(1);
        if (maxConnections > 1) {
            // HikariCP warns that an idle timeout means nothing when the pool cannot shrink
            config.setIdleTimeout(120_000);
        }
        config.setConnectionTimeout(Math.max(250, profile.connectTimeout().toMillis()));
        config.setValidationTimeout(Math.min(5000, Math.max(250, profile.connectTimeout().toMillis())));
        // already proven above; do not fail twice, and let the pool come back when the server does
        config.setInitializationFailTimeout(-1);
        config.setReadOnly(access == Access.READ_ONLY);
        LOG.info("Opening pool {} for {} ({})", config.getPoolName(), profile.safeUri(), access);
        return new Database(profile, access, new HikariDataSource(config), server);
    }

    /** A plain, unpooled data source for this profile: for Flyway, COPY loads and single probes. */
    public static PGSimpleDataSource dataSource(ConnectionProfile profile, Access access, ProfileResolver resolver) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {profile.host()});
        ds.setPortNumbers(new int[] {profile.port()});
        ds.setDatabaseName(profile.database());
        ds.setUser(profile.user());
        Secret password = resolver.passwordFor(profile);
        if (password != null) {
            ds.setPassword(password.reveal());
        }
        ds.setApplicationName("warden");
        ds.setSslMode(profile.sslMode().libpqName());
        ds.setConnectTimeout((int) Math.max(1, profile.connectTimeout().toSeconds()));
        ds.setLoginTimeout((int) Math.max(1, profile.connectTimeout().toSeconds()));
        ds.setTcpKeepAlive(true);
        StringBuilder options = new StringBuilder();
        if (access == Access.READ_ONLY) {
            options.append("-c default_transaction_read_only=on ");
            options.append("-c statement_timeout=").append(profile.statementTimeout().toMillis()).append(' ');
        }
        options.append("-c lock_timeout=").append(profile.lockTimeout().toMillis());
        ds.setOptions(options.toString());
        return ds;
    }

    private static ServerInfo readServerInfo(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT current_setting('server_version'), current_setting('server_version_num')::int,
                            current_user, current_database(), r.rolsuper, r.rolbypassrls, pg_postmaster_start_time()
                       FROM pg_roles r WHERE r.rolname = current_user""")) {
            rs.next();
            return new ServerInfo(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                    rs.getBoolean(5), rs.getBoolean(6), rs.getObject(7, OffsetDateTime.class));
        }
    }

    public Connection connection() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw ConnectionErrors.explain(e, profile);
        }
    }

    /** Runs work on a pooled connection; SQL errors come back as one clear line. */
    public <T> T withConnection(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw ConnectionErrors.explain(e, profile);
        }
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    public DataSource dataSource() {
        return pool;
    }

    public ConnectionProfile profile() {
        return profile;
    }

    public Access access() {
        return access;
    }

    public ServerInfo server() {
        return server;
    }

    public PoolStats poolStats() {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        if (bean == null) {
            return new PoolStats(0, 0, 0, 0, pool.getMaximumPoolSize());
        }
        return new PoolStats(bean.getActiveConnections(), bean.getIdleConnections(), bean.getTotalConnections(),
                bean.getThreadsAwaitingConnection(), pool.getMaximumPoolSize());
    }

    public boolean isClosed() {
        return pool.isClosed();
    }

    @Override
    public void close() {
        pool.close();
    }

    /** Rejects writes early when this database was opened read-only. */
    public void requireWritable(String action) {
        if (access != Access.READ_WRITE) {
            throw new WardenException(action + " needs a read-write connection; this one is read-only.",
                    "writing actions open their own connection after you confirm");
        }
    }
}
