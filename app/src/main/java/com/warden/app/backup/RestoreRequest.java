package com.warden.app.backup;

import com.warden.app.connect.ConnectionProfile;
import java.util.List;

/**
 * A restore: which backup, the server (for a new or an existing database; null for a scratch
 * instance), where, which tables (empty: all), how many parallel jobs, and what to verify.
 */
public record RestoreRequest(CatalogEntry backup, ConnectionProfile server, RestoreTarget target, List<TableName> tables,
                             int jobs, boolean verify, boolean integrity) {
    public RestoreRequest {
        tables = tables == null ? List.of() : List.copyOf(tables);
        jobs = Math.max(1, jobs);
        if (!(target instanceof RestoreTarget.Scratch) && server == null) {
            throw new com.warden.app.WardenException("No server to restore into.", "connect to the server first, or restore into a scratch instance");
        }
    }

    /** "warden_demo_restored_20250115_1430": the default name of a new database. */
    public static String suggestName(BackupManifest m) {
        String db = m.source() == null ? "restored" : m.source().database();
        String stamp = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd_HHmm"));
        String name = db + "_restored_" + stamp;
        return name.length() > 63 ? name.substring(name.length() - 63) : name;
    }
}
