package com.warden.app.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warden.app.WardenException;
import com.warden.app.connect.Access;
import com.warden.app.connect.Database;
import com.warden.app.connect.ProfileResolver;
import com.warden.app.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The revert as seed 000's atomic write, on a fresh copy of the demo for each test. */
class VersionReverterTest {
    TestPostgres.TestDatabase copy;
    DataSource ds;
    Database rw;
    FileEntry app;

    @BeforeEach
    void setUp() {
        copy = TestPostgres.demoDatabase("revert");
        ds = copy.dataSource();
        rw = Database.open(copy.profile(), Access.READ_WRITE, ProfileResolver.system(), 12);
        FileHistory history = new FileHistory(rw);
        app = history.file(history.findApp("Todo App"), "src/App.tsx");
    }

    @AfterEach
    void tearDown() {
        rw.close();
    }

    @Test
    void makesAnOldVersionTheHeadAsVersionNPlusOneWithARecomputedDigest() throws SQLException {
        int n = app.versions();
        RevertResult r = new VersionReverter(rw).makeHead(app.id(), 1, null);
        assertThat(r.newVersion()).isEqualTo(n + 1);
        assertThat(r.restoredVersion()).isEqualTo(1);
        assertThat(r.previousHead()).isEqualTo(n);
        assertThat(r.createdBy()).isEqualTo("warden:postgres");
        assertThat(text("SELECT content FROM core.file_versions WHERE file_id = ? AND version = " + (n + 1)))
                .isEqualTo(text("SELECT content FROM core.file_versions WHERE file_id = ? AND version = 1"));
        assertThat(text("SELECT encode(sha256(convert_to(content, 'UTF8')), 'hex') FROM core.file_versions WHERE file_id = ? AND version = " + (n + 1)))
                .isEqualTo(r.sha256());
        assertThat(text("SELECT encode(sha256, 'hex') || ' ' || size_bytes || ' ' || (head_version_id = '" + r.newVersionId() + "') FROM core.files WHERE id = ?"))
                .isEqualTo(r.sha256() + " " + r.sizeBytes() + " true");
        assertThat(count("SELECT count(*) FROM core.verify_head_pointers()")).isZero();
        assertThat(count("SELECT count(*) FROM core.verify_file_checksums() WHERE NOT matches")).isZero();
    }

    @Test
    void aBinaryVersionIsRestoredAsBytes() throws SQLException {
        FileHistory history = new FileHistory(rw);
        FileEntry icon = history.file(history.findApp("Todo App"), "public/icon.png");
        TestFiles.addVersion(ds, icon.id(), 2, null, new byte[] {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 59});
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE core.files f SET head_version_id = v.id, sha256 = v.sha256, size_bytes = v.size_bytes"
                    + " FROM core.file_versions v WHERE v.file_id = f.id AND v.version = 2 AND f.id = '" + icon.id() + "'");
        }
        RevertResult r = new VersionReverter(rw).makeHead(icon.id(), 1, "tester@example.com");
        assertThat(r.newVersion()).isEqualTo(3);
        assertThat(r.createdBy()).isEqualTo("tester@example.com");
        assertThat(count("SELECT count(*) FROM core.file_versions a JOIN core.file_versions b ON a.file_id = b.file_id"
                + " WHERE a.version = 1 AND b.version = 3 AND a.content_bytes = b.content_bytes AND b.content IS NULL AND a.file_id = '" + icon.id() + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM core.verify_head_pointers()")).isZero();
    }

    @Test
    void twoRevertsAtTheSameMomentQueueOnTheRowLockAndBecomeNPlusOneAndNPlusTwo() throws Exception {
        int n = app.versions();
        VersionReverter first = new VersionReverter(rw);
        VersionReverter second = new VersionReverter(rw);
        CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        first.afterLock(() -> {
            firstHoldsTheLock.countDown();
            await(release);
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<RevertResult> a = pool.submit(() -> first.makeHead(app.id(), 1, "first"));
            assertThat(firstHoldsTheLock.await(10, TimeUnit.SECONDS)).isTrue();
            Future<RevertResult> b = pool.submit(() -> second.makeHead(app.id(), 2, "second"));
            // the second transaction really waits on the first one's row lock
            waitUntil(() -> count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND application_name = 'warden' AND wait_event_type = 'Lock'") == 1);
            assertThat(b.isDone()).isFalse();
            release.countDown();
            RevertResult ra = a.get(10, TimeUnit.SECONDS);
            RevertResult rb = b.get(10, TimeUnit.SECONDS);
            assertThat(ra.newVersion()).isEqualTo(n + 1);
            assertThat(rb.newVersion()).isEqualTo(n + 2);
            assertThat(rb.previousHead()).isEqualTo(n + 1);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertThat(count("SELECT count(*) FROM core.file_versions WHERE file_id = '" + app.id() + "'")).isEqualTo(n + 2);
        assertThat(text("SELECT created_by FROM core.file_versions v JOIN core.files f ON f.head_version_id = v.id WHERE f.id = ?"))
                .isEqualTo("second");
        assertThat(count("SELECT count(*) FROM core.verify_head_pointers()")).isZero();
    }

    @Test
    void eightConcurrentRevertsGiveEightNewNumbersAndLoseNone() throws Exception {
        int n = app.versions();
        int writers = 8;
        CyclicBarrier start = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<RevertResult>> results = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                int source = 1 + i % (n - 1); // older versions only: the head moves on with every revert
                String who = "writer-" + i;
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return new VersionReverter(rw).makeHead(app.id(), source, who);
                }));
            }
            List<Integer> numbers = new ArrayList<>();
            for (Future<RevertResult> f : results) {
                numbers.add(f.get(30, TimeUnit.SECONDS).newVersion());
            }
            assertThat(numbers).containsExactlyInAnyOrderElementsOf(range(n + 1, n + writers));
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT count(*) FROM core.file_versions WHERE file_id = '" + app.id() + "'")).isEqualTo(n + writers);
        assertThat(text("SELECT v.version::text FROM core.file_versions v JOIN core.files f ON f.head_version_id = v.id WHERE f.id = ?"))
                .isEqualTo(Integer.toString(n + writers));
        assertThat(count("SELECT count(*) FROM core.verify_head_pointers()")).isZero();
        assertThat(count("SELECT count(*) FROM core.verify_file_checksums() WHERE NOT matches")).isZero();
    }

    @Test
    void refusedOnAReadOnlyConnectionAndNothingChanges() throws SQLException {
        long before = count("SELECT count(*) FROM core.file_versions");
        try (Database ro = Database.open(copy.profile(), Access.READ_ONLY)) {
            assertThatThrownBy(() -> new VersionReverter(ro).makeHead(app.id(), 1, null))
                    .isInstanceOf(WardenException.class)
                    .hasMessage("Making a version the head needs a read-write connection; this one is read-only.");
        }
        assertThat(count("SELECT count(*) FROM core.file_versions")).isEqualTo(before);
    }

    @Test
    void writeAccessSaysWhyARevertCannotRunHere() throws SQLException {
        assertThat(VersionReverter.writeAccess(rw)).isEqualTo(new VersionReverter.WriteAccess(true, null));
        try (Database ro = Database.open(copy.profile(), Access.READ_ONLY)) {
            assertThat(VersionReverter.writeAccess(ro).reason()).isEqualTo("the connection is read-only");
        }
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP ROLE IF EXISTS files_reader");
            st.execute("CREATE ROLE files_reader LOGIN");
            st.execute("GRANT USAGE ON SCHEMA core TO files_reader");
            st.execute("GRANT SELECT ON ALL TABLES IN SCHEMA core TO files_reader");
        }
        var p = copy.profile();
        var reader = new com.warden.app.connect.ConnectionProfile(null, p.host(), p.port(), p.database(), "files_reader",
                p.sslMode(), null, null, null, null);
        try (Database db = Database.open(reader, Access.READ_WRITE)) {
            assertThat(VersionReverter.writeAccess(db).reason()).isEqualTo(
                    "files_reader may not write file versions (needs INSERT on core.file_versions and UPDATE on core.files)");
            assertThatThrownBy(() -> new VersionReverter(db).makeHead(app.id(), 1, null)).isInstanceOf(WardenException.class)
                    .hasMessageStartingWith("Too few privileges");
        }
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("ALTER ROLE files_reader SET default_transaction_read_only = on");
            st.execute("GRANT INSERT ON core.file_versions TO files_reader");
            st.execute("GRANT UPDATE ON core.files TO files_reader");
        }
        try (Database db = Database.open(reader, Access.READ_WRITE)) {
            assertThat(VersionReverter.writeAccess(db).reason())
                    .isEqualTo("transactions are read-only for files_reader here (default_transaction_read_only)");
            assertThatThrownBy(() -> new VersionReverter(db).makeHead(app.id(), 1, null)).isInstanceOf(WardenException.class)
                    .hasMessageStartingWith("This connection is read-only");
        }
        assertThat(count("SELECT count(*) FROM core.file_versions WHERE file_id = '" + app.id() + "'")).isEqualTo(app.versions());
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP OWNED BY files_reader");
            st.execute("DROP ROLE files_reader");
        }
    }

    @Test
    void theServerRefusesTooWhenTheConnectionIsReadOnly() throws SQLException {
        // belt and braces: even past the check, a read-only session cannot write
        long before = count("SELECT count(*) FROM core.file_versions");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("SET default_transaction_read_only = on");
            c.setAutoCommit(false);
            assertThatThrownBy(() -> st.executeUpdate("UPDATE core.files SET updated_at = now() WHERE id = '" + app.id() + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("read-only");
            c.rollback();
        }
        assertThat(count("SELECT count(*) FROM core.file_versions")).isEqualTo(before);
    }

    @Test
    void badRequestsAreRefusedAndNothingIsWritten() throws SQLException {
        long before = count("SELECT count(*) FROM core.file_versions");
        VersionReverter reverter = new VersionReverter(rw);
        assertThatThrownBy(() -> reverter.makeHead(app.id(), app.headVersion(), null)).isInstanceOf(WardenException.class)
                .hasMessage("src/App.tsx v" + app.headVersion() + " is already the head.");
        assertThatThrownBy(() -> reverter.makeHead(app.id(), 42, null)).isInstanceOf(WardenException.class)
                .hasMessage("src/App.tsx has no version 42.");
        UUID missing = UUID.randomUUID();
        assertThatThrownBy(() -> reverter.makeHead(missing, 1, null)).isInstanceOf(WardenException.class)
                .hasMessage("No file with id " + missing + ".");
        // a damaged version is not blessed with a fresh digest
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE core.file_versions SET content = content || ' ' WHERE file_id = ? AND version = 1")) {
            ps.setObject(1, app.id());
            ps.executeUpdate();
        }
        assertThatThrownBy(() -> reverter.makeHead(app.id(), 1, null)).isInstanceOf(WardenException.class)
                .hasMessage("src/App.tsx v1 no longer matches its recorded SHA-256; it was not made the head.");
        assertThat(count("SELECT count(*) FROM core.file_versions")).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM core.verify_head_pointers()")).isZero();
    }

    @Test
    void aLockHeldTooLongIsAClearLineAndNothingIsWritten() throws Exception {
        long before = count("SELECT count(*) FROM core.file_versions");
        try (Connection holder = ds.getConnection(); Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.execute("SELECT 1 FROM core.files WHERE id = '" + app.id() + "' FOR UPDATE");
            var p = copy.profile();
            var impatient = new com.warden.app.connect.ConnectionProfile(p.name(), p.host(), p.port(), p.database(), p.user(),
                    p.sslMode(), p.connectTimeout(), p.statementTimeout(), java.time.Duration.ofMillis(300), p.password());
            try (Database quick = Database.open(impatient, Access.READ_WRITE)) {
                assertThatThrownBy(() -> new VersionReverter(quick).makeHead(app.id(), 1, null))
                        .isInstanceOf(WardenException.class)
                        .hasMessage("Another writer holds this file right now (the lock wait ran out).");
            }
            holder.rollback();
        }
        assertThat(count("SELECT count(*) FROM core.file_versions")).isEqualTo(before);
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add(i);
        }
        return out;
    }

    private String text(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (sql.contains("?")) {
                ps.setObject(1, app.id());
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private long count(String sql) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in 10 s");
            }
            Thread.sleep(20);
        }
    }
}
