package com.warden.app.integrity;

import java.time.Duration;

/**
 * Where a running scan is: rows and bytes checked so far, the speed, and the time left.
 *
 * @param phase        what runs now, in words
 * @param rowsDone     version and image rows checked so far
 * @param rowsTotal    the estimate of all such rows (from the planner's statistics; 0 when unknown)
 * @param bytesDone    content bytes hashed so far
 * @param mbPerSecond  recent speed in MB/s (1 MB = 1,000,000 bytes)
 * @param timeLeft     estimate, or null while there is not enough to go on
 * @param fraction     0..1 of the whole run
 * @param findings     findings so far (before the re-check)
 */
public record ScanProgress(String phase, long rowsDone, long rowsTotal, long bytesDone, double mbPerSecond,
                           Duration timeLeft, double fraction, int findings) {

    /** One line for a status bar or a terminal. */
    public String line() {
        StringBuilder s = new StringBuilder(phase);
        if (rowsDone > 0 || rowsTotal > 0) {
            s.append(" · ").append(String.format("%,d", rowsDone));
            if (rowsTotal > 0) {
                s.append(" of ~").append(String.format("%,d", Math.max(rowsTotal, rowsDone)));
            }
            s.append(" rows");
        }
        if (bytesDone > 0) {
            s.append(" · ").append(megabytes(bytesDone));
        }
        if (mbPerSecond >= 1) {
            s.append(String.format(" · %.0f MB/s", mbPerSecond));
        }
        if (timeLeft != null) {
            s.append(" · ").append(clock(timeLeft)).append(" left");
        }
        if (findings > 0) {
            s.append(" · ").append(findings).append(findings == 1 ? " finding" : " findings");
        }
        return s.toString();
    }

    public static String megabytes(long bytes) {
        double mb = bytes / 1_000_000.0;
        if (mb < 1) {
            return String.format("%.0f kB", bytes / 1000.0);
        }
        return mb >= 100 ? String.format("%,.0f MB", mb) : String.format("%.1f MB", mb);
    }

    public static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }
}
