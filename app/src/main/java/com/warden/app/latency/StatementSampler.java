package com.warden.app.latency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples pg_stat_statements for the current database and turns two samples into rates.
 * Aware of resets: when the statistics were reset (pg_stat_statements_info on 14+, or an entry
 * whose calls went down), rates restart from the reset instead of going negative.
 */
public final class StatementSampler {
    private static final int TOP = 20;
    private static final int FETCH = 500;

    private record Raw(String key, String queryId, String role, String query, long calls, double totalMs, long rows,
                       long hit, long read) { }

    private Map<String, Raw> previous;
    private long previousNanos;
    private Instant previousReset;
    private StatementsAvailability availability;
    private long availabilityCheckedNanos;

    public StatementsSnapshot sample(Connection c) throws SQLException {
        long now = System.nanoTime();
        Instant at = Instant.now();
        if (availability == null || !availability.ready() && now - availabilityCheckedNanos > 30_000_000_000L) {
            availability = StatementsAvailability.read(c);
            availabilityCheckedNanos = now;
        }
        if (!availability.ready()) {
            previous = null;
            return StatementsSnapshot.unavailable(at, availability);
        }
        int version = serverVersion(c);
        Instant reset = null;
        if (version >= 140000) {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT stats_reset FROM " + availability.relation() + "_info")) {
                if (rs.next()) {
                    OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
                    reset = t == null ? null : t.toInstant();
                }
            }
        }
        Map<String, Raw> current = new HashMap<>();
        String toplevel = version >= 140000 ? "s.toplevel::text" : "'t'";
        String sql = """
                SELECT s.userid::text || '/' || coalesce(s.queryid::text, '') || '/' || %s AS key, s.queryid::text AS queryid,
                       coalesce(r.rolname, s.userid::text) AS role, s.query, s.calls, s.total_exec_time, s.rows,
                       s.shared_blks_hit, s.shared_blks_read
                  FROM %s s LEFT JOIN pg_roles r ON r.oid = s.userid
                 WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                 ORDER BY s.total_exec_time DESC
                 LIMIT %d""".formatted(toplevel, availability.relation(), FETCH);
        boolean hidden = false;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setQueryTimeout(10);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String query = rs.getString("query");
                    if (query == null || query.equals("<insufficient privilege>")) {
                        hidden = true;
                        query = "<insufficient privilege>";
                    }
                    Raw raw = new Raw(rs.getString("key"), rs.getString("queryid"), rs.getString("role"),
                            query.replaceAll("\\s+", " ").strip(), rs.getLong("calls"), rs.getDouble("total_exec_time"),
                            rs.getLong("rows"), rs.getLong("shared_blks_hit"), rs.getLong("shared_blks_read"));
                    current.put(raw.key(), raw);
                }
            }
        }
        boolean resetDetected = previous != null && reset != null && previousReset != null && reset.isAfter(previousReset);
        double interval = previous == null ? 0 : (now - previousNanos) / 1e9;
        if (resetDetected && reset != null) {
            // only the time since the reset produced the current counters
            interval = Math.max(0.001, Math.min(interval, (at.toEpochMilli() - reset.toEpochMilli()) / 1000.0));
        }
        List<StatementRow> rows = new ArrayList<>();
        int decreased = 0;
        for (Raw r : current.values()) {
            Raw p = previous == null || resetDetected ? null : previous.get(r.key());
            long dCalls;
            double dTotal;
            if (previous == null) {
                dCalls = -1;
                dTotal = Double.NaN;
            } else if (p == null || r.calls() < p.calls()) {
                // new since the last sample, or reset (evicted and re-entered): all of it is recent
                if (p != null) {
                    decreased++;
                }
                dCalls = r.calls();
                dTotal = r.totalMs();
            } else {
                dCalls = r.calls() - p.calls();
                dTotal = r.totalMs() - p.totalMs();
            }
            long blocks = r.hit() + r.read();
            rows.add(new StatementRow(r.queryId(), r.role(), r.query(), r.calls(), r.totalMs(),
                    r.calls() == 0 ? 0 : r.totalMs() / r.calls(), r.rows(), blocks == 0 ? Double.NaN : (double) r.hit() / blocks,
                    dCalls < 0 || interval <= 0 ? Double.NaN : dCalls / interval,
                    dCalls <= 0 ? Double.NaN : dTotal / dCalls, Math.max(0, dCalls)));
        }
        // PostgreSQL 13 has no pg_stat_statements_info: most counters going down means a reset
        if (!resetDetected && previous != null && decreased > 0 && decreased * 2 >= Math.min(current.size(), previous.size())) {
            resetDetected = true;
        }
        previous = current;
        previousNanos = now;
        previousReset = reset;
        List<StatementRow> byTotal = rows.stream().sorted(Comparator.comparingDouble(StatementRow::totalMs).reversed())
                .limit(TOP).toList();
        List<StatementRow> byMean = rows.stream().filter(r -> r.calls() > 0)
                .sorted(Comparator.comparingDouble(StatementRow::meanMs).reversed()).limit(TOP).toList();
        List<StatementRow> byRecent = rows.stream().filter(r -> r.intervalCalls() > 0 && !Double.isNaN(r.intervalMeanMs()))
                .sorted(Comparator.comparingDouble((StatementRow r) -> r.intervalMeanMs() * r.intervalCalls()).reversed())
                .limit(TOP).toList();
        return new StatementsSnapshot(at, true, "", "", interval, resetDetected, reset, byTotal, byMean, byRecent,
                hidden ? "query texts of other roles are hidden: GRANT pg_read_all_stats to see them" : "");
    }

    private static int serverVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW server_version_num")) {
            rs.next();
            return Integer.parseInt(rs.getString(1));
        }
    }
}
