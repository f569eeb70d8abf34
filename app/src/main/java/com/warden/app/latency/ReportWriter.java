package com.warden.app.latency;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.warden.app.WardenException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a {@link PerformanceReport} as JSON and as one self-contained HTML page (inline CSS and SVG). */
public final class ReportWriter {
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule().addSerializer(Double.class, new NanAsNull()).addSerializer(double.class, new NanAsNull()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** JSON has no NaN: a figure that does not exist (no samples, no rate yet) is written as null. */
    private static final class NanAsNull extends StdSerializer<Double> {
        NanAsNull() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value == null || value.isNaN() || value.isInfinite()) {
                gen.writeNull();
            } else {
                gen.writeNumber(value);
            }
        }
    }

    /** The mapper every latency and health document goes through (ISO dates, NaN as null). */
    public static ObjectMapper mapper() {
        return JSON;
    }

    private ReportWriter() { }

    public static String json(PerformanceReport r) {
        try {
            return JSON.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes FILE.html and FILE.json side by side (from either name); returns both paths. */
    public static List<Path> write(PerformanceReport r, Path file) {
        String name = file.getFileName().toString();
        String base = name.replaceFirst("\\.(html?|json)$", "");
        Path dir = file.toAbsolutePath().getParent();
        Path html = dir.resolve(base + ".html");
        Path json = dir.resolve(base + ".json");
        writeAtomically(html, html(r));
        writeAtomically(json, json(r));
        return List.of(html, json);
    }

    private static void writeAtomically(Path target, String text) {
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".report", ".tmp");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                try {
                    // a report is meant to be shared: rw-r--r--, not the temp file's owner-only mode
                    Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
                try {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new WardenException("Cannot write the report to " + target + ": " + e.getMessage(),
                    "check that the folder is writable and the disk is not full", e);
        }
    }

    public static String html(PerformanceReport r) {
        StringBuilder h = new StringBuilder(32_000);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Warden performance report</title><style>")
                .append("body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#1f2328;padding:0 1em}")
                .append("h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:1.8em;border-bottom:1px solid #d0d7de;padding-bottom:.2em}")
                .append("table{border-collapse:collapse;width:100%;margin:.6em 0}th,td{border-bottom:1px solid #eaeef2;padding:4px 8px;text-align:left;vertical-align:top}")
                .append("th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}")
                .append(".PASS,.GOOD{color:#1a7f37;font-weight:600}.FAIL,.FLAGGED{color:#cf222e;font-weight:600}.ERROR{color:#9a6700;font-weight:600}")
                .append(".muted{color:#656d76}.box{background:#f6f8fa;border-radius:6px;padding:.6em 1em}pre{white-space:pre-wrap;font-size:12px}")
                .append("code{font-size:12px}svg{background:#fff}</style></head><body>");
        h.append("<h1>Warden performance report</h1><p class=\"muted\">").append(esc(r.target())).append(" · PostgreSQL ")
                .append(esc(r.serverVersion())).append(" · ").append(esc(String.valueOf(r.generatedAt())))
                .append(" · ").append(num(r.seconds(), 0)).append(" s at ").append(num(r.rateHz(), 1)).append(" Hz</p>");
        if (!r.probes().isEmpty()) {
            probeSections(r, h);
        }
        LoadDrillResult load = r.load();
        if (load != null) {
            h.append("<h2>Load drill</h2><p class=\"muted\">").append(num(load.stepSeconds(), 0))
                    .append(" s per step (first tenth not counted), probes in turn: ").append(esc(String.join(", ", load.probes())))
                    .append("</p><table><tr><th>workers</th><th>operations</th><th>ops/s</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th>")
                    .append("<th>max ms</th><th>errors</th></tr>");
            for (LoadStep st : load.steps()) {
                h.append("<tr><td class=\"n\">").append(st.workers()).append("</td><td class=\"n\">").append(st.operations())
                        .append("</td><td class=\"n\">").append(num(st.opsPerSecond(), 0)).append("</td><td class=\"n\">")
                        .append(num(st.p50(), 3)).append("</td><td class=\"n\">").append(num(st.p95(), 3)).append("</td><td class=\"n\">")
                        .append(num(st.p99(), 3)).append("</td><td class=\"n\">").append(num(st.max(), 2)).append("</td><td class=\"n\">")
                        .append(st.errors()).append("</td></tr>");
            }
            h.append("</table>").append(loadChart(load));
            for (String note : load.notes()) {
                h.append("<p class=\"muted\">").append(esc(note)).append("</p>");
            }
        }
        h.append("<p class=\"muted\">Generated by Warden.</p></body></html>\n");
        return h.toString();
    }

    private static void probeSections(PerformanceReport r, StringBuilder h) {
        h.append("<div class=\"box\"><b>").append(r.passed()).append(" of ").append(r.probes().size())
                .append(" probes within their thresholds</b> (p95)");
        if (r.failed() > 0) {
            h.append(", <span class=\"FAIL\">").append(r.failed()).append(" over</span>");
        }
        if (r.errors() > 0) {
            h.append(", <span class=\"ERROR\">").append(r.errors()).append(" failing</span>");
        }
        h.append(" · average ").append(num(r.averageTps(), 1)).append(" transactions/s · cache hit ")
                .append(Double.isNaN(r.cacheHitRatio()) ? "n/a" : num(r.cacheHitRatio() * 100, 2) + "%");
        if (!Double.isNaN(r.serverCpuMsPerSecond())) {
            h.append(" · probing cost ").append(num(r.serverCpuMsPerSecond(), 2)).append(" ms CPU per second (")
                    .append(num(r.serverCpuMsPerSecond() / 10, 3)).append("% of a core)");
        }
        h.append("</div>");

        h.append("<h2>Probes</h2><table><tr><th>probe</th><th>runs</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th><th>max ms</th>")
                .append("<th>threshold ms</th><th>status</th><th>threshold from</th></tr>");
        for (ProbeSummary p : r.probes()) {
            h.append("<tr><td><b>").append(esc(p.name())).append("</b><br><span class=\"muted\">").append(esc(p.description()))
                    .append("</span></td><td class=\"n\">").append(p.runs()).append("</td><td class=\"n\">").append(num(p.p50(), 3))
                    .append("</td><td class=\"n\">").append(num(p.p95(), 3)).append("</td><td class=\"n\">").append(num(p.p99(), 3))
                    .append("</td><td class=\"n\">").append(num(p.max(), 3)).append("</td><td class=\"n\">").append(num(p.thresholdMs(), 1))
                    .append("</td><td class=\"").append(p.status()).append("\">").append(p.status())
                    .append(p.message().isBlank() ? "" : "<br><span class=\"muted\">" + esc(p.message()) + "</span>")
                    .append("</td><td class=\"muted\">").append(esc(p.thresholdSource())).append("</td></tr>");
        }
        h.append("</table>");
        h.append(p95Bars(r.probes()));
        for (ProbeCatalog.Problem pr : r.problems()) {
            h.append("<p class=\"ERROR\">").append(esc(pr.message())).append("</p>");
        }

        h.append("<h2>Latency over time</h2><p class=\"muted\">p50 (green), p95 (blue), p99 (red) of the trailing window at each "
                + "second; dashed: the threshold; breaks are gaps (no connection).</p>");
        for (ProbeSummary p : r.probes()) {
            List<ProbePoint> pts = r.points().getOrDefault(p.id(), List.of());
            if (pts.stream().noneMatch(x -> !Double.isNaN(x.p95()))) {
                continue;
            }
            h.append("<h3>").append(esc(p.name())).append("</h3>").append(timeChart(pts, p.thresholdMs()));
        }

        h.append("<h2>Plans</h2><table><tr><th>probe</th><th>verdict</th><th>summary</th></tr>");
        for (ExplainVerdict v : r.plans()) {
            h.append("<tr><td>").append(esc(v.probeName())).append("</td><td class=\"").append(v.verdict()).append("\">")
                    .append(v.verdict()).append("</td><td>").append(esc(v.summary()));
            if (!v.plan().isEmpty()) {
                h.append("<details><summary>plan</summary><pre>").append(esc(v.plan())).append("</pre></details>");
            }
            h.append("</td></tr>");
        }
        h.append("</table>");

        h.append("<h2>Statements (pg_stat_statements)</h2>");
        StatementsSnapshot s = r.statements();
        if (s == null) {
            h.append("<p class=\"muted\">not sampled</p>");
        } else if (!s.available()) {
            h.append("<p class=\"ERROR\">").append(esc(s.problem())).append("</p><p>").append(esc(s.howToEnable())).append("</p>");
        } else {
            if (s.resetDetected()) {
                h.append("<p class=\"muted\">The statistics were reset during the run; rates count from the reset.</p>");
            }
            h.append("<h3>Most time in the last interval</h3>").append(statements(s.byRecent()));
            h.append("<h3>By total time</h3>").append(statements(s.byTotal()));
            h.append("<h3>By mean time</h3>").append(statements(s.byMean()));
            if (!s.partialNote().isEmpty()) {
                h.append("<p class=\"muted\">").append(esc(s.partialNote())).append("</p>");
            }
        }

        h.append("<h2>Transactions and cache hits</h2>");
        h.append(activityChart(r.activity()));

    }

    private static String statements(List<StatementRow> rows) {
        StringBuilder h = new StringBuilder("<table><tr><th>query</th><th>role</th><th>calls</th><th>total ms</th><th>mean ms</th>")
                .append("<th>calls/s</th><th>recent mean ms</th><th>hit</th></tr>");
        for (StatementRow s : rows.subList(0, Math.min(10, rows.size()))) {
            h.append("<tr><td><code>").append(esc(s.query().length() > 200 ? s.query().substring(0, 199) + "…" : s.query()))
                    .append("</code></td><td>").append(esc(s.role())).append("</td><td class=\"n\">").append(s.calls())
                    .append("</td><td class=\"n\">").append(num(s.totalMs(), 1)).append("</td><td class=\"n\">").append(num(s.meanMs(), 3))
                    .append("</td><td class=\"n\">").append(num(s.callsPerSec(), 2)).append("</td><td class=\"n\">")
                    .append(num(s.intervalMeanMs(), 3)).append("</td><td class=\"n\">")
                    .append(Double.isNaN(s.hitRatio()) ? "" : num(s.hitRatio() * 100, 1) + "%").append("</td></tr>");
        }
        return h.append("</table>").toString();
    }

    private static String p95Bars(List<ProbeSummary> probes) {
        List<ProbeSummary> shown = probes.stream().filter(p -> !Double.isNaN(p.p95())).toList();
        if (shown.isEmpty()) {
            return "";
        }
        int rowH = 22;
        int w = 900;
        int label = 230;
        // log scale: a 0.1 ms p95 and a 100 ms limit must both be visible
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (ProbeSummary p : shown) {
            lo = Math.min(lo, Math.min(p.p95(), p.thresholdMs()));
            hi = Math.max(hi, Math.max(p.p95(), p.thresholdMs()));
        }
        lo = Math.max(0.001, lo / 2);
        hi = hi * 1.5;
        double span = w - label - 190; // room for "13.927 ms (limit 100)" after the limit line
        StringBuilder s = new StringBuilder("<svg width=\"" + w + "\" height=\"" + (shown.size() * rowH + 24)
                + "\" role=\"img\" aria-label=\"p95 against threshold\"><g font-size=\"12\">");
        int y = 4;
        for (ProbeSummary p : shown) {
            double bar = span * logPos(p.p95(), lo, hi);
            double thr = label + span * logPos(p.thresholdMs(), lo, hi);
            String colour = p.p95() > p.thresholdMs() ? "#cf222e" : "#2f81f7";
            s.append("<text x=\"0\" y=\"").append(y + 14).append("\">").append(esc(p.name())).append("</text>")
                    .append("<rect x=\"").append(label).append("\" y=\"").append(y + 3).append("\" width=\"").append(num(Math.max(1, bar), 1))
                    .append("\" height=\"14\" fill=\"").append(colour).append("\"/>")
                    .append("<line x1=\"").append(num(thr, 1)).append("\" x2=\"").append(num(thr, 1)).append("\" y1=\"").append(y)
                    .append("\" y2=\"").append(y + rowH).append("\" stroke=\"#1f2328\" stroke-dasharray=\"3,2\"/>")
                    .append("<text x=\"").append(num(label + Math.max(bar, thr - label) + 6, 1)).append("\" y=\"").append(y + 14).append("\">")
                    .append(num(p.p95(), 3)).append(" ms (limit ").append(num(p.thresholdMs(), 0)).append(")</text>");
            y += rowH;
        }
        s.append("<text x=\"").append(label).append("\" y=\"").append(y + 16).append("\" fill=\"#656d76\">bars: p95; dashed: limit; log scale ")
                .append(num(lo, 3)).append("–").append(num(hi, 0)).append(" ms</text></g></svg>");
        return s.toString();
    }

    private static double logPos(double v, double lo, double hi) {
        return Math.max(0, (Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)));
    }

    private static String timeChart(List<ProbePoint> pts, double threshold) {
        return timeChart(pts, threshold, true);
    }

    private static String timeChart(List<ProbePoint> pts, double threshold, boolean log) {
        int w = 900;
        int hgt = 150;
        long t0 = pts.get(0).epochMillis();
        long t1 = Math.max(t0 + 1, pts.get(pts.size() - 1).epochMillis());
        double max = threshold;
        double min = threshold > 0 ? threshold : Double.MAX_VALUE;
        for (ProbePoint p : pts) {
            for (double v : new double[] {p.p50(), p.p95(), p.p99()}) {
                if (!Double.isNaN(v) && v > 0) {
                    max = Math.max(max, v);
                    min = Math.min(min, v);
                }
            }
        }
        max *= log ? 1.5 : 1.1;
        double lo = log ? Math.max(0.001, min / 1.5) : 0;
        final double top = max;
        java.util.function.DoubleUnaryOperator yOf = v -> log
                ? hgt - hgt * logPos(v, lo, top)
                : hgt - hgt * v / top;
        StringBuilder s = new StringBuilder("<svg width=\"" + w + "\" height=\"" + (hgt + 20) + "\"><g font-size=\"11\">");
        s.append("<rect x=\"40\" y=\"0\" width=\"").append(w - 40).append("\" height=\"").append(hgt).append("\" fill=\"none\" stroke=\"#d0d7de\"/>");
        double ty = yOf.applyAsDouble(threshold);
        s.append("<line x1=\"40\" x2=\"").append(w).append("\" y1=\"").append(num(ty, 1)).append("\" y2=\"").append(num(ty, 1))
                .append("\" stroke=\"#cf222e\" stroke-dasharray=\"5,3\"/>");
        s.append("<text x=\"0\" y=\"10\">").append(num(max, 2)).append("</text><text x=\"0\" y=\"").append(hgt).append("\">")
                .append(log ? num(lo, 3) + " ms (log)" : "0").append("</text>");
        String[][] series = {{"p50", "#1a7f37"}, {"p95", "#2f81f7"}, {"p99", "#cf222e"}};
        for (String[] se : series) {
            s.append("<path fill=\"none\" stroke=\"").append(se[1]).append("\" stroke-width=\"1.5\" d=\"");
            boolean pen = false;
            for (ProbePoint p : pts) {
                double v = se[0].equals("p50") ? p.p50() : se[0].equals("p95") ? p.p95() : p.p99();
                if (Double.isNaN(v)) {
                    pen = false;
                    continue;
                }
                double x = 40 + (w - 40) * (p.epochMillis() - t0) / (double) (t1 - t0);
                double y = yOf.applyAsDouble(v);
                s.append(pen ? "L" : "M").append(num(x, 1)).append(',').append(num(y, 1)).append(' ');
                pen = true;
            }
            s.append("\"/>");
        }
        s.append("<text x=\"40\" y=\"").append(hgt + 14).append("\" fill=\"#656d76\">").append(num((t1 - t0) / 1000.0, 0))
                .append(" s</text></g></svg>");
        return s.toString();
    }

    private static String activityChart(List<ActivityPoint> points) {
        List<ActivityPoint> ok = points.stream().filter(a -> !a.reset() && !Double.isNaN(a.tps())).toList();
        if (ok.size() < 2) {
            return "<p class=\"muted\">not enough samples</p>";
        }
        List<ProbePoint> tps = new ArrayList<>();
        for (ActivityPoint a : points) {
            tps.add(new ProbePoint(a.at().toEpochMilli(), a.tps(), Double.NaN, a.tps(), Double.NaN));
        }
        double max = ok.stream().mapToDouble(ActivityPoint::tps).max().orElse(1);
        return "<p class=\"muted\">transactions per second (blue), max " + num(max, 1) + "</p>" + timeChart(tps, 0, false)
                .replace("stroke=\"#cf222e\" stroke-dasharray", "stroke=\"none\" stroke-dasharray");
    }

    private static String loadChart(LoadDrillResult load) {
        int w = 900;
        int hgt = 220;
        List<LoadStep> steps = load.steps();
        if (steps.size() < 2) {
            return "";
        }
        double maxOps = steps.stream().mapToDouble(LoadStep::opsPerSecond).max().orElse(1) * 1.1;
        double maxLat = steps.stream().mapToDouble(LoadStep::p95).filter(d -> !Double.isNaN(d)).max().orElse(1) * 1.1;
        int maxWorkers = steps.stream().mapToInt(LoadStep::workers).max().orElse(1);
        StringBuilder s = new StringBuilder("<svg width=\"" + w + "\" height=\"" + (hgt + 30) + "\"><g font-size=\"11\">");
        s.append("<rect x=\"60\" y=\"0\" width=\"").append(w - 120).append("\" height=\"").append(hgt).append("\" fill=\"none\" stroke=\"#d0d7de\"/>");
        StringBuilder ops = new StringBuilder();
        StringBuilder lat = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            LoadStep st = steps.get(i);
            double x = 60 + (w - 120) * st.workers() / (double) maxWorkers;
            ops.append(i == 0 ? "M" : "L").append(num(x, 1)).append(',').append(num(hgt - hgt * st.opsPerSecond() / maxOps, 1)).append(' ');
            lat.append(i == 0 ? "M" : "L").append(num(x, 1)).append(',').append(num(hgt - hgt * st.p95() / maxLat, 1)).append(' ');
            s.append("<text x=\"").append(num(x - 6, 1)).append("\" y=\"").append(hgt + 14).append("\">").append(st.workers()).append("</text>");
        }
        s.append("<path fill=\"none\" stroke=\"#2f81f7\" stroke-width=\"2\" d=\"").append(ops).append("\"/>");
        s.append("<path fill=\"none\" stroke=\"#cf222e\" stroke-width=\"2\" d=\"").append(lat).append("\"/>");
        s.append("<text x=\"0\" y=\"10\" fill=\"#2f81f7\">").append(num(maxOps, 0)).append(" ops/s</text>");
        s.append("<text x=\"").append(w - 58).append("\" y=\"10\" fill=\"#cf222e\">").append(num(maxLat, 2)).append(" ms</text>");
        s.append("<text x=\"60\" y=\"").append(hgt + 28).append("\" fill=\"#656d76\">workers → ; blue: throughput; red: p95 latency</text>");
        return s.append("</g></svg>").toString();
    }

    static String num(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

}
