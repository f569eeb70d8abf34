package com.warden.app.latency;

import com.warden.app.WardenException;
import com.warden.app.job.JobContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The load drill of seed 003: for each step, that many workers, each on a connection of its own,
 * run the probes back to back (in turn, with parameters the samplers drew once) for a set time.
 * The first tenth of each step warms up and is not counted. Throughput and latency per step.
 */
public final class LoadDrill {
    public static final List<Integer> DEFAULT_WORKERS = List.of(1, 5, 10, 25, 50);

    private final Supplier<Connection> connector;

    public LoadDrill(Supplier<Connection> connector) {
        this.connector = connector;
    }

    /** A drill whose workers each open a read-only connection to {@code profile} (application_name warden-load). */
    public static LoadDrill forProfile(com.warden.app.connect.ConnectionProfile profile, com.warden.app.connect.ProfileResolver resolver) {
        return new LoadDrill(ProbeRunner.connector(profile, resolver, "warden-load"));
    }

    public LoadDrillResult run(String target, List<Probe> allProbes, List<Integer> workers, Duration step, JobContext job) {
        if (workers.isEmpty() || workers.stream().anyMatch(w -> w < 1 || w > 500)) {
            throw new WardenException("Workers must be between 1 and 500, e.g. --workers 1,5,10,25,50.", null);
        }
        if (step.toMillis() < 500) {
            throw new WardenException("Each load step needs at least 0.5 s; " + step.toMillis() + " ms is too short.",
                    "e.g. --duration 10s");
        }
        List<String> notes = new ArrayList<>();
        List<Probe> probes = new ArrayList<>();
        Map<String, ParameterPool> pools = new LinkedHashMap<>();
        String version;
        try (ProbeRunner sampler = new ProbeRunner(connector, 1, Duration.ofDays(1))) {
            if (!sampler.connect()) {
                throw new WardenException("The load drill cannot connect to the server.", "check that it is running");
            }
            version = scalar(sampler.connection(), "SHOW server_version").split(" ")[0];
            int max = workers.stream().mapToInt(Integer::intValue).max().orElse(1);
            int free = Integer.parseInt(scalar(sampler.connection(), """
                    SELECT current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int
                           - (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')"""));
            if (max > free) {
                throw new WardenException("The drill needs " + max + " connections but the server has " + Math.max(0, free)
                        + " free (max_connections less those in use and reserved).",
                        "lower --workers, or raise max_connections; nothing was run");
            }
            for (Probe p : allProbes) {
                ProbeRunner.Result r = sampler.run(p);
                if (r.kind() == ProbeRunner.Result.Kind.OK) {
                    probes.add(p);
                    pools.put(p.id(), sampler.pool(p.id()));
                } else {
                    notes.add(p.name() + " left out: " + r.message());
                }
            }
        }
        if (probes.isEmpty()) {
            throw new WardenException("No probe can run here, so there is nothing to drill.", String.join("; ", notes));
        }
        List<LoadStep> steps = new ArrayList<>();
        int index = 0;
        for (int n : workers) {
            job.checkCancelled();
            job.progress(index, workers.size(), n + (n == 1 ? " worker" : " workers") + " for " + step.toSeconds() + " s");
            steps.add(step(probes, pools, n, step, job));
            index++;
        }
        job.progress(workers.size(), workers.size(), "done");
        return new LoadDrillResult(Instant.now(), target, version, step.toMillis() / 1000.0,
                probes.stream().map(Probe::name).toList(), steps, notes);
    }

    private LoadStep step(List<Probe> probes, Map<String, ParameterPool> pools, int n, Duration duration, JobContext job) {
        ConcurrentHistogram all = new ConcurrentHistogram(3_600_000_000L, 3);
        Map<String, ConcurrentHistogram> perProbe = new LinkedHashMap<>();
        probes.forEach(p -> perProbe.put(p.id(), new ConcurrentHistogram(3_600_000_000L, 3)));
        AtomicLong ops = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<ProbeRunner> runners = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        long warmupNanos = duration.toNanos() / 10;
        long[] window = new long[2];
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < n; w++) {
            ProbeRunner runner = new ProbeRunner(connector, 100 + w, Duration.ofDays(1));
            pools.forEach(runner::usePool);
            runners.add(runner);
            int offset = w;
            Thread t = new Thread(() -> {
                try {
                    runner.connect();
                    ready.countDown();
                    go.await();
                    int i = offset;
                    while (!stop.get()) {
                        Probe p = probes.get(i++ % probes.size());
                        ProbeRunner.Result r = runner.run(p);
                        long end = System.nanoTime();
                        if (end < window[0]) {
                            continue; // warm-up
                        }
                        if (r.kind() == ProbeRunner.Result.Kind.OK) {
                            long micros = Math.max(1, r.nanos() / 1000);
                            all.recordValue(micros);
                            perProbe.get(p.id()).recordValue(micros);
                            ops.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    runner.close();
                }
            }, "warden-load-" + n + "-" + w);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        job.onCancel(() -> {
            stop.set(true);
            runners.forEach(ProbeRunner::cancel);
        });
        try {
            ready.await();
            long start = System.nanoTime();
            window[0] = start + warmupNanos;
            go.countDown();
            long end = start + duration.toNanos();
            while (System.nanoTime() < end && !job.isCancelled()) {
                Thread.sleep(Math.max(1, Math.min(100, (end - System.nanoTime()) / 1_000_000)));
            }
            stop.set(true);
            window[1] = System.nanoTime();
            for (Thread t : threads) {
                t.join(30_000);
            }
        } catch (InterruptedException e) {
            stop.set(true);
            Thread.currentThread().interrupt();
        }
        job.checkCancelled();
        double seconds = (window[1] - window[0]) / 1e9;
        Histogram h = all.copy();
        Map<String, Double> p95 = new LinkedHashMap<>();
        perProbe.forEach((id, hist) -> p95.put(id, hist.getTotalCount() == 0 ? Double.NaN : hist.getValueAtPercentile(95) / 1000.0));
        RollingWindow.Percentiles p = RollingWindow.of(h);
        return new LoadStep(n, seconds, ops.get(), errors.get(), ops.get() / seconds, p.p50(), p.p95(), p.p99(), p.max(), p95);
    }

    private static String scalar(Connection c, String sql) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new WardenException("The load drill cannot read the server settings: " + e.getMessage(), null, e);
        }
    }
}
