package com.warden.app.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.warden.app.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EXPLAIN of every browser query, on a database with enough rows for the planner to care
 * (20,000 sessions, 350,000 messages with one session of 50,000): each uses an index, never a
 * sequential scan of sessions or messages, both as a custom plan (the first executions) and as
 * the generic plan a server-side prepared statement may switch to after five.
 */
class SessionPlansTest {
    static DataSource db;
    static UUID bigSession;
    static UUID someSession;
    static UUID someUser;
    static UUID someApp;
    static List<UUID> twoApps;
    static Instant cursorAt;
    static UUID cursorId;
    static Instant msgAt;
    static UUID msgId;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void seed() throws SQLException {
        db = TestPostgres.migratedDatabase("plans").dataSource();
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("SELECT setseed(0.42)");
            st.execute("INSERT INTO core.users (email, display_name) SELECT 'user' || g || '@example.com', 'User ' || g FROM generate_series(1, 500) g");
            st.execute("""
                    INSERT INTO core.apps (owner_id, name)
                    SELECT u.id, 'App ' || g FROM generate_series(1, 1000) g
                      JOIN LATERAL (SELECT id FROM core.users ORDER BY email OFFSET (g % 500) LIMIT 1) u ON true""");
            st.execute("""
                    INSERT INTO core.sessions (user_id, app_id, title, status, created_at, last_activity_at)
                    SELECT a.owner_id, a.id,
                           (ARRAY['Build','Fix','Refactor','Style','Test','Deploy','Speed up','Document'])[1 + g % 8] || ' '
                             || (ARRAY['login','dashboard','charts','search','billing','profile','upload','chat','export','settings'])[1 + (g / 8) % 10]
                             || ' ' || substr(md5(g::text), 1, 10),
                           (ARRAY['active','idle','archived'])[1 + g % 3],
                           now() - (g || ' minutes')::interval - interval '1 day',
                           now() - (g || ' minutes')::interval
                      FROM generate_series(1, 20000) g
                      JOIN core.apps a ON a.name = 'App ' || (1 + g % 1000)""");
            st.execute("""
                    INSERT INTO core.messages (session_id, role, content, model, token_count, created_at)
                    SELECT s.id, (ARRAY['user','assistant'])[1 + k % 2], 'message ' || k || ' of ' || s.title,
                           'gpt-4o', 10 + k, s.created_at + (k || ' seconds')::interval
                      FROM core.sessions s, generate_series(1, 15) k""");
            try (ResultSet rs = st.executeQuery("SELECT id, user_id, app_id FROM core.sessions ORDER BY last_activity_at DESC LIMIT 1 OFFSET 100")) {
                rs.next();
                bigSession = rs.getObject(1, UUID.class);
            }
            st.execute("INSERT INTO core.messages (session_id, role, content, token_count, created_at) "
                    + "SELECT '" + bigSession + "', 'assistant', 'long history ' || k, 7, now() - interval '2 days' + (k || ' seconds')::interval "
                    + "FROM generate_series(1, 50000) k");
            st.execute("""
                    INSERT INTO core.session_memory (session_id, rolling_summary, key_facts, constraints)
                    SELECT id, 'Summary of ' || title, '{"framework": "react"}', '["No classes"]' FROM core.sessions WHERE status <> 'idle'""");
            st.execute("""
                    INSERT INTO core.events (session_id, kind, payload, created_at)
                    SELECT id, (ARRAY['decision','file_written'])[1 + k % 2], '{"summary": "chose something"}', created_at + (k || ' minutes')::interval
                      FROM core.sessions, generate_series(1, 4) k""");
            st.execute("""
                    INSERT INTO core.files (app_id, path, size_bytes)
                    SELECT a.id, 'src/file' || k || '.ts', 100 * k FROM core.apps a, generate_series(1, 20) k""");
            st.execute("""
                    INSERT INTO core.working_set (session_id, app_id, file_id, reason, pinned_by)
                    SELECT s.id, s.app_id, f.id, 'pinned', 'user'
                      FROM core.sessions s JOIN core.files f ON f.app_id = s.app_id AND f.path IN ('src/file1.ts', 'src/file2.ts')""");
            st.execute("ANALYZE");
            try (ResultSet rs = st.executeQuery("SELECT id, user_id, app_id, last_activity_at FROM core.sessions ORDER BY last_activity_at DESC LIMIT 1 OFFSET 5000")) {
                rs.next();
                someSession = rs.getObject(1, UUID.class);
                someUser = rs.getObject(2, UUID.class);
                someApp = rs.getObject(3, UUID.class);
                cursorAt = rs.getObject(4, java.time.OffsetDateTime.class).toInstant();
                cursorId = someSession;
            }
            try (ResultSet rs = st.executeQuery("SELECT array_agg(id) FROM (SELECT id FROM core.apps ORDER BY name LIMIT 2) a")) {
                rs.next();
                twoApps = List.of((UUID[]) rs.getArray(1).getArray());
            }
            try (ResultSet rs = st.executeQuery("SELECT id, created_at FROM core.messages WHERE session_id = '" + bigSession
                    + "' ORDER BY created_at LIMIT 1 OFFSET 25000")) {
                rs.next();
                msgId = rs.getObject(1, UUID.class);
                msgAt = rs.getObject(2, java.time.OffsetDateTime.class).toInstant();
            }
        }
    }

    record Plan(List<String> nodes) {
        boolean seqScanOf(String table) {
            return nodes.stream().anyMatch(n -> n.startsWith("Seq Scan on " + table + " "));
        }

        boolean usesIndex(String index) {
            return nodes.stream().anyMatch(n -> n.contains(" using " + index + " ") || n.endsWith(" using " + index));
        }

        @Override
        public String toString() {
            return String.join("\n", nodes);
        }
    }

    /** EXPLAIN as a one-shot statement with the values bound: the custom plan. */
    static Plan custom(SessionQueries.Bound q) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            hint(c, q);
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN (FORMAT JSON) " + q.sql())) {
                q.bind(ps);
                return plan(ps);
            } finally {
                c.rollback();
            }
        }
    }

    /** What the browser does for a statement marked indexOnly, in the same transaction. */
    static void hint(Connection c, SessionQueries.Bound q) throws SQLException {
        if (q.indexOnly()) {
            try (Statement st = c.createStatement()) {
                st.execute("SELECT set_config('enable_seqscan', 'off', true)");
            }
        }
    }

    /** PREPARE, force the generic plan, EXPLAIN EXECUTE: what a cached prepared statement may run. */
    static Plan generic(SessionQueries.Bound q) throws SQLException {
        Matcher m = Pattern.compile("\\?").matcher(q.sql());
        StringBuilder sql = new StringBuilder();
        int n = 0;
        while (m.find()) {
            m.appendReplacement(sql, "\\$" + (++n));
        }
        m.appendTail(sql);
        List<String> types = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Object p : q.params()) {
            if (p instanceof UUID u) {
                types.add("uuid");
                values.add("'" + u + "'");
            } else if (p instanceof UUID[] us) {
                types.add("uuid[]");
                values.add("ARRAY[" + String.join(", ", java.util.Arrays.stream(us).map(u -> "'" + u + "'::uuid").toList()) + "]");
            } else if (p instanceof Instant i) {
                types.add("timestamptz");
                values.add("'" + i + "'");
            } else if (p instanceof Integer i) {
                types.add("int");
                values.add(i.toString());
            } else {
                types.add("text");
                values.add("'" + p.toString().replace("'", "''") + "'");
            }
        }
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            hint(c, q);
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL plan_cache_mode = force_generic_plan");
                st.execute("PREPARE q(" + String.join(", ", types) + ") AS " + sql);
                try (ResultSet rs = st.executeQuery("EXPLAIN (FORMAT JSON) EXECUTE q(" + String.join(", ", values) + ")")) {
                    return plan(rs);
                }
            } finally {
                c.rollback();
                try (Statement st = c.createStatement()) {
                    st.execute("DEALLOCATE ALL");
                }
            }
        }
    }

    static Plan plan(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return plan(rs);
        }
    }

    static Plan plan(ResultSet rs) throws SQLException {
        rs.next();
        try {
            JsonNode root = JSON.readTree(rs.getString(1)).get(0).get("Plan");
            List<String> nodes = new ArrayList<>();
            walk(root, nodes);
            return new Plan(nodes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void walk(JsonNode node, List<String> out) {
        String line = node.path("Node Type").asText();
        if (node.has("Relation Name")) {
            line += " on " + node.get("Relation Name").asText() + " ";
        }
        if (node.has("Index Name")) {
            line += " using " + node.get("Index Name").asText();
        }
        out.add(line.strip().equals(line) ? line : line);
        for (JsonNode child : node.path("Plans")) {
            walk(child, out);
        }
    }

    static void expect(SessionQueries.Bound q, String index) throws SQLException {
        for (Plan p : List.of(custom(q), generic(q))) {
            assertThat(p.seqScanOf("sessions")).as("seq scan of sessions in\n%s\n%s", p, q.sql()).isFalse();
            assertThat(p.seqScanOf("messages")).as("seq scan of messages in\n%s\n%s", p, q.sql()).isFalse();
            assertThat(p.seqScanOf("events")).as("seq scan of events in\n%s", p).isFalse();
            assertThat(p.seqScanOf("working_set")).as("seq scan of working_set in\n%s", p).isFalse();
            assertThat(p.seqScanOf("session_memory")).as("seq scan of session_memory in\n%s", p).isFalse();
            if (index != null) {
                assertThat(p.usesIndex(index)).as("%s in\n%s\n%s", index, p, q.sql()).isTrue();
            }
        }
    }

    static SessionQueries.Bound list(SessionFilter f, UUID user, List<UUID> apps, SessionCursor after) {
        return SessionQueries.listPage(new SessionQuery(f, user, apps, false), after, 51, true);
    }

    static SessionQueries.Bound of(String sql, Object... params) {
        return new SessionQueries.Bound(sql, List.of(params));
    }

    @Test
    void theFirstAndNextPagesWalkTheActivityIndex() throws SQLException {
        expect(list(SessionFilter.none(), null, List.of(), null), "sessions_activity");
        expect(list(SessionFilter.none(), null, List.of(), new SessionCursor(cursorAt, cursorId)), "sessions_activity");
    }

    @Test
    void aUserFilterUsesTheUserIndex() throws SQLException {
        expect(list(SessionFilter.none(), someUser, List.of(), null), "sessions_user_activity");
        expect(list(SessionFilter.none(), someUser, List.of(), new SessionCursor(cursorAt, cursorId)), "sessions_user_activity");
    }

    @Test
    void anAppFilterUsesTheAppIndex() throws SQLException {
        expect(list(SessionFilter.none(), null, List.of(someApp), null), "sessions_app_activity");
        expect(list(SessionFilter.none(), null, twoApps, null), "sessions_app_activity");
    }

    @Test
    void statusAndDateRangeWalkAnIndex() throws SQLException {
        expect(list(SessionFilter.none().withStatus("archived"), null, List.of(), null), null);
        expect(list(SessionFilter.none().withRange(cursorAt.minusSeconds(86_400), cursorAt), null, List.of(), null), "sessions_activity");
    }

    @Test
    void aTitleSearchUsesTheTrigramIndex() throws SQLException {
        String rare;
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT substr(title, length(title) - 7, 8) FROM core.sessions LIMIT 1")) {
            rs.next();
            rare = rs.getString(1);
        }
        SessionQueries.Bound q = list(SessionFilter.none().withSearch(rare), null, List.of(), null);
        Plan p = custom(q);
        assertThat(p.usesIndex("sessions_title_trgm")).as("%s", p).isTrue();
        expect(q, null);
    }

    @Test
    void openingASessionIsPrimaryKeyLookups() throws SQLException {
        expect(of(SessionQueries.detail(true), someSession), "sessions_pkey");
        expect(of(SessionQueries.sessionHead(true), someSession), "sessions_pkey");
        expect(of(SessionQueries.PRELUDE, 5, someSession), "sessions_pkey");
        expect(of(SessionQueries.WORKING_SET, someSession), null);
        expect(of(SessionQueries.DECISIONS, someSession, 10), "events_session_created");
        expect(of(SessionQueries.MESSAGE_CONTENT, msgId, bigSession), "messages_pkey");
    }

    @Test
    void theTimelinePagesOnTheTimelineIndexInBothDirections() throws SQLException {
        String idx = "messages_session_created_covering";
        expect(of(SessionQueries.MESSAGES_LATEST, 16384, bigSession, 51), idx);
        expect(of(SessionQueries.MESSAGES_OLDEST, 16384, bigSession, 51), idx);
        expect(of(SessionQueries.MESSAGES_BEFORE, 16384, bigSession, msgAt, msgId, 51), idx);
        expect(of(SessionQueries.MESSAGES_AFTER, 16384, bigSession, msgAt, msgId, 51), idx);
        expect(of(SessionQueries.MESSAGES_FROM, 16384, bigSession, msgAt, msgId, 51), idx);
        expect(of(SessionQueries.FIND_FIRST, "history 4", bigSession, 100), idx);
        expect(of(SessionQueries.FIND_AFTER, "history 4", bigSession, msgAt, msgId, 100), idx);
    }

    @ParameterizedTest
    @ValueSource(strings = {"someSession", "bigSession"})
    void theTimelineIsIndexedForSmallAndLargeSessions(String which) throws SQLException {
        UUID s = which.equals("bigSession") ? bigSession : someSession;
        expect(of(SessionQueries.MESSAGES_LATEST, 16384, s, 51), "messages_session_created_covering");
    }
}
