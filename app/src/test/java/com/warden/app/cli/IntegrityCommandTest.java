package com.warden.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warden.app.report.ReportJson;
import com.warden.app.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `warden integrity` as cron runs it: exit codes, JSON, HTML, history. */
class IntegrityCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) { }

    private static synchronized Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = WardenCli.commandLine().execute(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static void sql(TestPostgres.TestDatabase db, String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Test
    void aCleanDatabaseExitsZeroAndTheNextRunIsComparedWithIt() {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("cli clean");
        Run first = run("integrity", "--url", db.url(), "--history", dir.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("File version digests (server)").contains("Clean: no findings")
                .contains("First run on this database");
        Run second = run("integrity", "--url", db.url(), "--history", dir.toString(), "--mode", "client");
        assertThat(second.code()).isZero();
        assertThat(second.out()).contains("File version digests (client)").contains("No change since the last run");
    }

    @Test
    void aHistoryFolderThatCannotBeWrittenDoesNotCostTheReport() throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("cli history");
        Path blocked = dir.resolve("not-a-folder");
        Files.writeString(blocked, "a file where the history folder should be");
        Run r = run("integrity", "--url", db.url(), "--history", blocked.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Clean: no findings");
        assertThat(r.err()).contains("warden: the run was not kept: Cannot write");
    }

    @Test
    void aFaultExitsOneAndIsInTheJsonAndTheHtml() throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("cli fault");
        sql(db, "UPDATE core.image_assets SET format = 'jpeg' WHERE id = (SELECT id FROM core.image_assets WHERE format = 'png' ORDER BY id LIMIT 1)");
        Path html = dir.resolve("reports/integrity.html");
        Run r = run("integrity", "--url", db.url(), "--no-history", "--json", "--html", html.toString());
        assertThat(r.code()).isEqualTo(1);
        JsonNode doc = ReportJson.MAPPER.readTree(r.out());
        assertThat(doc.get("findings")).hasSize(1);
        assertThat(doc.get("findings").get(0).get("code").asText()).isEqualTo("image-format");
        assertThat(doc.get("verdict").get("errors").asInt()).isEqualTo(1);
        assertThat(r.err()).contains("Wrote " + html.toAbsolutePath());
        assertThat(Files.readString(html)).contains("image is PNG but labelled JPEG");
        assertThat(run("integrity", "--url", db.url(), "--no-history", "--fail-on", "none").code()).isZero();
    }

    @Test
    void failOnWarningCatchesWarningsThatErrorLetsThrough() throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("cli warning");
        sql(db, "ALTER TABLE core.working_set DISABLE TRIGGER ALL");
        Run lenient = run("integrity", "--url", db.url(), "--no-history", "--checks", "constraints");
        assertThat(lenient.code()).isZero();
        assertThat(lenient.out()).contains("WARNING").contains("is not enforced");
        Run strict = run("integrity", "--url", db.url(), "--no-history", "--checks", "constraints", "--fail-on", "warning");
        assertThat(strict.code()).isEqualTo(1);
    }

    @Test
    void badInputExitsTwoWithOneClearLine() {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("cli bad");
        Run mode = run("integrity", "--url", db.url(), "--mode", "fast");
        assertThat(mode.code()).isEqualTo(2);
        assertThat(mode.err().strip()).isEqualTo("warden: Unknown mode 'fast'. — use server, client or both");
        Run failOn = run("integrity", "--url", db.url(), "--fail-on", "sometimes");
        assertThat(failOn.code()).isEqualTo(2);
        assertThat(failOn.err()).contains("Unknown severity 'sometimes'");
        Run check = run("integrity", "--url", db.url(), "--checks", "versions,colours");
        assertThat(check.code()).isEqualTo(2);
        assertThat(check.err()).contains("Unknown check 'colours'");
        Run app = run("integrity", "--url", db.url(), "--app", "No Such App", "--no-history");
        assertThat(app.code()).isEqualTo(2);
        assertThat(app.err()).contains("No app is named 'No Such App'");
        Run workers = run("integrity", "--url", db.url(), "--workers", "0");
        assertThat(workers.code()).isEqualTo(2);
        assertThat(workers.err()).contains("--workers must be between 1 and 16");
        Run nowhere = run("integrity", "--url", "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2");
        assertThat(nowhere.code()).isEqualTo(2);
        assertThat(nowhere.err()).startsWith("warden: Nothing is listening on 127.0.0.1:1");
        Run notProject = run("integrity", "--url", TestPostgres.emptyDatabase("cli empty").url(), "--no-history");
        assertThat(notProject.code()).isEqualTo(2);
        assertThat(notProject.err()).contains("Not a project database");
        Run unknownOption = run("integrity", "--colour");
        assertThat(unknownOption.code()).isEqualTo(2);
    }
}
