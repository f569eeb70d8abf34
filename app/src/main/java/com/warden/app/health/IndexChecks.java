package com.warden.app.health;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Expected, unused and duplicate indexes; cache and index hit ratios. */
final class IndexChecks {
    private IndexChecks() { }

    /** Below this many buffer accesses since the statistics reset, a hit ratio says nothing. */
    static final long MIN_BLOCKS_FOR_RATIO = 1000;

    static List<HealthCheck> all() {
        return List.of(
                HealthCheck.project("expected_indexes", "Expected indexes present and valid", "indexes", 3, IndexChecks::expected),
                HealthCheck.of("unused_indexes", "Unused indexes", "indexes", 1, IndexChecks::unused),
                HealthCheck.of("duplicate_indexes", "Duplicate indexes", "indexes", 1, IndexChecks::duplicates),
                HealthCheck.of("cache_hit_ratio", "Cache hit ratio", "cache", 2, ctx -> hitRatio(ctx, false)),
                HealthCheck.of("index_hit_ratio", "Index hit ratio", "cache", 1, ctx -> hitRatio(ctx, true)));
    }

    static Outcome expected(CheckContext ctx) throws SQLException {
        List<ExpectedIndexes.Expected> expected = ExpectedIndexes.fromMigrations();
        Map<String, CheckContext.Row> present = new HashMap<>();
        for (CheckContext.Row r : ctx.rows("""
                SELECT c.relname AS name, t.relname AS table_name, i.indisvalid AS valid, i.indisready AS ready
                  FROM pg_index i
                  JOIN pg_class c ON c.oid = i.indexrelid
                  JOIN pg_class t ON t.oid = i.indrelid
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'core'""")) {
            present.put(r.str("name"), r);
        }
        List<ExpectedIndexes.Expected> missing = new ArrayList<>();
        List<ExpectedIndexes.Expected> invalid = new ArrayList<>();
        for (ExpectedIndexes.Expected e : expected) {
            CheckContext.Row r = present.get(e.name());
            if (r == null) {
                missing.add(e);
            } else if (!r.bool("valid") || !r.bool("ready")) {
                invalid.add(e);
            }
        }
        int good = expected.size() - missing.size() - invalid.size();
        Outcome o = Outcome.ok(good + " of " + expected.size() + " present and valid");
        if (missing.isEmpty() && invalid.isEmpty()) {
            return o;
        }
        o.status(CheckStatus.CRITICAL);
        List<String> fixes = new ArrayList<>();
        for (ExpectedIndexes.Expected e : missing) {
            o.detail("missing: " + e.name() + " on " + e.table() + " (" + e.migration() + ")");
            fixes.add(e.definition().startsWith("CREATE")
                    ? e.definition().replaceFirst("(?i)^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX CONCURRENTLY ")
                    : "re-add " + e.definition());
        }
        for (ExpectedIndexes.Expected e : invalid) {
            o.detail("invalid: " + e.name() + " on " + e.table() + " (a failed CREATE INDEX CONCURRENTLY leaves it unusable)");
            fixes.add("REINDEX INDEX CONCURRENTLY core." + e.name() + ";");
        }
        String lead = missing.isEmpty() ? "" : "missing: " + String.join(", ", missing.stream().map(ExpectedIndexes.Expected::name).toList());
        String lead2 = invalid.isEmpty() ? "" : "invalid: " + String.join(", ", invalid.stream().map(ExpectedIndexes.Expected::name).toList());
        o.value(good + " of " + expected.size() + " present and valid; " + String.join("; ", List.of(lead, lead2).stream()
                .filter(s -> !s.isEmpty()).toList()));
        o.hint("the hot paths fall back to slower plans; recreate: " + String.join(" ", fixes));
        return o;
    }

    static Outcome unused(CheckContext ctx) throws SQLException {
        Set<String> expected = new HashSet<>();
        if (ctx.facts().project()) {
            ExpectedIndexes.fromMigrations().forEach(e -> expected.add("core." + e.name()));
        }
        CheckContext.Row db = ctx.row("SELECT stats_reset FROM pg_stat_database WHERE datname = current_database()");
        List<CheckContext.Row> rows = ctx.rows("""
                SELECT s.schemaname || '.' || s.indexrelname AS name, s.schemaname || '.' || s.relname AS table_name,
                       pg_relation_size(s.indexrelid) AS bytes
                  FROM pg_stat_user_indexes s
                  JOIN pg_index i ON i.indexrelid = s.indexrelid
                 WHERE s.idx_scan = 0
                   AND NOT i.indisunique AND NOT i.indisprimary
                   AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = s.indexrelid)
                   AND %s AND %s
                 ORDER BY bytes DESC, name""".formatted(CheckContext.notExclusivelyLocked("s.indexrelid"),
                CheckContext.notExclusivelyLocked("s.relid")));
        String since = db.time("stats_reset") == null ? "since the statistics began" : "since " + db.time("stats_reset").toLocalDate();
        Threshold t = ctx.threshold("unused_index_mb");
        if (rows.isEmpty()) {
            return Outcome.ok("none: every non-unique index was scanned " + since).threshold(t);
        }
        long total = rows.stream().mapToLong(r -> r.lng("bytes")).sum();
        double largestMb = rows.get(0).lng("bytes") / 1048576.0;
        Outcome o = Outcome.judged(t, largestMb, rows.size() + (rows.size() == 1 ? " index" : " indexes")
                + " never scanned " + since + ", " + Fmt.bytes(total));
        int shown = 0;
        List<String> droppable = new ArrayList<>();
        for (CheckContext.Row r : rows) {
            boolean keep = expected.contains(r.str("name"));
            if (shown++ < 12) {
                o.detail(r.str("name") + " on " + r.str("table_name") + ", " + Fmt.bytes(r.lng("bytes"))
                        + (keep ? " (expected by the migrations: keep)" : ""));
            }
            if (!keep && r.lng("bytes") / 1048576.0 > t.warning()) {
                droppable.add(r.str("name"));
            }
        }
        if (o.status() != CheckStatus.OK && droppable.isEmpty()) {
            o.status(CheckStatus.OK).detail("the large unused indexes are expected by the migrations");
        }
        o.hintUnlessOk("an index nobody reads still slows every write and fills the cache; check replicas and a "
                + "full business cycle first, then DROP INDEX CONCURRENTLY " + String.join(", ", droppable));
        return o;
    }

    /** One index as the planner sees it, for comparing definitions. */
    private record Ix(String name, String table, String am, int[] keys, int nkeys, String opclass, String options,
                      String collations, String predicate, String expressions, boolean unique, boolean constraint, long bytes) {
        int[] keyColumns() {
            return Arrays.copyOf(keys, nkeys);
        }

        Set<Integer> allColumns() {
            Set<Integer> s = new HashSet<>();
            for (int k : keys) {
                s.add(k);
            }
            return s;
        }

        String[] opclasses() {
            return opclass.isBlank() ? new String[0] : opclass.trim().split("\\s+");
        }

        String[] optionList() {
            return options.isBlank() ? new String[0] : options.trim().split("\\s+");
        }

        String[] collationList() {
            return collations.isBlank() ? new String[0] : collations.trim().split("\\s+");
        }
    }

    static Outcome duplicates(CheckContext ctx) throws SQLException {
        List<Ix> all = new ArrayList<>();
        for (CheckContext.Row r : ctx.rows("""
                SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name,
                       quote_ident(n.nspname) || '.' || quote_ident(t.relname) AS table_name,
                       am.amname, i.indkey::text AS keys, i.indnkeyatts AS nkeys, i.indclass::text AS opclass,
                       i.indoption::text AS options, i.indcollation::text AS collations,
                       coalesce(pg_get_expr(i.indpred, i.indrelid), '') AS predicate,
                       coalesce(pg_get_expr(i.indexprs, i.indrelid), '') AS expressions,
                       i.indisunique AS is_unique,
                       EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) AS is_constraint,
                       pg_relation_size(i.indexrelid) AS bytes
                  FROM pg_index i
                  JOIN pg_class c ON c.oid = i.indexrelid
                  JOIN pg_class t ON t.oid = i.indrelid
                  JOIN pg_namespace n ON n.oid = t.relnamespace
                  JOIN pg_am am ON am.oid = c.relam
                 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_toast'
                   AND i.indisvalid AND %s AND %s
                 ORDER BY t.oid, c.relname""".formatted(CheckContext.notExclusivelyLocked("i.indexrelid"),
                CheckContext.notExclusivelyLocked("i.indrelid")))) {
            int[] keys = Arrays.stream(r.str("keys").trim().split("\\s+")).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
            all.add(new Ix(r.str("name"), r.str("table_name"), r.str("amname"), keys, (int) r.lng("nkeys"), r.str("opclass"),
                    r.str("options"), r.str("collations"), r.str("predicate"), r.str("expressions"), r.bool("is_unique"),
                    r.bool("is_constraint"), r.lng("bytes")));
        }
        Map<String, List<Ix>> byTable = new LinkedHashMap<>();
        all.forEach(ix -> byTable.computeIfAbsent(ix.table(), k -> new ArrayList<>()).add(ix));
        List<String[]> found = new ArrayList<>(); // redundant, covered by, bytes
        Set<String> reported = new HashSet<>();
        for (List<Ix> list : byTable.values()) {
            for (Ix a : list) {
                for (Ix b : list) {
                    if (a == b || a.constraint() || reported.contains(a.name()) || reported.contains(b.name()) && sameDefinition(a, b)) {
                        continue;
                    }
                    if (covers(b, a)) {
                        found.add(new String[] {a.name(), b.name(), String.valueOf(a.bytes()), a.table()});
                        reported.add(a.name());
                    }
                }
            }
        }
        if (found.isEmpty()) {
            return Outcome.ok("none among " + all.size() + " indexes");
        }
        long bytes = found.stream().mapToLong(f -> Long.parseLong(f[2])).sum();
        Outcome o = Outcome.of(CheckStatus.WARNING, found.size() + " redundant " + (found.size() == 1 ? "index" : "indexes")
                + ", " + Fmt.bytes(bytes));
        List<String> drops = new ArrayList<>();
        for (String[] f : found) {
            o.detail(f[0] + " on " + f[3] + " (" + Fmt.bytes(Long.parseLong(f[2])) + ") is covered by " + f[1]);
            drops.add("DROP INDEX CONCURRENTLY " + f[0] + ";");
        }
        o.hint("each redundant index costs writes and space and serves no query the other cannot: " + String.join(" ", drops));
        return o;
    }

    private static boolean sameDefinition(Ix a, Ix b) {
        return Arrays.equals(a.keys(), b.keys()) && a.nkeys() == b.nkeys() && a.opclass().equals(b.opclass())
                && a.options().equals(b.options()) && a.predicate().equals(b.predicate())
                && a.expressions().equals(b.expressions()) && a.am().equals(b.am());
    }

    /** True when {@code big} serves every lookup {@code small} serves, so {@code small} can go. */
    static boolean covers(Ix big, Ix small) {
        if (!big.am().equals(small.am()) || !big.predicate().equals(small.predicate())
                || !big.expressions().equals(small.expressions())) {
            return false;
        }
        if (sameDefinition(big, small)) {
            // identical twins: keep the one backing a constraint or the unique one, else the older name
            if (small.unique() && !big.unique()) {
                return false;
            }
            if (big.constraint() || big.unique() != small.unique()) {
                return true;
            }
            return small.name().compareTo(big.name()) > 0;
        }
        if (!small.expressions().isEmpty() || !"btree".equals(small.am())) {
            return false; // prefix logic only for plain btree columns
        }
        int[] sk = small.keyColumns();
        int[] bk = big.keyColumns();
        if (sk.length > bk.length) {
            return false;
        }
        if (small.unique() && !(big.unique() && sk.length == bk.length)) {
            return false; // a unique index enforces a rule a wider index cannot
        }
        String[] so = small.opclasses(), bo = big.opclasses(), sopt = small.optionList(), bopt = big.optionList();
        String[] sc = small.collationList(), bc = big.collationList();
        for (int i = 0; i < sk.length; i++) {
            if (sk[i] != bk[i] || !eq(so, bo, i) || !eq(sopt, bopt, i) || !eq(sc, bc, i)) {
                return false;
            }
        }
        // its INCLUDE columns must be in the bigger index too, or index-only scans would lose them
        return big.allColumns().containsAll(small.allColumns());
    }

    private static boolean eq(String[] a, String[] b, int i) {
        return i < a.length && i < b.length && Objects.equals(a[i], b[i]);
    }

    static Outcome hitRatio(CheckContext ctx, boolean index) throws SQLException {
        CheckContext.Row r = index
                ? ctx.row("SELECT coalesce(sum(idx_blks_hit), 0) AS hit, coalesce(sum(idx_blks_read), 0) AS read FROM pg_statio_user_indexes")
                : ctx.row("SELECT coalesce(sum(heap_blks_hit), 0) AS hit, coalesce(sum(heap_blks_read), 0) AS read FROM pg_statio_user_tables");
        long hit = r.lng("hit");
        long read = r.lng("read");
        Threshold t = ctx.threshold(index ? "index_hit_ratio" : "cache_hit_ratio");
        String what = index ? "index" : "table";
        if (hit + read < MIN_BLOCKS_FOR_RATIO) {
            return Outcome.info("too little traffic to judge (" + Fmt.count(hit + read) + " " + what + " block reads since the statistics reset)")
                    .threshold(t);
        }
        double ratio = (double) hit / (hit + read);
        Outcome o = Outcome.judged(t, ratio, Fmt.percent(ratio))
                .detail(Fmt.count(hit) + " " + what + " blocks found in shared buffers, " + Fmt.count(read) + " read from disk or the OS cache");
        CheckContext.Row sb = ctx.row("SELECT current_setting('shared_buffers') AS sb, pg_size_pretty(pg_database_size(current_database())) AS db");
        o.detail("shared_buffers " + sb.str("sb") + ", database " + sb.str("db"));
        o.hintUnlessOk(index
                ? "indexes are read from disk: raise shared_buffers (now " + sb.str("sb") + "), drop unused indexes, or fix bloated ones"
                : "tables are read from disk: raise shared_buffers (now " + sb.str("sb") + ") towards 25% of RAM, or find the "
                  + "queries that scan big tables (see the latency screen's statements panel)");
        return o;
    }
}
