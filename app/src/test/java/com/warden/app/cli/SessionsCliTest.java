package com.warden.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.warden.app.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** warden sessions and warden prelude against the demo database: output, JSON, exit codes, bad input. */
class SessionsCliTest {
    static TestPostgres.TestDatabase demo;
    static String golden;

    record Run(int code, String out, String err) { }

    @BeforeAll
    static void database() throws Exception {
        demo = TestPostgres.demoDatabase("sessions cli");
        try (Connection c = demo.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT s.id FROM core.sessions s JOIN core.apps a ON a.id = s.app_id "
                     + "WHERE s.title = 'Build a todo app with dark mode' AND a.name = 'Todo App'")) {
            rs.next();
            golden = rs.getString(1);
        }
    }

    static synchronized Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            var cli = WardenCli.commandLine();
            cli.setErr(new java.io.PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
            int code = cli.execute(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void sessionsListsAPageAndSaysHowToGoOn() {
        Run r = run("sessions", "--url", demo.url(), "--limit", "5");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("ID ").contains("TITLE").contains("LAST ACTIVITY");
        String more = r.out().lines().filter(l -> l.startsWith("More: add --after ")).findFirst().orElseThrow();
        Run next = run("sessions", "--url", demo.url(), "--limit", "5", "--after", more.substring("More: add --after ".length()));
        assertThat(next.code()).isZero();
        assertThat(next.out().lines().skip(1).limit(5)).doesNotContainAnyElementsOf(r.out().lines().skip(1).limit(5).toList());
    }

    @Test
    void sessionsFiltersAndJson() throws Exception {
        Run r = run("sessions", "--url", demo.url(), "--app", "Todo App", "--search", "dark", "--json");
        assertThat(r.code()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.path("sessions")).isNotEmpty();
        doc.path("sessions").forEach(s -> {
            assertThat(s.path("app").asText()).isEqualTo("Todo App");
            assertThat(s.path("title").asText().toLowerCase()).contains("dark");
            assertThat(s.path("message_count").asLong()).isPositive();
        });
        assertThat(doc.path("next").isNull()).isTrue();
    }

    @Test
    void preludePrintsSeed000sFormatAndJsonHoldsTextCountAndParts() throws Exception {
        Run text = run("prelude", "--url", demo.url(), "--session", golden);
        assertThat(text.code()).isZero();
        assertThat(text.out()).startsWith("Session: Build a todo app with dark mode\nApp: Todo App\n\nSummary:\n")
                .contains("Pinned Files:\n- src/App.tsx (Main app component)\n- src/context/ThemeContext.tsx (Theme context for dark mode)")
                .contains("Key Facts:\n- Framework: react\n- TypeScript: true\n- Features: dark-mode, persistence");
        assertThat(text.err()).containsPattern("\\d+ tokens \\(cl100k_base\\)");

        Run json = run("prelude", "--url", demo.url(), "--session", golden, "--budget", "60", "--json");
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertThat(doc.path("token_count").asInt()).isLessThanOrEqualTo(60).isPositive();
        assertThat(doc.path("budget").asInt()).isEqualTo(60);
        assertThat(doc.path("full_token_count").asInt()).isGreaterThan(60);
        assertThat(doc.path("text").asText()).startsWith("Session: Build a todo app with dark mode");
        assertThat(doc.path("parts")).anyMatch(p -> !p.path("kept").asBoolean() && p.path("drop_rank").asInt() == 1);
        assertThat(doc.path("drop_order")).hasSize(6);
    }

    @Test
    void badInputGetsOneLineAndExitCodeTwo() {
        Run malformed = run("prelude", "--url", demo.url(), "--session", "12345");
        assertThat(malformed.code()).isEqualTo(2);
        assertThat(malformed.err()).startsWith("warden: '12345' is not a session id.");
        Run unknown = run("prelude", "--url", demo.url(), "--session", "00000000-0000-0000-0000-000000000000");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("warden: No session with id 00000000-0000-0000-0000-000000000000");
        assertThat(run("prelude", "--url", demo.url(), "--session", golden, "--budget", "0").err())
                .startsWith("warden: The token budget must be a positive number");
        assertThat(run("sessions", "--url", demo.url(), "--status", "gone").err()).startsWith("warden: Unknown status 'gone'.");
        assertThat(run("sessions", "--url", demo.url(), "--show", "nope").err()).startsWith("warden: 'nope' is not a session id.");
        Run notProject = run("sessions", "--url", TestPostgres.emptyDatabase("not a project").url());
        assertThat(notProject.code()).isEqualTo(2);
        assertThat(notProject.err()).startsWith("warden: Not a project database: there is no table core.sessions");
    }

    @Test
    void showAndExport(@TempDir Path dir) throws Exception {
        Run show = run("sessions", "--url", demo.url(), "--show", golden, "--messages", "3");
        assertThat(show.code()).isZero();
        assertThat(show.out()).startsWith("Build a todo app with dark mode\n").contains("Working set:").contains("Latest 3 messages:");
        Path md = dir.resolve("golden.md");
        Run export = run("sessions", "--url", demo.url(), "--export", golden, "--output", md.toString());
        assertThat(export.code()).isZero();
        assertThat(Files.readString(md)).startsWith("# Build a todo app with dark mode");
        Run json = run("sessions", "--url", demo.url(), "--export", golden, "--format", "json");
        assertThat(new ObjectMapper().readTree(json.out()).path("messages").size()).isGreaterThan(10);
    }

    @Test
    void asUserShowsOnlyWhatTheirPoliciesLetThrough() throws Exception {
        Run all = run("sessions", "--url", demo.url(), "--json", "--limit", "1000");
        String owner = new ObjectMapper().readTree(run("sessions", "--url", demo.url(), "--show", golden, "--json").out())
                .path("session").path("user_email").asText();
        Run as = run("sessions", "--url", demo.url(), "--json", "--limit", "1000", "--as-user", owner);
        JsonNode mine = new ObjectMapper().readTree(as.out());
        assertThat(mine.path("viewed_as").asText()).isEqualTo(owner);
        assertThat(mine.path("sessions").size()).isPositive()
                .isLessThan(new ObjectMapper().readTree(all.out()).path("sessions").size());
    }
}
