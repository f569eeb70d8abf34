package com.warden.app.latency;

import java.util.Map;

/**
 * One step of the load drill: {@code workers} connections running the probes for a while.
 *
 * @param perProbeP95 each probe's p95 at this concurrency, in ms
 */
public record LoadStep(int workers, double seconds, long operations, long errors, double opsPerSecond, double p50, double p95,
                       double p99, double max, Map<String, Double> perProbeP95) { }
