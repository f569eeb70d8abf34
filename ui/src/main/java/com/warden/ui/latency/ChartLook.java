package com.warden.ui.latency;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;

/**
 * How Warden's charts look (JFreeChart draws with AWT colours, not CSS): one place for the
 * palette and fonts, light enough for both themes since the charts keep a white canvas.
 */
final class ChartLook {
    static final Color P50 = new Color(0x1a7f37);
    static final Color P95 = new Color(0x2f81f7);
    static final Color P99 = new Color(0xcf222e);
    static final Color RUN = new Color(0x8c959f);
    static final Color LIMIT = new Color(0x9a6700);
    static final Color GRID = new Color(0xeaeef2);
    static final Color TEXT = new Color(0x1f2328);
    static final Color MUTED = new Color(0x656d76);
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    static final BasicStroke LINE = new BasicStroke(1.6f);
    static final BasicStroke DASHED = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f);

    private ChartLook() { }

    static void apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(TITLE);
            chart.getTitle().setPaint(TEXT);
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(SMALL);
            chart.getLegend().setBorder(0, 0, 0, 0);
        }
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        plot.getDomainAxis().setTickLabelFont(SMALL);
        plot.getDomainAxis().setTickLabelPaint(MUTED);
        plot.getDomainAxis().setLabelFont(SMALL);
        plot.getRangeAxis().setTickLabelFont(SMALL);
        plot.getRangeAxis().setTickLabelPaint(MUTED);
        plot.getRangeAxis().setLabelFont(SMALL);
    }
}
