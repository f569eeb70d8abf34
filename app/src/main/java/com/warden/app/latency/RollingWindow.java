package com.warden.app.latency;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import org.HdrHistogram.Histogram;

/**
 * The samples of the last few minutes (five by default) for one probe, as (time, microseconds),
 * with percentiles over any trailing part of the window from an HdrHistogram filled on demand.
 * At 1 Hz that is 300 samples: cheaper to keep raw than 300 per-second histograms. Not thread-safe;
 * the monitor's thread owns it.
 */
public final class RollingWindow {
    private final long spanMillis;
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();
    private final Histogram scratch = new Histogram(3_600_000_000L, 3);

    /** Percentiles in milliseconds, and how many samples they are over. */
    public record Percentiles(long count, double p50, double p95, double p99, double max) {
        public static final Percentiles EMPTY = new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    public RollingWindow(Duration span) {
        this.spanMillis = span.toMillis();
    }

    public void record(long epochMillis, long micros) {
        samples.addLast(new long[] {epochMillis, Math.max(1, micros)});
        prune(epochMillis);
    }

    public void prune(long nowMillis) {
        while (!samples.isEmpty() && samples.peekFirst()[0] < nowMillis - spanMillis) {
            samples.removeFirst();
        }
    }

    public int size() {
        return samples.size();
    }

    /** Over the whole window. */
    public Percentiles percentiles() {
        return percentiles(Long.MIN_VALUE);
    }

    /** Over the samples taken at or after {@code fromMillis}. */
    public Percentiles percentiles(long fromMillis) {
        scratch.reset();
        for (Iterator<long[]> it = samples.descendingIterator(); it.hasNext(); ) {
            long[] s = it.next();
            if (s[0] < fromMillis) {
                break;
            }
            scratch.recordValue(Math.min(s[1], scratch.getHighestTrackableValue()));
        }
        if (scratch.getTotalCount() == 0) {
            return Percentiles.EMPTY;
        }
        return of(scratch);
    }

    public static Percentiles of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return Percentiles.EMPTY;
        }
        return new Percentiles(h.getTotalCount(), h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(95) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }
}
