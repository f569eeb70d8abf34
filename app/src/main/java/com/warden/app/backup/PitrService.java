package com.warden.app.backup;

import com.warden.app.WardenException;
import com.warden.app.job.JobContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Point-in-time recovery into a scratch instance, never touching the source server: the base
 * backup's files are copied (their SHA-256 checked on the way) into a temporary data folder,
 * which gets recovery.signal, a restore_command reading the archive, the recovery target and
 * recovery_target_action = 'promote'; archive_mode is switched off so the scratch instance never
 * writes into the archive. Warden waits for the promotion and verifies the result.
 */
public final class PitrService {
    private static final Logger LOG = LoggerFactory.getLogger(PitrService.class);

    private final ToolLocator tools;

    public PitrService(ToolLocator tools) {
        this.tools = tools;
    }

    /** Computes the window and refuses a target outside it, with the window in the message. */
    public PitrPlan plan(PitrRequest request, JobContext job) {
        BackupManifest m = request.base().manifest();
        if (m.kind() != BackupKind.PHYSICAL) {
            throw new WardenException("Backup " + m.id() + " is a logical dump; point-in-time recovery needs a physical base backup.",
                    "take one with 'warden backup --kind physical'");
        }
        if (request.base().state() == BackupState.DAMAGED) {
            throw new WardenException("The base backup " + m.id() + " is damaged: " + request.base().stateDetail() + ".",
                    "choose another base backup");
        }
        boolean named = request.target() instanceof RecoveryTarget.Named;
        RecoveryWindow window = new WalScanner(tools).window(request.base(), request.archive(), named, job);
        window.check(request.target());
        List<String> settings = new ArrayList<>();
        boolean archiveRecovery = request.archive() != null;
        if (archiveRecovery) {
            settings.add("restore_command = '" + ScratchInstance.conf(restoreCommand(request.archive())) + "'");
            settings.add("recovery_target_timeline = 'current'");
            settings.addAll(request.target().settings());
            settings.add("recovery_target_action = 'promote'");
        }
        return new PitrPlan(request, window, settings, archiveRecovery);
    }

    static String restoreCommand(Path archive) {
        String dir = archive.toAbsolutePath().toString();
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return "copy \"" + dir + "\\%f\" \"%p\"";
        }
        return "cp \"" + dir + "/%f\" \"%p\"";
    }

    /** Runs the recovery; on failure the scratch instance is removed and its log is in the message. */
    public PitrResult run(PitrPlan plan, JobContext job) {
        PitrRequest r = plan.request();
        BackupManifest m = r.base().manifest();
        long t0 = System.nanoTime();
        List<Step> steps = new ArrayList<>();
        ScratchInstance scratch = ScratchInstance.forBaseBackup(tools, m.source().major(), r.scratchParent(),
                m.source().user() == null ? List.of() : List.of(m.source().user()));
        boolean handedOver = false;
        try {
            long t = System.nanoTime();
            materialize(r.base(), scratch.dataDirectory(), job);
            steps.add(new Step("copy the base backup (SHA-256 checked)", since(t), true, Bytes.human(m.backupBytes())));
            t = System.nanoTime();
            if (plan.archiveRecovery()) {
                scratch.startRecovery(plan.settings(), r.timeout(), job);
                scratch.awaitPromotion(r.timeout(), job);
            } else {
                scratch.startCrashRecovery(r.timeout(), job);
            }
            steps.add(new Step("recover (" + r.target().describe() + ") and promote", since(t), true, "port " + scratch.port()));
            Instant recoveredTime = null;
            String recoveredLsn = null;
            String db = m.countsDatabase() == null ? "postgres" : m.countsDatabase();
            VerificationReport report = null;
            t = System.nanoTime();
            try (Connection c = scratch.connect(db)) {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT pg_last_xact_replay_timestamp(), pg_last_wal_replay_lsn()::text")) {
                    rs.next();
                    Timestamp ts = rs.getTimestamp(1);
                    recoveredTime = ts == null ? null : ts.toInstant();
                    recoveredLsn = rs.getString(2);
                }
                if (r.verify()) {
                    boolean countsApply = r.target() instanceof RecoveryTarget.Immediate || !plan.archiveRecovery();
                    Map<TableName, Long> expected = new java.util.TreeMap<>(m.counts());
                    if (!countsApply) {
                        expected.replaceAll((table, rows) -> null);
                    }
                    report = DatabaseVerifier.verify(c, new DatabaseVerifier.Options(expected, false, true, true, !countsApply), job);
                    steps.add(new Step("verify", since(t), report.verdict() != VerificationReport.Verdict.FAIL, report.summary()));
                }
            } catch (SQLException e) {
                throw new WardenException("Cannot check the recovered instance: " + e.getMessage() + ". Log: " + scratch.logTail(6), null, e);
            }
            if (r.keep()) {
                scratch.keep();
            }
            handedOver = true;
            LOG.info("Recovered {} to {} in {}", m.id(), r.target().describe(), scratch.folder());
            return new PitrResult(scratch, db, r.target(), plan.window(), recoveredTime, recoveredLsn, report, steps, since(t0));
        } finally {
            if (!handedOver) {
                scratch.close();
            }
        }
    }

    /**
     * Copies a plain base backup (or extracts a tar one) into {@code data}, computing each file's
     * SHA-256 on the way and comparing it with the manifest: a corrupted backup stops here.
     */
    static void materialize(CatalogEntry base, Path data, JobContext job) {
        BackupManifest m = base.manifest();
        Checker checker = new Checker(m);
        Path folder = base.folder();
        Path payload = base.payload();
        long total = m.backupBytes();
        AtomicLong done = new AtomicLong();
        try {
            if (m.format() == BackupFormat.TAR) {
                for (String stem : List.of("base", "pg_wal")) {
                    Path tar = BackupVerifier.findTar(payload, stem);
                    if (tar == null) {
                        throw new WardenException(stem + ".tar is missing from " + payload + ".", "the base backup is incomplete");
                    }
                    Path into = stem.equals("base") ? data : data.resolve("pg_wal");
                    Files.createDirectories(into);
                    MessageDigest md = sha256();
                    try (InputStream raw = new DigestInputStream(Files.newInputStream(tar), md)) {
                        TarArchive.extract(raw, tar.getFileName().toString().endsWith(".gz"), into, job,
                                n -> job.progress(done.addAndGet(n), total, "Extracting " + tar.getFileName()));
                        raw.transferTo(OutputStream.nullOutputStream());
                    }
                    checker.check(FileTree.relative(folder, tar), HexFormat.of().formatHex(md.digest()));
                }
                Path manifestFile = payload.resolve("backup_manifest");
                checker.check(FileTree.relative(folder, manifestFile), FileTree.sha256(manifestFile, n -> { }));
                Files.copy(manifestFile, data.resolve("backup_manifest"));
            } else {
                copyDigesting(payload, data, checker, folder, done, total, job);
            }
        } catch (TarArchive.CorruptArchiveException e) {
            throw new WardenException("The base backup " + m.id() + " is damaged: " + e.getMessage() + ". Nothing was recovered.",
                    "choose another base backup", e);
        } catch (IOException e) {
            throw new WardenException("Cannot copy the base backup into the scratch folder: " + e.getMessage(),
                    FileTree.noSpace(e) ? "the disk holding the temp folder is full; choose another scratch folder" : null, e);
        }
        List<String> problems = checker.problems();
        if (!problems.isEmpty()) {
            throw new WardenException("The base backup " + m.id() + " is damaged: " + String.join("; ", problems.subList(0, Math.min(3, problems.size())))
                    + (problems.size() > 3 ? "; and " + (problems.size() - 3) + " more" : "") + ". Nothing was recovered.",
                    "choose another base backup");
        }
    }

    /**
     * Copies every file with the kernel's copy (Files.copy) while the other thread computes the
     * SHA-256 of the same file from the page cache: the two halves of the work run side by side.
     */
    private static void copyDigesting(Path payload, Path data, Checker checker, Path folder, AtomicLong done, long total, JobContext job)
            throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(payload, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(data.resolve(payload.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                files.add(file);
                return FileVisitResult.CONTINUE;
            }
        });
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "warden-copy");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (Path file : files) {
                futures.add(pool.submit(() -> {
                    job.checkCancelled();
                    Path target = data.resolve(payload.relativize(file).toString());
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    job.progress(done.addAndGet(FileTree.size(target)), total, "Copying the base backup");
                    return null;
                }));
                futures.add(pool.submit(() -> {
                    job.checkCancelled();
                    checker.check(FileTree.relative(folder, file), FileTree.sha256(file, n -> { }));
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IOException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new com.warden.app.job.JobCancelledException();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Compares digests met on the way with the manifest, and notices files that never came by. */
    private static final class Checker {
        private final Map<String, String> expected = new HashMap<>();
        private final java.util.Set<String> seen = new java.util.HashSet<>();
        private final List<String> problems = new ArrayList<>();

        Checker(BackupManifest m) {
            if (m.files() != null) {
                m.files().forEach(f -> expected.put(f.path(), f.sha256()));
            }
        }

        synchronized void check(String path, String actual) {
            seen.add(path);
            if (expected.isEmpty()) {
                return;
            }
            String want = expected.get(path);
            if (want == null) {
                problems.add(path + " is not in the manifest");
            } else if (!want.equals(actual)) {
                problems.add(path + " has another SHA-256 than the manifest (corrupted)");
            }
        }

        synchronized List<String> problems() {
            List<String> out = new ArrayList<>(problems);
            for (String path : expected.keySet()) {
                if (!seen.contains(path)) {
                    out.add(path + " is missing");
                }
            }
            return out;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Duration since(long t) {
        return Duration.ofNanos(System.nanoTime() - t);
    }
}
