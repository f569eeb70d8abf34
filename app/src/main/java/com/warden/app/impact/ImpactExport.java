package com.warden.app.impact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The same graph as a JSON document and as Graphviz DOT: what `warden impact --json/--dot`
 * prints and what the screen's Export writes.
 */
public final class ImpactExport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Depth colours (root first), light enough for black text; the screen uses the same ones. */
    public static final String[] DEPTH_COLOURS = {
        "#f6c177", "#9ccfd8", "#a3d9a5", "#c4a7e7", "#f2a7b5", "#b8c0e0", "#e6d3a3", "#9fd3c7"
    };

    private ImpactExport() { }

    /** The document as ordered maps: nodes (file id, path, depth), edges (src, dest, type), cycles, summary. */
    public static Map<String, Object> document(ImpactGraph g) {
        Map<String, Object> doc = new LinkedHashMap<>();
        Map<String, Object> app = new LinkedHashMap<>();
        app.put("id", g.appId());
        app.put("name", g.appName());
        doc.put("app", app);
        doc.put("title", g.title());
        doc.put("direction", g.request().direction().label());
        doc.put("max_depth", g.request().maxDepth());
        doc.put("types", g.request().types().stream().map(RefType::sqlName).toList());
        List<Map<String, Object>> roots = new ArrayList<>();
        for (ImpactNode n : g.roots()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("file_id", n.fileId());
            r.put("path", n.path());
            roots.add(r);
        }
        doc.put("roots", roots);
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (ImpactNode n : g.nodes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file_id", n.fileId());
            m.put("path", n.path());
            m.put("depth", n.depth());
            m.put("kind", n.kind().label());
            m.put("via", n.via());
            m.put("in_cycle", g.inCycle(n.fileId()));
            nodes.add(m);
        }
        doc.put("nodes", nodes);
        List<Map<String, Object>> edges = new ArrayList<>();
        for (ImpactEdge e : g.edges()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("src", e.src());
            m.put("dest", e.dest());
            m.put("type", e.type().sqlName());
            m.put("src_path", g.pathOf(e.src()));
            m.put("dest_path", g.pathOf(e.dest()));
            m.put("in_cycle", g.isCycleEdge(e));
            edges.add(m);
        }
        doc.put("edges", edges);
        List<Map<String, Object>> cycles = new ArrayList<>();
        for (ImpactCycle c : g.cycles()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("files", c.members().stream().map(g::pathOf).toList());
            m.put("file_ids", c.members());
            m.put("loop", c.loop().stream().map(g::pathOf).toList());
            cycles.add(m);
        }
        doc.put("cycles", cycles);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("files", g.nodes().size());
        summary.put("impacted", g.impactedCount());
        summary.put("references", g.edges().size());
        summary.put("cycles", g.cycles().size());
        Map<String, Integer> byDepth = new LinkedHashMap<>();
        g.countsByDepth().forEach((d, c) -> byDepth.put(String.valueOf(d), c));
        summary.put("by_depth", byDepth);
        Map<String, Integer> byType = new LinkedHashMap<>();
        g.countsByType().forEach((t, c) -> byType.put(t.sqlName(), c));
        summary.put("by_type", byType);
        doc.put("summary", summary);
        return doc;
    }

    public static String json(ImpactGraph g) {
        try {
            return MAPPER.writeValueAsString(document(g)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Graphviz DOT: one rank per depth (root on top), nodes filled by depth, edges in import
     * direction labelled by type, circles in red. `dot -Tsvg impact.dot > impact.svg`.
     */
    public static String dot(ImpactGraph g) {
        StringBuilder s = new StringBuilder();
        s.append("digraph impact {\n");
        s.append("  label=").append(quote(label(g))).append(";\n");
        s.append("  labelloc=t; fontname=\"Helvetica\";\n");
        s.append("  graph [rankdir=TB, ranksep=0.9, nodesep=0.25];\n");
        s.append("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10];\n");
        s.append("  edge [fontname=\"Helvetica\", fontsize=8, color=\"#555555\"];\n");
        Map<UUID, String> ids = new HashMap<>();
        int i = 0;
        for (ImpactNode n : g.nodes()) {
            ids.put(n.fileId(), "n" + i++);
        }
        for (Map.Entry<Integer, Integer> level : g.countsByDepth().entrySet()) {
            int depth = level.getKey();
            s.append("  subgraph depth_").append(depth).append(" {\n    rank=same;\n");
            for (ImpactNode n : g.nodes()) {
                if (n.depth() != depth) {
                    continue;
                }
                s.append("    ").append(ids.get(n.fileId())).append(" [label=").append(quote(n.path()))
                        .append(", fillcolor=").append(quote(DEPTH_COLOURS[Math.min(depth, DEPTH_COLOURS.length - 1)]));
                if (n.isRoot()) {
                    s.append(", penwidth=2");
                }
                if (g.inCycle(n.fileId())) {
                    s.append(", color=\"#d7263d\"");
                }
                s.append(", tooltip=").append(quote("depth " + depth + ": " + g.pathText(n.fileId()))).append("];\n");
            }
            s.append("  }\n");
        }
        boolean dependents = g.request().direction() == Direction.DEPENDENTS;
        for (ImpactEdge e : g.edges()) {
            // dependents sit below what they import: write dest -> src drawn backwards, so ranks flow down
            String from = ids.get(dependents ? e.dest() : e.src());
            String to = ids.get(dependents ? e.src() : e.dest());
            s.append("  ").append(from).append(" -> ").append(to).append(" [label=").append(quote(e.type().sqlName()));
            if (dependents) {
                s.append(", dir=back");
            }
            if (g.isCycleEdge(e)) {
                s.append(", color=\"#d7263d\", fontcolor=\"#d7263d\", penwidth=1.6");
            }
            s.append("];\n");
        }
        s.append("}\n");
        return s.toString();
    }

    private static String label(ImpactGraph g) {
        return (g.request().direction() == Direction.DEPENDENTS ? "Dependents of " : "Dependencies of ") + g.title()
                + (g.appName() == null ? "" : " (" + g.appName() + ")") + ", depth ≤ " + g.request().maxDepth();
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
