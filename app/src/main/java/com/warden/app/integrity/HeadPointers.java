package com.warden.app.integrity;

import com.warden.app.report.Finding;
import com.warden.app.report.Severity;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Group 2: each file row against its head version. The head must be a version of the same file
 * and its highest number; files.sha256, size_bytes and is_binary must agree with it; version
 * numbers run 1, 2, 3… without gaps. One finding per file row: the most basic problem wins.
 *
 * When the version check ran, a head whose own recorded digest is wrong is compared by the
 * digest Warden recomputed, so one broken version row is reported once, not twice.
 */
final class HeadPointers implements Check {
    static final String FILES = "core.files";
    static final String VERSIONS = "core.file_versions";

    @Override
    public CheckGroup group() {
        return CheckGroup.HEADS;
    }

    @Override
    public List<ScanTask> plan(Connection c, ScanContext ctx) {
        return List.of();
    }

    /** After the digests: the head check uses what they recomputed. Gaps come from the same pass. */
    @Override
    public List<ScanTask> planLater(ScanContext ctx) {
        return List.of(ScanTask.of(CheckGroup.HEADS, "", "head pointers and version numbers of " + FILES, ctx.weight(0.12),
                (conn, x) -> {
                    List<UUID> gapped = new ArrayList<>();
                    heads(conn, x, null, false, gapped).forEach(x::report);
                    for (List<UUID> part : VersionDigests.partition(gapped)) {
                        gaps(conn, x, part).forEach(x::report);
                    }
                }));
    }

    /** File rows that disagree with their head; {@code fileIds} limits it (the re-check). */
    static List<Finding> heads(Connection c, ScanContext ctx, List<UUID> fileIds, boolean recompute, List<UUID> gapped)
            throws SQLException {
        String headDigest = recompute
                ? "encode(sha256(coalesce(h.content_bytes, convert_to(h.content, 'UTF8'))), 'hex')"
                : "NULL::text";
        // Whole database: one pass over the (file_id, version) index gives every file's highest
        // version and count (count < highest means a gap). For a few files: the same per file.
        String versions = fileIds == null && ctx.app == null
                ? "LEFT JOIN (SELECT v.file_id, max(v.version) AS max_version, count(*) AS versions "
                + "FROM core.file_versions v GROUP BY v.file_id) m ON m.file_id = f.id"
                : "LEFT JOIN LATERAL (SELECT max(v.version) AS max_version, count(*) AS versions "
                + "FROM core.file_versions v WHERE v.file_id = f.id) m ON true";
        String sql = """
                SELECT f.id, f.path, f.is_binary, f.size_bytes, encode(f.sha256, 'hex'), f.head_version_id,
                       h.id, h.file_id, h.version, encode(h.sha256, 'hex'), h.size_bytes, h.content_bytes IS NOT NULL,
                       hf.path, m.max_version, coalesce(m.versions, 0), %s, %s
                  FROM core.files f
                  %s
                  LEFT JOIN core.file_versions h ON h.id = f.head_version_id
                  LEFT JOIN core.files hf ON hf.id = h.file_id
                 WHERE %s
                   AND (m.versions IS NULL OR m.versions <> m.max_version OR f.head_version_id IS NULL OR h.id IS NULL
                        OR h.file_id <> f.id OR h.version <> m.max_version OR f.sha256 IS DISTINCT FROM h.sha256
                        OR f.size_bytes IS DISTINCT FROM h.size_bytes OR f.is_binary <> (h.content_bytes IS NOT NULL)
                        %s)
                """.formatted(headDigest, recompute ? ctx.lengthOf("h.content", "h.content_bytes") : "NULL::bigint", versions,
                fileIds != null ? "f.id = ANY(?)" : ctx.app != null ? "f.app_id = ?" : "true",
                recompute ? "OR true" : "");
        List<Finding> out = new ArrayList<>();
        PreparedStatement ps = ctx.prepare(c, sql);
        try {
            if (fileIds != null) {
                Array ids = c.createArrayOf("uuid", fileIds.toArray());
                ps.setArray(1, ids);
            } else {
                ctx.bindApp(ps, 1);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (gapped != null && rs.getLong(15) > 0 && rs.getLong(15) != rs.getInt(14)) {
                        gapped.add(rs.getObject(1, UUID.class));
                    }
                    Finding f = classify(rs, ctx, recompute);
                    if (f != null) {
                        out.add(f);
                    }
                }
            }
        } finally {
            ctx.release(ps);
        }
        return out;
    }

    private static Finding classify(ResultSet rs, ScanContext ctx, boolean recompute) throws SQLException {
        UUID fileId = rs.getObject(1, UUID.class);
        String path = rs.getString(2);
        boolean isBinary = rs.getBoolean(3);
        long size = rs.getLong(4);
        String sha = rs.getString(5);
        UUID headId = rs.getObject(6, UUID.class);
        UUID headRow = rs.getObject(7, UUID.class);
        UUID headFile = rs.getObject(8, UUID.class);
        int headVersion = rs.getInt(9);
        String headSha = rs.getString(10);
        long headSizeValue = rs.getLong(11);
        Long headSize = rs.wasNull() ? null : headSizeValue;
        boolean headBinary = rs.getBoolean(12);
        String headPath = rs.getString(13);
        int maxVersion = rs.getInt(14);
        long versions = rs.getLong(15);
        String id = fileId.toString();
        if (versions == 0 && headId == null) {
            return finding("file-no-versions", Severity.WARNING, id, path, "file has no versions at all",
                    "at least version 1", "no versions", "an interrupted write, or versions deleted by hand");
        }
        if (headId == null) {
            return finding("head-missing", Severity.ERROR, id, path, "file has versions but no head pointer",
                    "head_version_id = version " + maxVersion + " (the highest)", "no head",
                    "readers of the current file get nothing; point the head at the highest version");
        }
        if (headRow == null) {
            return finding("head-dangling", Severity.ERROR, id, path, "head pointer names a version that does not exist",
                    "an existing version of this file", "version id " + headId + " (missing)",
                    "the foreign key files_head_version_fk was dropped or not valid when this happened");
        }
        if (!fileId.equals(headFile)) {
            return finding("head-other-file", Severity.ERROR, id, path, "head pointer names a version of another file",
                    versions == 0 ? "a version of this file" : "version " + maxVersion + " of this file",
                    "version " + headVersion + " of " + (headPath == null ? "file " + headFile : headPath),
                    "readers of " + path + " get another file's content");
        }
        if (headVersion != maxVersion) {
            return finding("head-not-latest", Severity.ERROR, id, path, "head pointer is not the highest version",
                    "version " + maxVersion, "version " + headVersion,
                    "a newer version exists that readers never see, or the head was moved back by hand");
        }
        // The file row is right when it matches the head's recorded digest (a broken version row is
        // reported by the version check) or the digest of the head's actual content.
        String actualSha = null;
        Long actualSize = null;
        if (recompute) {
            actualSha = rs.getString(16);
            long len = rs.getLong(17);
            actualSize = rs.wasNull() ? null : len;
        } else {
            ScanContext.Recomputed r = ctx.recomputed.get(headRow);
            if (r != null) {
                actualSha = r.digestHex();
                actualSize = r.length();
            }
        }
        List<String> fields = new ArrayList<>();
        boolean shaOk = sha != null && (sha.equals(headSha) || sha.equals(actualSha));
        boolean sizeOk = (headSize != null && headSize == size) || (actualSize != null && actualSize == size);
        String showSha = actualSha != null ? actualSha : headSha;
        Long showSize = actualSize != null ? actualSize : headSize;
        if (!shaOk) {
            fields.add("sha256");
        }
        if (!sizeOk) {
            fields.add("size_bytes");
        }
        if (isBinary != headBinary) {
            fields.add("is_binary");
        }
        if (fields.isEmpty()) {
            return null;
        }
        return finding("file-head-mismatch", Severity.ERROR, id, path,
                "file row disagrees with its head version (" + String.join(", ", fields) + ")",
                describe(showSha, showSize, headBinary, fields) + " (version " + headVersion + ")",
                describe(sha, size, isBinary, fields),
                "the files row was not updated with the head, or was edited by hand");
    }

    private static String describe(String sha, Long size, boolean binary, List<String> fields) {
        List<String> parts = new ArrayList<>();
        if (fields.contains("sha256")) {
            parts.add(Hex.digest(sha));
        }
        if (fields.contains("size_bytes")) {
            parts.add(Hex.bytes(size));
        }
        if (fields.contains("is_binary")) {
            parts.add(binary ? "binary" : "text");
        }
        return String.join(", ", parts);
    }

    private static Finding finding(String code, Severity severity, String fileId, String path, String title,
                                   String expected, String found, String detail) {
        return new Finding(CheckGroup.HEADS.id(), code, severity, FILES, fileId, null, path, fileId, title, expected, found,
                detail, List.of());
    }

    /** Files whose version numbers skip; one finding per gap, on the version after it. */
    static List<Finding> gaps(Connection c, ScanContext ctx, List<UUID> fileIds) throws SQLException {
        String where = fileIds != null ? "WHERE v.file_id = ANY(?)"
                : ctx.app != null ? "WHERE v.file_id IN (SELECT f.id FROM core.files f WHERE f.app_id = ?)" : "";
        String sql = """
                SELECT g.file_id, g.id, g.version, g.prev, f.path
                  FROM (SELECT v.file_id, v.id, v.version,
                               lag(v.version) OVER (PARTITION BY v.file_id ORDER BY v.version) AS prev
                          FROM core.file_versions v %s) g
                  LEFT JOIN core.files f ON f.id = g.file_id
                 WHERE g.version - coalesce(g.prev, 0) > 1
                """.formatted(where);
        List<Finding> out = new ArrayList<>();
        PreparedStatement ps = ctx.prepare(c, sql);
        try {
            if (fileIds != null) {
                ps.setArray(1, c.createArrayOf("uuid", fileIds.toArray()));
            } else {
                ctx.bindApp(ps, 1);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID fileId = rs.getObject(1, UUID.class);
                    int version = rs.getInt(3);
                    int prevValue = rs.getInt(4);
                    Integer prev = rs.wasNull() ? null : prevValue;
                    int firstMissing = prev == null ? 1 : prev + 1;
                    int lastMissing = version - 1;
                    String missing = firstMissing == lastMissing ? "version " + firstMissing
                            : "versions " + firstMissing + "–" + lastMissing;
                    out.add(new Finding(CheckGroup.HEADS.id(), "version-gap", Severity.ERROR, VERSIONS,
                            rs.getObject(2, UUID.class).toString(), null, rs.getString(5), fileId.toString(),
                            missing + (firstMissing == lastMissing ? " is" : " are") + " missing from the history",
                            missing, prev == null ? "history starts at version " + version
                            : "version " + prev + " then version " + version,
                            "history was deleted; the file's diffs skip over the gap", List.of()));
                }
            }
        } finally {
            ctx.release(ps);
        }
        return out;
    }

    @Override
    public List<Finding> recheck(Connection c, ScanContext ctx, List<Finding> findings) throws SQLException {
        List<UUID> headFiles = new ArrayList<>();
        List<UUID> gapFiles = new ArrayList<>();
        for (Finding f : findings) {
            UUID fileId = UUID.fromString(f.fileId());
            (f.code().equals("version-gap") ? gapFiles : headFiles).add(fileId);
        }
        List<Finding> now = new ArrayList<>();
        for (List<UUID> part : VersionDigests.partition(headFiles)) {
            now.addAll(heads(c, ctx, part, true, null));
        }
        for (List<UUID> part : VersionDigests.partition(gapFiles)) {
            now.addAll(gaps(c, ctx, part));
        }
        return now;
    }
}
