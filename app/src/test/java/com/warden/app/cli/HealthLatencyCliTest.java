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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check, latency and load commands end to end: exit codes, JSON documents, clear errors. */
class HealthLatencyCliTest {

    record Run(int code, String out, String err) { }

    static synchronized Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            var cli = WardenCli.commandLine();
            cli.setOut(new java.io.PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
            cli.setErr(new java.io.PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
            int code = cli.execute(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void checkPrintsEveryCheckAndFailsOnTheStatusAskedFor() throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("cli check");
        try (var c = db.dataSource().getConnection(); var st = c.createStatement()) {
            st.execute("DROP INDEX core.file_refs_dest_covering");
        }
        Run text = run("check", "--url", db.url());
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("critical  Expected indexes present and valid").contains("fix: the hot paths fall back")
                .contains("Overall: critical");

        Run json = run("check", "--url", db.url(), "--json", "--fail-on", "critical");
        assertThat(json.code()).isEqualTo(1);
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertThat(doc.get("status").asText()).isEqualTo("CRITICAL");
        assertThat(doc.get("checks")).hasSizeGreaterThan(15);

        Run bad = run("check", "--url", db.url(), "--fail-on", "sometimes");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("warden: Unknown status 'sometimes'. — use degraded or critical");
    }

    @Test
    void latencyAndLoadRunAndSayClearlyWhatIsWrong(@TempDir Path probes) throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("cli latency");
        Files.writeString(probes.resolve("broken.sql"), "-- name: Broken\n-- threshold_ms: 5\n-- query:\nSELEC 1");
        Run latency = run("latency", "--url", db.url(), "--duration", "2s", "--rate", "4", "--probes", probes.toString(), "--json");
        assertThat(latency.code()).isZero();
        JsonNode doc = new ObjectMapper().readTree(latency.out());
        assertThat(doc.get("probes")).anySatisfy(p -> {
            assertThat(p.get("id").asText()).isEqualTo("broken");
            assertThat(p.get("status").asText()).isEqualTo("ERROR");
            assertThat(p.get("message").asText()).contains("syntax error");
        });
        assertThat(doc.get("probes")).filteredOn(p -> p.get("id").asText().startsWith("0"))
                .allSatisfy(p -> assertThat(p.get("runs").asInt()).isPositive());

        Run failing = run("latency", "--url", db.url(), "--duration", "1s", "--probes", probes.toString(), "--fail-on-threshold");
        assertThat(failing.code()).isEqualTo(1);
        assertThat(failing.out()).contains("Broken").contains("syntax error");

        assertThat(run("latency", "--url", db.url(), "--duration", "soon").err()).contains("--duration 'soon' is not a duration");
        assertThat(run("latency", "--url", db.url(), "--probes", probes.resolve("nope").toString()).err())
                .contains("The probe folder").contains("does not exist");
        Run down = run("latency", "--url", "postgresql://postgres@localhost:1/none", "--duration", "1s");
        assertThat(down.code()).isEqualTo(2);
        assertThat(down.err()).startsWith("warden: ");

        Run load = run("load", "--url", db.url(), "--workers", "1,2", "--duration", "1s", "--json");
        assertThat(load.code()).isZero();
        assertThat(new ObjectMapper().readTree(load.out()).get("steps")).hasSize(2);
    }
}
