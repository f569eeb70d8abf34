package com.warden.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warden.app.WardenException;
import com.warden.app.job.JobContext;
import com.warden.app.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoSeederTest {
    static DataSource demo;

    @BeforeAll
    static void setUp() {
        demo = TestPostgres.demoDatabase("seeder").dataSource();
    }

    @Test
    void theDemoHasAboutFiftySessionsOverFiveApps() throws SQLException {
        assertThat(count(demo, "SELECT count(*) FROM core.sessions")).isBetween(45L, 60L);
        assertThat(count(demo, "SELECT count(*) FROM core.apps")).isEqualTo(5);
        assertThat(count(demo, "SELECT count(*) FROM core.messages")).isGreaterThan(500);
        assertThat(count(demo, "SELECT count(*) FROM core.image_assets")).isPositive();
        assertThat(count(demo, "SELECT count(*) FROM core.files WHERE is_binary")).isEqualTo(5);
    }

    @Test
    void theGoldenSessionIsThere() throws SQLException {
        assertThat(strings(demo, """
                SELECT f.path FROM core.working_set w JOIN core.files f ON f.id = w.file_id
                  JOIN core.sessions s ON s.id = w.session_id JOIN core.apps a ON a.id = s.app_id
                 WHERE s.title = 'Build a todo app with dark mode' AND a.name = 'Todo App' ORDER BY f.path"""))
                .containsExactly("src/App.tsx", "src/context/ThemeContext.tsx");
        assertThat(strings(demo, """
                SELECT m.key_facts->>'framework' FROM core.session_memory m JOIN core.sessions s ON s.id = m.session_id
                 WHERE s.title = 'Build a todo app with dark mode'""")).containsExactly("react");
        assertThat(strings(demo, """
                SELECT src.path FROM core.file_references r
                  JOIN core.files src ON src.id = r.src_file_id JOIN core.files dest ON dest.id = r.dest_file_id
                  JOIN core.apps a ON a.id = r.app_id
                 WHERE a.name = 'Todo App' AND dest.path = 'src/context/ThemeContext.tsx' ORDER BY src.path"""))
                .containsExactly("src/App.tsx", "src/components/TodoList.tsx");
        assertThat(count(demo, """
                SELECT count(*) FROM core.file_versions v JOIN core.files f ON f.id = v.file_id JOIN core.apps a ON a.id = f.app_id
                 WHERE a.name = 'Todo App' AND f.path = 'src/App.tsx'""")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void everyDigestIsTheRealDigestOfItsContent() throws SQLException {
        assertThat(count(demo, "SELECT count(*) FROM core.verify_file_checksums() WHERE NOT matches")).isZero();
        assertThat(count(demo, "SELECT count(*) FROM core.verify_file_checksums()")).isGreaterThan(50);
        assertThat(count(demo, "SELECT count(*) FROM core.verify_image_assets() WHERE job_status = 'done' AND NOT matches")).isZero();
        assertThat(count(demo, "SELECT count(*) FROM core.verify_head_pointers()")).isZero();
    }

    @Test
    void tokenCountsAreRealAndReferencesStayInsideTheirApp() throws SQLException {
        assertThat(count(demo, "SELECT count(*) FROM core.messages WHERE token_count = 0 AND length(content) > 0")).isZero();
        assertThat(count(demo, """
                SELECT count(*) FROM core.file_references r JOIN core.files s ON s.id = r.src_file_id
                  JOIN core.files d ON d.id = r.dest_file_id WHERE s.app_id <> r.app_id OR d.app_id <> r.app_id""")).isZero();
    }

    @Test
    void theIntegrityFunctionsReallyRecompute() throws SQLException {
        var copy = TestPostgres.demoDatabase("tamper").dataSource();
        try (Connection c = copy.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE core.file_versions SET content = content || ' ' WHERE id = (SELECT id FROM core.file_versions WHERE content IS NOT NULL LIMIT 1)")) {
            ps.executeUpdate();
        }
        assertThat(count(copy, "SELECT count(*) FROM core.verify_file_checksums() WHERE NOT matches")).isEqualTo(1);
    }

    @Test
    void theSameSeedGivesTheSameRowsAndAnotherSeedDoesNot() throws SQLException {
        var again = TestPostgres.migratedDatabase("seed_again").dataSource();
        new DemoSeeder(again).seed(Scale.S, DemoSeeder.DEFAULT_SEED, false, JobContext.none());
        var other = TestPostgres.migratedDatabase("seed_other").dataSource();
        new DemoSeeder(other).seed(Scale.S, 7, false, JobContext.none());
        assertThat(fingerprint(again)).isEqualTo(fingerprint(demo));
        assertThat(fingerprint(other)).isNotEqualTo(fingerprint(demo));
    }

    @Test
    void refusesToSeedOverDataWithoutClearAndKeepsWhatIsThere() throws SQLException {
        long before = count(demo, "SELECT count(*) FROM core.messages");
        assertThatThrownBy(() -> new DemoSeeder(demo).seed(Scale.S, 1, false, JobContext.none()))
                .isInstanceOf(WardenException.class).hasMessageContaining("already holds");
        assertThat(count(demo, "SELECT count(*) FROM core.messages")).isEqualTo(before);
    }

    @Test
    void refusesADatabaseWithoutTheProjectSchema() {
        var empty = TestPostgres.emptyDatabase("seed_empty").dataSource();
        assertThatThrownBy(() -> new DemoSeeder(empty).seed(Scale.S, 1, false, JobContext.none()))
                .isInstanceOf(WardenException.class)
                .satisfies(e -> assertThat(((WardenException) e).line()).contains("warden migrate"));
    }

    /** One digest over every table's rows in a stable order. */
    static List<String> fingerprint(DataSource ds) throws SQLException {
        List<String> parts = new ArrayList<>();
        for (String table : List.of("users", "apps", "app_collaborators", "sessions", "messages", "session_memory", "events",
                "files", "file_versions", "file_references", "working_set", "image_jobs", "image_assets")) {
            parts.addAll(strings(ds, "SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM core." + table + " t"));
        }
        return parts;
    }

    static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<String> strings(DataSource ds, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
