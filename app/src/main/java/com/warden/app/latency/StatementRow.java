package com.warden.app.latency;

/**
 * One pg_stat_statements entry: its totals since the entry began, and its rates over the
 * interval since the previous sample (NaN on the first sample).
 *
 * @param queryId       pg_stat_statements' queryid
 * @param role          the role that ran it
 * @param query         the normalised text (constants as $1 …), one line
 * @param calls         calls since the entry (or the statistics) began
 * @param totalMs       total execution time
 * @param meanMs        mean execution time
 * @param rows          rows returned or affected
 * @param hitRatio      shared-buffer hit ratio of its block accesses (NaN when it touched none)
 * @param callsPerSec   calls per second over the last interval
 * @param intervalMeanMs mean execution time of the calls in the last interval
 * @param intervalCalls calls in the last interval
 */
public record StatementRow(String queryId, String role, String query, long calls, double totalMs, double meanMs, long rows,
                           double hitRatio, double callsPerSec, double intervalMeanMs, long intervalCalls) { }
