package com.warden.app.integrity;

import com.warden.app.WardenException;
import com.warden.app.config.AppDirs;
import com.warden.app.report.AtomicWrite;
import com.warden.app.report.ReportJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Past runs, kept as JSON files under the user's data folder
 * ({@code $XDG_DATA_HOME/warden/integrity/<host_port_database>/}), one file per run, written
 * atomically. The newest {@value #KEEP} runs per target are kept.
 */
public final class IntegrityHistory {
    private static final Logger LOG = LoggerFactory.getLogger(IntegrityHistory.class);
    static final int KEEP = 50;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final Path root;

    public IntegrityHistory(Path root) {
        this.root = root;
    }

    public static IntegrityHistory inUserData() {
        return new IntegrityHistory(AppDirs.fromEnvironment().data().resolve("integrity"));
    }

    public Path root() {
        return root;
    }

    /** The last run on this target that finished (complete or partial), or null. */
    public IntegrityReport lastFinished(IntegrityReport.Target target) {
        return runs(target).stream().filter(r -> r.status().finished()).findFirst().orElse(null);
    }

    /** Compares with the last finished run, then stores this one. */
    public RunComparison record(IntegrityReport report) {
        IntegrityReport previous = lastFinished(report.target());
        RunComparison comparison = RunComparison.of(previous, report);
        save(report);
        return comparison;
    }

    public Path save(IntegrityReport report) {
        Path dir = root.resolve(report.target().historyKey());
        String name = STAMP.format(report.startedAt()) + "-" + report.runId().substring(0, 8) + ".json";
        Path file = AtomicWrite.text(dir.resolve(name), ReportJson.write(report));
        prune(dir);
        return file;
    }

    /** Runs on this target, newest first. Files that cannot be read are skipped (and logged). */
    public List<IntegrityReport> runs(IntegrityReport.Target target) {
        Path dir = root.resolve(target.historyKey());
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<IntegrityReport> out = new ArrayList<>();
        for (Path p : files(dir)) {
            try {
                out.add(ReportJson.read(Files.readString(p), IntegrityReport.class));
            } catch (IOException | WardenException e) {
                LOG.warn("Skipping unreadable integrity run {}: {}", p, e.getMessage());
            }
        }
        return out;
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void prune(Path dir) {
        List<Path> all = files(dir);
        for (int i = KEEP; i < all.size(); i++) {
            try {
                Files.deleteIfExists(all.get(i));
            } catch (IOException e) {
                LOG.info("Could not remove old integrity run {}: {}", all.get(i), e.getMessage());
            }
        }
    }
}
