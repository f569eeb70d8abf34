package com.warden.ui.latency;

import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.general.SeriesException;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * One probe's live chart: p50, p95 and p99 of the trailing window (lines), each run (grey dots),
 * and the threshold (a dashed line), on a log scale so a 0.2 ms median and a 30 ms limit both
 * read. The time axis slides over the window until the user zooms (drag or wheel); reset zoom
 * brings the sliding back. A null value (a gap) breaks the lines.
 */
public final class ProbeChart implements ChartUpdate {
    private final String probeId;
    private final String name;
    private final double thresholdMs;
    private final long windowMillis;
    private final TimeSeries p50 = new TimeSeries("p50");
    private final TimeSeries p95 = new TimeSeries("p95");
    private final TimeSeries p99 = new TimeSeries("p99");
    private final TimeSeries runs = new TimeSeries("run");
    private final JFreeChart chart;
    private final XYPlot plot;
    private final LogAxis range;
    private final DateAxis domain;
    private final List<double[]> pending = new ArrayList<>();
    private boolean internal;
    private boolean zoomed;
    private long lastTime;

    public ProbeChart(String probeId, String name, double thresholdMs, long windowMillis) {
        this.probeId = probeId;
        this.name = name;
        this.thresholdMs = thresholdMs;
        this.windowMillis = windowMillis;
        for (TimeSeries s : List.of(p50, p95, p99, runs)) {
            s.setMaximumItemAge(windowMillis);
        }
        TimeSeriesCollection data = new TimeSeriesCollection();
        data.addSeries(p50);
        data.addSeries(p95);
        data.addSeries(p99);
        data.addSeries(runs);
        domain = new DateAxis();
        domain.setDateFormatOverride(new java.text.SimpleDateFormat("HH:mm", Locale.ROOT));
        // a fixed tick unit spares the axis its search for one (it measures every candidate label)
        domain.setTickUnit(MINUTE);
        range = new LogAxis("ms");
        range.setSmallestValue(0.001);
        range.setNumberFormatOverride(new DecimalFormat("0.###"));
        range.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1)); // one tick per power of ten: 0.1, 1, 10, 100
        range.setMinorTickMarksVisible(true);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, ChartLook.P50);
        renderer.setSeriesPaint(1, ChartLook.P95);
        renderer.setSeriesPaint(2, ChartLook.P99);
        renderer.setSeriesPaint(3, ChartLook.RUN);
        for (int i = 0; i < 3; i++) {
            renderer.setSeriesStroke(i, ChartLook.LINE);
        }
        renderer.setSeriesLinesVisible(3, false);
        renderer.setSeriesShapesVisible(3, true);
        renderer.setSeriesShape(3, new java.awt.geom.Ellipse2D.Double(-1.5, -1.5, 3, 3));
        renderer.setDrawSeriesLineAsPath(true); // one path per series, not one command per segment
        plot = new XYPlot(data, domain, range, renderer);
        ValueMarker limit = new ValueMarker(thresholdMs, ChartLook.LIMIT, ChartLook.DASHED);
        limit.setLabel("limit " + ms(thresholdMs));
        limit.setLabelFont(ChartLook.SMALL);
        limit.setLabelPaint(ChartLook.LIMIT);
        limit.setLabelBackgroundColor(new java.awt.Color(255, 255, 255, 200));
        limit.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        limit.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(limit);
        // no legend per chart (the screen shows one for all): text is what costs most to draw
        chart = new JFreeChart(name, ChartLook.TITLE, plot, false);
        ChartLook.apply(chart);
        // a range change that we did not make is the user zooming: stop sliding until reset
        domain.addChangeListener(e -> {
            if (!internal && !zoomed) {
                zoomed = true;
                internal = true;
                domain.setDateFormatOverride(new java.text.SimpleDateFormat("HH:mm:ss", Locale.ROOT));
                domain.setAutoTickUnitSelection(true, false); // zoomed in, a minute per tick is too coarse
                chart.getTitle().setText(name + " (zoomed)");
                internal = false;
            }
        });
        range.addChangeListener(e -> {
            if (!internal && !zoomed) {
                zoomed = true;
                chart.getTitle().setText(name + " (zoomed)");
            }
        });
    }

    private static final org.jfree.chart.axis.DateTickUnit MINUTE =
            new org.jfree.chart.axis.DateTickUnit(org.jfree.chart.axis.DateTickUnitType.MINUTE, 1);

    public String probeId() {
        return probeId;
    }

    public String name() {
        return name;
    }

    public JFreeChart chart() {
        return chart;
    }

    public boolean zoomed() {
        return zoomed;
    }

    /** Queues one point (NaN for a gap). Not drawn until {@link #flush()}. */
    void queue(long epochMillis, double ms, double p50ms, double p95ms, double p99ms) {
        pending.add(new double[] {epochMillis, ms, p50ms, p95ms, p99ms});
        // a paused chart keeps at most one window of points waiting
        while (pending.size() > 1 && pending.get(0)[0] < epochMillis - windowMillis) {
            pending.remove(0);
        }
    }

    @Override
    public boolean dirty() {
        return !pending.isEmpty();
    }

    int pendingPoints() {
        return pending.size();
    }

    int itemCount() {
        return p95.getItemCount();
    }

    @Override
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        chart.setNotify(false);
        internal = true;
        try {
            for (double[] p : pending) {
                long t = (long) p[0];
                if (t <= lastTime) {
                    continue;
                }
                lastTime = t;
                FixedMillisecond at = new FixedMillisecond(t);
                add(runs, at, p[1]);
                add(p50, at, p[2]);
                add(p95, at, p[3]);
                add(p99, at, p[4]);
            }
            pending.clear();
            for (TimeSeries s : List.of(p50, p95, p99, runs)) {
                s.fireSeriesChanged();
            }
            if (!zoomed) {
                slide();
            }
        } finally {
            internal = false;
            chart.setNotify(true);
        }
    }

    /** The time axis over the window up to the newest point; the value axis over the data and the limit. */
    private void slide() {
        domain.setRange(lastTime - windowMillis, lastTime + 1000);
        double lo = thresholdMs;
        double hi = thresholdMs;
        for (TimeSeries s : List.of(p50, p95, p99, runs)) {
            for (int i = 0; i < s.getItemCount(); i++) {
                Number v = s.getValue(i);
                if (v != null && v.doubleValue() > 0) {
                    lo = Math.min(lo, v.doubleValue());
                    hi = Math.max(hi, v.doubleValue());
                }
            }
        }
        range.setRange(Math.max(0.001, lo / 1.6), hi * 1.8);
    }

    /** Back to the sliding window after a zoom. */
    public void resetZoom() {
        if (!zoomed) {
            return;
        }
        internal = true;
        try {
            chart.setNotify(false);
            domain.setDateFormatOverride(new java.text.SimpleDateFormat("HH:mm", Locale.ROOT));
            domain.setTickUnit(MINUTE);
            chart.getTitle().setText(name);
            zoomed = false;
            slide();
        } finally {
            internal = false;
            chart.setNotify(true);
        }
    }

    private static void add(TimeSeries s, FixedMillisecond at, double v) {
        try {
            s.add(at, Double.isNaN(v) || v <= 0 ? null : v, false);
        } catch (SeriesException duplicate) {
            // the same millisecond twice: keep the first
        }
    }

    static String ms(double v) {
        return String.format(Locale.ROOT, v < 1 ? "%.3f ms" : v < 100 ? "%.2f ms" : "%.0f ms", v);
    }
}
