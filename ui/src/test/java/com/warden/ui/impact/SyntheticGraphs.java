package com.warden.ui.impact;

import com.warden.app.impact.Direction;
import com.warden.app.impact.ImpactEdge;
import com.warden.app.impact.ImpactGraph;
import com.warden.app.impact.ImpactRequest;
import com.warden.app.impact.ImpactRoot;
import com.warden.app.impact.RefType;
import com.warden.app.impact.SyntheticApp;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Big impact graphs without a database: the benchmark's shape, walked by a plain BFS. */
final class SyntheticGraphs {
    private SyntheticGraphs() { }

    /** Dependents of the most imported file, as deep as needed to reach about {@code wanted} files. */
    static ImpactGraph dependents(int files, int references, int wanted) {
        SyntheticApp.Shape shape = SyntheticApp.shape(files, references, 11);
        List<List<Integer>> importers = new ArrayList<>();
        int[] indegree = new int[files];
        for (int i = 0; i < files; i++) {
            importers.add(new ArrayList<>());
        }
        for (int e = 0; e < shape.src().length; e++) {
            importers.get(shape.dest()[e]).add(shape.src()[e]);
            indegree[shape.dest()[e]]++;
        }
        int root = 0;
        for (int i = 0; i < files; i++) {
            if (indegree[i] > indegree[root]) {
                root = i;
            }
        }
        Map<Integer, Integer> depth = new HashMap<>();
        depth.put(root, 0);
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(root));
        while (!queue.isEmpty() && depth.size() < wanted) {
            int v = queue.poll();
            for (int w : importers.get(v)) {
                if (!depth.containsKey(w) && depth.size() < wanted) {
                    depth.put(w, depth.get(v) + 1);
                    queue.add(w);
                }
            }
        }
        UUID[] ids = new UUID[files];
        for (int i = 0; i < files; i++) {
            ids[i] = new UUID(0x1234L, i);
        }
        List<ImpactGraph.RawNode> nodes = new ArrayList<>();
        int max = 0;
        for (Map.Entry<Integer, Integer> e : depth.entrySet()) {
            nodes.add(new ImpactGraph.RawNode(ids[e.getKey()], shape.paths().get(e.getKey()), e.getValue()));
            max = Math.max(max, e.getValue());
        }
        List<ImpactEdge> edges = new ArrayList<>();
        for (int e = 0; e < shape.src().length; e++) {
            if (depth.containsKey(shape.src()[e]) && depth.containsKey(shape.dest()[e])) {
                edges.add(new ImpactEdge(ids[shape.src()[e]], ids[shape.dest()[e]], RefType.fromSql(shape.types()[e])));
            }
        }
        ImpactRequest request = new ImpactRequest(ImpactRoot.file(ids[root]), Direction.DEPENDENTS, Math.max(1, max), null);
        return ImpactGraph.build(UUID.randomUUID(), "Synthetic", shape.paths().get(root), request, nodes, edges, Duration.ZERO);
    }
}
