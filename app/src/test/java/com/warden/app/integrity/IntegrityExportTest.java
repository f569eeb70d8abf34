package com.warden.app.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warden.app.report.Finding;
import com.warden.app.report.ReportJson;
import com.warden.app.report.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegrityExportTest {

    private static IntegrityReport report() {
        Finding evil = new Finding("versions", "version-digest", Severity.ERROR, "core.file_versions", "row-1", "Todo <App>",
                "src/<script>alert(1)</script>.tsx", "f1", "version 2: content does not match its recorded SHA-256",
                "sha256 " + "a".repeat(64), "sha256 " + "b".repeat(64), "compare with a backup", List.of("server", "client"));
        Finding warn = new Finding("constraints", "fk-not-enforced", Severity.WARNING, "core.file_references", "fk_src", null, null,
                null, "foreign key fk_src is not enforced", "enforced", "triggers disabled", "", List.of());
        Instant t = Instant.parse("2026-02-03T04:05:06Z");
        return new IntegrityReport("run-1", t, t.plusMillis(2500), IntegrityHistoryTest.TARGET, "both", List.of("versions"), 2,
                "blocks", true, ScanStatus.COMPLETE, null, List.of(evil, warn), List.of(), true,
                List.of(new CheckSummary("versions", "server", "done", 300_000, 265_000_000, 660, 1, "")),
                List.of("amcheck: not available on this server"));
    }

    @Test
    void theHtmlStandsAloneIsPrintableAndEscapesWhatTheDatabaseHolds() {
        IntegrityReport report = report();
        RunComparison cmp = new RunComparison("run-0", Instant.parse("2026-02-02T04:00:00Z"), List.of(report.findings().get(0)),
                List.of(), 1);
        String html = IntegrityExport.html(report, cmp);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("@media print").doesNotContain("<script>")
                .contains("src/&lt;script&gt;alert(1)&lt;/script&gt;.tsx").contains("Todo &lt;App&gt;")
                .contains("<h2 class=\"error\">Error (1)</h2>").contains("<h2 class=\"warning\">Warning (1)</h2>")
                .contains("1 new finding, 0 gone since the last run").contains("seen by server and client mode")
                .contains("amcheck: not available on this server").contains("265 MB").doesNotContain("http://")
                .doesNotContain("<link");
    }

    @Test
    void theCsvQuotesWhatNeedsItAndDisarmsFormulas() {
        Finding formula = new Finding("orphans", "reference-cross-app", Severity.ERROR, "core.file_references", "r1", "=HYPERLINK(\"x\")",
                "a,b.tsx", null, "line one\nline two", "", "", "", List.of());
        IntegrityReport base = report();
        IntegrityReport r = new IntegrityReport(base.runId(), base.startedAt(), base.finishedAt(), base.target(), base.mode(),
                base.groups(), base.workers(), base.chunking(), true, ScanStatus.COMPLETE, null, List.of(formula), List.of(), true,
                List.of(), List.of());
        String csv = IntegrityExport.csv(r);
        assertThat(csv).startsWith("severity,check,code,table,row_id,app,path,file_id,title,expected,found,detail,seen_by\r\n");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"x\"\")\"").contains("\"a,b.tsx\"").contains("\"line one\nline two\"");
    }

    @Test
    void theJsonHasTheReportTheVerdictAndTheComparison(@TempDir Path dir) throws Exception {
        Path file = IntegrityExport.writeJson(dir.resolve("out/report.json"), report(), RunComparison.first());
        JsonNode doc = ReportJson.MAPPER.readTree(Files.readString(file));
        assertThat(doc.get("status").asText()).isEqualTo("COMPLETE");
        assertThat(doc.get("findings")).hasSize(2);
        assertThat(doc.get("findings").get(0).get("rowId").asText()).isEqualTo("row-1");
        assertThat(doc.get("verdict").get("errors").asInt()).isEqualTo(1);
        assertThat(doc.get("verdict").get("warnings").asInt()).isEqualTo(1);
        assertThat(doc.get("comparison").get("summary").asText()).startsWith("First run");
        assertThat(doc.get("startedAt").asText()).isEqualTo("2026-02-03T04:05:06Z");
        // a report written by this Warden reads back (the history depends on it)
        IntegrityReport back = ReportJson.read(Files.readString(file), IntegrityReport.class);
        assertThat(back.findings()).isEqualTo(report().findings());
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }
}
