package com.warden.app.cli;

import com.warden.app.WardenException;
import com.warden.app.connect.Access;
import com.warden.app.connect.Database;
import com.warden.app.connect.ProfileResolver;
import com.warden.app.demo.DemoSeeder;
import com.warden.app.demo.Scale;
import com.warden.app.files.DiffOptions;
import com.warden.app.files.DiffViewProbe;
import com.warden.app.files.FileEntry;
import com.warden.app.files.FileHistory;
import com.warden.app.files.SyntheticPair;
import com.warden.app.files.TextDiff;
import com.warden.app.files.TextDiffer;
import com.warden.app.files.TokenSurvey;
import com.warden.app.job.JobContext;
import com.warden.app.text.Tokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Diff speed against GNU diff -u on the same two files in the same run: each iteration runs the
 * baseline process and Warden's paths one after the other, so both see the same machine. Also
 * the time from "show this diff" to the first painted rows of the desktop's diff view (when a
 * display is there), and the token savings of diffs over every version pair of the demo.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Diff speed against GNU diff -u on the same files, time to first painted rows, token savings over the demo.")
final class DiffBench implements Callable<Integer> {
    private static final String BENCH_APP = "warden bench diff";
    private static final String BENCH_OWNER = "bench-diff@warden.invalid";

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--scale", defaultValue = "S", description = "demo data to load when the target has none (default ${DEFAULT-VALUE})")
    String scale;

    @Option(names = "--lines", defaultValue = "10000", description = "lines of the main pair (default ${DEFAULT-VALUE})")
    int lines;

    @Option(names = "--changed", defaultValue = "1", description = "percent of lines changed (default ${DEFAULT-VALUE})")
    double changedPercent;

    @Option(names = "--iterations", defaultValue = "200", description = "measured runs of the main pair (default ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--json", description = "print a JSON document")
    boolean json;

    private final List<String> notes = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (lines < 100 || iterations < 10 || changedPercent <= 0 || changedPercent > 100) {
            throw new WardenException("--lines must be 100 or more, --iterations 10 or more, --changed between 0 and 100.", null);
        }
        requireGnuDiff();
        String loadBefore = loadAverage();
        Scale chosen = Scale.parse(scale);
        double fraction = changedPercent / 100.0;
        Path folder = Files.createTempDirectory("warden-bench-diff-");
        try (BenchTarget target = BenchTarget.open(connection, "warden_bench_diff")) {
            DataSource ds = target.dataSource();
            if (count(ds, "SELECT count(*) FROM core.apps WHERE name NOT LIKE '" + BENCH_APP + "%'") == 0) {
                Console.err().println("Loading the demo (scale " + chosen + ") into " + target.description());
                new DemoSeeder(ds).seed(chosen, DemoSeeder.DEFAULT_SEED, false, Console.progress(json));
            }
            String version = serverVersion(ds);
            try (Database db = Database.open(target.profile(), Access.READ_ONLY, ProfileResolver.system(), 2)) {
                // the demo's own versions, before the bench adds its pairs
                List<TokenSurvey.Report> savings = new TokenSurvey(db).run(null, new int[] {3, 0}, JobContext.none());
                Pair main = pair("bench/main.ts", lines, fraction, 1, folder);
                Pair large = pair("bench/large.ts", 20_000, fraction, 2, folder);
                Pair fiveMb = pair("bench/five-mb.ts", linesFor(5 * 1024 * 1024), fraction, 3, folder);
                UUID appId = insertBenchApp(ds, List.of(main, large, fiveMb));
                try {
                    FileHistory history = new FileHistory(db);
                    FileEntry mainFile = history.file(history.findApp(appId.toString()), main.path);
                    List<Map<String, Object>> results = new ArrayList<>();
                    measureMain(main, mainFile, history, results);
                    measureBig(large, "20,000 lines, " + pct() + " changed: side-by-side model", 30, results);
                    measureBig(fiveMb, String.format(Locale.ROOT, "%.1f MB file, %s changed: side-by-side model",
                            fiveMb.oldText.length() / 1048576.0, pct()), 15, results);
                    FileEntry largeFile = history.file(history.findApp(appId.toString()), large.path);
                    FileEntry fiveMbFile = history.file(history.findApp(appId.toString()), fiveMb.path);
                    measurePaint(target.profile(), mainFile, largeFile, fiveMbFile, results);
                    notes.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores; load average (1 min) " + loadBefore
                            + " at the start, " + loadAverage() + " at the end.");
                    report(chosen, version, results, savings);
                } finally {
                    deleteBenchApp(ds, appId);
                }
            }
        } finally {
            deleteFolder(folder);
        }
        return WardenCli.OK;
    }

    // ------------------------------------------------------------------ the pairs

    private record Pair(String path, String oldText, String newText, Path oldFile, Path newFile) { }

    private static Pair pair(String path, int lines, double fraction, long seed, Path folder) throws IOException {
        String[] texts = SyntheticPair.generate(lines, fraction, seed);
        String name = path.substring(path.lastIndexOf('/') + 1);
        Path a = Files.writeString(folder.resolve("old-" + name), texts[0], StandardCharsets.UTF_8);
        Path b = Files.writeString(folder.resolve("new-" + name), texts[1], StandardCharsets.UTF_8);
        return new Pair(path, texts[0], texts[1], a, b);
    }

    private static int linesFor(int bytes) {
        String[] probe = SyntheticPair.generate(1000, 0, 9);
        return (int) Math.ceil(bytes / (probe[0].length() / 1000.0));
    }

    private String pct() {
        return (changedPercent == Math.rint(changedPercent) ? String.valueOf((int) changedPercent) : String.valueOf(changedPercent)) + "%";
    }

    // ------------------------------------------------------------------ measurements

    private void measureMain(Pair p, FileEntry file, FileHistory history, List<Map<String, Object>> results) throws Exception {
        Histogram gnu = histogram();
        Histogram spawn = histogram();
        Histogram unified = histogram();
        Histogram model = histogram();
        Histogram fromDb = histogram();
        int warmup = Math.max(20, iterations / 5);
        for (int i = -warmup; i < iterations; i++) {
            boolean record = i >= 0;
            time(record ? gnu : null, () -> gnuDiff(p));
            time(record ? spawn : null, () -> run(List.of("true")));
            time(record ? unified : null, () -> TextDiffer.diff(p.oldText, p.newText, DiffOptions.DEFAULT).unified(p.path, p.path));
            time(record ? model : null, () -> fullModel(TextDiffer.diff(p.oldText, p.newText, DiffOptions.DEFAULT)));
            time(record ? fromDb : null, () -> fullModel(history.diff(file, 1, 2, DiffOptions.DEFAULT, JobContext.none()).text()));
        }
        String baseline = "GNU diff -u on the same two files (a process, as a user runs it)";
        String size = String.format(Locale.ROOT, "%,d lines, %s changed", lines, pct());
        results.add(result("unified diff, " + size, unified, baseline, gnu, null));
        results.add(result("side-by-side model (rows, word marks, unified, stats), " + size, model, baseline, gnu, null));
        results.add(result("from PostgreSQL: load both versions + side-by-side model, " + size, fromDb, baseline, gnu, null));
        notes.add(String.format(Locale.ROOT, "GNU diff's time includes starting a process: /bin/true alone takes p50 %.2f ms from this JVM.",
                ms(spawn.getValueAtPercentile(50))));
    }

    private void measureBig(Pair p, String name, int runs, List<Map<String, Object>> results) throws Exception {
        Histogram gnu = histogram();
        Histogram model = histogram();
        for (int i = -3; i < runs; i++) {
            boolean record = i >= 0;
            time(record ? gnu : null, () -> gnuDiff(p));
            time(record ? model : null, () -> fullModel(TextDiffer.diff(p.oldText, p.newText, DiffOptions.DEFAULT)));
        }
        double mb = (p.oldText.length() + p.newText.length()) / 1048576.0;
        results.add(result(name, model, "GNU diff -u on the same two files", gnu, mb));
    }

    private void measurePaint(com.warden.app.connect.ConnectionProfile profile, FileEntry file, FileEntry large, FileEntry fiveMb,
                              List<Map<String, Object>> results) throws Exception {
        Optional<DiffViewProbe> found = DiffViewProbe.find();
        if (found.isEmpty()) {
            notes.add("First painted rows: not measured, the desktop module is not on the classpath (run ./warden bench diff).");
            return;
        }
        try (DiffViewProbe probe = found.get()) {
            String reason = probe.open(profile);
            if (reason != null) {
                notes.add("First painted rows: not measured, " + reason);
                return;
            }
            Histogram paint = histogram();
            for (int i = -5; i < 40; i++) {
                // alternate the direction so every request really is a new diff
                long ns = i % 2 == 0 ? probe.firstRowsNanos(file.id(), 1, 2) : probe.firstRowsNanos(file.id(), 2, 1);
                if (i >= 0) {
                    paint.recordValue(Math.max(1, ns));
                }
            }
            Map<String, Object> r = result(String.format(Locale.ROOT, "first painted rows of the Files screen: versions and contents from "
                    + "PostgreSQL, diff off the FX thread, %,d-line pair", lines), paint, null, null, null);
            r.put("aim_ms", 200);
            results.add(r);

            Histogram big = histogram();
            for (int i = -1; i < 10; i++) {
                long ns = i % 2 == 0 ? probe.firstRowsNanos(fiveMb.id(), 1, 2) : probe.firstRowsNanos(fiveMb.id(), 2, 1);
                if (i >= 0) {
                    big.recordValue(Math.max(1, ns));
                }
            }
            results.add(result("first painted rows of the 5 MB file (same path)", big, null, null, null));

            probe.firstRowsNanos(large.id(), 1, 2);
            Histogram pages = histogram();
            for (long ns : probe.pageLayoutNanos(300)) {
                pages.recordValue(Math.max(1, ns));
            }
            Map<String, Object> scroll = result("layout pulse per page scrolled through the 20,000-line diff (virtualised rows)",
                    pages, null, null, null);
            scroll.put("aim_ms", 16);
            results.add(scroll);
        }
    }

    /** What the screen needs: every row with word marks, the unified text and the counts. */
    private static Object fullModel(TextDiff d) {
        d.rows();
        d.changeStarts();
        return d.unified("f", "f").length() + d.stats().changes();
    }

    private static byte[] gnuDiff(Pair p) throws IOException, InterruptedException {
        return run(List.of("diff", "-u", p.oldFile.toString(), p.newFile.toString()));
    }

    private static byte[] run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new WardenException(command.get(0) + " did not finish in 60 s.", null);
        }
        return out;
    }

    @FunctionalInterface
    private interface Work {
        Object run() throws Exception;
    }

    private static void time(Histogram h, Work work) throws Exception {
        long start = System.nanoTime();
        Object result = work.run();
        long ns = System.nanoTime() - start;
        if (result == null) {
            throw new IllegalStateException("no result");
        }
        if (h != null) {
            h.recordValue(Math.max(1, ns));
        }
    }

    private static Histogram histogram() {
        return new Histogram(TimeUnit.MINUTES.toNanos(10), 3);
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }

    private static Map<String, Object> result(String name, Histogram warden, String baseline, Histogram base, Double megabytes) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("p50_ms", ms(warden.getValueAtPercentile(50)));
        r.put("p95_ms", ms(warden.getValueAtPercentile(95)));
        r.put("p99_ms", ms(warden.getValueAtPercentile(99)));
        r.put("baseline", baseline);
        r.put("baseline_p95_ms", base == null ? null : ms(base.getValueAtPercentile(95)));
        r.put("ratio", base == null ? null
                : Math.round(100.0 * warden.getValueAtPercentile(95) / base.getValueAtPercentile(95)) / 100.0);
        if (megabytes != null) {
            r.put("mb_per_s", Math.round(10 * megabytes / (warden.getValueAtPercentile(50) / 1e9)) / 10.0);
            r.put("baseline_mb_per_s", Math.round(10 * megabytes / (base.getValueAtPercentile(50) / 1e9)) / 10.0);
        }
        return r;
    }

    // ------------------------------------------------------------------ output

    private void report(Scale chosen, String version, List<Map<String, Object>> results, List<TokenSurvey.Report> savings) {
        TokenSurvey.Report s = savings.get(0);
        Map<String, Object> tokens = new LinkedHashMap<>();
        tokens.put("claim", "seed 000: a unified diff instead of the whole file saves 80% of tokens for typical edits");
        tokens.put("encoding", Tokens.encodingName());
        tokens.put("scope", "every consecutive pair of text versions in the database (bench files excluded)");
        tokens.put("contexts", savings);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("bench", "diff");
            doc.put("scale", chosen.name());
            doc.put("postgres", version);
            doc.put("results", results);
            doc.put("token_savings", tokens);
            doc.put("notes", notes);
            Console.out().println(Json.write(doc));
            return;
        }
        Console.out().println("PostgreSQL " + version + ", scale " + chosen);
        TextTable t = TextTable.of("RESULT", "P50 MS", "P95 MS", "P99 MS", "BASELINE P95 MS", "RATIO", "MB/S", "BASELINE MB/S");
        for (Map<String, Object> r : results) {
            t.row(r.get("name"), r.get("p50_ms"), r.get("p95_ms"), r.get("p99_ms"),
                    r.get("baseline_p95_ms") == null ? "aim " + r.getOrDefault("aim_ms", "—") : r.get("baseline_p95_ms"),
                    r.get("ratio") == null ? "—" : r.get("ratio"), r.getOrDefault("mb_per_s", ""), r.getOrDefault("baseline_mb_per_s", ""));
        }
        Console.out().println(t.render());
        Console.out().println("Baseline: GNU diff -u on the same two files, run as a process in the same loop.");
        Console.out().printf(Locale.ROOT, "Token savings (%s) over %d version pairs: %.1f%% overall at context 3 (median %.1f%%, "
                        + "diff costs more in %d pairs); %.1f%% at context 0. Seed 000 claimed 80%%.%n",
                Tokens.encodingName(), s.pairs(), s.overallSavedPercent(), s.medianSavedPercent(), s.pairsWhereDiffCostsMore(),
                savings.get(1).overallSavedPercent());
        notes.forEach(n -> Console.out().println("note: " + n));
    }

    // ------------------------------------------------------------------ data

    /** The 1-minute load average, when the system says (Linux); timings on a busy shared machine spread. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void requireGnuDiff() {
        try {
            byte[] out = run(List.of("diff", "--version"));
            if (!new String(out, StandardCharsets.UTF_8).contains("GNU")) {
                throw new WardenException("The diff on PATH is not GNU diff.", "install diffutils; the baseline is GNU diff -u");
            }
        } catch (IOException | InterruptedException e) {
            throw new WardenException("GNU diff is not on PATH.", "install diffutils (apt-get install diffutils); the baseline is GNU diff -u");
        }
    }

    /** A throwaway app holding the pairs as versions 1 and 2; removed at the end (ON DELETE CASCADE). */
    private static UUID insertBenchApp(DataSource ds, List<Pair> pairs) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            UUID app;
            try (PreparedStatement ps = c.prepareStatement("""
                    WITH u AS (INSERT INTO core.users (email, display_name) VALUES (?, 'Warden diff bench')
                               ON CONFLICT (email) DO UPDATE SET display_name = excluded.display_name RETURNING id)
                    INSERT INTO core.apps (owner_id, name, description) SELECT id, ?, 'temporary: warden bench diff' FROM u
                    RETURNING id""")) {
                ps.setString(1, BENCH_OWNER);
                ps.setString(2, BENCH_APP + " " + UUID.randomUUID().toString().substring(0, 8));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    app = rs.getObject(1, UUID.class);
                }
            }
            for (Pair p : pairs) {
                UUID file;
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO core.files (app_id, path, mime_type) VALUES (?, ?, 'text/typescript') RETURNING id")) {
                    ps.setObject(1, app);
                    ps.setString(2, p.path);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        file = rs.getObject(1, UUID.class);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO core.file_versions (file_id, version, content, sha256, size_bytes, created_by)
                        VALUES (?, ?, ?, sha256(convert_to(?, 'UTF8')), octet_length(convert_to(?, 'UTF8')), 'bench')""")) {
                    for (int v = 1; v <= 2; v++) {
                        String text = v == 1 ? p.oldText : p.newText;
                        ps.setObject(1, file);
                        ps.setInt(2, v);
                        ps.setString(3, text);
                        ps.setString(4, text);
                        ps.setString(5, text);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        UPDATE core.files f SET head_version_id = v.id, sha256 = v.sha256, size_bytes = v.size_bytes
                          FROM core.file_versions v WHERE v.file_id = f.id AND v.version = 2 AND f.id = ?""")) {
                    ps.setObject(1, file);
                    ps.executeUpdate();
                }
            }
            c.commit();
            return app;
        }
    }

    private static void deleteBenchApp(DataSource ds, UUID app) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("DELETE FROM core.apps WHERE id = ?")) {
            ps.setObject(1, app);
            ps.executeUpdate();
        }
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM core.users u WHERE email = ? AND NOT EXISTS (SELECT 1 FROM core.apps a WHERE a.owner_id = u.id)")) {
            ps.setString(1, BENCH_OWNER);
            ps.executeUpdate();
        }
    }

    private static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String serverVersion(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1).split(" ")[0];
        }
    }

    private static void deleteFolder(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
