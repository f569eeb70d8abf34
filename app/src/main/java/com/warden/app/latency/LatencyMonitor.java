package com.warden.app.latency;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the probes at a steady rate (1 Hz by default) on a connection of its own, keeps each
 * probe's samples for a rolling window (five minutes), and samples pg_stat_database (TPS, cache
 * hits) every tick and pg_stat_statements every few seconds on the same connection. Listeners get
 * every tick on the monitor's thread; screens batch them. When the server goes away the ticks
 * carry a gap and the monitor reconnects by itself.
 */
public final class LatencyMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LatencyMonitor.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    /**
     * @param rateHz          ticks per second (each tick runs every probe once)
     * @param window          how long samples are kept (the charts' and the summary's span)
     * @param pointWindow     the trailing span each chart point's percentiles cover
     * @param statementsEvery how often pg_stat_statements is sampled
     * @param paramRefresh    how often the samplers draw new parameter values
     */
    public record Settings(double rateHz, Duration window, Duration pointWindow, Duration statementsEvery,
                           Duration paramRefresh, long seed) {
        public Settings {
            if (!(rateHz > 0) || rateHz > 50) {
                throw new com.warden.app.WardenException("A probe rate of " + rateHz + " per second is out of range.",
                        "use a rate above 0 and at most 50 (1 is the default)");
            }
        }

        public static Settings defaults() {
            return new Settings(1.0, Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(5),
                    Duration.ofMinutes(5), 42);
        }

        public Settings withRate(double hz) {
            return new Settings(hz, window, pointWindow, statementsEvery, paramRefresh, seed);
        }

        public Duration period() {
            return Duration.ofNanos((long) (1e9 / rateHz));
        }
    }

    /** A consistent copy of everything the monitor holds, for screens, the CLI and reports. */
    public record Snapshot(Instant at, boolean connected, String connectionMessage, long ticks, long gaps,
                           List<ProbeSummary> probes, Map<String, List<ProbePoint>> points, List<ActivityPoint> activity,
                           StatementsSnapshot statements, List<ProbeCatalog.Problem> problems, double serverCpuMsPerSecond) { }

    private final class ProbeState {
        final Probe probe;
        final RollingWindow window;
        final ArrayDeque<ProbePoint> points = new ArrayDeque<>();
        long errors;
        ProbeRunner.Result last;

        ProbeState(Probe probe) {
            this.probe = probe;
            this.window = new RollingWindow(settings.window());
        }
    }

    private final Supplier<Connection> connector;
    private final List<ProbeCatalog.Problem> problems;
    private final Map<String, ProbeState> states = new LinkedHashMap<>();
    private final ProbeRunner runner;
    private final StatementSampler statementSampler = new StatementSampler();
    private final ActivitySampler activitySampler = new ActivitySampler();
    private final ArrayDeque<ActivityPoint> activity = new ArrayDeque<>();
    private final List<Consumer<LatencyTick>> listeners = new CopyOnWriteArrayList<>();
    private volatile Settings settings;
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> future;
    private StatementsSnapshot statements;
    private long lastStatementsNanos;
    private boolean connected;
    private String connectionMessage = "not started";
    private long ticks;
    private long gaps;
    private boolean inGap;
    private long cpuStartNanos = -1;
    private long cpuStartWall;
    private int cpuPid;
    private double cpuMsPerSecond = Double.NaN;

    public LatencyMonitor(Supplier<Connection> connector, List<Probe> probes, List<ProbeCatalog.Problem> problems,
                          Settings settings) {
        this.connector = connector;
        this.problems = List.copyOf(problems);
        this.settings = settings;
        this.runner = new ProbeRunner(connector, settings.seed(), settings.paramRefresh());
        for (Probe p : probes) {
            states.put(p.id(), new ProbeState(p));
        }
    }

    /** A monitor on its own read-only connection to {@code profile} (application_name warden-latency). */
    public static LatencyMonitor forProfile(com.warden.app.connect.ConnectionProfile profile, com.warden.app.connect.ProfileResolver resolver,
                                            List<Probe> probes, List<ProbeCatalog.Problem> problems, Settings settings) {
        return new LatencyMonitor(ProbeRunner.connector(profile, resolver, "warden-latency"), probes, problems, settings);
    }

    public void addListener(Consumer<LatencyTick> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<LatencyTick> listener) {
        listeners.remove(listener);
    }

    public Settings settings() {
        return settings;
    }

    /** The server process that serves the probes (0 when not connected): for measuring their cost. */
    public int serverPid() {
        return runner.backendPid();
    }

    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "warden-latency-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        schedule();
    }

    /** Changes the rate; takes effect at once. */
    public synchronized void setRate(double hz) {
        settings = settings.withRate(hz);
        if (executor != null) {
            future.cancel(false);
            schedule();
        }
    }

    private void schedule() {
        long period = settings.period().toNanos();
        future = executor.scheduleAtFixedRate(this::safeTick, 0, period, TimeUnit.NANOSECONDS);
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("Latency tick failed", e);
        }
    }

    /** One tick, on the caller's thread: every probe once, then the samplers. Returns what it published. */
    public LatencyTick tick() {
        long now = System.currentTimeMillis();
        List<ProbeSample> samples = new ArrayList<>();
        boolean up = runner.connect();
        String message = up ? "" : "cannot connect to the server; retrying every tick";
        ActivityPoint point = null;
        StatementsSnapshot snapshot = null;
        List<ProbeState> list;
        synchronized (this) {
            list = new ArrayList<>(states.values());
        }
        for (ProbeState s : list) {
            if (!up) {
                samples.add(new ProbeSample(s.probe.id(), ProbeSample.ProbeState.DISCONNECTED, Double.NaN,
                        RollingWindow.Percentiles.EMPTY, message));
                continue;
            }
            ProbeRunner.Result r = runner.run(s.probe);
            if (r.kind() == ProbeRunner.Result.Kind.CONNECTION_LOST) {
                up = false;
                message = "connection lost: " + r.message() + "; reconnecting";
                samples.add(new ProbeSample(s.probe.id(), ProbeSample.ProbeState.DISCONNECTED, Double.NaN,
                        RollingWindow.Percentiles.EMPTY, message));
                continue;
            }
            synchronized (this) {
                s.last = r;
                if (r.kind() == ProbeRunner.Result.Kind.OK) {
                    s.window.record(now, r.nanos() / 1000);
                } else {
                    s.window.prune(now);
                    if (r.kind() == ProbeRunner.Result.Kind.PROBE_ERROR) {
                        s.errors++;
                    }
                }
                RollingWindow.Percentiles recent = s.window.percentiles(now - settings.pointWindow().toMillis());
                ProbeSample.ProbeState state = switch (r.kind()) {
                    case OK -> r.millis() > s.probe.thresholdMs() ? ProbeSample.ProbeState.SLOW : ProbeSample.ProbeState.OK;
                    case PROBE_ERROR -> ProbeSample.ProbeState.ERROR;
                    case NO_PARAMETERS -> ProbeSample.ProbeState.NO_PARAMETERS;
                    case SKIPPED -> ProbeSample.ProbeState.SKIPPED;
                    case CONNECTION_LOST -> ProbeSample.ProbeState.DISCONNECTED;
                };
                double ms = r.kind() == ProbeRunner.Result.Kind.OK ? r.millis() : Double.NaN;
                samples.add(new ProbeSample(s.probe.id(), state, ms, recent, r.message()));
                addPoint(s, new ProbePoint(now, ms, recent.p50(), recent.p95(), recent.p99()), now);
            }
        }
        if (up) {
            try {
                point = activitySampler.sample(runner.connection());
                long t = System.nanoTime();
                if (statements == null || t - lastStatementsNanos >= settings.statementsEvery().toNanos()) {
                    snapshot = statementSampler.sample(runner.connection());
                    lastStatementsNanos = t;
                }
            } catch (SQLException e) {
                LOG.debug("sampling statistics failed: {}", e.getMessage());
                if (ProbeRunner.isConnectionError(e)) {
                    up = false;
                    message = "connection lost: " + ProbeRunner.firstLine(e.getMessage()) + "; reconnecting";
                    runner.close();
                }
            }
        }
        synchronized (this) {
            ticks++;
            if (!up) {
                if (!inGap) {
                    gaps++;
                }
                inGap = true;
                activitySampler.restart();
                cpuStartNanos = -1;
                for (ProbeState s : states.values()) {
                    addPoint(s, new ProbePoint(now, Double.NaN, Double.NaN, Double.NaN, Double.NaN), now);
                }
            } else {
                inGap = false;
                measureCpu();
            }
            connected = up;
            connectionMessage = message;
            if (point != null) {
                activity.addLast(point);
            }
            while (!activity.isEmpty() && activity.peekFirst().at().toEpochMilli() < now - settings.window().toMillis()) {
                activity.removeFirst();
            }
            if (snapshot != null) {
                statements = snapshot;
            }
        }
        LatencyTick tick = new LatencyTick(Instant.ofEpochMilli(now), up, message, samples, point, snapshot);
        for (Consumer<LatencyTick> l : listeners) {
            try {
                l.accept(tick);
            } catch (RuntimeException e) {
                LOG.warn("A latency listener failed", e);
            }
        }
        return tick;
    }

    private void addPoint(ProbeState s, ProbePoint p, long now) {
        ProbePoint lastPoint = s.points.peekLast();
        if (!(Double.isNaN(p.ms()) && lastPoint != null && Double.isNaN(lastPoint.ms()) && Double.isNaN(lastPoint.p95()))) {
            s.points.addLast(p); // one gap marker is enough
        }
        while (!s.points.isEmpty() && s.points.peekFirst().epochMillis() < now - settings.window().toMillis()) {
            s.points.removeFirst();
        }
    }

    /** CPU the probing backend used per second of wall time, when the server runs on this machine. */
    private void measureCpu() {
        int pid = runner.backendPid();
        long cpu = ServerCpu.nanos(pid);
        long wall = System.nanoTime();
        if (cpu < 0) {
            return;
        }
        if (cpuStartNanos < 0 || pid != cpuPid) {
            cpuStartNanos = cpu;
            cpuStartWall = wall;
            cpuPid = pid;
            return;
        }
        double seconds = (wall - cpuStartWall) / 1e9;
        if (seconds > 0.5) {
            cpuMsPerSecond = (cpu - cpuStartNanos) / 1e6 / seconds;
        }
    }

    public synchronized Snapshot snapshot() {
        long now = System.currentTimeMillis();
        List<ProbeSummary> summaries = new ArrayList<>();
        Map<String, List<ProbePoint>> points = new LinkedHashMap<>();
        for (ProbeState s : states.values()) {
            s.window.prune(now);
            RollingWindow.Percentiles p = s.window.percentiles();
            ProbeSummary.Status status;
            String msg = s.last == null ? "" : s.last.message();
            ProbeRunner.Result.Kind kind = s.last == null ? null : s.last.kind();
            if (kind == ProbeRunner.Result.Kind.SKIPPED) {
                status = ProbeSummary.Status.SKIPPED;
            } else if (kind == ProbeRunner.Result.Kind.PROBE_ERROR && p.count() == 0) {
                status = ProbeSummary.Status.ERROR;
            } else if (p.count() == 0) {
                status = ProbeSummary.Status.NO_DATA;
            } else {
                status = p.p95() > s.probe.thresholdMs() ? ProbeSummary.Status.FAIL : ProbeSummary.Status.PASS;
            }
            summaries.add(new ProbeSummary(s.probe.id(), s.probe.name(), s.probe.description(), s.probe.source(),
                    s.probe.thresholdMs(), s.probe.thresholdSource(), p.count(), s.errors, p.p50(), p.p95(), p.p99(), p.max(),
                    status, msg));
            points.put(s.probe.id(), List.copyOf(s.points));
        }
        return new Snapshot(Instant.ofEpochMilli(now), connected, connectionMessage, ticks, gaps, summaries, points,
                List.copyOf(activity), statements, problems, cpuMsPerSecond);
    }

    public List<Probe> probes() {
        List<Probe> list = new ArrayList<>();
        synchronized (this) {
            states.values().forEach(s -> list.add(s.probe));
        }
        return list;
    }

    /**
     * EXPLAIN of every probe with a parameter set its sampler drew, on a connection of its own
     * (the monitor's is busy on its thread).
     */
    public List<ExplainVerdict> explainAll(boolean analyze) {
        List<ExplainVerdict> out = new ArrayList<>();
        try (ProbeRunner side = new ProbeRunner(connector, settings.seed() + 1, settings.paramRefresh())) {
            if (!side.connect()) {
                for (Probe p : probes()) {
                    out.add(ExplainVerdict.failed(p, ExplainVerdict.Verdict.ERROR, "cannot connect to the server"));
                }
                return out;
            }
            Explainer explainer = new Explainer(Explainer.DEFAULT_BIG_TABLE_ROWS, analyze);
            for (Probe p : probes()) {
                out.add(explain(side, explainer, p));
            }
        }
        return out;
    }

    static ExplainVerdict explain(ProbeRunner side, Explainer explainer, Probe p) {
        ProbeRunner.Result r = side.run(p); // draws parameters, proves the probe runs
        if (r.kind() == ProbeRunner.Result.Kind.SKIPPED || r.kind() == ProbeRunner.Result.Kind.NO_PARAMETERS) {
            return ExplainVerdict.failed(p, ExplainVerdict.Verdict.SKIPPED, r.message());
        }
        if (r.kind() != ProbeRunner.Result.Kind.OK) {
            return ExplainVerdict.failed(p, ExplainVerdict.Verdict.ERROR, r.message());
        }
        try {
            ParameterPool pool = side.pool(p.id());
            return explainer.explain(side.connection(), p, pool.draw(new java.util.Random(7)));
        } catch (SQLException e) {
            return ExplainVerdict.failed(p, ExplainVerdict.Verdict.ERROR, ProbeRunner.firstLine(e.getMessage()));
        }
    }

    public void stop() {
        ScheduledExecutorService ex;
        synchronized (this) {
            if (future != null) {
                future.cancel(false);
            }
            ex = executor;
            executor = null;
        }
        if (ex != null) {
            ex.shutdown();
            runner.cancel();
            try {
                if (!ex.awaitTermination(10, TimeUnit.SECONDS)) {
                    ex.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
        runner.close();
    }
}
