package com.warden.app.backup;

import com.warden.app.connect.ConnectionProfile;
import com.warden.app.job.JobContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What a backup or a verification needs to read from a server, in plain SQL over JDBC. */
final class SourceInspector {
    private SourceInspector() { }

    static BackupManifest.Source describe(Connection c, ConnectionProfile profile) throws SQLException {
        String version;
        int versionNum;
        boolean inRecovery;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('server_version'), current_setting('server_version_num')::int, "
                     + "pg_is_in_recovery(), current_database()")) {
            rs.next();
            version = rs.getString(1).split(" ")[0];
            versionNum = rs.getInt(2);
            inRecovery = rs.getBoolean(3);
        }
        String systemId = null;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT system_identifier::text FROM pg_control_system()")) {
            if (rs.next()) {
                systemId = rs.getString(1);
            }
        } catch (SQLException e) {
            // pg_control_system() needs more privileges on some setups; the identifier is informative only
            resetAfterError(c);
        }
        return new BackupManifest.Source(profile.safeUri(), profile.host(), profile.port(), profile.database(), profile.user(),
                version, versionNum, systemId, inRecovery);
    }

    /**
     * Ordinary tables (and partitions) outside the system schemas and not owned by an extension.
     * Sizes come from pg_class (heap and TOAST pages as of the last VACUUM/ANALYZE), not from
     * pg_table_size(), which would wait for a table someone holds locked.
     */
    static List<TableInfo> tables(Connection c) throws SQLException {
        List<TableInfo> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT n.nspname, cl.relname,
                            greatest(cl.relpages::bigint + coalesce(t.relpages, 0), 1) * current_setting('block_size')::bigint,
                            greatest(cl.reltuples, 0)::bigint
                       FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
                       LEFT JOIN pg_class t ON t.oid = cl.reltoastrelid
                      WHERE cl.relkind = 'r'
                        AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                        AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
                        AND NOT EXISTS (SELECT 1 FROM pg_depend d
                                         WHERE d.classid = 'pg_class'::regclass AND d.objid = cl.oid AND d.deptype = 'e')
                      ORDER BY 1, 2""")) {
            while (rs.next()) {
                out.add(new TableInfo(new TableName(rs.getString(1), rs.getString(2)), rs.getLong(3), rs.getLong(4)));
            }
        }
        return out;
    }

    static long databaseSize(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_database_size(current_database())")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The current WAL position: the insert position on a primary, the replayed one on a standby. */
    static String currentLsn(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() "
                     + "ELSE pg_current_wal_lsn() END::text")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            resetAfterError(c);
            return null;
        }
    }

    static long walSegmentSize(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT setting::bigint * CASE unit WHEN '8kB' THEN 8192 WHEN 'MB' THEN 1048576 ELSE 1 END "
                     + "FROM pg_settings WHERE name = 'wal_segment_size'")) {
            return rs.next() ? rs.getLong(1) : 16L * 1024 * 1024;
        }
    }

    /** Exact row counts, in the transaction (and so the snapshot) of {@code c}; cancellable. */
    static List<BackupManifest.TableCount> count(Connection c, List<TableName> tables, JobContext job) throws SQLException {
        List<BackupManifest.TableCount> out = new ArrayList<>();
        for (TableName t : tables) {
            job.checkCancelled();
            try (Statement st = c.createStatement()) {
                job.onCancel(() -> {
                    try {
                        st.cancel();
                    } catch (SQLException ignored) {
                        // the statement already ended
                    }
                });
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + t.sql())) {
                    rs.next();
                    out.add(new BackupManifest.TableCount(t.schema(), t.table(), rs.getLong(1)));
                }
            }
        }
        return out;
    }

    /** A setting's value, or null when the server does not know it. */
    static String setting(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT setting FROM pg_settings WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void resetAfterError(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.rollback();
        }
    }
}
