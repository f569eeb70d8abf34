package com.warden.app.health;

import java.sql.SQLException;
import java.util.List;

/** Long-running and idle-in-transaction sessions, blocking locks, connections against the limit. */
final class SessionChecks {
    private SessionChecks() { }

    static List<HealthCheck> all() {
        return List.of(
                HealthCheck.of("long_running", "Long-running statements", "sessions", 1, SessionChecks::longRunning),
                HealthCheck.of("idle_in_transaction", "Idle-in-transaction sessions", "sessions", 2, SessionChecks::idleInTransaction),
                HealthCheck.of("blocking_locks", "Blocking locks", "sessions", 2, SessionChecks::blocking),
                HealthCheck.of("connections", "Connections against max_connections", "sessions", 2, SessionChecks::connections));
    }

    /**
     * Sessions of other roles whose details pg_stat_activity hides from us (it then blanks even
     * backend_type, so they are told apart from background processes by having a role and a database).
     */
    static long hidden(CheckContext ctx) throws SQLException {
        if (ctx.facts().seesEverything()) {
            return 0;
        }
        return ctx.row("""
                SELECT count(*) AS n FROM pg_stat_activity
                 WHERE query = '<insufficient privilege>' AND usesysid IS NOT NULL AND datid IS NOT NULL""").lng("n");
    }

    private static void markPartial(CheckContext ctx, Outcome o, long hidden) {
        if (hidden > 0) {
            o.partial(hidden + (hidden == 1 ? " session" : " sessions") + " of other roles hidden from "
                    + ctx.facts().user() + " in pg_stat_activity: " + ctx.facts().grantHint());
        }
    }

    static Outcome longRunning(CheckContext ctx) throws SQLException {
        Threshold t = ctx.threshold("long_running_s");
        List<CheckContext.Row> rows = ctx.rows("""
                SELECT pid, usename, datname, extract(epoch FROM now() - query_start)::float8 AS running_s,
                       coalesce(wait_event_type || ':' || wait_event, '') AS waiting, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query
                  FROM pg_stat_activity
                 WHERE state = 'active' AND backend_type = 'client backend' AND pid <> pg_backend_pid()
                   AND query_start IS NOT NULL
                 ORDER BY query_start
                 LIMIT 10""");
        Outcome o;
        if (rows.isEmpty() || rows.get(0).dbl("running_s") <= 1) {
            o = Outcome.ok("no statement running longer than 1 s").threshold(t);
        } else {
            CheckContext.Row w = rows.get(0);
            o = Outcome.judged(t, w.dbl("running_s"), "longest " + Fmt.seconds(w.dbl("running_s")) + " (pid " + w.lng("pid")
                    + ", " + w.str("usename") + "@" + w.str("datname") + ")");
            for (CheckContext.Row r : rows) {
                if (r.dbl("running_s") > 1) {
                    o.detail("pid " + r.lng("pid") + " " + r.str("usename") + "@" + r.str("datname") + ", running "
                            + Fmt.seconds(r.dbl("running_s")) + (r.str("waiting").isEmpty() ? "" : ", waiting on " + r.str("waiting"))
                            + ": " + r.str("query"));
                }
            }
            o.hintUnlessOk("look at its plan; stop it with SELECT pg_cancel_backend(" + w.lng("pid")
                    + "); cap runaway queries with statement_timeout for the role");
        }
        markPartial(ctx, o, hidden(ctx));
        return o;
    }

    static Outcome idleInTransaction(CheckContext ctx) throws SQLException {
        Threshold t = ctx.threshold("idle_in_transaction_s");
        List<CheckContext.Row> rows = ctx.rows("""
                SELECT pid, usename, datname, application_name, state,
                       extract(epoch FROM now() - state_change)::float8 AS idle_s,
                       extract(epoch FROM now() - xact_start)::float8 AS xact_s,
                       backend_xmin IS NOT NULL AS holds_xmin,
                       left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query
                  FROM pg_stat_activity
                 WHERE state IN ('idle in transaction', 'idle in transaction (aborted)')
                   AND pid <> pg_backend_pid()
                 ORDER BY state_change
                 LIMIT 10""");
        Outcome o;
        if (rows.isEmpty()) {
            o = Outcome.ok("none").threshold(t);
        } else {
            CheckContext.Row w = rows.get(0);
            o = Outcome.judged(t, w.dbl("idle_s"), rows.size() + (rows.size() == 1 ? " session" : " sessions")
                    + ", longest idle " + Fmt.seconds(w.dbl("idle_s")) + " (pid " + w.lng("pid") + ", " + w.str("usename") + "@"
                    + w.str("datname") + ")");
            for (CheckContext.Row r : rows) {
                o.detail("pid " + r.lng("pid") + " " + r.str("usename") + "@" + r.str("datname")
                        + (r.str("application_name").isEmpty() ? "" : " (" + r.str("application_name") + ")")
                        + ": " + r.str("state") + " for " + Fmt.seconds(r.dbl("idle_s")) + ", transaction open "
                        + Fmt.seconds(r.dbl("xact_s")) + (r.bool("holds_xmin") ? ", holding back vacuum" : "")
                        + "; last statement: " + r.str("query"));
            }
            o.hintUnlessOk("an open transaction holds its locks and stops vacuum; end it with SELECT pg_terminate_backend("
                    + w.lng("pid") + "), fix the application that forgets to commit, and set idle_in_transaction_session_timeout");
        }
        markPartial(ctx, o, hidden(ctx));
        return o;
    }

    static Outcome blocking(CheckContext ctx) throws SQLException {
        Threshold t = ctx.threshold("lock_wait_s");
        List<CheckContext.Row> rows = ctx.rows("""
                SELECT w.pid, w.usename, w.datname, extract(epoch FROM now() - coalesce(w.query_start, w.state_change))::float8 AS wait_s,
                       pg_blocking_pids(w.pid) AS blockers,
                       left(regexp_replace(w.query, '\\s+', ' ', 'g'), 120) AS query,
                       (SELECT string_agg('pid ' || b.pid || ' ' || coalesce(b.usename, '?') || ' (' || coalesce(b.state, 'hidden') || ', '
                                          || coalesce(left(regexp_replace(b.query, '\\s+', ' ', 'g'), 80), '') || ')', '; ')
                          FROM pg_stat_activity b WHERE b.pid = ANY (pg_blocking_pids(w.pid))) AS blocker_info
                  FROM pg_stat_activity w
                 WHERE cardinality(pg_blocking_pids(w.pid)) > 0
                 ORDER BY wait_s DESC
                 LIMIT 10""");
        Outcome o;
        if (rows.isEmpty()) {
            o = Outcome.ok("no session waits on another's lock").threshold(t);
        } else {
            CheckContext.Row w = rows.get(0);
            Object[] blockers = (Object[]) w.values().get("blockers");
            o = Outcome.judged(t, w.dbl("wait_s"), rows.size() + (rows.size() == 1 ? " session" : " sessions")
                    + " waiting, longest " + Fmt.seconds(w.dbl("wait_s")) + " (pid " + w.lng("pid") + " blocked by pid "
                    + (blockers.length == 0 ? "?" : blockers[0]) + ")");
            for (CheckContext.Row r : rows) {
                o.detail("pid " + r.lng("pid") + " " + r.str("usename") + "@" + r.str("datname") + " waits "
                        + Fmt.seconds(r.dbl("wait_s")) + " for " + r.str("blocker_info") + "; it runs: " + r.str("query"));
            }
            o.hintUnlessOk("find what the blocker is doing (often idle in transaction); end it with SELECT pg_cancel_backend(pid) "
                    + "or pg_terminate_backend(pid); keep transactions short and set lock_timeout");
        }
        markPartial(ctx, o, hidden(ctx));
        return o;
    }

    static Outcome connections(CheckContext ctx) throws SQLException {
        // sessions of other roles hidden from us have no backend_type, but a role and a database
        String client = "(backend_type = 'client backend' OR backend_type IS NULL AND usesysid IS NOT NULL AND datid IS NOT NULL)";
        CheckContext.Row r = ctx.row("""
                SELECT count(*) FILTER (WHERE %1$s) AS clients,
                       count(*) FILTER (WHERE %1$s AND state = 'active') AS active,
                       count(*) FILTER (WHERE %1$s AND state = 'idle') AS idle,
                       count(*) FILTER (WHERE %1$s AND state LIKE 'idle in transaction%%') AS idle_tx,
                       count(*) FILTER (WHERE %1$s AND state IS NULL) AS hidden,
                       current_setting('max_connections')::int AS max,
                       current_setting('superuser_reserved_connections')::int AS reserved
                  FROM pg_stat_activity""".formatted(client));
        long usable = Math.max(1, r.lng("max") - r.lng("reserved"));
        double ratio = r.lng("clients") / (double) usable;
        Threshold t = ctx.threshold("connections_ratio");
        Outcome o = Outcome.judged(t, ratio, r.lng("clients") + " of " + usable + " (" + Fmt.percent(ratio) + ")")
                .detail(r.lng("active") + " active, " + r.lng("idle") + " idle, " + r.lng("idle_tx") + " idle in transaction"
                        + (r.lng("hidden") > 0 ? ", " + r.lng("hidden") + " of other roles (state hidden)" : ""))
                .detail("max_connections " + r.lng("max") + ", " + r.lng("reserved") + " reserved for superusers");
        for (CheckContext.Row d : ctx.rows("""
                SELECT coalesce(datname, '(none)') AS datname, coalesce(usename, '(hidden)') AS usename, count(*) AS n
                  FROM pg_stat_activity WHERE %s
                 GROUP BY 1, 2 ORDER BY n DESC LIMIT 6""".formatted(client))) {
            o.detail(d.lng("n") + " × " + d.str("usename") + "@" + d.str("datname"));
        }
        o.hintUnlessOk("close idle connections or put a pooler (PgBouncer) in front; raising max_connections costs memory per backend");
        return o;
    }
}
