package com.warden.app.integrity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

/** Injects faults into a demo database by plain SQL (as a superuser), and finds the rows they touch. */
final class Faults {
    private final DataSource ds;

    Faults(DataSource ds) {
        this.ds = ds;
    }

    /** A version of a file of an app, by app name, path and version number. */
    UUID version(String app, String path, int version) throws SQLException {
        return uuid("""
                SELECT v.id FROM core.file_versions v JOIN core.files f ON f.id = v.file_id JOIN core.apps a ON a.id = f.app_id
                 WHERE a.name = ? AND f.path = ? AND v.version = ?""", app, path, version);
    }

    UUID file(String app, String path) throws SQLException {
        return uuid("SELECT f.id FROM core.files f JOIN core.apps a ON a.id = f.app_id WHERE a.name = ? AND f.path = ?", app, path);
    }

    UUID head(String app, String path) throws SQLException {
        return uuid("SELECT f.head_version_id FROM core.files f JOIN core.apps a ON a.id = f.app_id WHERE a.name = ? AND f.path = ?",
                app, path);
    }

    /** Some image asset of the given format (the first by id, so tests are repeatable). */
    UUID asset(String format) throws SQLException {
        return uuid("SELECT id FROM core.image_assets WHERE format = ? ORDER BY id LIMIT 1", format);
    }

    UUID uuid(String sql, Object... params) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no row for " + sql);
                }
                return rs.getObject(1, UUID.class);
            }
        }
    }

    int update(String sql, Object... params) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    /** Runs with foreign-key triggers off, the way a restore or a hand edit with session_replication_role does. */
    int bypassingKeys(String sql, Object... params) throws SQLException {
        try (Connection c = ds.getConnection()) {
            try (Statement st = c.createStatement()) {
                st.execute("SET session_replication_role = replica");
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                return ps.executeUpdate();
            } finally {
                try (Statement st = c.createStatement()) {
                    st.execute("RESET session_replication_role");
                }
            }
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
