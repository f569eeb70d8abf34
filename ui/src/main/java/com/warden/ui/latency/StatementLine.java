package com.warden.ui.latency;

/** One pg_stat_statements row as the panel shows it; NaN where there is no figure yet. */
public record StatementLine(String query, String role, long calls, double callsPerSec, double meanMs, double recentMeanMs,
                            double totalMs, double hitPercent) { }
