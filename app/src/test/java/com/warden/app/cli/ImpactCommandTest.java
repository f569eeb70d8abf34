package com.warden.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.warden.app.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** `warden impact` end to end: table, JSON, DOT, exit codes and the one-line errors. */
class ImpactCommandTest {
    static String url;

    record Run(int code, String out, String err) { }

    @BeforeAll
    static void setUp() {
        url = TestPostgres.demoDatabase("impact-cli").url();
    }

    static Run run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            CommandLine cli = WardenCli.commandLine();
            cli.setErr(new PrintWriter(err, true));
            int code = cli.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void theTableNamesTheGoldenDependents() {
        Run r = run("impact", "--url", url, "--app", "Todo App", "--path", "src/context/ThemeContext.tsx");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Dependents of src/context/ThemeContext.tsx in Todo App")
                .contains("src/App.tsx").contains("src/components/TodoList.tsx")
                .contains("By depth: 0: 1 · 1: 2").contains("Cycles:   none met");
    }

    @Test
    void jsonListsNodesEdgesAndCycles() throws Exception {
        Run r = run("impact", "--url", url, "--app", "Todo App", "--path", "src/App.tsx", "--direction", "dependencies",
                "--types", "import,asset", "--depth", "2", "--json");
        assertThat(r.code()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.path("direction").asText()).isEqualTo("dependencies");
        assertThat(doc.path("max_depth").asInt()).isEqualTo(2);
        assertThat(doc.path("types").toString()).isEqualTo("[\"import\",\"asset\"]");
        assertThat(doc.path("nodes").get(0).fieldNames()).toIterable().contains("file_id", "path", "depth");
        assertThat(doc.path("edges").get(0).fieldNames()).toIterable().contains("src", "dest", "type");
        assertThat(doc.path("cycles").isArray()).isTrue();
    }

    @Test
    void dotIsAGraph() {
        Run r = run("impact", "--url", url, "--app", "Todo App", "--path", "src/context/ThemeContext.tsx", "--dot");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("digraph impact {").contains("rank=same");
    }

    @Test
    void badInputExitsTwoWithOneLine() {
        Run depth = run("impact", "--url", url, "--app", "Todo App", "--path", "src/App.tsx", "--depth", "0");
        assertThat(depth.code()).isEqualTo(2);
        assertThat(depth.err().strip()).isEqualTo("warden: Depth 0 is outside the allowed range 1 to 50. — give a depth from 1 to 50 (default 5)");
        assertThat(run("impact", "--url", url, "--app", "Todo App", "--path", "src/App.tsx", "--depth=-4").err())
                .contains("Depth -4 is outside the allowed range 1 to 50.");
        assertThat(run("impact", "--url", url, "--app", "Todo App", "--path", "src/App.tsx", "--depth", "51").err())
                .contains("Depth 51 is outside the allowed range 1 to 50.");
        Run app = run("impact", "--url", url, "--app", "Nope", "--path", "src/App.tsx");
        assertThat(app.code()).isEqualTo(2);
        assertThat(app.err()).startsWith("warden: Unknown app 'Nope'.");
        Run path = run("impact", "--url", url, "--app", "Todo App", "--path", "src/Nope.tsx");
        assertThat(path.code()).isEqualTo(2);
        assertThat(path.err()).startsWith("warden: No file 'src/Nope.tsx' in app 'Todo App'. — did you mean");
        assertThat(run("impact", "--url", url, "--app", "Todo App").err()).contains("Say where to start");
        assertThat(run("impact", "--url", url, "--app", "Todo App", "--path", "x", "--json", "--dot").code()).isEqualTo(2);
    }

    @Test
    void topRanksTheMostDependedOnFiles() throws Exception {
        Run r = run("impact", "--url", url, "--app", "Todo App", "--top", "3", "--json");
        assertThat(r.code()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.path("most_depended_on")).hasSize(3);
        assertThat(doc.path("most_depended_on").get(0).path("path").asText()).isEqualTo("src/types.ts");
    }

    @Test
    void failOnCyclesExitsOneWhenTheWalkMeetsOne() throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("impact-cli-cycle");
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            // make ThemeContext import TodoList, which imports ThemeContext: a circle
            st.execute("""
                    INSERT INTO core.file_references (app_id, src_file_id, dest_file_id, ref_type)
                    SELECT a.id, s.id, d.id, 'import'
                      FROM core.apps a
                      JOIN core.files s ON s.app_id = a.id AND s.path = 'src/context/ThemeContext.tsx'
                      JOIN core.files d ON d.app_id = a.id AND d.path = 'src/components/TodoList.tsx'
                     WHERE a.name = 'Todo App'""");
        }
        Run r = run("impact", "--url", db.url(), "--app", "Todo App", "--path", "src/context/ThemeContext.tsx", "--fail-on", "cycles");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("Cycles:   1 met")
                .contains("src/context/ThemeContext.tsx → src/components/TodoList.tsx → src/context/ThemeContext.tsx");
        assertThat(run("impact", "--url", url, "--app", "Todo App", "--path", "src/context/ThemeContext.tsx", "--fail-on", "cycles").code())
                .isZero();
    }
}
