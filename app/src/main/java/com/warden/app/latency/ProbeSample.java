package com.warden.app.latency;

/**
 * One probe's result in one tick: the latency of this run (NaN when it did not run), and the
 * p50/p95/p99 of the trailing point window (what the charts draw).
 */
public record ProbeSample(String probeId, ProbeState state, double ms, RollingWindow.Percentiles recent, String message) {

    public enum ProbeState {
        OK,
        /** Ran, but slower than its threshold. */
        SLOW,
        ERROR,
        NO_PARAMETERS,
        SKIPPED,
        /** No connection: a gap in the chart. */
        DISCONNECTED
    }
}
