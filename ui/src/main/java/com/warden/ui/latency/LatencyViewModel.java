package com.warden.ui.latency;

import com.warden.app.WardenException;
import com.warden.app.connect.ConnectionProfile;
import com.warden.app.connect.ProfileResolver;
import com.warden.app.job.JobContext;
import com.warden.app.latency.ActivityPoint;
import com.warden.app.latency.DurationText;
import com.warden.app.latency.ExplainVerdict;
import com.warden.app.latency.LatencyMonitor;
import com.warden.app.latency.LatencyTick;
import com.warden.app.latency.LoadDrill;
import com.warden.app.latency.LoadDrillResult;
import com.warden.app.latency.LoadStep;
import com.warden.app.latency.PerformanceReport;
import com.warden.app.latency.Probe;
import com.warden.app.latency.ProbeCatalog;
import com.warden.app.latency.ProbePoint;
import com.warden.app.latency.ProbeSample;
import com.warden.app.latency.ProbeSummary;
import com.warden.app.latency.ReportWriter;
import com.warden.app.latency.StatementRow;
import com.warden.app.latency.StatementsSnapshot;
import com.warden.ui.common.BackgroundJobs;
import com.warden.ui.common.ErrorReport;
import com.warden.ui.common.JobHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The latency screen's state. Owns a {@link LatencyMonitor} (1 Hz, its own connection) and turns
 * its ticks into chart points, table rows, statements and activity. Ticks arrive on the monitor's
 * thread and wait in a queue; every 50 ms the FX thread takes them all and makes one kind of
 * change: the table (at most once a second), the statements, or as many charts as fit in three
 * milliseconds (at least one). The updates are batched and no frame carries much. The only
 * caller of {@code com.warden.app.latency} in the desktop.
 */
public final class LatencyViewModel {
    static final long WINDOW_MILLIS = Duration.ofMinutes(5).toMillis();
    static final javafx.util.Duration FRAME = javafx.util.Duration.millis(50);
    /** Redraw charts for at most this long per frame; at least one chart is redrawn either way. */
    static final long REDRAW_BUDGET_NANOS = 3_000_000;
    static final List<Double> RATES = List.of(0.5, 1.0, 2.0, 5.0);

    private final BackgroundJobs jobs;
    private final Consumer<Runnable> fx;
    private final Consumer<ErrorReport> errors;
    private final ConnectionProfile profile;
    private final String target;
    private final Path probeFolder;
    private final String serverVersion;
    private final ConcurrentLinkedQueue<LatencyTick> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicReference<LatencyMonitor.Snapshot> latestSnapshot = new AtomicReference<>();
    private final Consumer<LatencyTick> listener = this::onTick;
    private LatencyMonitor monitor;
    private boolean ownsMonitor;
    private Timeline frames;
    private boolean manualFrames;
    private boolean disposed;

    private final ObservableList<ProbeRow> probes = FXCollections.observableArrayList();
    private final ObservableList<ProbeChart> charts = FXCollections.observableArrayList();
    private final Map<String, ProbeChart> chartById = new HashMap<>();
    private final Map<String, ProbeRow> rowById = new HashMap<>();
    private final ActivityChart tps = new ActivityChart("Transactions per second", "per s", ChartLook.P95, WINDOW_MILLIS, false);
    private final ActivityChart cacheHit = new ActivityChart("Cache hit ratio (interval)", "%", ChartLook.P50, WINDOW_MILLIS, true);
    private final LoadChart loadChart = new LoadChart();
    private final List<ChartUpdate> redraws = new ArrayList<>();
    private int redrawCursor;
    /** The table changes at most once a second, whatever the probe rate: each change costs layout. */
    static final long ROWS_EVERY_NANOS = 900_000_000L;
    private long lastRowsNanos;
    private final Map<String, Double> lastRun = new HashMap<>();
    private boolean statementsDirty;

    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper("starting the probes…");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper("");
    private final BooleanProperty paused = new SimpleBooleanProperty(false);
    private final ReadOnlyDoubleWrapper rate = new ReadOnlyDoubleWrapper(1.0);

    private final ObservableList<StatementLine> statements = FXCollections.observableArrayList();
    private final StringProperty statementsMode = new SimpleStringProperty("recent");
    private final ReadOnlyStringWrapper statementsProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statementsHowTo = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statementsNote = new ReadOnlyStringWrapper("waiting for the first sample…");
    private StatementsSnapshot lastStatements;

    private final Map<String, ExplainVerdict> plans = new LinkedHashMap<>();
    private final ReadOnlyBooleanWrapper explaining = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    private final StringProperty loadWorkers = new SimpleStringProperty("1,5,10,25,50");
    private final StringProperty loadDuration = new SimpleStringProperty("10s");
    private final ReadOnlyBooleanWrapper loadRunning = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper loadProgress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper loadMessage = new ReadOnlyStringWrapper("");
    private final ObservableList<LoadLine> loadLines = FXCollections.observableArrayList();
    private LoadDrillResult lastLoad;
    private JobHandle loadJob = JobHandle.NONE;

    private long updates;
    private long pointsAdded;
    private long longestUpdateNanos;
    private LongConsumer updateHook = n -> { };

    /**
     * @param fx          how to get onto the FX thread (Platform::runLater; Runnable::run in tests)
     * @param probeFolder the user's own probes (the config folder's probes), next to the built-in ones
     */
    public LatencyViewModel(BackgroundJobs jobs, Consumer<Runnable> fx, Consumer<ErrorReport> errors,
                            ConnectionProfile profile, String serverVersion, Path probeFolder) {
        this.serverVersion = serverVersion == null ? "" : serverVersion;
        this.jobs = jobs;
        this.fx = fx;
        this.errors = errors;
        this.profile = profile;
        this.target = profile == null ? "" : profile.safeUri();
        this.probeFolder = probeFolder;
        redraws.add(tps);
        redraws.add(cacheHit);
    }

    /** Loads the probes and starts the monitor (its own connection, 1 Hz); returns at once. */
    public void start() {
        jobs.run("Loading the latency probes…", job -> ProbeCatalog.load(probeFolder, true), loaded -> {
            if (disposed) {
                return;
            }
            LatencyMonitor m = LatencyMonitor.forProfile(profile, ProfileResolver.system(), loaded.probes(), loaded.problems(),
                    LatencyMonitor.Settings.defaults().withRate(rate.get()));
            ownsMonitor = true;
            attach(m);
            m.start();
            explain();
        }, error -> {
            ErrorReport report = ErrorReport.handled("Latency probes", error);
            connection.set(report.line());
            errors.accept(report);
        });
    }

    /** Shows a monitor someone else runs (the benchmark): charts from its history, then live. */
    public void attach(LatencyMonitor m) {
        monitor = m;
        LatencyMonitor.Snapshot snap = m.snapshot();
        List<String> bad = new ArrayList<>();
        snap.problems().forEach(p -> bad.add(p.message()));
        problems.set(String.join("\n", bad));
        Map<String, ProbeSummary> summaries = new HashMap<>();
        snap.probes().forEach(p -> summaries.put(p.id(), p));
        for (Probe p : m.probes()) {
            ProbeRow row = new ProbeRow(p.id(), p.name(), p.description(), number(p.thresholdMs()));
            ProbeChart chart = new ProbeChart(p.id(), p.name(), p.thresholdMs(), WINDOW_MILLIS);
            for (ProbePoint point : snap.points().getOrDefault(p.id(), List.of())) {
                chart.queue(point.epochMillis(), point.ms(), point.p50(), point.p95(), point.p99());
            }
            rowById.put(p.id(), row);
            chartById.put(p.id(), chart);
            probes.add(row);
            charts.add(chart);
            redraws.add(chart);
            if (summaries.containsKey(p.id())) {
                update(row, summaries.get(p.id()));
            }
        }
        m.addListener(listener);
        if (frames == null && !manualFrames) {
            try {
                frames = new Timeline(new KeyFrame(FRAME, e -> frame()));
                frames.setCycleCount(Timeline.INDEFINITE);
                frames.play();
            } catch (IllegalStateException | ExceptionInInitializerError | NoClassDefFoundError noToolkit) {
                frames = null; // view-model tests call frame() themselves
            }
        }
    }

    /** For view-model tests: no Timeline; the test calls {@link #frame()} itself. */
    void manualFrames() {
        manualFrames = true;
    }

    /** On the monitor's thread: queue the tick and keep the newest whole-window summary. */
    private void onTick(LatencyTick tick) {
        inbox.add(tick);
        latestSnapshot.set(monitor.snapshot());
    }

    /** One frame on the FX thread: apply every waiting tick, then redraw charts within the budget. */
    void frame() {
        long t0 = System.nanoTime();
        LatencyTick tick;
        boolean work = false;
        while ((tick = inbox.poll()) != null) {
            apply(tick);
            work = true;
        }
        // one kind of change per frame, so no frame carries the table, the statements and charts at once
        if (!paused.get() && t0 - lastRowsNanos >= ROWS_EVERY_NANOS && latestSnapshot.get() != null) {
            lastRowsNanos = t0;
            LatencyMonitor.Snapshot snap = latestSnapshot.getAndSet(null);
            for (ProbeSummary s : snap.probes()) {
                ProbeRow row = rowById.get(s.id());
                if (row != null) {
                    update(row, s);
                    Double last = lastRun.remove(s.id());
                    if (last != null) {
                        row.last.set(number(last));
                    }
                }
            }
            work = true;
        } else if (statementsDirty && !paused.get()) {
            statementsDirty = false;
            showStatements();
            work = true;
        } else if (!paused.get()) {
            for (int i = 0; i < redraws.size(); i++) {
                ChartUpdate c = redraws.get((redrawCursor + i) % redraws.size());
                if (c.dirty()) {
                    if (c instanceof ProbeChart pc) {
                        pointsAdded += pc.pendingPoints();
                    }
                    c.flush();
                    work = true;
                    if (System.nanoTime() - t0 > REDRAW_BUDGET_NANOS) {
                        redrawCursor = (redrawCursor + i + 1) % redraws.size();
                        break;
                    }
                }
            }
        }
        if (work) {
            long took = System.nanoTime() - t0;
            updates++;
            longestUpdateNanos = Math.max(longestUpdateNanos, took);
            updateHook.accept(took);
        }
    }

    private void apply(LatencyTick tick) {
        long t = tick.at().toEpochMilli();
        connected.set(tick.connected());
        String line = tick.connected() ? "connected · probing at " + trim(rate.get()) + " Hz on its own connection"
                : tick.connectionMessage();
        if (!line.equals(connection.get())) {
            connection.set(line);
        }
        for (ProbeSample s : tick.samples()) {
            ProbeChart chart = chartById.get(s.probeId());
            if (chart != null) {
                chart.queue(t, s.ms(), s.recent().p50(), s.recent().p95(), s.recent().p99());
            }
            ProbeRow row = rowById.get(s.probeId());
            if (row != null && !paused.get()) {
                if (!Double.isNaN(s.ms())) {
                    lastRun.put(s.probeId(), s.ms());
                }
                if (s.state() == ProbeSample.ProbeState.DISCONNECTED && !"disconnected".equals(row.status.get())) {
                    row.status.set("disconnected");
                } else if ((s.state() == ProbeSample.ProbeState.ERROR || s.state() == ProbeSample.ProbeState.NO_PARAMETERS)
                        && !s.message().equals(row.message.get())) {
                    row.message.set(s.message());
                }
            }
        }
        ActivityPoint a = tick.activity();
        if (a != null) {
            tps.queue(t, a.reset() ? Double.NaN : a.tps());
            cacheHit.queue(t, a.reset() || Double.isNaN(a.cacheHitRatio()) ? Double.NaN : a.cacheHitRatio() * 100);
        } else if (!tick.connected()) {
            tps.queue(t, Double.NaN);
            cacheHit.queue(t, Double.NaN);
        }
        if (tick.statements() != null) {
            lastStatements = tick.statements();
            statementsDirty = true;
        }
    }

    private static void update(ProbeRow row, ProbeSummary s) {
        row.p50.set(number(s.p50()));
        row.p95.set(number(s.p95()));
        row.p99.set(number(s.p99()));
        row.status.set(switch (s.status()) {
            case PASS -> "pass";
            case FAIL -> "over";
            case ERROR -> "error";
            case NO_DATA -> "no data";
            case SKIPPED -> "skipped";
        });
        row.message.set(s.status() == ProbeSummary.Status.PASS || s.status() == ProbeSummary.Status.FAIL ? "" : s.message());
    }

    private void showStatements() {
        StatementsSnapshot s = lastStatements;
        if (s == null) {
            return;
        }
        if (!s.available()) {
            statementsProblem.set(s.problem());
            statementsHowTo.set(s.howToEnable());
            statementsNote.set("");
            statements.clear();
            return;
        }
        statementsProblem.set("");
        statementsHowTo.set("");
        List<StatementRow> rows = switch (statementsMode.get()) {
            case "total" -> s.byTotal();
            case "mean" -> s.byMean();
            default -> s.byRecent();
        };
        statements.setAll(rows.stream().map(r -> new StatementLine(r.query(), r.role(), r.calls(), r.callsPerSec(), r.meanMs(),
                r.intervalMeanMs(), r.totalMs(), r.hitRatio() * 100)).toList());
        String note = s.intervalSeconds() > 0 ? String.format(Locale.ROOT, "rates over the last %.0f s", s.intervalSeconds())
                : "rates from the next sample on";
        if (s.resetDetected()) {
            note = "the statistics were reset since the previous sample: rates count from the reset";
        }
        if (!s.partialNote().isEmpty()) {
            note += "; " + s.partialNote();
        }
        statementsNote.set(note);
    }

    /** EXPLAIN of every probe, off the FX thread, on a connection of its own. */
    public void explain() {
        if (monitor == null || explaining.get()) {
            return;
        }
        explaining.set(true);
        LatencyMonitor m = monitor;
        jobs.run("Explaining the probes' plans…", job -> m.explainAll(false), verdicts -> {
            plans.clear();
            for (ExplainVerdict v : verdicts) {
                plans.put(v.probeId(), v);
                ProbeRow row = rowById.get(v.probeId());
                if (row != null) {
                    row.plan.set(v.verdict().name().toLowerCase(Locale.ROOT) + ": " + v.summary());
                }
            }
            long flagged = verdicts.stream().filter(v -> v.verdict() == ExplainVerdict.Verdict.FLAGGED).count();
            message.set(flagged == 0 ? "Plans: no probe scans a big table sequentially."
                    : "Plans: " + flagged + " probe" + (flagged == 1 ? " scans" : "s scan") + " a big table sequentially.");
            explaining.set(false); // last: listeners read the plans
        }, error -> {
            explaining.set(false);
            message.set(ErrorReport.handled("Explain", error).line());
        });
    }

    /** The plan of one probe as text: its verdict, then its nodes. */
    public String planText(String probeId) {
        ExplainVerdict v = plans.get(probeId);
        if (v == null) {
            return explaining.get() ? "Explaining…" : "No plan yet: press Explain plans.";
        }
        return v.verdict() + ": " + v.summary() + (v.plan().isEmpty() ? "" : "\n\n" + v.plan());
    }

    public void setRate(double hz) {
        if (!RATES.contains(hz) || monitor == null) {
            return;
        }
        rate.set(hz);
        monitor.setRate(hz);
    }

    public void resetZoom() {
        charts.forEach(ProbeChart::resetZoom);
    }

    /** Writes the performance report (HTML and JSON side by side) in the background. */
    public void exportReport(Path file) {
        if (monitor == null) {
            return;
        }
        LatencyMonitor m = monitor;
        List<ExplainVerdict> planList = new ArrayList<>(plans.values());
        LoadDrillResult load = lastLoad;
        double hz = rate.get();
        jobs.run("Writing the performance report…", job -> {
            LatencyMonitor.Snapshot snap = m.snapshot();
            return ReportWriter.write(PerformanceReport.of(snap, target, serverVersion, WINDOW_MILLIS / 1000.0, hz, planList, load), file);
        }, written -> message.set("Report written: " + written.get(0) + " and " + written.get(1).getFileName()),
                error -> message.set(ErrorReport.handled("Performance report", error).line()));
    }

    /** The load drill: the worker counts and time per step from the form, in the background with progress. */
    public void runLoad() {
        if (loadRunning.get() || monitor == null || profile == null) {
            return;
        }
        List<Integer> workers;
        Duration step;
        try {
            workers = DurationText.workers(loadWorkers.get());
            step = DurationText.parse(loadDuration.get(), "The time per step");
        } catch (WardenException e) {
            loadMessage.set(e.line());
            return;
        }
        List<Probe> list = monitor.probes();
        loadRunning.set(true);
        loadProgress.set(0);
        loadMessage.set("Starting " + workers + " workers, " + step.toSeconds() + " s each…");
        loadJob = jobs.run("Load drill…", job -> LoadDrill.forProfile(profile, ProfileResolver.system())
                        .run(target, list, workers, step, progressTo(job)),
                result -> {
                    loadRunning.set(false);
                    loadProgress.set(1);
                    lastLoad = result;
                    loadLines.setAll(result.steps().stream().map(s -> new LoadLine(s.workers(), s.operations(), s.opsPerSecond(),
                            s.p50(), s.p95(), s.p99(), s.max(), s.errors())).toList());
                    loadChart.clear();
                    for (LoadStep s : result.steps()) {
                        loadChart.add(s.workers(), s.opsPerSecond(), s.p95());
                    }
                    loadMessage.set("Done: " + result.steps().size() + " steps" + (result.notes().isEmpty() ? ""
                            : "; " + String.join("; ", result.notes())));
                }, error -> {
                    loadRunning.set(false);
                    loadMessage.set(ErrorReport.handled("Load drill", error).line());
                });
    }

    /** Progress of the drill to the tab's bar (and on to the status bar). */
    private JobContext progressTo(JobContext job) {
        return new JobContext() {
            @Override
            public void progress(long done, long total, String text) {
                job.progress(done, total, text);
                fx.accept(() -> {
                    loadProgress.set(total <= 0 ? -1 : (double) done / total);
                    loadMessage.set(text);
                });
            }

            @Override
            public boolean isCancelled() {
                return job.isCancelled();
            }

            @Override
            public void onCancel(Runnable action) {
                job.onCancel(action);
            }
        };
    }

    public void cancelLoad() {
        loadJob.cancel();
    }

    public void dispose() {
        disposed = true;
        if (frames != null) {
            frames.stop();
        }
        loadJob.cancel();
        LatencyMonitor m = monitor;
        if (m != null) {
            m.removeListener(listener);
            if (ownsMonitor) {
                Thread stopper = new Thread(m::close, "warden-latency-stop");
                stopper.setDaemon(true);
                stopper.start();
            }
        }
    }

    /** Called with each batched update's duration on the FX thread (the benchmark listens). */
    public void onUpdate(LongConsumer hook) {
        updateHook = hook == null ? n -> { } : hook;
    }

    public long updates() {
        return updates;
    }

    public long pointsAdded() {
        return pointsAdded;
    }

    public double longestUpdateMs() {
        return longestUpdateNanos / 1e6;
    }

    /** Milliseconds for the table (the header says ms): 0.412, 12.3, 250. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return String.format(Locale.ROOT, v < 1 ? "%.3f" : v < 100 ? "%.2f" : "%.0f", v);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    public ObservableList<ProbeRow> probes() {
        return probes;
    }

    public ObservableList<ProbeChart> charts() {
        return charts;
    }

    public ActivityChart tpsChart() {
        return tps;
    }

    public ActivityChart cacheHitChart() {
        return cacheHit;
    }

    public LoadChart loadChart() {
        return loadChart;
    }

    public ReadOnlyStringProperty connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** Freezes the charts and the table (the probes keep running; resuming catches up). */
    public BooleanProperty pausedProperty() {
        return paused;
    }

    public ReadOnlyDoubleProperty rateProperty() {
        return rate.getReadOnlyProperty();
    }

    public ObservableList<StatementLine> statements() {
        return statements;
    }

    /** recent, total or mean: which top list the panel shows. */
    public void showStatementsBy(String mode) {
        statementsMode.set(mode);
        showStatements();
    }

    public ReadOnlyStringProperty statementsProblemProperty() {
        return statementsProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statementsHowToProperty() {
        return statementsHowTo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statementsNoteProperty() {
        return statementsNote.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty explainingProperty() {
        return explaining.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public StringProperty loadWorkersProperty() {
        return loadWorkers;
    }

    public StringProperty loadDurationProperty() {
        return loadDuration;
    }

    public ReadOnlyBooleanProperty loadRunningProperty() {
        return loadRunning.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty loadProgressProperty() {
        return loadProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadMessageProperty() {
        return loadMessage.getReadOnlyProperty();
    }

    public ObservableList<LoadLine> loadLines() {
        return loadLines;
    }

    public boolean canRunLoad() {
        return profile != null;
    }
}
