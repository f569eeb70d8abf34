package com.warden.app.backup;

import com.warden.app.WardenException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What a base backup and a WAL archive can recover to: from the end of the backup (the first
 * consistent point) to the last record the archive holds without a gap, with the times of the
 * first and last commits and the named restore points in between.
 */
public record RecoveryWindow(Lsn fromLsn, Instant fromTime, Lsn toLsn, Instant toTime, int timeline,
                             List<RestorePoint> restorePoints, String lastSegment, List<String> notes) {

    public record RestorePoint(String name, String lsn) { }

    public RecoveryWindow {
        restorePoints = List.copyOf(restorePoints);
        notes = List.copyOf(notes);
    }

    /** "from 2025-01-15 14:02:11 UTC (0/6000100, end of the base backup) to 2025-01-15 14:31:52 UTC (0/D82A320, last archived commit)". */
    public String describe() {
        return "from " + time(fromTime) + " (" + fromLsn + ", end of the base backup) to " + time(toTime) + " ("
                + toLsn + ", last archived " + (toTime == null ? "WAL" : "commit") + ")";
    }

    /** Refuses a target outside the window, with the window in the message. */
    public void check(RecoveryTarget target) {
        String range = "the backup and archive cover " + describe();
        if (target instanceof RecoveryTarget.Time t) {
            if (fromTime != null && t.at().isBefore(fromTime)) {
                throw new WardenException("Target " + time(t.at()) + " is before the base backup ends; " + range + ".",
                        "choose a time in that range, or an older base backup");
            }
            if (toTime == null || t.at().isAfter(toTime)) {
                throw new WardenException("Target " + time(t.at()) + " is after the last commit in the archive; " + range + ".",
                        "choose a time in that range, or 'latest' for everything archived");
            }
        } else if (target instanceof RecoveryTarget.AtLsn l) {
            if (l.lsn().isBefore(fromLsn)) {
                throw new WardenException("Target LSN " + l.lsn() + " is before the base backup ends; " + range + ".",
                        "choose an LSN in that range, or an older base backup");
            }
            if (l.lsn().isAfter(toLsn)) {
                throw new WardenException("Target LSN " + l.lsn() + " is after the end of the archived WAL; " + range + ".",
                        "choose an LSN in that range, or 'latest'");
            }
        } else if (target instanceof RecoveryTarget.Named n) {
            boolean found = restorePoints.stream().anyMatch(p -> p.name().equals(n.name()));
            if (!found) {
                List<String> names = restorePoints.stream().map(RestorePoint::name).toList();
                throw new WardenException("No restore point '" + n.name() + "' after the base backup in the archive; " + range
                        + (names.isEmpty() ? "; it holds no restore points." : "; it holds " + String.join(", ", names) + "."),
                        "create one with SELECT pg_create_restore_point('name') before the change you want to undo");
            }
        }
    }

    static String time(Instant t) {
        return t == null ? "(no commit)" : RecoveryTarget.PG_TIME.format(t.atOffset(ZoneOffset.UTC)).replace("+00:00", " UTC");
    }
}
