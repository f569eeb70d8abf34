package com.warden.app.latency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * EXPLAIN (VERBOSE, FORMAT JSON) of a probe with real parameter values; with {@code analyze} also
 * ANALYZE and BUFFERS (the connection is read-only, and probes are reads). A sequential scan of a
 * table with at least {@code bigTableRows} rows is flagged.
 */
public final class Explainer {
    public static final long DEFAULT_BIG_TABLE_ROWS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final long bigTableRows;
    private final boolean analyze;

    public Explainer(long bigTableRows, boolean analyze) {
        this.bigTableRows = bigTableRows;
        this.analyze = analyze;
    }

    public ExplainVerdict explain(Connection c, Probe probe, List<String> values) throws SQLException {
        NamedSql named = new NamedSql(probe.query());
        String sql = "EXPLAIN (" + (analyze ? "ANALYZE, BUFFERS, " : "") + "VERBOSE, FORMAT JSON) " + named.jdbc();
        String json;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setQueryTimeout(30);
            List<String> order = named.jdbcOrder();
            List<String> names = probe.parameterNames();
            for (int i = 0; i < order.size(); i++) {
                String v = values.get(names.indexOf(order.get(i)));
                if (v == null) {
                    ps.setNull(i + 1, Types.OTHER);
                } else {
                    ps.setObject(i + 1, v, Types.OTHER);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                json = rs.getString(1);
            }
        }
        JsonNode root;
        try {
            root = JSON.readTree(json).get(0);
        } catch (java.io.IOException e) {
            throw new SQLException("unreadable EXPLAIN output: " + e.getMessage());
        }
        List<PlanNode> flat = new ArrayList<>();
        Set<String> relations = new LinkedHashSet<>();
        collect(root.get("Plan"), 0, flat, relations);
        Map<String, Long> sizes = tableSizes(c, relations);
        List<PlanNode> nodes = new ArrayList<>();
        List<String> flagged = new ArrayList<>();
        Set<String> indexes = new LinkedHashSet<>();
        Set<String> smallSeq = new LinkedHashSet<>();
        for (PlanNode n : flat) {
            long tableRows = n.relation().isEmpty() ? -1 : sizes.getOrDefault(n.relation(), -1L);
            String flag = "";
            if (n.nodeType().equals("Seq Scan") && tableRows >= bigTableRows) {
                flag = "sequential scan of " + n.relation() + " (~" + String.format(Locale.ROOT, "%,d", tableRows) + " rows)";
                flagged.add(flag);
            } else if (n.nodeType().equals("Seq Scan")) {
                smallSeq.add(n.relation());
            }
            if (!n.index().isEmpty()) {
                indexes.add(n.nodeType().replace(" Scan", "").toLowerCase(Locale.ROOT) + " " + n.index());
            }
            nodes.add(new PlanNode(n.depth(), n.nodeType(), n.relation(), n.index(), n.planRows(), n.actualRows(),
                    n.totalCost(), tableRows, flag));
        }
        String summary;
        if (!flagged.isEmpty()) {
            summary = String.join("; ", flagged) + (indexes.isEmpty() ? "" : "; also uses " + String.join(", ", indexes));
        } else if (!indexes.isEmpty()) {
            summary = "uses " + String.join(", ", indexes)
                    + (smallSeq.isEmpty() ? "" : "; sequential scans of small tables only (" + String.join(", ", smallSeq) + ")");
        } else if (!smallSeq.isEmpty()) {
            summary = "sequential scans of small tables only (" + String.join(", ", smallSeq) + ")";
        } else {
            summary = "reads no table";
        }
        return new ExplainVerdict(probe.id(), probe.name(), flagged.isEmpty() ? ExplainVerdict.Verdict.GOOD
                : ExplainVerdict.Verdict.FLAGGED, summary, nodes, text(nodes),
                root.path("Planning Time").asDouble(Double.NaN), root.path("Execution Time").asDouble(Double.NaN));
    }

    private static void collect(JsonNode plan, int depth, List<PlanNode> out, Set<String> relations) {
        if (plan == null) {
            return;
        }
        String relation = plan.has("Relation Name")
                ? (plan.has("Schema") ? plan.get("Schema").asText() + "." : "") + plan.get("Relation Name").asText() : "";
        if (!relation.isEmpty()) {
            relations.add(relation);
        }
        out.add(new PlanNode(depth, plan.path("Node Type").asText(), relation, plan.path("Index Name").asText(""),
                plan.path("Plan Rows").asDouble(), plan.has("Actual Rows") ? plan.get("Actual Rows").asDouble() : -1,
                plan.path("Total Cost").asDouble(), -1, ""));
        for (JsonNode child : plan.path("Plans")) {
            collect(child, depth + 1, out, relations);
        }
    }

    private static Map<String, Long> tableSizes(Connection c, Set<String> relations) throws SQLException {
        Map<String, Long> sizes = new HashMap<>();
        if (relations.isEmpty()) {
            return sizes;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT n.nspname || '.' || c.relname, greatest(c.reltuples, 0)::bigint
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname || '.' || c.relname = ANY (?)""")) {
            ps.setArray(1, c.createArrayOf("text", relations.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sizes.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return sizes;
    }

    /** The plan as indented lines, like EXPLAIN's text format but shorter. */
    static String text(List<PlanNode> nodes) {
        StringBuilder s = new StringBuilder();
        for (PlanNode n : nodes) {
            s.append("  ".repeat(n.depth())).append(n.depth() == 0 ? "" : "-> ").append(n.nodeType());
            if (!n.index().isEmpty()) {
                s.append(" using ").append(n.index());
            }
            if (!n.relation().isEmpty()) {
                s.append(" on ").append(n.relation());
            }
            s.append(String.format(Locale.ROOT, "  (rows=%.0f", n.planRows()));
            if (n.actualRows() >= 0) {
                s.append(String.format(Locale.ROOT, ", actual=%.0f", n.actualRows()));
            }
            s.append(String.format(Locale.ROOT, ", cost=%.2f)", n.totalCost()));
            if (!n.flag().isEmpty()) {
                s.append("  <-- ").append(n.flag());
            }
            s.append('\n');
        }
        return s.toString().stripTrailing();
    }
}
