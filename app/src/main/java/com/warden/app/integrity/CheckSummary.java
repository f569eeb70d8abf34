package com.warden.app.integrity;

/**
 * How one check group went, per mode for the digest groups.
 *
 * @param check     the group's id
 * @param mode      "server" or "client" for versions and images, "" otherwise
 * @param state     done, failed, skipped, stopped or not run
 * @param rows      rows checked
 * @param bytes     content bytes hashed
 * @param elapsedMs wall time spent in the group's tasks (summed over workers)
 * @param findings  findings the group reported (after the re-check)
 * @param note      why it failed or was skipped, or what it could not cover
 */
public record CheckSummary(String check, String mode, String state, long rows, long bytes, long elapsedMs,
                           int findings, String note) {

    public static final String DONE = "done";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";
    public static final String STOPPED = "stopped";
    public static final String NOT_RUN = "not run";

    public String title() {
        CheckGroup g = CheckGroup.ofId(check);
        String name = g == null ? check : g.title();
        return mode == null || mode.isEmpty() ? name : name + " (" + mode + ")";
    }

    /** MB/s over the group's wall time; 0 when it hashed too little (under 1 MB) for a speed to mean anything. */
    public double mbPerSecond() {
        return elapsedMs <= 0 || bytes < 1_000_000 ? 0 : bytes / 1e6 / (elapsedMs / 1000.0);
    }
}
