package com.warden.app.latency;

/**
 * A probe over the whole window: its percentiles against its threshold.
 *
 * @param runs    successful runs in the window
 * @param errors  failed runs since the monitor started
 * @param status  PASS (p95 within the threshold), FAIL, ERROR (no successful run, last one failed),
 *                NO_DATA, SKIPPED
 * @param message the last error or why it did not run
 */
public record ProbeSummary(String id, String name, String description, String source, double thresholdMs,
                           String thresholdSource, long runs, long errors, double p50, double p95, double p99, double max,
                           Status status, String message) {

    public enum Status { PASS, FAIL, ERROR, NO_DATA, SKIPPED }

    public boolean overThreshold() {
        return status == Status.FAIL;
    }
}
