package com.warden.app.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warden.app.WardenException;
import com.warden.app.connect.Access;
import com.warden.app.connect.ConnectionProfile;
import com.warden.app.connect.Database;
import com.warden.app.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * View as user: RLS applied through warden_rls_reader with app.current_user_id per read-only
 * transaction, and a plain statement when the connected role cannot honour it.
 */
class ViewAsUserTest {
    static final UUID ALICE = UUID.randomUUID();
    static final UUID BOB = UUID.randomUUID();
    static final UUID CAROL = UUID.randomUUID();
    static final UUID BOB_APP = UUID.randomUUID();
    static final UUID ALICE_APP = UUID.randomUUID();
    static final UUID BOB_SESSION = UUID.randomUUID();
    static final UUID ALICE_SESSION = UUID.randomUUID();
    static TestPostgres.TestDatabase t;
    static Database superuser;
    static SessionBrowser browser;
    static final List<Database> opened = new ArrayList<>();

    @BeforeAll
    static void setUp() throws SQLException {
        t = TestPostgres.migratedDatabase("view_as");
        DataSource admin = t.dataSource();
        try (Connection c = admin.getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO core.users (id, email, display_name) VALUES ('" + ALICE + "', 'alice@example.com', 'Alice'), ('"
                    + BOB + "', 'bob@example.com', 'Bob'), ('" + CAROL + "', 'carol@example.com', 'Carol')");
            st.execute("INSERT INTO core.apps (id, owner_id, name) VALUES ('" + BOB_APP + "', '" + BOB + "', 'Bob app'), ('"
                    + ALICE_APP + "', '" + ALICE + "', 'Alice app')");
            st.execute("INSERT INTO core.app_collaborators (app_id, user_id) VALUES ('" + BOB_APP + "', '" + CAROL + "')");
            st.execute("INSERT INTO core.sessions (id, user_id, app_id, title) VALUES ('" + BOB_SESSION + "', '" + BOB + "', '"
                    + BOB_APP + "', 'Bob private'), ('" + ALICE_SESSION + "', '" + ALICE + "', '" + ALICE_APP + "', 'Alice private')");
            st.execute("INSERT INTO core.messages (session_id, role, content) VALUES ('" + BOB_SESSION + "', 'user', 'secret of bob'), ('"
                    + ALICE_SESSION + "', 'user', 'note of alice')");
            st.execute("INSERT INTO core.session_memory (session_id, rolling_summary) VALUES ('" + BOB_SESSION + "', 'bob summary')");
            st.execute("INSERT INTO core.events (session_id, kind, payload) VALUES ('" + BOB_SESSION + "', 'decision', '{\"summary\": \"bob decided\"}')");
            // a monitoring role RLS binds, and a BYPASSRLS role that may not switch roles
            st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'warden_plain') THEN "
                    + "CREATE ROLE warden_plain LOGIN; END IF; "
                    + "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'warden_bypass') THEN "
                    + "CREATE ROLE warden_bypass LOGIN BYPASSRLS; END IF; END $$");
            st.execute("GRANT USAGE ON SCHEMA core TO warden_plain, warden_bypass");
            st.execute("GRANT SELECT ON ALL TABLES IN SCHEMA core TO warden_plain, warden_bypass");
        }
        superuser = open(t.profile());
        browser = new SessionBrowser(superuser);
    }

    static Database open(ConnectionProfile profile) {
        Database db = Database.open(profile, Access.READ_ONLY);
        opened.add(db);
        return db;
    }

    static ConnectionProfile as(String role) {
        ConnectionProfile p = t.profile();
        return new ConnectionProfile(null, p.host(), p.port(), p.database(), role, p.sslMode(), null, null, null, null);
    }

    @AfterAll
    static void close() {
        opened.forEach(Database::close);
    }

    static List<String> titles(SessionBrowser b) {
        return b.list(SessionFilter.none(), null, 50).rows().stream().map(SessionRow::title).sorted().toList();
    }

    @Test
    void aSuperuserSeesEverythingAndIsToldWhy() {
        RlsStatus status = browser.rlsStatus();
        assertThat(status.superuser()).isTrue();
        assertThat(status.connectedRoleBypasses()).isTrue();
        assertThat(status.mode()).isEqualTo(RlsStatus.Mode.SWITCH_ROLE);
        assertThat(status.line()).startsWith("Connected as postgres, which is a superuser: row-level security does not bind it")
                .contains("switches to warden_rls_reader");
        assertThat(titles(browser)).containsExactly("Alice private", "Bob private");
    }

    @Test
    void viewAsUserHidesAnotherUsersSessions() {
        SessionBrowser alice = browser.viewAs(browser.userByEmail("alice@example.com"));
        assertThat(titles(alice)).containsExactly("Alice private");
        assertThat(titles(browser.viewAs(browser.userByEmail("bob@example.com")))).containsExactly("Bob private");
        // a collaborator of Bob's app sees its session, its messages, memory and decisions
        SessionBrowser carol = browser.viewAs(browser.userByEmail("carol@example.com"));
        assertThat(titles(carol)).containsExactly("Bob private");
        assertThat(carol.latest(BOB_SESSION, 10).rows()).extracting(MessageRow::content).containsExactly("secret of bob");
        assertThat(carol.detail(BOB_SESSION).memory().rollingSummary()).isEqualTo("bob summary");
        assertThat(carol.decisions(BOB_SESSION, 5)).extracting(Decision::summary).containsExactly("bob decided");
    }

    @Test
    void whatIsHiddenIsNotFoundNotLeaked() {
        SessionBrowser alice = browser.viewAs(browser.userByEmail("alice@example.com"));
        assertThatThrownBy(() -> alice.detail(BOB_SESSION)).isInstanceOf(SessionNotFoundException.class)
                .hasMessage("No session with id " + BOB_SESSION + " is visible to alice@example.com.");
        assertThatThrownBy(() -> alice.latest(BOB_SESSION, 10)).isInstanceOf(SessionNotFoundException.class);
        assertThatThrownBy(() -> alice.prelude(BOB_SESSION, PreludeOptions.defaults())).isInstanceOf(SessionNotFoundException.class);
        assertThat(alice.decisions(BOB_SESSION, 5)).isEmpty();
        assertThat(alice.workingSet(BOB_SESSION)).isEmpty();
    }

    @Test
    void theRoleSwitchEndsWithEachTransaction() {
        SessionBrowser alice = browser.viewAs(browser.userByEmail("alice@example.com"));
        for (int i = 0; i < 10; i++) {
            assertThat(titles(alice)).containsExactly("Alice private");
            // the same pooled connections, back to the connected role: everything again
            assertThat(titles(browser)).containsExactly("Alice private", "Bob private");
        }
        String role = superuser.withConnection(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT current_user || '/' || coalesce(current_setting('app.current_user_id', true), '')")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(role).isEqualTo("postgres/");
    }

    @Test
    void aRoleThatRlsBindsSeesNothingUntilAUserIsChosen() {
        SessionBrowser plain = new SessionBrowser(open(as("warden_plain")));
        RlsStatus status = plain.rlsStatus();
        assertThat(status.connectedRoleBypasses()).isFalse();
        assertThat(status.mode()).isEqualTo(RlsStatus.Mode.CONNECTED_ROLE);
        assertThat(status.line()).contains("which row-level security binds: with no user chosen, no session is visible");
        assertThat(titles(plain)).isEmpty();
        assertThat(titles(plain.viewAs(plain.userByEmail("alice@example.com")))).containsExactly("Alice private");
    }

    @Test
    void aBypassingRoleThatCannotSwitchIsToldPlainly() {
        SessionBrowser bypass = new SessionBrowser(open(as("warden_bypass")));
        RlsStatus status = bypass.rlsStatus();
        assertThat(status.connectedRoleBypasses()).isTrue();
        assertThat(status.mode()).isEqualTo(RlsStatus.Mode.UNAVAILABLE);
        assertThat(status.line()).isEqualTo("Connected as warden_bypass, which has BYPASSRLS: row-level security does not bind it, "
                + "so without a user chosen every session is shown. View as user cannot honour RLS here: the connected role "
                + "warden_bypass may not SET ROLE warden_rls_reader (GRANT warden_rls_reader TO warden_bypass).");
        assertThatThrownBy(() -> bypass.viewAs(bypass.userByEmail("alice@example.com")))
                .isInstanceOf(WardenException.class).hasMessageStartingWith("Cannot view as alice@example.com: the connected role");
        assertThat(titles(bypass)).containsExactly("Alice private", "Bob private");
    }
}
