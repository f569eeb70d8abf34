package com.warden.app.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warden.app.job.JobContext;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A compressed tar base backup: verified against backup_manifest, restored into a scratch instance; a corrupted one refused. */
class PhysicalBackupTest {
    static ScratchInstance server;
    static CatalogEntry tar;

    @TempDir
    static Path catalog;

    @TempDir
    Path scratch;

    @BeforeAll
    static void backup() throws Exception {
        server = ScratchInstance.create(BackupFixtures.tools(), 15, null, JobContext.none());
        try (Connection c = server.connect("postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE accounts (id int PRIMARY KEY, owner text NOT NULL)");
            st.execute("CREATE TABLE transfers (id int PRIMARY KEY, account int NOT NULL REFERENCES accounts, amount numeric)");
            st.execute("INSERT INTO accounts SELECT g, 'owner ' || g FROM generate_series(1, 500) g");
            st.execute("INSERT INTO transfers SELECT g, 1 + g % 500, g * 1.5 FROM generate_series(1, 5000) g");
        }
        BackupService backups = BackupFixtures.backups();
        BackupRequest request = BackupRequest.physical(catalog).withFormat(BackupFormat.TAR).withCompression(3);
        BackupPlan plan = backups.plan(server.profile("postgres"), request);
        assertThat(plan.commandLine()).contains("pg_basebackup").contains("-F t").contains("-z -Z 3").contains("-X stream");
        tar = backups.run(plan, JobContext.none());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theTarBackupIsVerifiedAgainstBackupManifestAndRestores() throws Exception {
        BackupManifest m = tar.manifest();
        assertThat(tar.state()).isEqualTo(BackupState.VERIFIED);
        assertThat(m.verification().method()).contains("CRC-32C");
        assertThat(m.files()).extracting(FileTree.Entry::path)
                .contains("base-tar/base.tar.gz", "base-tar/pg_wal.tar.gz", "base-tar/backup_manifest");
        assertThat(m.tables()).extracting(BackupManifest.TableCount::rows).containsExactly(500L, 5000L);
        assertThat(Lsn.parse(m.endLsn())).isGreaterThan(Lsn.parse(m.startLsn()));

        RestoreService restores = BackupFixtures.restores();
        RestoreResult result = restores.run(restores.plan(new RestoreRequest(tar, null, new RestoreTarget.Scratch(false, scratch),
                List.of(), 1, true, true), JobContext.none()), JobContext.none());
        assertThat(result.verification().verdict()).as(result.verification().summary()).isEqualTo(VerificationReport.Verdict.PASS);
        assertThat(result.verification().foreignKeysChecked()).isEqualTo(1);
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aCorruptedTarIsRefusedAndItsScratchFolderRemoved() throws Exception {
        Path copy = catalog.resolve("corrupted-copy");
        FileTree.copyTree(tar.folder(), copy, JobContext.none(), "");
        Path gz = copy.resolve("base-tar/base.tar.gz");
        try (RandomAccessFile f = new RandomAccessFile(gz.toFile(), "rw")) {
            f.seek(f.length() / 2);
            f.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        }
        CatalogEntry bad = new BackupCatalog(catalog).get(copy.toString());
        assertThat(new BackupVerifier(BackupFixtures.tools()).verify(bad.folder(), bad.manifest(), JobContext.none()).ok()).isFalse();
        RestoreService restores = BackupFixtures.restores();
        assertThatThrownBy(() -> restores.run(restores.plan(new RestoreRequest(bad, null, new RestoreTarget.Scratch(false, scratch),
                List.of(), 1, true, true), JobContext.none()), JobContext.none()))
                .hasMessageContaining("damaged");
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
    }
}
