package com.warden.app.latency;

import java.util.List;

/**
 * What EXPLAIN says about a probe: its nodes, whether it reads through indexes or scans
 * sequentially, and a flag when a big table is scanned.
 */
public record ExplainVerdict(String probeId, String probeName, Verdict verdict, String summary, List<PlanNode> nodes,
                             String plan, double planningMs, double executionMs) {

    public enum Verdict {
        /** Index scans, or sequential scans of small tables only. */
        GOOD,
        /** A big table is scanned sequentially (or another node is flagged). */
        FLAGGED,
        /** EXPLAIN itself failed (the probe's SQL, its parameters, the connection). */
        ERROR,
        /** Not explained (no parameters, not a project database). */
        SKIPPED
    }

    public ExplainVerdict {
        nodes = List.copyOf(nodes);
    }

    public static ExplainVerdict failed(Probe p, Verdict v, String why) {
        return new ExplainVerdict(p.id(), p.name(), v, why, List.of(), "", Double.NaN, Double.NaN);
    }
}
