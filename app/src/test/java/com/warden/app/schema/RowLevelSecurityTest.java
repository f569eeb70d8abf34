package com.warden.app.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RLS as a role that neither owns the tables nor bypasses RLS (warden_rls_reader), with
 * app.current_user_id set per transaction.
 */
class RowLevelSecurityTest {
    static DataSource db;
    static final UUID ALICE = UUID.randomUUID();
    static final UUID BOB = UUID.randomUUID();
    static final UUID CAROL = UUID.randomUUID();
    static final UUID BOB_APP = UUID.randomUUID();
    static final UUID BOB_SESSION = UUID.randomUUID();
    static final UUID ALICE_APP = UUID.randomUUID();
    static final UUID ALICE_SESSION = UUID.randomUUID();

    @BeforeAll
    static void setUp() throws SQLException {
        db = TestPostgres.migratedDatabase("rls").dataSource();
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO core.users (id, email, display_name) VALUES ('" + ALICE + "', 'alice@example.com', 'Alice'), ('"
                    + BOB + "', 'bob@example.com', 'Bob'), ('" + CAROL + "', 'carol@example.com', 'Carol')");
            st.execute("INSERT INTO core.apps (id, owner_id, name) VALUES ('" + BOB_APP + "', '" + BOB + "', 'Bob app'), ('"
                    + ALICE_APP + "', '" + ALICE + "', 'Alice app')");
            st.execute("INSERT INTO core.app_collaborators (app_id, user_id) VALUES ('" + BOB_APP + "', '" + CAROL + "')");
            st.execute("INSERT INTO core.sessions (id, user_id, app_id, title) VALUES ('" + BOB_SESSION + "', '" + BOB + "', '"
                    + BOB_APP + "', 'Bob private'), ('" + ALICE_SESSION + "', '" + ALICE + "', '" + ALICE_APP + "', 'Alice private')");
            st.execute("INSERT INTO core.messages (session_id, role, content) VALUES ('" + BOB_SESSION + "', 'user', 'secret of bob')");
        }
    }

    @Test
    void aUserDoesNotSeeAnotherUsersSessions() throws SQLException {
        assertThat(sessionsVisibleTo(ALICE)).containsExactly("Alice private");
        assertThat(sessionsVisibleTo(BOB)).containsExactly("Bob private");
    }

    @Test
    void aCollaboratorSeesTheAppsSessionsAndTheirMessages() throws SQLException {
        assertThat(sessionsVisibleTo(CAROL)).containsExactly("Bob private");
        assertThat(countAs(CAROL, "SELECT count(*) FROM core.messages")).isEqualTo(1);
        assertThat(countAs(ALICE, "SELECT count(*) FROM core.messages")).isZero();
    }

    @Test
    void anUnsetUserSeesNothingAndRaisesNoError() throws SQLException {
        assertThat(countAs(null, "SELECT count(*) FROM core.sessions")).isZero();
    }

    @Test
    void theTableOwnerIsNotBoundWhichIsWhyViewAsUserSwitchesRole() throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM core.sessions")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(2);
        }
    }

    static List<String> sessionsVisibleTo(UUID user) throws SQLException {
        List<String> titles = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            asUser(c, user);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT title FROM core.sessions ORDER BY title")) {
                while (rs.next()) {
                    titles.add(rs.getString(1));
                }
            }
            c.rollback();
        }
        return titles;
    }

    static long countAs(UUID user, String sql) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            asUser(c, user);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                long n = rs.getLong(1);
                c.rollback();
                return n;
            }
        }
    }

    private static void asUser(Connection c, UUID user) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL ROLE warden_rls_reader");
        }
        if (user != null) {
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config('app.current_user_id', ?, true)")) {
                ps.setString(1, user.toString());
                ps.execute();
            }
        }
    }
}
