package com.warden.app.demo;

import java.time.Duration;
import java.util.Map;

/** What a seed run wrote, table by table, and how long it took. */
public record SeedReport(Scale scale, long seed, Map<String, Long> rowsPerTable, Duration elapsed) {

    public long totalRows() {
        return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
    }

    public double rowsPerSecond() {
        double seconds = Math.max(0.001, elapsed.toNanos() / 1e9);
        return totalRows() / seconds;
    }

    public long rows(String table) {
        return rowsPerTable.getOrDefault(table, 0L);
    }
}
