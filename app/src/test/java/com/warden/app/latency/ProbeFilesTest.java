package com.warden.app.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warden.app.WardenException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeFilesTest {

    @Test
    void namedParametersBecomeJdbcPlaceholdersAndPgbenchVariables() {
        NamedSql sql = new NamedSql("""
                SELECT :a, ':not_me', "col:x", $$ :nor_me $$, x::text, j ? 'k' -- :comment
                  FROM t WHERE b = :b AND c = :a /* :block */""");
        assertThat(sql.parameterNames()).containsExactly("a", "b");
        assertThat(sql.jdbcOrder()).containsExactly("a", "b", "a");
        assertThat(sql.jdbc()).startsWith("SELECT ?, ':not_me', \"col:x\", $$ :nor_me $$, x::text, j ?? 'k'")
                .endsWith("WHERE b = ? AND c = ? /* :block */");
        assertThat(sql.rename(n -> "s7_" + n)).contains("SELECT :s7_a,").contains("b = :s7_b AND c = :s7_a");
    }

    @Test
    void aProbeFileHasAHeaderASamplerAndAQuery() {
        Probe p = ProbeParser.parse("x", "test", """
                -- name: Recent messages
                -- threshold_ms: 30
                -- requires: core
                -- sampler:
                SELECT id AS session_id FROM core.sessions;
                -- query:
                SELECT 1 FROM core.messages WHERE session_id = :session_id;
                """);
        assertThat(p.name()).isEqualTo("Recent messages");
        assertThat(p.thresholdMs()).isEqualTo(30);
        assertThat(p.needsProject()).isTrue();
        assertThat(p.sampler()).isEqualTo("SELECT id AS session_id FROM core.sessions");
        assertThat(p.query()).endsWith(":session_id");
        assertThat(p.parameterNames()).containsExactly("session_id");
    }

    @Test
    void formatMistakesAreOneClearLineNamingTheFile() {
        assertThatThrownBy(() -> ProbeParser.parse("a", "a.sql", "-- name: A\n-- query:\nSELECT 1"))
                .isInstanceOf(WardenException.class).hasMessage("Probe a (a.sql): no '-- threshold_ms:' line; say how fast the "
                        + "query must be, e.g. -- threshold_ms: 20.");
        assertThatThrownBy(() -> ProbeParser.parse("b", "b.sql", "-- threshold_ms: 5\n-- query:\nSELECT :x"))
                .hasMessageContaining("uses :x but there is no '-- sampler:'");
        assertThatThrownBy(() -> ProbeParser.parse("c", "c.sql", "-- threshold_ms: fast\n-- query:\nSELECT 1"))
                .hasMessageContaining("threshold_ms 'fast' is not a number");
        assertThatThrownBy(() -> ProbeParser.parse("d", "d.sql", "-- threshold_ms: 5\nSELECT 1"))
                .hasMessageContaining("line 2): SQL before '-- query:'");
    }

    @Test
    void theBuiltInProbesAllLoad() {
        ProbeCatalog.Loaded loaded = ProbeCatalog.builtIn();
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.probes()).extracting(Probe::id).contains("010_session_by_id", "020_recent_messages",
                "030_file_by_path", "040_working_set", "050_session_with_memory", "060_files_by_paths", "070_impact_depth5",
                "080_session_list_by_status", "090_message_stats", "900_round_trip");
        assertThat(loaded.probes()).allSatisfy(p -> assertThat(p.thresholdSource()).isNotBlank());
    }

    @Test
    void theUsersFolderAddsAndReplacesProbesAndABrokenFileIsReportedNotFatal(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("020_recent_messages.sql"), "-- name: Mine\n-- threshold_ms: 1\n-- query:\nSELECT 2");
        Files.writeString(dir.resolve("500_extra.sql"), "-- name: Extra\n-- threshold_ms: 3\n-- query:\nSELECT 3");
        Files.writeString(dir.resolve("600_broken.sql"), "-- name: Broken\n-- query:\nSELECT 4");
        Files.writeString(dir.resolve("notes.txt"), "not a probe");

        ProbeCatalog.Loaded loaded = ProbeCatalog.load(dir, true);

        assertThat(loaded.probes()).filteredOn(p -> p.id().equals("020_recent_messages")).singleElement()
                .satisfies(p -> assertThat(p.name()).isEqualTo("Mine"));
        assertThat(loaded.probes()).extracting(Probe::id).contains("500_extra").doesNotContain("600_broken");
        assertThat(loaded.problems()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("600_broken");
            assertThat(p.message()).contains("threshold_ms");
        });
        assertThat(ProbeCatalog.load(dir, false).probes()).extracting(Probe::id)
                .containsExactly("020_recent_messages", "500_extra");
        assertThat(ProbeCatalog.load(dir.resolve("missing"), true).probes()).hasSize(ProbeCatalog.builtIn().probes().size());
        assertThatThrownBy(() -> ProbeCatalog.load(dir.resolve("notes.txt"), true)).hasMessageContaining("is a file");
    }

    @Test
    void probeListsAreStable() {
        assertThat(ProbeCatalog.builtIn().probes()).extracting(Probe::id).isSortedAccordingTo(String::compareTo);
        assertThat(List.of()).isEmpty();
    }
}
