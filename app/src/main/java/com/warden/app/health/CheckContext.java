package com.warden.app.health;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a check may use: one read-only connection, the limits, and what Warden knows about the
 * server and its own privileges.
 */
public final class CheckContext {
    private final Connection connection;
    private final HealthThresholds thresholds;
    private final Facts facts;
    private final int queryTimeoutSeconds;

    /**
     * @param superuser    the role is a superuser
     * @param readAllStats member of pg_read_all_stats (or pg_monitor): sees every session and statistic
     * @param project      schema core exists
     */
    public record Facts(int versionNum, String version, String user, String database, boolean superuser,
                        boolean readAllStats, boolean project, boolean inRecovery) {
        public boolean seesEverything() {
            return superuser || readAllStats;
        }

        public String grantHint() {
            return "GRANT pg_read_all_stats TO " + user + " (or pg_monitor), or connect as a superuser";
        }
    }

    /**
     * A condition for relation {@code oid}: no ACCESS EXCLUSIVE lock on it is held or queued. Size
     * functions take a share lock and would wait behind one (then fail at lock_timeout); the checks
     * skip such relations and say so instead of hanging the report.
     */
    public static String notExclusivelyLocked(String oid) {
        return "NOT EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock' "
                + "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND l.relation = " + oid + ")";
    }

    CheckContext(Connection connection, HealthThresholds thresholds, Facts facts, int queryTimeoutSeconds) {
        this.connection = connection;
        this.thresholds = thresholds;
        this.facts = facts;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
    }

    public Connection connection() {
        return connection;
    }

    public HealthThresholds thresholds() {
        return thresholds;
    }

    public Threshold threshold(String key) {
        return thresholds.get(key);
    }

    public Facts facts() {
        return facts;
    }

    /** Runs a query with positional parameters and returns its rows. */
    public List<Row> rows(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setQueryTimeout(queryTimeoutSeconds);
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<Row> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (int c = 1; c <= md.getColumnCount(); c++) {
                        Object v = rs.getObject(c);
                        if (v instanceof Array a) {
                            v = a.getArray();
                        } else if (v instanceof java.sql.Timestamp && md.getColumnTypeName(c).equals("timestamptz")) {
                            v = rs.getObject(c, OffsetDateTime.class);
                        }
                        values.put(md.getColumnLabel(c), v);
                    }
                    rows.add(new Row(values));
                }
                return rows;
            }
        }
    }

    public Row row(String sql, Object... params) throws SQLException {
        List<Row> rows = rows(sql, params);
        return rows.isEmpty() ? new Row(Map.of()) : rows.get(0);
    }

    /** One result row, read by column label. */
    public record Row(Map<String, Object> values) {
        public String str(String c) {
            Object v = values.get(c);
            return v == null ? null : v.toString();
        }

        public double dbl(String c) {
            Object v = values.get(c);
            return v == null ? Double.NaN : ((Number) v).doubleValue();
        }

        public long lng(String c) {
            Object v = values.get(c);
            return v == null ? 0 : ((Number) v).longValue();
        }

        public boolean bool(String c) {
            Object v = values.get(c);
            return v != null && (Boolean) v;
        }

        public OffsetDateTime time(String c) {
            Object v = values.get(c);
            return v instanceof OffsetDateTime t ? t : null;
        }

        /** A column of seconds (double precision) as a Duration; null stays null. */
        public Duration seconds(String c) {
            Object v = values.get(c);
            return v == null ? null : Duration.ofMillis(Math.round(((Number) v).doubleValue() * 1000));
        }

        public boolean isNull(String c) {
            return values.get(c) == null;
        }
    }
}
