package com.warden.app.backup;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** A drill report as one self-contained HTML page: verdict, RTO/RPO, steps, tables, and the RTO trend as inline SVG. */
public final class DrillReportHtml {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private DrillReportHtml() { }

    public static String render(DrillReport r, List<DrillReport> history) {
        StringBuilder h = new StringBuilder();
        String colour = switch (r.verdict()) {
            case DrillReport.PASS -> "#1a7f37";
            case DrillReport.WARN -> "#9a6700";
            default -> "#cf222e";
        };
        h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Restore drill ").append(esc(r.id()))
                .append("</title><style>")
                .append("body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:60em;color:#1f2328}")
                .append("h1{font-size:1.5em}table{border-collapse:collapse;width:100%;margin:1em 0}")
                .append("th,td{border-bottom:1px solid #d0d7de;padding:4px 8px;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}")
                .append(".v{display:inline-block;padding:2px 10px;border-radius:4px;color:#fff;font-weight:600}")
                .append(".kpi{display:inline-block;margin-right:3em}.kpi b{font-size:1.6em;display:block}.bad{color:#cf222e}")
                .append("</style></head><body>");
        h.append("<h1>Restore drill <span class=\"v\" style=\"background:").append(colour).append("\">").append(esc(r.verdict()))
                .append("</span></h1>");
        h.append("<p>Source <code>").append(esc(r.source())).append("</code>, backup <code>").append(esc(r.backupId()))
                .append("</code> (").append(r.backupKind() == null ? "?" : r.backupKind().name().toLowerCase(Locale.ROOT)).append(' ')
                .append(r.backupFormat() == null ? "" : r.backupFormat()).append("), PostgreSQL ").append(esc(r.postgres()))
                .append(". Started ").append(r.startedAt() == null ? "" : TIME.format(r.startedAt())).append(".</p>");
        if (r.failure() != null) {
            h.append("<p class=\"bad\"><b>Failure:</b> ").append(esc(r.failure())).append("</p>");
        }
        h.append("<div class=\"kpi\">RTO<b>").append(fmt(r.rtoSeconds())).append(" s</b>start of restore to verified</div>");
        h.append("<div class=\"kpi\">RPO<b>").append(r.rpoSeconds() < 0 ? "–" : human(r.rpoSeconds())).append("</b>age of the newest restorable point</div>");
        h.append("<div class=\"kpi\">Scratch instance<b>").append(r.scratchRemoved() ? "removed" : "LEFT BEHIND").append("</b>after the drill</div>");
        h.append("<h2>Steps</h2><table><tr><th>step</th><th>seconds</th><th>ok</th><th>detail</th></tr>");
        for (Step s : r.steps()) {
            h.append("<tr><td>").append(esc(s.name())).append("</td><td class=\"n\">").append(fmt(s.seconds())).append("</td><td>")
                    .append(s.ok() ? "✓" : "<span class=\"bad\">✗</span>").append("</td><td>").append(esc(s.detail())).append("</td></tr>");
        }
        h.append("</table>");
        if (r.verification() != null) {
            VerificationReport v = r.verification();
            h.append("<h2>Verification</h2><p>").append(esc(v.summary())).append("</p>");
            h.append("<table><tr><th>table</th><th>rows in manifest</th><th>rows restored</th><th></th></tr>");
            for (VerificationReport.TableCheck t : v.tables()) {
                h.append("<tr><td>").append(esc(t.table())).append("</td><td class=\"n\">").append(t.expected() == null ? "–" : String.format("%,d", t.expected()))
                        .append("</td><td class=\"n\">").append(t.actual() == null ? "missing" : String.format("%,d", t.actual()))
                        .append("</td><td>").append(t.ok() ? "✓" : "<span class=\"bad\">differs</span>").append("</td></tr>");
            }
            h.append("</table>");
            for (String p : v.foreignKeyProblems()) {
                h.append("<p class=\"bad\">").append(esc(p)).append("</p>");
            }
            for (String p : v.indexProblems()) {
                h.append("<p class=\"bad\">").append(esc(p)).append("</p>");
            }
            if (!v.integrity().isEmpty()) {
                h.append("<table><tr><th>integrity check</th><th>result</th></tr>");
                for (VerificationReport.IntegrityCheck c : v.integrity()) {
                    h.append("<tr><td>").append(esc(c.name())).append("</td><td>").append(esc(c.detail())).append("</td></tr>");
                }
                h.append("</table>");
            }
        }
        h.append("<h2>RTO trend</h2>").append(trend(history, r));
        h.append("<p style=\"color:#656d76\">Written by Warden. JSON beside this file: ").append(esc(r.id())).append(".json</p>");
        h.append("</body></html>\n");
        return h.toString();
    }

    /** An inline SVG line of the RTO of every drill so far, failures marked red. */
    static String trend(List<DrillReport> history, DrillReport current) {
        List<DrillReport> points = new java.util.ArrayList<>(history.stream().filter(d -> !d.id().equals(current.id())).toList());
        points.add(current);
        if (points.size() < 2) {
            return "<p>The trend appears after the second drill.</p>";
        }
        int w = 640;
        int hgt = 180;
        int pad = 30;
        double max = points.stream().mapToDouble(DrillReport::rtoSeconds).max().orElse(1);
        max = max <= 0 ? 1 : max * 1.1;
        StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"" + hgt + "\">");
        s.append("<line x1=\"").append(pad).append("\" y1=\"").append(hgt - pad).append("\" x2=\"").append(w - 10).append("\" y2=\"")
                .append(hgt - pad).append("\" stroke=\"#8c959f\"/>");
        s.append("<text x=\"2\" y=\"14\" font-size=\"11\">").append(fmt(max)).append(" s</text>");
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            double x = pad + (w - pad - 20) * (double) i / (points.size() - 1);
            double y = (hgt - pad) - (hgt - pad - 20) * points.get(i).rtoSeconds() / max;
            path.append(i == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f ", x, y));
            String fill = DrillReport.PASS.equals(points.get(i).verdict()) ? "#1a7f37" : DrillReport.WARN.equals(points.get(i).verdict()) ? "#9a6700" : "#cf222e";
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s: %s s, %s</title></circle>",
                    x, y, fill, esc(points.get(i).id()), fmt(points.get(i).rtoSeconds()), points.get(i).verdict()));
        }
        s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#0969da\" stroke-width=\"2\"/>");
        s.append("</svg>");
        return s.toString();
    }

    static String human(double seconds) {
        if (seconds < 120) {
            return fmt(seconds) + " s";
        }
        if (seconds < 7200) {
            return String.format(Locale.ROOT, "%.0f min", seconds / 60);
        }
        if (seconds < 172800) {
            return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
        }
        return String.format(Locale.ROOT, "%.1f days", seconds / 86400);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
