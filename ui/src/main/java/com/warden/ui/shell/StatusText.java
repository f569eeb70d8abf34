package com.warden.ui.shell;

import com.warden.app.connect.PoolStats;
import com.warden.app.schema.ProjectStatus;

/** The short texts of the status bar, apart from the properties so they can be tested plainly. */
final class StatusText {

    private StatusText() { }

    static String schema(ProjectStatus status) {
        if (status == null) {
            return "schema unknown";
        }
        return switch (status.kind()) {
            case CURRENT -> "schema core at version " + status.schemaVersion();
            case PENDING -> "schema core at version " + (status.schemaVersion() == null ? "none" : status.schemaVersion())
                    + ", " + status.pendingMigrations() + " pending";
            case NEWER -> "schema core at version " + status.schemaVersion() + " (newer than this Warden)";
            case UNMANAGED_CORE -> "schema core without migration history";
            case NOT_A_PROJECT -> "not a project database";
        };
    }

    static String pool(PoolStats stats) {
        return "pool " + stats.active() + " active / " + stats.total() + " open";
    }

    static String poolDetail(PoolStats stats) {
        return "Warden's connections to this database: " + stats.active() + " active, " + stats.idle() + " idle, "
                + stats.total() + " open (at most " + stats.maximum() + "), " + stats.waiting() + " waiting. "
                + "Refreshed every 2 seconds.";
    }
}
