package com.warden.app.integrity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warden.app.report.AtomicWrite;
import com.warden.app.report.Finding;
import com.warden.app.report.Html;
import com.warden.app.report.ReportJson;
import com.warden.app.report.Severity;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as a standalone, printable HTML page and as a JSON document. Both are written
 * atomically: a reader never sees half a report.
 */
public final class IntegrityExport {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

    private IntegrityExport() { }

    /** The stable JSON document: the report's fields, plus the verdict and the comparison. */
    public static String json(IntegrityReport report, RunComparison comparison) {
        ObjectNode doc = ReportJson.MAPPER.valueToTree(report);
        ObjectNode verdict = ReportJson.MAPPER.createObjectNode();
        verdict.put("summary", report.summaryLine());
        verdict.put("errors", report.errors());
        verdict.put("warnings", report.warnings());
        verdict.put("info", report.count(Severity.INFO));
        doc.set("verdict", verdict);
        if (comparison != null) {
            ObjectNode cmp = ReportJson.MAPPER.valueToTree(comparison);
            cmp.put("summary", comparison.summary());
            doc.set("comparison", cmp);
        }
        return ReportJson.write(doc);
    }

    public static Path writeJson(Path file, IntegrityReport report, RunComparison comparison) {
        return AtomicWrite.text(file, json(report, comparison));
    }

    public static Path writeHtml(Path file, IntegrityReport report, RunComparison comparison) {
        return AtomicWrite.text(file, html(report, comparison));
    }

    /** One finding a line, for spreadsheets: RFC 4180 quoting, a header line, UTF-8. */
    public static String csv(IntegrityReport report) {
        StringBuilder s = new StringBuilder("severity,check,code,table,row_id,app,path,file_id,title,expected,found,detail,seen_by\r\n");
        for (Finding f : report.findings()) {
            String[] cells = {f.severity().label(), f.check(), f.code(), f.table(), f.rowId(), f.app(), f.path(), f.fileId(),
                    f.title(), f.expected(), f.found(), f.detail(), String.join(" ", f.seenBy())};
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    s.append(',');
                }
                String c = cells[i] == null ? "" : cells[i];
                // a leading =, +, - or @ would run as a formula in a spreadsheet
                if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0) {
                    c = "'" + c;
                }
                s.append(c.matches(".*[\",\r\n].*") || c.contains("\n") ? '"' + c.replace("\"", "\"\"") + '"' : c);
            }
            s.append("\r\n");
        }
        return s.toString();
    }

    public static Path writeCsv(Path file, IntegrityReport report) {
        return AtomicWrite.text(file, csv(report));
    }

    public static String html(IntegrityReport report, RunComparison comparison) {
        StringBuilder h = new StringBuilder(16_384);
        String title = "Integrity report — " + report.target().label();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>").append(Html.escape(title))
                .append("</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<style>\n")
                .append(Html.STYLE).append("</style></head>\n<body>\n");
        h.append("<h1>Integrity report</h1>\n<div class=\"muted\">").append(Html.escape(report.target().label()))
                .append(" · PostgreSQL ").append(Html.escape(report.target().serverVersion()))
                .append(" · as ").append(Html.escape(report.target().user()))
                .append(" · ").append(Html.escape(WHEN.format(report.startedAt().atZone(ZoneId.systemDefault()))))
                .append("</div>\n");

        h.append("<div class=\"summary\">");
        card(h, "errors", report.errors(), "error");
        card(h, "warnings", report.warnings(), "warning");
        card(h, "info", report.count(Severity.INFO), "info");
        card(h, "rows checked", report.rowsChecked(), "");
        h.append("<div class=\"card\"><b>").append(String.format("%.1f s", report.elapsedMs() / 1000.0))
                .append("</b>").append(Html.escape(report.mode())).append(" mode, ").append(report.workers())
                .append(report.workers() == 1 ? " connection" : " connections").append("</div>");
        h.append("</div>\n");

        boolean clean = report.findings().isEmpty() && report.status() == ScanStatus.COMPLETE;
        h.append("<div class=\"").append(clean ? "ok" : "notice").append("\"><b>").append(Html.escape(report.summaryLine()))
                .append("</b>");
        if (report.stoppedAt() != null) {
            h.append("<br>").append(Html.escape(report.stoppedAt()));
        }
        if (comparison != null) {
            h.append("<br>").append(Html.escape(comparison.summary()));
        }
        h.append("</div>\n");

        for (Severity severity : Severity.values()) {
            List<Finding> of = report.findings().stream().filter(f -> f.severity() == severity).toList();
            if (of.isEmpty()) {
                continue;
            }
            h.append("<h2 class=\"").append(severity.label()).append("\">").append(capital(severity.label()))
                    .append(of.size() == 1 ? "" : "s").append(" (").append(of.size()).append(")</h2>\n");
            Map<String, List<Finding>> byCheck = new LinkedHashMap<>();
            of.forEach(f -> byCheck.computeIfAbsent(f.check(), k -> new ArrayList<>()).add(f));
            for (Map.Entry<String, List<Finding>> e : byCheck.entrySet()) {
                CheckGroup g = CheckGroup.ofId(e.getKey());
                h.append("<h3>").append(Html.escape(g == null ? e.getKey() : g.title())).append("</h3>\n");
                findingsTable(h, e.getValue());
            }
        }

        if (comparison != null && comparison.hasPrevious() && (!comparison.added().isEmpty() || !comparison.gone().isEmpty())) {
            h.append("<h2>Since the last run</h2>\n");
            if (!comparison.added().isEmpty()) {
                h.append("<h3>New (").append(comparison.added().size()).append(")</h3>\n");
                findingsTable(h, comparison.added());
            }
            if (!comparison.gone().isEmpty()) {
                h.append("<h3>Gone (").append(comparison.gone().size()).append(")</h3>\n");
                findingsTable(h, comparison.gone());
            }
        }

        h.append("<h2>Checks</h2>\n<table><tr><th>Check</th><th>State</th><th>Rows</th><th>Content</th><th>Time</th><th>Speed</th><th>Findings</th><th>Note</th></tr>\n");
        for (CheckSummary c : report.checks()) {
            h.append("<tr><td>").append(Html.escape(c.title())).append("</td><td>").append(Html.escape(c.state()))
                    .append("</td><td>").append(String.format("%,d", c.rows())).append("</td><td>")
                    .append(c.bytes() == 0 ? "" : Html.escape(ScanProgress.megabytes(c.bytes()))).append("</td><td>")
                    .append(String.format("%.2f s", c.elapsedMs() / 1000.0)).append("</td><td>")
                    .append(c.mbPerSecond() > 0 ? String.format("%.0f MB/s", c.mbPerSecond()) : "").append("</td><td>")
                    .append(c.findings()).append("</td><td>").append(Html.escape(c.note())).append("</td></tr>\n");
        }
        h.append("</table>\n");

        if (!report.notes().isEmpty()) {
            h.append("<h2>Notes</h2>\n<ul>\n");
            report.notes().forEach(n -> h.append("<li>").append(Html.escape(n)).append("</li>\n"));
            h.append("</ul>\n");
        }
        if (!report.droppedOnRecheck().isEmpty()) {
            h.append("<h2>Gone on re-check (").append(report.droppedOnRecheck().size()).append(")</h2>\n")
                    .append("<p class=\"muted\">Seen during the scan, but the rows had changed by the time they were looked at again.</p>\n");
            findingsTable(h, report.droppedOnRecheck());
        }
        h.append("<footer>Run ").append(Html.escape(report.runId())).append(" · status ").append(Html.escape(report.status()))
                .append(" · chunks by ").append(Html.escape(report.chunking()))
                .append(report.sharedSnapshot() ? " · one shared snapshot" : "")
                .append(report.rechecked() ? " · findings re-checked on fresh data" : " · findings not re-checked")
                .append(" · Warden</footer>\n</body></html>\n");
        return h.toString();
    }

    private static void card(StringBuilder h, String label, long value, String css) {
        h.append("<div class=\"card\"><b class=\"").append(value > 0 ? css : "").append("\">").append(String.format("%,d", value))
                .append("</b>").append(Html.escape(label)).append("</div>");
    }

    private static void findingsTable(StringBuilder h, List<Finding> findings) {
        h.append("<table><tr><th>Severity</th><th>What</th><th>Where</th><th>Row</th><th>Expected</th><th>Found</th></tr>\n");
        for (Finding f : findings) {
            h.append("<tr><td><span class=\"badge ").append(f.severity().label()).append("\">").append(f.severity().label())
                    .append("</span></td><td><b>").append(Html.escape(f.title())).append("</b>");
            if (!f.detail().isEmpty()) {
                h.append("<br><span class=\"muted\">").append(Html.escape(f.detail())).append("</span>");
            }
            if (!f.seenBy().isEmpty()) {
                h.append("<br><span class=\"muted\">seen by ").append(Html.escape(String.join(" and ", f.seenBy())))
                        .append(" mode</span>");
            }
            h.append("</td><td>").append(f.app() == null ? "" : Html.escape(f.app()) + "<br>")
                    .append(f.path() == null ? "" : "<span class=\"mono\">" + Html.escape(f.path()) + "</span>")
                    .append("</td><td class=\"mono\">").append(Html.escape(f.table())).append("<br>").append(Html.escape(f.rowId()))
                    .append("</td><td class=\"mono\">").append(Html.escape(f.expected())).append("</td><td class=\"mono\">")
                    .append(Html.escape(f.found())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
