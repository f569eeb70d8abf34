package com.warden.app.integrity;

import com.warden.app.report.Finding;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the workers of one run share: options, the findings (merged by row), per-check figures,
 * the statements in flight (so a cancel reaches the server), and why the run stopped, if it did.
 */
final class ScanContext {

    /** The digest Warden computed for a version whose recorded digest or size was wrong. */
    record Recomputed(String digestHex, Long length) { }

    /** Figures of one check group in one mode. */
    static final class Stat {
        final CheckGroup group;
        final String mode;
        final AtomicLong rows = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong nanos = new AtomicLong();
        int tasks;
        int tasksDone;
        long firstStart;
        long lastEnd;
        String state = CheckSummary.NOT_RUN;
        final List<String> problems = new ArrayList<>();

        Stat(CheckGroup group, String mode) {
            this.group = group;
            this.mode = mode;
        }
    }

    enum Stop { NONE, CANCELLED, CONNECTION_LOST }

    final IntegrityOptions options;
    final AppScope app;
    /** octet_length(text) is the UTF-8 length only when the database encoding is UTF8. */
    final boolean utf8;
    final int serverMajor;
    final ProgressMeter meter;
    final Map<String, Finding> findings = new ConcurrentHashMap<>();
    final Map<UUID, Recomputed> recomputed = new ConcurrentHashMap<>();
    private final Map<String, Stat> stats = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Set<Statement> active = ConcurrentHashMap.newKeySet();
    private final Set<String> notes = Collections.synchronizedSet(new LinkedHashSet<>());
    private final Map<Integer, ScanTask> running = new ConcurrentHashMap<>();
    private volatile Stop stop = Stop.NONE;
    /** Content bytes the digest checks plan to read: metadata checks weigh in proportion to it. */
    private volatile long contentEstimate;
    private volatile String stoppedAt;
    private volatile Throwable stopCause;

    ScanContext(IntegrityOptions options, AppScope app, boolean utf8, int serverMajor, ProgressMeter meter) {
        this.options = options;
        this.app = app;
        this.utf8 = utf8;
        this.serverMajor = serverMajor;
        this.meter = meter;
    }

    void addContentEstimate(long bytes) {
        contentEstimate += bytes;
    }

    /** Progress weight of a metadata check: a share of the content, so the bar moves evenly at any size. */
    double weight(double shareOfContent) {
        return Math.max(64_000, contentEstimate * shareOfContent);
    }

    // ------------------------------------------------------------ SQL helpers

    /** The byte length of a version's content as stored: cheap, read from the TOAST header. */
    String lengthOf(String textColumn, String bytesColumn) {
        if (textColumn == null) {
            return "octet_length(" + bytesColumn + ")";
        }
        String text = utf8 ? "octet_length(" + textColumn + ")" : "octet_length(convert_to(" + textColumn + ", 'UTF8'))";
        return "coalesce(octet_length(" + bytesColumn + "), " + text + ")";
    }

    /** A statement whose execution a cancel can stop on the server. */
    PreparedStatement prepare(Connection c, String sql) throws SQLException {
        checkStopped();
        PreparedStatement ps = c.prepareStatement(sql, java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY);
        active.add(ps);
        if (stop != Stop.NONE) {
            release(ps);
            throw new ScanStopped();
        }
        return ps;
    }

    void release(Statement st) {
        active.remove(st);
        try {
            st.close();
        } catch (SQLException ignored) {
            // closing a cancelled statement may fail; the connection is rolled back anyway
        }
    }

    void checkStopped() {
        if (stop != Stop.NONE) {
            throw new ScanStopped();
        }
    }

    boolean stopped() {
        return stop != Stop.NONE;
    }

    Stop stopReason() {
        return stop;
    }

    String stoppedAt() {
        return stoppedAt;
    }

    Throwable stopCause() {
        return stopCause;
    }

    /** The user asked to stop: every statement in flight is cancelled on the server. */
    void cancel() {
        stop(Stop.CANCELLED, runningLabels(), null);
    }

    /** What the workers are doing right now, for "stopped at". */
    String runningLabels() {
        List<String> labels = running.values().stream().map(ScanTask::label).distinct().sorted().toList();
        return labels.isEmpty() ? null : String.join(" and ", labels);
    }

    synchronized void stop(Stop reason, String where, Throwable cause) {
        if (stop == Stop.NONE) {
            stop = reason;
            stoppedAt = where;
            stopCause = cause;
        }
        for (Statement st : active) {
            try {
                st.cancel();
            } catch (SQLException | RuntimeException ignored) {
                // best effort: the worker also stops at its next check
            }
        }
    }

    // ------------------------------------------------------------ findings

    void report(Finding f) {
        findings.merge(f.key(), f, ScanContext::merge);
        meter.findings(findings.size());
    }

    static Finding merge(Finding a, Finding b) {
        if (a.seenBy().equals(b.seenBy())) {
            return a;
        }
        Set<String> modes = new TreeSet<>(Collections.reverseOrder());
        modes.addAll(a.seenBy());
        modes.addAll(b.seenBy());
        return a.withSeenBy(List.copyOf(modes));
    }

    List<Finding> findingsOf(CheckGroup group) {
        return findings.values().stream().filter(f -> f.check().equals(group.id())).toList();
    }

    // ------------------------------------------------------------ figures

    Stat stat(CheckGroup group, String mode) {
        return stats.computeIfAbsent(group.id() + "|" + mode, k -> new Stat(group, mode));
    }

    List<Stat> stats() {
        synchronized (stats) {
            return new ArrayList<>(stats.values());
        }
    }

    void planned(ScanTask task) {
        Stat s = stat(task.group(), task.mode());
        synchronized (s) {
            s.tasks++;
        }
    }

    void started(int worker, ScanTask task) {
        running.put(worker, task);
        Stat s = stat(task.group(), task.mode());
        synchronized (s) {
            if (s.state.equals(CheckSummary.NOT_RUN)) {
                s.state = "running";
            }
            if (s.firstStart == 0) {
                s.firstStart = System.nanoTime();
            }
        }
    }

    void finished(int worker, ScanTask task, long nanos, boolean ok, String problem) {
        running.remove(worker);
        Stat s = stat(task.group(), task.mode());
        s.nanos.addAndGet(nanos);
        synchronized (s) {
            s.lastEnd = System.nanoTime();
            if (ok) {
                s.tasksDone++;
            } else if (problem != null) {
                s.problems.add(problem);
            }
            if (s.tasksDone + s.problems.size() >= s.tasks) {
                s.state = s.problems.isEmpty() ? CheckSummary.DONE : CheckSummary.FAILED;
            }
        }
        if (ok) {
            meter.add(task.weight(), 0, 0);
        }
    }

    /** Rows and bytes checked, counted as they stream. */
    void counted(CheckGroup group, String mode, long rows, long bytes) {
        Stat s = stat(group, mode);
        s.rows.addAndGet(rows);
        s.bytes.addAndGet(bytes);
        meter.add(0, rows, bytes);
    }

    Map<Integer, ScanTask> running() {
        return running;
    }

    void note(String text) {
        notes.add(text);
    }

    List<String> notes() {
        synchronized (notes) {
            return new ArrayList<>(notes);
        }
    }

    String appPredicateForVersions(String alias) {
        return app == null ? "" : " AND " + alias + ".file_id IN (SELECT f.id FROM core.files f WHERE f.app_id = ?)";
    }

    String appPredicateForAssets(String alias) {
        return app == null ? "" : " AND " + alias + ".job_id IN (SELECT j.id FROM core.image_jobs j JOIN core.sessions s ON s.id = j.session_id WHERE s.app_id = ?)";
    }

    int bindApp(PreparedStatement ps, int index) throws SQLException {
        if (app != null) {
            ps.setObject(index++, app.id());
        }
        return index;
    }
}
