package com.warden.app.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.report.Finding;
import com.warden.app.report.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegrityHistoryTest {
    static final IntegrityReport.Target TARGET = new IntegrityReport.Target("demo", "db.example", 5432, "warden", "15.18", null, null);

    static Finding finding(String row) {
        return new Finding("versions", "version-digest", Severity.ERROR, "core.file_versions", row, "Todo App", "src/App.tsx",
                UUID.randomUUID().toString(), "version 2: content does not match its recorded SHA-256", "sha256 aa", "sha256 bb",
                "", List.of("server"));
    }

    static IntegrityReport report(Instant at, ScanStatus status, Finding... findings) {
        return new IntegrityReport(UUID.randomUUID().toString(), at, at.plusSeconds(3), TARGET, "server", List.of("versions"), 2,
                "blocks", true, status, status.finished() ? null : "Connection lost while checking …", List.of(findings),
                List.of(), status.finished(), List.of(new CheckSummary("versions", "server", "done", 10, 1000, 5, findings.length, "")),
                List.of());
    }

    @Test
    void comparesWithTheLastFinishedRunAndKeepsEveryRunAsJson(@TempDir Path dir) throws Exception {
        IntegrityHistory history = new IntegrityHistory(dir);
        Instant t = Instant.parse("2026-01-01T03:00:00Z");
        Finding a = finding("a");
        Finding b = finding("b");
        Finding c = finding("c");
        Finding d = finding("d");

        RunComparison first = history.record(report(t, ScanStatus.COMPLETE, a, b));
        assertThat(first.hasPrevious()).isFalse();
        assertThat(first.summary()).startsWith("First run on this database");

        // an interrupted run is kept, but the next run is compared with the last finished one
        history.record(report(t.plusSeconds(60), ScanStatus.INTERRUPTED, a));
        RunComparison third = history.record(report(t.plusSeconds(120), ScanStatus.COMPLETE, a, c, d));
        assertThat(third.added()).extracting(Finding::rowId).containsExactlyInAnyOrder("c", "d");
        assertThat(third.gone()).extracting(Finding::rowId).containsExactly("b");
        assertThat(third.unchanged()).isEqualTo(1);
        assertThat(third.summary()).isEqualTo("2 new findings, 1 gone since the last run (2026-01-01 03:00:00Z).");

        RunComparison same = history.record(report(t.plusSeconds(180), ScanStatus.COMPLETE, a, c, d));
        assertThat(same.summary()).startsWith("No change since the last run").endsWith("the same 3 findings.");

        assertThat(history.runs(TARGET)).hasSize(4);
        assertThat(history.runs(TARGET).get(0).findings()).hasSize(3);
        try (Stream<Path> files = Files.list(dir.resolve(TARGET.historyKey()))) {
            assertThat(files.map(p -> p.getFileName().toString())).hasSize(4).allMatch(n -> n.endsWith(".json"));
        }
    }

    @Test
    void keepsTheNewestFiftyAndSkipsFilesItCannotRead(@TempDir Path dir) throws Exception {
        IntegrityHistory history = new IntegrityHistory(dir);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < IntegrityHistory.KEEP + 5; i++) {
            history.save(report(t.plusSeconds(i), ScanStatus.COMPLETE));
        }
        Path folder = dir.resolve(TARGET.historyKey());
        Files.writeString(folder.resolve("99999999T999999999Z-garbage.json"), "{ not json");
        assertThat(history.runs(TARGET)).hasSize(IntegrityHistory.KEEP);
        assertThat(history.lastFinished(TARGET).startedAt()).isEqualTo(t.plusSeconds(IntegrityHistory.KEEP + 4));
    }

    @Test
    void theHistoryKeyHoldsNoUserOrPasswordAndSeparatesApps() {
        IntegrityReport.Target app = new IntegrityReport.Target("demo", "db.example", 5432, "warden", "15.18", "Todo App",
                "3f1c0000-0000-4000-8000-000000000000");
        assertThat(TARGET.historyKey()).isEqualTo("db.example_5432_demo");
        assertThat(app.historyKey()).isEqualTo("db.example_5432_demo_app-3f1c0000-0000-4000-8000-000000000000");
        assertThat(new IntegrityReport.Target("a/../b", "h", 1, "u", "v", null, null).historyKey()).doesNotContain("/");
    }
}
