package com.warden.app.integrity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.warden.app.report.Finding;
import com.warden.app.report.Severity;
import java.time.Instant;
import java.util.List;

/**
 * The result of one integrity run: the same record feeds the screen, the command line, the
 * history and the HTML / JSON exports.
 *
 * @param runId          unique id of this run
 * @param startedAt      when it started
 * @param finishedAt     when it ended (also when cancelled or interrupted)
 * @param target         what was checked
 * @param mode           server, client or both
 * @param groups         the check groups asked for
 * @param workers        connections used in parallel
 * @param chunking       how tables were split: "blocks" (ctid ranges) or "keys" (id ranges)
 * @param sharedSnapshot true when every connection read the same snapshot
 * @param status         how it ended
 * @param stoppedAt      where it stopped, when it did not finish; else null
 * @param findings       what is wrong, re-checked once
 * @param droppedOnRecheck findings that no longer held when re-checked (rows changed during the scan)
 * @param rechecked      true when the findings were re-checked
 * @param checks         how each group went
 * @param notes          what the reader must know: amcheck, row-level security, checks that could not run
 */
public record IntegrityReport(
        String runId,
        Instant startedAt,
        Instant finishedAt,
        Target target,
        String mode,
        List<String> groups,
        int workers,
        String chunking,
        boolean sharedSnapshot,
        ScanStatus status,
        String stoppedAt,
        List<Finding> findings,
        List<Finding> droppedOnRecheck,
        boolean rechecked,
        List<CheckSummary> checks,
        List<String> notes) {

    /** What was checked: database, server and the app filter. Never a password. */
    public record Target(String database, String host, int port, String user, String serverVersion,
                         String app, String appId) {
        /** A stable key for the history: host, port, database and the app filter. */
        @JsonIgnore
        public String historyKey() {
            String raw = host + "_" + port + "_" + database + (appId == null ? "" : "_app-" + appId);
            return raw.replaceAll("[^A-Za-z0-9._-]+", "_");
        }

        public String label() {
            return host + ":" + port + "/" + database + (app == null ? "" : " · app " + app);
        }

        /** The whole database behind this pool (no app filter): the key its runs are kept under. */
        public static Target of(com.warden.app.connect.Database db) {
            return new Target(db.profile().database(), db.profile().host(), db.profile().port(), db.profile().user(),
                    db.server().version(), null, null);
        }
    }

    public IntegrityReport {
        findings = findings == null ? List.of() : List.copyOf(findings);
        droppedOnRecheck = droppedOnRecheck == null ? List.of() : List.copyOf(droppedOnRecheck);
        checks = checks == null ? List.of() : List.copyOf(checks);
        notes = notes == null ? List.of() : List.copyOf(notes);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    public long errors() {
        return count(Severity.ERROR);
    }

    public long warnings() {
        return count(Severity.WARNING);
    }

    /** True when some finding is at least as bad as the threshold. */
    public boolean reaches(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().reaches(threshold));
    }

    public long elapsedMs() {
        return startedAt == null || finishedAt == null ? 0 : finishedAt.toEpochMilli() - startedAt.toEpochMilli();
    }

    public long rowsChecked() {
        return checks.stream().mapToLong(CheckSummary::rows).sum();
    }

    /** One line: the verdict. */
    public String summaryLine() {
        String counts = errors() + (errors() == 1 ? " error, " : " errors, ") + warnings()
                + (warnings() == 1 ? " warning" : " warnings");
        long infos = count(Severity.INFO);
        if (infos > 0) {
            counts += ", " + infos + " info";
        }
        return switch (status) {
            case COMPLETE -> (findings.isEmpty() ? "Clean: no findings" : counts) + " in " + seconds() + ".";
            case PARTIAL -> counts + "; some checks could not run (see notes), " + seconds() + ".";
            case CANCELLED -> "Cancelled after " + seconds() + "; " + counts + " so far (not re-checked).";
            case INTERRUPTED -> "Connection lost after " + seconds() + "; " + counts + " so far (not re-checked).";
        };
    }

    private String seconds() {
        return String.format("%.1f s", elapsedMs() / 1000.0);
    }
}
