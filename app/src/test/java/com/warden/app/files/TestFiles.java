package com.warden.app.files;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Rows the files tests need beside the demo's (also used by the ui tests through the test jar):
 * files of Todo App with chosen versions, and single versions with digests PostgreSQL computes.
 */
public final class TestFiles {
    private TestFiles() { }

    /** A text file of Todo App with the given versions (none: a file without versions); the head is the last one. */
    public static UUID addTextFile(DataSource ds, String path, String... versions) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            UUID file;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO core.files (app_id, path, mime_type) SELECT id, ?, 'text/plain' FROM core.apps WHERE name = 'Todo App'
                    RETURNING id""")) {
                ps.setString(1, path);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    file = rs.getObject(1, UUID.class);
                }
            }
            for (int v = 0; v < versions.length; v++) {
                addVersion(c, file, v + 1, versions[v], null);
            }
            if (versions.length > 0) {
                try (PreparedStatement ps = c.prepareStatement("""
                        UPDATE core.files f SET head_version_id = v.id, sha256 = v.sha256, size_bytes = v.size_bytes
                          FROM core.file_versions v WHERE v.file_id = f.id AND f.id = ? AND v.version = ?""")) {
                    ps.setObject(1, file);
                    ps.setInt(2, versions.length);
                    ps.executeUpdate();
                }
            }
            c.commit();
            return file;
        }
    }

    /** One more version (text or bytes) of a file; the head pointer stays where it is. */
    public static void addVersion(DataSource ds, UUID fileId, int version, String text, byte[] bytes) throws SQLException {
        try (Connection c = ds.getConnection()) {
            addVersion(c, fileId, version, text, bytes);
        }
    }

    private static void addVersion(Connection c, UUID fileId, int version, String text, byte[] bytes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO core.file_versions (file_id, version, content, content_bytes, sha256, size_bytes)
                VALUES (?, ?, ?, ?, sha256(core.version_bytes(?, ?)), octet_length(core.version_bytes(?, ?)))""")) {
            ps.setObject(1, fileId);
            ps.setInt(2, version);
            for (int i : new int[] {3, 5, 7}) {
                ps.setString(i, text);
                ps.setBytes(i + 1, bytes);
            }
            ps.executeUpdate();
        }
    }
}
