package com.warden.ui.impact;

import com.warden.app.impact.Direction;
import com.warden.app.impact.ImpactEdge;
import com.warden.app.impact.ImpactGraph;
import com.warden.app.impact.ImpactNode;
import com.warden.app.impact.RefType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A layered drawing of an {@link ImpactGraph}: one band per depth (the root on top), nodes ordered
 * inside a band by the barycentre of their neighbours (two sweeps down, one up), wide bands
 * wrapped into rows so 2,000 files keep a sensible shape. Plain Java, no toolkit: computed on a
 * background thread, then only read on the FX thread.
 */
public final class GraphLayout {
    public static final double NODE_HEIGHT = 26;
    static final double MIN_WIDTH = 64;
    static final double MAX_WIDTH = 230;
    static final double CHAR_WIDTH = 6.6;
    static final double H_GAP = 18;
    static final double ROW_GAP = 14;
    static final double BAND_GAP = 84;
    static final double MARGIN = 40;
    static final double ASPECT = 1.6;
    private static final double GRID = 256;

    private final ImpactGraph graph;
    private final double[] x;
    private final double[] y;
    private final double[] w;
    private final int[] edgeFrom;
    private final int[] edgeTo;
    private final RefType[] edgeType;
    private final boolean[] edgeCycle;
    private final ImpactEdge[] edges;
    private final double width;
    private final double height;
    private final double[] bandTop;
    private final double[] bandBottom;
    private final Map<UUID, Integer> index;
    private final Map<Long, int[]> grid;
    private final Map<Long, Integer> edgeByPair;

    private GraphLayout(ImpactGraph graph, double[] x, double[] y, double[] w, int[] edgeFrom, int[] edgeTo,
                        RefType[] edgeType, boolean[] edgeCycle, ImpactEdge[] edges, double width, double height,
                        double[] bandTop, double[] bandBottom, Map<UUID, Integer> index) {
        this.graph = graph;
        this.x = x;
        this.y = y;
        this.w = w;
        this.edgeFrom = edgeFrom;
        this.edgeTo = edgeTo;
        this.edgeType = edgeType;
        this.edgeCycle = edgeCycle;
        this.edges = edges;
        this.width = width;
        this.height = height;
        this.bandTop = bandTop;
        this.bandBottom = bandBottom;
        this.index = index;
        this.grid = buildGrid();
        this.edgeByPair = new HashMap<>(edgeFrom.length * 2);
        for (int e = edgeFrom.length - 1; e >= 0; e--) {
            edgeByPair.put(((long) edgeFrom[e] << 32) | edgeTo[e], e);
        }
    }

    /** Lays the graph out; call it off the FX thread for big graphs. */
    public static GraphLayout of(ImpactGraph graph) {
        List<ImpactNode> nodes = graph.nodes();
        int n = nodes.size();
        Map<UUID, Integer> index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            index.put(nodes.get(i).fileId(), i);
        }
        int[] depth = new int[n];
        int maxDepth = 0;
        for (int i = 0; i < n; i++) {
            depth[i] = nodes.get(i).depth();
            maxDepth = Math.max(maxDepth, depth[i]);
        }
        // edges in walk direction: from the file nearer the root to the one it reaches
        boolean dependents = graph.request().direction() == Direction.DEPENDENTS;
        List<ImpactEdge> list = graph.edges();
        int m = list.size();
        int[] from = new int[m];
        int[] to = new int[m];
        RefType[] type = new RefType[m];
        boolean[] cycle = new boolean[m];
        ImpactEdge[] edges = list.toArray(new ImpactEdge[0]);
        for (int e = 0; e < m; e++) {
            ImpactEdge edge = list.get(e);
            from[e] = index.get(dependents ? edge.dest() : edge.src());
            to[e] = index.get(dependents ? edge.src() : edge.dest());
            type[e] = edge.type();
            cycle[e] = graph.isCycleEdge(edge);
        }

        // bands
        List<List<Integer>> bands = new ArrayList<>();
        for (int d = 0; d <= maxDepth; d++) {
            bands.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            bands.get(depth[i]).add(i); // nodes come sorted by depth, then path
        }
        // neighbours one band up and one band down
        List<List<Integer>> up = new ArrayList<>(n);
        List<List<Integer>> down = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            up.add(new ArrayList<>(2));
            down.add(new ArrayList<>(2));
        }
        for (int e = 0; e < m; e++) {
            if (depth[to[e]] == depth[from[e]] + 1) {
                up.get(to[e]).add(from[e]);
                down.get(from[e]).add(to[e]);
            }
        }
        double[] rank = new double[n];
        for (List<Integer> band : bands) {
            for (int k = 0; k < band.size(); k++) {
                rank[band.get(k)] = band.size() == 1 ? 0.5 : (double) k / (band.size() - 1);
            }
        }
        for (int sweep = 0; sweep < 3; sweep++) {
            boolean downwards = sweep != 1;
            if (downwards) {
                for (int d = 1; d <= maxDepth; d++) {
                    order(bands.get(d), up, rank);
                }
            } else {
                for (int d = maxDepth - 1; d >= 1; d--) {
                    order(bands.get(d), down, rank);
                }
            }
        }

        // sizes, rows and coordinates
        double[] w = new double[n];
        double area = 0;
        for (int i = 0; i < n; i++) {
            w[i] = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, nodes.get(i).name().length() * CHAR_WIDTH + 22));
            area += (w[i] + H_GAP) * (NODE_HEIGHT + ROW_GAP);
        }
        // rows as wide as makes the whole drawing about 1.6 times wider than tall, like a screen:
        // height ~ area / rowLimit + bands * gap, so rowLimit solves r^2 - 1.6 B r - 1.6 area = 0
        double bandsGap = (maxDepth + 1) * BAND_GAP;
        double rowLimit = Math.max(900, (ASPECT * bandsGap + Math.sqrt(ASPECT * ASPECT * bandsGap * bandsGap + 4 * ASPECT * area)) / 2);
        double[] x = new double[n];
        double[] y = new double[n];
        double[] bandTop = new double[maxDepth + 1];
        double[] bandBottom = new double[maxDepth + 1];
        List<List<List<Integer>>> bandRows = new ArrayList<>();
        double widest = 0;
        for (List<Integer> band : bands) {
            List<List<Integer>> rows = new ArrayList<>();
            List<Integer> row = new ArrayList<>();
            double used = 0;
            for (int i : band) {
                if (!row.isEmpty() && used + w[i] > rowLimit) {
                    rows.add(row);
                    widest = Math.max(widest, used - H_GAP);
                    row = new ArrayList<>();
                    used = 0;
                }
                row.add(i);
                used += w[i] + H_GAP;
            }
            if (!row.isEmpty()) {
                rows.add(row);
                widest = Math.max(widest, used - H_GAP);
            }
            bandRows.add(rows);
        }
        double width = widest + 2 * MARGIN;
        double top = MARGIN;
        for (int d = 0; d <= maxDepth; d++) {
            bandTop[d] = top;
            for (List<Integer> row : bandRows.get(d)) {
                double used = -H_GAP;
                for (int i : row) {
                    used += w[i] + H_GAP;
                }
                double left = (width - used) / 2;
                for (int i : row) {
                    x[i] = left;
                    y[i] = top;
                    left += w[i] + H_GAP;
                }
                top += NODE_HEIGHT + ROW_GAP;
            }
            bandBottom[d] = top - ROW_GAP;
            top += BAND_GAP - ROW_GAP;
        }
        double height = n == 0 ? 2 * MARGIN : top - BAND_GAP + ROW_GAP + MARGIN;
        return new GraphLayout(graph, x, y, w, from, to, type, cycle, edges, Math.max(width, 2 * MARGIN), height,
                bandTop, bandBottom, index);
    }

    private static void order(List<Integer> band, List<List<Integer>> neighbours, double[] rank) {
        if (band.size() < 2) {
            return;
        }
        Map<Integer, Double> key = new HashMap<>(band.size() * 2);
        for (int i : band) {
            List<Integer> ns = neighbours.get(i);
            if (ns.isEmpty()) {
                key.put(i, rank[i]);
            } else {
                double sum = 0;
                for (int nb : ns) {
                    sum += rank[nb];
                }
                key.put(i, sum / ns.size());
            }
        }
        band.sort(Comparator.comparingDouble((Integer i) -> key.get(i)).thenComparingInt(i -> i));
        for (int k = 0; k < band.size(); k++) {
            rank[band.get(k)] = (double) k / (band.size() - 1);
        }
    }

    private Map<Long, int[]> buildGrid() {
        Map<Long, List<Integer>> cells = new HashMap<>();
        for (int i = 0; i < x.length; i++) {
            long c0 = (long) Math.floor(x[i] / GRID);
            long c1 = (long) Math.floor((x[i] + w[i]) / GRID);
            long r0 = (long) Math.floor(y[i] / GRID);
            long r1 = (long) Math.floor((y[i] + NODE_HEIGHT) / GRID);
            for (long c = c0; c <= c1; c++) {
                for (long r = r0; r <= r1; r++) {
                    cells.computeIfAbsent((c << 32) ^ (r & 0xffffffffL), k -> new ArrayList<>()).add(i);
                }
            }
        }
        Map<Long, int[]> out = new HashMap<>(cells.size() * 2);
        cells.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    /** The node under a point in graph coordinates, or -1. */
    public int nodeAt(double gx, double gy) {
        int[] candidates = grid.get(((long) Math.floor(gx / GRID) << 32) ^ ((long) Math.floor(gy / GRID) & 0xffffffffL));
        if (candidates == null) {
            return -1;
        }
        for (int i : candidates) {
            if (gx >= x[i] && gx <= x[i] + w[i] && gy >= y[i] && gy <= y[i] + NODE_HEIGHT) {
                return i;
            }
        }
        return -1;
    }

    public ImpactGraph graph() {
        return graph;
    }

    public int size() {
        return x.length;
    }

    public ImpactNode node(int i) {
        return graph.nodes().get(i);
    }

    public int indexOf(UUID fileId) {
        Integer i = index.get(fileId);
        return i == null ? -1 : i;
    }

    public double x(int i) {
        return x[i];
    }

    public double y(int i) {
        return y[i];
    }

    public double width(int i) {
        return w[i];
    }

    public double centerX(int i) {
        return x[i] + w[i] / 2;
    }

    public double centerY(int i) {
        return y[i] + NODE_HEIGHT / 2;
    }

    public int edgeCount() {
        return edgeFrom.length;
    }

    /** The end nearer the root. */
    public int edgeFrom(int e) {
        return edgeFrom[e];
    }

    public int edgeTo(int e) {
        return edgeTo[e];
    }

    public RefType edgeType(int e) {
        return edgeType[e];
    }

    public boolean edgeInCycle(int e) {
        return edgeCycle[e];
    }

    public ImpactEdge edge(int e) {
        return edges[e];
    }

    /** An edge that goes down exactly one band: drawn straight; the others curve round. */
    public boolean edgeIsForward(int e) {
        return node(edgeTo[e]).depth() == node(edgeFrom[e]).depth() + 1;
    }

    public double totalWidth() {
        return width;
    }

    public double totalHeight() {
        return height;
    }

    public int bands() {
        return bandTop.length;
    }

    public double bandTop(int depth) {
        return bandTop[depth];
    }

    public double bandBottom(int depth) {
        return bandBottom[depth];
    }

    /** What the screen shows about a file: no engine types, so controllers can use it. */
    public record NodeInfo(UUID fileId, String path, String name, int depth, String kind, String trail, int cycle) {
        public boolean isRoot() {
            return depth == 0;
        }

        /** "depth 2 · component · in cycle #1". */
        public String caption() {
            return (depth == 0 ? "root" : "depth " + depth) + " · " + kind + (cycle < 0 ? "" : " · in cycle #" + (cycle + 1));
        }
    }

    public NodeInfo info(int i) {
        ImpactNode n = node(i);
        return new NodeInfo(n.fileId(), n.path(), n.name(), n.depth(), n.kind().label(), graph.pathText(n.fileId()),
                graph.cycleIndexOf(n.fileId()));
    }

    /** Indices of the nodes on the path from the root to i (root first). */
    public int[] pathIndices(int i) {
        List<ImpactNode> path = graph.pathTo(node(i).fileId());
        return path.stream().mapToInt(p -> indexOf(p.fileId())).toArray();
    }

    /** Edge indices along a node path (consecutive pairs), for highlighting. */
    public int[] pathEdges(int[] path) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k + 1 < path.length; k++) {
            Integer e = edgeByPair.get(((long) path[k] << 32) | path[k + 1]);
            if (e != null) {
                out.add(e);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toString() {
        return "GraphLayout[" + size() + " nodes, " + edgeCount() + " edges, " + Arrays.toString(new double[] {width, height}) + "]";
    }
}
