package com.warden.app.health;

import java.sql.SQLException;
import java.util.List;

/** Database and largest table sizes, WAL and archiving, replication, wraparound, the project's view. */
final class StorageChecks {
    private StorageChecks() { }

    static final double WRAPAROUND = 2147483648.0;

    static List<HealthCheck> all() {
        return List.of(
                HealthCheck.of("database_size", "Database and largest table sizes", "storage", 1, StorageChecks::sizes),
                HealthCheck.of("wal_archiving", "WAL level, archive mode and archiver", "wal", 2, StorageChecks::wal),
                HealthCheck.of("replication", "Replication lag", "wal", 2, StorageChecks::replication),
                HealthCheck.of("xid_wraparound", "Transaction-ID wraparound age", "maintenance", 3, StorageChecks::wraparound),
                HealthCheck.project("matview_age", "Working-set view age", "project", 1, StorageChecks::matviewAge));
    }

    static Outcome sizes(CheckContext ctx) throws SQLException {
        long bytes = ctx.row("SELECT pg_database_size(current_database()) AS b").lng("b");
        Threshold t = ctx.threshold("database_size_gb");
        Outcome o = Outcome.judged(t, bytes / 1073741824.0, Fmt.bytes(bytes));
        List<CheckContext.Row> tables = ctx.rows("""
                SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name,
                       pg_total_relation_size(c.oid) AS total, pg_relation_size(c.oid) AS heap,
                       pg_indexes_size(c.oid) AS indexes,
                       coalesce(pg_total_relation_size(nullif(c.reltoastrelid, 0)), 0) AS toast, c.reltuples::bigint AS rows
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relkind IN ('r', 'm', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                   AND n.nspname !~ '^pg_toast' AND %s
                 ORDER BY total DESC LIMIT 6""".formatted(CheckContext.notExclusivelyLocked("c.oid")));
        for (CheckContext.Row r : lockedRelations(ctx)) {
            o.detail(r.str("name") + " skipped: an ACCESS EXCLUSIVE lock on it is held or queued (see Blocking locks)");
        }
        if (!tables.isEmpty()) {
            o.value(Fmt.bytes(bytes) + "; largest " + tables.get(0).str("name") + " " + Fmt.bytes(tables.get(0).lng("total")));
        }
        for (CheckContext.Row r : tables) {
            o.detail(r.str("name") + ": " + Fmt.bytes(r.lng("total")) + " (table " + Fmt.bytes(r.lng("heap")) + ", indexes "
                    + Fmt.bytes(r.lng("indexes")) + ", TOAST " + Fmt.bytes(r.lng("toast")) + "), ~" + Fmt.count(Math.max(0, r.lng("rows"))) + " rows");
        }
        o.hintUnlessOk("check free disk space and growth; archive or partition the largest tables, drop unused indexes");
        return o;
    }

    /** Tables with an ACCESS EXCLUSIVE lock held or queued: sizing them would wait. */
    static List<CheckContext.Row> lockedRelations(CheckContext ctx) throws SQLException {
        return ctx.rows("""
                SELECT DISTINCT l.relation::regclass::text AS name
                  FROM pg_locks l
                 WHERE l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock'
                   AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                 ORDER BY 1""");
    }

    static Outcome wal(CheckContext ctx) throws SQLException {
        boolean v15 = ctx.facts().versionNum() >= 150000;
        CheckContext.Row r = ctx.row("""
                SELECT current_setting('wal_level') AS wal_level, current_setting('archive_mode') AS archive_mode,
                       current_setting('archive_command') AS archive_command, %s AS archive_library,
                       a.archived_count, a.last_archived_wal, a.failed_count, a.last_failed_wal,
                       extract(epoch FROM now() - a.last_archived_time)::float8 AS archived_s,
                       extract(epoch FROM now() - a.last_failed_time)::float8 AS failed_s,
                       coalesce(a.last_failed_time > a.last_archived_time OR (a.last_archived_time IS NULL AND a.failed_count > 0), false) AS failing
                  FROM pg_stat_archiver a""".formatted(v15 ? "current_setting('archive_library')" : "''"));
        String level = r.str("wal_level");
        String mode = r.str("archive_mode");
        String command = r.str("archive_command");
        String library = r.str("archive_library");
        String value = "wal_level " + level + ", archive_mode " + mode;
        Outcome o = Outcome.ok(value);
        if ("minimal".equals(level)) {
            o.status(CheckStatus.WARNING).hint("wal_level minimal allows neither replicas nor point-in-time recovery: set wal_level = replica "
                    + "and restart");
        }
        if ("off".equals(mode)) {
            o.atLeast(CheckStatus.WARNING).detail("no WAL archive: a base backup alone cannot be rolled forward to a point in time");
            if (o.hint.isEmpty()) {
                o.hint("turn on WAL archiving for point-in-time recovery: archive_mode = on and an archive_command "
                        + "(or pgBackRest / WAL-G archive-push), then restart");
            }
            return o;
        }
        boolean nothing = (command == null || command.isBlank() || "(disabled)".equals(command)) && (library == null || library.isBlank());
        if (nothing) {
            o.status(CheckStatus.CRITICAL).detail("archive_mode is on but neither archive_command nor archive_library is set")
                    .hint("set archive_command (e.g. pgbackrest --stanza=main archive-push %p); until then WAL segments pile up in pg_wal");
            return o;
        }
        o.detail("archiver: " + (library != null && !library.isBlank() ? "archive_library " + library : "archive_command " + command));
        o.detail(Fmt.count(r.lng("archived_count")) + " segments archived" + (r.isNull("archived_s") ? "" : ", the last "
                + Fmt.seconds(r.dbl("archived_s")) + " ago (" + r.str("last_archived_wal") + ")"));
        if (r.lng("failed_count") > 0) {
            o.detail(Fmt.count(r.lng("failed_count")) + " failures, the last " + Fmt.seconds(r.dbl("failed_s")) + " ago ("
                    + r.str("last_failed_wal") + ")");
        }
        if (r.bool("failing")) {
            o.status(CheckStatus.CRITICAL).value(value + "; archiver failing on " + r.str("last_failed_wal"))
                    .hint("the archive command fails: read the server log for its error; WAL piles up in pg_wal until it "
                          + "succeeds and the disk may fill");
        } else {
            o.value(value + "; archiver working");
        }
        return o;
    }

    static Outcome replication(CheckContext ctx) throws SQLException {
        Threshold t = ctx.threshold("replication_lag_s");
        if (ctx.facts().inRecovery()) {
            CheckContext.Row r = ctx.row("""
                    SELECT extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 AS lag_s,
                           pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())::bigint AS replay_behind""");
            if (r.isNull("lag_s")) {
                return Outcome.info("standby; nothing replayed yet").threshold(t);
            }
            return Outcome.judged(t, r.dbl("lag_s"), "standby, last replayed transaction " + Fmt.seconds(r.dbl("lag_s")) + " ago")
                    .detail(Fmt.bytes(r.lng("replay_behind")) + " received but not yet replayed")
                    .detail("on an idle primary this age grows without real lag")
                    .hintUnlessOk("the standby falls behind: check its I/O and network, and long queries that conflict with replay");
        }
        List<CheckContext.Row> replicas = ctx.rows("""
                SELECT coalesce(application_name, '') AS name, coalesce(client_addr::text, 'local') AS addr, state, sync_state,
                       extract(epoch FROM replay_lag)::float8 AS lag_s,
                       pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint AS behind
                  FROM pg_stat_replication ORDER BY replay_lag DESC NULLS LAST""");
        List<CheckContext.Row> slots = ctx.rows("""
                SELECT slot_name, slot_type, active,
                       pg_wal_lsn_diff(pg_current_wal_lsn(), coalesce(restart_lsn, pg_current_wal_lsn()))::bigint AS retained
                  FROM pg_replication_slots ORDER BY retained DESC""");
        List<CheckContext.Row> inactive = slots.stream().filter(s -> !s.bool("active")).toList();
        Outcome o;
        if (replicas.isEmpty()) {
            o = slots.isEmpty() ? Outcome.skipped("no replicas connected") : Outcome.info("no replicas connected");
            o.threshold(t);
        } else {
            double worst = replicas.stream().mapToDouble(r -> r.isNull("lag_s") ? 0 : r.dbl("lag_s")).max().orElse(0);
            o = Outcome.judged(t, worst, replicas.size() + (replicas.size() == 1 ? " replica" : " replicas") + ", worst replay lag "
                    + Fmt.seconds(worst));
            boolean hidden = false;
            for (CheckContext.Row r : replicas) {
                hidden |= r.str("state") == null;
                o.detail(r.str("name") + " at " + r.str("addr") + ": " + r.str("state") + " (" + r.str("sync_state") + "), replay lag "
                        + (r.isNull("lag_s") ? "n/a" : Fmt.seconds(r.dbl("lag_s"))) + ", " + Fmt.bytes(r.lng("behind")) + " behind");
            }
            if (hidden && !ctx.facts().seesEverything()) {
                o.partial("pg_stat_replication hides lag figures from " + ctx.facts().user() + ": " + ctx.facts().grantHint());
            }
            o.hintUnlessOk("a replica falls behind: check its disk and network, and its hot_standby_feedback conflicts");
        }
        for (CheckContext.Row s : inactive) {
            o.atLeast(CheckStatus.WARNING).detail("inactive " + s.str("slot_type") + " slot " + s.str("slot_name") + " retains "
                    + Fmt.bytes(s.lng("retained")) + " of WAL");
            o.hint("an inactive replication slot keeps WAL forever and holds back vacuum: reconnect its consumer or "
                    + "SELECT pg_drop_replication_slot('" + s.str("slot_name") + "')");
        }
        return o;
    }

    static Outcome wraparound(CheckContext ctx) throws SQLException {
        Threshold t = ctx.threshold("xid_age_ratio");
        List<CheckContext.Row> dbs = ctx.rows("""
                SELECT datname, age(datfrozenxid)::bigint AS xid_age, mxid_age(datminmxid)::bigint AS mxid_age
                  FROM pg_database ORDER BY age(datfrozenxid) DESC""");
        CheckContext.Row w = dbs.get(0);
        double ratio = w.lng("xid_age") / WRAPAROUND;
        long maxMxid = dbs.stream().mapToLong(d -> d.lng("mxid_age")).max().orElse(0);
        double mratio = maxMxid / WRAPAROUND;
        Outcome o = Outcome.judged(t, Math.max(ratio, mratio), Fmt.count(w.lng("xid_age")) + " transactions in " + w.str("datname")
                + " (" + Fmt.percent(ratio) + " of the way to wraparound)");
        CheckContext.Row freeze = ctx.row("SELECT current_setting('autovacuum_freeze_max_age')::bigint AS fma");
        o.detail("autovacuum forces a freeze at " + Fmt.count(freeze.lng("fma")) + " (autovacuum_freeze_max_age)");
        if (mratio > 0.01) {
            o.detail("oldest multixact age " + Fmt.count(maxMxid) + " (" + Fmt.percent(mratio) + ")");
        }
        for (CheckContext.Row r : ctx.rows("""
                SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name, age(c.relfrozenxid)::bigint AS xid_age
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relkind IN ('r', 'm', 't') AND c.relfrozenxid::text <> '0'
                 ORDER BY age(c.relfrozenxid) DESC LIMIT 3""")) {
            o.detail("oldest here: " + r.str("name") + " at " + Fmt.count(r.lng("xid_age")));
        }
        CheckContext.Row holders = ctx.row("""
                SELECT (SELECT count(*) FROM pg_prepared_xacts) AS prepared,
                       (SELECT max(age(backend_xmin)) FROM pg_stat_activity) AS oldest_xmin_age""");
        if (holders.lng("prepared") > 0) {
            o.detail(holders.lng("prepared") + " prepared transactions hold back the freeze horizon");
        }
        o.hintUnlessOk("VACUUM (FREEZE, VERBOSE) the oldest tables; first end what holds back the horizon: long or idle "
                + "transactions, forgotten prepared transactions (pg_prepared_xacts), stale replication slots");
        return o;
    }

    static Outcome matviewAge(CheckContext ctx) throws SQLException {
        CheckContext.Row exists = ctx.row("""
                SELECT c.relispopulated AS populated FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'core' AND c.relname = 'working_set_enriched' AND c.relkind = 'm'""");
        Threshold t = ctx.threshold("matview_age_h");
        if (exists.values().isEmpty()) {
            return Outcome.of(CheckStatus.CRITICAL, "core.working_set_enriched is missing").threshold(t)
                    .hint("run 'warden migrate': the view comes with migration V3");
        }
        if (!exists.bool("populated")) {
            return Outcome.of(CheckStatus.CRITICAL, "never refreshed (WITH NO DATA): reading it fails").threshold(t)
                    .hint("REFRESH MATERIALIZED VIEW core.working_set_enriched (the first refresh cannot be CONCURRENTLY)");
        }
        CheckContext.Row r = ctx.row("""
                SELECT extract(epoch FROM now() - (SELECT max(refreshed_at) FROM core.working_set_enriched))::float8 / 3600 AS age_h,
                       (SELECT count(*) FROM core.working_set_enriched) AS view_rows,
                       (SELECT count(*) FROM core.working_set) AS table_rows,
                       (SELECT count(*) FROM core.working_set ws
                         WHERE ws.created_at > (SELECT max(refreshed_at) FROM core.working_set_enriched)) AS newer""");
        if (r.isNull("age_h")) {
            return Outcome.info("empty" + (r.lng("table_rows") > 0 ? ", while core.working_set holds " + r.lng("table_rows") + " rows" : ""))
                    .threshold(t).status(r.lng("table_rows") > 0 ? CheckStatus.WARNING : CheckStatus.INFO)
                    .hintUnlessOk("SELECT core.refresh_working_set_enriched();");
        }
        double hours = r.dbl("age_h");
        Outcome o = Outcome.judged(t, hours, "refreshed " + Fmt.seconds(hours * 3600) + " ago")
                .detail(Fmt.count(r.lng("view_rows")) + " rows in the view, " + Fmt.count(r.lng("table_rows")) + " in core.working_set")
                .detail(r.lng("newer") + " working-set rows added since the refresh");
        if (r.lng("newer") > 0 || r.lng("view_rows") != r.lng("table_rows")) {
            o.value(o.value + ", " + Math.max(r.lng("newer"), Math.abs(r.lng("table_rows") - r.lng("view_rows"))) + " rows behind");
        }
        o.hintUnlessOk("SELECT core.refresh_working_set_enriched(); refreshes CONCURRENTLY without blocking readers; run it "
                + "on a schedule (cron, pg_cron), never from a trigger on every write");
        return o;
    }
}
