package com.warden.ui.impact;

import com.warden.app.impact.ImpactNode;
import com.warden.app.impact.RefType;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws a {@link GraphLayout} on one Canvas the size of the view, never the size of the graph:
 * each frame draws only the bands, references and files that intersect the visible rectangle,
 * with less detail when zoomed far out. Redraws are coalesced to one per pulse. Wheel zooms
 * around the pointer, dragging pans, hovering highlights the path to the root, a click selects
 * and a double click asks to re-root.
 */
public final class GraphView extends Region {
    static final double MIN_SCALE = 0.02;
    static final double MAX_SCALE = 4.0;
    static final double LABEL_STRIP = 100;
    static final double OVERVIEW_SCALE = 0.25;
    static final int OVERVIEW_EDGES = 12_000;

    private final Canvas canvas = new Canvas();
    private final IntegerProperty hovered = new SimpleIntegerProperty(this, "hovered", -1);
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);
    private GraphLayout layout;
    private double scale = 1;
    private double tx;
    private double ty;
    private boolean highlightCycles = true;
    private boolean drawScheduled;
    private boolean fitPending;
    private double pressX;
    private double pressY;
    private double pressTx;
    private double pressTy;
    private boolean dragged;
    private int[] pathNodes = new int[0];
    private int[] pathEdges = new int[0];
    private boolean[] onPath = new boolean[0];
    private boolean[] edgeOnPath = new boolean[0];
    private Consumer<java.util.UUID> onOpen = n -> { };
    private int drawnNodes;
    private int lastStride = 1;
    private int drawnEdges;

    public GraphView() {
        getStyleClass().add("impact-graph");
        getChildren().add(canvas);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setFocusTraversable(true);
        setMinSize(200, 150);
        setPrefSize(900, 600);
        canvas.setOnMouseMoved(this::moved);
        canvas.setOnMouseExited(e -> setHovered(-1));
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnMouseClicked(this::clicked);
        canvas.setOnScroll(this::scrolled);
        hovered.addListener((o, a, b) -> updatePath());
        selected.addListener((o, a, b) -> updatePath());
    }

    @Override
    protected void layoutChildren() {
        double w = Math.max(1, Math.floor(getWidth()));
        double h = Math.max(1, Math.floor(getHeight()));
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            if (fitPending) {
                fit();
            }
            requestDraw();
        }
    }

    /** Shows a new layout, fitted to the view. */
    public void setGraphLayout(GraphLayout newLayout) {
        this.layout = newLayout;
        int n = newLayout == null ? 0 : newLayout.size();
        onPath = new boolean[n];
        edgeOnPath = new boolean[newLayout == null ? 0 : newLayout.edgeCount()];
        pathNodes = new int[0];
        pathEdges = new int[0];
        hovered.set(-1);
        selected.set(-1);
        fitPending = canvas.getWidth() <= 1;
        fit();
    }

    public GraphLayout graphLayout() {
        return layout;
    }

    /** What a double click asks for, with the file's id: the screen re-roots there. */
    public void setOnOpen(Consumer<java.util.UUID> action) {
        this.onOpen = action == null ? n -> { } : action;
    }

    public ReadOnlyIntegerProperty hoveredProperty() {
        return hovered;
    }

    public IntegerProperty selectedProperty() {
        return selected;
    }

    public void setHighlightCycles(boolean on) {
        highlightCycles = on;
        requestDraw();
    }

    public double scale() {
        return scale;
    }

    /** Files and references the last frame drew: only the visible ones. */
    public int drawnNodes() {
        return drawnNodes;
    }

    public int drawnEdges() {
        return drawnEdges;
    }

    /** 1 when every visible reference was drawn; n when the overview drew one in n. */
    public int edgeSampling() {
        return lastStride;
    }

    // ------------------------------------------------------------------ view control

    public void fit() {
        if (layout == null) {
            requestDraw();
            return;
        }
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w <= 1 || h <= 1) {
            fitPending = true;
            return;
        }
        fitPending = false;
        // the band labels ("depth 2 · 31") keep a strip on the left to themselves
        double left = Math.min(LABEL_STRIP, w / 4);
        double usable = w - left;
        scale = clamp(Math.min(Math.min(usable / layout.totalWidth(), h / layout.totalHeight()), 1.5));
        tx = left + (usable - layout.totalWidth() * scale) / 2;
        ty = Math.max(0, (h - layout.totalHeight() * scale) / 2);
        requestDraw();
    }

    public void zoomIn() {
        zoomAt(canvas.getWidth() / 2, canvas.getHeight() / 2, 1.25);
    }

    public void zoomOut() {
        zoomAt(canvas.getWidth() / 2, canvas.getHeight() / 2, 1 / 1.25);
    }

    /** Zooms so the node is readable and centres it. */
    public void centerOn(int i) {
        if (layout == null || i < 0) {
            return;
        }
        scale = Math.max(scale, 1.0);
        tx = canvas.getWidth() / 2 - layout.centerX(i) * scale;
        ty = canvas.getHeight() / 2 - layout.centerY(i) * scale;
        requestDraw();
    }

    void zoomAt(double sx, double sy, double factor) {
        double next = clamp(scale * factor);
        double gx = (sx - tx) / scale;
        double gy = (sy - ty) / scale;
        scale = next;
        tx = sx - gx * scale;
        ty = sy - gy * scale;
        requestDraw();
    }

    /** Screen position (in this view) of a node's centre, for tests and tooltips. */
    public double[] screenCenter(int i) {
        return new double[] {layout.centerX(i) * scale + tx, layout.centerY(i) * scale + ty};
    }

    public int nodeAtScreen(double sx, double sy) {
        return layout == null ? -1 : layout.nodeAt((sx - tx) / scale, (sy - ty) / scale);
    }

    private static double clamp(double s) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
    }

    // ------------------------------------------------------------------ mouse

    private void moved(MouseEvent e) {
        setHovered(nodeAtScreen(e.getX(), e.getY()));
    }

    private void setHovered(int i) {
        if (hovered.get() != i) {
            hovered.set(i);
        }
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        pressX = e.getX();
        pressY = e.getY();
        pressTx = tx;
        pressTy = ty;
        dragged = false;
    }

    private void dragged(MouseEvent e) {
        double dx = e.getX() - pressX;
        double dy = e.getY() - pressY;
        if (!dragged && Math.hypot(dx, dy) < 3) {
            return;
        }
        dragged = true;
        tx = pressTx + dx;
        ty = pressTy + dy;
        requestDraw();
    }

    private void clicked(MouseEvent e) {
        if (dragged || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        int i = nodeAtScreen(e.getX(), e.getY());
        selected.set(i);
        if (i >= 0 && e.getClickCount() >= 2) {
            onOpen.accept(layout.node(i).fileId());
        }
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        zoomAt(e.getX(), e.getY(), Math.pow(1.0015, e.getDeltaY()));
        e.consume();
    }

    private void updatePath() {
        if (layout == null) {
            return;
        }
        java.util.Arrays.fill(onPath, false);
        java.util.Arrays.fill(edgeOnPath, false);
        int focus = hovered.get() >= 0 ? hovered.get() : selected.get();
        pathNodes = focus >= 0 ? layout.pathIndices(focus) : new int[0];
        pathEdges = layout.pathEdges(pathNodes);
        for (int i : pathNodes) {
            onPath[i] = true;
        }
        for (int e : pathEdges) {
            edgeOnPath[e] = true;
        }
        requestDraw();
    }

    // ------------------------------------------------------------------ drawing

    /** Coalesces redraws: however many changes happen in one pulse, the canvas is drawn once. */
    public void requestDraw() {
        if (drawScheduled) {
            return;
        }
        drawScheduled = true;
        Platform.runLater(() -> {
            drawScheduled = false;
            drawNow();
        });
    }

    void drawNow() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (layout == null) {
            drawnNodes = 0;
            drawnEdges = 0;
            return;
        }
        double gx0 = -tx / scale;
        double gy0 = -ty / scale;
        double gx1 = (canvas.getWidth() - tx) / scale;
        double gy1 = (canvas.getHeight() - ty) / scale;
        paint(g, scale, tx, ty, gx0, gy0, gx1, gy1, true);
    }

    /** The whole graph as an image, at most {@code maxSide} pixels on its longer side (for PNG export). */
    public WritableImage renderAll(double maxSide) {
        double k = Math.min(2.0, maxSide / Math.max(layout.totalWidth(), layout.totalHeight()));
        Canvas off = new Canvas(Math.ceil(layout.totalWidth() * k), Math.ceil(layout.totalHeight() * k));
        GraphicsContext g = off.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, off.getWidth(), off.getHeight());
        paint(g, k, 0, 0, 0, 0, layout.totalWidth(), layout.totalHeight(), false);
        return off.snapshot(null, null);
    }

    private void paint(GraphicsContext g, double s, double ox, double oy, double gx0, double gy0, double gx1, double gy1,
                       boolean interactive) {
        GraphLayout l = layout;
        boolean detail = s >= 0.45;
        boolean edgeLabels = s >= 0.8;
        // bands, in screen space so their labels stay readable
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Font.font("System", FontWeight.BOLD, 11));
        for (int d = 0; d < l.bands(); d++) {
            double top = l.bandTop(d) - 14;
            double bottom = l.bandBottom(d) + 14;
            if (bottom < gy0 || top > gy1) {
                continue;
            }
            if (d % 2 == 0) {
                g.setFill(GraphPalette.BAND);
                g.fillRect(0, top * s + oy, interactive ? canvas.getWidth() : l.totalWidth() * s, (bottom - top) * s);
            }
            g.setFill(GraphPalette.BAND_LABEL);
            Integer count = l.graph().countsByDepth().get(d);
            g.fillText(d == 0 ? "root" : "depth " + d + (count == null ? "" : " · " + count), 8, Math.max(top * s + oy + 4, 4));
        }
        g.setTransform(s, 0, 0, s, ox, oy);

        // references: batched into one path per colour; a far-out overview of a huge graph draws a
        // sample of them (1 in stride), the rest appear as you zoom in
        int stride = s < OVERVIEW_SCALE && l.edgeCount() > OVERVIEW_EDGES ? (l.edgeCount() + OVERVIEW_EDGES - 1) / OVERVIEW_EDGES : 1;
        lastStride = stride;
        int drawn = 0;
        double lw = Math.max(0.6, 1.1 / Math.sqrt(Math.max(s, 0.05)));
        for (RefType type : RefType.values()) {
            g.beginPath();
            boolean any = false;
            for (int e = 0; e < l.edgeCount(); e++) {
                if (l.edgeType(e) != type || edgeOnPath[e] || highlightCycles && l.edgeInCycle(e) || e % stride != 0) {
                    continue;
                }
                if (addEdge(g, l, e, gx0, gy0, gx1, gy1)) {
                    any = true;
                    drawn++;
                }
            }
            if (any) {
                g.setStroke(GraphPalette.edge(type));
                g.setLineWidth(lw);
                g.setLineDashes(type == RefType.DYNAMIC_IMPORT ? new double[] {5, 4} : null);
                g.stroke();
            }
        }
        g.setLineDashes(null);
        if (highlightCycles) {
            g.beginPath();
            boolean any = false;
            for (int e = 0; e < l.edgeCount(); e++) {
                if (l.edgeInCycle(e) && !edgeOnPath[e] && e % stride == 0 && addEdge(g, l, e, gx0, gy0, gx1, gy1)) {
                    any = true;
                    drawn++;
                }
            }
            if (any) {
                // far out, a big circle would paint everything red: keep it visible but let the rest show through
                g.setStroke(detail ? GraphPalette.CYCLE : GraphPalette.CYCLE.deriveColor(0, 1, 1, 0.35));
                g.setLineWidth(lw * (detail ? 1.6 : 1.0));
                g.stroke();
            }
        }
        if (pathEdges.length > 0) {
            g.beginPath();
            for (int e : pathEdges) {
                addEdge(g, l, e, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
            }
            g.setStroke(GraphPalette.PATH);
            g.setLineWidth(lw * 2.6);
            g.stroke();
        }
        drawnEdges = drawn;

        // arrow heads and type labels, only when close enough to read
        if (detail) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.setFont(Font.font("System", 9));
            java.util.Set<Long> labelled = new java.util.HashSet<>();
            for (int e = 0; e < l.edgeCount(); e++) {
                int a = l.edgeFrom(e);
                int b = l.edgeTo(e);
                double x2 = l.centerX(b);
                double y2 = l.y(b);
                if (!l.edgeIsForward(e) || x2 < gx0 - 10 || x2 > gx1 + 10 || y2 < gy0 - 10 || y2 > gy1 + 10) {
                    continue;
                }
                Color c = edgeOnPath[e] ? GraphPalette.PATH : highlightCycles && l.edgeInCycle(e) ? GraphPalette.CYCLE : GraphPalette.edge(l.edgeType(e));
                double x1 = l.centerX(a);
                double y1 = l.y(a) + GraphLayout.NODE_HEIGHT;
                // the arrow points the way the import goes: at the imported file
                if (l.graph().request().direction() == com.warden.app.impact.Direction.DEPENDENTS) {
                    arrow(g, x2, y2, x1, y1, c);
                } else {
                    arrow(g, x1, y1, x2, y2, c);
                }
                if (edgeLabels && l.edgeCount() < 4000) {
                    double mx = x1 + (x2 - x1) * 0.5;
                    double my = y1 + (y2 - y1) * 0.5;
                    // one label per spot: where several references cross, the first one speaks for them
                    long cell = ((long) Math.floor(mx * s / 56) << 32) ^ ((long) Math.floor(my * s / 14) & 0xffffffffL);
                    if (mx >= gx0 && mx <= gx1 && my >= gy0 && my <= gy1 && labelled.add(cell)) {
                        g.setFill(c.deriveColor(0, 1, 0.8, 1));
                        g.fillText(l.edgeType(e).sqlName(), mx, my);
                    }
                }
            }
        }

        // files
        int nodes = 0;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(Font.font("System", 11));
        int hover = hovered.get();
        int sel = selected.get();
        for (int i = 0; i < l.size(); i++) {
            double x = l.x(i);
            double y = l.y(i);
            double w = l.width(i);
            if (x + w < gx0 || x > gx1 || y + GraphLayout.NODE_HEIGHT < gy0 || y > gy1) {
                continue;
            }
            nodes++;
            ImpactNode node = l.node(i);
            boolean cyclic = highlightCycles && l.graph().inCycle(node.fileId());
            g.setFill(GraphPalette.depth(node.depth()));
            if (detail) {
                g.fillRoundRect(x, y, w, GraphLayout.NODE_HEIGHT, 8, 8);
                g.setFill(GraphPalette.kind(node.kind()));
                g.fillRect(x + 1, y + 5, 4, GraphLayout.NODE_HEIGHT - 10);
                Color border = i == sel ? GraphPalette.SELECTED : i == hover || onPath[i] ? GraphPalette.PATH
                        : cyclic ? GraphPalette.CYCLE : GraphPalette.NODE_BORDER;
                g.setStroke(border);
                g.setLineWidth(i == sel || i == hover || node.isRoot() ? 2.4 : onPath[i] || cyclic ? 1.8 : 0.8);
                g.strokeRoundRect(x, y, w, GraphLayout.NODE_HEIGHT, 8, 8);
                g.setFill(GraphPalette.TEXT);
                g.fillText(clip(node.name(), w), x + 10, y + GraphLayout.NODE_HEIGHT / 2);
            } else {
                // far out: a plain box, tinted red when on a circle; a frame only for what the user points at
                if (cyclic) {
                    g.setFill(GraphPalette.CYCLE_FILL);
                }
                g.fillRect(x, y, w, GraphLayout.NODE_HEIGHT);
                if (i == sel || i == hover || onPath[i] || node.isRoot()) {
                    g.setStroke(i == sel ? GraphPalette.SELECTED : i == hover || onPath[i] ? GraphPalette.PATH : GraphPalette.NODE_BORDER);
                    g.setLineWidth(Math.min(2.5 / s, GraphLayout.NODE_HEIGHT / 2));
                    g.strokeRect(x, y, w, GraphLayout.NODE_HEIGHT);
                }
            }
        }
        drawnNodes = nodes;
        g.setTransform(1, 0, 0, 1, 0, 0);
    }

    /** Adds one reference to the current path when it crosses the visible rectangle. */
    private static boolean addEdge(GraphicsContext g, GraphLayout l, int e, double gx0, double gy0, double gx1, double gy1) {
        int a = l.edgeFrom(e);
        int b = l.edgeTo(e);
        if (l.edgeIsForward(e)) {
            double x1 = l.centerX(a);
            double y1 = l.y(a) + GraphLayout.NODE_HEIGHT;
            double x2 = l.centerX(b);
            double y2 = l.y(b);
            if (Math.max(x1, x2) < gx0 || Math.min(x1, x2) > gx1 || Math.max(y1, y2) < gy0 || Math.min(y1, y2) > gy1) {
                return false;
            }
            g.moveTo(x1, y1);
            g.lineTo(x2, y2);
            return true;
        }
        int da = l.node(a).depth();
        int db = l.node(b).depth();
        if (da == db && Math.abs(l.y(a) - l.y(b)) < 1) {
            // inside one row: an arc under the row, so it never runs through the files between
            double x1 = l.centerX(a);
            double x2 = l.centerX(b);
            double y = l.y(a) + GraphLayout.NODE_HEIGHT;
            double dip = 14 + Math.min(60, Math.abs(x2 - x1) * 0.12);
            if (Math.max(x1, x2) < gx0 || Math.min(x1, x2) > gx1 || y + dip < gy0 || y > gy1) {
                return false;
            }
            g.moveTo(x1, y);
            g.bezierCurveTo(x1, y + dip, x2, y + dip, x2, y);
            return true;
        }
        // back to an earlier band, or between rows of one band: a curve bowing out to the right
        double x1 = l.x(a) + l.width(a);
        double y1 = l.centerY(a);
        double x2 = l.x(b) + l.width(b);
        double y2 = l.centerY(b);
        double bow = 40 + Math.abs(y2 - y1) * 0.25;
        double cx = Math.max(x1, x2) + bow;
        if (Math.max(x1, x2) + bow < gx0 || Math.min(x1, x2) > gx1 || Math.max(y1, y2) < gy0 || Math.min(y1, y2) > gy1) {
            return false;
        }
        g.moveTo(x1, y1);
        g.bezierCurveTo(cx, y1, cx, y2, x2, y2);
        return true;
    }

    private static void arrow(GraphicsContext g, double x1, double y1, double x2, double y2, Color c) {
        double angle = Math.atan2(y2 - y1, x2 - x1);
        double size = 7;
        g.setFill(c);
        g.fillPolygon(
                new double[] {x2, x2 - size * Math.cos(angle - 0.4), x2 - size * Math.cos(angle + 0.4)},
                new double[] {y2, y2 - size * Math.sin(angle - 0.4), y2 - size * Math.sin(angle + 0.4)}, 3);
    }

    private static String clip(String text, double width) {
        int max = (int) ((width - 14) / GraphLayout.CHAR_WIDTH);
        return text.length() <= max ? text : text.substring(0, Math.max(1, max - 1)) + "…";
    }
}
