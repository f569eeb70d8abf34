package com.warden.app.latency;

/**
 * One node of a plan, flattened with its depth.
 *
 * @param relation   schema.table it reads, or empty
 * @param index      the index it uses, or empty
 * @param planRows   the planner's row estimate
 * @param actualRows rows it really returned (EXPLAIN ANALYZE), or -1
 * @param tableRows  the table's size (pg_class.reltuples) for scans, or -1
 * @param flag       why this node is a problem, or empty
 */
public record PlanNode(int depth, String nodeType, String relation, String index, double planRows, double actualRows,
                       double totalCost, long tableRows, String flag) {

    public boolean isScan() {
        return !relation.isEmpty();
    }
}
