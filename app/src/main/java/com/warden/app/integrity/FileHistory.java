package com.warden.app.integrity;

import com.warden.app.WardenException;
import com.warden.app.connect.ConnectionErrors;
import com.warden.app.connect.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One file's versions with their digests recomputed: what a finding links to. (The Files &amp;
 * Diffs screen shows the contents and diffs; this is the integrity view of the same history.)
 *
 * @param headVersionId the version the files row names as its head, or null
 */
public record FileHistory(String fileId, String app, String path, boolean binary, String headVersionId, List<Version> versions) {

    /**
     * One version.
     *
     * @param digestMatches the recorded SHA-256 is the digest of the stored content
     * @param sizeMatches   the recorded size is the content's byte length
     */
    public record Version(String id, int version, long sizeBytes, String sha256, boolean digestMatches, boolean sizeMatches,
                          OffsetDateTime createdAt, String createdBy, boolean head) {
        public boolean sound() {
            return digestMatches && sizeMatches;
        }
    }

    public FileHistory {
        versions = List.copyOf(versions);
    }

    /** Reads the file and its versions, recomputing each digest (one file: a handful of rows). */
    public static FileHistory load(Database db, String fileId) {
        UUID id;
        try {
            id = UUID.fromString(fileId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new WardenException("Not a file id: " + fileId, null);
        }
        try (Connection c = db.connection()) {
            String app;
            String path;
            boolean binary;
            String head;
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT a.name, f.path, f.is_binary, f.head_version_id::text
                      FROM core.files f LEFT JOIN core.apps a ON a.id = f.app_id WHERE f.id = ?""")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new WardenException("The file " + fileId + " is not there any more.",
                                "it was deleted after the report ran; run the report again");
                    }
                    app = rs.getString(1);
                    path = rs.getString(2);
                    binary = rs.getBoolean(3);
                    head = rs.getString(4);
                }
            }
            List<Version> versions = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT v.id::text, v.version, v.size_bytes, encode(v.sha256, 'hex'),
                           x.b IS NOT NULL AND sha256(x.b) = v.sha256, octet_length(x.b) IS NOT DISTINCT FROM v.size_bytes,
                           v.created_at, v.created_by
                      FROM core.file_versions v
                      CROSS JOIN LATERAL (SELECT coalesce(v.content_bytes, convert_to(v.content, 'UTF8')) AS b) x
                     WHERE v.file_id = ? ORDER BY v.version""")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String vid = rs.getString(1);
                        versions.add(new Version(vid, rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getBoolean(5),
                                rs.getBoolean(6), rs.getObject(7, OffsetDateTime.class), rs.getString(8), vid.equals(head)));
                    }
                }
            }
            return new FileHistory(fileId, app, path, binary, head, versions);
        } catch (SQLException e) {
            throw ConnectionErrors.explain(e, db.profile());
        }
    }
}
