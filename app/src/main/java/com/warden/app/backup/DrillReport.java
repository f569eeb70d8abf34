package com.warden.app.backup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * The record of one drill, saved as JSON and HTML: which backup, each step with its time, the
 * RTO (seconds from the start of the restore to a verified database) and RPO (age of the newest
 * restorable point when the drill ran), the per-table counts, and the verdict.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DrillReport(
        String id,
        String source,
        @JsonProperty("backup_id") String backupId,
        @JsonProperty("backup_kind") BackupKind backupKind,
        @JsonProperty("backup_format") BackupFormat backupFormat,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("finished_at") Instant finishedAt,
        @JsonProperty("restorable_point") Instant restorablePoint,
        @JsonProperty("rto_seconds") double rtoSeconds,
        @JsonProperty("rpo_seconds") double rpoSeconds,
        List<Step> steps,
        List<VerificationReport.TableCheck> tables,
        VerificationReport verification,
        String verdict,
        String failure,
        @JsonProperty("scratch_removed") boolean scratchRemoved,
        @JsonProperty("postgres") String postgres) {

    public static final String PASS = "PASS";
    public static final String WARN = "WARN";
    public static final String FAIL = "FAIL";

    public boolean passed() {
        return PASS.equals(verdict);
    }
}
