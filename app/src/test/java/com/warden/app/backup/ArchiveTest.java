package com.warden.app.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WAL archiving readiness verdicts, the settings for an archive folder, and the continuity check. */
class ArchiveTest {
    @TempDir
    Path archive;

    private void touch(String name) throws Exception {
        Files.writeString(archive.resolve(name), "x");
    }

    @Test
    void aGapAndAMissingHistoryFileAreFound() throws Exception {
        for (String s : List.of("000000010000000000000001", "000000010000000000000002", "000000010000000000000005",
                "0000000100000001000000FF", "000000010000000200000000", "000000030000000200000001")) {
            touch(s);
        }
        touch("000000010000000000000002.00000028.backup");
        Files.writeString(archive.resolve("00000002.history"), "1\t0/5000000\tbefore 2025-01-01\n");
        WalArchive.ContinuityReport r = WalArchive.continuity(archive, WalSegment.DEFAULT_SIZE);
        assertThat(r.segments()).isEqualTo(6);
        assertThat(r.backupLabels()).isEqualTo(1);
        assertThat(r.continuous()).isFalse();
        WalArchive.TimelineRange one = r.timelines().get(0);
        assertThat(one.missing()).hasSize(2);
        assertThat(one.missing().get(0)).isEqualTo("000000010000000000000003 … 000000010000000000000004 (2 segments)");
        // the segment after ...000001000000FF is ...000002 00000000: no gap there
        assertThat(one.missing().get(1)).startsWith("000000010000000000000006 … 0000000100000001000000FE");
        assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("timeline 3 has no 00000003.history"));
        assertThat(r.history()).singleElement().satisfies(h -> {
            assertThat(h.timeline()).isEqualTo(2);
            assertThat(h.switchLsn()).isEqualTo("0/5000000");
        });
    }

    @Test
    void aContinuousArchiveIsSaidToBe() throws Exception {
        for (int i = 1; i <= 4; i++) {
            touch(String.format("0000000100000000000000%02X", i));
        }
        assertThat(WalArchive.continuity(archive, WalSegment.DEFAULT_SIZE).problems()).isEmpty();
    }

    @Test
    void verdictsFollowTheSettingsAndTheArchiver() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        assertThat(WalArchive.judge("replica", "off", "", "", 0, 10, 0, null, null, 0, null, null, false, Instant.now()).verdict())
                .isEqualTo(ArchiveReadiness.Verdict.NOT_READY);
        assertThat(WalArchive.judge("minimal", "on", "cp %p /a/%f", "", 60, 0, 0, null, null, 0, null, null, false, Instant.now()).reasons())
                .anySatisfy(r -> assertThat(r).contains("wal_level is minimal"));
        ArchiveReadiness failing = WalArchive.judge("replica", "on", "cp %p /a/%f", "", 60, 10, 5, "000000010000000000000005",
                now.minusMinutes(5), 3, "000000010000000000000006", now.minusMinutes(1), false, Instant.now());
        assertThat(failing.verdict()).isEqualTo(ArchiveReadiness.Verdict.DEGRADED);
        assertThat(failing.reasons()).anySatisfy(r -> assertThat(r).contains("last archive attempt failed"));
        ArchiveReadiness good = WalArchive.judge("replica", "on", "cp %p /a/%f", "", 60, 10, 5, "000000010000000000000005",
                now.minusSeconds(30), 0, null, null, false, Instant.now());
        assertThat(good.verdict()).isEqualTo(ArchiveReadiness.Verdict.READY);
    }

    @Test
    void theTestServerIsNotReadyAndTheSettingsSayWhatToWrite() throws Exception {
        try (Connection c = TestPostgres.emptyDatabase("archive readiness").dataSource().getConnection()) {
            ArchiveReadiness r = WalArchive.readiness(c);
            assertThat(r.verdict()).isEqualTo(ArchiveReadiness.Verdict.NOT_READY);
            assertThat(r.reasons()).anySatisfy(x -> assertThat(x).contains("archive_mode is off"));
        }
        List<String> lines = WalArchive.settingsFor(Path.of("/var/lib/pg-archive"), false);
        assertThat(lines).contains("archive_mode = on                    # restart needed");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("archive_command = 'test ! -f ''/var/lib/pg-archive/%f'' && cp %p"));
    }
}
