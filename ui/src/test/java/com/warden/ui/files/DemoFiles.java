package com.warden.ui.files;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/** Extra files for the screen's tests, written straight into a copy of the demo. */
final class DemoFiles {
    private DemoFiles() { }

    /** A text file of Todo App with the given versions; the head is the last one. */
    static UUID add(DataSource ds, String path, String... versions) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            UUID file;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO core.files (app_id, path, mime_type) SELECT id, ?, 'text/typescript' FROM core.apps WHERE name = 'Todo App'
                    RETURNING id""")) {
                ps.setString(1, path);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    file = rs.getObject(1, UUID.class);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO core.file_versions (file_id, version, content, sha256, size_bytes)
                    VALUES (?, ?, ?, sha256(convert_to(?, 'UTF8')), octet_length(convert_to(?, 'UTF8')))""")) {
                for (int v = 0; v < versions.length; v++) {
                    ps.setObject(1, file);
                    ps.setInt(2, v + 1);
                    ps.setString(3, versions[v]);
                    ps.setString(4, versions[v]);
                    ps.setString(5, versions[v]);
                    ps.executeUpdate();
                }
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
}
