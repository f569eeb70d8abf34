package com.warden.ui.latency;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The load drill against concurrency: throughput (left axis) and p95 latency (right axis) per worker count. */
public final class LoadChart {
    private final XYSeries throughput = new XYSeries("operations per second");
    private final XYSeries latency = new XYSeries("p95 ms");
    private final JFreeChart chart;

    LoadChart() {
        NumberAxis workers = new NumberAxis("concurrent workers");
        workers.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis ops = new NumberAxis("operations per second");
        NumberAxis ms = new NumberAxis("p95 ms");
        XYLineAndShapeRenderer left = new XYLineAndShapeRenderer(true, true);
        left.setSeriesPaint(0, ChartLook.P95);
        left.setSeriesStroke(0, ChartLook.LINE);
        XYLineAndShapeRenderer right = new XYLineAndShapeRenderer(true, true);
        right.setSeriesPaint(0, ChartLook.P99);
        right.setSeriesStroke(0, ChartLook.LINE);
        XYPlot plot = new XYPlot(new XYSeriesCollection(throughput), workers, ops, left);
        plot.setRangeAxis(1, ms);
        plot.setDataset(1, new XYSeriesCollection(latency));
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, right);
        plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
        chart = new JFreeChart("Throughput and p95 against concurrency", ChartLook.TITLE, plot, true);
        ChartLook.apply(chart);
        ms.setTickLabelFont(ChartLook.SMALL);
        ms.setLabelFont(ChartLook.SMALL);
        ms.setTickLabelPaint(ChartLook.MUTED);
    }

    public JFreeChart chart() {
        return chart;
    }

    void clear() {
        throughput.clear();
        latency.clear();
    }

    void add(int workers, double opsPerSecond, double p95) {
        chart.setNotify(false);
        throughput.add(workers, opsPerSecond);
        latency.add(workers, Double.isNaN(p95) ? null : p95);
        chart.setNotify(true);
    }

    int points() {
        return throughput.getItemCount();
    }
}
