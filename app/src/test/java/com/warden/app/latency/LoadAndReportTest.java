package com.warden.app.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.warden.app.WardenException;
import com.warden.app.connect.ProfileResolver;
import com.warden.app.job.JobContext;
import com.warden.app.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadAndReportTest {

    @Test
    void theLoadDrillReportsThroughputAndLatencyPerConcurrencyStep() {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("load drill");
        LoadDrill drill = new LoadDrill(ProbeRunner.connector(db.profile(), ProfileResolver.system(), "warden-load-test"));
        List<Probe> probes = ProbeCatalog.builtIn().probes();

        LoadDrillResult r = drill.run("test", probes, List.of(1, 3), Duration.ofMillis(800), JobContext.none());

        assertThat(r.steps()).extracting(LoadStep::workers).containsExactly(1, 3);
        assertThat(r.steps()).allSatisfy(s -> {
            assertThat(s.operations()).isPositive();
            assertThat(s.errors()).isZero();
            assertThat(s.opsPerSecond()).isPositive();
            assertThat(s.p95()).isGreaterThanOrEqualTo(s.p50());
            assertThat(s.perProbeP95()).hasSize(probes.size());
        });
        assertThat(r.probes()).hasSize(probes.size());
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void tooManyWorkersForTheServerIsOneClearLineBeforeAnythingRuns() {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("load too many");
        LoadDrill drill = new LoadDrill(ProbeRunner.connector(db.profile(), ProfileResolver.system(), "warden-load-test"));
        assertThatThrownBy(() -> drill.run("test", ProbeCatalog.builtIn().probes(), List.of(1, 400), Duration.ofSeconds(1),
                JobContext.none())).isInstanceOf(WardenException.class).hasMessageContaining("needs 400 connections")
                .satisfies(e -> assertThat(((WardenException) e).hint()).contains("nothing was run"));
        assertThatThrownBy(() -> drill.run("test", ProbeCatalog.builtIn().probes(), List.of(0), Duration.ofSeconds(1),
                JobContext.none())).hasMessageContaining("between 1 and 500");
    }

    @Test
    void theReportHoldsEverySectionInHtmlAndJson(@TempDir Path dir) throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("report");
        try (var c = db.dataSource().getConnection(); var st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
        var connector = ProbeRunner.connector(db.profile(), ProfileResolver.system(), "warden-report-test");
        List<Probe> probes = new java.util.ArrayList<>(ProbeCatalog.builtIn().probes());
        probes.add(ProbeParser.parse("999_broken", "test", "-- name: <Broken & bad>\n-- threshold_ms: 5\n-- query:\nSELEC 1"));
        LatencyMonitor.Snapshot snap;
        List<ExplainVerdict> plans;
        try (LatencyMonitor m = new LatencyMonitor(connector, probes, List.of(new ProbeCatalog.Problem("x", "x.sql", "Probe x: bad")),
                LatencyMonitor.Settings.defaults())) {
            for (int i = 0; i < 3; i++) {
                m.tick();
            }
            snap = m.snapshot();
            plans = m.explainAll(false);
        }
        LoadDrillResult load = new LoadDrill(connector).run("test", ProbeCatalog.builtIn().probes(), List.of(1, 2),
                Duration.ofMillis(600), JobContext.none());
        PerformanceReport report = PerformanceReport.of(snap, db.url(), "15", 3, 1, plans, load);

        List<Path> written = ReportWriter.write(report, dir.resolve("perf.html"));

        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly("perf.html", "perf.json");
        String html = Files.readString(written.get(0));
        assertThat(html).contains("<h2>Probes</h2>", "Recent messages", "<h2>Plans</h2>", "messages_session_created_covering",
                "<h2>Statements (pg_stat_statements)</h2>", "<h2>Load drill</h2>", "<svg", "&lt;Broken &amp; bad&gt;",
                "syntax error", "Probe x: bad");
        assertThat(html).doesNotContain("<Broken");
        JsonNode json = ReportWriter.mapper().readTree(written.get(1).toFile());
        assertThat(json.get("probes")).hasSize(probes.size());
        assertThat(json.get("load").get("steps")).hasSize(2);
        assertThat(json.get("plans")).isNotEmpty();
        assertThat(json.get("statements").get("available").asBoolean()).isTrue();
        // no NaN tokens: a missing figure is null
        assertThat(Files.readString(written.get(1))).doesNotContain("NaN");
        assertThat(Files.getPosixFilePermissions(written.get(0)).toString()).contains("OTHERS_READ");
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(2);
        }
    }

    @Test
    void pgbenchRunsTheSameSqlWithTheSameParameters(@TempDir Path dir) throws Exception {
        Optional<PgBench> pgbench = PgBench.locate();
        Assumptions.assumeTrue(pgbench.isPresent(), "pgbench is not installed here");
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("pgbench");
        Probe probe = ProbeCatalog.builtIn().probes().stream().filter(p -> p.id().equals("060_files_by_paths")).findFirst().orElseThrow();
        try (ProbeRunner runner = new ProbeRunner(ProbeRunner.connector(db.profile(), ProfileResolver.system(), "t"), 1,
                Duration.ofMinutes(5))) {
            assertThat(runner.run(probe).kind()).isEqualTo(ProbeRunner.Result.Kind.OK);
            ParameterPool pool = runner.pool(probe.id());
            PgBench.Run run = pgbench.get().run(db.profile(), null, probe, pool, Duration.ofSeconds(1), dir);
            assertThat(run.transactions()).isPositive();
            assertThat(run.failed()).isZero();
            assertThat(Files.readString(dir.resolve("probe-0.sql"))).contains("f.path = ANY (:s0_paths)");
        }
    }
}
