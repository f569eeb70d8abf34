package com.warden.ui.sessions;

import static com.warden.ui.common.FxWait.onFx;
import static com.warden.ui.common.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.config.AppDirs;
import com.warden.app.testing.TestPostgres;
import com.warden.ui.shell.Composition;
import com.warden.ui.shell.ScreenRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Sessions screen in the real main window, headless, on a copy of the demo database. */
@ExtendWith(ApplicationExtension.class)
class SessionsWindowTest {
    static final String GOLDEN = "Build a todo app with dark mode";
    @TempDir
    static Path home;
    static TestPostgres.TestDatabase demo;
    static UUID golden;
    static String owner;

    private Composition composition;

    @BeforeAll
    static void database() throws Exception {
        demo = TestPostgres.demoDatabase("sessions window");
        try (Connection c = demo.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT s.id, u.email FROM core.sessions s JOIN core.apps a ON a.id = s.app_id "
                     + "JOIN core.users u ON u.id = s.user_id WHERE s.title = '" + GOLDEN + "' AND a.name = 'Todo App'")) {
            rs.next();
            golden = rs.getObject(1, UUID.class);
            owner = rs.getString(2);
        }
    }

    @Start
    void start(Stage stage) {
        composition = new Composition(new AppDirs(home.resolve("data"), home.resolve("config")), ScreenRegistry.standard());
        composition.openMainWindow(stage, demo.profile(), "Test database");
    }

    @AfterEach
    void stop() {
        composition.shutdown();
    }

    @SuppressWarnings("unchecked")
    private TableView<SessionItem> table(FxRobot robot) {
        return robot.lookup("#sessionsTable").queryAs(TableView.class);
    }

    private int rows(FxRobot robot) {
        return onFx(() -> table(robot).getItems().size());
    }

    private void awaitList(FxRobot robot) {
        until("the session list", () -> robot.lookup("#sessionsTable").tryQuery().isPresent() && table(robot).getItems().size() > 40);
    }

    private void openGolden(FxRobot robot) {
        TableView<SessionItem> table = table(robot);
        int index = onFx(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                SessionItem item = table.getItems().get(i);
                if (item.id().equals(golden)) {
                    table.scrollTo(i);
                    table.getSelectionModel().select(i);
                    return i;
                }
            }
            return -1;
        });
        assertThat(index).isGreaterThanOrEqualTo(0);
        robot.clickOn("#openButton");
        until("the session tab", () -> robot.lookup("#session-" + golden).tryQuery().isPresent());
    }

    private Node session(FxRobot robot) {
        return robot.lookup("#session-" + golden).query();
    }

    @Test
    void filtersNarrowTheTable(FxRobot robot) {
        awaitList(robot);
        int all = rows(robot);
        robot.clickOn("#searchField").write("dark mode");
        until("the search to narrow the list", () -> table(robot).getItems().size() < all && !table(robot).getItems().isEmpty());
        assertThat(onFx(() -> table(robot).getItems().stream().allMatch(r -> r.title().toLowerCase().contains("dark mode")))).isTrue();
        robot.clickOn("#clearButton");
        until("all rows again", () -> table(robot).getItems().size() == all);
        robot.clickOn("#appBox").write("Todo App").push(KeyCode.ENTER);
        until("the app filter", () -> table(robot).getItems().size() < all
                && table(robot).getItems().stream().allMatch(r -> r.app().equals("Todo App")));
    }

    @Test
    void theGoldenSessionOpensWithItsPreludeAndTimeline(FxRobot robot) {
        awaitList(robot);
        openGolden(robot);
        Node view = session(robot);
        @SuppressWarnings("unchecked")
        ListView<MessageItem> timeline = robot.from(view).lookup("#timeline").queryAs(ListView.class);
        until("the timeline", () -> timeline.getItems().size() >= 19);
        TabPane sections = robot.from(view).lookup("#sections").queryAs(TabPane.class);
        robot.clickOn(robot.from(view).lookup((Node n) -> n instanceof Label l && "Memory & prelude".equals(l.getText())).queryAs(Node.class));
        TextArea prelude = robot.from(view).lookup("#preludeArea").queryAs(TextArea.class);
        until("the prelude", () -> prelude.getText().startsWith("Session: " + GOLDEN));
        String text = onFx(prelude::getText);
        assertThat(text).contains("src/App.tsx").contains("src/context/ThemeContext.tsx").contains("- Framework: react");
        Label line = robot.from(view).lookup("#preludeLine").queryAs(Label.class);
        assertThat(onFx(line::getText)).matches("\\d+ tokens \\(cl100k_base\\)");
        robot.clickOn(robot.from(view).lookup("#budgetField").queryAs(TextField.class)).write("50").push(KeyCode.ENTER);
        until("the budget", () -> line.getText().contains("budget 50") && line.getText().contains("dropped"));
        assertThat(onFx(() -> sections.getSelectionModel().getSelectedIndex())).isEqualTo(1);
    }

    @Test
    void aMessageInsertedByTheTestAppearsInTheLiveTail(FxRobot robot) throws Exception {
        awaitList(robot);
        openGolden(robot);
        @SuppressWarnings("unchecked")
        ListView<MessageItem> timeline = robot.from(session(robot)).lookup("#timeline").queryAs(ListView.class);
        until("the timeline", () -> timeline.getItems().size() >= 19);
        String text = "Live tail check " + UUID.randomUUID();
        try (Connection c = demo.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO core.messages (session_id, role, content, model, token_count) "
                     + "VALUES (?, 'assistant', ?, 'gpt-4o', 7)")) {
            ps.setObject(1, golden);
            ps.setString(2, text);
            ps.executeUpdate();
        }
        until("the new message in the timeline", () -> timeline.getItems().stream().anyMatch(m -> m.content().equals(text)));
        assertThat(onFx(() -> timeline.getItems().get(timeline.getItems().size() - 1).content())).isEqualTo(text);
    }

    /** A new session in the golden app with {@code n} short messages, or with the given contents. */
    static UUID newSession(String title, int n, String... contents) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = demo.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO core.sessions (id, user_id, app_id, title, last_activity_at) "
                    + "SELECT ?, user_id, app_id, ?, now() + interval '1 day' FROM core.sessions WHERE id = ?")) {
                ps.setObject(1, id);
                ps.setString(2, title);
                ps.setObject(3, golden);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO core.messages (session_id, role, content, created_at) "
                    + "SELECT ?, 'user', 'n' || g, now() - interval '1 day' + g * interval '1 second' FROM generate_series(1, ?) g")) {
                ps.setObject(1, id);
                ps.setInt(2, n);
                ps.executeUpdate();
            }
            for (String content : contents) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO core.messages (session_id, role, content, model) "
                        + "VALUES (?, 'assistant', ?, 'gpt-4o')")) {
                    ps.setObject(1, id);
                    ps.setString(2, content);
                    ps.executeUpdate();
                }
            }
        }
        return id;
    }

    private void openById(FxRobot robot, UUID id) {
        robot.clickOn("#clearButton");
        TableView<SessionItem> table = table(robot);
        until("the new session in the list", () -> table.getItems().stream().anyMatch(r -> r.id().equals(id)));
        onFx(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).id().equals(id)) {
                    table.getSelectionModel().select(i);
                }
            }
            return null;
        });
        robot.clickOn("#openButton");
        until("the session tab", () -> robot.lookup("#session-" + id).tryQuery().isPresent());
    }

    @Test
    void scrollingUpPagesBackThroughHistoryHoldingABoundedWindow(FxRobot robot) throws Exception {
        UUID id = newSession("Long history for scrolling", 1500);
        awaitList(robot);
        openById(robot, id);
        @SuppressWarnings("unchecked")
        ListView<MessageItem> timeline = robot.from(robot.lookup("#session-" + id).queryAs(Node.class)).lookup("#timeline")
                .queryAs(ListView.class);
        until("the newest page", () -> timeline.getItems().size() == SessionViewModel.PAGE);
        assertThat(onFx(() -> timeline.getItems().get(timeline.getItems().size() - 1).content())).isEqualTo("n1500");
        // scroll to the top again and again, as a person dragging the scroll bar up would
        until("the first message", () -> {
            timeline.scrollTo(0);
            return timeline.getItems().get(0).content().equals("n1");
        });
        int held = onFx(() -> timeline.getItems().size());
        assertThat(held).isLessThanOrEqualTo(com.warden.app.sessions.TimelineWindow.DEFAULT_CAPACITY);
        assertThat(onFx(() -> {
            for (int i = 1; i < timeline.getItems().size(); i++) {
                int prev = Integer.parseInt(timeline.getItems().get(i - 1).content().substring(1));
                int now = Integer.parseInt(timeline.getItems().get(i).content().substring(1));
                if (now != prev + 1) {
                    return false;
                }
            }
            return true;
        })).isTrue();
        Label status = robot.from(robot.lookup("#session-" + id).queryAs(Node.class)).lookup("#timelineStatus").queryAs(Label.class);
        assertThat(onFx(status::getText)).contains("of 1,500 messages held").contains("scroll down for newer");
    }

    @Test
    void aMessageOfSeveralMegabytesIsShownCutWithShowAll(FxRobot robot) throws Exception {
        String huge = "Start of a long reply.\n```\n" + "line of generated code;\n".repeat(150_000) + "```\nEnd.";
        UUID id = newSession("Huge reply", 3, huge);
        awaitList(robot);
        openById(robot, id);
        Node view = robot.lookup("#session-" + id).queryAs(Node.class);
        until("the cut note", () -> robot.from(view).lookup((Node n) -> n instanceof Label l && l.getText() != null
                && l.getText().startsWith("Showing ") && l.getText().endsWith(" MB")).tryQuery().isPresent());
        robot.clickOn(robot.from(view).lookup((Node n) -> n instanceof javafx.scene.control.Hyperlink h && "Show all".equals(h.getText()))
                .queryAs(Node.class));
        until("the whole message in its own window", () -> robot.listTargetWindows().stream()
                .anyMatch(w -> w.getScene() != null && w.getScene().getRoot().lookup(".full-message") instanceof TextArea t
                        && t.getText().length() == huge.length()));
    }

    @Test
    void viewAsUserHidesAnotherUsersSessions(FxRobot robot) {
        awaitList(robot);
        int all = rows(robot);
        robot.clickOn("#viewAsBox").write(owner);
        robot.clickOn("#viewAsButton");
        until("the list as " + owner, () -> table(robot).getItems().size() < all && !table(robot).getItems().isEmpty());
        assertThat(onFx(() -> table(robot).getItems().stream().map(SessionItem::id).toList())).contains(golden);
        // the golden session's owner owns Todo App and collaborates on nothing else: other apps' sessions are hidden
        assertThat(onFx(() -> table(robot).getItems().stream().map(SessionItem::app).distinct().toList())).containsExactly("Todo App");
        assertThat(onFx(() -> table(robot).getItems().stream().map(SessionItem::title).toList()))
                .doesNotContain("Slack-style team chat with channels");
        Label rls = robot.lookup("#rlsLine").queryAs(Label.class);
        assertThat(onFx(rls::getText)).startsWith("Viewing as ");
        robot.clickOn("#viewAsResetButton");
        until("every session again", () -> table(robot).getItems().size() == all);
    }
}
