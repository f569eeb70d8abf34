package com.warden.ui.integrity;

import static com.warden.ui.common.FxWait.onFx;
import static com.warden.ui.common.FxWait.until;

import com.warden.app.config.AppDirs;
import com.warden.app.testing.TestPostgres;
import com.warden.ui.shell.Composition;
import com.warden.ui.shell.ScreenRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The pictures of docs/integrity.md: several faults, a run held mid-way by a lock (progress and
 * Cancel), a second run compared with the first. Runs only with -Dwarden.screenshots=DIR.
 */
@ExtendWith(ApplicationExtension.class)
class IntegrityScreenshotsTest {
    @TempDir
    static Path home;
    static TestPostgres.TestDatabase demo;

    private Composition composition;

    @BeforeAll
    static void database() throws Exception {
        Assumptions.assumeTrue(System.getProperty("warden.screenshots") != null, "only when asked for screenshots");
        demo = TestPostgres.demoDatabase("integrity shots");
        sql("""
                UPDATE core.file_versions SET content = content || '// edited behind the agent''s back'
                 WHERE id = (SELECT v.id FROM core.file_versions v JOIN core.files f ON f.id = v.file_id JOIN core.apps a ON a.id = f.app_id
                              WHERE a.name = 'Todo App' AND f.path = 'src/App.tsx' AND v.version = 2)""",
                "UPDATE core.image_assets SET format = 'jpeg' WHERE id = (SELECT id FROM core.image_assets WHERE format = 'png' ORDER BY id LIMIT 1)",
                """
                UPDATE core.files SET head_version_id = (SELECT v.id FROM core.file_versions v JOIN core.files f ON f.id = v.file_id
                       JOIN core.apps a ON a.id = f.app_id WHERE a.name = 'Team Chat' AND f.path = 'src/types.ts' AND v.version = 1)
                 WHERE path = 'src/App.tsx' AND app_id = (SELECT id FROM core.apps WHERE name = 'Team Chat')""",
                "ALTER TABLE core.apps ADD CONSTRAINT apps_name_short CHECK (length(name) < 60) NOT VALID");
    }

    static void sql(String... statements) throws Exception {
        try (Connection c = demo.dataSource().getConnection(); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    @Start
    void start(Stage stage) {
        composition = new Composition(new AppDirs(home.resolve("data"), home.resolve("config")), ScreenRegistry.standard());
        composition.openMainWindow(stage, demo.profile(), "Demo database");
    }

    @AfterEach
    void stop() {
        if (composition != null) {
            composition.shutdown();
        }
    }

    @Test
    void pictures(FxRobot robot) throws Exception {
        until("the connection", () -> robot.lookup("#schemaStatus").queryAs(Label.class).getText().startsWith("schema core"));
        robot.clickOn("#nav-integrity");
        until("the integrity screen", () -> robot.lookup("#screen-integrity").tryQuery().isPresent());
        Node screen = robot.lookup("#screen-integrity").query();
        Label verdict = robot.from(screen).lookup("#verdictTitle").queryAs(Label.class);

        // a run held by a lock: the progress bar and Cancel
        try (Connection locker = demo.dataSource().getConnection(); Statement st = locker.createStatement()) {
            locker.setAutoCommit(false);
            st.execute("LOCK TABLE core.working_set IN ACCESS EXCLUSIVE MODE");
            robot.clickOn("#runButton");
            ProgressBar bar = robot.from(screen).lookup("#progressBar").queryAs(ProgressBar.class);
            until("progress", () -> bar.isVisible() && bar.getProgress() > 0.3);
            Screenshots.save(robot, "integrity-running");
            locker.rollback();
        }
        until("the first report", () -> verdict.getText().contains("error"));

        // a second run: one fault repaired, one new
        sql("UPDATE core.image_assets SET format = 'png' WHERE format = 'jpeg' AND core.image_format_of(bytes) = 'png'",
                "ALTER TABLE core.working_set DISABLE TRIGGER ALL",
                """
                DELETE FROM core.file_versions WHERE id = (SELECT v.id FROM core.file_versions v JOIN core.files f ON f.id = v.file_id
                       JOIN core.apps a ON a.id = f.app_id WHERE a.name = 'Expense Tracker' AND f.path = 'src/App.tsx' AND v.version = 2)""");
        robot.clickOn("#runButton");
        until("the second report", () -> robot.from(screen).lookup("#verdictDetail").queryAs(Label.class).getText().contains("gone since"));
        @SuppressWarnings("unchecked")
        TreeTableView<IntegrityController.Row> tree = robot.from(screen).lookup("#findingsTree").queryAs(TreeTableView.class);
        TreeItem<IntegrityController.Row> first = onFx(() -> tree.getRoot().getChildren().get(0).getChildren().get(0).getChildren().get(0));
        onFx(() -> {
            tree.getSelectionModel().select(first);
            return null;
        });
        Screenshots.save(robot, "integrity-findings");
        TreeItem<IntegrityController.Row> digest = onFx(() -> tree.getRoot().getChildren().get(0).getChildren().get(1).getChildren().get(0));
        onFx(() -> {
            tree.getSelectionModel().select(digest);
            return null;
        });
        robot.clickOn("#openFileHistory");
        until("the file history", () -> robot.from(screen).lookup("#fileHistoryBox").tryQuery().map(Node::isVisible).orElse(false));
        Screenshots.save(robot, "integrity-file-history");
        TabPane tabs = robot.from(screen).lookup("#tabs").queryAs(TabPane.class);
        onFx(() -> {
            tabs.getSelectionModel().select(2);
            return null;
        });
        Screenshots.save(robot, "integrity-since-last-run");
        onFx(() -> {
            tabs.getSelectionModel().select(1);
            return null;
        });
        Screenshots.save(robot, "integrity-checks");
    }
}
