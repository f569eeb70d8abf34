package com.warden.app.latency;

/** One point of a probe's chart: the run's latency and the trailing percentiles; NaN marks a gap. */
public record ProbePoint(long epochMillis, double ms, double p50, double p95, double p99) { }
