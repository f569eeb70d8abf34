package com.warden.app.files;

import com.warden.app.WardenException;
import com.warden.app.connect.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * "Make this version the head", as seed 000's atomic write: in one transaction the file row is
 * locked FOR UPDATE, a new version N+1 is inserted holding the chosen version's content with its
 * digest and size recomputed by PostgreSQL from that content, and the head pointer (with the
 * file's digest, size and binary flag) moves to it. Two reverts of one file at the same moment
 * queue on the row lock and become N+1 and N+2. Refused on a read-only connection, for a version
 * that is already the head, and for a version whose content no longer matches its recorded
 * digest (reverting would bless a corrupt copy).
 */
public final class VersionReverter {
    private final Database db;
    private volatile Runnable afterLock = () -> { };

    public VersionReverter(Database db) {
        this.db = db;
    }

    /** Whether this connection may revert, and if not, why (one clear line for a disabled button). */
    public record WriteAccess(boolean writable, String reason) {
        static final WriteAccess YES = new WriteAccess(true, null);

        static WriteAccess no(String reason) {
            return new WriteAccess(false, reason);
        }
    }

    /**
     * Asks the server whether a revert could succeed here: not on a read-only pool, not on a standby,
     * not in a read-only transaction (default_transaction_read_only set for the role or database),
     * and only with INSERT on core.file_versions and UPDATE on core.files.
     */
    public static WriteAccess writeAccess(Database db) {
        if (db.access() != com.warden.app.connect.Access.READ_WRITE) {
            return WriteAccess.no("the connection is read-only");
        }
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT pg_is_in_recovery(), current_setting('transaction_read_only') = 'on',
                           has_table_privilege('core.file_versions', 'INSERT'), has_table_privilege('core.files', 'UPDATE'),
                           current_user""");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return WriteAccess.no("the server is a standby (in recovery): it accepts no writes");
                }
                if (rs.getBoolean(2)) {
                    return WriteAccess.no("transactions are read-only for " + rs.getString(5) + " here (default_transaction_read_only)");
                }
                if (!rs.getBoolean(3) || !rs.getBoolean(4)) {
                    return WriteAccess.no(rs.getString(5) + " may not write file versions (needs INSERT on core.file_versions "
                            + "and UPDATE on core.files)");
                }
                return WriteAccess.YES;
            }
        });
    }

    /** Test hook: runs inside the transaction right after the row lock is taken. */
    void afterLock(Runnable hook) {
        this.afterLock = hook;
    }

    /**
     * Makes {@code version} of the file the head as a new version. {@code createdBy} null records
     * "warden:" and the database user.
     */
    public RevertResult makeHead(UUID fileId, int version, String createdBy) {
        db.requireWritable("Making a version the head");
        return db.withConnection(c -> {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try {
                RevertResult result = revert(c, fileId, version, createdBy);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                if (e instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
                    throw new WardenException("Another writer holds this file right now (the lock wait ran out).",
                            "try again in a moment", e);
                }
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        });
    }

    private RevertResult revert(Connection c, UUID fileId, int version, String createdBy) throws SQLException {
        String path;
        Integer previousHead;
        try (PreparedStatement ps = c.prepareStatement("SELECT f.path FROM core.files f WHERE f.id = ? FOR UPDATE")) {
            ps.setObject(1, fileId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new WardenException("No file with id " + fileId + ".", "it may have been deleted; reload the list");
                }
                path = rs.getString(1);
            }
        }
        // read the head in a statement of its own: after waiting for the lock, the locking statement
        // still sees the versions of its own, older snapshot (a concurrent revert's new row is missing)
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT h.version FROM core.files f JOIN core.file_versions h ON h.id = f.head_version_id AND h.file_id = f.id
                 WHERE f.id = ?""")) {
            ps.setObject(1, fileId);
            try (ResultSet rs = ps.executeQuery()) {
                previousHead = rs.next() ? rs.getInt(1) : null;
            }
        }
        afterLock.run();
        if (previousHead != null && previousHead == version) {
            throw new WardenException(path + " v" + version + " is already the head.", "pick an older version to restore");
        }
        UUID sourceId;
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT v.id, v.sha256 = sha256(core.version_bytes(v.content, v.content_bytes))
                  FROM core.file_versions v WHERE v.file_id = ? AND v.version = ?""")) {
            ps.setObject(1, fileId);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new WardenException(path + " has no version " + version + ".", "reload the version list");
                }
                sourceId = rs.getObject(1, UUID.class);
                if (!rs.getBoolean(2)) {
                    throw new WardenException(path + " v" + version + " no longer matches its recorded SHA-256; it was not made the head.",
                            "run an integrity check: restoring a damaged version would hide the damage");
                }
            }
        }
        UUID newId;
        int newVersion;
        byte[] digest;
        long size;
        boolean binary;
        String author;
        OffsetDateTime createdAt;
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO core.file_versions (file_id, version, content, content_bytes, sha256, size_bytes, created_by)
                SELECT v.file_id,
                       (SELECT max(x.version) FROM core.file_versions x WHERE x.file_id = v.file_id) + 1,
                       v.content, v.content_bytes,
                       sha256(core.version_bytes(v.content, v.content_bytes)),
                       octet_length(core.version_bytes(v.content, v.content_bytes)),
                       coalesce(?, 'warden:' || current_user)
                  FROM core.file_versions v WHERE v.id = ?
                RETURNING id, version, sha256, size_bytes, content_bytes IS NOT NULL, created_by, created_at""")) {
            ps.setString(1, createdBy);
            ps.setObject(2, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                newId = rs.getObject(1, UUID.class);
                newVersion = rs.getInt(2);
                digest = rs.getBytes(3);
                size = rs.getLong(4);
                binary = rs.getBoolean(5);
                author = rs.getString(6);
                createdAt = rs.getObject(7, OffsetDateTime.class);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE core.files SET head_version_id = ?, sha256 = ?, size_bytes = ?, is_binary = ?, updated_at = now()
                 WHERE id = ?""")) {
            ps.setObject(1, newId);
            ps.setBytes(2, digest);
            ps.setLong(3, size);
            ps.setBoolean(4, binary);
            ps.setObject(5, fileId);
            ps.executeUpdate();
        }
        return new RevertResult(fileId, path, version, previousHead, newId, newVersion, Hex.of(digest), size, author, createdAt);
    }
}
