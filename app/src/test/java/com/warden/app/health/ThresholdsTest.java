package com.warden.app.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warden.app.WardenException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThresholdsTest {

    @Test
    void editedThresholdsAreKeptInTheConfigFolderAndOnlyTheChangesAreWritten(@TempDir Path config) throws Exception {
        ThresholdStore store = new ThresholdStore(config);
        assertThat(store.load().get("cache_hit_ratio").warning()).isEqualTo(0.99);

        store.save(store.load().with("long_running_s=30,120").with("unused_index_mb=50,none"));

        HealthThresholds back = new ThresholdStore(config).load();
        assertThat(back.get("long_running_s").warning()).isEqualTo(30);
        assertThat(back.get("long_running_s").critical()).isEqualTo(120);
        assertThat(back.get("unused_index_mb").critical()).isNull();
        assertThat(back.get("cache_hit_ratio").warning()).isEqualTo(0.99);
        String text = Files.readString(config.resolve("health-thresholds.json"));
        assertThat(text).contains("long_running_s").doesNotContain("cache_hit_ratio");
        try (var files = Files.list(config)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("health-thresholds.json");
        }
    }

    @Test
    void badValuesGetOneClearLineAndTheSavedFileIsUntouched(@TempDir Path config) throws Exception {
        ThresholdStore store = new ThresholdStore(config);
        store.save(store.load().with("long_running_s=30,120"));
        String before = Files.readString(store.file());

        assertThatThrownBy(() -> store.load().with("long_running_s=300,60")).isInstanceOf(WardenException.class)
                .hasMessageContaining("critical (60.0) must not be below warning (300.0)");
        assertThatThrownBy(() -> store.load().with("cache_hit_ratio=99")).isInstanceOf(WardenException.class)
                .hasMessageContaining("is a ratio");
        assertThatThrownBy(() -> store.load().with("no_such=1")).isInstanceOf(WardenException.class)
                .hasMessageContaining("no health threshold called 'no_such'");
        assertThatThrownBy(() -> store.load().with("long_running_s=abc")).isInstanceOf(WardenException.class)
                .hasMessageContaining("not a number");
        assertThat(Files.readString(store.file())).isEqualTo(before);
    }

    @Test
    void aBrokenFileSaysWhereAndHowToRecover(@TempDir Path config) throws Exception {
        Files.writeString(config.resolve("health-thresholds.json"), "{ not json");
        assertThatThrownBy(() -> new ThresholdStore(config).load()).isInstanceOf(WardenException.class)
                .satisfies(e -> assertThat(((WardenException) e).line()).contains("health-thresholds.json").contains("delete it"));
    }

    @Test
    void judgingFollowsTheDirection() {
        HealthThresholds t = HealthThresholds.defaults();
        assertThat(t.get("cache_hit_ratio").judge(0.995)).isEqualTo(CheckStatus.OK);
        assertThat(t.get("cache_hit_ratio").judge(0.97)).isEqualTo(CheckStatus.WARNING);
        assertThat(t.get("cache_hit_ratio").judge(0.90)).isEqualTo(CheckStatus.CRITICAL);
        assertThat(t.get("round_trip_ms").judge(600)).isEqualTo(CheckStatus.CRITICAL);
        assertThat(t.get("unused_index_mb").judge(1e9)).isEqualTo(CheckStatus.WARNING);
        assertThat(t.get("cache_hit_ratio").describe()).isEqualTo("warning below 99%, critical below 95%");
    }

    @Test
    void scoreWeighsJudgedChecksAndTheWorstDecidesTheStatus() {
        CheckResult ok = new CheckResult("a", "A", "x", CheckStatus.OK, "", "", null, "", false, "", List.of(), 3);
        CheckResult warn = new CheckResult("b", "B", "x", CheckStatus.WARNING, "", "", null, "", false, "", List.of(), 1);
        CheckResult info = new CheckResult("c", "C", "x", CheckStatus.INFO, "", "", null, "", false, "", List.of(), 5);
        CheckResult crit = new CheckResult("d", "D", "x", CheckStatus.CRITICAL, "", "", null, "", false, "", List.of(), 1);
        assertThat(HealthReport.of(null, "t", "15", true, 0, List.of(ok, info)).status()).isEqualTo(HealthStatus.HEALTHY);
        HealthReport degraded = HealthReport.of(null, "t", "15", true, 0, List.of(ok, warn, info));
        assertThat(degraded.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(degraded.score()).isEqualTo(0.875);
        HealthReport critical = HealthReport.of(null, "t", "15", true, 0, List.of(ok, warn, crit));
        assertThat(critical.status()).isEqualTo(HealthStatus.CRITICAL);
        assertThat(critical.score()).isEqualTo(0.7);
        assertThat(critical.summary()).contains("critical D").contains("warning B");
    }

    @Test
    void expectedIndexesFollowDropsAndRenamesInLaterMigrations() {
        var expected = new java.util.LinkedHashMap<String, ExpectedIndexes.Expected>();
        ExpectedIndexes.parse("V1__a.sql", """
                CREATE TABLE core.t (id int, CONSTRAINT t_pk PRIMARY KEY (id), a int, b int);
                -- CREATE INDEX commented_out ON core.t (a);
                CREATE INDEX t_a ON core.t (a);
                CREATE UNIQUE INDEX IF NOT EXISTS t_b ON core.t USING btree (b) WHERE b > 0;
                CREATE FUNCTION core.f() RETURNS void LANGUAGE sql AS $$ CREATE INDEX not_me ON core.t (b); $$;
                """, expected);
        ExpectedIndexes.parse("V2__b.sql", "DROP INDEX core.t_a; ALTER INDEX core.t_b RENAME TO t_b2;", expected);
        assertThat(expected.keySet()).containsExactly("t_pk", "t_b2");
        assertThat(expected.get("t_b2").table()).isEqualTo("core.t");
        assertThat(ExpectedIndexes.fromMigrations()).extracting(ExpectedIndexes.Expected::name)
                .contains("messages_session_created_covering", "file_refs_dest_covering", "files_app_path_covering",
                        "working_set_enriched_pk");
    }
}
