package com.warden.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.job.JobContext;
import com.warden.app.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The faults the checks exist for: each one turns its own check red, and nothing else breaks. */
class HealthFaultsTest {

    private static HealthReport check(DataSource ds, HealthThresholds t) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return new HealthService().run(c, "test", t, JobContext.none());
        }
    }

    private static void exec(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Test
    void droppingAnExpectedIndexTurnsItsCheckRed() throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("health dropped index");
        exec(db.dataSource(), "DROP INDEX core.messages_session_created_covering");

        HealthReport report = check(db.dataSource(), HealthThresholds.defaults());

        CheckResult c = report.check("expected_indexes");
        assertThat(c.status()).isEqualTo(CheckStatus.CRITICAL);
        assertThat(c.value()).contains("16 of 17").contains("messages_session_created_covering");
        assertThat(c.hint()).contains("CREATE INDEX CONCURRENTLY messages_session_created_covering ON core.messages");
        assertThat(report.status()).isEqualTo(HealthStatus.CRITICAL);
        // the rest of the report still stands
        assertThat(report.checks()).noneMatch(r -> r.status() == CheckStatus.ERROR);
    }

    @Test
    void anInvalidExpectedIndexIsRedWithAReindexHint() throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("health invalid index");
        // what an interrupted CREATE INDEX CONCURRENTLY leaves behind
        exec(db.dataSource(), "UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'core.file_refs_dest_covering'::regclass");

        CheckResult c = check(db.dataSource(), HealthThresholds.defaults()).check("expected_indexes");

        assertThat(c.status()).isEqualTo(CheckStatus.CRITICAL);
        assertThat(c.value()).contains("invalid: file_refs_dest_covering");
        assertThat(c.hint()).contains("REINDEX INDEX CONCURRENTLY core.file_refs_dest_covering");
    }

    @Test
    void anIdleInTransactionSessionIsFoundWithItsPid() throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("health idle tx");
        HealthThresholds t = HealthThresholds.defaults().with("idle_in_transaction_s", 0.5, 60.0);
        try (Connection idle = db.dataSource().getConnection()) {
            idle.setAutoCommit(false);
            int pid;
            try (Statement st = idle.createStatement(); var rs = st.executeQuery("SELECT pg_backend_pid(), count(*) FROM core.sessions")) {
                rs.next();
                pid = rs.getInt(1);
            }
            Thread.sleep(1200);

            CheckResult c = check(db.dataSource(), t).check("idle_in_transaction");

            assertThat(c.status()).isEqualTo(CheckStatus.WARNING);
            assertThat(c.value()).contains("pid " + pid);
            assertThat(c.details()).anySatisfy(d -> assertThat(d).contains("pid " + pid).contains("count(*) FROM core.sessions"));
            assertThat(c.hint()).contains("pg_terminate_backend(" + pid + ")");
            idle.rollback();
        }
        assertThat(check(db.dataSource(), t).check("idle_in_transaction").status()).isEqualTo(CheckStatus.OK);
    }

    @Test
    void aBlockedSessionNamesItsBlocker() throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("health blocking");
        HealthThresholds t = HealthThresholds.defaults().with("lock_wait_s", 0.2, 60.0);
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        try (Connection holder = db.dataSource().getConnection(); Connection blocked = db.dataSource().getConnection()) {
            holder.setAutoCommit(false);
            int holderPid;
            try (Statement st = holder.createStatement(); var rs = st.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                holderPid = rs.getInt(1);
                st.execute("LOCK TABLE core.apps IN ACCESS EXCLUSIVE MODE");
            }
            Future<?> waiting = waiter.submit(() -> {
                try (Statement st = blocked.createStatement()) {
                    st.execute("SELECT count(*) FROM core.apps");
                }
                return null;
            });
            Thread.sleep(800);

            HealthReport report = check(db.dataSource(), t);
            CheckResult c = report.check("blocking_locks");

            assertThat(c.status()).isEqualTo(CheckStatus.WARNING);
            assertThat(c.value()).contains("blocked by pid " + holderPid);
            // the size checks do not wait behind the lock: they skip the locked table and say so
            assertThat(report.checks()).noneMatch(r -> r.status() == CheckStatus.ERROR);
            assertThat(report.check("database_size").details())
                    .anySatisfy(d -> assertThat(d).contains("core.apps skipped: an ACCESS EXCLUSIVE lock"));
            holder.rollback();
            waiting.get();
        } finally {
            waiter.shutdownNow();
        }
    }

    @Test
    void withoutPrivilegesTheSessionChecksSayTheyArePartialAndWhy() throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("health partial");
        exec(db.dataSource(), "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'health_plain') THEN "
                + "CREATE ROLE health_plain LOGIN; END IF; END $$");
        exec(db.dataSource(), "GRANT USAGE ON SCHEMA core TO health_plain");
        exec(db.dataSource(), "GRANT SELECT ON ALL TABLES IN SCHEMA core TO health_plain");
        try (Connection other = db.dataSource().getConnection()) {
            other.setAutoCommit(false);
            try (Statement st = other.createStatement()) {
                st.execute("SELECT 1");
            }
            String url = "jdbc:postgresql://localhost:" + db.server().port() + "/" + db.name();
            HealthReport report;
            try (Connection plain = DriverManager.getConnection(url, "health_plain", "")) {
                report = new HealthService().run(plain, "test", HealthThresholds.defaults(), JobContext.none());
            }
            CheckResult idle = report.check("idle_in_transaction");
            assertThat(idle.partial()).isTrue();
            assertThat(idle.partialReason()).contains("hidden from health_plain").contains("pg_read_all_stats");
            assertThat(report.check("long_running").partial()).isTrue();
            assertThat(report.summary()).contains("partial (privileges)");
            // what it may read still works
            assertThat(report.check("connectivity").status()).isEqualTo(CheckStatus.OK);
            assertThat(report.check("expected_indexes").status()).isEqualTo(CheckStatus.OK);
            other.rollback();
        }
    }

    @Test
    void onAPlainDatabaseTheProjectChecksAreSkippedAndTheRestRuns() throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.emptyDatabase("health plain db");

        HealthReport report = check(db.dataSource(), HealthThresholds.defaults());

        assertThat(report.projectDatabase()).isFalse();
        assertThat(report.check("expected_indexes").status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(report.check("expected_indexes").value()).contains("no schema core");
        assertThat(report.check("matview_age").status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(report.checks()).noneMatch(r -> r.status() == CheckStatus.ERROR);
    }

    @Test
    void aRedundantIndexIsReportedWithTheOneThatCoversIt() throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("health duplicate");
        exec(db.dataSource(), "CREATE INDEX sessions_user_only ON core.sessions (user_id)");
        exec(db.dataSource(), "CREATE INDEX apps_name_twin ON core.apps (name)");

        CheckResult c = check(db.dataSource(), HealthThresholds.defaults()).check("duplicate_indexes");

        assertThat(c.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(c.details()).anySatisfy(d -> assertThat(d).contains("core.sessions_user_only").contains("covered by core.sessions_user_activity"));
        assertThat(c.details()).anySatisfy(d -> assertThat(d).contains("core.apps_name_twin").contains("covered by core.apps_name"));
        assertThat(c.details()).hasSize(2);
    }
}
