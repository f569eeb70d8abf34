package com.warden.app.latency;

import java.time.Instant;
import java.util.List;

/**
 * Everything one tick of the monitor produced. {@code activity} is null when there was nothing to
 * compare with; {@code statements} is null on ticks that did not sample pg_stat_statements.
 */
public record LatencyTick(Instant at, boolean connected, String connectionMessage, List<ProbeSample> samples,
                          ActivityPoint activity, StatementsSnapshot statements) {
    public LatencyTick {
        samples = List.copyOf(samples);
    }
}
