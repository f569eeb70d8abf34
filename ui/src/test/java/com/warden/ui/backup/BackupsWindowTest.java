package com.warden.ui.backup;

import static com.warden.ui.common.FxWait.onFx;
import static com.warden.ui.common.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.backup.BackupCatalog;
import com.warden.app.config.AppDirs;
import com.warden.app.testing.TestPostgres;
import com.warden.ui.shell.Composition;
import com.warden.ui.shell.ScreenRegistry;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Walks the backup wizard to the end on the test database; the catalogue then shows the new backup. */
@ExtendWith(ApplicationExtension.class)
class BackupsWindowTest {
    @TempDir
    static Path home;
    @TempDir
    static Path catalog;
    static TestPostgres.TestDatabase demo;

    private Composition composition;

    @BeforeAll
    static void database() {
        demo = TestPostgres.demoDatabase("backups window");
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

    private Window wizard() {
        return onFx(() -> Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                && w.getScene().getRoot().lookup("#backupPageKind") != null || w.isShowing() && w.getScene() != null
                && w.getScene().getRoot().lookup(".wizard-pane") != null).findFirst().orElse(null));
    }

    private Node inWizard(FxRobot robot, String query) {
        return robot.from(wizard().getScene().getRoot()).lookup(query).query();
    }

    private void press(FxRobot robot, String text) {
        Button b = onFx(() -> (Button) wizard().getScene().getRoot().lookupAll(".button").stream()
                .filter(n -> n instanceof Button btn && text.equals(btn.getText().strip())).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + text + " among " + wizard().getScene().getRoot().lookupAll(".button")
                        .stream().map(n -> ((Button) n).getText()).toList())));
        until(text + " enabled", () -> !b.isDisabled());
        robot.clickOn(b);
    }

    @Test
    void walkTheBackupWizardToTheEndAndTheCatalogueShowsTheNewBackup(FxRobot robot) {
        until("connected", () -> composition.shell().screenContextProperty().get() != null);
        robot.clickOn("#nav-backups");
        until("the backups screen", () -> robot.lookup("#screen-backups").tryQuery().isPresent());
        robot.lookup("#catalogFolder").queryAs(TextField.class);

        robot.clickOn("#newBackupButton");
        until("the wizard", () -> wizard() != null);
        String kind = onFx(() -> ((Labeled) inWizard(robot, "#backupKindLogical")).getText());
        assertThat(kind).startsWith("Logical");
        press(robot, "Next");

        until("the table list", () -> !((javafx.scene.control.ListView<?>) inWizard(robot, "#backupTables")).getItems().isEmpty());
        press(robot, "Next");

        TextField folder = (TextField) inWizard(robot, "#backupCatalog");
        onFx(() -> {
            folder.setText(catalog.toString());
            return null;
        });
        robot.clickOn(inWizard(robot, "#backupLabel")).write("walked");
        press(robot, "Next");

        TextArea command = (TextArea) inWizard(robot, "#backupCommand");
        until("the exact command", () -> command.getText().contains("pg_dump"));
        String text = onFx(command::getText);
        assertThat(text).contains("-F c").contains(catalog.toString());
        press(robot, "Finish");

        @SuppressWarnings("unchecked")
        TableView<Rows.CatalogRow> table = robot.lookup("#catalogTable").queryAs(TableView.class);
        until("the new backup in the catalogue", () -> table.getItems().size() == 1 && "verified".equals(table.getItems().get(0).state()));
        Rows.CatalogRow row = onFx(() -> table.getItems().get(0));
        assertThat(row.id()).contains(demo.name()).endsWith("-custom-walked");
        assertThat(row.kind()).isEqualTo("logical custom");
        assertThat(new BackupCatalog(catalog).list()).singleElement().satisfies(e -> assertThat(e.id()).isEqualTo(row.id()));
        String result = onFx(() -> robot.lookup("#jobResult").queryAs(Labeled.class).getText());
        assertThat(result).startsWith("Backup " + row.id() + " done");
    }
}
