package com.warden.app.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warden.app.WardenException;
import com.warden.app.connect.Access;
import com.warden.app.connect.Database;
import com.warden.app.testing.TestPostgres;
import com.warden.app.text.Tokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The browser on the seeded demo: list, filters, paging, detail, timeline, memory, prelude. */
class SessionBrowserTest {
    static final String GOLDEN = "Build a todo app with dark mode";
    static DataSource admin;
    static Database db;
    static SessionBrowser browser;
    static UUID golden;

    @BeforeAll
    static void open() throws SQLException {
        TestPostgres.TestDatabase t = TestPostgres.demoDatabase("browser");
        admin = t.dataSource();
        db = Database.open(t.profile(), Access.READ_ONLY);
        browser = new SessionBrowser(db);
        golden = UUID.fromString(one("SELECT s.id FROM core.sessions s JOIN core.apps a ON a.id = s.app_id "
                + "WHERE s.title = '" + GOLDEN + "' AND a.name = 'Todo App'"));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static String one(String sql) throws SQLException {
        try (Connection c = admin.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void exec(String sql, Object... params) throws SQLException {
        try (Connection c = admin.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.execute();
        }
    }

    static List<SessionRow> all(SessionFilter filter, int pageSize) {
        SessionQuery q = browser.resolve(filter);
        List<SessionRow> out = new ArrayList<>();
        SessionCursor after = null;
        do {
            SessionPage page = browser.page(q, after, pageSize);
            out.addAll(page.rows());
            assertThat(page.rows().size()).isLessThanOrEqualTo(pageSize);
            after = page.next();
        } while (after != null);
        return out;
    }

    @Test
    void theListIsNewestActivityFirstWithRealCounters() throws SQLException {
        SessionPage first = browser.list(SessionFilter.none(), null, 10);
        assertThat(first.rows()).hasSize(10);
        assertThat(first.hasMore()).isTrue();
        for (int i = 1; i < first.rows().size(); i++) {
            assertThat(first.rows().get(i - 1).lastActivityAt()).isAfterOrEqualTo(first.rows().get(i).lastActivityAt());
        }
        SessionRow g = all(SessionFilter.none(), 50).stream().filter(r -> r.id().equals(golden)).findFirst().orElseThrow();
        assertThat(g.appName()).isEqualTo("Todo App");
        assertThat(g.messageCount()).isEqualTo(Long.parseLong(one("SELECT count(*) FROM core.messages WHERE session_id = '" + golden + "'")));
        assertThat(g.totalTokens()).isEqualTo(Long.parseLong(one("SELECT sum(token_count) FROM core.messages WHERE session_id = '" + golden + "'")));
        assertThat(g.userEmail()).contains("@");
    }

    @Test
    void keysetPagingVisitsEverySessionOnceInOrder() throws SQLException {
        List<SessionRow> paged = all(SessionFilter.none(), 7);
        assertThat(paged).hasSize(Integer.parseInt(one("SELECT count(*) FROM core.sessions")));
        assertThat(paged.stream().map(SessionRow::id).distinct().count()).isEqualTo(paged.size());
        List<SessionRow> sorted = new ArrayList<>(paged);
        sorted.sort((a, b) -> a.lastActivityAt().equals(b.lastActivityAt())
                ? b.id().toString().compareTo(a.id().toString()) : b.lastActivityAt().compareTo(a.lastActivityAt()));
        assertThat(paged).containsExactlyElementsOf(sorted);
        assertThat(SessionQueries.listPage(SessionQuery.all(), paged.get(3).cursor(), 7, true).sql())
                .doesNotContainIgnoringCase("offset");
    }

    @Test
    void filtersNarrowTheList() throws SQLException {
        int total = all(SessionFilter.none(), 100).size();
        SessionRow g = browser.detail(golden).session();

        List<SessionRow> byUser = all(SessionFilter.none().withUser(g.userEmail()), 5);
        assertThat(byUser).isNotEmpty().hasSizeLessThan(total).allMatch(r -> r.userId().equals(g.userId()));

        List<SessionRow> byApp = all(SessionFilter.none().withApp("Todo App"), 5);
        assertThat(byApp).isNotEmpty().hasSizeLessThan(total).allMatch(r -> r.appName().equals("Todo App"));
        assertThat(byApp).extracting(SessionRow::id).contains(golden);

        List<SessionRow> archived = all(SessionFilter.none().withStatus("archived"), 5);
        assertThat(archived).isNotEmpty().hasSizeLessThan(total).allMatch(r -> r.status().equals("archived"));

        List<SessionRow> search = all(SessionFilter.none().withSearch("DARK mode"), 5);
        assertThat(search).isNotEmpty().allMatch(r -> r.title().toLowerCase().contains("dark mode"));
        assertThat(search).extracting(SessionRow::id).contains(golden);

        Instant from = g.lastActivityAt().minusSeconds(1);
        Instant to = g.lastActivityAt().plusSeconds(1);
        assertThat(all(SessionFilter.none().withRange(from, to), 5)).extracting(SessionRow::id).contains(golden)
                .hasSizeLessThan(total);

        List<SessionRow> combined = all(new SessionFilter(g.userEmail(), "Todo App", g.status(), null, null, "todo"), 5);
        assertThat(combined).extracting(SessionRow::id).contains(golden);
    }

    @Test
    void searchTreatsWildcardsAsText() {
        assertThat(all(SessionFilter.none().withSearch("%"), 50)).isEmpty();
        assertThat(all(SessionFilter.none().withSearch("_"), 50)).isEmpty();
    }

    @Test
    void anUnknownUserOrAppMatchesNothingAndSaysSoWhenAskedDirectly() {
        SessionQuery q = browser.resolve(SessionFilter.none().withUser("nobody@example.invalid"));
        assertThat(q.matchesNothing()).isTrue();
        assertThat(browser.page(q, null, 10).rows()).isEmpty();
        assertThat(browser.resolve(SessionFilter.none().withApp("No Such App")).matchesNothing()).isTrue();
        assertThatThrownBy(() -> browser.userByEmail("nobody@example.invalid"))
                .isInstanceOf(WardenException.class).hasMessageContaining("No user with e-mail 'nobody@example.invalid'");
    }

    @Test
    void badFilterValuesAreRefusedClearly() {
        assertThatThrownBy(() -> SessionFilter.none().withStatus("deleted"))
                .isInstanceOf(WardenException.class).hasMessageContaining("Unknown status 'deleted'");
        Instant now = Instant.now();
        assertThatThrownBy(() -> SessionFilter.none().withRange(now, now.minusSeconds(5)))
                .isInstanceOf(WardenException.class).hasMessageContaining("date range is empty");
    }

    @Test
    void theGoldenSessionOpensWithItsMemory() {
        SessionDetail d = browser.detail(golden);
        assertThat(d.session().title()).isEqualTo(GOLDEN);
        SessionMemory m = d.memory();
        assertThat(m.present()).isTrue();
        assertThat(m.rollingSummary()).startsWith("User requested a todo app with React.");
        assertThat(m.keyFacts()).extracting(KeyFact::label, KeyFact::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Framework", "react"),
                        org.assertj.core.groups.Tuple.tuple("TypeScript", "true"),
                        org.assertj.core.groups.Tuple.tuple("Features", "dark-mode, persistence"));
        assertThat(m.constraints()).containsExactly("Use functional components", "No class-based components");
    }

    @Test
    void theGoldenPreludeIsSeed000sFormatExactly() {
        Prelude p = browser.prelude(golden, PreludeOptions.defaults());
        assertThat(p.text()).isEqualTo("""
                Session: Build a todo app with dark mode
                App: Todo App

                Summary:
                User requested a todo app with React. Added dark mode via ThemeContext. Working on localStorage persistence.

                Pinned Files:
                - src/App.tsx (Main app component)
                - src/context/ThemeContext.tsx (Theme context for dark mode)

                Key Facts:
                - Framework: react
                - TypeScript: true
                - Features: dark-mode, persistence

                Constraints:
                - Use functional components
                - No class-based components""");
        assertThat(p.tokenCount()).isEqualTo(Tokens.count(p.text())).isGreaterThan(50);
        assertThat(p.encoding()).isEqualTo("cl100k_base");
        assertThat(p.droppedParts()).isEmpty();
    }

    @Test
    void aBudgetDropsPartsInTheStatedOrder() {
        Prelude full = browser.prelude(golden, PreludeOptions.defaults());
        Prelude cut = browser.prelude(golden, new PreludeOptions(full.tokenCount() - 5, 0));
        assertThat(cut.tokenCount()).isLessThanOrEqualTo(full.tokenCount() - 5).isEqualTo(Tokens.count(cut.text()));
        assertThat(cut.withinBudget()).isTrue();
        // the summary's earliest sentence goes first, and only as much as needed
        assertThat(cut.droppedParts()).hasSize(1).allMatch(x -> x.section() == PreludePart.Section.SUMMARY);
        assertThat(cut.droppedParts().get(0).text()).startsWith("User requested");
        assertThat(cut.text()).contains("Summary:\nAdded dark mode via ThemeContext. Working on localStorage persistence.");
        assertThat(cut.text()).contains("Working on localStorage persistence.").doesNotContain("User requested");

        Prelude tight = browser.prelude(golden, new PreludeOptions(40, 0));
        assertThat(tight.tokenCount()).isLessThanOrEqualTo(40);
        assertThat(tight.text()).startsWith("Session: Build a todo app with dark mode\nApp: Todo App");
        assertThat(tight.text()).contains("- Use functional components").doesNotContain("Summary:");
        // the agent's pin is dropped before the user's
        List<PreludePart> dropped = tight.droppedParts();
        int agentPin = indexOf(dropped, "ThemeContext.tsx");
        int userPin = indexOf(dropped, "src/App.tsx");
        assertThat(agentPin).isGreaterThanOrEqualTo(0).isLessThan(userPin);

        Prelude impossible = browser.prelude(golden, new PreludeOptions(3, 0));
        assertThat(impossible.withinBudget()).isFalse();
        assertThat(impossible.text()).isEqualTo("Session: Build a todo app with dark mode\nApp: Todo App");
    }

    private static int indexOf(List<PreludePart> parts, String text) {
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).text().contains(text)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void decisionsComeFromEventsNewestFirstAndCanJoinThePrelude() {
        List<Decision> d = browser.decisions(golden, 10);
        assertThat(d).hasSize(3);
        assertThat(d.get(2).summary()).isEqualTo("Use React Context for theme state");
        assertThat(d.get(2).rationale()).contains("prop drilling");
        for (int i = 1; i < d.size(); i++) {
            assertThat(d.get(i - 1).createdAt()).isAfterOrEqualTo(d.get(i).createdAt());
        }
        Prelude withDecisions = browser.prelude(golden, new PreludeOptions(null, 2));
        assertThat(withDecisions.text()).endsWith("\n\nRecent Decisions:\n- " + d.get(0).summary() + "\n- " + d.get(1).summary());
    }

    @Test
    void theWorkingSetListsPinsWithReasonAndWhoPinned() {
        List<WorkingSetEntry> ws = browser.workingSet(golden);
        assertThat(ws).extracting(WorkingSetEntry::path, WorkingSetEntry::reason, WorkingSetEntry::pinnedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("src/App.tsx", "Main app component", "user"),
                        org.assertj.core.groups.Tuple.tuple("src/context/ThemeContext.tsx", "Theme context for dark mode", "agent"));
        assertThat(ws.get(0).sizeBytes()).isPositive();
        assertThat(ws.get(0).headVersion()).isGreaterThanOrEqualTo(3);
        assertThat(ws.get(0).historyLink()).startsWith("warden://files/" + ws.get(0).appId() + "/");
    }

    @Test
    void theTimelinePagesBothWaysByKeyset() {
        List<MessageRow> forward = new ArrayList<>();
        MessagePage p = browser.oldest(golden, 4);
        assertThat(p.hasOlder()).isFalse();
        forward.addAll(p.rows());
        while (p.hasNewer()) {
            p = browser.after(golden, p.last(), 4);
            forward.addAll(p.rows());
        }
        List<MessageRow> backward = new ArrayList<>();
        p = browser.latest(golden, 4);
        assertThat(p.hasNewer()).isFalse();
        backward.addAll(0, p.rows());
        while (p.hasOlder()) {
            p = browser.before(golden, p.first(), 4);
            backward.addAll(0, p.rows());
        }
        assertThat(forward).extracting(MessageRow::id).containsExactlyElementsOf(backward.stream().map(MessageRow::id).toList());
        assertThat(forward).hasSize((int) browser.detail(golden).session().messageCount());
        for (int i = 1; i < forward.size(); i++) {
            assertThat(forward.get(i).cursor()).isGreaterThan(forward.get(i - 1).cursor());
        }
        assertThat(forward.get(0).role()).isEqualTo("system");
        assertThat(forward).anyMatch(m -> "claude-3-5-sonnet".equals(m.model()) && m.tokenCount() > 0);

        MessageRow middle = forward.get(7);
        MessagePage around = browser.around(golden, middle.cursor(), 3, 3);
        assertThat(around.rows()).extracting(MessageRow::id)
                .containsExactlyElementsOf(forward.subList(4, 10).stream().map(MessageRow::id).toList());
    }

    @Test
    void findWithinTheSessionIsLiteralAndPages() {
        List<FindHit> hits = browser.find(golden, "localstorage", null, 100, null);
        assertThat(hits).hasSizeGreaterThan(2);
        assertThat(hits).allMatch(h -> h.snippet().toLowerCase().contains("localstorage"));
        List<FindHit> rest = browser.find(golden, "localstorage", hits.get(0).cursor(), 100, null);
        assertThat(rest).hasSize(hits.size() - 1);
        assertThat(browser.find(golden, "%", null, 10, null)).isEmpty();
    }

    @Test
    void malformedAndUnknownSessionIdsGetOneClearLine() {
        assertThatThrownBy(() -> SessionIds.parse("not-a-uuid")).isInstanceOf(WardenException.class)
                .hasMessage("'not-a-uuid' is not a session id.");
        assertThatThrownBy(() -> SessionIds.parse("  ")).isInstanceOf(WardenException.class).hasMessage("No session id given.");
        assertThat(SessionIds.parse(golden.toString().replace("-", "").toUpperCase())).isEqualTo(golden);
        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> browser.detail(unknown)).isInstanceOf(SessionNotFoundException.class)
                .hasMessage("No session with id " + unknown + " (it may have been deleted).");
        assertThatThrownBy(() -> browser.latest(unknown, 10)).isInstanceOf(SessionNotFoundException.class);
        assertThatThrownBy(() -> browser.prelude(unknown, PreludeOptions.defaults())).isInstanceOf(SessionNotFoundException.class);
        assertThatThrownBy(() -> new PreludeOptions(0, 0)).isInstanceOf(WardenException.class)
                .hasMessageContaining("budget must be a positive number");
    }

    @Test
    void countersFollowInsertsDeletesUpdatesAndTruncateIsNotNeeded() throws SQLException {
        UUID s = newSession("counter test");
        exec("INSERT INTO core.messages (session_id, role, content, token_count) SELECT ?, 'user', 'm' || g, 3 FROM generate_series(1, 5) g", s);
        assertThat(browser.head(s).orElseThrow()).extracting(SessionRow::messageCount, SessionRow::totalTokens).containsExactly(5L, 15L);
        exec("UPDATE core.messages SET token_count = 10 WHERE session_id = ? AND content = 'm1'", s);
        assertThat(browser.head(s).orElseThrow().totalTokens()).isEqualTo(22);
        exec("DELETE FROM core.messages WHERE session_id = ? AND content IN ('m2', 'm3')", s);
        assertThat(browser.head(s).orElseThrow()).extracting(SessionRow::messageCount, SessionRow::totalTokens).containsExactly(3L, 16L);
        UUID other = newSession("counter target");
        exec("UPDATE core.messages SET session_id = ? WHERE session_id = ? AND content = 'm4'", other, s);
        assertThat(browser.head(s).orElseThrow().messageCount()).isEqualTo(2);
        assertThat(browser.head(other).orElseThrow()).extracting(SessionRow::messageCount, SessionRow::totalTokens).containsExactly(1L, 3L);
        exec("DELETE FROM core.sessions WHERE id = ?", s);
        assertThat(browser.head(s)).isEmpty();
    }

    /** A new empty session in the golden app, owned by the golden session's user. */
    static UUID newSession(String title) throws SQLException {
        UUID id = UUID.randomUUID();
        exec("INSERT INTO core.sessions (id, user_id, app_id, title, status, last_activity_at) "
                + "SELECT ?, user_id, app_id, ?, 'active', now() FROM core.sessions WHERE id = ?", id, title, golden);
        return id;
    }

    @Test
    void anEmptySessionHasClearEmptyStatesAndNoErrors() throws SQLException {
        UUID s = newSession("Nothing here yet");
        SessionDetail d = browser.detail(s);
        assertThat(d.memory().present()).isFalse();
        assertThat(d.memory().keyFacts()).isEmpty();
        assertThat(d.session().messageCount()).isZero();
        MessagePage latest = browser.latest(s, 50);
        assertThat(latest.rows()).isEmpty();
        assertThat(latest.hasOlder()).isFalse();
        assertThat(browser.workingSet(s)).isEmpty();
        assertThat(browser.decisions(s, 10)).isEmpty();
        assertThat(browser.find(s, "x", null, 10, null)).isEmpty();
        Prelude p = browser.prelude(s, PreludeOptions.defaults());
        assertThat(p.text()).isEqualTo("Session: Nothing here yet\nApp: Todo App");
        assertThat(p.tokenCount()).isEqualTo(Tokens.count(p.text()));
    }

    @Test
    void aMessageOfSeveralMegabytesIsCutWithTheWholeOnRequest() throws SQLException {
        UUID s = newSession("Huge reply");
        String huge = "x".repeat(1000) + "\n```java\n" + "int a = 1;\n".repeat(300_000) + "```\n";
        exec("INSERT INTO core.messages (session_id, role, content, model, token_count) VALUES (?, 'assistant', ?, 'gpt-4o', 1)", s, huge);
        MessageRow row = browser.latest(s, 10).rows().get(0);
        assertThat(row.truncated()).isTrue();
        assertThat(row.content()).hasSize(SessionBrowser.DEFAULT_PREVIEW_CHARS);
        assertThat(row.contentBytes()).isEqualTo(huge.length()).isGreaterThan(3_000_000);
        assertThat(browser.fullContent(s, row.id())).isEqualTo(huge);
        // a short message is not marked as cut, whatever its bytes
        exec("INSERT INTO core.messages (session_id, role, content) VALUES (?, 'user', 'ünïcödé ✓')", s);
        MessageRow small = browser.latest(s, 1).rows().get(0);
        assertThat(small.truncated()).isFalse();
        assertThat(small.content()).isEqualTo("ünïcödé ✓");
    }

    @Test
    void aSessionDeletedWhileOpenSaysSo() throws SQLException {
        UUID s = newSession("Short-lived");
        exec("INSERT INTO core.messages (session_id, role, content) SELECT ?, 'user', 'hello ' || g FROM generate_series(1, 20) g", s);
        MessagePage opened = browser.latest(s, 5);
        LiveTail tail = browser.tail(s, opened);
        exec("DELETE FROM core.sessions WHERE id = ?", s);
        assertThatThrownBy(() -> browser.before(s, opened.first(), 5)).isInstanceOf(SessionNotFoundException.class)
                .hasMessageContaining("may have been deleted");
        assertThatThrownBy(() -> browser.detail(s)).isInstanceOf(SessionNotFoundException.class);
        assertThatThrownBy(() -> browser.fullContent(s, opened.rows().get(0).id())).isInstanceOf(SessionNotFoundException.class);
        assertThat(tail.poll().gone()).isTrue();
        // the browser itself is fine afterwards
        assertThat(browser.detail(golden).session().title()).isEqualTo(GOLDEN);
    }

    @Test
    void theLiveTailDeliversNewRowsOnceIncludingLateCommits() throws SQLException {
        UUID s = newSession("Tailing");
        exec("INSERT INTO core.messages (session_id, role, content, created_at) SELECT ?, 'user', 'old ' || g, now() - interval '1 hour' + g * interval '1 second' FROM generate_series(1, 10) g", s);
        MessagePage opened = browser.latest(s, 50);
        LiveTail tail = browser.tail(s, opened);
        assertThat(tail.poll().added()).isEmpty();
        exec("INSERT INTO core.messages (session_id, role, content) VALUES (?, 'assistant', 'fresh one')", s);
        LiveTail.Update u = tail.poll();
        assertThat(u.added()).extracting(MessageRow::content).containsExactly("fresh one");
        assertThat(u.session().orElseThrow().messageCount()).isEqualTo(11);
        assertThat(tail.poll().added()).isEmpty();
        // a transaction that started earlier commits after the newest row we saw
        exec("INSERT INTO core.messages (session_id, role, content, created_at) VALUES (?, 'tool', 'late commit', now() - interval '20 seconds')", s);
        exec("INSERT INTO core.messages (session_id, role, content) VALUES (?, 'user', 'newest')", s);
        assertThat(tail.poll().added()).extracting(MessageRow::content).containsExactly("late commit", "newest");
        assertThat(tail.poll().added()).isEmpty();
    }

    @Test
    void theTimelineWindowHoldsABoundedSliceWhileScrolling() throws SQLException {
        UUID s = newSession("Long one");
        exec("INSERT INTO core.messages (session_id, role, content, created_at) SELECT ?, 'user', 'n' || g, now() - interval '1 day' + g * interval '1 second' FROM generate_series(1, 1000) g", s);
        TimelineWindow w = new TimelineWindow(new ArrayList<>(), 120);
        w.reset(browser.latest(s, 50));
        Set<UUID> seen = new HashSet<>();
        w.rows().forEach(r -> seen.add(r.id()));
        while (w.hasOlder()) {
            w.prependOlder(browser.before(s, w.oldest(), 50));
            assertThat(w.rows().size()).isLessThanOrEqualTo(120);
            w.rows().forEach(r -> seen.add(r.id()));
        }
        assertThat(seen).hasSize(1000);
        assertThat(w.rows().get(0).content()).isEqualTo("n1");
        assertThat(w.hasNewer()).isTrue();
        while (w.hasNewer()) {
            w.appendNewer(browser.after(s, w.newestHeld(), 50));
            assertThat(w.rows().size()).isLessThanOrEqualTo(120);
        }
        assertThat(w.rows().get(w.rows().size() - 1).content()).isEqualTo("n1000");
    }
}
