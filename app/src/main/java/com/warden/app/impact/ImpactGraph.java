package com.warden.app.impact;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The answer to one {@link ImpactRequest}: the files reached, each at its smallest depth, the
 * references among them, and the circles they form. Immutable; the screen, the command line and
 * the exports all read this one object.
 */
public final class ImpactGraph {
    /** A node as the walk returned it, before paths and circles are worked out. */
    public record RawNode(UUID fileId, String path, int depth) { }

    private final UUID appId;
    private final String appName;
    private final String title;
    private final ImpactRequest request;
    private final List<ImpactNode> nodes;
    private final List<ImpactEdge> edges;
    private final List<ImpactCycle> cycles;
    private final Duration elapsed;
    private final Map<UUID, ImpactNode> byId;
    private final Map<UUID, Integer> cycleOf;

    private ImpactGraph(UUID appId, String appName, String title, ImpactRequest request, List<ImpactNode> nodes,
                        List<ImpactEdge> edges, List<ImpactCycle> cycles, Duration elapsed) {
        this.appId = appId;
        this.appName = appName;
        this.title = title;
        this.request = request;
        this.nodes = List.copyOf(nodes);
        this.edges = List.copyOf(edges);
        this.cycles = List.copyOf(cycles);
        this.elapsed = elapsed;
        Map<UUID, ImpactNode> index = new HashMap<>();
        for (ImpactNode n : this.nodes) {
            index.put(n.fileId(), n);
        }
        this.byId = Collections.unmodifiableMap(index);
        Map<UUID, Integer> inCycle = new HashMap<>();
        for (int i = 0; i < this.cycles.size(); i++) {
            for (UUID m : this.cycles.get(i).members()) {
                inCycle.put(m, i);
            }
        }
        this.cycleOf = Collections.unmodifiableMap(inCycle);
    }

    /**
     * Builds the graph from what the walk returned: sorts nodes by depth and path, picks for each
     * node the neighbour one step closer to the root that reached it (the first by path), and
     * finds the circles among the reached files.
     */
    public static ImpactGraph build(UUID appId, String appName, String title, ImpactRequest request,
                                    List<RawNode> rawNodes, List<ImpactEdge> rawEdges, Duration elapsed) {
        List<RawNode> sorted = new ArrayList<>(rawNodes);
        sorted.sort(Comparator.comparingInt(RawNode::depth).thenComparing(RawNode::path).thenComparing(RawNode::fileId));
        int n = sorted.size();
        Map<UUID, Integer> pos = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            pos.put(sorted.get(i).fileId(), i);
        }
        // edges among the nodes, sorted by (src, dest, type) position with one primitive sort
        RefType[] typeValues = RefType.values();
        long[] keys = new long[rawEdges.size()];
        int m = 0;
        for (ImpactEdge e : rawEdges) {
            Integer s = pos.get(e.src());
            Integer d = pos.get(e.dest());
            if (s != null && d != null) {
                keys[m++] = ((long) s << 35) | ((long) d << 3) | e.type().ordinal();
            }
        }
        java.util.Arrays.sort(keys, 0, m);
        List<ImpactEdge> edgeList = new ArrayList<>(m);
        int[] src = new int[m];
        int[] dest = new int[m];
        for (int k = 0; k < m; k++) {
            src[k] = (int) (keys[k] >>> 35);
            dest[k] = (int) ((keys[k] >>> 3) & 0xFFFFFFFFL);
            edgeList.add(new ImpactEdge(sorted.get(src[k]).fileId(), sorted.get(dest[k]).fileId(), typeValues[(int) (keys[k] & 7)]));
        }

        // via: the walk-direction predecessor one level up, the first by (sorted) position
        boolean dependents = request.direction() == Direction.DEPENDENTS;
        int[] via = new int[n];
        java.util.Arrays.fill(via, -1);
        for (int k = 0; k < m; k++) {
            int from = dependents ? dest[k] : src[k];
            int to = dependents ? src[k] : dest[k];
            if (sorted.get(to).depth() == sorted.get(from).depth() + 1 && (via[to] < 0 || from < via[to])) {
                via[to] = from;
            }
        }
        int[] origin = new int[n];
        List<ImpactNode> nodes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            origin[i] = via[i] < 0 ? i : origin[via[i]];
            RawNode r = sorted.get(i);
            nodes.add(new ImpactNode(r.fileId(), r.path(), r.depth(), FileKind.of(r.path()),
                    via[i] < 0 ? null : sorted.get(via[i]).fileId(), sorted.get(origin[i]).fileId()));
        }

        // circles, in import direction
        int[][] out = GraphAlgorithms.adjacency(n, src, dest);
        int[] comp = GraphAlgorithms.components(out);
        int[][] members = GraphAlgorithms.group(comp, GraphAlgorithms.count(comp));
        List<ImpactCycle> cycles = new ArrayList<>();
        for (int[] group : members) {
            if (group.length < 2) {
                continue;
            }
            int[] ordered = group.clone();
            java.util.Arrays.sort(ordered); // positions: by depth, then path
            List<UUID> ids = new ArrayList<>(ordered.length);
            for (int member : ordered) {
                ids.add(sorted.get(member).fileId());
            }
            List<UUID> loop = new ArrayList<>();
            for (int member : GraphAlgorithms.shortestCycle(out, comp, ordered[0])) {
                loop.add(sorted.get(member).fileId());
            }
            cycles.add(new ImpactCycle(ids, loop));
        }
        cycles.sort(Comparator.comparingInt((ImpactCycle c) -> pos.get(c.members().get(0))));
        return new ImpactGraph(appId, appName, title, request, nodes, edgeList, cycles, elapsed);
    }

    public UUID appId() {
        return appId;
    }

    public String appName() {
        return appName;
    }

    /** What the walk started from, in words: the root's path, or the session's title. */
    public String title() {
        return title;
    }

    public ImpactRequest request() {
        return request;
    }

    /** Every reached file, roots first, then by depth and path. */
    public List<ImpactNode> nodes() {
        return nodes;
    }

    public List<ImpactEdge> edges() {
        return edges;
    }

    public List<ImpactCycle> cycles() {
        return cycles;
    }

    /** How long the query took on the server and over the wire. */
    public Duration elapsed() {
        return elapsed;
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    public ImpactNode node(UUID fileId) {
        return byId.get(fileId);
    }

    public List<ImpactNode> roots() {
        return nodes.stream().filter(ImpactNode::isRoot).toList();
    }

    /** Reached files other than the roots. */
    public int impactedCount() {
        return (int) nodes.stream().filter(n -> !n.isRoot()).count();
    }

    public int deepestLevel() {
        return nodes.isEmpty() ? 0 : nodes.get(nodes.size() - 1).depth();
    }

    /** Files per depth, depth 0 (the roots) included. */
    public SortedMap<Integer, Integer> countsByDepth() {
        SortedMap<Integer, Integer> counts = new TreeMap<>();
        for (ImpactNode n : nodes) {
            counts.merge(n.depth(), 1, Integer::sum);
        }
        return counts;
    }

    /** References per type among the reached files. */
    public Map<RefType, Integer> countsByType() {
        Map<RefType, Integer> counts = new EnumMap<>(RefType.class);
        for (ImpactEdge e : edges) {
            counts.merge(e.type(), 1, Integer::sum);
        }
        return counts;
    }

    /** Files per kind (component, style, asset ...). */
    public Map<FileKind, Integer> countsByKind() {
        Map<FileKind, Integer> counts = new EnumMap<>(FileKind.class);
        for (ImpactNode n : nodes) {
            counts.merge(n.kind(), 1, Integer::sum);
        }
        return counts;
    }

    /** One shortest path from a root to the file, root first; empty for a file not in the graph. */
    public List<ImpactNode> pathTo(UUID fileId) {
        List<ImpactNode> path = new ArrayList<>();
        ImpactNode n = byId.get(fileId);
        while (n != null) {
            path.add(0, n);
            n = n.via() == null ? null : byId.get(n.via());
        }
        return path;
    }

    /** The path as text: "src/context/ThemeContext.tsx ← src/App.tsx ← src/main.tsx". */
    public String pathText(UUID fileId) {
        String arrow = request.direction() == Direction.DEPENDENTS ? " ← " : " → ";
        StringBuilder s = new StringBuilder();
        for (ImpactNode n : pathTo(fileId)) {
            if (s.length() > 0) {
                s.append(arrow);
            }
            s.append(n.path());
        }
        return s.toString();
    }

    /** The circle a file is part of, or -1. */
    public int cycleIndexOf(UUID fileId) {
        return cycleOf.getOrDefault(fileId, -1);
    }

    public boolean inCycle(UUID fileId) {
        return cycleOf.containsKey(fileId);
    }

    /** A reference that closes a circle: both ends in the same circle. */
    public boolean isCycleEdge(ImpactEdge e) {
        Integer a = cycleOf.get(e.src());
        return a != null && a.equals(cycleOf.get(e.dest()));
    }

    /** Outgoing references per file in walk direction, for layouts: from a file to the files it reaches. */
    public Map<UUID, List<ImpactEdge>> edgesByWalkSource() {
        Map<UUID, List<ImpactEdge>> map = new LinkedHashMap<>();
        boolean dependents = request.direction() == Direction.DEPENDENTS;
        for (ImpactEdge e : edges) {
            map.computeIfAbsent(dependents ? e.dest() : e.src(), k -> new ArrayList<>()).add(e);
        }
        return map;
    }

    /** The path of a node by id, or the id itself when unknown. */
    public String pathOf(UUID fileId) {
        ImpactNode n = byId.get(fileId);
        return n == null ? String.valueOf(fileId) : n.path();
    }
}
