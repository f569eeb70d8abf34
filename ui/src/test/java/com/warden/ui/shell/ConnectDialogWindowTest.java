package com.warden.ui.shell;

import static com.warden.ui.common.FxWait.onFx;
import static com.warden.ui.common.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.config.AppDirs;
import com.warden.app.connect.ProfileStore;
import com.warden.app.testing.TestPostgres;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.service.query.NodeQuery;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** ./warden gui without --url: the window opens on the connect dialog. */
@ExtendWith(ApplicationExtension.class)
class ConnectDialogWindowTest {
    @TempDir
    static Path home;

    private Composition composition;

    @Start
    void start(Stage stage) {
        composition = new Composition(new AppDirs(home.resolve("data"), home.resolve("config")), ScreenRegistry.standard());
        composition.openMainWindow(stage, null, null);
    }

    @AfterEach
    void stop() {
        composition.shutdown();
    }

    private void awaitDialog() {
        until("the connect dialog", () -> composition.connectDialog().stage() != null
                && composition.connectDialog().stage().isShowing());
    }

    /** Looks only inside the dialog: the main window behind it has nodes of its own. */
    private NodeQuery inDialog(FxRobot robot, String query) {
        return robot.from(composition.connectDialog().stage().getScene().getRoot()).lookup(query);
    }

    private String errorLine(FxRobot robot) {
        return onFx(() -> {
            Label line = inDialog(robot, "#errorLine").queryAs(Label.class);
            return line.getParent().isVisible() ? line.getText() : "";
        });
    }

    private String typedUri(FxRobot robot) {
        return onFx(() -> inDialog(robot, "#uriField").queryAs(TextField.class).getText());
    }

    @Test
    void aClosedPortShowsTheClearLineAndKeepsWhatWasTyped(FxRobot robot) {
        awaitDialog();
        robot.clickOn(inDialog(robot, "#uriField").queryAs(TextField.class)).write("postgresql://nobody@localhost:1/x");
        robot.clickOn(inDialog(robot, "#connectButton").queryAs(Button.class));

        until("the error line", () -> !errorLine(robot).isEmpty());
        assertThat(errorLine(robot)).startsWith("Nothing is listening on localhost:1 (connection refused).");
        assertThat(typedUri(robot)).isEqualTo("postgresql://nobody@localhost:1/x");
        assertThat(onFx(() -> composition.connectDialog().stage().isShowing())).isTrue();
        assertThat(inDialog(robot, "#copyDetailsLink").tryQuery()).isPresent();
        assertThat(onFx(() -> composition.shell().stateProperty().get())).isEqualTo(ConnectionState.DISCONNECTED);
    }

    @Test
    void notAUrlIsExplainedAndEnterConnects(FxRobot robot) {
        awaitDialog();
        robot.clickOn(inDialog(robot, "#uriField").queryAs(TextField.class)).write("not-a-url");
        robot.push(KeyCode.ENTER);

        until("the error line", () -> !errorLine(robot).isEmpty());
        assertThat(errorLine(robot)).isEqualTo("Not a PostgreSQL URI: 'not-a-url'. — write postgresql://user@host:5432/database");
        assertThat(typedUri(robot)).isEqualTo("not-a-url");
        assertThat(onFx(() -> composition.connectDialog().stage().isShowing())).isTrue();
    }

    @Test
    void aGoodUriConnectsClosesTheDialogAndIsRememberedAsRecent(FxRobot robot) {
        var demo = TestPostgres.demoDatabase("connect dialog window");
        awaitDialog();
        robot.clickOn(inDialog(robot, "#uriField").queryAs(TextField.class)).write(demo.url());
        robot.clickOn(inDialog(robot, "#connectButton").queryAs(Button.class));

        until("the dialog to close", () -> !composition.connectDialog().stage().isShowing());
        until("the schema status", () -> robot.lookup("#schemaStatus").queryAs(Label.class).getText()
                .startsWith("schema core at version"));
        assertThat(new ProfileStore(home.resolve("config")).load())
                .extracting(p -> p.database()).contains(demo.profile().database());
    }
}
