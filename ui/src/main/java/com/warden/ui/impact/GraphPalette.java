package com.warden.ui.impact;

import com.warden.app.impact.FileKind;
import com.warden.app.impact.ImpactExport;
import com.warden.app.impact.RefType;
import javafx.scene.paint.Color;

/**
 * The graph's colours in one place. Node fills by depth are the ones the DOT export uses, light
 * enough for dark text in both themes; the stripe on a node's left edge says its kind; edges are
 * coloured by reference type, circles in red, the hovered path in the accent blue.
 */
final class GraphPalette {
    static final Color TEXT = Color.web("#1f2328");
    static final Color NODE_BORDER = Color.web("#57606a");
    static final Color CYCLE = Color.web("#d7263d");
    static final Color CYCLE_FILL = Color.web("#f4a3ad");
    static final Color PATH = Color.web("#0969da");
    static final Color SELECTED = Color.web("#8250df");
    static final Color BAND = Color.gray(0.5, 0.07);
    static final Color BAND_LABEL = Color.gray(0.5, 0.9);

    private static final Color[] DEPTH = new Color[ImpactExport.DEPTH_COLOURS.length];

    static {
        for (int i = 0; i < DEPTH.length; i++) {
            DEPTH[i] = Color.web(ImpactExport.DEPTH_COLOURS[i]);
        }
    }

    private GraphPalette() { }

    static Color depth(int depth) {
        return DEPTH[Math.min(depth, DEPTH.length - 1)];
    }

    static String depthWeb(int depth) {
        return ImpactExport.DEPTH_COLOURS[Math.min(depth, DEPTH.length - 1)];
    }

    static Color kind(FileKind kind) {
        switch (kind) {
            case COMPONENT: return Color.web("#0969da");
            case SCRIPT: return Color.web("#1a7f37");
            case STYLE: return Color.web("#8250df");
            case ASSET: return Color.web("#bc4c00");
            case MARKUP: return Color.web("#6e7781");
            case DATA: return Color.web("#9a6700");
            default: return Color.web("#57606a");
        }
    }

    static Color edge(RefType type) {
        switch (type) {
            case STYLE: return Color.web("#8250df", 0.75);
            case ASSET: return Color.web("#bc4c00", 0.75);
            case DYNAMIC_IMPORT: return Color.web("#0969da", 0.7);
            case REQUIRE: return Color.web("#1a7f37", 0.75);
            default: return Color.web("#6e7781", 0.75);
        }
    }

    static String web(Color c) {
        return String.format("#%02x%02x%02x", (int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255),
                (int) Math.round(c.getBlue() * 255));
    }
}
