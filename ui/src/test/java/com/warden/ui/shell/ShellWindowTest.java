package com.warden.ui.shell;

import static com.warden.ui.common.FxWait.onFx;
import static com.warden.ui.common.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.Message;
import com.warden.app.config.AppDirs;
import com.warden.app.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The main window, opened the way ./warden demo opens it: with a profile, connected at once. */
@ExtendWith(ApplicationExtension.class)
class ShellWindowTest {
    @TempDir
    static Path home;
    static TestPostgres.TestDatabase demo;

    private Composition composition;
    private Stage stage;

    @BeforeAll
    static void database() {
        demo = TestPostgres.demoDatabase("shell window");
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        composition = new Composition(new AppDirs(home.resolve("data"), home.resolve("config")), ScreenRegistry.standard());
        composition.openMainWindow(stage, demo.profile(), "Test database");
    }

    @AfterEach
    void stop() {
        composition.shutdown();
    }

    private String text(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    private void awaitConnected(FxRobot robot) {
        until("the schema status", () -> text(robot, "#schemaStatus").startsWith("schema core at version"));
    }

    @Test
    void opensConnectedAndShowsServerVersionAndSchemaInTheStatusBar(FxRobot robot) {
        awaitConnected(robot);

        assertThat(text(robot, "#schemaStatus")).matches("schema core at version \\d+");
        assertThat(text(robot, "#serverVersion")).startsWith("PostgreSQL 15");
        assertThat(text(robot, "#serverLabel")).isEqualTo("postgres@" + demo.profile().label());
        assertThat(onFx(stage::getTitle)).isEqualTo("Warden — " + demo.profile().name());
        until("the pool line", () -> text(robot, "#poolUse").matches("pool \\d+ active / \\d+ open"));

        // the Sessions placeholder is open, and says what it will do
        Node sessions = robot.lookup("#screen-sessions").query();
        boolean visible = onFx(sessions::isVisible);
        assertThat(visible).isTrue();
        assertThat(robot.from(sessions).lookup((Node n) -> n instanceof Message m && "Not built yet".equals(m.getTitle()))
                .tryQuery()).isPresent();
        assertThat(robot.from(sessions).lookup((Node n) -> n instanceof Label l && l.getText().startsWith("Browse the agent's chat sessions"))
                .tryQuery()).isPresent();
    }

    @Test
    void clickingEachNavigationEntrySwitchesTheScreen(FxRobot robot) {
        awaitConnected(robot);
        StackPane host = robot.lookup("#screenHost").queryAs(StackPane.class);
        List<Screen> screens = new ArrayList<>(composition.shell().screens().all());
        Collections.reverse(screens); // the first one is already open
        for (Screen screen : screens) {
            robot.clickOn("#nav-" + screen.id());
            until(screen.title() + " on screen", () -> host.getChildren().size() == 1
                    && ("screen-" + screen.id()).equals(host.getChildren().get(0).getId()));
            assertThat(onFx(() -> composition.shell().selectedScreenProperty().get())).isSameAs(screen);
        }
    }

    @Test
    void f5RefreshesCtrlNOpensTheConnectDialogOnTheCurrentDatabase(FxRobot robot) {
        awaitConnected(robot);

        robot.push(KeyCode.F5);
        until("the refresh", () -> "Refreshed.".equals(text(robot, "#activity")));

        robot.push(KeyCode.CONTROL, KeyCode.N);
        until("the connect dialog", () -> composition.connectDialog().stage() != null
                && composition.connectDialog().stage().isShowing());
        TextField uri = robot.from(composition.connectDialog().stage().getScene().getRoot())
                .lookup("#uriField").queryAs(TextField.class);
        String typed = onFx(uri::getText);
        assertThat(typed).isEqualTo(demo.profile().safeUri());

        robot.push(KeyCode.ESCAPE);
        until("the dialog to close", () -> !composition.connectDialog().stage().isShowing());
    }

    @Test
    void theViewMenuSwitchesToTheDarkThemeAndRemembersIt(FxRobot robot) throws Exception {
        awaitConnected(robot);
        boolean wasDark = onFx(() -> composition.shell().darkThemeProperty().get());

        robot.clickOn("View");
        robot.clickOn("Dark theme");

        until("the theme switch", () -> composition.shell().darkThemeProperty().get() != wasDark);
        String expected = wasDark ? "primer-light" : "primer-dark";
        String userAgent = onFx(() -> Application.getUserAgentStylesheet());
        assertThat(userAgent).contains(expected);
        composition.shutdown(); // flushes the settings writer
        assertThat(Files.readString(home.resolve("config/desktop.json"))).contains(wasDark ? "light" : "dark");
    }
}
