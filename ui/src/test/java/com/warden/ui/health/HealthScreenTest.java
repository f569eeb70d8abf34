package com.warden.ui.health;

import static com.warden.ui.common.FxWait.onFx;
import static com.warden.ui.common.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.config.AppDirs;
import com.warden.app.testing.TestPostgres;
import com.warden.ui.shell.Composition;
import com.warden.ui.shell.ScreenRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Health screen in the real main window, headless: the checks listed with their statuses. */
@ExtendWith(ApplicationExtension.class)
class HealthScreenTest {
    @TempDir
    static Path home;
    static TestPostgres.TestDatabase demo;
    private Composition composition;

    @BeforeAll
    static void database() throws Exception {
        demo = TestPostgres.demoDatabase("health screen");
        try (Connection c = demo.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP INDEX core.working_set_session_covering");
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

    @Test
    @SuppressWarnings("unchecked")
    void listsEveryCheckWithItsStatusAndSelectsTheProblem(FxRobot robot) {
        until("connected", () -> robot.lookup("#schemaStatus").queryAs(Label.class).getText().startsWith("schema core"));
        robot.clickOn("#nav-health");
        until("the checks", () -> robot.lookup("#checksTable").tryQuery().isPresent()
                && !robot.lookup("#checksTable").queryAs(TableView.class).getItems().isEmpty());

        TableView<CheckRow> table = robot.lookup("#checksTable").queryAs(TableView.class);
        assertThat(onFx(() -> table.getItems().size())).isGreaterThan(15);
        assertThat(onFx(() -> table.getItems().stream().map(CheckRow::status).distinct().toList()))
                .contains("ok", "critical");
        assertThat(onFx(() -> robot.lookup("#healthStatus").queryAs(Label.class).getText())).isEqualTo("CRITICAL");
        // the first problem is selected and explained
        until("the detail", () -> robot.lookup("#detailTitle").queryAs(Label.class).getText()
                .equals("Expected indexes present and valid"));
        String hint = onFx(() -> robot.lookup("#hintText").queryAs(javafx.scene.control.TextArea.class).getText());
        assertThat(hint).contains("CREATE INDEX CONCURRENTLY working_set_session_covering");
        // the rendered status cells carry the words
        assertThat(robot.lookup(".status-critical").tryQuery()).isPresent();
        assertThat(robot.lookup(".status-ok").tryQuery()).isPresent();
    }
}
