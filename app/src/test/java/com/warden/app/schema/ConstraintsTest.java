package com.warden.app.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warden.app.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The schema refuses bad rows, and keeps the rows it has when it does. */
class ConstraintsTest {
    static DataSource db;
    static UUID user;
    static UUID otherUser;
    static UUID app;
    static UUID otherApp;
    static UUID session;
    static UUID file;
    static UUID otherAppFile;

    @BeforeAll
    static void setUp() throws SQLException {
        db = TestPostgres.migratedDatabase("constraints").dataSource();
        user = UUID.randomUUID();
        otherUser = UUID.randomUUID();
        app = UUID.randomUUID();
        otherApp = UUID.randomUUID();
        session = UUID.randomUUID();
        file = UUID.randomUUID();
        otherAppFile = UUID.randomUUID();
        exec("INSERT INTO core.users (id, email, display_name) VALUES (?, 'a@example.com', 'A'), (?, 'b@example.com', 'B')", user, otherUser);
        exec("INSERT INTO core.apps (id, owner_id, name) VALUES (?, ?, 'One'), (?, ?, 'Two')", app, user, otherApp, otherUser);
        exec("INSERT INTO core.sessions (id, user_id, app_id, title) VALUES (?, ?, ?, 'S')", session, user, app);
        exec("INSERT INTO core.files (id, app_id, path) VALUES (?, ?, 'src/a.ts'), (?, ?, 'src/b.ts')", file, app, otherAppFile, otherApp);
    }

    @Test
    void rejectsAnUnknownMessageRole() {
        assertRejected("INSERT INTO core.messages (session_id, role, content) VALUES (?, 'robot', 'hi')", "check", session);
    }

    @Test
    void rejectsAnUnknownSessionStatus() {
        assertRejected("INSERT INTO core.sessions (user_id, app_id, title, status) VALUES (?, ?, 'x', 'deleted')", "check", user, app);
    }

    @Test
    void rejectsNegativeSizesAndTokenCounts() {
        assertRejected("INSERT INTO core.messages (session_id, role, content, token_count) VALUES (?, 'user', 'hi', -1)", "check", session);
        assertRejected("INSERT INTO core.file_versions (file_id, version, content, sha256, size_bytes) "
                + "VALUES (?, 1, 'x', sha256('x'::bytea), -5)", "check", file);
    }

    @Test
    void rejectsVersionZeroAndDigestsThatAreNot32Bytes() {
        assertRejected("INSERT INTO core.file_versions (file_id, version, content, sha256, size_bytes) "
                + "VALUES (?, 0, 'x', sha256('x'::bytea), 1)", "check", file);
        assertRejected("INSERT INTO core.file_versions (file_id, version, content, sha256, size_bytes) "
                + "VALUES (?, 1, 'x', '\\x0102'::bytea, 1)", "check", file);
    }

    @Test
    void rejectsAVersionWithBothTextAndBytes() {
        assertRejected("INSERT INTO core.file_versions (file_id, version, content, content_bytes, sha256, size_bytes) "
                + "VALUES (?, 1, 'x', '\\x78'::bytea, sha256('x'::bytea), 1)", "check", file);
    }

    @Test
    void rejectsAReferenceAcrossApps() {
        assertRejected("INSERT INTO core.file_references (app_id, src_file_id, dest_file_id, ref_type) VALUES (?, ?, ?, 'import')",
                "foreign key", app, file, otherAppFile);
    }

    @Test
    void rejectsAnUnknownReferenceType() {
        assertRejected("INSERT INTO core.file_references (app_id, src_file_id, dest_file_id, ref_type) VALUES (?, ?, ?, 'link')",
                "check", app, file, file);
    }

    @Test
    void rejectsAMessageOfAMissingSession() {
        assertRejected("INSERT INTO core.messages (session_id, role, content) VALUES (?, 'user', 'x')", "foreign key", UUID.randomUUID());
    }

    @Test
    void rejectsAHeadPointerToNowhereAtCommit() throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("UPDATE core.files SET head_version_id = ? WHERE id = ?")) {
                ps.setObject(1, UUID.randomUUID());
                ps.setObject(2, file);
                ps.executeUpdate(); // deferred: accepted until commit
            }
            assertThatThrownBy(c::commit).isInstanceOf(SQLException.class).hasMessageContaining("files_head_version_fk");
        }
        assertThat(count("SELECT count(*) FROM core.files WHERE id = ? AND head_version_id IS NULL", file)).isEqualTo(1);
    }

    @Test
    void storesAHundredKilobyteMessage() throws SQLException {
        // with content in the covering index this failed: "index row size exceeds btree version 4 maximum"
        StringBuilder content = new StringBuilder();
        java.util.Random random = new java.util.Random(7);
        while (content.length() < 100_000) {
            content.append(Long.toHexString(random.nextLong())).append(' ');
        }
        exec("INSERT INTO core.messages (session_id, role, content, token_count) VALUES (?, 'assistant', ?, 1)", session, content.toString());
        assertThat(count("SELECT count(*) FROM core.messages WHERE session_id = ? AND length(content) >= 100000", session)).isEqualTo(1);
    }

    @Test
    void messagesIndexLeavesContentOut() throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT indexdef FROM pg_indexes WHERE indexname = 'messages_session_created_covering'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).contains("INCLUDE (role, model, token_count)").doesNotContain("content");
        }
    }

    @Test
    void aFailedInsertLosesNothingElse() throws SQLException {
        long before = count("SELECT count(*) FROM core.sessions");
        assertRejected("INSERT INTO core.sessions (user_id, app_id, title, status) VALUES (?, ?, 'x', 'bogus')", "check", user, app);
        assertThat(count("SELECT count(*) FROM core.sessions")).isEqualTo(before);
    }

    private static void assertRejected(String sql, String kind, Object... params) {
        assertThatThrownBy(() -> exec(sql, params)).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(e.getMessage().toLowerCase()).contains(kind));
    }

    static void exec(String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    static long count(String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
