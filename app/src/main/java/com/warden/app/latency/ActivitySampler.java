package com.warden.app.latency;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

/** Turns successive pg_stat_database samples into TPS and cache-hit points; aware of resets. */
public final class ActivitySampler {
    private long[] previous;
    private long previousNanos;
    private OffsetDateTime previousReset;

    /** Null on the first sample (nothing to compare with yet). */
    public ActivityPoint sample(Connection c) throws SQLException {
        long now = System.nanoTime();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT xact_commit + xact_rollback AS xacts, blks_hit, blks_read, stats_reset
                       FROM pg_stat_database WHERE datname = current_database()""")) {
            rs.next();
            long[] cur = {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
            OffsetDateTime reset = rs.getObject(4, OffsetDateTime.class);
            long[] prev = previous;
            double seconds = (now - previousNanos) / 1e9;
            boolean wasReset = prev != null && (!Objects.equals(reset, previousReset) || cur[0] < prev[0] || cur[1] < prev[1]);
            previous = cur;
            previousNanos = now;
            previousReset = reset;
            if (prev == null) {
                return null;
            }
            if (wasReset || seconds <= 0) {
                return new ActivityPoint(Instant.now(), Double.NaN, Double.NaN, Double.NaN, true);
            }
            long hit = cur[1] - prev[1];
            long read = cur[2] - prev[2];
            return new ActivityPoint(Instant.now(), (cur[0] - prev[0]) / seconds,
                    hit + read == 0 ? Double.NaN : (double) hit / (hit + read), (hit + read) / seconds, false);
        }
    }

    /** After a lost connection: the next sample starts over instead of spanning the gap. */
    public void restart() {
        previous = null;
    }
}
