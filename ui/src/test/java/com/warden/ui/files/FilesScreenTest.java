package com.warden.ui.files;

import static com.warden.ui.common.FxWait.onFx;
import static com.warden.ui.common.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.files.DiffRow;
import com.warden.app.files.FileVersion;
import com.warden.app.testing.TestPostgres;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The Files & Diffs screen in the real main window, headless, on the demo database. */
class FilesScreenTest extends FilesWindowTest {
    static TestPostgres.TestDatabase demo;

    @BeforeAll
    static void database() {
        demo = TestPostgres.demoDatabase("files screen");
    }

    @Override
    TestPostgres.TestDatabase testDatabase() {
        return demo;
    }

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private void openAppTsx(FxRobot robot) {
        FilesScreenDriver.openApp(robot, "Todo App");
        FilesScreenDriver.openFile(robot, "src/App.tsx");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAddedImportIsHighlightedOnTheRightAndNextChangeMovesTheView(FxRobot robot) {
        openAppTsx(robot);
        ComboBox<FileVersion> from = robot.lookup("#fromChoice").queryAs(ComboBox.class);
        ComboBox<FileVersion> to = robot.lookup("#toChoice").queryAs(ComboBox.class);
        until("the versions", () -> to.getItems().size() == 4);
        onFx(() -> {
            to.getSelectionModel().select(to.getItems().stream().filter(v -> v.version() == 2).findFirst().orElseThrow());
            from.getSelectionModel().select(from.getItems().stream().filter(v -> v.version() == 1).findFirst().orElseThrow());
            return null;
        });
        ListView<DiffRow> rows = robot.lookup("#diffRows").queryAs(ListView.class);
        until("the v1 → v2 rows", () -> rows.getItems().stream().anyMatch(r -> r.right() != null
                && r.right().text().contains("./context/ThemeContext")) && robot.lookup("#diffRows").query().isVisible());

        // the added import line is on the right only, on green, with nothing on the left
        int importRow = onFx(() -> indexOf(rows.getItems(), "./context/ThemeContext"));
        until("its cell on screen", () -> cell(rows, importRow) != null);
        List<String> rightClasses = onFx(() -> side(cell(rows, importRow), 1).getStyleClass());
        List<String> leftClasses = onFx(() -> side(cell(rows, importRow), 0).getStyleClass());
        assertThat(rightClasses).contains("diff-side", "added");
        assertThat(leftClasses).contains("diff-side", "filler");
        assertThat(robot.lookup("#screen-files").lookup((Node n) -> n instanceof Label l && l.getText() != null
                && l.getText().startsWith("Change 1 of ")).tryQuery()).isPresent();
        int selectedBefore = onFx(() -> rows.getSelectionModel().getSelectedIndex());
        assertThat(selectedBefore).isEqualTo(importRow);

        // next change: the key moves the selection and the view to the next change
        robot.clickOn(rows);
        robot.press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);
        until("the second change", () -> rows.getSelectionModel().getSelectedIndex() > importRow);
        int second = onFx(() -> rows.getSelectionModel().getSelectedIndex());
        assertThat(onFx(() -> rows.getItems().get(second).isChange())).isTrue();
        robot.push(KeyCode.F7);
        until("the third change", () -> rows.getSelectionModel().getSelectedIndex() > second);
        int third = onFx(() -> rows.getSelectionModel().getSelectedIndex());
        until("the third change on screen", () -> cell(rows, third) != null);
        robot.push(KeyCode.SHIFT, KeyCode.F7);
        until("back to the second", () -> rows.getSelectionModel().getSelectedIndex() == second);
    }

    @Test
    void theUnifiedViewShowsTheSeedFormat(FxRobot robot) {
        openAppTsx(robot);
        robot.clickOn("Unified");
        @SuppressWarnings("unchecked")
        ListView<String> lines = robot.lookup("#unifiedLines").queryAs(ListView.class);
        until("the unified lines", () -> lines.isVisible() && lines.getItems().size() > 3);
        assertThat(onFx(() -> lines.getItems().subList(0, 3))).satisfies(head -> {
            assertThat(head.get(0)).isEqualTo("--- src/App.tsx");
            assertThat(head.get(1)).isEqualTo("+++ src/App.tsx");
            assertThat(head.get(2)).startsWith("@@ -");
        });
    }

    private static int indexOf(List<DiffRow> rows, String text) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).right() != null && rows.get(i).right().text().contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static IndexedCell<?> cell(ListView<DiffRow> list, int index) {
        for (Node n : list.lookupAll(".list-cell")) {
            if (n instanceof ListCell<?> c && c.getIndex() == index && c.getItem() != null && c.isVisible()) {
                return c;
            }
        }
        return null;
    }

    /** The text pane of one side (0 left, 1 right) of a row's cell. */
    private static Node side(IndexedCell<?> cell, int which) {
        return cell.lookupAll(".diff-side").stream().skip(which).findFirst().orElseThrow();
    }
}
