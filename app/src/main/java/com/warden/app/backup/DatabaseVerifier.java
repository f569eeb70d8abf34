package com.warden.app.backup;

import com.warden.app.backup.VerificationReport.IntegrityCheck;
import com.warden.app.backup.VerificationReport.TableCheck;
import com.warden.app.backup.VerificationReport.Verdict;
import com.warden.app.job.JobContext;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a restored or recovered database: every table's row count against the manifest, every
 * foreign key re-checked with an anti-join (not just its "validated" flag), every index valid
 * and ready, and, in a project database, the integrity functions that recompute digests.
 */
public final class DatabaseVerifier {

    /** What to check. {@code expected} may be empty (a dump without a manifest). */
    /**
     * @param countsExact    a different count fails the check (logical dumps); otherwise it warns
     * @param countsOptional no counts to compare is fine (a recovery to a point after the backup)
     */
    public record Options(Map<TableName, Long> expected, boolean countsExact, boolean checkForeignKeys, boolean integrity,
                          boolean countsOptional) {
        public static Options of(Map<TableName, Long> expected) {
            return new Options(expected, true, true, true, false);
        }
    }

    private DatabaseVerifier() { }

    public static VerificationReport verify(Connection c, Options options, JobContext job) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET statement_timeout = 0");
        }
        List<TableCheck> tables = new ArrayList<>();
        Map<TableName, Long> expected = new TreeMap<>();
        expected.putAll(options.expected());
        int i = 0;
        Set<TableName> present = new java.util.HashSet<>(existingTables(c));
        for (Map.Entry<TableName, Long> e : expected.entrySet()) {
            job.checkCancelled();
            job.progress(i++, expected.size(), "Counting rows of " + e.getKey());
            if (!present.contains(e.getKey())) {
                tables.add(new TableCheck(e.getKey().toString(), e.getValue(), null, false));
                continue;
            }
            long actual = count(c, e.getKey(), job);
            // a null expectation: counted for the report, nothing to compare (a recovery to a later point)
            tables.add(new TableCheck(e.getKey().toString(), e.getValue(), actual, e.getValue() == null || actual == e.getValue()));
        }
        List<String> fkProblems = new ArrayList<>();
        int fks = 0;
        if (options.checkForeignKeys()) {
            List<ForeignKey> keys = foreignKeys(c);
            fks = keys.size();
            int k = 0;
            for (ForeignKey fk : keys) {
                job.checkCancelled();
                job.progress(k++, keys.size(), "Checking foreign key " + fk.name());
                if (!fk.validated()) {
                    fkProblems.add(fk.table() + "." + fk.name() + " is NOT VALID");
                    continue;
                }
                long orphans = orphans(c, fk, job);
                if (orphans > 0) {
                    fkProblems.add(fk.table() + "." + fk.name() + ": " + orphans + " rows reference missing " + fk.refTable() + " rows");
                }
            }
        }
        List<String> indexProblems = new ArrayList<>();
        int indexes;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT i.indexrelid::regclass::text, i.indisvalid, i.indisready, i.indislive
                       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'""")) {
            int n = 0;
            while (rs.next()) {
                n++;
                if (!rs.getBoolean(2) || !rs.getBoolean(3) || !rs.getBoolean(4)) {
                    indexProblems.add(rs.getString(1) + " is not valid (a failed CREATE INDEX CONCURRENTLY or REINDEX)");
                }
            }
            indexes = n;
        }
        List<IntegrityCheck> integrity = new ArrayList<>();
        if (options.integrity()) {
            job.progress(0, -1, "Running the integrity checks");
            integrity.add(integrityCheck(c, "core.verify_file_checksums(uuid)", "file checksums",
                    "SELECT count(*), count(*) FILTER (WHERE NOT matches) FROM core.verify_file_checksums()", job));
            integrity.add(integrityCheck(c, "core.verify_image_assets(uuid)", "image assets",
                    "SELECT count(*), count(*) FILTER (WHERE NOT matches) FROM core.verify_image_assets()", job));
            integrity.add(integrityCheck(c, "core.verify_head_pointers(uuid)", "head pointers",
                    "SELECT (SELECT count(*) FROM core.files), count(*) FROM core.verify_head_pointers()", job));
        }
        return judge(tables, fkProblems, fks, indexProblems, indexes, integrity, options);
    }

    static VerificationReport judge(List<TableCheck> tables, List<String> fkProblems, int fks, List<String> indexProblems,
                                    int indexes, List<IntegrityCheck> integrity, Options options) {
        long badCounts = tables.stream().filter(t -> !t.ok()).count();
        boolean compared = tables.stream().anyMatch(t -> t.expected() != null);
        long missingTables = tables.stream().filter(t -> t.actual() == null).count();
        long integrityProblems = integrity.stream().mapToLong(IntegrityCheck::problems).sum();
        Verdict verdict;
        List<String> parts = new ArrayList<>();
        if (tables.isEmpty()) {
            parts.add(options.countsOptional() ? "row counts not compared (a later point than the backup)" : "no row counts to compare (no manifest)");
        } else if (!compared) {
            parts.add("rows of " + tables.size() + " tables counted (a later point than the backup: nothing to compare)");
        } else if (badCounts == 0) {
            parts.add("row counts of " + tables.size() + " tables equal the manifest");
        } else {
            parts.add(badCounts + " of " + tables.size() + " tables differ from the manifest"
                    + (missingTables > 0 ? " (" + missingTables + " missing)" : ""));
        }
        parts.add(fkProblems.isEmpty() ? (fks == 0 ? "no foreign keys" : fks == 1 ? "1 foreign key holds" : fks + " foreign keys hold")
                : fkProblems.size() + " foreign keys broken");
        parts.add(indexProblems.isEmpty() ? (indexes == 1 ? "1 index valid" : indexes + " indexes valid") : indexProblems.size() + " indexes invalid");
        long ran = integrity.stream().filter(x -> !x.skipped()).count();
        if (ran > 0) {
            parts.add(integrityProblems == 0 ? "integrity checks clean" : integrityProblems + " integrity problems");
        }
        boolean hardFail = missingTables > 0 || !fkProblems.isEmpty() || !indexProblems.isEmpty() || integrityProblems > 0
                || (badCounts > 0 && options.countsExact());
        if (hardFail) {
            verdict = Verdict.FAIL;
        } else if (badCounts > 0 || ((tables.isEmpty() || !compared) && !options.countsOptional())) {
            verdict = Verdict.WARN;
            if (badCounts > 0) {
                parts.add("the counts were taken after a physical backup while the server was written");
            }
        } else {
            verdict = Verdict.PASS;
        }
        return new VerificationReport(tables, fkProblems, fks, indexProblems, indexes, integrity, verdict, String.join("; ", parts));
    }

    static List<TableName> existingTables(Connection c) throws SQLException {
        List<TableName> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                     + "WHERE c.relkind IN ('r', 'p')")) {
            while (rs.next()) {
                out.add(new TableName(rs.getString(1), rs.getString(2)));
            }
        }
        return out;
    }

    private static long count(Connection c, TableName t, JobContext job) throws SQLException {
        try (Statement st = c.createStatement()) {
            job.onCancel(() -> cancel(st));
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + t.sql())) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private record ForeignKey(String name, TableName table, TableName refTable, List<String> columns, List<String> refColumns,
                              boolean validated) { }

    private static List<ForeignKey> foreignKeys(Connection c) throws SQLException {
        List<ForeignKey> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT con.conname, n1.nspname, c1.relname, n2.nspname, c2.relname, con.convalidated,
                            ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(att, ord)
                                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.att ORDER BY k.ord),
                            ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(att, ord)
                                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.att ORDER BY k.ord)
                       FROM pg_constraint con
                       JOIN pg_class c1 ON c1.oid = con.conrelid JOIN pg_namespace n1 ON n1.oid = c1.relnamespace
                       JOIN pg_class c2 ON c2.oid = con.confrelid JOIN pg_namespace n2 ON n2.oid = c2.relnamespace
                      WHERE con.contype = 'f' AND n1.nspname NOT IN ('pg_catalog', 'information_schema')
                        AND con.conparentid = 0
                      ORDER BY 2, 3, 1""")) {
            while (rs.next()) {
                out.add(new ForeignKey(rs.getString(1), new TableName(rs.getString(2), rs.getString(3)),
                        new TableName(rs.getString(4), rs.getString(5)), strings(rs.getArray(7)), strings(rs.getArray(8)),
                        rs.getBoolean(6)));
            }
        }
        return out;
    }

    private static List<String> strings(Array a) throws SQLException {
        return List.of((String[]) a.getArray());
    }

    /** Rows whose key has no null (MATCH SIMPLE) and matches no row of the referenced table. */
    private static long orphans(Connection c, ForeignKey fk, JobContext job) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM ").append(fk.table().sql()).append(" ch WHERE ");
        for (String col : fk.columns()) {
            sql.append("ch.").append(TableName.ident(col)).append(" IS NOT NULL AND ");
        }
        sql.append("NOT EXISTS (SELECT 1 FROM ").append(fk.refTable().sql()).append(" pa WHERE ");
        for (int i = 0; i < fk.columns().size(); i++) {
            if (i > 0) {
                sql.append(" AND ");
            }
            sql.append("pa.").append(TableName.ident(fk.refColumns().get(i))).append(" = ch.").append(TableName.ident(fk.columns().get(i)));
        }
        sql.append(')');
        try (Statement st = c.createStatement()) {
            job.onCancel(() -> cancel(st));
            try (ResultSet rs = st.executeQuery(sql.toString())) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static IntegrityCheck integrityCheck(Connection c, String signature, String name, String sql, JobContext job)
            throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regprocedure('" + signature + "') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return new IntegrityCheck(name, 0, 0, true, "not a project database (no " + signature + ")");
            }
        }
        try (Statement st = c.createStatement()) {
            job.onCancel(() -> cancel(st));
            try (ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                long checked = rs.getLong(1);
                long problems = rs.getLong(2);
                return new IntegrityCheck(name, checked, problems, false,
                        problems == 0 ? checked + " checked, all match" : problems + " of " + checked + " do not match");
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState()) || "42883".equals(e.getSQLState())) {
                // a selected-tables restore: the function is there, the tables it reads are not
                return new IntegrityCheck(name, 0, 0, true, "skipped: " + e.getMessage().lines().findFirst().orElse(""));
            }
            throw e;
        }
    }

    private static void cancel(Statement st) {
        try {
            st.cancel();
        } catch (SQLException ignored) {
            // already finished
        }
    }
}
