package com.warden.app.backup;

import com.warden.app.WardenException;
import com.warden.app.backup.BackupManifest.TableCount;
import com.warden.app.connect.Access;
import com.warden.app.connect.ConnectionErrors;
import com.warden.app.connect.ConnectionProfile;
import com.warden.app.connect.ProfileResolver;
import com.warden.app.job.JobCancelledException;
import com.warden.app.job.JobContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes backups with PostgreSQL's own programs: pg_dump for logical backups (row counts taken in
 * the very snapshot pg_dump reads, by exporting it first), pg_basebackup for physical ones.
 * Progress comes from the programs' verbose output; cancel stops the program and removes what
 * it wrote. A backup is finished when its manifest is written, after it verified; a failed,
 * cancelled or unverifiable backup leaves nothing behind.
 */
public final class BackupService {
    private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);
    private static final Pattern DUMPING = Pattern.compile("dumping contents of table \"(.+)\"");
    private static final Pattern FINISHED = Pattern.compile("finished item \\d+ TABLE DATA (.+)$");
    private static final Pattern BASEBACKUP_PROGRESS = Pattern.compile("(\\d+)/(\\d+) kB");
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ToolLocator tools;
    private final ProfileResolver resolver;

    public BackupService(ToolLocator tools, ProfileResolver resolver) {
        this.tools = tools;
        this.resolver = resolver;
    }

    public static BackupService system() {
        return new BackupService(ToolLocator.system(), ProfileResolver.system());
    }

    public ToolLocator tools() {
        return tools;
    }

    /** What a backup could hold: the server and its tables (for the wizard's include and exclude lists). */
    public record Inventory(BackupManifest.Source source, List<TableInfo> tables, long databaseBytes) {
        public List<String> schemas() {
            return tables.stream().map(t -> t.name().schema()).distinct().sorted().toList();
        }
    }

    public Inventory inventory(ConnectionProfile profile) {
        try (Connection c = Sql.open(profile, resolver, Access.READ_ONLY)) {
            return new Inventory(SourceInspector.describe(c, profile), SourceInspector.tables(c), SourceInspector.databaseSize(c));
        } catch (SQLException e) {
            throw ConnectionErrors.explain(e, profile);
        }
    }

    /** Connects, finds the program that fits the server, and says exactly what will run. */
    public BackupPlan plan(ConnectionProfile profile, BackupRequest request) {
        BackupManifest.Source source;
        List<TableInfo> all;
        long dbBytes;
        long segmentSize;
        try (Connection c = Sql.open(profile, resolver, Access.READ_ONLY)) {
            source = SourceInspector.describe(c, profile);
            all = SourceInspector.tables(c);
            dbBytes = SourceInspector.databaseSize(c);
            segmentSize = SourceInspector.walSegmentSize(c);
        } catch (SQLException e) {
            throw ConnectionErrors.explain(e, profile);
        }
        List<TableInfo> tables = request.kind() == BackupKind.LOGICAL ? Patterns.select(all, request.selection()) : all;
        List<String> notes = new ArrayList<>();
        if (request.kind() == BackupKind.LOGICAL && tables.isEmpty()) {
            throw new WardenException("The choice of schemas and tables leaves no table to back up.",
                    "check the include and exclude patterns (pg_dump patterns: core.*, public.orders)");
        }
        PgTool program = request.kind() == BackupKind.LOGICAL ? PgTool.PG_DUMP : PgTool.PG_BASEBACKUP;
        FoundTool tool = tools.find(program, source.major());
        if (tool.major() != source.major()) {
            notes.add(tool.tool().command() + " " + tool.version() + " is newer than the server (" + source.serverVersion() + "); that works");
        }
        String id = newId(request, profile);
        Path folder = request.catalog().resolve(id);
        Path payload = folder.resolve(request.format().payloadName(request.kind(), request.compression()));
        ToolCommand command = request.kind() == BackupKind.LOGICAL
                ? dumpCommand(profile, request, tool, payload)
                : baseBackupCommand(profile, request, tool, payload, id);
        if (request.kind() == BackupKind.LOGICAL) {
            notes.add("Warden adds --snapshot=<id> when it runs, to count rows in the snapshot pg_dump reads");
        } else {
            notes.add("the counts in the manifest are taken from database " + profile.database() + " right after the backup");
        }
        return new BackupPlan(profile, request, source, tool, command, id, folder, payload, tables, dbBytes, segmentSize, notes);
    }

    private ToolCommand dumpCommand(ConnectionProfile profile, BackupRequest r, FoundTool tool, Path payload) {
        List<String> argv = new ArrayList<>();
        argv.add(tool.path().toString());
        argv.addAll(ToolArgs.connection(profile));
        argv.add("-F");
        argv.add(r.format().flag());
        if (r.compression() != null) {
            argv.add("-Z");
            argv.add(Integer.toString(r.compression()));
        }
        if (r.jobs() > 1) {
            argv.add("-j");
            argv.add(Integer.toString(r.jobs()));
        }
        r.selection().schemas().forEach(s -> { argv.add("-n"); argv.add(s); });
        r.selection().excludeSchemas().forEach(s -> { argv.add("-N"); argv.add(s); });
        r.selection().tables().forEach(s -> { argv.add("-t"); argv.add(s); });
        r.selection().excludeTables().forEach(s -> { argv.add("-T"); argv.add(s); });
        argv.add("-v");
        argv.add("-f");
        argv.add(payload.toString());
        argv.add("-d");
        argv.add(ToolArgs.dbname(profile.database()));
        return ToolArgs.command(argv, profile, resolver, "warden-backup");
    }

    private ToolCommand baseBackupCommand(ConnectionProfile profile, BackupRequest r, FoundTool tool, Path payload, String id) {
        List<String> argv = new ArrayList<>();
        argv.add(tool.path().toString());
        argv.addAll(ToolArgs.connection(profile));
        argv.add("-D");
        argv.add(payload.toString());
        argv.add("-F");
        argv.add(r.format() == BackupFormat.TAR ? "t" : "p");
        if (r.format() == BackupFormat.TAR && r.compression() != null && r.compression() > 0) {
            argv.add("-z");
            argv.add("-Z");
            argv.add(Integer.toString(r.compression()));
        }
        argv.addAll(List.of("-X", "stream", "-c", "fast", "-P", "-v", "-l", "warden " + id));
        return ToolArgs.command(argv, profile, resolver, "warden-backup");
    }

    private static String newId(BackupRequest r, ConnectionProfile profile) {
        String db = profile.database().replaceAll("[^A-Za-z0-9_.-]", "_");
        String base = LocalDateTime.now().format(ID_TIME) + "-" + db + "-"
                + (r.kind() == BackupKind.PHYSICAL ? "base" + (r.format() == BackupFormat.TAR ? "-tar" : "") : r.format().name().toLowerCase())
                + (r.label() == null || r.label().isBlank() ? "" : "-" + r.label());
        String id = base;
        for (int n = 2; Files.exists(r.catalog().resolve(id)); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    /** Runs the plan; on failure or cancel the backup's folder is removed and nothing is catalogued. */
    public CatalogEntry run(BackupPlan plan, JobContext job) {
        try {
            Files.createDirectories(plan.request().catalog());
            Files.createDirectory(plan.folder());
        } catch (IOException e) {
            throw new WardenException("Cannot create the backup folder " + plan.folder() + ": " + e.getMessage(),
                    "check that the destination exists, is writable and has free space", e);
        }
        boolean done = false;
        try {
            BackupManifest manifest = plan.request().kind() == BackupKind.LOGICAL ? runDump(plan, job) : runBaseBackup(plan, job);
            ManifestStore.write(plan.folder(), manifest);
            done = true;
            LOG.info("Backup {} finished: {} in {} s", manifest.id(), Bytes.human(manifest.backupBytes()),
                    manifest.duration().toSeconds());
            return new CatalogEntry(plan.folder(), manifest, BackupState.VERIFIED, manifest.verification() == null ? ""
                    : manifest.verification().detail());
        } finally {
            if (!done) {
                LOG.info("Removing the unfinished backup {}", plan.folder());
                FileTree.deleteQuietly(plan.folder());
            }
        }
    }

    private BackupManifest runDump(BackupPlan plan, JobContext job) {
        Instant started = Instant.now();
        List<TableName> tables = plan.tables().stream().map(TableInfo::name).toList();
        Map<String, Long> sizeByName = new HashMap<>();
        plan.tables().forEach(t -> {
            sizeByName.put(t.name().toString(), t.bytes());
            sizeByName.merge(t.name().table(), t.bytes(), Math::max);
        });
        long totalBytes = Math.max(1, plan.tableBytes());
        Connection snapshotConnection = Sql.open(plan.profile(), resolver, Access.READ_ONLY);
        ExecutorService counter = Executors.newSingleThreadExecutor(r -> daemon(r, "warden-backup-count-"));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "warden-backup-ticker-"));
        try {
            String snapshot;
            String startLsn;
            try {
                snapshotConnection.setAutoCommit(false);
                try (Statement st = snapshotConnection.createStatement()) {
                    st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                    st.execute("SET LOCAL statement_timeout = 0");
                    st.execute("SET LOCAL lock_timeout = 0"); // wait for a table as pg_dump does
                    try (ResultSet rs = st.executeQuery("SELECT pg_export_snapshot(), CASE WHEN pg_is_in_recovery() "
                            + "THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END::text")) {
                        rs.next();
                        snapshot = rs.getString(1);
                        startLsn = rs.getString(2);
                    }
                }
            } catch (SQLException e) {
                throw ConnectionErrors.explain(e, plan.profile());
            }
            job.checkCancelled();
            Future<List<TableCount>> counts = counter.submit(() -> SourceInspector.count(snapshotConnection, tables, job));

            Set<String> started2 = new LinkedHashSet<>();
            AtomicLong doneBytes = new AtomicLong();
            AtomicInteger doneTables = new AtomicInteger();
            AtomicReference<String> current = new AtomicReference<>("reading the catalog");
            boolean parallel = plan.request().jobs() > 1;
            Runnable report = () -> job.progress(Math.min(doneBytes.get(), totalBytes), totalBytes,
                    "Dumping " + current.get() + " — " + doneTables.get() + " of " + tables.size() + " tables, "
                            + Bytes.human(FileTree.size(plan.payload())) + " written");
            ticker.scheduleAtFixedRate(report, 500, 500, TimeUnit.MILLISECONDS);
            ToolCommand command = plan.command();
            List<String> argv = new ArrayList<>(command.argv());
            argv.add(argv.size() - 2, "--snapshot=" + snapshot);
            command = new ToolCommand(argv, command.env(), command.secretEnv(), command.workDir());
            final ToolCommand actual = command;
            ToolResult result = ToolRunner.run(actual, null, line -> {
                Matcher m = DUMPING.matcher(line);
                if (m.find()) {
                    String name = m.group(1);
                    synchronized (started2) {
                        if (!parallel && !started2.isEmpty()) {
                            // sequential: a new table means the previous one is done
                            String prev = new ArrayList<>(started2).get(started2.size() - 1);
                            doneBytes.addAndGet(sizeByName.getOrDefault(prev, 0L));
                            doneTables.incrementAndGet();
                        }
                        started2.add(name);
                    }
                    current.set(name);
                    return;
                }
                Matcher f = FINISHED.matcher(line);
                if (f.find()) {
                    doneBytes.addAndGet(sizeByName.getOrDefault(f.group(1), 0L));
                    doneTables.incrementAndGet();
                }
            }, job);
            ticker.shutdownNow();
            if (!result.ok()) {
                throw new WardenException("pg_dump failed: " + result.errorLine(),
                        ToolArgs.hintFor(result.errorLine(), plan.request().catalog().toString()));
            }
            job.progress(totalBytes, totalBytes, "Dump written; counting rows");
            List<TableCount> rowCounts = await(counts, plan.profile());
            String endLsn;
            try {
                snapshotConnection.rollback();
                snapshotConnection.setAutoCommit(true);
                endLsn = SourceInspector.currentLsn(snapshotConnection);
            } catch (SQLException e) {
                endLsn = null;
            }
            Instant finished = Instant.now();
            List<FileTree.Entry> files = FileTree.digest(plan.folder(), plan.payload(), job, "Computing SHA-256 of the backup files");
            long bytes = files.stream().mapToLong(FileTree.Entry::bytes).sum();
            BackupManifest manifest = new BackupManifest(BackupManifest.VERSION, plan.id(), plan.request().label(),
                    BackupKind.LOGICAL, plan.request().format(), plan.request().compression(), plan.request().jobs(),
                    plan.folder().relativize(plan.payload()).toString(), plan.source(),
                    new BackupManifest.ToolUsed(plan.tool().tool().command(), plan.tool().path().toString(), plan.tool().version()),
                    actual.display(), started, finished, startLsn, endLsn, null, null, plan.databaseBytes(), bytes,
                    plan.request().selection(), files, plan.profile().database(), startLsn, rowCounts, null);
            return verifyNow(plan, manifest, job);
        } finally {
            ticker.shutdownNow();
            counter.shutdownNow();
            try {
                // a count still running (pg_dump failed or was cancelled) is cancelled on the server
                snapshotConnection.unwrap(org.postgresql.PGConnection.class).cancelQuery();
            } catch (SQLException ignored) {
                // nothing was running
            }
            try {
                snapshotConnection.close();
            } catch (SQLException ignored) {
                // closing ends the snapshot transaction either way
            }
        }
    }

    private BackupManifest runBaseBackup(BackupPlan plan, JobContext job) {
        Instant started = Instant.now();
        AtomicReference<String> endFromOutput = new AtomicReference<>();
        ExecutorService side = Executors.newFixedThreadPool(2, r -> daemon(r, "warden-backup-side-"));
        Connection counting = Sql.open(plan.profile(), resolver, Access.READ_ONLY);
        try {
            // the row counts are taken while pg_basebackup copies: one snapshot, at backup time, on the other core
            String countsLsn;
            try {
                counting.setAutoCommit(false);
                try (Statement st = counting.createStatement()) {
                    st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                    st.execute("SET LOCAL statement_timeout = 0");
                    st.execute("SET LOCAL lock_timeout = 0"); // wait for a table as pg_dump does
                }
                countsLsn = SourceInspector.currentLsn(counting);
            } catch (SQLException e) {
                throw ConnectionErrors.explain(e, plan.profile());
            }
            List<TableName> names = plan.tables().stream().map(TableInfo::name).toList();
            Future<List<TableCount>> counts = side.submit(() -> SourceInspector.count(counting, names, job));
            ToolResult result = ToolRunner.run(plan.command(), null, line -> {
                Matcher m = BASEBACKUP_PROGRESS.matcher(line);
                if (m.find()) {
                    long done = Long.parseLong(m.group(1)) * 1024;
                    long total = Long.parseLong(m.group(2)) * 1024;
                    job.progress(done, total, "Copying the data folder — " + Bytes.human(done) + " of " + Bytes.human(total));
                } else if (line.contains("write-ahead log end point:")) {
                    endFromOutput.set(line.substring(line.indexOf("point:") + 6).trim());
                } else if (line.contains("checkpoint")) {
                    job.progress(0, -1, "Waiting for the checkpoint");
                }
            }, job);
            if (!result.ok()) {
                throw new WardenException("pg_basebackup failed: " + result.errorLine(),
                        ToolArgs.hintFor(result.errorLine(), plan.request().catalog().toString()));
            }
            Instant finished = Instant.now();
            BaseBackupInfo info = BaseBackupInfo.read(plan.payload(), plan.walSegmentSize());
            BackupManifest draft = new BackupManifest(BackupManifest.VERSION, plan.id(), plan.request().label(),
                    BackupKind.PHYSICAL, plan.request().format(), plan.request().compression(), 1,
                    plan.folder().relativize(plan.payload()).toString(), plan.source(),
                    new BackupManifest.ToolUsed(plan.tool().tool().command(), plan.tool().path().toString(), plan.tool().version()),
                    plan.command().display(), started, finished, info.startLsn().toString(),
                    info.endLsn() != null ? info.endLsn().toString() : endFromOutput.get(), info.timeline(), info.startWalFile(),
                    plan.databaseBytes(), 0, BackupManifest.Selection.ALL, List.of(), plan.profile().database(), countsLsn, List.of(), null);
            // pg_verifybackup reads the files on one core while Warden computes their SHA-256 on the other
            Future<BackupManifest.Verification> verification = plan.request().verify()
                    ? side.submit(() -> new BackupVerifier(tools).verifyContent(plan.folder(), draft, job, true)) : null;
            List<FileTree.Entry> files = FileTree.digest(plan.folder(), plan.payload(), job, "Computing SHA-256 of the backup files");
            long bytes = files.stream().mapToLong(FileTree.Entry::bytes).sum();
            List<TableCount> rowCounts = await(counts, plan.profile());
            BackupManifest manifest = new BackupManifest(draft.manifestVersion(), draft.id(), draft.label(), draft.kind(), draft.format(),
                    draft.compression(), draft.jobs(), draft.payload(), draft.source(), draft.tool(), draft.command(), draft.startedAt(),
                    draft.finishedAt(), draft.startLsn(), draft.endLsn(), draft.timeline(), draft.startWalFile(), draft.databaseBytes(), bytes,
                    draft.selection(), files, draft.countsDatabase(), countsLsn, rowCounts, null);
            if (verification == null) {
                return manifest;
            }
            BackupManifest.Verification v = awaitVerification(verification);
            if (!v.ok()) {
                throw new WardenException("The backup was written but does not verify: " + v.detail() + "; it was removed.",
                        "check the destination disk and try again");
            }
            return manifest.withVerification(v);
        } finally {
            side.shutdownNow();
            try {
                counting.unwrap(org.postgresql.PGConnection.class).cancelQuery();
            } catch (SQLException ignored) {
                // nothing was running
            }
            try {
                counting.close();
            } catch (SQLException ignored) {
                // closing ends the transaction either way
            }
        }
    }

    private static BackupManifest.Verification awaitVerification(Future<BackupManifest.Verification> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobCancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new WardenException("The verification failed: " + e.getCause().getMessage(), null, e.getCause());
        }
    }

    private BackupManifest verifyNow(BackupPlan plan, BackupManifest manifest, JobContext job) {
        if (!plan.request().verify()) {
            return manifest;
        }
        BackupManifest.Verification v = new BackupVerifier(tools).verifyContent(plan.folder(), manifest, job);
        if (!v.ok()) {
            throw new WardenException("The backup was written but does not verify: " + v.detail() + "; it was removed.",
                    "check the destination disk and try again");
        }
        return manifest.withVerification(v);
    }

    private static List<TableCount> await(Future<List<TableCount>> counts, ConnectionProfile profile) {
        try {
            return counts.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobCancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw ConnectionErrors.explain(cause, profile);
        }
    }

    private static Thread daemon(Runnable r, String prefix) {
        Thread t = new Thread(r, prefix + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    }
}
