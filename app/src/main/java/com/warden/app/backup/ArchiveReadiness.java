package com.warden.app.backup;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Whether a server archives its WAL well enough for point-in-time recovery: its settings and
 * pg_stat_archiver, with a verdict and the reasons for it.
 */
public record ArchiveReadiness(String walLevel, String archiveMode, String archiveCommand, String archiveLibrary,
                               int archiveTimeoutSeconds, int maxWalSenders, long archivedCount, String lastArchivedWal,
                               OffsetDateTime lastArchivedTime, long failedCount, String lastFailedWal,
                               OffsetDateTime lastFailedTime, boolean inRecovery, Verdict verdict, List<String> reasons) {

    public enum Verdict {
        /** archiving runs and its last attempt succeeded */
        READY,
        /** configured, but failing, not yet proven, or with a long archive_timeout */
        DEGRADED,
        /** not configured: PITR is impossible */
        NOT_READY
    }

    public ArchiveReadiness {
        reasons = List.copyOf(reasons);
    }
}
