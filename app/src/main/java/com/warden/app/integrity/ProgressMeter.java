package com.warden.app.integrity;

import com.warden.app.job.JobContext;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Adds up what the workers report and hands a {@link ScanProgress} to the listener at most
 * every 100 ms. Speed is measured over the last few seconds, so the time left follows the
 * scan as it moves from big tables to small ones.
 */
final class ProgressMeter {
    private static final long INTERVAL_NANOS = 100_000_000L;
    private static final long WINDOW_NANOS = 4_000_000_000L;
    private static final long STALLED_NANOS = 2_000_000_000L;

    private final JobContext job;
    private final Consumer<ScanProgress> listener;
    private final long started = System.nanoTime();
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();
    private double totalUnits;
    private double doneUnits;
    private long rowsDone;
    private long rowsTotal;
    private long bytesDone;
    private int findings;
    private String phase = "Starting";
    private long lastSent;
    /** When work last moved: a scan waiting on a lock shows no speed and no time left. */
    private long lastMoved = System.nanoTime();

    ProgressMeter(JobContext job, Consumer<ScanProgress> listener) {
        this.job = job;
        this.listener = listener;
    }

    synchronized void plan(double units, long rows) {
        totalUnits += units;
        rowsTotal += rows;
    }

    synchronized void phase(String text) {
        phase = text;
        send(true);
    }

    synchronized void add(double units, long rows, long bytes) {
        if (units > 0 || rows > 0 || bytes > 0) {
            lastMoved = System.nanoTime();
        }
        doneUnits += units;
        rowsDone += rows;
        bytesDone += bytes;
        send(false);
    }

    synchronized void findings(int count) {
        findings = count;
    }

    synchronized long rowsDone() {
        return rowsDone;
    }

    synchronized long bytesDone() {
        return bytesDone;
    }

    synchronized void finish(String text) {
        phase = text;
        doneUnits = totalUnits;
        send(true);
    }

    synchronized ScanProgress snapshot() {
        long now = System.nanoTime();
        samples.addLast(new long[] {now, bytesDone, (long) (doneUnits * 1000)});
        while (samples.size() > 2 && now - samples.peekFirst()[0] > WINDOW_NANOS) {
            samples.removeFirst();
        }
        long[] first = samples.peekFirst();
        double seconds = (now - first[0]) / 1e9;
        double mbps = 0;
        double unitsPerSecond = 0;
        if (seconds >= 0.2) {
            mbps = (bytesDone - first[1]) / 1e6 / seconds;
            unitsPerSecond = (doneUnits * 1000 - first[2]) / 1000.0 / seconds;
        } else {
            double total = (now - started) / 1e9;
            if (total > 0.05) {
                mbps = bytesDone / 1e6 / total;
                unitsPerSecond = doneUnits / total;
            }
        }
        double fraction = totalUnits <= 0 ? 0 : Math.min(1.0, doneUnits / totalUnits);
        Duration left = null;
        if (now - lastMoved > STALLED_NANOS && fraction < 1.0) {
            return new ScanProgress(phase + " (waiting)", rowsDone, rowsTotal, bytesDone, 0, null, fraction, findings);
        }
        if (unitsPerSecond > 0 && fraction > 0.05 && fraction < 1.0) {
            left = Duration.ofMillis((long) ((totalUnits - doneUnits) / unitsPerSecond * 1000));
        } else if (fraction >= 1.0) {
            left = Duration.ZERO;
        }
        return new ScanProgress(phase, rowsDone, rowsTotal, bytesDone, mbps, left, fraction, findings);
    }

    private void send(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastSent < INTERVAL_NANOS) {
            return;
        }
        lastSent = now;
        ScanProgress p = snapshot();
        if (listener != null) {
            listener.accept(p);
        }
        job.progress(Math.round(p.fraction() * 1000), 1000, p.line());
    }
}
