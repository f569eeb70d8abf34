package com.warden.app.latency;

import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.connect.ProfileResolver;
import com.warden.app.testing.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class LatencyMonitorTest {

    static LatencyMonitor monitor(TestPostgres.TestDatabase db, List<Probe> probes) {
        return new LatencyMonitor(ProbeRunner.connector(db.profile(), ProfileResolver.system(), "warden-latency-test"),
                probes, List.of(), LatencyMonitor.Settings.defaults());
    }

    static void exec(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Test
    void everyBuiltInProbeRunsOnTheDemoWithRealParameters() {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("latency builtins");
        try (LatencyMonitor m = monitor(db, ProbeCatalog.builtIn().probes())) {
            for (int i = 0; i < 5; i++) {
                LatencyTick tick = m.tick();
                assertThat(tick.connected()).isTrue();
                assertThat(tick.samples()).allSatisfy(s -> assertThat(s.state())
                        .as(s.probeId() + ": " + s.message()).isIn(ProbeSample.ProbeState.OK, ProbeSample.ProbeState.SLOW));
            }
            LatencyMonitor.Snapshot snap = m.snapshot();
            assertThat(snap.probes()).allSatisfy(p -> {
                assertThat(p.runs()).isEqualTo(5);
                assertThat(p.p95()).isPositive();
                assertThat(p.status()).isIn(ProbeSummary.Status.PASS, ProbeSummary.Status.FAIL);
            });
            assertThat(snap.points().get("020_recent_messages")).hasSize(5);
            assertThat(snap.activity()).isNotEmpty();
            // PostgreSQL flushes its counters about once a second: back-to-back ticks may see no new transaction
            assertThat(snap.activity().get(snap.activity().size() - 1).tps()).isNotNegative();
        }
    }

    @Test
    void aProbeWithBadSqlShowsItsErrorAndTheOthersGoOn() {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("latency bad probe");
        List<Probe> probes = new ArrayList<>(ProbeCatalog.builtIn().probes());
        probes.add(1, ProbeParser.parse("050_broken", "test", "-- name: Broken\n-- threshold_ms: 5\n-- query:\nSELEC id FROM core.sessions"));
        probes.add(2, ProbeParser.parse("051_bad_sampler", "test", """
                -- name: Bad sampler
                -- threshold_ms: 5
                -- sampler:
                SELECT id AS wrong_name FROM core.sessions
                -- query:
                SELECT 1 FROM core.sessions WHERE id = :session_id"""));
        try (LatencyMonitor m = monitor(db, probes)) {
            LatencyTick tick = m.tick();
            m.tick();
            ProbeSample broken = tick.samples().stream().filter(s -> s.probeId().equals("050_broken")).findFirst().orElseThrow();
            assertThat(broken.state()).isEqualTo(ProbeSample.ProbeState.ERROR);
            assertThat(broken.message()).contains("syntax error at or near \"SELEC\"");
            ProbeSample sampler = tick.samples().stream().filter(s -> s.probeId().equals("051_bad_sampler")).findFirst().orElseThrow();
            assertThat(sampler.message()).contains("no column named session_id");
            assertThat(tick.samples()).filteredOn(s -> !s.probeId().startsWith("05"))
                    .allSatisfy(s -> assertThat(s.state()).isIn(ProbeSample.ProbeState.OK, ProbeSample.ProbeState.SLOW));
            LatencyMonitor.Snapshot snap = m.snapshot();
            assertThat(snap.probes()).filteredOn(p -> p.id().equals("050_broken")).singleElement()
                    .satisfies(p -> assertThat(p.status()).isEqualTo(ProbeSummary.Status.ERROR));
            assertThat(snap.probes()).filteredOn(p -> p.id().equals("010_session_by_id")).singleElement()
                    .satisfies(p -> assertThat(p.runs()).isEqualTo(2));
        }
    }

    @Test
    void projectProbesAreSkippedOnAPlainDatabaseAndTheRoundTripStillRuns() {
        TestPostgres.TestDatabase db = TestPostgres.emptyDatabase("latency plain");
        try (LatencyMonitor m = monitor(db, ProbeCatalog.builtIn().probes())) {
            LatencyTick tick = m.tick();
            assertThat(tick.samples()).filteredOn(s -> s.probeId().equals("900_round_trip")).singleElement()
                    .satisfies(s -> assertThat(s.state()).isIn(ProbeSample.ProbeState.OK, ProbeSample.ProbeState.SLOW));
            assertThat(tick.samples()).filteredOn(s -> !s.probeId().equals("900_round_trip"))
                    .allSatisfy(s -> assertThat(s.state()).isEqualTo(ProbeSample.ProbeState.SKIPPED));
        }
    }

    @Test
    void withoutPgStatStatementsThePanelSaysHowToEnableIt() {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("latency no pgss");
        try (LatencyMonitor m = monitor(db, List.of())) {
            StatementsSnapshot s = m.tick().statements();
            assertThat(s.available()).isFalse();
            assertThat(s.problem()).contains("not created in this database");
            assertThat(s.howToEnable()).contains("CREATE EXTENSION pg_stat_statements");
        }
        StatementsAvailability notLoaded = new StatementsAvailability(true, false, false, null);
        assertThat(notLoaded.problem()).contains("not in shared_preload_libraries");
        assertThat(notLoaded.howToEnable()).contains("shared_preload_libraries").contains("restart");
        assertThat(new StatementsAvailability(false, false, false, null).howToEnable()).contains("contrib");
    }

    @Test
    void statementRatesComeFromDeltasAndSurviveAReset() throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("latency pgss");
        exec(db.dataSource(), "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            StatementSampler sampler = new StatementSampler();
            for (int i = 0; i < 20; i++) {
                st.execute("SELECT count(*) FROM core.messages WHERE token_count > " + i);
            }
            StatementsSnapshot first = sampler.sample(c);
            assertThat(first.available()).isTrue();
            assertThat(first.byTotal()).isNotEmpty();
            assertThat(first.byTotal().get(0).callsPerSec()).isNaN();
            for (int i = 0; i < 10; i++) {
                st.execute("SELECT count(*) FROM core.messages WHERE token_count > " + i);
            }
            Thread.sleep(200);
            StatementsSnapshot second = sampler.sample(c);
            StatementRow row = second.byTotal().stream().filter(r -> r.query().contains("token_count >")).findFirst().orElseThrow();
            assertThat(row.calls()).isEqualTo(30);
            assertThat(row.intervalCalls()).isEqualTo(10);
            assertThat(row.callsPerSec()).isPositive();
            assertThat(second.resetDetected()).isFalse();

            st.execute("SELECT pg_stat_statements_reset()");
            st.execute("SELECT count(*) FROM core.messages WHERE token_count > 1");
            StatementsSnapshot third = sampler.sample(c);
            assertThat(third.resetDetected()).isTrue();
            StatementRow after = third.byTotal().stream().filter(r -> r.query().contains("token_count >")).findFirst().orElseThrow();
            assertThat(after.calls()).isEqualTo(1);
            assertThat(after.intervalCalls()).isEqualTo(1);
            assertThat(third.byTotal()).allSatisfy(r -> assertThat(r.intervalCalls()).isNotNegative());
            assertThat(third.byTotal()).allSatisfy(r -> assertThat(r.callsPerSec()).isNotNegative());
        }
    }

    @Test
    void explainFlagsASequentialScanOfABigTableAndPassesAnIndexScan() throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("latency explain");
        exec(db.dataSource(), "CREATE TABLE public.big AS SELECT g AS id, md5(g::text) AS v FROM generate_series(1, 50000) g");
        exec(db.dataSource(), "ANALYZE public.big");
        Probe probe = ProbeParser.parse("big", "test", """
                -- threshold_ms: 5
                -- sampler:
                SELECT v FROM public.big LIMIT 10
                -- query:
                SELECT id FROM public.big WHERE v = :v""");
        try (ProbeRunner runner = new ProbeRunner(ProbeRunner.connector(db.profile(), ProfileResolver.system(), "t"), 1,
                java.time.Duration.ofMinutes(5))) {
            Explainer explainer = new Explainer(Explainer.DEFAULT_BIG_TABLE_ROWS, false);
            ExplainVerdict seq = LatencyMonitor.explain(runner, explainer, probe);
            assertThat(seq.verdict()).as(seq.summary()).isEqualTo(ExplainVerdict.Verdict.FLAGGED);
            assertThat(seq.summary()).contains("sequential scan of public.big (~50,000 rows)");
            assertThat(seq.nodes()).anySatisfy(n -> assertThat(n.flag()).isNotEmpty());

            exec(db.dataSource(), "CREATE INDEX big_v ON public.big (v)");
            ExplainVerdict idx = LatencyMonitor.explain(runner, new Explainer(Explainer.DEFAULT_BIG_TABLE_ROWS, true), probe);
            assertThat(idx.verdict()).as(idx.summary()).isEqualTo(ExplainVerdict.Verdict.GOOD);
            assertThat(idx.summary()).contains("big_v");
            assertThat(idx.executionMs()).isNotNaN();
        }
        try (LatencyMonitor m = monitor(db, ProbeCatalog.builtIn().probes())) {
            List<ExplainVerdict> all = m.explainAll(false);
            assertThat(all).allSatisfy(v -> assertThat(v.verdict()).as(v.probeId() + " " + v.summary())
                    .isEqualTo(ExplainVerdict.Verdict.GOOD));
            assertThat(all).filteredOn(v -> v.probeId().equals("020_recent_messages")).singleElement()
                    .satisfies(v -> assertThat(v.summary()).contains("messages_session_created_covering"));
        }
    }
}
