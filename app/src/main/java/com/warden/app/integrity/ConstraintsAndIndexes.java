package com.warden.app.integrity;

import com.warden.app.report.Finding;
import com.warden.app.report.Severity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Group 5: what the catalog promises, checked against the rows. NOT VALID foreign keys and
 * CHECKs are re-checked by query (the server never did); foreign keys whose triggers are
 * disabled are flagged; invalid indexes are listed; and where the amcheck extension can be used,
 * bt_index_check verifies every B-tree index of schema core. When amcheck cannot be used the
 * report says why.
 */
final class ConstraintsAndIndexes implements Check {
    static final int ROW_LIMIT = 100;

    /** A constraint the server has not validated. */
    private record NotValid(String name, String type, String table, String definition, String query) { }

    @Override
    public CheckGroup group() {
        return CheckGroup.CONSTRAINTS;
    }

    @Override
    public List<ScanTask> plan(Connection c, ScanContext ctx) throws SQLException {
        List<ScanTask> tasks = new ArrayList<>();
        if (ctx.app != null) {
            ctx.note("Constraints and indexes are checked for the whole database, also with --app.");
        }
        for (NotValid nv : notValid(c)) {
            tasks.add(ScanTask.of(CheckGroup.CONSTRAINTS, "", "NOT VALID constraint " + nv.name() + " on " + nv.table(),
                    ctx.weight(0.01), (conn, x) -> checkNotValid(conn, x, nv).forEach(x::report)));
        }
        tasks.add(ScanTask.of(CheckGroup.CONSTRAINTS, "", "foreign-key triggers and index validity", ctx.weight(0.002),
                (conn, x) -> {
                    disabledTriggers(conn, x, null).forEach(x::report);
                    invalidIndexes(conn, x, null).forEach(x::report);
                }));
        Amcheck amcheck = Amcheck.detect(c);
        ctx.note(amcheck.note());
        if (amcheck.usable()) {
            for (String index : btreeIndexes(c)) {
                tasks.add(ScanTask.of(CheckGroup.CONSTRAINTS, "", "amcheck bt_index_check(" + index + ")", ctx.weight(0.01),
                        (conn, x) -> {
                            Finding f = amcheck(conn, x, amcheck, index);
                            if (f != null) {
                                x.report(f);
                            }
                        }));
            }
        }
        return tasks;
    }

    // ------------------------------------------------------------ NOT VALID

    private static List<NotValid> notValid(Connection c) throws SQLException {
        List<NotValid> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT con.conname, con.contype, format('%I.%I', n.nspname, t.relname), pg_get_constraintdef(con.oid),
                            pg_get_expr(con.conbin, con.conrelid),
                            (SELECT string_agg(format('x.%I::text', a.attname), ' || '', '' || ' ORDER BY k.ord)
                               FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum),
                            (SELECT string_agg(format('x.%I = y.%I', a.attname, b.attname), ' AND ' ORDER BY k.ord)
                               FROM unnest(con.conkey, con.confkey) WITH ORDINALITY k(attnum, fattnum, ord)
                               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                               JOIN pg_attribute b ON b.attrelid = con.confrelid AND b.attnum = k.fattnum),
                            (SELECT string_agg(format('x.%I IS NOT NULL', a.attname), ' AND ' ORDER BY k.ord)
                               FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum),
                            CASE WHEN con.contype = 'f' THEN (SELECT format('%I.%I', rn.nspname, r.relname)
                                   FROM pg_class r JOIN pg_namespace rn ON rn.oid = r.relnamespace WHERE r.oid = con.confrelid) END,
                            (SELECT string_agg(format('x.%I::text', a.attname), ' || ''/'' || ' ORDER BY k.ord)
                               FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
                               JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                              WHERE i.indrelid = con.conrelid AND i.indisprimary)
                       FROM pg_constraint con
                       JOIN pg_class t ON t.oid = con.conrelid
                       JOIN pg_namespace n ON n.oid = t.relnamespace
                      WHERE n.nspname = 'core' AND NOT con.convalidated AND con.contype IN ('f', 'c')
                      ORDER BY 3, 1""")) {
            while (rs.next()) {
                String type = rs.getString(2);
                String table = rs.getString(3);
                String key = rs.getString(10) == null ? "x.ctid::text" : rs.getString(10);
                String query;
                if (type.equals("c")) {
                    // the expression comes from the catalog (pg_get_expr), not from a user
                    query = "SELECT " + key + ", NULL::text FROM " + table + " x WHERE NOT (" + rs.getString(5) + ")";
                } else {
                    query = "SELECT " + key + ", (" + rs.getString(6) + ") FROM "
                            + table + " x WHERE " + rs.getString(8) + " AND NOT EXISTS (SELECT 1 FROM " + rs.getString(9)
                            + " y WHERE " + rs.getString(7) + ")";
                }
                out.add(new NotValid(rs.getString(1), type, table, rs.getString(4), query));
            }
        }
        return out;
    }

    private static List<Finding> checkNotValid(Connection c, ScanContext ctx, NotValid nv) throws SQLException {
        List<Finding> out = new ArrayList<>();
        PreparedStatement ps = ctx.prepare(c, nv.query() + " LIMIT " + (ROW_LIMIT + 1));
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (out.size() == ROW_LIMIT) {
                    out.add(new Finding(CheckGroup.CONSTRAINTS.id(), "constraint-violations-more", Severity.ERROR, nv.table(),
                            nv.name(), null, null, null, "more than " + ROW_LIMIT + " rows violate " + nv.name(),
                            nv.definition(), "over " + ROW_LIMIT + " rows (the first " + ROW_LIMIT + " are listed)",
                            "fix them in bulk with the constraint's own condition, then VALIDATE CONSTRAINT", List.of()));
                    break;
                }
                String values = rs.getString(2);
                out.add(new Finding(CheckGroup.CONSTRAINTS.id(), nv.type().equals("f") ? "fk-violation" : "check-violation",
                        Severity.ERROR, nv.table(), rs.getString(1), null, null, null,
                        "row violates NOT VALID " + (nv.type().equals("f") ? "foreign key " : "check ") + nv.name(),
                        nv.definition(), values == null ? "the condition is false for this row" : "no row for (" + values + ")",
                        "ALTER TABLE … VALIDATE CONSTRAINT " + nv.name() + " will fail until this row is fixed", List.of()));
            }
        } finally {
            ctx.release(ps);
        }
        if (out.isEmpty()) {
            out.add(new Finding(CheckGroup.CONSTRAINTS.id(), "constraint-not-validated", Severity.INFO, nv.table(), nv.name(),
                    null, null, null, (nv.type().equals("f") ? "foreign key " : "check ") + nv.name()
                    + " is NOT VALID, but every row satisfies it", "validated", "NOT VALID (no violating rows today)",
                    "ALTER TABLE " + nv.table() + " VALIDATE CONSTRAINT " + nv.name() + " would succeed and let the planner trust it",
                    List.of()));
        }
        return out;
    }

    // ------------------------------------------------------------ triggers and indexes

    private static List<Finding> disabledTriggers(Connection c, ScanContext ctx, List<String> names) throws SQLException {
        List<Finding> out = new ArrayList<>();
        PreparedStatement ps = ctx.prepare(c, """
                SELECT DISTINCT con.conname, format('%I.%I', n.nspname, t.relname), pg_get_constraintdef(con.oid)
                  FROM pg_trigger tg
                  JOIN pg_constraint con ON con.oid = tg.tgconstraint
                  JOIN pg_class t ON t.oid = con.conrelid
                  JOIN pg_namespace n ON n.oid = t.relnamespace
                 WHERE n.nspname = 'core' AND con.contype = 'f' AND tg.tgenabled = 'D'
                   AND (?::text[] IS NULL OR con.conname = ANY(?::text[]))
                 ORDER BY 2, 1""");
        try {
            java.sql.Array arr = names == null ? null : c.createArrayOf("text", names.toArray());
            ps.setArray(1, arr);
            ps.setArray(2, arr);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Finding(CheckGroup.CONSTRAINTS.id(), "fk-not-enforced", Severity.WARNING, rs.getString(2),
                            rs.getString(1), null, null, null, "foreign key " + rs.getString(1) + " is not enforced: its triggers are disabled",
                            rs.getString(3) + ", enforced", "triggers disabled (ALTER TABLE … DISABLE TRIGGER ALL)",
                            "rows written meanwhile were not checked; enable the triggers and run this report again", List.of()));
                }
            }
        } finally {
            ctx.release(ps);
        }
        return out;
    }

    private static List<Finding> invalidIndexes(Connection c, ScanContext ctx, List<String> names) throws SQLException {
        List<Finding> out = new ArrayList<>();
        PreparedStatement ps = ctx.prepare(c, """
                SELECT format('%I.%I', n.nspname, ic.relname), format('%I.%I', n.nspname, t.relname), i.indisvalid, i.indisready,
                       pg_get_indexdef(i.indexrelid),
                       EXISTS (SELECT 1 FROM pg_stat_progress_create_index p WHERE p.index_relid = i.indexrelid)
                  FROM pg_index i
                  JOIN pg_class ic ON ic.oid = i.indexrelid
                  JOIN pg_class t ON t.oid = i.indrelid
                  JOIN pg_namespace n ON n.oid = ic.relnamespace
                 WHERE n.nspname = 'core' AND (NOT i.indisvalid OR NOT i.indisready)
                   AND (?::text[] IS NULL OR format('%I.%I', n.nspname, ic.relname) = ANY(?::text[]))
                 ORDER BY 1""");
        try {
            java.sql.Array arr = names == null ? null : c.createArrayOf("text", names.toArray());
            ps.setArray(1, arr);
            ps.setArray(2, arr);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean building = rs.getBoolean(6);
                    String index = rs.getString(1);
                    out.add(new Finding(CheckGroup.CONSTRAINTS.id(), building ? "index-building" : "index-invalid",
                            building ? Severity.INFO : Severity.ERROR, rs.getString(2), index, null, null, null,
                            building ? "index " + index + " is being built right now (CREATE INDEX CONCURRENTLY)"
                                    : "index " + index + " is invalid: queries ignore it, yet every write still updates it",
                            "valid and ready", (rs.getBoolean(3) ? "valid" : "indisvalid = false") + ", "
                            + (rs.getBoolean(4) ? "ready" : "indisready = false"),
                            building ? "run the report again when the build has finished"
                                    : "a CREATE INDEX CONCURRENTLY or REINDEX CONCURRENTLY failed part-way; "
                                    + "REINDEX INDEX CONCURRENTLY " + index + " (or drop it and create it again): "
                                    + rs.getString(5), List.of()));
                }
            }
        } finally {
            ctx.release(ps);
        }
        return out;
    }

    // ------------------------------------------------------------ amcheck

    /** Whether bt_index_check can run here, and the sentence the report carries about it. */
    record Amcheck(boolean usable, String schema, String note) {
        static Amcheck detect(Connection c) throws SQLException {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("""
                         SELECT e.extversion, n.nspname,
                                CASE WHEN n.nspname IS NOT NULL THEN
                                     has_function_privilege(format('%I.bt_index_check(regclass, boolean)', n.nspname), 'EXECUTE')
                                END,
                                (SELECT default_version FROM pg_available_extensions WHERE name = 'amcheck')
                           FROM (SELECT 1) one
                           LEFT JOIN pg_extension e ON e.extname = 'amcheck'
                           LEFT JOIN pg_namespace n ON n.oid = e.extnamespace""")) {
                rs.next();
                String installed = rs.getString(1);
                String available = rs.getString(4);
                if (installed == null) {
                    return new Amcheck(false, null, available == null
                            ? "amcheck: not available on this server, so B-tree indexes were not verified "
                            + "(install the PostgreSQL contrib package to get it)."
                            : "amcheck: available on the server (version " + available + ") but not installed in this database, "
                            + "so B-tree indexes were not verified; a superuser can run CREATE EXTENSION amcheck; "
                            + "Warden itself only reads.");
                }
                String schema = rs.getString(2);
                if (!rs.getBoolean(3)) {
                    return new Amcheck(false, schema, "amcheck " + installed + ": installed, but this role may not execute "
                            + "bt_index_check, so B-tree indexes were not verified (GRANT EXECUTE ON FUNCTION "
                            + schema + ".bt_index_check(regclass, boolean) TO this role).");
                }
                return new Amcheck(true, schema, "amcheck " + installed + ": every B-tree index of schema core was verified "
                        + "with bt_index_check.");
            }
        }
    }

    private static List<String> btreeIndexes(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT format('%I.%I', n.nspname, ic.relname)
                       FROM pg_index i
                       JOIN pg_class ic ON ic.oid = i.indexrelid
                       JOIN pg_am am ON am.oid = ic.relam
                       JOIN pg_namespace n ON n.oid = ic.relnamespace
                      WHERE n.nspname = 'core' AND am.amname = 'btree' AND i.indisvalid AND i.indisready
                        AND ic.relpersistence <> 't' AND ic.relkind = 'i'
                      ORDER BY 1""")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static Finding amcheck(Connection c, ScanContext ctx, Amcheck amcheck, String index) throws SQLException {
        String fn = "\"" + amcheck.schema().replace("\"", "\"\"") + "\".bt_index_check";
        PreparedStatement ps = ctx.prepare(c, "SELECT " + fn + "(?::regclass, ?)");
        try {
            ps.setString(1, index);
            ps.setBoolean(2, ctx.options.heapAllIndexed());
            try (Statement sp = c.createStatement()) {
                sp.execute("SAVEPOINT warden_amcheck");
            }
            try {
                ps.executeQuery().close();
                try (Statement sp = c.createStatement()) {
                    sp.execute("RELEASE SAVEPOINT warden_amcheck");
                }
                return null;
            } catch (SQLException e) {
                String state = e.getSQLState() == null ? "" : e.getSQLState();
                if (!state.startsWith("XX")) {
                    throw e;
                }
                try (Statement sp = c.createStatement()) {
                    sp.execute("ROLLBACK TO SAVEPOINT warden_amcheck");
                }
                String table = tableOf(c, index);
                return new Finding(CheckGroup.CONSTRAINTS.id(), "index-corrupt", Severity.ERROR, table, index, null, null, null,
                        "amcheck found index " + index + " corrupt", "a consistent B-tree", firstLine(e.getMessage()),
                        "REINDEX INDEX CONCURRENTLY " + index + "; if it comes back, check the storage (SQLSTATE " + state + ")",
                        List.of());
            }
        } finally {
            ctx.release(ps);
        }
    }

    private static String tableOf(Connection c, String index) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT format('%I.%I', n.nspname, t.relname) FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
                  JOIN pg_namespace n ON n.oid = t.relnamespace WHERE i.indexrelid = ?::regclass""")) {
            ps.setString(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "core";
            }
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip();
        int nl = line.indexOf('\n');
        line = nl >= 0 ? line.substring(0, nl) : line;
        return line.startsWith("ERROR: ") ? line.substring(7) : line;
    }

    @Override
    public List<Finding> recheck(Connection c, ScanContext ctx, List<Finding> findings) throws SQLException {
        List<Finding> now = new ArrayList<>();
        List<String> triggers = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        List<String> corrupt = new ArrayList<>();
        boolean constraints = false;
        for (Finding f : findings) {
            switch (f.code()) {
                case "fk-not-enforced" -> triggers.add(f.rowId());
                case "index-invalid", "index-building" -> indexes.add(f.rowId());
                case "index-corrupt" -> corrupt.add(f.rowId());
                default -> constraints = true;
            }
        }
        if (!triggers.isEmpty()) {
            now.addAll(disabledTriggers(c, ctx, triggers));
        }
        if (!indexes.isEmpty()) {
            now.addAll(invalidIndexes(c, ctx, indexes));
        }
        if (constraints) {
            // few and cheap (LIMIT 101 each): look at every NOT VALID constraint again
            for (NotValid nv : notValid(c)) {
                now.addAll(checkNotValid(c, ctx, nv));
            }
        }
        if (!corrupt.isEmpty()) {
            Amcheck amcheck = Amcheck.detect(c);
            for (String index : corrupt) {
                Finding f = amcheck.usable() ? amcheck(c, ctx, amcheck, index) : null;
                if (f != null) {
                    now.add(f);
                }
            }
        }
        return now;
    }
}
