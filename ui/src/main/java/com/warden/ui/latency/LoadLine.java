package com.warden.ui.latency;

/** One step of the load drill as the table shows it. */
public record LoadLine(int workers, long operations, double opsPerSecond, double p50, double p95, double p99, double max,
                       long errors) { }
