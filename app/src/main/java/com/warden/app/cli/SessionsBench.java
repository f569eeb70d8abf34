package com.warden.app.cli;

import com.warden.app.WardenException;
import com.warden.app.connect.Access;
import com.warden.app.connect.Database;
import com.warden.app.connect.ProfileResolver;
import com.warden.app.demo.DemoSeeder;
import com.warden.app.demo.Scale;
import com.warden.app.sessions.MessageCursor;
import com.warden.app.sessions.MessagePage;
import com.warden.app.sessions.PreludeOptions;
import com.warden.app.sessions.SessionBrowser;
import com.warden.app.sessions.SessionCursor;
import com.warden.app.sessions.SessionPage;
import com.warden.app.sessions.SessionQueries;
import com.warden.app.sessions.SessionQuery;
import com.warden.app.sessions.TimelineWindow;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The session browser against bare JDBC: each measured path is what the screen calls (pool,
 * statement, mapping into records, prelude rendering and token count); each baseline is the same
 * SQL as one prepared statement, reused, on one plain connection with the same session settings,
 * reading every column. Both run in the same loop, alternating which goes first, on the same
 * parameters. Then the heap while scrolling a 100,000-message session from end to start the way
 * the screen does (a bounded window of pages).
 */
@Command(name = "sessions", mixinStandardHelpOptions = true,
        description = "Session list, session open, prelude and history paging against the same SQL on bare JDBC; "
                + "heap while scrolling a 100,000-message session.")
final class SessionsBench implements Callable<Integer> {
    static final String BIG_TITLE = "Bench: 100,000-message session";
    static final int BIG_MESSAGES = 100_000;
    static final int PAGE = 50;
    static final String BASELINE = "same SQL, one prepared statement, plain JDBC";

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--scale", defaultValue = "M", description = "S, M or L (default ${DEFAULT-VALUE}); seeded when the database is empty")
    String scale;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--iterations", defaultValue = "5000", description = "measured calls per path and per side (default ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--warmup", defaultValue = "1000", description = "unmeasured calls first (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--json", description = "print a JSON document")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Scale chosen = Scale.parse(scale);
        if (iterations < 100 || warmup < 0) {
            throw new WardenException("--iterations must be at least 100 and --warmup not negative.");
        }
        try (BenchTarget target = BenchTarget.open(connection, "warden_bench_sessions")) {
            Console.err().println("Target: " + target.description());
            prepare(target.dataSource(), chosen);
            UUID big = bigSession(target.dataSource());
            try (Database db = Database.open(target.profile(), Access.READ_ONLY);
                 Connection bare = Database.dataSource(target.profile(), Access.READ_ONLY, ProfileResolver.system()).getConnection()) {
                SessionBrowser browser = new SessionBrowser(db);
                browser.requireProject();
                String version = db.server().version().split(" ")[0];
                Fixtures fx = fixtures(browser, big);
                List<Result> results = new ArrayList<>();
                results.add(firstPage(browser, bare));
                results.add(nextPage(browser, bare, fx));
                results.add(openSession(browser, bare, fx));
                results.add(prelude(browser, bare, fx));
                results.add(pageBack(browser, bare, fx, big));
                Heap heap = scroll(browser, big);
                print(chosen, version, results, heap);
            }
        }
        return WardenCli.OK;
    }

    // ------------------------------------------------------------------ data

    private void prepare(DataSource ds, Scale chosen) throws SQLException {
        long sessions = count(ds, "SELECT count(*) FROM core.sessions WHERE title <> '" + BIG_TITLE + "'");
        long want = chosen == Scale.S ? 40 : (chosen == Scale.M ? 10_000 : 100_000);
        if (sessions == 0) {
            Console.err().println("Seeding scale " + chosen + " (once; reuse this database with --url next time)");
            new DemoSeeder(ds).seed(chosen, seed, true, Console.progress(false));
        } else if (sessions < want) {
            throw new WardenException("The database holds " + sessions + " sessions; scale " + chosen + " needs " + want + ".",
                    "point --url at an empty database, or seed it first with 'warden seed --scale " + chosen + " --clear'");
        } else {
            Console.err().printf(Locale.ROOT, "Reusing %,d sessions already in the database%n", sessions);
        }
    }

    /** The 100,000-message session: made once (about 10 s) and kept for later runs. */
    private static UUID bigSession(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT s.id FROM core.sessions s WHERE s.title = ? AND (SELECT count(*) FROM core.messages m WHERE m.session_id = s.id) >= ?")) {
                ps.setString(1, BIG_TITLE);
                ps.setInt(2, BIG_MESSAGES);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rs.getObject(1, UUID.class);
                    }
                }
            }
            Console.err().println("Adding the session '" + BIG_TITLE + "' (" + BIG_MESSAGES
                    + " messages; kept in the database for the next run)");
            c.setAutoCommit(false);
            UUID id = UUID.randomUUID();
            try (PreparedStatement del = c.prepareStatement("DELETE FROM core.sessions WHERE title = ?");
                 PreparedStatement ins = c.prepareStatement("""
                         INSERT INTO core.sessions (id, user_id, app_id, title, status, created_at, last_activity_at)
                         SELECT ?, a.owner_id, a.id, ?, 'active', now() - interval '12 days', now() - interval '12 days'
                           FROM core.apps a ORDER BY a.created_at, a.id LIMIT 1""");
                 PreparedStatement msgs = c.prepareStatement("""
                         INSERT INTO core.messages (session_id, role, content, model, token_count, created_at)
                         SELECT ?, CASE WHEN k % 2 = 1 THEN 'user' ELSE 'assistant' END,
                                'Message ' || k || ': ' || repeat(md5(k::text) || ' ', 1 + k % 24),
                                CASE WHEN k % 2 = 1 THEN NULL ELSE 'claude-3-5-sonnet' END,
                                8 + (k % 24) * 17,
                                now() - interval '12 days' + k * interval '7 seconds'
                           FROM generate_series(1, ?) k""")) {
                del.setString(1, BIG_TITLE);
                del.executeUpdate();
                ins.setObject(1, id);
                ins.setString(2, BIG_TITLE);
                if (ins.executeUpdate() != 1) {
                    throw new WardenException("The database has no app to hang the benchmark session on.");
                }
                msgs.setObject(1, id);
                msgs.setInt(2, BIG_MESSAGES);
                msgs.executeUpdate();
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE core.sessions, core.messages");
            }
            return id;
        }
    }

    private static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Parameters both sides use: cursors into the list, sessions to open, positions in the big session. */
    record Fixtures(List<SessionCursor> listCursors, List<UUID> sessions, List<UUID> withMemory, List<MessageCursor> bigCursors) { }

    private static Fixtures fixtures(SessionBrowser browser, UUID big) {
        List<SessionCursor> cursors = new ArrayList<>();
        List<UUID> sessions = new ArrayList<>();
        List<SessionCursor> rows = new ArrayList<>();
        SessionPage page = browser.page(SessionQuery.all(), null, 1000);
        while (true) {
            page.rows().forEach(r -> {
                sessions.add(r.id());
                rows.add(r.cursor());
            });
            if (page.next() == null) {
                break;
            }
            page = browser.page(SessionQuery.all(), page.next(), 1000);
        }
        // 500 positions spread over the whole list: "next page" after any row, deep pages included
        for (int i = 0; i < rows.size() - 1 && cursors.size() < 500; i += Math.max(1, rows.size() / 500)) {
            cursors.add(rows.get(i));
        }
        SplittableRandom random = new SplittableRandom(7);
        List<UUID> open = new ArrayList<>();
        List<UUID> withMemory = new ArrayList<>();
        for (int i = 0; i < 1000 && !sessions.isEmpty(); i++) {
            UUID id = sessions.get(random.nextInt(sessions.size()));
            if (!id.equals(big)) {
                open.add(id);
            }
        }
        for (UUID id : open) {
            if (withMemory.size() < 500 && browser.detail(id).memory().present()) {
                withMemory.add(id);
            }
        }
        List<MessageCursor> bigCursors = new ArrayList<>();
        MessagePage p = browser.latest(big, 1000);
        while (p.hasOlder()) {
            bigCursors.add(p.first());
            p = browser.before(big, p.first(), 1000);
        }
        return new Fixtures(cursors, open, withMemory, bigCursors);
    }

    // ------------------------------------------------------------------ the five paths

    interface Call {
        void run(int i) throws SQLException;
    }

    record Result(String name, Histogram warden, Histogram baseline) { }

    private Result measure(String name, Call warden, Call baseline) throws SQLException {
        Console.err().println("Measuring: " + name);
        for (int i = 0; i < warmup; i++) {
            warden.run(i);
            baseline.run(i);
        }
        Histogram w = new Histogram(60_000_000_000L, 3);
        Histogram b = new Histogram(60_000_000_000L, 3);
        for (int i = 0; i < iterations; i++) {
            if ((i & 1) == 0) {
                time(w, warden, i);
                time(b, baseline, i);
            } else {
                time(b, baseline, i);
                time(w, warden, i);
            }
        }
        return new Result(name, w, b);
    }

    private static void time(Histogram h, Call call, int i) throws SQLException {
        long t0 = System.nanoTime();
        call.run(i);
        h.recordValue(System.nanoTime() - t0);
    }

    /** Executes and reads every column of every row, as a bare JDBC consumer does. */
    static int drain(PreparedStatement ps) throws SQLException {
        int n = 0;
        try (ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int c = 1; c <= columns; c++) {
                    rs.getObject(c);
                }
                n++;
            }
        }
        return n;
    }

    private Result firstPage(SessionBrowser browser, Connection bare) throws SQLException {
        SessionQueries.Bound q = SessionQueries.listPage(SessionQuery.all(), null, PAGE + 1, true);
        PreparedStatement ps = bare.prepareStatement(q.sql());
        q.bind(ps);
        return measure("session list: first page", i -> check(browser.page(SessionQuery.all(), null, PAGE).rows().size() == PAGE),
                i -> check(drain(ps) == PAGE + 1));
    }

    private Result nextPage(SessionBrowser browser, Connection bare, Fixtures fx) throws SQLException {
        SessionQueries.Bound shape = SessionQueries.listPage(SessionQuery.all(), fx.listCursors().get(0), PAGE + 1, true);
        PreparedStatement ps = bare.prepareStatement(shape.sql());
        List<SessionCursor> cs = fx.listCursors();
        return measure("session list: next page",
                i -> browser.page(SessionQuery.all(), cs.get(i % cs.size()), PAGE),
                i -> {
                    SessionCursor c = cs.get(i % cs.size());
                    ps.setObject(1, OffsetDateTime.ofInstant(c.lastActivityAt(), ZoneOffset.UTC));
                    ps.setObject(2, c.id());
                    ps.setInt(3, PAGE + 1);
                    drain(ps);
                });
    }

    private Result openSession(SessionBrowser browser, Connection bare, Fixtures fx) throws SQLException {
        PreparedStatement detail = bare.prepareStatement(SessionQueries.detail(true));
        PreparedStatement latest = bare.prepareStatement(SessionQueries.MESSAGES_LATEST);
        List<UUID> ids = fx.sessions();
        int preview = browser.previewChars();
        return measure("open session (detail + memory + latest 50 messages)",
                i -> {
                    UUID id = ids.get(i % ids.size());
                    browser.detail(id);
                    browser.latest(id, PAGE);
                },
                i -> {
                    UUID id = ids.get(i % ids.size());
                    detail.setObject(1, id);
                    drain(detail);
                    latest.setInt(1, preview);
                    latest.setObject(2, id);
                    latest.setInt(3, PAGE + 1);
                    drain(latest);
                });
    }

    private Result prelude(SessionBrowser browser, Connection bare, Fixtures fx) throws SQLException {
        PreparedStatement ps = bare.prepareStatement(SessionQueries.PRELUDE);
        List<UUID> ids = fx.withMemory().isEmpty() ? fx.sessions() : fx.withMemory();
        return measure("build the prelude (with token count)",
                i -> check(browser.prelude(ids.get(i % ids.size()), PreludeOptions.defaults()).tokenCount() > 0),
                i -> {
                    ps.setInt(1, 0);
                    ps.setObject(2, ids.get(i % ids.size()));
                    drain(ps);
                });
    }

    private Result pageBack(SessionBrowser browser, Connection bare, Fixtures fx, UUID big) throws SQLException {
        PreparedStatement ps = bare.prepareStatement(SessionQueries.MESSAGES_BEFORE);
        List<MessageCursor> cs = fx.bigCursors();
        int preview = browser.previewChars();
        return measure("one page back in a 100,000-message session",
                i -> check(browser.before(big, cs.get(i % cs.size()), PAGE).rows().size() == PAGE),
                i -> {
                    MessageCursor c = cs.get(i % cs.size());
                    ps.setInt(1, preview);
                    ps.setObject(2, big);
                    ps.setObject(3, OffsetDateTime.ofInstant(c.createdAt(), ZoneOffset.UTC));
                    ps.setObject(4, c.id());
                    ps.setInt(5, PAGE + 1);
                    drain(ps);
                });
    }

    private static void check(boolean ok) {
        if (!ok) {
            throw new IllegalStateException("the benchmark data changed under the measurement");
        }
    }

    // ------------------------------------------------------------------ heap

    record Heap(long pages, long messagesSeen, int window, double seconds, long peakUsedBytes, long peakLiveBytes,
                long liveBeforeBytes, long maxHeapBytes) { }

    /**
     * Scrolls the whole big session from the newest page to the first, as the screen does: a
     * {@link TimelineWindow} of {@value TimelineWindow#DEFAULT_CAPACITY} messages over an ArrayList.
     * Heap "used" is sampled after every page (garbage included: the most the JVM held); "live"
     * is measured after a full GC every 100 pages (what the scrolling actually retains).
     */
    private static Heap scroll(SessionBrowser browser, UUID big) {
        Console.err().println("Scrolling the 100,000-message session for the heap figures");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long liveBefore = memory.getHeapMemoryUsage().getUsed();
        long peakUsed = liveBefore;
        long peakLive = liveBefore;
        long t0 = System.nanoTime();
        TimelineWindow window = new TimelineWindow(new ArrayList<>(), TimelineWindow.DEFAULT_CAPACITY);
        window.reset(browser.latest(big, PAGE));
        long pages = 1;
        long seen = window.rows().size();
        while (window.hasOlder()) {
            MessagePage page = browser.before(big, window.oldest(), PAGE);
            window.prependOlder(page);
            seen += page.rows().size();
            pages++;
            peakUsed = Math.max(peakUsed, memory.getHeapMemoryUsage().getUsed());
            if (pages % 100 == 0) {
                System.gc();
                peakLive = Math.max(peakLive, memory.getHeapMemoryUsage().getUsed());
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.gc();
        peakLive = Math.max(peakLive, memory.getHeapMemoryUsage().getUsed());
        return new Heap(pages, seen, window.rows().size(), seconds, peakUsed, peakLive, liveBefore, Runtime.getRuntime().maxMemory());
    }

    // ------------------------------------------------------------------ output

    private void print(Scale chosen, String version, List<Result> results, Heap heap) {
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("bench", "sessions");
            doc.put("scale", chosen.name());
            doc.put("postgres", version);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Result r : results) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", r.name());
                m.put("p50_ms", ms(r.warden().getValueAtPercentile(50)));
                m.put("p95_ms", ms(r.warden().getValueAtPercentile(95)));
                m.put("p99_ms", ms(r.warden().getValueAtPercentile(99)));
                m.put("baseline", BASELINE);
                m.put("baseline_p50_ms", ms(r.baseline().getValueAtPercentile(50)));
                m.put("baseline_p95_ms", ms(r.baseline().getValueAtPercentile(95)));
                m.put("baseline_p99_ms", ms(r.baseline().getValueAtPercentile(99)));
                m.put("ratio", ratio(r));
                m.put("ratio_p50", round((double) r.warden().getValueAtPercentile(50)
                        / Math.max(1, r.baseline().getValueAtPercentile(50)), 2));
                m.put("iterations", iterations);
                rows.add(m);
            }
            doc.put("results", rows);
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("scenario", "scroll a 100,000-message session from the newest page to the first, " + PAGE
                    + " per page, holding a window of " + TimelineWindow.DEFAULT_CAPACITY + " messages");
            h.put("pages", heap.pages());
            h.put("messages_seen", heap.messagesSeen());
            h.put("seconds", round(heap.seconds(), 2));
            h.put("peak_used_mb", mb(heap.peakUsedBytes()));
            h.put("peak_live_mb", mb(heap.peakLiveBytes()));
            h.put("live_before_mb", mb(heap.liveBeforeBytes()));
            h.put("max_heap_mb", mb(heap.maxHeapBytes()));
            h.put("method", "heap used sampled after every page (garbage included); live = used after System.gc() every 100 pages");
            doc.put("heap", h);
            doc.put("load_average", loadAverage());
            Console.out().println(Json.write(doc));
            return;
        }
        Console.out().printf("Sessions benchmark, scale %s, PostgreSQL %s, %,d iterations per path and side%n%n", chosen, version, iterations);
        TextTable t = TextTable.of("PATH", "P50 MS", "P95 MS", "P99 MS", "BARE P50", "BARE P95", "BARE P99", "RATIO (P95)", "RATIO (P50)");
        for (Result r : results) {
            t.row(r.name(), fmt(r.warden().getValueAtPercentile(50)), fmt(r.warden().getValueAtPercentile(95)),
                    fmt(r.warden().getValueAtPercentile(99)), fmt(r.baseline().getValueAtPercentile(50)),
                    fmt(r.baseline().getValueAtPercentile(95)), fmt(r.baseline().getValueAtPercentile(99)),
                    String.format(Locale.ROOT, "%.2f", ratio(r)), String.format(Locale.ROOT, "%.2f",
                            (double) r.warden().getValueAtPercentile(50) / Math.max(1, r.baseline().getValueAtPercentile(50))));
        }
        Console.out().println(t.render());
        Console.out().println("Bare: " + BASELINE + ", same parameters, same loop (alternating which goes first).");
        Console.out().printf(Locale.ROOT, "System load average at the end: %.2f on %d CPUs%n", loadAverage(),
                Runtime.getRuntime().availableProcessors());
        Console.out().printf(Locale.ROOT, "%nHeap while scrolling the whole 100,000-message session (%,d pages, %,d messages, %.1f s; "
                        + "window of %,d messages):%n  peak used %.1f MB (sampled after every page, garbage included), "
                        + "peak live %.1f MB (after a full GC every 100 pages), live before %.1f MB, max heap %.0f MB%n",
                heap.pages(), heap.messagesSeen(), heap.seconds(), TimelineWindow.DEFAULT_CAPACITY, mb(heap.peakUsedBytes()),
                mb(heap.peakLiveBytes()), mb(heap.liveBeforeBytes()), mb(heap.maxHeapBytes()));
    }

    /** The one-minute load average, so a reader can tell a quiet run from a busy machine. */
    private static double loadAverage() {
        return round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 2);
    }

    private static double ratio(Result r) {
        return round((double) r.warden().getValueAtPercentile(95) / Math.max(1, r.baseline().getValueAtPercentile(95)), 2);
    }

    private static double ms(long nanos) {
        return round(nanos / 1e6, 3);
    }

    private static String fmt(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }

    private static double mb(long bytes) {
        return round(bytes / (1024.0 * 1024.0), 1);
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
