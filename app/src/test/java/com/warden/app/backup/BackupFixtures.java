package com.warden.app.backup;

import com.warden.app.connect.ProfileResolver;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/** Helpers for the backup tests: the system's tools, row counts and content checksums per table. */
final class BackupFixtures {
    private BackupFixtures() { }

    static ToolLocator tools() {
        return ToolLocator.system();
    }

    static ProfileResolver resolver() {
        return new ProfileResolver(Map.of(), Path.of("/nonexistent-home"), "postgres");
    }

    static BackupService backups() {
        return new BackupService(tools(), resolver());
    }

    static RestoreService restores() {
        return new RestoreService(tools(), resolver());
    }

    /** Rows and an order-independent digest of every user table's content. */
    static Map<String, String> fingerprint(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return fingerprint(c);
        }
    }

    static Map<String, String> fingerprint(Connection c) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        for (TableName t : tables(c)) {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*), coalesce(md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))), '-') FROM "
                         + t.sql() + " x")) {
                rs.next();
                out.put(t.toString(), rs.getLong(1) + ":" + rs.getString(2));
            }
        }
        return out;
    }

    static List<TableName> tables(Connection c) throws SQLException {
        return SourceInspector.tables(c).stream().map(TableInfo::name).toList();
    }

    static long count(DataSource ds, String table) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static boolean databaseExists(DataSource ds, String name) throws SQLException {
        try (Connection c = ds.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
