package com.warden.app.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.job.JobContext;
import com.warden.app.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Dump and restore round trips on the demo database: counts and content digests equal. */
class LogicalRoundTripTest {
    static TestPostgres.TestDatabase source;
    static Map<String, String> before;

    @TempDir
    static Path catalog;

    @BeforeAll
    static void seed() throws Exception {
        source = TestPostgres.demoDatabase("backup round trip");
        before = BackupFixtures.fingerprint(source.dataSource());
    }

    @ParameterizedTest
    @EnumSource(BackupFormat.class)
    void everyFormatRestoresIntoANewDatabaseWithEqualCountsAndDigests(BackupFormat format) throws Exception {
        BackupRequest request = BackupRequest.logical(catalog).withFormat(format)
                .withJobs(format == BackupFormat.DIRECTORY ? 2 : 1);
        BackupPlan plan = BackupFixtures.backups().plan(source.profile(), request);
        assertThat(plan.commandLine()).contains("pg_dump").contains("-F " + format.flag()).doesNotContain("PGPASSWORD=");
        CatalogEntry entry = BackupFixtures.backups().run(plan, JobContext.none());

        BackupManifest m = entry.manifest();
        assertThat(entry.state()).isEqualTo(BackupState.VERIFIED);
        assertThat(m.tables()).hasSize(before.size());
        for (BackupManifest.TableCount t : m.tables()) {
            assertThat(before.get(t.name().toString())).startsWith(t.rows() + ":");
        }
        assertThat(m.files()).isNotEmpty().allSatisfy(f -> assertThat(f.sha256()).hasSize(64));
        assertThat(m.startLsn()).isNotBlank();
        assertThat(m.source().serverVersion()).startsWith("15.");
        assertThat(Files.exists(entry.folder().resolve(BackupManifest.FILE_NAME))).isTrue();
        assertThat(new BackupCatalog(catalog).list()).extracting(CatalogEntry::id).contains(m.id());

        String target = "rt_" + format.name().toLowerCase();
        RestoreRequest rr = new RestoreRequest(entry, source.profile(), new RestoreTarget.NewDatabase(target), List.of(), 2, true, true);
        RestoreResult result = BackupFixtures.restores().run(BackupFixtures.restores().plan(rr, JobContext.none()), JobContext.none());

        assertThat(result.verification().verdict()).as(result.verification().summary()).isEqualTo(VerificationReport.Verdict.PASS);
        assertThat(result.verification().integrity()).allSatisfy(i -> assertThat(i.problems()).isZero());
        assertThat(BackupFixtures.fingerprint(source.server().dataSource(target))).isEqualTo(before);
    }

    @Test
    void aScratchInstanceRestoreIsVerifiedAndRemoved() throws Exception {
        CatalogEntry entry = BackupFixtures.backups().run(BackupFixtures.backups().plan(source.profile(),
                BackupRequest.logical(catalog).withLabel("scratch")), JobContext.none());
        RestoreRequest rr = new RestoreRequest(entry, null, new RestoreTarget.Scratch(false, null), List.of(), 2, true, true);
        RestoreResult result = BackupFixtures.restores().run(BackupFixtures.restores().plan(rr, JobContext.none()), JobContext.none());
        assertThat(result.verification().verdict()).as(result.verification().summary()).isEqualTo(VerificationReport.Verdict.PASS);
        assertThat(result.verification().tables()).hasSize(before.size()).allSatisfy(t -> assertThat(t.ok()).isTrue());
        assertThat(result.scratch()).isNull();
        assertThat(result.steps()).extracting(Step::name).contains("create the scratch instance", "pg_restore", "verify");
    }
}
