package com.warden.app.health;

import com.warden.app.WardenException;
import com.warden.app.connect.Database;
import com.warden.app.job.JobContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every check on one read-only connection, one after the other. A check that fails (a
 * missing privilege, a timeout) becomes an ERROR line of its own; the others still run. Works on
 * any PostgreSQL 13+; the project checks run only when schema core exists.
 */
public final class HealthService {
    private static final Logger LOG = LoggerFactory.getLogger(HealthService.class);
    private static final int QUERY_TIMEOUT_S = 20;

    /** Every check, in the order people read them. */
    public static List<HealthCheck> checks() {
        List<HealthCheck> all = new ArrayList<>();
        all.addAll(ServerChecks.all().subList(0, 2));
        all.addAll(IndexChecks.all());
        all.addAll(MaintenanceChecks.all());
        all.addAll(SessionChecks.all());
        all.addAll(StorageChecks.all());
        all.add(ServerChecks.all().get(2));
        return all;
    }

    public HealthReport run(Database database, HealthThresholds thresholds, JobContext job) {
        long started = System.nanoTime();
        try (Connection c = database.connection()) {
            return run(c, database.profile().safeUri(), thresholds, job, started);
        } catch (SQLException e) {
            throw new WardenException("Health checks stopped: " + e.getMessage(), "check the connection and try again", e);
        }
    }

    /** Runs on a connection the caller owns (and closes). */
    public HealthReport run(Connection c, String target, HealthThresholds thresholds, JobContext job) {
        return run(c, target, thresholds, job, System.nanoTime());
    }

    private HealthReport run(Connection c, String target, HealthThresholds thresholds, JobContext job, long started) {
        CheckContext.Facts facts;
        try {
            c.setAutoCommit(true);
            facts = facts(c);
        } catch (SQLException e) {
            throw new WardenException("Cannot read the server's basic facts: " + e.getMessage(),
                    "check that the connection works (warden check needs only CONNECT on the database)", e);
        }
        CheckContext ctx = new CheckContext(c, thresholds, facts, QUERY_TIMEOUT_S);
        job.onCancel(() -> {
            try {
                c.abort(Runnable::run);
            } catch (SQLException ignored) {
                // closing is best effort: the job also checks isCancelled between checks
            }
        });
        List<HealthCheck> checks = checks();
        List<CheckResult> results = new ArrayList<>();
        int done = 0;
        for (HealthCheck check : checks) {
            job.checkCancelled();
            job.progress(done, checks.size(), check.title());
            results.add(runOne(check, ctx));
            done++;
        }
        job.progress(done, checks.size(), "done");
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        return HealthReport.of(Instant.now(), target, facts.version(), facts.project(), elapsed, results);
    }

    static CheckResult runOne(HealthCheck check, CheckContext ctx) {
        if (check.projectOnly() && !ctx.facts().project()) {
            return check.result(Outcome.skipped("not a project database (no schema core)"));
        }
        try {
            return check.result(check.body().evaluate(ctx));
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            String message = firstLine(e.getMessage());
            LOG.info("Check {} failed: {}", check.id(), message);
            Outcome o = Outcome.of(CheckStatus.ERROR, "could not run: " + message);
            if ("42501".equals(state)) {
                o.partial("permission denied: " + message).hint(ctx.facts().grantHint());
            } else if ("55P03".equals(state)) {
                o.hint("another session holds or waits for a lock on what this check reads (see Blocking locks); "
                        + "it gave up after the lock_timeout instead of waiting");
            } else if ("57014".equals(state)) {
                o.hint("the check's query timed out after " + QUERY_TIMEOUT_S + " s; the server is busy or the catalog is very large");
            }
            return check.result(o);
        } catch (RuntimeException e) {
            LOG.warn("Check {} failed", check.id(), e);
            return check.result(Outcome.of(CheckStatus.ERROR, "could not run: " + e.getMessage()));
        }
    }

    static CheckContext.Facts facts(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             var rs = st.executeQuery("""
                     SELECT current_setting('server_version_num')::int AS num, current_setting('server_version') AS version,
                            current_user AS usr, current_database() AS db,
                            (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS su,
                            pg_has_role(current_user, 'pg_read_all_stats', 'USAGE') AS stats,
                            EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'core') AS project,
                            pg_is_in_recovery() AS recovery""")) {
            rs.next();
            return new CheckContext.Facts(rs.getInt("num"), rs.getString("version").split(" ")[0], rs.getString("usr"),
                    rs.getString("db"), rs.getBoolean("su"), rs.getBoolean("stats"), rs.getBoolean("project"),
                    rs.getBoolean("recovery"));
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).replaceFirst("^ERROR:\\s*", "");
    }
}
