package com.warden.app.health;

import java.sql.SQLException;
import java.util.List;

/** Estimated bloat, dead tuples, autovacuum and autoanalyze. */
final class MaintenanceChecks {
    private MaintenanceChecks() { }

    /** Bloat is only judged on relations at least this big: a few wasted pages in a small table do not matter. */
    static final long BLOAT_MIN_BYTES = 10L * 1024 * 1024;
    /** Dead tuples are only judged on tables with at least this many. */
    static final long DEAD_MIN = 1000;

    static List<HealthCheck> all() {
        return List.of(
                HealthCheck.of("table_bloat", "Estimated table bloat", "maintenance", 1, MaintenanceChecks::tableBloat),
                HealthCheck.of("index_bloat", "Estimated index bloat", "maintenance", 1, MaintenanceChecks::indexBloat),
                HealthCheck.of("dead_tuples", "Dead tuples and last autovacuum", "maintenance", 1, MaintenanceChecks::deadTuples),
                HealthCheck.of("autovacuum", "Autovacuum and autoanalyze", "maintenance", 1, MaintenanceChecks::autovacuum));
    }

    /**
     * Expected pages from the row count and the average row width in pg_stats (tuple header,
     * alignment, line pointer, fillfactor), against the pages the table has.
     */
    static final String TABLE_BLOAT = """
            WITH cols AS (
                SELECT c.oid, n.nspname, c.relname, c.reltuples, c.relpages,
                       coalesce((SELECT substring(o FROM 'fillfactor=(\\d+)')::int FROM unnest(c.reloptions) o
                                  WHERE o LIKE 'fillfactor=%'), 100) AS fillfactor,
                       sum((1 - coalesce(s.null_frac, 0)) * coalesce(s.avg_width, 0)) AS data_width,
                       count(*) FILTER (WHERE s.attname IS NULL) AS no_stats,
                       bool_or(a.attnotnull IS FALSE) AS has_nulls,
                       count(*) AS ncols
                  FROM pg_class c
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                  LEFT JOIN pg_stats s ON s.schemaname = n.nspname AND s.tablename = c.relname AND s.attname = a.attname
                 WHERE c.relkind IN ('r', 'm')
                   AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_toast'
                   AND c.relpages::bigint * current_setting('block_size')::bigint >= ?
                 GROUP BY c.oid, n.nspname, c.relname, c.reltuples, c.relpages, c.reloptions
            ), est AS (
                SELECT *, current_setting('block_size')::numeric AS bs,
                       -- 23-byte header (+ null bitmap) aligned to 8, data aligned to 8, 4-byte line pointer
                       (ceil((23 + CASE WHEN has_nulls THEN ceil(ncols / 8.0) ELSE 0 END) / 8.0) * 8
                        + ceil(data_width / 8.0) * 8 + 4) AS row_bytes
                  FROM cols
            )
            SELECT quote_ident(nspname) || '.' || quote_ident(relname) AS name, relpages::bigint AS pages, no_stats,
                   (relpages::bigint * bs)::bigint AS bytes,
                   greatest(ceil(reltuples / greatest(floor((bs - 24) * fillfactor / 100 / row_bytes), 1)), 1)::bigint AS expected_pages
              FROM est
             ORDER BY relpages DESC""";

    /** The btree estimate: index tuple header, key widths from pg_stats, line pointer, fillfactor 90. */
    static final String INDEX_BLOAT = """
            WITH keys AS (
                SELECT ic.oid, n.nspname, ic.relname AS index_name, tc.relname AS table_name, ic.relpages, tc.reltuples,
                       coalesce((SELECT substring(o FROM 'fillfactor=(\\d+)')::int FROM unnest(ic.reloptions) o
                                  WHERE o LIKE 'fillfactor=%'), 90) AS fillfactor,
                       sum(coalesce(s.avg_width, 0)) AS data_width,
                       count(*) FILTER (WHERE s.attname IS NULL) AS no_stats,
                       bool_or(k.attnum = 0) AS has_expression
                  FROM pg_index i
                  JOIN pg_class ic ON ic.oid = i.indexrelid
                  JOIN pg_class tc ON tc.oid = i.indrelid
                  JOIN pg_namespace n ON n.oid = ic.relnamespace
                  JOIN pg_am am ON am.oid = ic.relam AND am.amname = 'btree'
                  CROSS JOIN LATERAL unnest(i.indkey) AS k(attnum)
                  LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                  LEFT JOIN pg_stats s ON s.schemaname = n.nspname AND s.tablename = tc.relname AND s.attname = a.attname
                 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_toast'
                   AND ic.relpages::bigint * current_setting('block_size')::bigint >= ?
                 GROUP BY ic.oid, n.nspname, ic.relname, tc.relname, ic.relpages, tc.reltuples, ic.reloptions
            ), est AS (
                SELECT *, current_setting('block_size')::numeric AS bs,
                       (8 + ceil(data_width / 8.0) * 8 + 4) AS entry_bytes
                  FROM keys WHERE NOT has_expression
            )
            SELECT quote_ident(nspname) || '.' || quote_ident(index_name) AS name,
                   quote_ident(nspname) || '.' || quote_ident(table_name) AS table_name,
                   relpages::bigint AS pages, no_stats, (relpages::bigint * bs)::bigint AS bytes,
                   -- plus the metapage
                   (1 + ceil(reltuples * entry_bytes / ((bs - 24 - 16) * fillfactor / 100)))::bigint AS expected_pages
              FROM est
             ORDER BY relpages DESC""";

    static Outcome tableBloat(CheckContext ctx) throws SQLException {
        return bloat(ctx, ctx.rows(TABLE_BLOAT, BLOAT_MIN_BYTES), "table_bloat_ratio", "table",
                "VACUUM FULL (locks the table) or pg_repack (online) gives the space back; pgstattuple measures it exactly; "
                + "tune autovacuum for tables that bloat again");
    }

    static Outcome indexBloat(CheckContext ctx) throws SQLException {
        return bloat(ctx, ctx.rows(INDEX_BLOAT, BLOAT_MIN_BYTES), "index_bloat_ratio", "btree index",
                "REINDEX INDEX CONCURRENTLY rebuilds it without blocking writes; pgstatindex measures it exactly");
    }

    private static Outcome bloat(CheckContext ctx, List<CheckContext.Row> rows, String key, String what, String fix) {
        Threshold t = ctx.threshold(key);
        long withoutStats = rows.stream().filter(r -> r.lng("no_stats") > 0).count();
        List<CheckContext.Row> judged = rows.stream().filter(r -> r.lng("no_stats") == 0 && r.lng("pages") > 0).toList();
        if (judged.isEmpty()) {
            Outcome o = Outcome.info(rows.isEmpty() ? "no " + what + " of " + Fmt.bytes(BLOAT_MIN_BYTES) + " or more"
                    : "no estimate: " + withoutStats + " " + what + (withoutStats == 1 ? "" : "s") + " without statistics").threshold(t);
            if (withoutStats > 0) {
                o.hint("run ANALYZE so pg_stats holds the column widths the estimate needs");
                if (!ctx.facts().superuser()) {
                    o.partial("pg_stats shows only columns you may read: estimated only for tables you can SELECT from");
                }
            }
            return o;
        }
        CheckContext.Row worst = null;
        double worstRatio = -1;
        long wasted = 0;
        for (CheckContext.Row r : judged) {
            double ratio = Math.max(0, (r.lng("pages") - r.lng("expected_pages")) / (double) r.lng("pages"));
            wasted += Math.max(0, r.lng("pages") - r.lng("expected_pages")) * (r.lng("bytes") / r.lng("pages"));
            if (ratio > worstRatio) {
                worstRatio = ratio;
                worst = r;
            }
        }
        Outcome o = Outcome.judged(t, worstRatio, "worst " + Fmt.percent(worstRatio) + " in " + worst.str("name")
                + "; about " + Fmt.bytes(wasted) + " reclaimable over " + judged.size() + " " + what + (judged.size() == 1 ? "" : "s"));
        int shown = 0;
        for (CheckContext.Row r : judged) {
            if (shown++ >= 8) {
                break;
            }
            double ratio = Math.max(0, (r.lng("pages") - r.lng("expected_pages")) / (double) r.lng("pages"));
            o.detail(r.str("name") + ": " + Fmt.bytes(r.lng("bytes")) + ", about " + Fmt.percent(ratio) + " bloat");
        }
        if (withoutStats > 0) {
            o.detail(withoutStats + " more without statistics (run ANALYZE)");
            if (!ctx.facts().superuser()) {
                o.partial("pg_stats shows only columns you may read: estimated only for tables you can SELECT from");
            }
        }
        o.hintUnlessOk(fix);
        return o;
    }

    static Outcome deadTuples(CheckContext ctx) throws SQLException {
        Threshold t = ctx.threshold("dead_tuple_ratio");
        List<CheckContext.Row> rows = ctx.rows("""
                SELECT quote_ident(schemaname) || '.' || quote_ident(relname) AS name, n_live_tup, n_dead_tup,
                       n_dead_tup::float8 / greatest(n_live_tup + n_dead_tup, 1) AS ratio,
                       extract(epoch FROM now() - greatest(last_vacuum, last_autovacuum))::float8 AS vacuumed_s,
                       autovacuum_count, vacuum_count
                  FROM pg_stat_user_tables
                 WHERE n_dead_tup >= ?
                 ORDER BY ratio DESC, n_dead_tup DESC""", DEAD_MIN);
        if (rows.isEmpty()) {
            return Outcome.ok("no table holds " + Fmt.count(DEAD_MIN) + " dead rows or more").threshold(t);
        }
        CheckContext.Row w = rows.get(0);
        Outcome o = Outcome.judged(t, w.dbl("ratio"), "worst " + Fmt.percent(w.dbl("ratio")) + " dead in " + w.str("name")
                + " (last vacuum " + ago(w, "vacuumed_s") + ")");
        for (CheckContext.Row r : rows.subList(0, Math.min(8, rows.size()))) {
            o.detail(r.str("name") + ": " + Fmt.count(r.lng("n_dead_tup")) + " dead of " + Fmt.count(r.lng("n_live_tup") + r.lng("n_dead_tup"))
                    + " rows (" + Fmt.percent(r.dbl("ratio")) + "), last vacuum " + ago(r, "vacuumed_s")
                    + ", " + r.lng("autovacuum_count") + " autovacuums");
        }
        o.hintUnlessOk("VACUUM (VERBOSE) " + w.str("name") + "; if autovacuum cannot keep up, lower its "
                + "autovacuum_vacuum_scale_factor (ALTER TABLE ... SET (...)); a long transaction or a stale replication slot "
                + "can also stop vacuum from removing dead rows");
        return o;
    }

    static Outcome autovacuum(CheckContext ctx) throws SQLException {
        CheckContext.Row s = ctx.row("SELECT current_setting('autovacuum') AS av, current_setting('track_counts') AS tc");
        if (!"on".equals(s.str("av")) || !"on".equals(s.str("tc"))) {
            return Outcome.of(CheckStatus.CRITICAL, "autovacuum " + s.str("av") + ", track_counts " + s.str("tc"))
                    .hint("turn autovacuum and track_counts on (ALTER SYSTEM SET autovacuum = on; SELECT pg_reload_conf()): "
                          + "without them dead rows pile up and transaction-ID wraparound approaches");
        }
        Threshold t = ctx.threshold("analyze_age_h");
        // tables with enough changes since their last analyze that the planner's picture is stale
        List<CheckContext.Row> rows = ctx.rows("""
                SELECT quote_ident(schemaname) || '.' || quote_ident(relname) AS name, n_live_tup, n_mod_since_analyze,
                       extract(epoch FROM now() - greatest(last_analyze, last_autoanalyze))::float8 / 3600 AS analyzed_h,
                       extract(epoch FROM now() - greatest(last_vacuum, last_autovacuum))::float8 / 3600 AS vacuumed_h
                  FROM pg_stat_user_tables
                 WHERE n_mod_since_analyze >= greatest(1000, 0.1 * n_live_tup)
                 ORDER BY greatest(last_analyze, last_autoanalyze) NULLS FIRST, n_mod_since_analyze DESC""");
        CheckContext.Row counts = ctx.row("""
                SELECT count(*) AS tables, coalesce(sum(autovacuum_count), 0) AS autovacuums,
                       coalesce(sum(autoanalyze_count), 0) AS autoanalyzes,
                       count(*) FILTER (WHERE last_autoanalyze IS NULL AND last_analyze IS NULL AND n_live_tup > 0) AS never
                  FROM pg_stat_user_tables""");
        String base = counts.lng("autovacuums") + " autovacuums and " + counts.lng("autoanalyzes") + " autoanalyzes over "
                + counts.lng("tables") + " tables since the statistics reset";
        if (rows.isEmpty()) {
            return Outcome.ok("on; no table with stale statistics").threshold(t).detail(base);
        }
        CheckContext.Row w = rows.get(0);
        double hours = w.isNull("analyzed_h") ? Double.POSITIVE_INFINITY : w.dbl("analyzed_h");
        Outcome o = Outcome.judged(t, hours, rows.size() + (rows.size() == 1 ? " table" : " tables") + " changed a lot since "
                + "their last analyze; oldest " + w.str("name") + " (" + (w.isNull("analyzed_h") ? "never analyzed" : "analyzed "
                + Fmt.seconds(hours * 3600) + " ago") + ")").detail(base);
        // never analyzed is usually a fresh load autoanalyze has not reached yet: a warning, not critical
        CheckStatus status = CheckStatus.OK;
        for (CheckContext.Row r : rows) {
            status = status.worse(r.isNull("analyzed_h") ? CheckStatus.WARNING : t.judge(r.dbl("analyzed_h")));
        }
        o.status(status);
        for (CheckContext.Row r : rows.subList(0, Math.min(8, rows.size()))) {
            o.detail(r.str("name") + ": " + Fmt.count(r.lng("n_mod_since_analyze")) + " rows changed since analyze "
                    + (r.isNull("analyzed_h") ? "(never analyzed)" : Fmt.seconds(r.dbl("analyzed_h") * 3600) + " ago")
                    + ", last vacuum " + (r.isNull("vacuumed_h") ? "never" : Fmt.seconds(r.dbl("vacuumed_h") * 3600) + " ago"));
        }
        o.hintUnlessOk("ANALYZE " + w.str("name") + "; the planner chooses plans from these statistics; if autoanalyze "
                + "lags, lower autovacuum_analyze_scale_factor for busy tables");
        return o;
    }

    private static String ago(CheckContext.Row r, String col) {
        return r.isNull(col) ? "never" : Fmt.seconds(r.dbl(col)) + " ago";
    }
}
