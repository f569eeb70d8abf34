package com.warden.app.backup;

import com.warden.app.WardenException;
import com.warden.app.job.JobContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a WAL archive with pg_waldump to learn what a base backup and the archive can recover
 * to: the segments that follow the backup without a gap, the last valid record, the time of
 * the last commit, and the named restore points.
 */
public final class WalScanner {
    private static final Pattern RECORD = Pattern.compile("len \\(rec/tot\\):\\s*(\\d+)/\\s*(\\d+), tx:\\s*\\d+, lsn: ([0-9A-F]+/[0-9A-F]+)");
    private static final Pattern COMMIT = Pattern.compile("desc: COMMIT (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}) UTC");
    private static final Pattern RESTORE_POINT = Pattern.compile("desc: RESTORE_POINT (.*)$");
    private static final Pattern STOP_TIME = Pattern.compile("^STOP TIME: (.+)$", Pattern.MULTILINE);
    private static final Pattern START_WAL = Pattern.compile("^START WAL LOCATION: ([0-9A-F]+/[0-9A-F]+)", Pattern.MULTILINE);
    private static final DateTimeFormatter WALDUMP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final ToolLocator tools;

    public WalScanner(ToolLocator tools) {
        this.tools = tools;
    }

    /** The recovery window of a physical backup with an archive (null: the backup's own WAL only). */
    public RecoveryWindow window(CatalogEntry base, Path archive, boolean restorePoints, JobContext job) {
        BackupManifest m = base.manifest();
        if (m.kind() != BackupKind.PHYSICAL) {
            throw new WardenException("Backup " + m.id() + " is a logical dump; point-in-time recovery needs a physical base backup.",
                    "take one with 'warden backup --kind physical'");
        }
        Lsn start = Lsn.parse(m.startLsn());
        Lsn end = Lsn.parse(m.endLsn());
        int tli = m.timeline() == null ? 1 : m.timeline();
        List<String> notes = new ArrayList<>();
        Instant fromTime = m.finishedAt();
        if (archive == null) {
            notes.add("no WAL archive: the backup recovers to its own end only");
            return new RecoveryWindow(end, fromTime, end, null, tli, List.of(), null, notes);
        }
        long segSize = segmentSize(archive, base);
        Instant stop = stopTime(archive, start, segSize, tli);
        if (stop != null) {
            fromTime = stop;
        } else {
            notes.add("no backup history file in the archive: the backup's end time is the time Warden finished it");
        }
        Map<Long, Path> segments = new TreeMap<>();
        collect(archive, tli, segSize, segments);
        Path ownWal = base.payload().resolve("pg_wal");
        if (Files.isDirectory(ownWal)) {
            Map<Long, Path> own = new TreeMap<>();
            collect(ownWal, tli, segSize, own);
            own.forEach(segments::putIfAbsent);
        }
        long first = start.segment(segSize);
        long n = first;
        while (segments.containsKey(n)) {
            n++;
        }
        long last = n - 1;
        if (last < end.segment(segSize)) {
            notes.add("the archive does not yet hold the WAL up to the backup's end; only the backup's own WAL can be replayed");
            return new RecoveryWindow(end, fromTime, end, null, tli, List.of(), null, notes);
        }
        long gapAt = n;
        long beyond = segments.keySet().stream().filter(s -> s > gapAt).count();
        if (beyond > 0) {
            notes.add(beyond + " segments after a gap at " + new WalSegment(tli, gapAt).fileName(segSize) + " cannot be replayed");
        }
        Path linkDir = linkSegments(segments, first, last, tli, segSize);
        try {
            FoundTool waldump = tools.find(PgTool.PG_WALDUMP, m.source().major());
            // the exact lower bound: the last commit before the backup's end is in the base files, so
            // a target before it cannot be reached; with no commit during the backup, STOP TIME (rounded up)
            Scan during = scan(waldump, linkDir, tli, start, end, false, true, job);
            if (during.lastCommit != null) {
                fromTime = during.lastCommit;
            }
            Lsn toLsn = end;
            Instant toTime = null;
            // the last segment, whole: its last record ends the window; then back, segment by
            // segment, until a commit is found (its time ends the window for time targets)
            for (long s = last; s >= first; s--) {
                job.checkCancelled();
                Lsn from = new WalSegment(tli, s).start(segSize);
                if (from.isBefore(end)) {
                    from = end;
                }
                Scan scan = scan(waldump, linkDir, tli, from, new WalSegment(tli, s).end(segSize), false, s != last, job);
                if (s == last && scan.lastEnd != null && scan.lastEnd.isAfter(toLsn)) {
                    toLsn = scan.lastEnd;
                }
                if (scan.lastCommit != null) {
                    toTime = scan.lastCommit;
                    break;
                }
                if (from.equals(end)) {
                    break;
                }
            }
            List<RecoveryWindow.RestorePoint> points = List.of();
            if (restorePoints) {
                points = scan(waldump, linkDir, tli, end, new WalSegment(tli, last).end(segSize), true, false, job).points;
            }
            return new RecoveryWindow(end, fromTime, toLsn, toTime, tli, points, new WalSegment(tli, last).fileName(segSize), notes);
        } finally {
            FileTree.deleteQuietly(linkDir);
        }
    }

    private record Scan(Lsn lastEnd, Instant lastCommit, List<RecoveryWindow.RestorePoint> points) { }

    private Scan scan(FoundTool waldump, Path dir, int tli, Lsn from, Lsn to, boolean restorePointsOnly, boolean commitsOnly, JobContext job) {
        List<String> argv = new ArrayList<>(List.of(waldump.path().toString(), "-p", dir.toString(), "-t", Integer.toString(tli),
                "-s", from.toString(), "-e", to.toString()));
        if (restorePointsOnly) {
            argv.addAll(List.of("-r", "XLOG"));
        } else if (commitsOnly) {
            argv.addAll(List.of("-r", "Transaction"));
        }
        Lsn[] lastEnd = {null};
        Instant[] lastCommit = {null};
        List<RecoveryWindow.RestorePoint> points = new ArrayList<>();
        ToolCommand cmd = ToolCommand.of(argv).withEnv("TZ", "UTC").withEnv("PGTZ", "UTC");
        job.progress(0, -1, "Reading the archived WAL from " + from);
        ToolRunner.run(cmd, line -> {
            Matcher r = RECORD.matcher(line);
            if (!r.find()) {
                return;
            }
            Lsn lsn = Lsn.parse(r.group(3));
            long tot = Long.parseLong(r.group(2));
            Lsn recEnd = new Lsn((lsn.value() + tot + 7) & ~7L);
            if (lastEnd[0] == null || recEnd.isAfter(lastEnd[0])) {
                lastEnd[0] = recEnd;
            }
            Matcher c = COMMIT.matcher(line);
            if (c.find()) {
                lastCommit[0] = LocalDateTime.parse(c.group(1), WALDUMP_TIME).toInstant(ZoneOffset.UTC);
                return;
            }
            Matcher p = RESTORE_POINT.matcher(line);
            if (p.find()) {
                points.add(new RecoveryWindow.RestorePoint(p.group(1).trim(), lsn.toString()));
            }
        }, null, job);
        // pg_waldump ends with an error at the end of the WAL ("invalid record length", "could not find file"): expected
        return new Scan(lastEnd[0], lastCommit[0], points);
    }

    private static void collect(Path dir, int tli, long segSize, Map<Long, Path> out) {
        try (var files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                WalSegment.parse(p.getFileName().toString(), segSize)
                        .filter(s -> s.timeline() == tli)
                        .ifPresent(s -> out.put(s.segno(), p));
            }
        } catch (IOException e) {
            throw new WardenException("Cannot read " + dir + ": " + e.getMessage(), null, e);
        }
    }

    private static Path linkSegments(Map<Long, Path> segments, long first, long last, int tli, long segSize) {
        try {
            Path dir = Files.createTempDirectory("warden-wal-");
            for (long s = first; s <= last; s++) {
                Path src = segments.get(s);
                Path dst = dir.resolve(new WalSegment(tli, s).fileName(segSize));
                try {
                    Files.createSymbolicLink(dst, src.toAbsolutePath());
                } catch (UnsupportedOperationException | IOException e) {
                    Files.copy(src, dst);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new WardenException("Cannot prepare the WAL for reading: " + e.getMessage(), null, e);
        }
    }

    /** The size of a WAL segment: the size of an archived segment file, else 16 MB. */
    static long segmentSize(Path archive, CatalogEntry base) {
        for (Path dir : List.of(archive, base.payload().resolve("pg_wal"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (var files = Files.newDirectoryStream(dir)) {
                for (Path p : files) {
                    if (p.getFileName().toString().matches("[0-9A-F]{24}") && Files.isRegularFile(p)) {
                        long size = Files.size(p);
                        if (size >= 1024 * 1024 && Long.bitCount(size) == 1) {
                            return size;
                        }
                    }
                }
            } catch (IOException ignored) {
                // try the next place
            }
        }
        return WalSegment.DEFAULT_SIZE;
    }

    /** STOP TIME from the backup history file the server archived for this backup. */
    private static Instant stopTime(Path archive, Lsn start, long segSize, int tli) {
        String prefix = WalSegment.of(tli, start, segSize).fileName(segSize) + ".";
        try (var files = Files.newDirectoryStream(archive, prefix + "*.backup")) {
            for (Path p : files) {
                String text = Files.readString(p);
                Matcher s = START_WAL.matcher(text);
                Matcher t = STOP_TIME.matcher(text);
                if (s.find() && Lsn.parse(s.group(1)).equals(start) && t.find()) {
                    // STOP TIME has whole seconds: round up, so a target before the true end is never let through
                    return RecoveryTarget.parseTime(t.group(1).trim()).plusSeconds(1);
                }
            }
        } catch (IOException | WardenException ignored) {
            // no history file: the caller falls back to the manifest's time
        }
        return null;
    }
}
