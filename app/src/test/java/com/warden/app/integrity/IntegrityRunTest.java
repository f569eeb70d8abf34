package com.warden.app.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warden.app.WardenException;
import com.warden.app.connect.Access;
import com.warden.app.connect.ConnectionProfile;
import com.warden.app.connect.Database;
import com.warden.app.job.CancellableJob;
import com.warden.app.job.JobContext;
import com.warden.app.report.Finding;
import com.warden.app.report.Severity;
import com.warden.app.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cancel, a lost connection, rows that change during the scan, the app filter, constraints, amcheck, big values. */
class IntegrityRunTest {

    private static final String WAITING_SCANS = """
            SELECT count(*) FROM pg_stat_activity
             WHERE application_name = 'warden integrity' AND wait_event_type = 'Lock'""";
    private static final String ACTIVE_SCANS = """
            SELECT count(*) FROM pg_stat_activity WHERE application_name = 'warden integrity' AND state = 'active'""";

    @Test
    void cancelStopsTheStatementOnTheServer() throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("cancel");
        try (Connection locker = db.dataSource().getConnection(); Database database = Database.open(db.profile(), Access.READ_ONLY)) {
            lock(locker, "core.working_set");
            CancellableJob job = new CancellableJob(p -> { });
            CompletableFuture<IntegrityReport> run = CompletableFuture.supplyAsync(
                    () -> new IntegrityScanner(database).run(IntegrityOptions.defaults(), job));
            awaitCount(db, WAITING_SCANS, 1);
            job.cancel();
            IntegrityReport report = run.get(20, TimeUnit.SECONDS);
            // the lock is still held: had the cancel not reached the server, its backend would still wait
            assertThat(count(db, ACTIVE_SCANS)).isZero();
            assertThat(report.status()).isEqualTo(ScanStatus.CANCELLED);
            assertThat(report.stoppedAt()).startsWith("Cancelled while checking ").contains("stray rows of core.working_set");
            assertThat(report.rechecked()).isFalse();
            locker.rollback();
        }
    }

    @Test
    void aLostConnectionSaysWhereItStoppedAndWritesNothingHalf(@TempDir Path home) throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("lost");
        Faults faults = new Faults(db.dataSource());
        UUID bad = faults.version("Todo App", "src/App.tsx", 1);
        faults.update("UPDATE core.file_versions SET sha256 = sha256('x'::bytea) WHERE id = ?", bad);
        IntegrityReport report;
        try (Connection locker = db.dataSource().getConnection(); Database database = Database.open(db.profile(), Access.READ_ONLY)) {
            lock(locker, "core.working_set");
            CompletableFuture<IntegrityReport> run = CompletableFuture.supplyAsync(
                    () -> new IntegrityScanner(database).run(IntegrityOptions.defaults(), JobContext.none()));
            awaitCount(db, WAITING_SCANS, 1);
            try (Connection admin = db.dataSource().getConnection(); Statement st = admin.createStatement()) {
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'warden integrity'");
            }
            report = run.get(20, TimeUnit.SECONDS);
            locker.rollback();
            // the pool recovers: a new scan on the same Database works
            IntegrityReport again = new IntegrityScanner(database).run(IntegrityOptions.defaults()
                    .withGroups(Set.of(CheckGroup.VERSIONS)), JobContext.none());
            assertThat(again.status()).isEqualTo(ScanStatus.COMPLETE);
            assertThat(again.findings()).extracting(Finding::rowId).containsExactly(bad.toString());
        }
        assertThat(report.status()).isEqualTo(ScanStatus.INTERRUPTED);
        assertThat(report.stoppedAt())
                .startsWith("Connection lost while checking ")
                .contains("stray rows of core.working_set")
                .contains("(terminating connection due to administrator command)")
                .contains("Finished: File version digests (server)")
                .contains("Not started: Files and head pointers")
                .contains("Orphans and strays: ");
        assertThat(report.findings()).extracting(Finding::rowId).contains(bad.toString());
        assertThat(report.rechecked()).isFalse();
        assertThat(report.summaryLine()).startsWith("Connection lost after");

        IntegrityHistory history = new IntegrityHistory(home);
        history.record(report);
        assertThat(history.runs(report.target())).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(ScanStatus.INTERRUPTED));
        assertThat(history.lastFinished(report.target())).isNull();
        try (Stream<Path> files = Files.walk(home)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".part"))).isEmpty();
        }
    }

    @Test
    void aFindingFixedDuringTheScanIsDroppedOnRecheck() throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("recheck");
        Faults faults = new Faults(db.dataSource());
        UUID v = faults.version("Expense Tracker", "src/App.tsx", 1);
        faults.update("UPDATE core.file_versions SET content = content || ' ' WHERE id = ?", v);
        try (Connection locker = db.dataSource().getConnection(); Database database = Database.open(db.profile(), Access.READ_ONLY)) {
            lock(locker, "core.working_set");
            CompletableFuture<IntegrityReport> run = CompletableFuture.supplyAsync(
                    () -> new IntegrityScanner(database).run(IntegrityOptions.defaults().withMode(ScanMode.BOTH), JobContext.none()));
            awaitCount(db, WAITING_SCANS, 1);
            // the scan's snapshot still has the fault; the row is repaired before the re-check
            faults.update("UPDATE core.file_versions SET content = left(content, -1) WHERE id = ?", v);
            locker.rollback();
            IntegrityReport report = run.get(30, TimeUnit.SECONDS);
            assertThat(report.status()).isEqualTo(ScanStatus.COMPLETE);
            assertThat(report.findings()).isEmpty();
            assertThat(report.droppedOnRecheck()).singleElement().satisfies(f -> {
                assertThat(f.rowId()).isEqualTo(v.toString());
                assertThat(f.seenBy()).containsExactly("server", "client");
            });
            assertThat(report.notes()).anySatisfy(n -> assertThat(n).contains("no longer held when re-checked"));
        }
    }

    @Test
    void theAppFilterLimitsTheScanAndNamesMustBeClear() throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("app filter");
        Faults faults = new Faults(db.dataSource());
        UUID v = faults.head("Weather Dashboard", "src/App.tsx");
        faults.update("UPDATE core.file_versions SET sha256 = sha256('x'::bytea) WHERE id = ?", v);
        IntegrityReport todo = IntegrityScannerTest.scan(db, IntegrityOptions.defaults().withApp("Todo App").withMode(ScanMode.BOTH));
        assertThat(todo.findings()).isEmpty();
        assertThat(todo.target().app()).isEqualTo("Todo App");
        assertThat(todo.checks()).filteredOn(c -> c.check().equals("versions")).allSatisfy(c ->
                assertThat(c.rows()).isEqualTo(IntegrityScannerTest.count(db, """
                        SELECT count(*) FROM core.file_versions v JOIN core.files f ON f.id = v.file_id JOIN core.apps a ON a.id = f.app_id
                         WHERE a.name = 'Todo App'""")));
        IntegrityReport weather = IntegrityScannerTest.scan(db, IntegrityOptions.defaults().withApp("Weather Dashboard"));
        assertThat(weather.findings()).extracting(Finding::rowId).containsExactly(v.toString());
        assertThat(weather.target().historyKey()).contains("_app-");

        assertThatThrownBy(() -> IntegrityScannerTest.scan(db, IntegrityOptions.defaults().withApp("Todo")))
                .isInstanceOf(WardenException.class)
                .hasMessage("No app is named 'Todo'.")
                .satisfies(e -> assertThat(((WardenException) e).hint()).contains("'Todo App'"));
        faults.update("""
                INSERT INTO core.apps (owner_id, name)
                SELECT u.id, 'Todo App' FROM core.users u WHERE u.id <> (SELECT owner_id FROM core.apps WHERE name = 'Todo App')
                 LIMIT 1""");
        assertThatThrownBy(() -> IntegrityScannerTest.scan(db, IntegrityOptions.defaults().withApp("Todo App")))
                .isInstanceOf(WardenException.class)
                .hasMessage("The app name 'Todo App' is used by 2 apps.")
                .satisfies(e -> assertThat(((WardenException) e).hint()).startsWith("give the app's id instead"));
        assertThatThrownBy(() -> IntegrityScannerTest.scan(db, IntegrityOptions.defaults().withApp(UUID.randomUUID().toString())))
                .isInstanceOf(WardenException.class).hasMessageStartingWith("No app has the id");
    }

    @Test
    void notValidConstraintsAreCheckedByQuery() throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("not valid");
        Faults faults = new Faults(db.dataSource());
        faults.execute("ALTER TABLE core.messages ADD CONSTRAINT messages_short CHECK (length(content) < 40) NOT VALID");
        faults.execute("ALTER TABLE core.apps ADD CONSTRAINT apps_named CHECK (length(name) > 1) NOT VALID");
        // a working-set row for a file that is gone, under a foreign key added NOT VALID afterwards
        UUID session = faults.uuid("SELECT id FROM core.sessions WHERE title = 'Build a todo app with dark mode'");
        UUID app = faults.uuid("SELECT id FROM core.apps WHERE name = 'Todo App'");
        UUID missing = UUID.randomUUID();
        faults.execute("ALTER TABLE core.working_set DROP CONSTRAINT working_set_file_id_app_id_fkey");
        faults.update("INSERT INTO core.working_set (session_id, app_id, file_id, reason) VALUES (?, ?, ?, 'gone')", session, app, missing);
        faults.execute("""
                ALTER TABLE core.working_set ADD CONSTRAINT working_set_file_fk FOREIGN KEY (file_id, app_id)
                    REFERENCES core.files (id, app_id) NOT VALID""");
        faults.execute("ALTER TABLE core.file_references DISABLE TRIGGER ALL");

        IntegrityReport report = IntegrityScannerTest.scan(db, IntegrityOptions.defaults()
                .withGroups(Set.of(CheckGroup.ORPHANS, CheckGroup.CONSTRAINTS)));
        long longMessages = IntegrityScannerTest.count(db, "SELECT count(*) FROM core.messages WHERE length(content) >= 40");
        assertThat(longMessages).isGreaterThan(ConstraintsAndIndexes.ROW_LIMIT);
        assertThat(report.findings()).filteredOn(f -> f.code().equals("check-violation")).hasSize(ConstraintsAndIndexes.ROW_LIMIT)
                .allSatisfy(f -> assertThat(f.table()).isEqualTo("core.messages"));
        assertThat(report.findings()).filteredOn(f -> f.code().equals("constraint-violations-more")).singleElement()
                .satisfies(f -> assertThat(f.rowId()).isEqualTo("messages_short"));
        assertThat(report.findings()).filteredOn(f -> f.code().equals("constraint-not-validated")).singleElement()
                .satisfies(f -> {
                    assertThat(f.rowId()).isEqualTo("apps_named");
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                });
        // the stray working-set row is reported once, by the specific check, which names the constraint too
        String row = session + "/" + missing;
        assertThat(report.findings()).filteredOn(f -> f.rowId().equals(row)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("working-set-missing");
            assertThat(f.detail()).contains("also violates the NOT VALID constraint working_set_file_fk");
        });
        assertThat(report.findings()).filteredOn(f -> f.code().equals("fk-not-enforced"))
                .isNotEmpty().allSatisfy(f -> {
                    assertThat(f.table()).isEqualTo("core.file_references");
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                });
    }

    @Test
    void amcheckVerifiesEveryCoreBtreeIndexWhenItIsInstalled() throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("amcheck");
        new Faults(db.dataSource()).execute("CREATE EXTENSION amcheck");
        IntegrityReport report = IntegrityScannerTest.scan(db, IntegrityOptions.defaults().withHeapAllIndexed(true)
                .withGroups(Set.of(CheckGroup.CONSTRAINTS)));
        assertThat(report.status()).isEqualTo(ScanStatus.COMPLETE);
        assertThat(report.findings()).isEmpty();
        assertThat(report.notes()).anySatisfy(n -> assertThat(n).startsWith("amcheck 1.").contains("verified with bt_index_check"));
    }

    @Test
    void aRestrictedRoleIsToldWhatItCouldNotSee() throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("restricted");
        Faults faults = new Faults(db.dataSource());
        faults.execute("CREATE EXTENSION amcheck");
        faults.execute("DO $$ BEGIN CREATE ROLE integrity_reader LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        faults.execute("GRANT USAGE ON SCHEMA core TO integrity_reader");
        faults.execute("GRANT SELECT ON ALL TABLES IN SCHEMA core TO integrity_reader");
        faults.execute("REVOKE SELECT ON core.image_assets FROM integrity_reader");
        ConnectionProfile base = db.profile();
        ConnectionProfile reader = new ConnectionProfile(null, base.host(), base.port(), base.database(), "integrity_reader",
                base.sslMode(), null, null, null, null);
        IntegrityReport report;
        try (Database database = Database.open(reader, Access.READ_ONLY)) {
            report = new IntegrityScanner(database).run(IntegrityOptions.defaults(), JobContext.none());
        }
        assertThat(report.status()).isEqualTo(ScanStatus.PARTIAL);
        assertThat(report.notes()).anySatisfy(n -> assertThat(n).startsWith("Row-level security applies to this role"));
        assertThat(report.notes()).anySatisfy(n -> assertThat(n).contains("may not execute bt_index_check"));
        assertThat(report.notes()).anySatisfy(n -> assertThat(n).contains("too few privileges").contains("image_assets"));
        assertThat(report.checks()).filteredOn(c -> c.check().equals("images")).allSatisfy(c ->
                assertThat(c.state()).isEqualTo(CheckSummary.FAILED));
    }

    @Test
    void bigValuesStreamInSlicesAndAreStillChecked() throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("big values");
        Faults faults = new Faults(db.dataSource());
        UUID app = faults.uuid("SELECT id FROM core.apps WHERE name = 'Markdown Blog'");
        // 20 MB of text (sliced), 200 kB of text (a deferred batch), 9 MB of bytes (sliced), and one wrong digest
        UUID big = addFile(faults, app, "big/huge.txt", "repeat('0123456789abcdef', 1250000)", false, true);
        addFile(faults, app, "big/medium.txt", "repeat('ünïcödé ', 20000)", false, true);
        addFile(faults, app, "big/blob.bin", "decode(repeat('00ff7f80', 2359296), 'hex')", true, true);
        UUID wrong = addFile(faults, app, "big/wrong.bin", "decode(repeat('0a0b0c0d', 2400000), 'hex')", true, false);
        for (ScanMode mode : List.of(ScanMode.CLIENT, ScanMode.SERVER)) {
            IntegrityReport report = IntegrityScannerTest.scan(db, IntegrityOptions.defaults().withMode(mode)
                    .withGroups(Set.of(CheckGroup.VERSIONS)));
            assertThat(report.findings()).as(mode.name() + " " + report.checks() + report.notes()).singleElement().satisfies(f -> {
                assertThat(f.rowId()).isEqualTo(wrong.toString());
                assertThat(f.found()).contains("9,600,000 bytes");
            });
            assertThat(report.checks().get(0).bytes()).isEqualTo(IntegrityScannerTest.count(db,
                    "SELECT sum(size_bytes) FROM core.file_versions WHERE id <> '" + wrong + "'") + 9_600_000L);
        }
        assertThat(big).isNotNull();
    }

    /** A file with one version whose content is the SQL expression; its digest right or deliberately wrong. */
    private static UUID addFile(Faults faults, UUID app, String path, String expression, boolean binary, boolean rightDigest)
            throws SQLException {
        String bytes = binary ? expression : "convert_to(" + expression + ", 'UTF8')";
        String content = binary ? "NULL" : expression;
        String contentBytes = binary ? expression : "NULL";
        String digest = rightDigest ? "sha256(" + bytes + ")" : "sha256('wrong'::bytea)";
        UUID version = faults.uuid("""
                WITH f AS (INSERT INTO core.files (app_id, path, is_binary, size_bytes, sha256)
                           VALUES (?, ?, ?, octet_length(%1$s), %4$s) RETURNING id)
                INSERT INTO core.file_versions (file_id, version, content, content_bytes, sha256, size_bytes)
                SELECT f.id, 1, %2$s, %3$s, %4$s, octet_length(%1$s) FROM f RETURNING id
                """.formatted(bytes, content, contentBytes, digest), app, path, binary);
        faults.update("UPDATE core.files f SET head_version_id = v.id FROM core.file_versions v WHERE v.id = ? AND f.id = v.file_id",
                version);
        return version;
    }

    @Test
    void notAProjectDatabaseIsSaidPlainly() {
        TestPostgres.TestDatabase db = TestPostgres.emptyDatabase("not a project");
        assertThatThrownBy(() -> IntegrityScannerTest.scan(db, ScanMode.SERVER))
                .isInstanceOf(WardenException.class)
                .hasMessage("Not a project database: there is no schema core.");
    }

    @Test
    void progressReportsRowsSpeedAndTheEnd() {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("progress");
        List<ScanProgress> seen = new ArrayList<>();
        List<Long> fractions = new ArrayList<>();
        try (Database database = Database.open(db.profile(), Access.READ_ONLY)) {
            new IntegrityScanner(database).run(IntegrityOptions.defaults().withMode(ScanMode.CLIENT), new JobContext() {
                @Override public void progress(long done, long total, String message) { fractions.add(done); }
                @Override public boolean isCancelled() { return false; }
                @Override public void onCancel(Runnable action) { }
            }, seen::add);
        }
        ScanProgress last = seen.get(seen.size() - 1);
        assertThat(last.fraction()).isEqualTo(1.0);
        assertThat(last.rowsDone()).isPositive();
        assertThat(last.bytesDone()).isPositive();
        assertThat(last.line()).startsWith("Done").contains("rows");
        assertThat(fractions).isSorted();
        assertThat(fractions.get(fractions.size() - 1)).isEqualTo(1000L);
    }

    // ------------------------------------------------------------ helpers

    private static void lock(Connection locker, String table) throws SQLException {
        locker.setAutoCommit(false);
        try (Statement st = locker.createStatement()) {
            st.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
        }
    }

    private static void awaitCount(TestPostgres.TestDatabase db, String sql, long wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
        while (System.nanoTime() < deadline) {
            if (count(db, sql) >= wanted) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("never reached: " + sql);
    }

    private static long count(TestPostgres.TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
