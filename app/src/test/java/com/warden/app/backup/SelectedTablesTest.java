package com.warden.app.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warden.app.job.JobContext;
import com.warden.app.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed 000's single-table restore: into a new database, and in place over an existing one. */
class SelectedTablesTest {
    static TestPostgres.TestDatabase source;
    static CatalogEntry backup;
    static Map<String, String> before;

    @TempDir
    static Path catalog;

    @BeforeAll
    static void backup() throws Exception {
        source = TestPostgres.demoDatabase("selected tables");
        before = BackupFixtures.fingerprint(source.dataSource());
        backup = BackupFixtures.backups().run(BackupFixtures.backups().plan(source.profile(), BackupRequest.logical(catalog)),
                JobContext.none());
    }

    @Test
    void oneTableGoesIntoANewDatabaseWithItsIndexesAndConstraints() throws Exception {
        RestoreService restores = BackupFixtures.restores();
        RestoreRequest rr = new RestoreRequest(backup, source.profile(), new RestoreTarget.NewDatabase("only_messages"),
                List.of(TableName.parse("core.messages")), 2, true, true);
        RestorePlan plan = restores.plan(rr, JobContext.none());
        assertThat(plan.selected()).extracting(DumpToc.Entry::type).contains("SCHEMA", "TABLE", "TABLE DATA", "CONSTRAINT", "INDEX")
                .doesNotContain("FK CONSTRAINT", "MATERIALIZED VIEW");
        RestoreResult result = restores.run(plan, JobContext.none());
        assertThat(result.verification().verdict()).as(result.verification().summary()).isEqualTo(VerificationReport.Verdict.PASS);
        assertThat(result.verification().tables()).singleElement().satisfies(t -> assertThat(t.ok()).isTrue());
        try (Connection c = source.server().dataSource("only_messages").getConnection()) {
            assertThat(BackupFixtures.tables(c)).containsExactly(TableName.parse("core.messages"));
            assertThat(BackupFixtures.fingerprint(c).get("core.messages")).isEqualTo(before.get("core.messages"));
        }
    }

    @Test
    void aDamagedTableIsReplacedInPlaceInOneTransaction() throws Exception {
        TestPostgres.TestDatabase damaged = TestPostgres.demoDatabase("damaged table");
        try (Connection c = damaged.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM core.messages WHERE id IN (SELECT id FROM core.messages ORDER BY id LIMIT 100)");
            st.execute("UPDATE core.sessions SET title = 'vandalised'");
        }
        RestoreService restores = BackupFixtures.restores();
        RestoreRequest rr = new RestoreRequest(backup, damaged.profile(), new RestoreTarget.Existing(damaged.name(), damaged.name()),
                List.of(TableName.parse("core.messages"), TableName.parse("core.sessions")), 1, true, true);
        RestoreResult result = restores.run(restores.plan(rr, JobContext.none()), JobContext.none());
        assertThat(result.verification().verdict()).as(result.verification().summary()).isEqualTo(VerificationReport.Verdict.PASS);
        assertThat(BackupFixtures.fingerprint(damaged.dataSource())).isEqualTo(before);
    }

    @Test
    void aTableTheBackupDoesNotHoldIsRefusedByName() {
        RestoreService restores = BackupFixtures.restores();
        assertThatThrownBy(() -> restores.plan(new RestoreRequest(backup, source.profile(), new RestoreTarget.NewDatabase("x"),
                List.of(TableName.parse("core.nope")), 1, true, true), JobContext.none()))
                .hasMessageContaining("holds no table core.nope")
                .satisfies(e -> assertThat(((com.warden.app.WardenException) e).line()).contains("core.messages"));
    }
}
