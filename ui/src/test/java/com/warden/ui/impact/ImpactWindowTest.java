package com.warden.ui.impact;

import static com.warden.ui.common.FxWait.onFx;
import static com.warden.ui.common.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.config.AppDirs;
import com.warden.app.testing.TestPostgres;
import com.warden.ui.shell.Composition;
import com.warden.ui.shell.ScreenRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The real screen in the real main window, headless, on the demo database. */
@ExtendWith(ApplicationExtension.class)
class ImpactWindowTest {
    @TempDir
    static Path home;
    static TestPostgres.TestDatabase demo;

    private Composition composition;

    @BeforeAll
    static void database() {
        demo = TestPostgres.demoDatabase("impact window");
    }

    @Start
    void start(Stage stage) {
        composition = new Composition(new AppDirs(home.resolve("data"), home.resolve("config")), ScreenRegistry.standard());
        composition.openMainWindow(stage, demo.profile(), "Test database");
        // Monocle's headless screen is 1280 x 800: a bigger window overflows its frame buffer
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @AfterEach
    void stop() {
        composition.shutdown();
    }

    private static String text(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    private static GraphView graph(FxRobot robot) {
        return robot.lookup("#impactGraph").queryAs(GraphView.class);
    }

    private static List<String> shownPaths(GraphView view) {
        return onFx(() -> {
            List<String> paths = new ArrayList<>();
            GraphLayout l = view.graphLayout();
            for (int i = 0; l != null && i < l.size(); i++) {
                paths.add(l.info(i).path());
            }
            return paths;
        });
    }

    /** Opens the screen, picks the Todo App, types the golden path and presses Analyze. */
    private void openOnTheGoldenFile(FxRobot robot) {
        until("the schema status", () -> text(robot, "#schemaStatus").startsWith("schema core at version"));
        robot.clickOn("#nav-impact");
        until("the first walk", () -> graph(robot).graphLayout() != null);

        robot.clickOn("#impactApp");
        robot.clickOn((ListCell<?> c) -> c.getText() != null && c.getText().startsWith("Todo App — "));
        until("the Todo App", () -> {
            ComboBox<?> box = robot.lookup("#impactApp").queryAs(ComboBox.class);
            return box.getValue() != null && box.getValue().toString().equals("Todo App")
                    && text(robot, "#impactSubtitle").startsWith("src/types.ts in Todo App");
        });
        TextField path = robot.lookup("#impactPath").queryAs(TextField.class);
        robot.doubleClickOn(path).push(KeyCode.CONTROL, KeyCode.A).write("src/context/ThemeContext.tsx");
        robot.clickOn("#impactHeadline"); // closes the suggestions
        robot.clickOn("#impactAnalyze");
        until("the golden walk", () -> text(robot, "#impactSubtitle").startsWith("src/context/ThemeContext.tsx in Todo App"));
    }

    @Test
    void theGraphOpensOnTheGoldenFileAndDoubleClickingANodeReRoots(FxRobot robot) {
        openOnTheGoldenFile(robot);
        GraphView view = graph(robot);
        assertThat(shownPaths(view)).contains("src/context/ThemeContext.tsx", "src/App.tsx", "src/components/TodoList.tsx");
        assertThat(text(robot, "#impactStatus")).startsWith("4 files (3 besides the root), 4 references, no cycles");
        TableView<?> table = robot.lookup("#impactTable").queryAs(TableView.class);
        assertThat(onFx(() -> table.getItems().size())).isEqualTo(4);

        // hover App.tsx: the path to the root shows
        int app = shownPaths(view).indexOf("src/App.tsx");
        Point2D where = onFx(() -> view.localToScreen(view.screenCenter(app)[0], view.screenCenter(app)[1]));
        robot.moveTo(where);
        until("the hover path", () -> text(robot, "#impactHover").endsWith("src/context/ThemeContext.tsx ← src/App.tsx"));

        // click selects, double click re-roots
        robot.clickOn(where, MouseButton.PRIMARY);
        until("the selection", () -> text(robot, "#impactSelected").equals("src/App.tsx"));
        robot.doubleClickOn(where, MouseButton.PRIMARY);
        until("the re-rooted walk", () -> text(robot, "#impactSubtitle").startsWith("src/App.tsx in Todo App"));
        assertThat(shownPaths(view)).startsWith("src/App.tsx").contains("src/main.tsx").doesNotContain("src/context/ThemeContext.tsx");
        assertThat(onFx(() -> robot.lookup("#impactPath").queryAs(TextField.class).getText())).isEqualTo("src/App.tsx");

        // Back returns to the golden walk
        robot.clickOn("#impactBack");
        until("back", () -> text(robot, "#impactSubtitle").startsWith("src/context/ThemeContext.tsx in Todo App"));
    }

    @Test
    void aBadDepthOrPathIsSaidInOneLineAndTheGraphStays(FxRobot robot) {
        openOnTheGoldenFile(robot);
        GraphView view = graph(robot);
        GraphLayout shown = onFx(view::graphLayout);

        TextField depth = onFx(() -> ((javafx.scene.control.Spinner<?>) robot.lookup("#impactDepth").query()).getEditor());
        robot.doubleClickOn(depth).push(KeyCode.CONTROL, KeyCode.A).write("0").push(KeyCode.ENTER);
        until("the depth message", () -> text(robot, "#impactError")
                .equals("Depth 0 is outside the allowed range 1 to 50. — give a depth from 1 to 50 (default 5)"));
        // Analyze waits until the depth is fixed; the graph on screen stays
        robot.clickOn("#impactAnalyze");
        until("the message still there", () -> text(robot, "#impactError").startsWith("Depth 0 is outside"));
        assertThat(onFx(view::graphLayout)).isSameAs(shown);
        robot.doubleClickOn(depth).push(KeyCode.CONTROL, KeyCode.A).write("51").push(KeyCode.ENTER);
        until("the depth message", () -> text(robot, "#impactError").startsWith("Depth 51 is outside the allowed range 1 to 50."));
        robot.doubleClickOn(depth).push(KeyCode.CONTROL, KeyCode.A).write("1").push(KeyCode.ENTER);
        until("the walk at depth 1", () -> text(robot, "#impactError").isEmpty() && text(robot, "#impactStatus").startsWith("3 files"));
        shown = onFx(view::graphLayout);

        TextField path = robot.lookup("#impactPath").queryAs(TextField.class);
        robot.doubleClickOn(path).push(KeyCode.CONTROL, KeyCode.A).write("src/Nope.tsx").push(KeyCode.ENTER);
        until("the path message", () -> text(robot, "#impactError").startsWith("No file 'src/Nope.tsx' in app 'Todo App'."));
        assertThat(onFx(view::graphLayout)).isSameAs(shown);
        assertThat(onFx(() -> robot.lookup("#impactBack").queryAs(Button.class).isDisabled())).isFalse();
    }

    @Test
    void theTableAndTheMostDependedOnTabShowTheSameWalk(FxRobot robot) {
        openOnTheGoldenFile(robot);
        robot.clickOn("Most depended-on");
        TableView<?> top = robot.lookup("#impactTop").queryAs(TableView.class);
        until("the ranking", () -> !top.getItems().isEmpty());
        String first = onFx(() -> ((ImpactViewModel.TopRow) top.getItems().get(0)).path());
        assertThat(first).isEqualTo("src/types.ts");
        robot.clickOn("Table");
        TableView<?> table = robot.lookup("#impactTable").queryAs(TableView.class);
        assertThat(onFx(() -> table.getItems().stream().map(r -> ((ImpactViewModel.Row) r).path()).toList()))
                .contains("src/App.tsx", "src/components/TodoList.tsx");
    }
}
