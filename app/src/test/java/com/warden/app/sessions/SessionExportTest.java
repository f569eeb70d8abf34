package com.warden.app.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.warden.app.WardenException;
import com.warden.app.connect.Access;
import com.warden.app.connect.Database;
import com.warden.app.job.CancellableJob;
import com.warden.app.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionExportTest {
    static DataSource admin;
    static Database db;
    static SessionBrowser browser;
    static UUID golden;
    static UUID twin;

    @BeforeAll
    static void open() throws SQLException {
        TestPostgres.TestDatabase t = TestPostgres.demoDatabase("export");
        admin = t.dataSource();
        db = Database.open(t.profile(), Access.READ_ONLY);
        browser = new SessionBrowser(db);
        try (Connection c = admin.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT s.id FROM core.sessions s JOIN core.apps a ON a.id = s.app_id "
                    + "WHERE s.title = 'Build a todo app with dark mode' AND a.name = 'Todo App'")) {
                rs.next();
                golden = rs.getObject(1, UUID.class);
            }
            // a second app named "Todo App" (another owner) with one session
            twin = UUID.randomUUID();
            st.execute("INSERT INTO core.apps (id, owner_id, name) SELECT '" + UUID.randomUUID() + "', id, 'Todo App' FROM core.users "
                    + "WHERE id NOT IN (SELECT owner_id FROM core.apps WHERE name = 'Todo App') ORDER BY email LIMIT 1");
            st.execute("INSERT INTO core.sessions (id, user_id, app_id, title, last_activity_at) SELECT '" + twin
                    + "', owner_id, id, 'Twin todo session', now() FROM core.apps WHERE name = 'Todo App' "
                    + "AND id NOT IN (SELECT app_id FROM core.sessions) LIMIT 1");
        }
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void anAppNameSharedByTwoAppsListsBothInOrder() {
        SessionQuery q = browser.resolve(SessionFilter.none().withApp("Todo App"));
        assertThat(q.appIds()).hasSize(2);
        List<SessionRow> rows = new java.util.ArrayList<>();
        SessionCursor after = null;
        do {
            SessionPage p = browser.page(q, after, 3);
            rows.addAll(p.rows());
            after = p.next();
        } while (after != null);
        assertThat(rows).extracting(SessionRow::id).contains(golden, twin).doesNotHaveDuplicates();
        assertThat(rows.get(0).id()).isEqualTo(twin);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i - 1).lastActivityAt()).isAfterOrEqualTo(rows.get(i).lastActivityAt());
        }
    }

    @Test
    void markdownHoldsTheHeadMemoryAndEveryMessage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n = new SessionExporter(browser).write(golden, SessionExporter.Format.MARKDOWN, out, null);
        String md = out.toString(StandardCharsets.UTF_8);
        assertThat(n).isEqualTo(browser.detail(golden).session().messageCount());
        assertThat(md).startsWith("# Build a todo app with dark mode\n")
                .contains("| App | Todo App |")
                .contains("```text\nSession: Build a todo app with dark mode\nApp: Todo App")
                .contains("- **Use React Context for theme state** — ")
                .contains("| `src/context/ThemeContext.tsx` | Theme context for dark mode | agent |")
                .contains("### 1. system — ")
                .contains("### " + n + ". ")
                .contains("```tsx\nexport function ThemeProvider");
    }

    @Test
    void jsonIsOneDocumentWithEveryMessageInFull() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SessionExporter(browser.withPreviewChars(10)).write(golden, SessionExporter.Format.JSON, out, null);
        JsonNode doc = new ObjectMapper().readTree(out.toByteArray());
        assertThat(doc.path("format").asText()).isEqualTo("warden-session-export");
        assertThat(doc.path("session").path("title").asText()).isEqualTo("Build a todo app with dark mode");
        assertThat(doc.path("memory").path("key_facts").path("framework").asText()).isEqualTo("react");
        assertThat(doc.path("prelude").path("token_count").asInt()).isPositive();
        assertThat(doc.path("working_set")).hasSize(2);
        assertThat(doc.path("messages").size()).isEqualTo(doc.path("session").path("message_count").asInt());
        // full content, not the preview
        assertThat(doc.path("messages").get(2).path("content").asText().length()).isGreaterThan(100);
    }

    @Test
    void anEmptySessionExportsWithEmptyStates() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        UUID empty = UUID.randomUUID();
        try (Connection c = admin.getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO core.sessions (id, user_id, app_id, title) SELECT '" + empty + "', user_id, app_id, 'Empty' "
                    + "FROM core.sessions WHERE id = '" + golden + "'");
        }
        new SessionExporter(browser).write(empty, SessionExporter.Format.MARKDOWN, out, null);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("_This session has no memory row._")
                .contains("_No decisions recorded._").contains("_No pinned files._").contains("_This session has no messages._");
    }

    @Test
    void aFailedOrCancelledExportLeavesNothingBehind(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("session.md");
        assertThatThrownBy(() -> new SessionExporter(browser).exportTo(UUID.randomUUID(), SessionExporter.Format.MARKDOWN, target, null))
                .isInstanceOf(SessionNotFoundException.class);
        CancellableJob job = new CancellableJob(p -> { });
        job.cancel();
        assertThatThrownBy(() -> new SessionExporter(browser).exportTo(golden, SessionExporter.Format.JSON, target, job))
                .isInstanceOf(WardenException.class).hasMessage("Cancelled.");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        long n = new SessionExporter(browser).exportTo(golden, SessionExporter.Format.MARKDOWN, target, null);
        assertThat(n).isPositive();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
        Path blocked = dir.resolve("a-file");
        Files.writeString(blocked, "x");
        assertThatThrownBy(() -> new SessionExporter(browser).exportTo(golden, SessionExporter.Format.MARKDOWN, blocked.resolve("x.md"), null))
                .isInstanceOf(WardenException.class).hasMessageStartingWith("Cannot write ");
    }

    @Test
    void formatsAreParsedWithAClearError() {
        assertThat(SessionExporter.Format.parse("MD")).isEqualTo(SessionExporter.Format.MARKDOWN);
        assertThatThrownBy(() -> SessionExporter.Format.parse("pdf")).isInstanceOf(WardenException.class)
                .hasMessage("Unknown export format 'pdf'.");
    }
}
