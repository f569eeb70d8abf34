package com.warden.ui.latency;

import java.awt.Color;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.general.SeriesException;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/** A one-line time chart over the window: transactions per second, or the cache hit ratio in percent. */
public final class ActivityChart implements ChartUpdate {
    private final TimeSeries series;
    private final JFreeChart chart;
    private final DateAxis domain = new DateAxis();
    private final NumberAxis range;
    private final long windowMillis;
    private final boolean percent;
    private final List<double[]> pending = new ArrayList<>();
    private long lastTime;

    ActivityChart(String title, String unit, Color colour, long windowMillis, boolean percent) {
        this.windowMillis = windowMillis;
        this.percent = percent;
        series = new TimeSeries(title);
        series.setMaximumItemAge(windowMillis);
        domain.setDateFormatOverride(new java.text.SimpleDateFormat("HH:mm:ss", Locale.ROOT));
        range = new NumberAxis(unit);
        range.setAutoRangeIncludesZero(!percent);
        if (percent) {
            range.setNumberFormatOverride(new DecimalFormat("0.##"));
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, colour);
        renderer.setSeriesStroke(0, ChartLook.LINE);
        renderer.setDrawSeriesLineAsPath(false);
        XYPlot plot = new XYPlot(new TimeSeriesCollection(series), domain, range, renderer);
        chart = new JFreeChart(title, ChartLook.TITLE, plot, false);
        ChartLook.apply(chart);
    }

    public JFreeChart chart() {
        return chart;
    }

    void queue(long epochMillis, double value) {
        pending.add(new double[] {epochMillis, value});
        while (pending.size() > 1 && pending.get(0)[0] < epochMillis - windowMillis) {
            pending.remove(0);
        }
    }

    @Override
    public boolean dirty() {
        return !pending.isEmpty();
    }

    int itemCount() {
        return series.getItemCount();
    }

    @Override
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        chart.setNotify(false);
        try {
            for (double[] p : pending) {
                long t = (long) p[0];
                if (t <= lastTime) {
                    continue;
                }
                lastTime = t;
                try {
                    series.add(new FixedMillisecond(t), Double.isNaN(p[1]) ? null : p[1], false);
                } catch (SeriesException duplicate) {
                    // keep the first
                }
            }
            pending.clear();
            series.fireSeriesChanged();
            domain.setRange(lastTime - windowMillis, lastTime + 1000);
            if (percent) {
                // a steady 100% would otherwise make a range of nothing, labelled 100 twelve times
                double low = 100;
                for (int i = 0; i < series.getItemCount(); i++) {
                    Number v = series.getValue(i);
                    if (v != null) {
                        low = Math.min(low, v.doubleValue());
                    }
                }
                range.setRange(Math.max(0, Math.floor(low - 1) - 1), 100.5);
            }
        } finally {
            chart.setNotify(true);
        }
    }
}
