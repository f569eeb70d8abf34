package com.warden.app.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.job.JobContext;
import com.warden.app.testing.TestPostgres;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The restore drill: timed, verified, reported, and the scratch instance gone even when it fails. */
class DrillTest {
    static TestPostgres.TestDatabase source;

    @TempDir
    static Path catalog;

    @TempDir
    static Path scratch;

    @BeforeAll
    static void start() {
        source = TestPostgres.demoDatabase("drill");
    }

    private static RestoreDrill drill() {
        return new RestoreDrill(BackupFixtures.tools(), BackupFixtures.resolver());
    }

    @Test
    void aDrillTakesABackupRestoresItVerifiesItAndReportsRtoAndRpo() throws Exception {
        DrillReport report = drill().run(new DrillRequest(source.profile(), catalog, null, true, null, null, scratch, true),
                JobContext.none());
        assertThat(report.verdict()).as(report.failure()).isEqualTo(DrillReport.PASS);
        assertThat(report.rtoSeconds()).isPositive();
        assertThat(report.rpoSeconds()).isGreaterThanOrEqualTo(0);
        assertThat(report.tables()).isNotEmpty().allSatisfy(t -> assertThat(t.ok()).isTrue());
        assertThat(report.steps()).extracting(Step::name)
                .contains("take a backup", "create the scratch instance", "pg_restore", "verify", "tear down the scratch instance");
        assertThat(report.scratchRemoved()).isTrue();
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
        Path drills = RestoreDrill.drillsFolder(catalog);
        assertThat(drills.resolve(report.id() + ".json")).exists();
        assertThat(Files.readString(drills.resolve(report.id() + ".html"))).contains("PASS").contains("RTO").contains("core.messages");

        DrillReport second = drill().run(new DrillRequest(source.profile(), catalog, null, false, null, null, scratch, false),
                JobContext.none());
        assertThat(second.verdict()).isEqualTo(DrillReport.PASS);
        assertThat(second.backupId()).isEqualTo(report.backupId());
        List<DrillReport> history = RestoreDrill.history(catalog);
        assertThat(history).extracting(DrillReport::id).containsExactly(report.id(), second.id());
        assertThat(Files.readString(drills.resolve(second.id() + ".html"))).contains("<svg");
    }

    @Test
    void aFailingDrillIsReportedAndItsScratchInstanceRemoved() throws Exception {
        Path own = Files.createTempDirectory("warden-drill-fail-");
        try {
            BackupService backups = BackupFixtures.backups();
            CatalogEntry entry = backups.run(backups.plan(source.profile(), BackupRequest.logical(own)), JobContext.none());
            // corrupt the dump AND its manifest digest, so only pg_restore can notice: the failure happens inside the scratch instance
            Path payload = entry.payload();
            try (RandomAccessFile f = new RandomAccessFile(payload.toFile(), "rw")) {
                f.setLength(f.length() / 2);
            }
            BackupManifest m = entry.manifest();
            BackupManifest forged = new BackupManifest(m.manifestVersion(), m.id(), m.label(), m.kind(), m.format(), m.compression(),
                    m.jobs(), m.payload(), m.source(), m.tool(), m.command(), m.startedAt(), m.finishedAt(), m.startLsn(), m.endLsn(),
                    m.timeline(), m.startWalFile(), m.databaseBytes(), m.backupBytes(), m.selection(),
                    List.of(new FileTree.Entry(m.files().get(0).path(), Files.size(payload), FileTree.sha256(payload, n -> { }))),
                    m.countsDatabase(), m.countsLsn(), m.tables(), m.verification());
            ManifestStore.write(entry.folder(), forged);

            DrillReport report = drill().run(new DrillRequest(null, own, entry.id(), false, null, null, scratch, true), JobContext.none());
            assertThat(report.verdict()).isEqualTo(DrillReport.FAIL);
            assertThat(report.failure()).contains("pg_restore failed").contains("scratch instance was removed");
            try (Stream<Path> left = Files.list(scratch)) {
                assertThat(left).as("no scratch folder left behind").isEmpty();
            }
            assertThat(RestoreDrill.drillsFolder(own).resolve(report.id() + ".json")).exists();
        } finally {
            FileTree.deleteQuietly(own);
        }
    }
}
