package com.warden.app.integrity;

import com.warden.app.report.Finding;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** One check group: the tasks it runs in the shared snapshot, and how it re-checks what it found. */
interface Check {
    CheckGroup group();

    /** Tasks of the first phase, planned on the first connection inside the snapshot. */
    List<ScanTask> plan(Connection c, ScanContext ctx) throws SQLException;

    /** Tasks that need the first phase's results (the head check uses the recomputed digests). */
    default List<ScanTask> planLater(ScanContext ctx) {
        return List.of();
    }

    /**
     * Looks at the rows of these findings again, on fresh data, and returns what holds now:
     * a finding that is gone was fixed or overwritten while the scan ran.
     */
    List<Finding> recheck(Connection c, ScanContext ctx, List<Finding> findings) throws SQLException;
}
