package com.warden.app.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.warden.app.WardenException;
import com.warden.app.job.CancellableJob;
import com.warden.app.job.JobCancelledException;
import com.warden.app.job.JobContext;
import com.warden.app.testing.TestPostgres;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input the issue names: a clear error, and nothing lost or half-written. */
class BadInputTest {
    static TestPostgres.TestDatabase source;
    static Map<String, String> sourceBefore;
    static CatalogEntry good;

    @TempDir
    static Path catalog;

    @TempDir
    Path scratchParent;

    @BeforeAll
    static void backup() throws Exception {
        source = TestPostgres.demoDatabase("bad input");
        sourceBefore = BackupFixtures.fingerprint(source.dataSource());
        good = BackupFixtures.backups().run(BackupFixtures.backups().plan(source.profile(), BackupRequest.logical(catalog)),
                JobContext.none());
    }

    private static CatalogEntry copyOf(CatalogEntry entry, String suffix) throws Exception {
        Path folder = catalog.resolve(entry.id() + suffix);
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(entry.folder())) {
            for (Path p : files.toList()) {
                Files.copy(p, folder.resolve(p.getFileName()));
            }
        }
        return new BackupCatalog(catalog).get(folder.toString());
    }

    private static Path flipBytes(Path file, long at) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(~b);
        }
        return file;
    }

    @Test
    void aCorruptedDumpIsRefusedBeforeTheTargetIsTouched() throws Exception {
        CatalogEntry bad = copyOf(good, "-corrupt");
        flipBytes(bad.payload(), Files.size(bad.payload()) / 2);
        RestoreService restores = BackupFixtures.restores();
        RestoreRequest rr = new RestoreRequest(new BackupCatalog(catalog).get(bad.folder().toString()), source.profile(),
                new RestoreTarget.NewDatabase("never_created"), List.of(), 1, true, true);
        assertThatThrownBy(() -> restores.run(restores.plan(rr, JobContext.none()), JobContext.none()))
                .isInstanceOf(WardenException.class)
                .hasMessageContaining("is damaged")
                .hasMessageContaining("another SHA-256 than the manifest")
                .hasMessageContaining("Nothing was restored");
        assertThat(BackupFixtures.databaseExists(source.dataSource(), "never_created")).isFalse();
        assertThat(new BackupCatalog(catalog).verify(bad, BackupFixtures.tools(), JobContext.none()).state())
                .isEqualTo(BackupState.VERIFY_FAILED);
    }

    @Test
    void aTruncatedBackupIsListedAsDamagedAndRefused() throws Exception {
        CatalogEntry bad = copyOf(good, "-truncated");
        try (RandomAccessFile f = new RandomAccessFile(bad.payload().toFile(), "rw")) {
            f.setLength(f.length() * 2 / 3);
        }
        CatalogEntry listed = new BackupCatalog(catalog).get(bad.folder().toString());
        assertThat(listed.state()).isEqualTo(BackupState.DAMAGED);
        assertThat(listed.stateDetail()).contains("truncated or changed");
        RestoreService restores = BackupFixtures.restores();
        assertThatThrownBy(() -> restores.plan(new RestoreRequest(listed, source.profile(), new RestoreTarget.NewDatabase("never_created_2"),
                List.of(), 1, true, true), JobContext.none()))
                .hasMessageContaining("is damaged").hasMessageContaining("Nothing was restored");
    }

    @Test
    void aTruncatedForeignDumpOverAnExistingDatabaseLeavesItAsItWas() throws Exception {
        TestPostgres.TestDatabase existing = TestPostgres.demoDatabase("restore over existing");
        Map<String, String> before = BackupFixtures.fingerprint(existing.dataSource());
        Path foreign = Files.createTempFile("warden-foreign-", ".pgdump");
        Files.copy(good.payload(), foreign, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (RandomAccessFile f = new RandomAccessFile(foreign.toFile(), "rw")) {
            f.setLength(f.length() * 3 / 4);
        }
        try {
            RestoreService restores = BackupFixtures.restores();
            CatalogEntry entry = restores.describeFile(foreign);
            RestoreRequest rr = new RestoreRequest(entry, existing.profile(), new RestoreTarget.Existing(existing.name(), existing.name()),
                    List.of(), 1, true, true);
            assertThatThrownBy(() -> restores.run(restores.plan(rr, JobContext.none()), JobContext.none()))
                    .isInstanceOf(WardenException.class)
                    .hasMessageContaining("pg_restore failed")
                    .hasMessageContaining("was left as it was");
            assertThat(BackupFixtures.fingerprint(existing.dataSource())).isEqualTo(before);

            RestoreRequest intoNew = new RestoreRequest(entry, existing.profile(), new RestoreTarget.NewDatabase("truncated_target"),
                    List.of(), 2, true, true);
            assertThatThrownBy(() -> restores.run(restores.plan(intoNew, JobContext.none()), JobContext.none()))
                    .hasMessageContaining("pg_restore failed").hasMessageContaining("was dropped");
            assertThat(BackupFixtures.databaseExists(existing.dataSource(), "truncated_target")).isFalse();
        } finally {
            Files.deleteIfExists(foreign);
        }
    }

    @Test
    void theSourceIsNeverWrittenUnlessItsNameIsTyped() throws Exception {
        assertThatThrownBy(() -> new RestoreTarget.Existing(source.name(), ""))
                .hasMessageContaining("needs its name typed exactly");
        assertThatThrownBy(() -> new RestoreTarget.Existing(source.name(), source.name().toUpperCase()))
                .hasMessageContaining("does not match");
        RestoreService restores = BackupFixtures.restores();
        assertThatThrownBy(() -> restores.plan(new RestoreRequest(good, source.profile(), new RestoreTarget.NewDatabase(source.name()),
                List.of(), 1, true, true), JobContext.none()))
                .hasMessageContaining("already exists");
        RestoreResult copy = restores.run(restores.plan(new RestoreRequest(good, source.profile(),
                new RestoreTarget.NewDatabase("bad_input_copy"), List.of(), 2, true, false), JobContext.none()), JobContext.none());
        assertThat(copy.verified()).isTrue();
        assertThat(BackupFixtures.fingerprint(source.dataSource())).isEqualTo(sourceBefore);
    }

    @Test
    void cancelInTheMiddleOfABackupLeavesNoFilesAndNoCatalogueEntry() throws Exception {
        Path own = Files.createTempDirectory("warden-cancel-");
        try (Connection locker = source.dataSource().getConnection(); Statement st = locker.createStatement()) {
            locker.setAutoCommit(false);
            // pg_dump waits for this lock: the backup is reliably in the middle when we cancel it
            st.execute("LOCK TABLE core.messages IN ACCESS EXCLUSIVE MODE");
            BackupService backups = BackupFixtures.backups();
            BackupPlan plan = backups.plan(source.profile(), BackupRequest.logical(own));
            CancellableJob job = new CancellableJob(p -> { });
            CompletableFuture<CatalogEntry> run = CompletableFuture.supplyAsync(() -> backups.run(plan, job));
            waitForBlockedBackend(source.dataSource()::getConnection);
            assertThat(Files.exists(plan.folder())).isTrue();
            job.cancel();
            assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(JobCancelledException.class);
            locker.rollback();
            assertThat(Files.exists(plan.folder())).as("partial backup removed").isFalse();
            assertThat(new BackupCatalog(own).list()).isEmpty();
            try (Stream<Path> left = Files.list(own)) {
                assertThat(left).isEmpty();
            }
            assertThat(ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").endsWith("pg_dump")))
                    .isEmpty();
        } finally {
            FileTree.deleteQuietly(own);
        }
    }

    interface Connector {
        Connection get() throws java.sql.SQLException;
    }

    /** Waits until pg_dump's backend waits for a lock; polls outside any transaction (pg_stat_activity is a per-transaction snapshot). */
    private static void waitForBlockedBackend(Connector connector) throws Exception {
        try (Connection c = connector.get(); Statement st = c.createStatement()) {
            for (int i = 0; i < 600; i++) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'warden-backup' "
                        + "AND wait_event_type = 'Lock'")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("pg_dump never waited for the lock");
    }

    @Test
    void aFullDiskAtTheDestinationFailsCleanly() throws Exception {
        assumeThat(Unprivileged.runningAsRoot()).as("mounting a small tmpfs needs root").isTrue();
        Path mount = Files.createTempDirectory("warden-full-");
        Process m = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=96k", "tmpfs", mount.toString()).inheritIO().start();
        assumeThat(m.waitFor()).as("tmpfs mount").isZero();
        try {
            BackupService backups = BackupFixtures.backups();
            BackupPlan plan = backups.plan(source.profile(), BackupRequest.logical(mount).withCompression(0));
            assertThatThrownBy(() -> backups.run(plan, JobContext.none()))
                    .isInstanceOf(WardenException.class)
                    .satisfies(e -> assertThat(((WardenException) e).line()).containsAnyOf("No space left", "could not write")
                            .contains("full"));
            try (Stream<Path> left = Files.list(mount)) {
                assertThat(left).as("nothing half-written on the full disk").isEmpty();
            }
            assertThat(new BackupCatalog(mount).list()).isEmpty();
        } finally {
            new ProcessBuilder("umount", mount.toString()).inheritIO().start().waitFor();
            Files.deleteIfExists(mount);
        }
    }

    @Test
    void theServerGoingAwayDuringABackupFailsCleanly() throws Exception {
        Path own = Files.createTempDirectory("warden-away-");
        ScratchInstance server = ScratchInstance.create(BackupFixtures.tools(), 15, scratchParent, JobContext.none());
        try (Connection locker = server.connect("postgres"); Statement st = locker.createStatement()) {
            st.execute("CREATE TABLE t AS SELECT g AS id FROM generate_series(1, 1000) g");
            locker.setAutoCommit(false);
            st.execute("LOCK TABLE t IN ACCESS EXCLUSIVE MODE");
            BackupService backups = BackupFixtures.backups();
            BackupPlan plan = backups.plan(server.profile("postgres"), BackupRequest.logical(own));
            CompletableFuture<CatalogEntry> run = CompletableFuture.supplyAsync(() -> backups.run(plan, JobContext.none()));
            waitForBlockedBackend(() -> server.connect("postgres"));
            server.discard();
            assertThatThrownBy(() -> run.get(60, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(WardenException.class)
                    .satisfies(e -> assertThat(((WardenException) e.getCause()).line())
                            .startsWith("pg_dump failed:").contains("server went away"));
            try (Stream<Path> left = Files.list(own)) {
                assertThat(left).isEmpty();
            }
        } catch (java.sql.SQLException expectedWhenTheServerStops) {
            // the locker's connection dies with the server
        } finally {
            server.discard();
            FileTree.deleteQuietly(own);
        }
    }

    @Test
    void aMissingToolSaysWhichAndWhereWardenLooked() throws Exception {
        Path empty = Files.createTempDirectory("warden-nobin-");
        try {
            ToolLocator nowhere = new ToolLocator(List.of(empty), Map.of("PATH", empty.resolve("bin").toString()), "Linux", false);
            BackupService backups = new BackupService(nowhere, BackupFixtures.resolver());
            Path own = empty.resolve("catalog");
            assertThatThrownBy(() -> backups.plan(source.profile(), BackupRequest.logical(own)))
                    .isInstanceOf(WardenException.class)
                    .hasMessageContaining("pg_dump for PostgreSQL 15 or newer was not found")
                    .hasMessageContaining("Looked in: " + empty + ", " + empty.resolve("bin"))
                    .satisfies(e -> assertThat(((WardenException) e).hint()).contains("postgresql-15").contains("WARDEN_PG_BIN"));
            assertThat(Files.exists(own)).isFalse();
        } finally {
            FileTree.deleteQuietly(empty);
        }
    }

    @Test
    void aScratchInstanceThatFailsToStartShowsItsLogAndIsRemoved() throws Exception {
        assertThatThrownBy(() -> ScratchInstance.create(BackupFixtures.tools(), 15, scratchParent, JobContext.none(),
                List.of("shared_buffers = 'plenty'")))
                .isInstanceOf(WardenException.class)
                .hasMessageContaining("did not start")
                .hasMessageContaining("shared_buffers")
                .satisfies(e -> assertThat(((WardenException) e).hint()).contains("was removed"));
        try (Stream<Path> left = Files.list(scratchParent)) {
            assertThat(left).isEmpty();
        }
    }
}
