package com.warden.app.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warden.app.WardenException;
import com.warden.app.job.JobContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PITR exactness on a ledger: rows committed one by one after a base backup; recovery to a
 * target in the middle holds exactly the rows committed at or before it, none after.
 */
class PitrTest {
    static ArchivingSource source;
    static CatalogEntry base;
    static final List<Instant> commits = new ArrayList<>();
    static Instant beforeBackup;
    static String lsnAfter15;

    @TempDir
    static Path catalog;

    @BeforeAll
    static void prepare() throws Exception {
        source = ArchivingSource.start();
        try (Connection c = source.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE ledger (id int PRIMARY KEY, note text NOT NULL)");
            st.execute("INSERT INTO ledger VALUES (0, 'before the backup')");
            try (ResultSet rs = st.executeQuery("SELECT pg_xact_commit_timestamp(xmin) FROM ledger WHERE id = 0")) {
                rs.next();
                beforeBackup = rs.getTimestamp(1).toInstant();
            }
        }
        BackupService backups = BackupFixtures.backups();
        base = backups.run(backups.plan(source.server.profile("postgres"), BackupRequest.physical(catalog)), JobContext.none());
        // the ledger starts a moment after the backup: its first commit is inside the window however fast the machine is
        Thread.sleep(1100);
        try (Connection c = source.connect(); Statement st = c.createStatement()) {
            for (int i = 1; i <= 20; i++) {
                st.execute("INSERT INTO ledger VALUES (" + i + ", 'row " + i + "')");
                if (i == 10) {
                    st.execute("SELECT pg_create_restore_point('after_row_10')");
                }
                if (i == 15) {
                    try (ResultSet rs = st.executeQuery("SELECT pg_current_wal_insert_lsn()::text")) {
                        rs.next();
                        lsnAfter15 = rs.getString(1);
                    }
                }
                Thread.sleep(15);
            }
            try (ResultSet rs = st.executeQuery("SELECT pg_xact_commit_timestamp(xmin) FROM ledger WHERE id > 0 ORDER BY id")) {
                while (rs.next()) {
                    commits.add(rs.getTimestamp(1).toInstant());
                }
            }
        }
        source.switchAndWaitArchived();
    }

    @AfterAll
    static void stop() {
        if (source != null) {
            source.close();
        }
    }

    private static List<Integer> recover(RecoveryTarget target) throws Exception {
        PitrService pitr = new PitrService(BackupFixtures.tools());
        PitrPlan plan = pitr.plan(new PitrRequest(base, source.archive(), target, false, null, Duration.ofMinutes(2), true),
                JobContext.none());
        PitrResult result = pitr.run(plan, JobContext.none());
        Path folder = result.instance().folder();
        try (Connection c = result.instance().connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id FROM ledger ORDER BY id")) {
            assertThat(result.verification().verdict()).as(result.verification().summary())
                    .isNotEqualTo(VerificationReport.Verdict.FAIL);
            List<Integer> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
            try (ResultSet r2 = st.executeQuery("SELECT pg_is_in_recovery()")) {
                r2.next();
                assertThat(r2.getBoolean(1)).as("promoted").isFalse();
            }
            return ids;
        } finally {
            result.instance().close();
            assertThat(Files.exists(folder)).as("scratch folder removed").isFalse();
        }
    }

    private static List<Integer> upTo(int n) {
        return Stream.iterate(0, i -> i + 1).limit(n + 1L).toList();
    }

    @Test
    void theWindowRunsFromTheEndOfTheBackupToTheLastArchivedCommit() {
        RecoveryWindow w = new WalScanner(BackupFixtures.tools()).window(base, source.archive(), true, JobContext.none());
        assertThat(w.fromLsn()).isEqualTo(Lsn.parse(base.manifest().endLsn()));
        assertThat(w.toTime()).isAfterOrEqualTo(commits.get(19));
        assertThat(w.fromTime()).isAfter(beforeBackup).isBeforeOrEqualTo(commits.get(0));
        assertThat(w.restorePoints()).extracting(RecoveryWindow.RestorePoint::name).containsExactly("after_row_10");
        assertThat(w.describe()).contains("end of the base backup").contains("last archived commit");
    }

    @Test
    void aTargetTimeBetweenTwoCommitsKeepsExactlyTheRowsCommittedAtOrBeforeIt() throws Exception {
        Instant between = commits.get(9).plus(Duration.between(commits.get(9), commits.get(10)).dividedBy(2));
        assertThat(recover(new RecoveryTarget.Time(between))).isEqualTo(upTo(10));
    }

    @Test
    void aTargetTimeEqualToACommitIncludesThatCommit() throws Exception {
        assertThat(recover(new RecoveryTarget.Time(commits.get(4)))).isEqualTo(upTo(5));
    }

    @Test
    void anLsnAndANamedRestorePointAreExactToo() throws Exception {
        assertThat(recover(new RecoveryTarget.AtLsn(Lsn.parse(lsnAfter15)))).isEqualTo(upTo(15));
        assertThat(recover(new RecoveryTarget.Named("after_row_10"))).isEqualTo(upTo(10));
    }

    @Test
    void latestRecoversEveryArchivedRowAndTheScratchInstanceNeverArchives() throws Exception {
        long before;
        try (Stream<Path> files = Files.list(source.archive())) {
            before = files.count();
        }
        assertThat(recover(new RecoveryTarget.Latest())).isEqualTo(upTo(20));
        try (Stream<Path> files = Files.list(source.archive())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("00000002"));
        }
        try (Stream<Path> files = Files.list(source.archive())) {
            assertThat(files.count()).isEqualTo(before);
        }
    }

    @Test
    void aTargetBeforeTheBackupEndsIsRefusedWithTheCoveredRange() {
        PitrService pitr = new PitrService(BackupFixtures.tools());
        assertThatThrownBy(() -> pitr.plan(new PitrRequest(base, source.archive(), new RecoveryTarget.Time(beforeBackup), false, null,
                null, true), JobContext.none()))
                .isInstanceOf(WardenException.class)
                .hasMessageContaining("before the base backup ends")
                .hasMessageContaining("cover from ")
                .hasMessageContaining(" to ");
    }

    @Test
    void aTargetAfterTheLastArchivedWalIsRefusedWithTheCoveredRange() {
        PitrService pitr = new PitrService(BackupFixtures.tools());
        assertThatThrownBy(() -> pitr.plan(new PitrRequest(base, source.archive(),
                new RecoveryTarget.Time(Instant.now().plusSeconds(3600)), false, null, null, true), JobContext.none()))
                .isInstanceOf(WardenException.class)
                .hasMessageContaining("after the last commit in the archive")
                .hasMessageContaining("cover from ");
        assertThatThrownBy(() -> pitr.plan(new PitrRequest(base, source.archive(), new RecoveryTarget.AtLsn(Lsn.parse("FF/0")), false,
                null, null, true), JobContext.none()))
                .hasMessageContaining("after the end of the archived WAL");
        assertThatThrownBy(() -> pitr.plan(new PitrRequest(base, source.archive(), new RecoveryTarget.Named("nope"), false,
                null, null, true), JobContext.none()))
                .hasMessageContaining("No restore point 'nope'").hasMessageContaining("after_row_10");
    }
}
