package com.warden.app.latency;

import java.time.Instant;

/**
 * Database-wide rates between two samples of pg_stat_database: transactions per second and the
 * shared-buffer hit ratio of the blocks read in the interval (NaN when no block was read).
 * {@code reset} marks a statistics reset or a gap: no rate for that interval.
 */
public record ActivityPoint(Instant at, double tps, double cacheHitRatio, double blocksPerSec, boolean reset) { }
