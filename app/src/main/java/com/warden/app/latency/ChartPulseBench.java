package com.warden.app.latency;

import java.time.Duration;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * How the latency benchmark measures the desktop's JavaFX pulses without the engine depending on
 * JavaFX: the ui module registers an implementation through META-INF/services that drives the
 * real latency charts from a live monitor and times every pulse.
 */
public interface ChartPulseBench {

    /**
     * @param pulses            pulses seen
     * @param longestPulseMs    the longest pulse (CSS, layout and the chart redraws on the FX thread)
     * @param p99PulseMs        the 99th percentile pulse
     * @param longestUpdateMs   the longest batched chart update handed to the FX thread
     * @param updates           how many batched updates ran
     * @param points            chart points added in all
     * @param longestCpuMs      the most CPU the FX thread spent on one frame (its own work, whatever the machine's load)
     * @param p99CpuMs          the 99th percentile of that
     * @param longestGapMs      the longest time between two frames
     * @param note              how it ran (toolkit, rate, series)
     */
    record PulseFigures(long pulses, double longestPulseMs, double p99PulseMs, double longestUpdateMs, long updates, long points,
                        double longestCpuMs, double p99CpuMs, double longestGapMs, String note) { }

    /** Shows the charts fed by {@code monitor} (already running) for {@code duration}, measuring every pulse. */
    PulseFigures run(LatencyMonitor monitor, Duration duration) throws Exception;

    static Optional<ChartPulseBench> find() {
        return ServiceLoader.load(ChartPulseBench.class).findFirst();
    }
}
