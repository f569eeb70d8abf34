package com.warden.app.backup;

import com.warden.app.WardenException;
import com.warden.app.connect.Access;
import com.warden.app.connect.ConnectionErrors;
import com.warden.app.connect.ConnectionProfile;
import com.warden.app.connect.ProfileResolver;
import com.warden.app.connect.Secret;
import com.warden.app.connect.SslMode;
import com.warden.app.job.JobCancelledException;
import com.warden.app.job.JobContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores a backup with pg_restore (psql for a plain script) into a new database on a server,
 * into a scratch instance, or over an existing database whose name was typed, then verifies it.
 * The backup's files are checked against their SHA-256 first, so a corrupted or truncated
 * backup is refused before anything is touched. A failed restore leaves nothing: a new database
 * is dropped, a scratch instance removed, and an existing database is restored in one
 * transaction, so it stays as it was.
 */
public final class RestoreService {
    private static final Logger LOG = LoggerFactory.getLogger(RestoreService.class);

    private final ToolLocator tools;
    private final ProfileResolver resolver;

    public RestoreService(ToolLocator tools, ProfileResolver resolver) {
        this.tools = tools;
        this.resolver = resolver;
    }

    public static RestoreService system() {
        return new RestoreService(ToolLocator.system(), ProfileResolver.system());
    }

    /** A dump file that was not taken by Warden (no manifest): read its table of contents. */
    public CatalogEntry describeFile(Path dump) {
        if (!Files.exists(dump)) {
            throw new WardenException("No backup at " + dump + ".", "give a Warden backup id or folder, or a pg_dump file");
        }
        FoundTool restore = newest(PgTool.PG_RESTORE);
        List<String> lines = new ArrayList<>();
        ToolResult r = ToolRunner.run(ToolCommand.of(List.of(restore.path().toString(), "--list", dump.toString())), lines::add, null,
                JobContext.none());
        if (!r.ok()) {
            throw new WardenException("pg_restore cannot read " + dump + ": " + r.errorLine() + ". Nothing was restored.",
                    "the file is truncated, corrupted, or a plain SQL script (restore that with psql)");
        }
        DumpToc toc = DumpToc.parse(lines);
        String fmt = toc.header().getOrDefault("Format", "CUSTOM");
        BackupFormat format = fmt.startsWith("DIRECTORY") ? BackupFormat.DIRECTORY : fmt.startsWith("TAR") ? BackupFormat.TAR : BackupFormat.CUSTOM;
        int major = toc.sourceMajor();
        String version = toc.header().getOrDefault("Dumped from database version", "?").split(" ")[0];
        BackupManifest.Source source = new BackupManifest.Source(null, "?", 0, toc.header().getOrDefault("dbname", "restored"), null,
                version, major * 10000, null, false);
        Path abs = dump.toAbsolutePath().normalize();
        BackupManifest m = new BackupManifest(BackupManifest.VERSION, abs.getFileName().toString(), null, BackupKind.LOGICAL, format,
                null, 1, abs.getFileName().toString(), source, null, null, null, null, null, null, null, null, 0,
                FileTree.size(abs), BackupManifest.Selection.ALL, null, null, null, List.of(), null);
        return new CatalogEntry(abs.getParent(), m, BackupState.UNVERIFIED, "a dump without a Warden manifest");
    }

    /** Checks everything that can be checked before touching a target, and says what will run. */
    public RestorePlan plan(RestoreRequest request, JobContext job) {
        CatalogEntry backup = request.backup();
        BackupManifest m = backup.manifest();
        List<String> notes = new ArrayList<>();
        if (backup.state() == BackupState.DAMAGED) {
            throw new WardenException("The backup " + m.id() + " is damaged: " + backup.stateDetail() + ". Nothing was restored.",
                    "choose another backup");
        }
        if (m.kind() == BackupKind.PHYSICAL) {
            if (!(request.target() instanceof RestoreTarget.Scratch)) {
                throw new WardenException("A physical backup holds a whole server: it restores into a scratch instance only.",
                        "choose the scratch instance, or restore a logical dump into a database");
            }
            if (!request.tables().isEmpty()) {
                throw new WardenException("Tables cannot be picked from a physical backup.", "use a logical dump for selected tables");
            }
            notes.add("the base backup is copied into a scratch data folder and started: PostgreSQL replays its WAL to the end of the backup");
            return new RestorePlan(request, tools.find(PgTool.PG_CTL, m.source().major()), null, null, null, false, notes);
        }
        int major = m.source().major();
        if (m.format() == BackupFormat.PLAIN) {
            if (!request.tables().isEmpty()) {
                throw new WardenException("Tables cannot be picked from a plain SQL script.", "take a custom or directory dump for selected tables");
            }
            if (request.target() instanceof RestoreTarget.Existing) {
                throw new WardenException("A plain SQL script cannot replace the objects of an existing database (it has no DROP statements).",
                        "restore it into a new database or a scratch instance");
            }
            FoundTool psql = tools.find(PgTool.PSQL, major);
            checkTarget(request, notes);
            ToolCommand cmd = psqlCommand(request, psql, targetDbPlaceholder(request));
            return new RestorePlan(request, psql, null, null, cmd, true, notes);
        }
        FoundTool restore = tools.find(PgTool.PG_RESTORE, major);
        job.progress(0, -1, "Reading the dump's table of contents");
        List<String> lines = new ArrayList<>();
        ToolResult r = ToolRunner.run(ToolCommand.of(List.of(restore.path().toString(), "--list", "--verbose", backup.payload().toString())),
                lines::add, null, job);
        if (!r.ok()) {
            throw new WardenException("pg_restore cannot read the backup " + m.id() + ": " + r.errorLine() + ". Nothing was restored.",
                    "the dump is truncated or corrupted; choose another backup");
        }
        DumpToc toc = DumpToc.parse(lines);
        List<DumpToc.Entry> selected = null;
        if (!request.tables().isEmpty()) {
            Set<TableName> inDump = new LinkedHashSet<>(toc.tables());
            for (TableName t : request.tables()) {
                if (!inDump.contains(t)) {
                    throw new WardenException("The backup holds no table " + t + ".", "pick from: " + String.join(", ",
                            inDump.stream().map(TableName::toString).limit(20).toList()));
                }
            }
            selected = toc.selectTables(request.tables(), request.target() instanceof RestoreTarget.Existing);
            notes.add(request.target() instanceof RestoreTarget.Existing
                    ? "the chosen tables are dropped and restored with their indexes, constraints and the foreign keys that point at them, in one transaction"
                    : "the chosen tables come with their schemas, types, functions, indexes and constraints; foreign keys to tables left out are skipped");
        }
        boolean single = request.target() instanceof RestoreTarget.Existing;
        if (single && request.jobs() > 1) {
            notes.add("over an existing database the restore runs in one transaction, so with one job");
        } else if (m.format() == BackupFormat.TAR && request.jobs() > 1) {
            notes.add("pg_restore cannot restore a tar dump in parallel: one job");
        }
        checkTarget(request, notes);
        ToolCommand cmd = restoreCommand(request, restore, targetDbPlaceholder(request), single, selected != null ? Path.of("<list file>") : null);
        return new RestorePlan(request, restore, toc, selected, cmd, single, notes);
    }

    private String targetDbPlaceholder(RestoreRequest r) {
        if (r.target() instanceof RestoreTarget.NewDatabase n) {
            return n.name();
        }
        if (r.target() instanceof RestoreTarget.Existing e) {
            return e.name();
        }
        return scratchDatabase(r.backup().manifest());
    }

    private static String scratchDatabase(BackupManifest m) {
        return m.source() == null || m.source().database() == null ? "restored" : m.source().database();
    }

    private void checkTarget(RestoreRequest r, List<String> notes) {
        if (r.target() instanceof RestoreTarget.Scratch) {
            int major = r.backup().manifest().source().major();
            if (tools.tryFind(PgTool.INITDB, major).isEmpty() && tools.all(PgTool.INITDB, major).stream().noneMatch(f -> f.major() >= major)) {
                throw tools.missing(PgTool.INITDB, major);
            }
            notes.add("the scratch instance runs as its own server on a free loopback port; roles do not exist there, so owners and grants are skipped");
            return;
        }
        String name = targetDbPlaceholder(r);
        try (Connection c = admin(r.server())) {
            boolean exists = databaseExists(c, name);
            if (r.target() instanceof RestoreTarget.NewDatabase && exists) {
                throw new WardenException("A database named " + name + " already exists on " + r.server().label().split("/")[0] + ".",
                        "choose another name, or restore over it by typing its name");
            }
            if (r.target() instanceof RestoreTarget.Existing && !exists) {
                throw new WardenException("There is no database " + name + " to restore over.", "restore into a new database instead");
            }
            if (!superuser(c)) {
                notes.add("not a superuser: owners and grants are skipped (--no-owner --no-privileges)");
            }
        } catch (SQLException e) {
            throw ConnectionErrors.explain(e, r.server());
        }
    }

    private ToolCommand restoreCommand(RestoreRequest r, FoundTool restore, String db, boolean single, Path listFile) {
        ConnectionProfile target = targetProfile(r, db, null);
        List<String> argv = new ArrayList<>();
        argv.add(restore.path().toString());
        argv.addAll(ToolArgs.connection(target));
        argv.add("-d");
        argv.add(ToolArgs.dbname(db));
        if (single) {
            argv.addAll(List.of("--clean", "--if-exists", "--single-transaction"));
        } else {
            argv.add("--exit-on-error");
            if (r.jobs() > 1 && r.backup().manifest().format() != BackupFormat.TAR) {
                argv.add("-j");
                argv.add(Integer.toString(r.jobs()));
            }
        }
        if (r.target() instanceof RestoreTarget.Scratch || !ownersKept(r)) {
            argv.addAll(List.of("--no-owner", "--no-privileges"));
        }
        if (listFile != null) {
            argv.add("-L");
            argv.add(listFile.toString());
        }
        argv.add("-v");
        argv.add(r.backup().payload().toString());
        return r.target() instanceof RestoreTarget.Scratch
                ? new ToolCommand(argv, Map.of("PGSSLMODE", "disable", "PGAPPNAME", "warden-restore"), Map.of(), null)
                : ToolArgs.command(argv, target, resolver, "warden-restore");
    }

    private ToolCommand psqlCommand(RestoreRequest r, FoundTool psql, String db) {
        ConnectionProfile target = targetProfile(r, db, null);
        List<String> argv = new ArrayList<>();
        argv.add(psql.path().toString());
        argv.addAll(ToolArgs.connection(target));
        argv.addAll(List.of("-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", "-d", ToolArgs.dbname(db), "-f", "-"));
        return r.target() instanceof RestoreTarget.Scratch
                ? new ToolCommand(argv, Map.of("PGSSLMODE", "disable", "PGAPPNAME", "warden-restore"), Map.of(), null)
                : ToolArgs.command(argv, target, resolver, "warden-restore");
    }

    private Boolean ownersKeptCache;

    private boolean ownersKept(RestoreRequest r) {
        if (ownersKeptCache == null) {
            try (Connection c = admin(r.server())) {
                ownersKeptCache = superuser(c);
            } catch (SQLException e) {
                ownersKeptCache = false;
            }
        }
        return ownersKeptCache;
    }

    private ConnectionProfile targetProfile(RestoreRequest r, String db, ScratchInstance scratch) {
        if (r.target() instanceof RestoreTarget.Scratch) {
            if (scratch != null) {
                return scratch.profile(db);
            }
            return new ConnectionProfile("scratch", "127.0.0.1", 5432, db, ScratchInstance.SUPERUSER, SslMode.DISABLE, null, null, null,
                    (Secret) null);
        }
        return r.server().withDatabase(db);
    }

    /** Runs the plan. A failure removes what it created and says so; a verification failure is in the result. */
    public RestoreResult run(RestorePlan plan, JobContext job) {
        RestoreRequest r = plan.request();
        BackupManifest m = r.backup().manifest();
        if (m.kind() == BackupKind.PHYSICAL) {
            return runPhysical(plan, job);
        }
        long t0 = System.nanoTime();
        List<Step> steps = new ArrayList<>();
        long t = System.nanoTime();
        if (m.files() != null) {
            List<String> problems = new BackupVerifier(tools).checkFiles(r.backup().folder(), m, true, job);
            if (!problems.isEmpty()) {
                throw new WardenException("The backup " + m.id() + " is damaged: " + String.join("; ", problems) + ". Nothing was restored.",
                        "choose another backup; this one no longer matches its manifest");
            }
            steps.add(new Step("check the backup's SHA-256", since(t), true, m.files().size() + " files match"));
        }
        String db = targetDbPlaceholder(r);
        ScratchInstance scratch = null;
        boolean createdDatabase = false;
        boolean ok = false;
        Path listFile = null;
        try {
            t = System.nanoTime();
            if (r.target() instanceof RestoreTarget.Scratch s) {
                scratch = ScratchInstance.create(tools, m.source().major(), s.parent(), job);
                try (Connection c = scratch.connect("postgres"); Statement st = c.createStatement()) {
                    if (!db.equals("postgres")) {
                        st.execute("CREATE DATABASE " + TableName.ident(db));
                    }
                }
                steps.add(new Step("create the scratch instance", since(t), true, "port " + scratch.port()));
            } else if (r.target() instanceof RestoreTarget.NewDatabase) {
                try (Connection c = admin(r.server()); Statement st = c.createStatement()) {
                    st.execute("CREATE DATABASE " + TableName.ident(db) + " TEMPLATE template0");
                    createdDatabase = true;
                }
                steps.add(new Step("create database " + db, since(t), true, ""));
            }
            if (plan.selected() != null) {
                listFile = Files.createTempFile("warden-restore-", ".list");
                List<String> lines = plan.selected().stream().map(DumpToc.Entry::line).toList();
                Files.write(listFile, lines);
            }
            t = System.nanoTime();
            ToolCommand command = m.format() == BackupFormat.PLAIN
                    ? psqlCommand(r, plan.tool(), db)
                    : restoreCommand(r, plan.tool(), db, plan.singleTransaction(), listFile);
            if (scratch != null) {
                command = retarget(command, scratch);
            }
            runTool(command, plan, m, job);
            steps.add(new Step(m.format() == BackupFormat.PLAIN ? "psql" : "pg_restore", since(t), true,
                    plan.selected() == null ? "all of the dump" : r.tables().size() + " tables"));
            VerificationReport report = null;
            if (r.verify()) {
                t = System.nanoTime();
                Map<TableName, Long> expected = new TreeMap<>(m.counts());
                if (!r.tables().isEmpty()) {
                    expected.keySet().retainAll(Set.copyOf(r.tables()));
                }
                try (Connection c = scratch != null ? scratch.connect(db) : open(targetProfile(r, db, null))) {
                    report = DatabaseVerifier.verify(c, new DatabaseVerifier.Options(expected, true, true, r.integrity(),
                            m.files() == null), job);
                } catch (SQLException e) {
                    throw new WardenException("Cannot verify the restored database: " + e.getMessage(), null, e);
                }
                steps.add(new Step("verify", since(t), report.verdict() != VerificationReport.Verdict.FAIL, report.summary()));
            }
            ok = true;
            ConnectionProfile profile = scratch != null ? scratch.profile(db) : targetProfile(r, db, null);
            ScratchInstance handed = null;
            if (scratch != null && ((RestoreTarget.Scratch) r.target()).keep()) {
                scratch.keep();
                handed = scratch;
            }
            LOG.info("Restored {} into {}", m.id(), r.target().describe());
            return new RestoreResult(r.target(), db, handed != null || scratch == null ? profile : null, handed, report, steps,
                    since(t0), command.display());
        } catch (IOException | SQLException e) {
            throw new WardenException("The restore failed: " + e.getMessage() + cleanupNote(r, createdDatabase, db), null, e);
        } catch (JobCancelledException e) {
            throw e;
        } catch (WardenException e) {
            throw new WardenException(e.getMessage() + cleanupNote(r, createdDatabase, db), e.hint().isBlank() ? null : e.hint(), e);
        } finally {
            if (listFile != null) {
                FileTree.deleteQuietly(listFile);
            }
            if (!ok && createdDatabase) {
                dropQuietly(r.server(), db);
            }
            if (scratch != null && !scratch.kept()) {
                scratch.close();
            }
        }
    }

    private String cleanupNote(RestoreRequest r, boolean created, String db) {
        if (r.target() instanceof RestoreTarget.NewDatabase) {
            return created ? "; the new database " + db + " was dropped" : "";
        }
        if (r.target() instanceof RestoreTarget.Existing) {
            return "; " + db + " was left as it was (the restore ran in one transaction)";
        }
        return "; the scratch instance was removed";
    }

    private void runTool(ToolCommand command, RestorePlan plan, BackupManifest m, JobContext job) {
        int total = plan.selected() != null ? plan.selected().size() : plan.toc() != null ? plan.toc().entries().size() : 0;
        AtomicInteger done = new AtomicInteger();
        Supplier<InputStream> stdin = null;
        if (m.format() == BackupFormat.PLAIN) {
            Path payload = plan.request().backup().payload();
            long size = FileTree.size(payload);
            stdin = () -> {
                try {
                    InputStream raw = new ProgressStream(Files.newInputStream(payload), n -> job.progress(n, size, "psql: replaying the SQL script"));
                    return payload.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                } catch (IOException e) {
                    throw new WardenException("Cannot read " + payload + ": " + e.getMessage(), null, e);
                }
            };
        }
        ToolResult result = ToolRunner.run(command, stdin, null, line -> {
            if (line.contains("processing data for table") || line.contains("creating ") || line.contains("executing ")
                    || line.contains("finished item")) {
                int d = Math.min(total, done.incrementAndGet());
                String what = line.replaceFirst("^pg_restore: ", "");
                job.progress(d, total, "pg_restore: " + what);
            }
        }, job);
        if (!result.ok()) {
            String tool = m.format() == BackupFormat.PLAIN ? "psql" : "pg_restore";
            throw new WardenException(tool + " failed: " + result.errorLine(), ToolArgs.hintFor(result.errorLine(), "the target"));
        }
    }

    private static ToolCommand retarget(ToolCommand c, ScratchInstance scratch) {
        List<String> argv = new ArrayList<>(c.argv());
        for (int i = 0; i < argv.size() - 1; i++) {
            if (argv.get(i).equals("-p")) {
                argv.set(i + 1, Integer.toString(scratch.port()));
            }
        }
        return new ToolCommand(argv, c.env(), c.secretEnv(), c.workDir());
    }

    private RestoreResult runPhysical(RestorePlan plan, JobContext job) {
        RestoreRequest r = plan.request();
        RestoreTarget.Scratch s = (RestoreTarget.Scratch) r.target();
        PitrService pitr = new PitrService(tools);
        PitrPlan pp = pitr.plan(new PitrRequest(r.backup(), null, new RecoveryTarget.Immediate(), s.keep(), s.parent(), null, r.verify()), job);
        PitrResult result = pitr.run(pp, job);
        ScratchInstance instance = result.instance();
        try {
            return new RestoreResult(r.target(), result.database(), s.keep() ? result.profile() : null, s.keep() ? instance : null,
                    result.verification(), result.steps(), result.elapsed(), "copy " + r.backup().payload() + " and start it with pg_ctl");
        } finally {
            if (!s.keep()) {
                instance.close();
            }
        }
    }

    private Connection admin(ConnectionProfile server) throws SQLException {
        try {
            return open(server.withDatabase("postgres"));
        } catch (WardenException e) {
            if (e.getMessage().contains("does not exist")) {
                return open(server.withDatabase("template1"));
            }
            throw e;
        }
    }

    private Connection open(ConnectionProfile p) {
        return Sql.open(p, resolver, Access.READ_WRITE);
    }

    private static boolean databaseExists(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean superuser(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private void dropQuietly(ConnectionProfile server, String db) {
        try (Connection c = admin(server); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + TableName.ident(db) + " WITH (FORCE)");
            LOG.info("Dropped the unfinished database {}", db);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not drop the unfinished database {}: {}", db, e.getMessage());
        }
    }

    private FoundTool newest(PgTool tool) {
        return tools.all(tool, 0).stream().max(java.util.Comparator.comparingInt(FoundTool::major))
                .orElseThrow(() -> tools.missing(tool, 0));
    }

    private static Duration since(long t) {
        return Duration.ofNanos(System.nanoTime() - t);
    }

    /** Counts the bytes read, for a progress bar over a script fed to psql. */
    private static final class ProgressStream extends java.io.FilterInputStream {
        private final java.util.function.LongConsumer listener;
        private long read;
        private long lastReported;

        ProgressStream(InputStream in, java.util.function.LongConsumer listener) {
            super(in);
            this.listener = listener;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                add(1);
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) {
            read += n;
            if (read - lastReported > (1 << 20)) {
                lastReported = read;
                listener.accept(read);
            }
        }
    }

    static Instant now() {
        return Instant.now();
    }
}
