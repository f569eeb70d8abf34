package com.warden.app.backup;

import com.warden.app.WardenException;
import com.warden.app.config.AppDirs;
import com.warden.app.job.JobContext;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backups in one folder: each a sub-folder with a {@code warden-manifest.json}. A folder
 * without a manifest is an unfinished backup and is not listed. Listing checks that every file
 * is there with its size; {@link #verify} recomputes the digests and asks the tools.
 */
public final class BackupCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(BackupCatalog.class);
    private final Path root;

    public BackupCatalog(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** $XDG_DATA_HOME/warden/backups (~/.local/share/warden/backups). */
    public static Path defaultRoot() {
        return AppDirs.fromEnvironment().data().resolve("backups");
    }

    public Path root() {
        return root;
    }

    /** Newest first. */
    public List<CatalogEntry> list() {
        List<CatalogEntry> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path d : dirs) {
                if (Files.isRegularFile(d.resolve(BackupManifest.FILE_NAME))) {
                    try {
                        out.add(entry(d, ManifestStore.read(d)));
                    } catch (WardenException e) {
                        LOG.warn("Skipping {}: {}", d, e.getMessage());
                    }
                }
            }
        } catch (IOException e) {
            throw new WardenException("Cannot list the catalogue " + root + ": " + e.getMessage(), null, e);
        }
        out.sort(Comparator.comparing((CatalogEntry e) -> e.manifest().finishedAt(), Comparator.nullsLast(Comparator.reverseOrder())));
        return out;
    }

    /** A backup by its id, or by the path of its folder or of its manifest. */
    public CatalogEntry get(String idOrPath) {
        Path asPath = Path.of(idOrPath);
        Path folder = null;
        if (Files.isRegularFile(root.resolve(idOrPath).resolve(BackupManifest.FILE_NAME))) {
            folder = root.resolve(idOrPath);
        } else if (Files.isDirectory(asPath) && Files.isRegularFile(asPath.resolve(BackupManifest.FILE_NAME))) {
            folder = asPath;
        } else if (asPath.getFileName() != null && asPath.getFileName().toString().equals(BackupManifest.FILE_NAME)) {
            folder = asPath.getParent();
        } else if (asPath.getParent() != null && Files.isRegularFile(asPath.getParent().resolve(BackupManifest.FILE_NAME))) {
            folder = asPath.getParent();
        }
        if (folder == null) {
            throw new WardenException("No backup '" + idOrPath + "' in the catalogue " + root + ".",
                    "list the backups with 'warden backup list', or give the folder of a backup");
        }
        return entry(folder.toAbsolutePath().normalize(), ManifestStore.read(folder));
    }

    public Optional<CatalogEntry> latest(Predicate<CatalogEntry> filter) {
        return list().stream().filter(filter).findFirst();
    }

    /** Recomputes every digest and runs the tool's check; the result is saved in the manifest. */
    public CatalogEntry verify(CatalogEntry entry, ToolLocator tools, JobContext job) {
        BackupManifest.Verification v = new BackupVerifier(tools).verify(entry.folder(), entry.manifest(), job);
        BackupManifest updated = entry.manifest().withVerification(v);
        ManifestStore.write(entry.folder(), updated);
        return entry(entry.folder(), updated);
    }

    public void delete(CatalogEntry entry) {
        if (!entry.folder().toAbsolutePath().normalize().startsWith(root)) {
            throw new WardenException("Refusing to delete " + entry.folder() + ": it is not inside the catalogue " + root + ".", null);
        }
        // the manifest goes first: a half-deleted backup is then no longer listed as one
        try {
            Files.deleteIfExists(entry.folder().resolve(BackupManifest.FILE_NAME));
        } catch (IOException e) {
            throw new WardenException("Cannot delete " + entry.folder() + ": " + e.getMessage(), null, e);
        }
        FileTree.delete(entry.folder());
    }

    /** What the policy would keep and delete. Nothing is deleted. */
    public RetentionPlan preview(RetentionPolicy policy) {
        return preview(policy, list(), ZoneId.systemDefault());
    }

    static RetentionPlan preview(RetentionPolicy policy, List<CatalogEntry> entries, ZoneId zone) {
        Map<String, List<CatalogEntry>> groups = new LinkedHashMap<>();
        for (CatalogEntry e : entries) {
            String key = (e.manifest().source() == null ? "?" : e.manifest().source().uri()) + "|" + e.manifest().kind();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
        }
        Map<CatalogEntry, String> keep = new LinkedHashMap<>();
        for (List<CatalogEntry> group : groups.values()) {
            group.sort(Comparator.comparing((CatalogEntry e) -> e.manifest().finishedAt(), Comparator.nullsLast(Comparator.reverseOrder())));
            List<CatalogEntry> usable = group.stream().filter(e -> e.state() == BackupState.VERIFIED || e.state() == BackupState.UNVERIFIED).toList();
            usable.stream().filter(e -> e.state() == BackupState.VERIFIED).findFirst()
                    .ifPresent(e -> keep.merge(e, "newest verified backup", (a, b) -> a + "; " + b));
            Set<LocalDate> days = new LinkedHashSet<>();
            Set<String> weeks = new LinkedHashSet<>();
            for (CatalogEntry e : usable) {
                Instant at = e.manifest().finishedAt();
                if (at == null) {
                    continue;
                }
                LocalDate day = at.atZone(zone).toLocalDate();
                String week = day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                if (!days.contains(day) && days.size() < policy.daily()) {
                    days.add(day);
                    keep.merge(e, "daily " + day, (a, b) -> a + "; " + b);
                }
                if (!weeks.contains(week) && weeks.size() < policy.weekly()) {
                    weeks.add(week);
                    keep.merge(e, "weekly " + week, (a, b) -> a + "; " + b);
                }
            }
        }
        List<RetentionPlan.Decision> decisions = new ArrayList<>();
        for (CatalogEntry e : entries) {
            String why = keep.get(e);
            if (why != null) {
                decisions.add(new RetentionPlan.Decision(e, true, why));
            } else if (e.state() == BackupState.DAMAGED || e.state() == BackupState.VERIFY_FAILED) {
                decisions.add(new RetentionPlan.Decision(e, false, e.state().label() + ": " + e.stateDetail()));
            } else {
                decisions.add(new RetentionPlan.Decision(e, false, "beyond " + policy));
            }
        }
        return new RetentionPlan(policy, decisions);
    }

    /** Deletes what the plan says; returns the ids deleted. */
    public List<String> apply(RetentionPlan plan) {
        List<String> deleted = new ArrayList<>();
        for (CatalogEntry e : plan.toDelete()) {
            delete(e);
            deleted.add(e.id());
        }
        return deleted;
    }

    static CatalogEntry entry(Path folder, BackupManifest m) {
        List<String> problems = new BackupVerifier(null).checkFiles(folder, m, false, JobContext.none());
        if (!problems.isEmpty()) {
            return new CatalogEntry(folder, m, BackupState.DAMAGED, String.join("; ", problems));
        }
        if (m.verification() == null) {
            return new CatalogEntry(folder, m, BackupState.UNVERIFIED, "not verified yet");
        }
        if (!m.verification().ok()) {
            return new CatalogEntry(folder, m, BackupState.VERIFY_FAILED, m.verification().detail());
        }
        String when = m.verification().at() == null ? "" : " on " + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(ZoneId.systemDefault()).format(m.verification().at());
        return new CatalogEntry(folder, m, BackupState.VERIFIED, "verified with " + m.verification().method() + when);
    }
}
