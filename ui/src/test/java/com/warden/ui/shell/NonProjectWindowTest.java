package com.warden.ui.shell;

import static com.warden.ui.common.FxWait.onFx;
import static com.warden.ui.common.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.Message;
import com.warden.app.config.AppDirs;
import com.warden.app.testing.TestPostgres;
import com.warden.ui.common.UiStyles;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A PostgreSQL without schema core: the DBA screens stay, the project screens say what is missing. */
@ExtendWith(ApplicationExtension.class)
class NonProjectWindowTest {
    @TempDir
    static Path home;

    private Composition composition;

    @Start
    void start(Stage stage) {
        var empty = TestPostgres.emptyDatabase("non project window");
        composition = new Composition(new AppDirs(home.resolve("data"), home.resolve("config")), ScreenRegistry.standard());
        composition.openMainWindow(stage, empty.profile(), null);
    }

    @AfterEach
    void stop() {
        composition.shutdown();
    }

    @Test
    void sessionsExplainsWhatIsMissingAndHealthStaysAvailable(FxRobot robot) {
        until("the schema status", () -> "not a project database".equals(
                robot.lookup("#schemaStatus").queryAs(Label.class).getText()));

        Node sessions = robot.lookup("#screen-sessions").query();
        Message why = robot.from(sessions).lookup("#screenLine").queryAs(Message.class);
        String title = onFx(why::getTitle);
        assertThat(title).isEqualTo("This screen needs a project database");
        String description = onFx(why::getDescription);
        assertThat(description).startsWith("Not a project database: there is no schema core.")
                .contains("run 'warden migrate'");
        assertThat(onFx(() -> robot.lookup("#nav-sessions").query().getStyleClass())).contains(UiStyles.UNAVAILABLE);
        assertThat(onFx(() -> robot.lookup("#nav-health").query().getStyleClass())).doesNotContain(UiStyles.UNAVAILABLE);

        robot.clickOn("#nav-health");
        until("the Health screen", () -> robot.lookup("#screen-health").tryQuery().isPresent());
        Node health = robot.lookup("#screen-health").query();
        assertThat(robot.from(health).lookup("#screenLine").tryQuery()).isEmpty();
        assertThat(robot.from(health).lookup((Node n) -> n instanceof Message m && "Not built yet".equals(m.getTitle()))
                .tryQuery()).isPresent();
    }
}
