package com.warden.app.integrity;

import com.warden.app.WardenException;
import com.warden.app.connect.ConnectionErrors;
import com.warden.app.connect.Database;
import com.warden.app.job.JobContext;
import com.warden.app.report.Finding;
import com.warden.app.report.Severity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the integrity checks on one database and returns the report. Read-only throughout:
 * several connections share one exported snapshot and split the big tables between them;
 * every finding is then looked at once more on fresh data before it is reported; a cancel
 * reaches the server (Statement.cancel); a lost connection ends the run with a report that
 * says where it stopped.
 */
public final class IntegrityScanner {
    private static final Logger LOG = LoggerFactory.getLogger(IntegrityScanner.class);
    /** Chunks are small; the long statements are the whole-table checks of big databases. */
    static final long MIN_SCAN_STATEMENT_TIMEOUT_MS = 10 * 60 * 1000L;

    private final Database db;

    public IntegrityScanner(Database db) {
        this.db = db;
    }

    public IntegrityReport run(IntegrityOptions options, JobContext job) {
        return run(options, job, null);
    }

    public IntegrityReport run(IntegrityOptions options, JobContext job, Consumer<ScanProgress> listener) {
        Instant started = Instant.now();
        String runId = UUID.randomUUID().toString();
        ProgressMeter meter = new ProgressMeter(job, listener);
        meter.phase("Connecting");
        long t0 = System.nanoTime();
        Preflight pre = preflight(options);
        LOG.debug("preflight {} ms", (System.nanoTime() - t0) / 1_000_000);
        ScanContext ctx = new ScanContext(options, pre.app(), pre.utf8(), db.server().majorVersion(), meter);
        pre.notes().forEach(ctx::note);
        job.onCancel(ctx::cancel);

        List<Check> checks = checks(options);
        boolean shared = false;
        String chunking = "keys";
        long timeout = Math.max(db.profile().statementTimeout().toMillis(), MIN_SCAN_STATEMENT_TIMEOUT_MS);
        ScanSession.TaskFailureHandler onFailure = (task, error, c) -> failed(ctx, job, task, error, c);
        if (job.isCancelled()) {
            ctx.cancel();
        }
        try {
            meter.phase("Opening " + options.workers() + (options.workers() == 1 ? " connection" : " connections")
                    + " on one snapshot");
            ScanSession session;
            try {
                session = ScanSession.open(db, options.workers(), timeout);
                session.settle(timeout);
                LOG.debug("snapshot on {} connections after {} ms", options.workers(), (System.nanoTime() - t0) / 1_000_000);
            } catch (SQLException e) {
                throw ConnectionErrors.explain(e, db.profile());
            }
            try (session) {
                shared = session.sharedSnapshot();
                if (!shared) {
                    ctx.note("The server did not share one snapshot between the connections; each read its own, "
                            + "and tables were split by key ranges. Findings are re-checked all the same.");
                }
                chunking = TablePlanner.useBlocks(ctx, shared) ? "blocks" : "keys";
                meter.phase("Planning");
                List<ScanTask> later = new ArrayList<>();
                List<ScanTask> first = plan(session.planner(), ctx, checks, onFailure, shared, later);
                LOG.debug("planned {} tasks after {} ms", first.size(), (System.nanoTime() - t0) / 1_000_000);
                if (!ctx.stopped()) {
                    meter.phase("Checking");
                    session.run(first, ctx, onFailure);
                }
                LOG.debug("first phase done after {} ms", (System.nanoTime() - t0) / 1_000_000);
                if (!ctx.stopped()) {
                    meter.phase("Checking head pointers");
                    session.run(later, ctx, onFailure);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ctx.cancel();
        } catch (ScanStopped stopped) {
            // reason and place are in the context
        }
        LOG.debug("scan done after {} ms", (System.nanoTime() - t0) / 1_000_000);
        List<CheckSummary> summaries = summaries(ctx, checks);
        List<Finding> found = new ArrayList<>(ctx.findings.values());
        List<Finding> dropped = new ArrayList<>();
        boolean rechecked = false;
        ScanStatus status = status(ctx, summaries);
        if (status.finished() && options.recheck() && !found.isEmpty()) {
            meter.phase("Re-checking " + found.size() + (found.size() == 1 ? " finding" : " findings") + " on fresh data");
            Recheck result = recheck(ctx, checks, found, job);
            found = result.confirmed();
            dropped = result.dropped();
            rechecked = result.complete();
            status = result.status() != null ? result.status() : status;
        } else if (status.finished()) {
            rechecked = options.recheck();
        }
        if (status == ScanStatus.INTERRUPTED || status == ScanStatus.CANCELLED) {
            ctx.note("Findings below were not re-checked: the run " + (status == ScanStatus.CANCELLED
                    ? "was cancelled" : "lost its connection") + " first.");
        }
        found = places(sameRowOnce(found));
        dropped = places(dropped);
        found.sort(Finding.ORDER);
        Map<String, Integer> perGroup = new HashMap<>();
        found.forEach(f -> perGroup.merge(f.check(), 1, Integer::sum));
        List<CheckSummary> withCounts = new ArrayList<>();
        for (CheckSummary s : summaries) {
            boolean firstOfGroup = withCounts.stream().noneMatch(x -> x.check().equals(s.check()));
            withCounts.add(new CheckSummary(s.check(), s.mode(), s.state(), s.rows(), s.bytes(), s.elapsedMs(),
                    firstOfGroup ? perGroup.getOrDefault(s.check(), 0) : 0, s.note()));
        }
        meter.finish(status == ScanStatus.COMPLETE || status == ScanStatus.PARTIAL ? "Done" : status == ScanStatus.CANCELLED
                ? "Cancelled" : "Stopped: connection lost");
        IntegrityReport.Target target = new IntegrityReport.Target(db.profile().database(), db.profile().host(),
                db.profile().port(), db.profile().user(), db.server().version(),
                pre.app() == null ? null : pre.app().name(), pre.app() == null ? null : pre.app().id().toString());
        List<String> groups = options.groups().stream().sorted().map(CheckGroup::id).toList();
        IntegrityReport report = new IntegrityReport(runId, started, Instant.now(), target, options.mode().label(), groups,
                options.workers(), chunking, shared, status, stoppedAt(ctx, status, withCounts), found, dropped, rechecked,
                withCounts, ctx.notes());
        LOG.info("Integrity run {} on {}: {}", runId, target.label(), report.summaryLine());
        return report;
    }

    /** App names for a picker (the first 1,000, sorted); names used twice are listed once. */
    public List<String> appNames() {
        try (Connection c = db.connection();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT DISTINCT name FROM core.apps ORDER BY name LIMIT 1000")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw ConnectionErrors.explain(e, db.profile());
        }
    }

    // ------------------------------------------------------------ before the scan

    private record Preflight(AppScope app, boolean utf8, List<String> notes) { }

    private Preflight preflight(IntegrityOptions options) {
        try (Connection c = db.connection()) {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("""
                         SELECT to_regnamespace('core') IS NOT NULL,
                                to_regclass('core.file_versions') IS NOT NULL AND to_regclass('core.files') IS NOT NULL
                                AND to_regclass('core.image_assets') IS NOT NULL,
                                current_setting('server_encoding')""")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new WardenException("Not a project database: there is no schema core.",
                            "integrity checks need the project schema; run 'warden migrate' to create it");
                }
                if (!rs.getBoolean(2)) {
                    throw new WardenException("Schema core lacks the files, versions or image tables.",
                            "run 'warden migrate' to bring the project schema up to date");
                }
                boolean utf8 = "UTF8".equalsIgnoreCase(rs.getString(3));
                AppScope app = AppScope.resolve(c, options.app());
                List<String> notes = new ArrayList<>();
                String rls = rlsNote(c);
                if (rls != null) {
                    notes.add(rls);
                }
                return new Preflight(app, utf8, notes);
            }
        } catch (SQLException e) {
            throw ConnectionErrors.explain(e, db.profile());
        }
    }

    /** Row-level security would hide rows from the scan and make it look cleaner than it is. */
    private static String rlsNote(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT string_agg(t.relname, ', ' ORDER BY t.relname)
                       FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
                      WHERE n.nspname = 'core' AND t.relkind = 'r' AND t.relrowsecurity
                        AND (t.relforcerowsecurity OR NOT pg_has_role(t.relowner, 'USAGE'))
                        AND NOT (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user)
                        AND current_setting('row_security') <> 'off'""")) {
            rs.next();
            String tables = rs.getString(1);
            return tables == null ? null : "Row-level security applies to this role on " + tables
                    + ": only the rows it may see were checked. Run the report as the tables' owner or a role with BYPASSRLS "
                    + "for the whole picture.";
        }
    }

    private static List<Check> checks(IntegrityOptions options) {
        List<Check> checks = new ArrayList<>();
        if (options.runs(CheckGroup.VERSIONS)) {
            checks.add(new VersionDigests());
        }
        if (options.runs(CheckGroup.IMAGES)) {
            checks.add(new ImageAssets());
        }
        if (options.runs(CheckGroup.HEADS)) {
            checks.add(new HeadPointers());
        }
        if (options.runs(CheckGroup.ORPHANS)) {
            checks.add(new Orphans());
        }
        if (options.runs(CheckGroup.CONSTRAINTS)) {
            checks.add(new ConstraintsAndIndexes());
        }
        return checks;
    }

    private List<ScanTask> plan(Connection c, ScanContext ctx, List<Check> checks, ScanSession.TaskFailureHandler onFailure,
                                boolean shared, List<ScanTask> later) {
        List<ScanTask> tasks = new ArrayList<>();
        for (Check check : checks) {
            if (ctx.stopped()) {
                break;
            }
            ScanTask planning = ScanTask.of(check.group(), "", "planning " + check.group().title().toLowerCase(), 0, (x, y) -> { });
            try {
                try (Statement st = c.createStatement()) {
                    st.execute("SAVEPOINT warden_plan");
                }
                if (check instanceof VersionDigests v) {
                    v.sharedSnapshot(shared);
                }
                if (check instanceof ImageAssets i) {
                    i.sharedSnapshot(shared);
                }
                List<ScanTask> planned = check.plan(c, ctx);
                try (Statement st = c.createStatement()) {
                    st.execute("RELEASE SAVEPOINT warden_plan");
                }
                for (ScanTask t : planned) {
                    ctx.planned(t);
                    ctx.meter.plan(t.weight(), t.estimatedRows());
                }
                for (ScanTask t : check.planLater(ctx)) {
                    ctx.planned(t);
                    ctx.meter.plan(t.weight(), t.estimatedRows());
                    later.add(t);
                }
                tasks.addAll(planned);
            } catch (SQLException e) {
                ctx.planned(planning);
                String problem = onFailure.handle(planning, e, c);
                if (problem != null) {
                    try (Statement st = c.createStatement()) {
                        st.execute("ROLLBACK TO SAVEPOINT warden_plan");
                    } catch (SQLException lost) {
                        onFailure.handle(planning, lost, c);
                    }
                }
                ctx.finished(-1, planning, 0, false, problem);
            }
        }
        return tasks;
    }

    // ------------------------------------------------------------ failures

    /** Null when the scan stops (cancel, lost connection); else the problem to note for this task. */
    private String failed(ScanContext ctx, JobContext job, ScanTask task, SQLException e, Connection c) {
        if (ctx.stopReason() == ScanContext.Stop.CANCELLED || job.isCancelled()) {
            ctx.stop(ScanContext.Stop.CANCELLED, task.label(), e);
            return null;
        }
        if (ctx.stopped()) {
            return null;
        }
        if (connectionLost(e, c)) {
            LOG.warn("Connection lost during the integrity scan while checking {}: {}", task.label(), e.getMessage());
            String where = ctx.runningLabels();
            ctx.stop(ScanContext.Stop.CONNECTION_LOST, where == null ? task.label() : where, e);
            return null;
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String problem = switch (state) {
            case "42501" -> "too few privileges (" + firstLine(e.getMessage()) + ")";
            case "55P03" -> "waited longer than lock_timeout (" + db.profile().lockTimeout().toSeconds()
                    + " s) for a lock another session holds (ALTER TABLE, VACUUM FULL, REINDEX?)";
            case "57014" -> "ran longer than the statement timeout and was stopped";
            default -> firstLine(e.getMessage()) + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")");
        };
        if (state.startsWith("XX")) {
            String table = task.label().contains("image assets") ? ImageAssets.TABLE
                    : task.label().contains(VersionDigests.TABLE) ? VersionDigests.TABLE : "core";
            ctx.report(new Finding(task.group().id(), "rows-unreadable", Severity.ERROR, table, task.label(), null, null, null,
                    "the server could not read these rows: " + firstLine(e.getMessage()), "readable rows", "SQLSTATE " + state,
                    "storage-level damage (a bad page or a missing TOAST chunk); restore from a backup and check the disk",
                    task.mode().isEmpty() ? List.of() : List.of(task.mode())));
        }
        ctx.note("Could not check " + task.label() + ": " + problem + ".");
        LOG.warn("Integrity task {} failed: {}", task.label(), e.getMessage());
        return problem;
    }

    static boolean connectionLost(SQLException e, Connection c) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            return true;
        }
        try {
            return c != null && c.isClosed();
        } catch (SQLException ignored) {
            return true;
        }
    }

    // ------------------------------------------------------------ after the scan

    private static ScanStatus status(ScanContext ctx, List<CheckSummary> summaries) {
        return switch (ctx.stopReason()) {
            case CANCELLED -> ScanStatus.CANCELLED;
            case CONNECTION_LOST -> ScanStatus.INTERRUPTED;
            case NONE -> summaries.stream().anyMatch(s -> !s.state().equals(CheckSummary.DONE)) ? ScanStatus.PARTIAL
                    : ScanStatus.COMPLETE;
        };
    }

    private static List<CheckSummary> summaries(ScanContext ctx, List<Check> checks) {
        Map<String, ScanContext.Stat> byKey = new LinkedHashMap<>();
        for (ScanContext.Stat s : ctx.stats()) {
            byKey.put(s.group.id() + "|" + s.mode, s);
        }
        List<CheckSummary> out = new ArrayList<>();
        for (Check check : checks) {
            CheckGroup g = check.group();
            List<String> modes = (g == CheckGroup.VERSIONS || g == CheckGroup.IMAGES)
                    ? modes(ctx.options.mode()) : List.of("");
            for (String mode : modes) {
                ScanContext.Stat s = byKey.get(g.id() + "|" + mode);
                if (s == null) {
                    // planned nothing (e.g. planning failed, recorded under "")
                    s = byKey.get(g.id() + "|");
                }
                String state;
                long rows = 0;
                long bytes = 0;
                long elapsed = 0;
                String note = "";
                if (s == null) {
                    state = ctx.stopped() ? CheckSummary.NOT_RUN : CheckSummary.DONE;
                } else {
                    synchronized (s) {
                        state = s.state;
                        if (state.equals("running")) {
                            state = CheckSummary.STOPPED;
                        }
                        if (s.tasks == 0 && state.equals(CheckSummary.NOT_RUN) && !ctx.stopped()) {
                            state = CheckSummary.DONE;
                        }
                        if (ctx.stopped() && state.equals(CheckSummary.NOT_RUN) && s.tasksDone > 0) {
                            state = CheckSummary.STOPPED;
                        }
                        if (ctx.stopped() && !state.equals(CheckSummary.DONE) && s.tasks > 0) {
                            note = s.tasksDone + " of " + s.tasks + (s.tasks == 1 ? " part" : " parts") + " done";
                        }
                        if (!s.problems.isEmpty()) {
                            note = String.join("; ", s.problems);
                        }
                        elapsed = s.firstStart == 0 ? 0 : (s.lastEnd - s.firstStart) / 1_000_000;
                    }
                    rows = s.rows.get();
                    bytes = s.bytes.get();
                }
                if (g == CheckGroup.CONSTRAINTS && note.isEmpty()) {
                    note = ctx.notes().stream().filter(n -> n.startsWith("amcheck")).findFirst().orElse("");
                }
                out.add(new CheckSummary(g.id(), mode, state, rows, bytes, elapsed, 0, note));
            }
        }
        return out;
    }

    private static List<String> modes(ScanMode mode) {
        List<String> modes = new ArrayList<>();
        if (mode.server()) {
            modes.add(VersionDigests.SERVER);
        }
        if (mode.client()) {
            modes.add(VersionDigests.CLIENT);
        }
        return modes;
    }

    private static String stoppedAt(ScanContext ctx, ScanStatus status, List<CheckSummary> summaries) {
        if (status.finished()) {
            return null;
        }
        StringBuilder s = new StringBuilder(status == ScanStatus.CANCELLED ? "Cancelled" : "Connection lost");
        s.append(ctx.stoppedAt() == null ? " before the checks started" : " while checking " + ctx.stoppedAt());
        if (status == ScanStatus.INTERRUPTED && ctx.stopCause() != null) {
            s.append(" (").append(firstLine(ctx.stopCause().getMessage())).append(")");
        }
        s.append(".");
        List<String> done = new ArrayList<>();
        List<String> partly = new ArrayList<>();
        List<String> notStarted = new ArrayList<>();
        for (CheckSummary c : summaries) {
            switch (c.state()) {
                case CheckSummary.DONE -> done.add(c.title());
                case CheckSummary.NOT_RUN -> notStarted.add(c.title());
                default -> partly.add(c.title() + (c.note().isEmpty() ? "" : ": " + c.note())
                        + (c.rows() > 0 ? String.format(", %,d rows checked", c.rows()) : ""));
            }
        }
        if (!done.isEmpty()) {
            s.append(" Finished: ").append(String.join(", ", done)).append(".");
        }
        if (!partly.isEmpty()) {
            s.append(" Part-way: ").append(String.join("; ", partly)).append(".");
        }
        if (!notStarted.isEmpty()) {
            s.append(" Not started: ").append(String.join(", ", notStarted)).append(".");
        }
        return s.toString();
    }

    // ------------------------------------------------------------ the re-check

    private record Recheck(List<Finding> confirmed, List<Finding> dropped, boolean complete, ScanStatus status) { }

    private Recheck recheck(ScanContext scan, List<Check> checks, List<Finding> found, JobContext job) {
        ScanContext ctx = new ScanContext(scan.options, scan.app, scan.utf8, scan.serverMajor,
                new ProgressMeter(JobContext.none(), null));
        job.onCancel(ctx::cancel);
        List<Finding> confirmed = new ArrayList<>();
        List<Finding> dropped = new ArrayList<>();
        boolean complete = true;
        ScanStatus status = null;
        Connection c = null;
        try {
            c = db.connection();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL application_name = '" + ScanSession.APPLICATION_NAME + "'");
            }
            for (Check check : checks) {
                List<Finding> mine = found.stream().filter(f -> f.check().equals(check.group().id())).toList();
                if (mine.isEmpty()) {
                    continue;
                }
                List<Finding> now;
                try (Statement st = c.createStatement()) {
                    st.execute("SAVEPOINT warden_recheck");
                }
                try {
                    now = check.recheck(c, ctx, mine);
                    try (Statement st = c.createStatement()) {
                        st.execute("RELEASE SAVEPOINT warden_recheck");
                    }
                } catch (SQLException | ScanStopped e) {
                    if (ctx.stopped() || job.isCancelled()) {
                        confirmed.addAll(mine);
                        complete = false;
                        status = ScanStatus.CANCELLED;
                        scan.stop(ScanContext.Stop.CANCELLED, "the findings (re-check)", null);
                        break;
                    }
                    if (e instanceof SQLException sql && connectionLost(sql, c)) {
                        throw sql;
                    }
                    try (Statement st = c.createStatement()) {
                        st.execute("ROLLBACK TO SAVEPOINT warden_recheck");
                    }
                    scan.note("Could not re-check the " + check.group().title().toLowerCase() + " findings: "
                            + firstLine(e.getMessage()) + "; they are reported as found.");
                    confirmed.addAll(mine);
                    complete = false;
                    continue;
                }
                Map<String, Finding> byKey = new LinkedHashMap<>();
                for (Finding f : now) {
                    byKey.merge(f.key(), f, ScanContext::merge);
                }
                Set<String> before = new HashSet<>();
                for (Finding f : mine) {
                    before.add(f.key());
                    Finding current = byKey.get(f.key());
                    if (current == null) {
                        dropped.add(f);
                    } else {
                        confirmed.add(ScanContext.merge(current, f));
                    }
                }
                for (Finding f : byKey.values()) {
                    if (!before.contains(f.key())) {
                        confirmed.add(f);
                    }
                }
            }
        } catch (SQLException e) {
            scan.note("The connection was lost during the re-check (" + firstLine(e.getMessage())
                    + "); findings are reported as found.");
            confirmed.clear();
            confirmed.addAll(found);
            dropped.clear();
            complete = false;
        } finally {
            if (c != null) {
                try {
                    c.rollback();
                    c.setAutoCommit(true);
                } catch (SQLException ignored) {
                    // a broken connection: the pool drops it
                }
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // nothing more to do
                }
            }
        }
        if (!dropped.isEmpty()) {
            scan.note(dropped.size() + (dropped.size() == 1 ? " finding" : " findings")
                    + " no longer held when re-checked (the rows changed during the scan) and " + (dropped.size() == 1 ? "is" : "are")
                    + " not reported.");
        }
        return new Recheck(confirmed, dropped, complete, status);
    }

    /**
     * A row that a specific check already reports (a reference to a missing file) is not
     * reported again as a violation of the NOT VALID foreign key that would have stopped it:
     * the specific finding says so instead.
     */
    static List<Finding> sameRowOnce(List<Finding> findings) {
        Set<String> specificRows = new HashSet<>();
        for (Finding f : findings) {
            if (!f.check().equals(CheckGroup.CONSTRAINTS.id())) {
                specificRows.add(f.table() + "|" + f.rowId());
            }
        }
        Map<String, String> alsoViolates = new HashMap<>();
        List<Finding> kept = new ArrayList<>();
        for (Finding f : findings) {
            String row = f.table() + "|" + f.rowId();
            boolean violation = f.code().equals("fk-violation") || f.code().equals("check-violation");
            if (violation && specificRows.contains(row)) {
                String constraint = f.title().substring(f.title().lastIndexOf(' ') + 1);
                alsoViolates.merge(row, constraint, (x, y) -> x + ", " + y);
            } else {
                kept.add(f);
            }
        }
        List<Finding> out = new ArrayList<>(kept.size());
        for (Finding f : kept) {
            String names = f.check().equals(CheckGroup.CONSTRAINTS.id()) ? null : alsoViolates.get(f.table() + "|" + f.rowId());
            out.add(names == null ? f : f.withDetail(f.detail() + (f.detail().isEmpty() ? "" : "; ")
                    + "it also violates the NOT VALID constraint " + names));
        }
        return out;
    }

    // ------------------------------------------------------------ app and path of each finding

    private List<Finding> places(List<Finding> findings) {
        if (findings.isEmpty()) {
            return new ArrayList<>(findings);
        }
        Set<UUID> files = new HashSet<>();
        Set<UUID> assets = new HashSet<>();
        Set<UUID> jobs = new HashSet<>();
        for (Finding f : findings) {
            if (f.fileId() != null) {
                files.add(UUID.fromString(f.fileId()));
            } else if (f.table().equals(ImageAssets.TABLE) && isUuid(f.rowId())) {
                assets.add(UUID.fromString(f.rowId()));
            } else if (f.table().equals("core.image_jobs") && isUuid(f.rowId())) {
                jobs.add(UUID.fromString(f.rowId()));
            }
        }
        Map<String, String[]> byFile = new HashMap<>();
        Map<String, String> appByRow = new HashMap<>();
        try (Connection c = db.connection()) {
            lookup(c, """
                    SELECT f.id::text, f.path, a.name FROM core.files f LEFT JOIN core.apps a ON a.id = f.app_id
                     WHERE f.id = ANY(?)""", files, rs -> byFile.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)}));
            lookup(c, """
                    SELECT x.id::text, ap.name FROM core.image_assets x JOIN core.image_jobs j ON j.id = x.job_id
                      JOIN core.sessions s ON s.id = j.session_id JOIN core.apps ap ON ap.id = s.app_id
                     WHERE x.id = ANY(?)""", assets, rs -> appByRow.put(rs.getString(1), rs.getString(2)));
            lookup(c, """
                    SELECT j.id::text, ap.name FROM core.image_jobs j
                      JOIN core.sessions s ON s.id = j.session_id JOIN core.apps ap ON ap.id = s.app_id
                     WHERE j.id = ANY(?)""", jobs, rs -> appByRow.put(rs.getString(1), rs.getString(2)));
        } catch (SQLException | WardenException e) {
            LOG.info("Could not look up the apps and paths of the findings: {}", e.getMessage());
            return new ArrayList<>(findings);
        }
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            String[] file = f.fileId() == null ? null : byFile.get(f.fileId());
            if (file != null) {
                out.add(f.withPlace(file[1], f.path() != null ? f.path() : file[0], f.fileId()));
            } else if (appByRow.containsKey(f.rowId())) {
                out.add(f.withPlace(appByRow.get(f.rowId()), f.path(), f.fileId()));
            } else {
                out.add(f);
            }
        }
        return out;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void lookup(Connection c, String sql, Set<UUID> ids, RowReader reader) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    private static boolean isUuid(String s) {
        try {
            UUID.fromString(s);
            return s.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String firstLine(String text) {
        if (text == null) {
            return "unknown error";
        }
        String line = text.strip();
        int nl = line.indexOf('\n');
        line = nl >= 0 ? line.substring(0, nl) : line;
        if (line.startsWith("ERROR: ") || line.startsWith("FATAL: ")) {
            line = line.substring(7);
        }
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
