package com.warden.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.warden.app.files.TestFiles;
import com.warden.app.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The files and diff commands end to end on the demo, including patches applied by GNU patch. */
class FilesAndDiffCommandTest {
    static TestPostgres.TestDatabase demo;
    static String url;

    /** Versions with mixed line endings and without a final newline, the cases the issue names. */
    static final String[] AWKWARD = {
            "header\r\nkeep\nold line\r\nsame\r\nlast without newline",
            "header\r\nkeep\r\nnew line\nsame\r\nadded\r\nlast without newline\n",
            "header\nkeep\r\nnew line\nsame\r\nlast changed, still no newline"};

    @BeforeAll
    static void setUp() throws SQLException {
        demo = TestPostgres.demoDatabase("files_cli");
        url = demo.url();
        TestFiles.addTextFile(demo.dataSource(), "src/awkward.txt", AWKWARD);
    }

    record Run(int exit, String out, String err) { }

    static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            System.setErr(e);
            var cli = WardenCli.commandLine();
            cli.setErr(new java.io.PrintWriter(new java.io.OutputStreamWriter(e, StandardCharsets.UTF_8), true));
            int code = cli.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    static Run cmd(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--url");
        all.add(url);
        return run(all.toArray(String[]::new));
    }

    @Test
    void listsAppsFilesTreeAndVersions() {
        Run apps = cmd("files");
        assertThat(apps.exit()).isZero();
        assertThat(apps.out()).contains("Todo App", "Weather Dashboard", "OWNER");
        Run files = cmd("files", "--app", "Todo App");
        assertThat(files.out()).contains("src/App.tsx", "text/tsx", "public/icon.png", "binary");
        Run tree = cmd("files", "--app", "Todo App", "--tree");
        assertThat(tree.out()).contains("├── src/", "ThemeContext.tsx");
        Run versions = cmd("files", "--app", "Todo App", "--path", "src/App.tsx");
        assertThat(versions.out()).contains("sha256", "v1", "v4", "head", "agent");
    }

    @Test
    void theUnifiedDiffAppliesWithGnuPatchToEveryPairOfTheAwkwardFile() throws Exception {
        for (int from = 1; from <= 3; from++) {
            for (int to = 1; to <= 3; to++) {
                Run diff = cmd("diff", "--app", "Todo App", "--path", "src/awkward.txt", "--from", "" + from, "--to", "" + to, "--unified");
                assertThat(diff.exit()).as(diff.err()).isZero();
                if (from == to) {
                    assertThat(diff.out()).isEmpty();
                    continue;
                }
                assertThat(diff.out()).startsWith("--- src/awkward.txt\n+++ src/awkward.txt\n@@ ");
                assertThat(patch(AWKWARD[from - 1], diff.out())).as("v" + from + " → v" + to).isEqualTo(AWKWARD[to - 1]);
            }
        }
    }

    @Test
    void theDemoDiffAppliesToo() throws Exception {
        Run diff = cmd("diff", "--app", "Todo App", "--path", "src/App.tsx", "--from", "1", "--to", "4", "--unified", "--context", "1");
        Run v1 = cmd("diff", "--app", "Todo App", "--path", "src/App.tsx", "--from", "1", "--to", "1", "--json");
        Run v4 = cmd("diff", "--app", "Todo App", "--path", "src/App.tsx", "--from", "4", "--to", "4", "--json");
        assertThat(diff.out()).contains("@@ -").doesNotContain("note:");
        String old = content(demo.dataSource(), "src/App.tsx", 1);
        assertThat(patch(old, diff.out())).isEqualTo(content(demo.dataSource(), "src/App.tsx", 4));
        assertThat(v1.exit()).isZero();
        assertThat(v4.exit()).isZero();
    }

    @Test
    void sideBySideShowsEndingsAndTheMissingNewline() {
        Run diff = cmd("diff", "--app", "Todo App", "--path", "src/awkward.txt", "--from", "1", "--to", "2", "--width", "120", "--color", "never");
        assertThat(diff.exit()).isZero();
        assertThat(diff.out()).contains("src/awkward.txt  v1 → v2", "[no newline at end]", "[CRLF]", "|", ">");
        assertThat(diff.out()).contains("tokens: whole v2");
    }

    @Test
    void jsonHasStatsTokensHunksAndRows() throws IOException {
        Run diff = cmd("diff", "--app", "Todo App", "--path", "src/App.tsx", "--from", "1", "--to", "2", "--json");
        JsonNode doc = new ObjectMapper().readTree(diff.out());
        assertThat(doc.path("path").asText()).isEqualTo("src/App.tsx");
        assertThat(doc.path("from").path("version").asInt()).isEqualTo(1);
        assertThat(doc.path("stats").path("changes").asInt()).isPositive();
        assertThat(doc.path("tokens").path("encoding").asText()).isEqualTo("cl100k_base");
        assertThat(doc.path("hunks").get(0).path("header").asText()).startsWith("@@ -");
        boolean importRow = false;
        for (JsonNode hunk : doc.path("hunks")) {
            for (JsonNode row : hunk.path("rows")) {
                importRow |= row.path("kind").asText().equals("insert")
                        && row.path("right").path("text").asText().contains("./context/ThemeContext");
            }
        }
        assertThat(importRow).isTrue();
        assertThat(doc.path("unified").asText()).startsWith("--- src/App.tsx");
    }

    @Test
    void binaryFilesSayTheyDiffer() {
        Run single = cmd("diff", "--app", "Todo App", "--path", "public/icon.png", "--unified");
        assertThat(single.exit()).isZero();
        assertThat(single.out()).isEqualTo("Binary files public/icon.png (empty) and v1 differ\n");
        Run side = cmd("diff", "--app", "Todo App", "--path", "public/icon.png");
        assertThat(side.out()).contains("sha256", "size", "format", "Binary content differs");
    }

    @Test
    void whatASessionChangedAndTheTokenSurvey() throws SQLException {
        String session;
        try (Connection c = demo.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id FROM core.sessions WHERE title = 'Build a todo app with dark mode'")) {
            rs.next();
            session = rs.getString(1);
        }
        Run changes = cmd("files", "--session", session);
        assertThat(changes.exit()).isZero();
        assertThat(changes.out()).contains("src/context/ThemeContext.tsx", "(new)",
                "warden diff --app 'Todo App' --path src/App.tsx --from empty --to 3");
        // what that command prints: the whole of v3 as added lines
        Run created = cmd("diff", "--app", "Todo App", "--path", "src/App.tsx", "--from", "empty", "--to", "3", "--unified");
        assertThat(created.exit()).isZero();
        assertThat(created.out()).contains("@@ -0,0 +1,").doesNotContain("\n-");
        assertThat(created.err()).contains("note: v3 compared with the empty file.");
        Run survey = cmd("files", "--token-savings", "--app", "Todo App");
        assertThat(survey.exit()).isZero();
        assertThat(survey.out()).contains("SAVED (ALL)", "Seed 000 claims 80%");
    }

    @Test
    void everyBadInputIsOneClearLineAndExitTwo() {
        expectRefusal(cmd("files", "--app", "Tod App"), "warden: No app named 'Tod App'. — did you mean 'Todo App'?");
        expectRefusal(cmd("diff", "--app", "Nope", "--path", "x"), "warden: No app named 'Nope'.");
        expectRefusal(cmd("diff", "--app", "Todo App", "--path", "src/Ap.tsx"),
                "warden: No file 'src/Ap.tsx' in Todo App. — did you mean 'src/App.tsx'?");
        expectRefusal(cmd("diff", "--app", "Todo App", "--path", "src/App.tsx", "--to", "9"),
                "warden: src/App.tsx has no version 9 (it has v1–v4).");
        expectRefusal(cmd("diff", "--app", "Todo App", "--path", "src/App.tsx", "--from", "x"),
                "warden: --from 'x' is not a version number. — give a number such as 3, or 'empty'");
        expectRefusal(cmd("diff", "--app", "Todo App", "--path", "src/App.tsx", "--from", "0"),
                "warden: --from 0 is not a version: versions count from 1.");
        expectRefusal(cmd("diff", "--app", "Todo App", "--path", "src/App.tsx", "--context", "-2"),
                "warden: The context must be 0 or more lines (got -2).");
        expectRefusal(cmd("files", "--session", "not-a-uuid"), "warden: 'not-a-uuid' is not a session id.");
        expectRefusal(cmd("files", "--session", UUID.randomUUID().toString()), "warden: No session ");
        Run missing = run("diff", "--app", "Todo App");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required option: '--path=PATH'");
    }

    private static void expectRefusal(Run run, String line) {
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith(line);
        assertThat(run.err().lines().count()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    static String patch(String old, String unified) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("warden-cli-patch-");
        try {
            Path original = Files.writeString(dir.resolve("old"), old, StandardCharsets.UTF_8);
            Path diff = Files.writeString(dir.resolve("d.diff"), unified, StandardCharsets.UTF_8);
            Path out = dir.resolve("out");
            Process p = new ProcessBuilder("patch", "--batch", "--fuzz=0", "-o", out.toString(), original.toString(), diff.toString())
                    .redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            assertThat(p.exitValue()).as(log).isZero();
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    static String content(DataSource ds, String path, int version) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT v.content FROM core.file_versions v JOIN core.files f ON f.id = v.file_id JOIN core.apps a ON a.id = f.app_id
                 WHERE a.name = 'Todo App' AND f.path = ? AND v.version = ?""")) {
            ps.setString(1, path);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
