package com.warden.ui.latency;

import com.warden.app.latency.ChartPulseBench;
import com.warden.app.latency.LatencyMonitor;
import com.warden.ui.common.FxBackgroundJobs;
import com.warden.ui.common.Themes;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.HdrHistogram.Histogram;

/**
 * The benchmark's view of the desktop: the real latency screen (FXML, controller, view-model,
 * JFreeChart viewers) fed by a running monitor, in a window, with every pulse timed on the FX
 * thread. A pulse here is the animation phase (the view-model's batched chart update runs there,
 * from its Timeline) plus CSS and layout, from the scene's pre- and post-layout pulse listeners.
 * The first ten seconds (window opening, first CSS pass, JIT compilation of the chart code) are not counted.
 */
public final class LatencyPulseBench implements ChartPulseBench {
    private static final long WARM_UP_NANOS = 10_000_000_000L;

    private final Histogram pulses = new Histogram(60_000_000L, 3);
    private final Histogram cpu = new Histogram(60_000_000L, 3);
    private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    private long lastCpu = -1;
    private long longestLayoutNanos;
    private long longestAnimationNanos;
    private long animationNanos;
    private long layoutStart;
    private long countFrom;
    private long lastFrame;
    private long longestGapNanos;

    @Override
    public PulseFigures run(LatencyMonitor monitor, Duration duration) throws Exception {
        CountDownLatch up = new CountDownLatch(1);
        boolean startedHere = true;
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            startedHere = false;
            up.countDown();
        }
        up.await();
        Platform.setImplicitExit(false);
        FxBackgroundJobs jobs = new FxBackgroundJobs("warden-bench", 1);
        AtomicReference<Stage> stage = new AtomicReference<>();
        AtomicReference<LatencyViewModel> model = new AtomicReference<>();
        AtomicReference<AnimationTimer> frames = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                Themes.apply(false);
                LatencyViewModel vm = new LatencyViewModel(jobs, Platform::runLater, e -> { }, null, "", null);
                vm.attach(monitor);
                vm.onUpdate(n -> animationNanos += n);
                Parent view = LatencyScreen.view(vm);
                Scene scene = new Scene(view, 1440, 900);
                Themes.style(scene);
                scene.addPreLayoutPulseListener(() -> layoutStart = System.nanoTime());
                scene.addPostLayoutPulseListener(() -> {
                    long now = System.nanoTime();
                    long pulse = now - layoutStart + animationNanos;
                    if (now >= countFrom) {
                        longestLayoutNanos = Math.max(longestLayoutNanos, now - layoutStart);
                        longestAnimationNanos = Math.max(longestAnimationNanos, animationNanos);
                    }
                    animationNanos = 0;
                    // CPU the FX thread spent since the previous pulse ended: its own work, whatever the
                    // machine's load (wall time on a busy shared machine also counts waiting for a core)
                    long cpuNow = threads.getCurrentThreadCpuTime();
                    if (now >= countFrom) {
                        pulses.recordValue(Math.min(pulses.getHighestTrackableValue(), Math.max(1, pulse / 1000)));
                        if (lastCpu >= 0) {
                            cpu.recordValue(Math.min(cpu.getHighestTrackableValue(), Math.max(1, (cpuNow - lastCpu) / 1000)));
                        }
                    }
                    lastCpu = cpuNow;
                });
                AnimationTimer timer = new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        if (lastFrame > 0 && now >= countFrom) {
                            longestGapNanos = Math.max(longestGapNanos, now - lastFrame);
                        }
                        lastFrame = now;
                    }
                };
                Stage s = new Stage();
                s.setTitle("Warden — latency pulse benchmark");
                s.setScene(scene);
                countFrom = System.nanoTime() + WARM_UP_NANOS;
                s.show();
                timer.start();
                stage.set(s);
                model.set(vm);
                frames.set(timer);
            } catch (RuntimeException | Error e) {
                failure.set(e);
            } finally {
                shown.countDown();
            }
        });
        shown.await();
        if (failure.get() != null) {
            throw new IllegalStateException("the latency screen did not open: " + failure.get(), failure.get());
        }
        Thread.sleep(WARM_UP_NANOS / 1_000_000 + duration.toMillis());
        CountDownLatch closed = new CountDownLatch(1);
        double[] figures = new double[9];
        Platform.runLater(() -> {
            try {
                frames.get().stop();
                LatencyViewModel vm = model.get();
                vm.dispose();
                stage.get().close();
                figures[0] = pulses.getTotalCount();
                figures[1] = pulses.getMaxValue() / 1000.0;
                figures[2] = pulses.getValueAtPercentile(99) / 1000.0;
                figures[3] = vm.longestUpdateMs();
                figures[4] = vm.updates();
                figures[5] = vm.pointsAdded();
                figures[6] = cpu.getMaxValue() / 1000.0;
                figures[7] = cpu.getValueAtPercentile(99) / 1000.0;
                figures[8] = longestGapNanos / 1e6;
            } finally {
                closed.countDown();
            }
        });
        closed.await(30, TimeUnit.SECONDS);
        jobs.shutdown();
        if (startedHere) {
            Platform.exit();
        }
        String note = String.format(java.util.Locale.ROOT, "%d probe charts + 2 activity charts, 1440x900, %s pipeline; "
                        + "pulse = animation phase (batched chart update) + CSS + layout (wall time); FX-thread CPU per frame: "
                        + "longest %.1f ms, p99 %.1f ms, median %.2f ms; longest gap between frames %.1f ms; longest parts: chart "
                        + "updates %.1f ms, CSS and layout %.1f ms; %d of %d pulses over 16 ms (wall), %d over 16 ms of CPU; first 10 s not counted",
                monitor.probes().size(), System.getProperty("prism.order", "default"), cpu.getMaxValue() / 1000.0,
                cpu.getValueAtPercentile(99) / 1000.0, cpu.getValueAtPercentile(50) / 1000.0, longestGapNanos / 1e6,
                longestAnimationNanos / 1e6, longestLayoutNanos / 1e6,
                pulses.getCountBetweenValues(16_001, pulses.getHighestTrackableValue()), pulses.getTotalCount(),
                cpu.getCountBetweenValues(16_001, cpu.getHighestTrackableValue()));
        return new PulseFigures((long) figures[0], figures[1], figures[2], figures[3], (long) figures[4], (long) figures[5],
                figures[6], figures[7], figures[8], note);
    }
}
