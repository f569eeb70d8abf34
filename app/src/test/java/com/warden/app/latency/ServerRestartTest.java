package com.warden.app.latency;

import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.connect.ProfileResolver;
import com.warden.app.demo.EmbeddedServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A real restart of the server under a running monitor: the ticks during the outage carry a gap,
 * and the monitor reconnects by itself when the server is back. This test needs a server it may
 * stop, so it starts its own (same data folder and port before and after), not the suite's shared one.
 */
class ServerRestartTest {

    @Test
    void aServerRestartLeavesAGapAndTheChartResumesByItself() throws Exception {
        Path folder = Files.createTempDirectory("warden-restart-");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        EmbeddedServer server = EmbeddedServer.start(folder.resolve("data"), port);
        List<LatencyTick> ticks = new CopyOnWriteArrayList<>();
        Probe roundTrip = ProbeCatalog.builtIn().probes().stream().filter(p -> p.id().equals("900_round_trip")).findFirst().orElseThrow();
        LatencyMonitor monitor = new LatencyMonitor(
                ProbeRunner.connector(server.profile("postgres"), ProfileResolver.system(), "warden-latency-test"),
                List.of(roundTrip), List.of(), LatencyMonitor.Settings.defaults().withRate(10));
        monitor.addListener(ticks::add);
        try {
            monitor.start();
            waitFor(() -> ticks.stream().filter(LatencyTick::connected).count() >= 3);

            server.close();
            int before = ticks.size();
            waitFor(() -> ticks.stream().skip(before).filter(t -> !t.connected()).count() >= 3);

            server = EmbeddedServer.start(folder.resolve("data"), port);
            int down = ticks.size();
            waitFor(() -> ticks.stream().skip(down).filter(LatencyTick::connected).count() >= 3);
        } finally {
            monitor.close();
            server.close();
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // temp folder
            }
        }
        // connected, then a run of disconnected ticks (NaN: the gap), then connected again
        List<Boolean> states = ticks.stream().map(LatencyTick::connected).toList();
        int firstDown = states.indexOf(false);
        int backUp = states.subList(firstDown, states.size()).indexOf(true) + firstDown;
        assertThat(firstDown).isPositive();
        assertThat(backUp).isGreaterThan(firstDown);
        assertThat(ticks.get(firstDown).samples().get(0).state()).isEqualTo(ProbeSample.ProbeState.DISCONNECTED);
        assertThat(ticks.get(firstDown).samples().get(0).ms()).isNaN();
        assertThat(ticks.get(firstDown).connectionMessage()).isNotBlank();
        assertThat(ticks.get(ticks.size() - 1).samples().get(0).state()).isIn(ProbeSample.ProbeState.OK, ProbeSample.ProbeState.SLOW);

        LatencyMonitor.Snapshot snap = monitor.snapshot();
        assertThat(snap.gaps()).isEqualTo(1);
        List<ProbePoint> points = snap.points().get("900_round_trip");
        int gap = 0;
        for (int i = 0; i < points.size(); i++) {
            if (Double.isNaN(points.get(i).ms())) {
                gap = i;
                break;
            }
        }
        assertThat(gap).as("a NaN point breaks the line").isPositive();
        assertThat(points.get(gap - 1).ms()).isNotNaN();
        assertThat(points.get(points.size() - 1).ms()).isNotNaN();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 60 s");
            }
            Thread.sleep(50);
        }
    }
}
