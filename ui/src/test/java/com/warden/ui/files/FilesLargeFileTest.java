package com.warden.ui.files;

import static com.warden.ui.common.FxWait.onFx;
import static com.warden.ui.common.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.files.DiffRow;
import com.warden.app.files.FileTree;
import com.warden.app.files.SyntheticPair;
import com.warden.app.files.TestFiles;
import com.warden.app.testing.TestPostgres;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A 20,000-line pair and a 5 MB file in the real screen: diffed while the FX thread stays free,
 * shown in virtualised rows (a few dozen cells for tens of thousands of rows), navigable.
 */
class FilesLargeFileTest extends FilesWindowTest {
    static TestPostgres.TestDatabase demo;
    static int fiveMbLines;

    @BeforeAll
    static void database() throws Exception {
        demo = TestPostgres.demoDatabase("files large");
        String[] pair = SyntheticPair.generate(20_000, 0.01, 5);
        TestFiles.addTextFile(demo.dataSource(), "big/twenty-thousand.ts", pair[0], pair[1]);
        String[] huge = SyntheticPair.generate(185_000, 0.01, 6);
        assertThat(huge[0].length()).isGreaterThan(5 * 1024 * 1024);
        fiveMbLines = (int) huge[1].chars().filter(c -> c == '\n').count();
        TestFiles.addTextFile(demo.dataSource(), "big/five-mb.ts", huge[0], huge[1]);
    }

    @Override
    TestPostgres.TestDatabase testDatabase() {
        return demo;
    }

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    @SuppressWarnings("unchecked")
    void bigDiffsRunOffTheFxThreadAndShowInVirtualisedRows(FxRobot robot) {
        FilesScreenDriver.openApp(robot, "Todo App");
        TreeView<FileTree.Node> tree = robot.lookup("#fileTree").queryAs(TreeView.class);
        ListView<DiffRow> rows = robot.lookup("#diffRows").queryAs(ListView.class);
        ProgressIndicator busy = robot.lookup("#loadingIndicator").queryAs(ProgressIndicator.class);

        for (String[] file : new String[][] {{"big/twenty-thousand.ts", "20000"}, {"big/five-mb.ts", String.valueOf(fiveMbLines)}}) {
            until(file[0] + " in the tree", () -> FilesScreenDriver.find(tree.getRoot(), file[0]) != null);
            AtomicBoolean fxFreeWhileDiffing = new AtomicBoolean();
            onFx(() -> {
                tree.getSelectionModel().select(FilesScreenDriver.find(tree.getRoot(), file[0]));
                // queued while the diff runs: it only finds the spinner still on when the FX thread was not the one diffing
                Platform.runLater(() -> fxFreeWhileDiffing.set(busy.isVisible()));
                return null;
            });
            int lines = Integer.parseInt(file[1]);
            until(file[0] + " rows", () -> rows.getItems().size() >= lines && !busy.isVisible());
            assertThat(fxFreeWhileDiffing).as("the FX thread ran other work while " + file[0] + " was diffed").isTrue();
            int cells = onFx(() -> rows.lookupAll(".list-cell").size());
            assertThat(cells).as("cells for " + rows.getItems().size() + " rows").isLessThan(150);
            assertThat(robot.lookup("#changePosition").queryAs(Label.class).getText()).startsWith("Change 1 of ");

            // next change works through the big file, and the view follows
            robot.clickOn(rows);
            int before = onFx(() -> rows.getSelectionModel().getSelectedIndex());
            robot.push(KeyCode.F7);
            until("the next change", () -> rows.getSelectionModel().getSelectedIndex() > before);
            robot.push(KeyCode.END);
            until("the end", () -> rows.getSelectionModel().getSelectedIndex() == rows.getItems().size() - 1);
            assertThat(onFx(() -> rows.lookupAll(".list-cell").size())).isLessThan(150);
        }
    }
}
