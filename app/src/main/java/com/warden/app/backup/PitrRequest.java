package com.warden.app.backup;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A point-in-time recovery: which base backup, which WAL archive (null: the backup's own WAL,
 * to its end), to what target, and whether to keep the scratch instance afterwards.
 */
public record PitrRequest(CatalogEntry base, Path archive, RecoveryTarget target, boolean keep, Path scratchParent,
                          Duration timeout, boolean verify) {
    public PitrRequest {
        target = target == null ? new RecoveryTarget.Latest() : target;
        timeout = timeout == null ? Duration.ofHours(2) : timeout;
        if (archive == null && !(target instanceof RecoveryTarget.Immediate) && !(target instanceof RecoveryTarget.Latest)) {
            throw new com.warden.app.WardenException("A target time, LSN or restore point needs a WAL archive.",
                    "give the archive folder, or recover to the end of the backup");
        }
    }
}
