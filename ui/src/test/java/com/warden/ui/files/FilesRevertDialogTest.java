package com.warden.ui.files;

import static com.warden.ui.common.FxWait.onFx;
import static com.warden.ui.common.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.files.FileVersion;
import com.warden.app.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** "Make this version the head" asks first: Cancel writes nothing, OK writes v5 and shows it. */
class FilesRevertDialogTest extends FilesWindowTest {
    static TestPostgres.TestDatabase demo;

    @BeforeAll
    static void database() {
        demo = TestPostgres.demoDatabase("files revert dialog");
    }

    @Override
    TestPostgres.TestDatabase testDatabase() {
        return demo;
    }

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private static long versions() throws Exception {
        try (Connection c = demo.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT count(*) FROM core.file_versions v JOIN core.files f ON f.id = v.file_id JOIN core.apps a ON a.id = f.app_id
                 WHERE a.name = 'Todo App' AND f.path = 'src/App.tsx'""")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void cancelWritesNothingAndOkMakesTheVersionTheHead(FxRobot robot) throws Exception {
        FilesScreenDriver.openApp(robot, "Todo App");
        FilesScreenDriver.openFile(robot, "src/App.tsx");
        TableView<FileVersion> table = robot.lookup("#versionTable").queryAs(TableView.class);
        Button revert = robot.lookup("#revertButton").queryAs(Button.class);
        until("four versions and write access", () -> table.getItems().size() == 4 && table.getItems().get(0).version() == 4
                && table.getItems().get(0).head());
        onFx(() -> {
            table.getSelectionModel().select(table.getItems().stream().filter(v -> v.version() == 2).findFirst().orElseThrow());
            return null;
        });
        until("the revert button", () -> !revert.isDisabled());
        long before = versions();

        robot.clickOn(revert);
        DialogPane dialog = awaitDialog(robot);
        assertThat(onFx(dialog::getContentText)).startsWith("Make v2 the head of src/App.tsx?").contains("writes v5");
        robot.clickOn((Button) dialog.lookupButton(ButtonType.CANCEL));
        until("the dialog to close", () -> dialogPane(robot) == null);
        assertThat(versions()).isEqualTo(before);

        robot.clickOn(revert);
        dialog = awaitDialog(robot);
        robot.clickOn((Button) dialog.lookupButton(ButtonType.OK));
        until("v5 at the top of the versions", () -> table.getItems().size() == 5 && table.getItems().get(0).version() == 5
                && table.getItems().get(0).head());
        assertThat(versions()).isEqualTo(before + 1);
        until("the status line", () -> robot.lookup("#statusLine").queryAs(Label.class).getText()
                .equals("src/App.tsx: v2 restored as v5, now the head."));
    }

    private static DialogPane awaitDialog(FxRobot robot) {
        until("the confirmation", () -> dialogPane(robot) != null);
        return onFx(() -> dialogPane(robot));
    }

    private static DialogPane dialogPane(FxRobot robot) {
        return onFx(() -> Window.getWindows().stream().filter(Window::isShowing)
                .map(w -> w.getScene() == null ? null : w.getScene().getRoot())
                .filter(r -> r instanceof DialogPane).map(r -> (DialogPane) r).findFirst().orElse(null));
    }
}
