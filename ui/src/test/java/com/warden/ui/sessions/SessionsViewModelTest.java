package com.warden.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.connect.Access;
import com.warden.app.connect.Database;
import com.warden.app.testing.TestPostgres;
import com.warden.ui.common.DirectJobs;
import com.warden.ui.common.ErrorReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The view-models without a toolkit: direct jobs, the test JVM's PostgreSQL with the demo data. */
class SessionsViewModelTest {
    static DataSource admin;
    static Database db;
    final List<ErrorReport> errors = new ArrayList<>();
    SessionsViewModel vm;

    @BeforeAll
    static void open() {
        TestPostgres.TestDatabase t = TestPostgres.demoDatabase("sessions vm");
        admin = t.dataSource();
        db = Database.open(t.profile(), Access.READ_ONLY);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void setUp() {
        vm = new SessionsViewModel(db, new DirectJobs(), errors::add, Runnable::run, null);
        vm.load();
    }

    SessionItem golden() {
        return vm.rows().stream().filter(r -> r.title().equals("Build a todo app with dark mode") && r.app().equals("Todo App"))
                .findFirst().orElseThrow();
    }

    static void exec(String sql, Object... params) throws SQLException {
        try (Connection c = admin.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.execute();
        }
    }

    @Test
    void theListLoadsAndFiltersNarrowIt() {
        int all = vm.rows().size();
        assertThat(all).isGreaterThan(40);
        assertThat(vm.footerProperty().get()).startsWith("All ").endsWith(" shown");
        assertThat(vm.rlsLineProperty().get()).contains("superuser");
        vm.searchProperty().set("dark mode");
        assertThat(vm.rows()).isNotEmpty().hasSizeLessThan(all).allMatch(r -> r.title().toLowerCase().contains("dark mode"));
        vm.statusProperty().set("archived");
        assertThat(vm.rows()).allMatch(r -> r.status().equals("archived"));
        vm.clearFilters();
        assertThat(vm.rows()).hasSize(all);
        vm.appProperty().set("Todo App");
        vm.applyFilters();
        assertThat(vm.rows()).isNotEmpty().allMatch(r -> r.app().equals("Todo App"));
        vm.clearFilters();
        vm.userProperty().set("nobody@example.invalid");
        vm.applyFilters();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.emptyTextProperty().get()).isEqualTo("No user has the e-mail 'nobody@example.invalid'.");
        assertThat(errors).isEmpty();
    }

    @Test
    void aBackwardsDateRangeIsRefusedInPlace() {
        vm.fromProperty().set(java.time.LocalDate.of(2026, 5, 2));
        vm.toProperty().set(java.time.LocalDate.of(2026, 5, 1));
        assertThat(vm.filterErrorProperty().get()).contains("date range is empty");
        vm.toProperty().set(null);
        assertThat(vm.filterErrorProperty().get()).isEmpty();
    }

    @Test
    void theGoldenSessionOpensWithPreludeMemoryAndTimeline() {
        SessionViewModel s = vm.open(golden());
        assertThat(s.loadedProperty().get()).isTrue();
        assertThat(s.preludeTextProperty().get()).startsWith("Session: Build a todo app with dark mode\nApp: Todo App")
                .contains("- src/App.tsx (Main app component)").contains("- src/context/ThemeContext.tsx (Theme context for dark mode)")
                .contains("- Framework: react");
        assertThat(s.preludeLineProperty().get()).endsWith("tokens (cl100k_base)");
        assertThat(s.facts()).extracting(MemoryItems.Fact::label).containsExactly("Framework", "TypeScript", "Features");
        assertThat(s.files()).extracting(MemoryItems.FileItem::pinnedBy).containsExactly("user", "agent");
        assertThat(s.decisions()).hasSize(3);
        assertThat(s.messages()).hasSize(19);
        assertThat(s.timelineStatusProperty().get()).isEqualTo("All 19 messages");
        assertThat(vm.open(golden())).isSameAs(s);

        s.setBudget("60");
        assertThat(s.preludeTokensProperty().get()).isLessThanOrEqualTo(60);
        assertThat(s.parts()).anyMatch(p -> !p.kept());
        assertThat(s.preludeLineProperty().get()).contains("budget 60").contains("dropped");
        s.setBudget("lots");
        assertThat(s.budgetErrorProperty().get()).isEqualTo("'lots' is not a number of tokens.");
        s.setBudget("");
        assertThat(s.parts()).allMatch(MemoryItems.PartItem::kept);
        assertThat(errors).isEmpty();
    }

    @Test
    void findJumpsToHitsAndTheLiveTailAddsNewRows() throws SQLException {
        SessionViewModel s = vm.open(golden());
        s.findTextProperty().set("localStorage");
        s.find();
        assertThat(s.findLineProperty().get()).matches("1 of \\d+ messages");
        assertThat(s.highlightedProperty().get()).isNotNull();
        s.nextHit();
        assertThat(s.findLineProperty().get()).startsWith("2 of ");
        s.pollNow();
        exec("INSERT INTO core.messages (session_id, role, content) VALUES (?, 'user', 'typed by the test')", golden().id());
        s.pollNow();
        assertThat(s.messages().get(s.messages().size() - 1).content()).isEqualTo("typed by the test");
        assertThat(s.metaProperty().get()).contains("20 messages");
        exec("DELETE FROM core.messages WHERE content = 'typed by the test'");
    }

    @Test
    void aSessionDeletedWhileOpenSaysSoAndKeepsWhatItHad() throws SQLException {
        UUID id = UUID.randomUUID();
        exec("INSERT INTO core.sessions (id, user_id, app_id, title, last_activity_at) SELECT ?, user_id, app_id, 'Doomed', now() "
                + "FROM core.sessions LIMIT 1", id);
        exec("INSERT INTO core.messages (session_id, role, content) VALUES (?, 'user', 'still here')", id);
        vm.applyFilters();
        SessionItem doomed = vm.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
        SessionViewModel s = vm.open(doomed);
        assertThat(s.memoryLineProperty().get()).startsWith("This session has no memory row");
        assertThat(s.files()).isEmpty();
        exec("DELETE FROM core.sessions WHERE id = ?", id);
        s.pollNow();
        assertThat(s.deletedProperty().get()).isTrue();
        assertThat(s.deletedLineProperty().get()).startsWith("This session was deleted");
        assertThat(s.messages()).extracting(MessageItem::content).containsExactly("still here");
        assertThat(s.liveProperty().get()).isFalse();
        s.reload();
        s.older();
        assertThat(errors).isEmpty();
    }

    @Test
    void openingByIdSaysWhatIsWrongWithTheId() {
        vm.openById("not an id");
        assertThat(vm.filterErrorProperty().get()).startsWith("'not an id' is not a session id.");
        vm.openById("00000000-0000-0000-0000-000000000000");
        assertThat(vm.filterErrorProperty().get()).startsWith("No session with id 00000000-0000-0000-0000-000000000000");
        assertThat(vm.openSessions()).isEmpty();
        vm.openById(golden().id().toString().replace("-", "").toUpperCase());
        assertThat(vm.filterErrorProperty().get()).isEmpty();
        assertThat(vm.openSessions()).extracting(SessionViewModel::id).containsExactly(golden().id());
        assertThat(errors).isEmpty();
    }

    @Test
    void viewAsUserHidesOtherUsersSessions() {
        String owner = golden().user();
        int all = vm.rows().size();
        vm.viewAs(owner);
        assertThat(vm.viewingAsProperty().get().email()).isEqualTo(owner);
        assertThat(vm.rows()).isNotEmpty().hasSizeLessThan(all).allMatch(r -> r.app().equals("Todo App"));
        assertThat(vm.footerProperty().get()).contains("visible to " + owner);
        vm.viewAs("");
        assertThat(vm.rows()).hasSize(all);
        vm.viewAs("nobody@example.invalid");
        assertThat(errors).extracting(ErrorReport::line).anyMatch(l -> l.startsWith("No user with e-mail 'nobody@example.invalid'"));
    }
}
