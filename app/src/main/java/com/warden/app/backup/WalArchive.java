package com.warden.app.backup;

import com.warden.app.backup.ArchiveReadiness.Verdict;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * WAL archiving: is the server ready for PITR (settings and pg_stat_archiver, with a verdict),
 * what to put in postgresql.conf for an archive folder, and is an archive folder continuous
 * (segments without gaps on each timeline, a history file for each timeline switch).
 */
public final class WalArchive {
    private WalArchive() { }

    /** Reads the settings and pg_stat_archiver; needs no special privilege beyond pg_monitor for the details. */
    public static ArchiveReadiness readiness(Connection c) throws SQLException {
        Map<String, String> s = new TreeMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name, setting FROM pg_settings WHERE name IN ('wal_level', 'archive_mode', "
                     + "'archive_command', 'archive_library', 'archive_timeout', 'max_wal_senders')")) {
            while (rs.next()) {
                s.put(rs.getString(1), rs.getString(2));
            }
        }
        long archived = 0;
        long failed = 0;
        String lastWal = null;
        String lastFailedWal = null;
        OffsetDateTime lastTime = null;
        OffsetDateTime lastFailedTime = null;
        boolean inRecovery;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT archived_count, last_archived_wal, last_archived_time, failed_count, "
                     + "last_failed_wal, last_failed_time, pg_is_in_recovery() FROM pg_stat_archiver")) {
            rs.next();
            archived = rs.getLong(1);
            lastWal = rs.getString(2);
            lastTime = rs.getObject(3, OffsetDateTime.class);
            failed = rs.getLong(4);
            lastFailedWal = rs.getString(5);
            lastFailedTime = rs.getObject(6, OffsetDateTime.class);
            inRecovery = rs.getBoolean(7);
        }
        String walLevel = s.getOrDefault("wal_level", "?");
        String mode = s.getOrDefault("archive_mode", "off");
        String command = s.getOrDefault("archive_command", "");
        String library = s.getOrDefault("archive_library", "");
        int timeout = parseInt(s.get("archive_timeout"));
        int senders = parseInt(s.get("max_wal_senders"));
        return judge(walLevel, mode, command, library, timeout, senders, archived, lastWal, lastTime, failed, lastFailedWal,
                lastFailedTime, inRecovery, Instant.now());
    }

    static ArchiveReadiness judge(String walLevel, String mode, String command, String library, int timeout, int senders,
                                  long archived, String lastWal, OffsetDateTime lastTime, long failed, String lastFailedWal,
                                  OffsetDateTime lastFailedTime, boolean inRecovery, Instant now) {
        List<String> reasons = new ArrayList<>();
        boolean notReady = false;
        boolean degraded = false;
        if (walLevel.equals("minimal")) {
            reasons.add("wal_level is minimal: WAL cannot rebuild the data; set wal_level = replica (restart)");
            notReady = true;
        }
        if (mode.equals("off")) {
            reasons.add("archive_mode is off: no WAL is kept for PITR; set archive_mode = on (restart)");
            notReady = true;
        } else if (mode.equals("on") && inRecovery) {
            reasons.add("this is a standby with archive_mode = on: it archives only after promotion (use 'always' to archive here)");
            degraded = true;
        }
        boolean hasCommand = !(command.isBlank() || command.equals("(disabled)")) || !library.isBlank();
        if (!mode.equals("off") && !hasCommand) {
            reasons.add("archive_command is empty: segments pile up in pg_wal and nothing is archived");
            notReady = true;
        }
        if (senders == 0) {
            reasons.add("max_wal_senders is 0: pg_basebackup cannot take a base backup");
            degraded = true;
        }
        if (!notReady) {
            if (lastFailedTime != null && (lastTime == null || lastFailedTime.isAfter(lastTime))) {
                reasons.add("the last archive attempt failed (" + lastFailedWal + " at " + lastFailedTime + "; " + failed
                        + " failures in all): check the server log for the archive_command's error");
                degraded = true;
            } else if (archived == 0) {
                reasons.add("nothing archived yet: run SELECT pg_switch_wal() and look again to prove the command works");
                degraded = true;
            } else {
                reasons.add(archived + " segments archived, the last " + lastWal + " at " + lastTime
                        + (failed > 0 ? " (" + failed + " failures before, none since)" : ""));
            }
            if (timeout == 0) {
                reasons.add("archive_timeout is 0: on a quiet server the newest changes may wait long in an unfinished segment (RPO)");
                degraded = true;
            } else if (timeout > 3600) {
                reasons.add("archive_timeout is " + timeout + " s: up to that much committed work may not be archived yet (RPO)");
                degraded = true;
            } else {
                reasons.add("archive_timeout " + timeout + " s bounds the RPO of an idle server");
            }
            if (lastTime != null && archived > 0 && timeout > 0
                    && Duration.between(lastTime.toInstant(), now).toSeconds() > Math.max(3L * timeout, 3600)) {
                reasons.add("the last segment was archived " + Duration.between(lastTime.toInstant(), now).toMinutes()
                        + " minutes ago, longer than archive_timeout explains");
                degraded = true;
            }
        }
        Verdict verdict = notReady ? Verdict.NOT_READY : degraded ? Verdict.DEGRADED : Verdict.READY;
        return new ArchiveReadiness(walLevel, mode, command, library, timeout, senders, archived, lastWal, lastTime, failed,
                lastFailedWal, lastFailedTime, inRecovery, verdict, reasons);
    }

    /** The lines for postgresql.conf that archive into {@code folder} on the server's machine. */
    public static List<String> settingsFor(Path folder, boolean windows) {
        String dir = folder.toString();
        String command = windows
                ? "if not exist \"" + dir + "\\%f\" copy \"%p\" \"" + dir + "\\%f\""
                : "test ! -f '" + dir.replace("'", "'\\''") + "/%f' && cp %p '" + dir.replace("'", "'\\''") + "/%f'";
        return List.of(
                "wal_level = replica                  # restart needed",
                "archive_mode = on                    # restart needed",
                "archive_command = '" + command.replace("'", "''") + "'",
                "archive_timeout = 60                 # seconds: an idle server still archives at least once a minute",
                "max_wal_senders = 10                 # for pg_basebackup",
                "# then: mkdir -p " + dir + " (owned by the server's OS user), restart, and SELECT pg_switch_wal(); to test");
    }

    /** One timeline's segments in the archive and the gaps between them. */
    public record TimelineRange(int timeline, String first, String last, int segments, List<String> missing, boolean hasHistory) { }

    /** A line of a timeline history file: this timeline branched off its parent at an LSN. */
    public record TimelineSwitch(int timeline, int parent, String switchLsn, String reason) { }

    /** The continuity check of an archive folder. */
    public record ContinuityReport(Path folder, long segmentSize, List<TimelineRange> timelines, List<TimelineSwitch> history,
                                   int segments, int partialFiles, int backupLabels, Instant newest, List<String> problems) {
        public boolean continuous() {
            return problems.isEmpty();
        }
    }

    public static ContinuityReport continuity(Path folder, long segmentSize) {
        if (!Files.isDirectory(folder)) {
            throw new com.warden.app.WardenException("The archive folder " + folder + " does not exist.",
                    "give the folder the archive_command copies WAL segments into");
        }
        TreeMap<Integer, List<WalSegment>> byTimeline = new TreeMap<>();
        List<TimelineSwitch> history = new ArrayList<>();
        java.util.Set<Integer> historyFiles = new java.util.TreeSet<>();
        int partial = 0;
        int labels = 0;
        Instant newest = null;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path p : files) {
                String name = p.getFileName().toString();
                String base = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
                Optional<WalSegment> seg = WalSegment.parse(base, segmentSize);
                if (seg.isPresent()) {
                    byTimeline.computeIfAbsent(seg.get().timeline(), k -> new ArrayList<>()).add(seg.get());
                    Instant t = Files.getLastModifiedTime(p).toInstant();
                    newest = newest == null || t.isAfter(newest) ? t : newest;
                } else if (base.matches("[0-9A-Fa-f]{8}\\.history")) {
                    int tli = Integer.parseInt(base.substring(0, 8), 16);
                    historyFiles.add(tli);
                    for (String line : Files.readAllLines(p)) {
                        String[] parts = line.trim().split("\\s+", 3);
                        if (parts.length >= 2 && parts[0].matches("\\d+")) {
                            history.add(new TimelineSwitch(tli, Integer.parseInt(parts[0]), parts[1], parts.length > 2 ? parts[2] : ""));
                        }
                    }
                } else if (base.endsWith(".partial")) {
                    partial++;
                } else if (base.endsWith(".backup")) {
                    labels++;
                }
            }
        } catch (IOException e) {
            throw new com.warden.app.WardenException("Cannot read the archive folder " + folder + ": " + e.getMessage(), null, e);
        }
        List<TimelineRange> ranges = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int total = 0;
        for (Map.Entry<Integer, List<WalSegment>> e : byTimeline.entrySet()) {
            List<WalSegment> segs = e.getValue();
            segs.sort(null);
            total += segs.size();
            List<String> missing = new ArrayList<>();
            for (int i = 1; i < segs.size(); i++) {
                long gapFrom = segs.get(i - 1).segno() + 1;
                long gapTo = segs.get(i).segno() - 1;
                if (gapTo >= gapFrom) {
                    String from = new WalSegment(e.getKey(), gapFrom).fileName(segmentSize);
                    missing.add(gapTo == gapFrom ? from : from + " … " + new WalSegment(e.getKey(), gapTo).fileName(segmentSize)
                            + " (" + (gapTo - gapFrom + 1) + " segments)");
                }
            }
            boolean hasHistory = e.getKey() == 1 || historyFiles.contains(e.getKey());
            ranges.add(new TimelineRange(e.getKey(), segs.get(0).fileName(segmentSize), segs.get(segs.size() - 1).fileName(segmentSize),
                    segs.size(), missing, hasHistory));
            if (!missing.isEmpty()) {
                problems.add("timeline " + e.getKey() + " misses " + String.join(", ", missing));
            }
            if (!hasHistory) {
                problems.add(String.format(Locale.ROOT, "timeline %d has no %08X.history file: recovery cannot follow it", e.getKey(), e.getKey()));
            }
        }
        if (total == 0) {
            problems.add("the folder holds no WAL segments");
        }
        return new ContinuityReport(folder, segmentSize, ranges, history, total, partial, labels, newest, problems);
    }

    private static int parseInt(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
