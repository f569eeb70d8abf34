package com.warden.app.backup;

import com.warden.app.connect.ConnectionProfile;
import java.nio.file.Path;

/**
 * A restore drill: the source database (to pick its latest backup or take a new one), the
 * catalogue, an explicit backup id (null: the latest usable one), whether to take a new backup
 * first, the WAL archive for a physical backup (null: to the end of the backup), and where
 * scratch folders go.
 */
public record DrillRequest(ConnectionProfile source, Path catalog, String backupId, boolean takeBackup, BackupRequest backupRequest,
                           Path archive, Path scratchParent, boolean integrity) {
    public DrillRequest {
        if (source == null && backupId == null) {
            throw new com.warden.app.WardenException("A drill needs a source database or a backup.",
                    "give --url for the database whose latest backup to drill, or --backup ID");
        }
        if (takeBackup && source == null) {
            throw new com.warden.app.WardenException("Taking a backup for the drill needs the source database.", "give --url");
        }
    }
}
