package com.warden.ui.integrity;

import static com.warden.ui.common.FxWait.onFx;
import static com.warden.ui.common.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.config.AppDirs;
import com.warden.app.testing.TestPostgres;
import com.warden.ui.shell.Composition;
import com.warden.ui.shell.ScreenRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Integrity screen in the real window, headless: one injected fault is found, shown, and opens its file. */
@ExtendWith(ApplicationExtension.class)
class IntegrityWindowTest {
    @TempDir
    static Path home;
    static TestPostgres.TestDatabase demo;

    private Composition composition;

    @BeforeAll
    static void database() throws Exception {
        demo = TestPostgres.demoDatabase("integrity window");
        try (Connection c = demo.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("""
                    UPDATE core.file_versions SET content = content || '// edited behind the agent''s back'
                     WHERE id = (SELECT v.id FROM core.file_versions v JOIN core.files f ON f.id = v.file_id
                                   JOIN core.apps a ON a.id = f.app_id
                                  WHERE a.name = 'Todo App' AND f.path = 'src/App.tsx' AND v.version = 2)""");
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
    void runsTheReportShowsTheFindingAndOpensTheFilesHistory(FxRobot robot) throws Exception {
        until("the connection", () -> robot.lookup("#schemaStatus").queryAs(Label.class).getText().startsWith("schema core"));
        robot.clickOn("#nav-integrity");
        until("the integrity screen", () -> robot.lookup("#screen-integrity").tryQuery().isPresent());
        Node screen = robot.lookup("#screen-integrity").query();
        Label verdict = robot.from(screen).lookup("#verdictTitle").queryAs(Label.class);
        Label verdictDetail = robot.from(screen).lookup("#verdictDetail").queryAs(Label.class);
        assertThat(onFx(verdict::getText)).isEqualTo("No run yet");

        robot.clickOn("#runButton");
        until("the report", () -> verdict.getText().contains("1 error"));
        assertThat(onFx(verdictDetail::getText)).contains("First run on this database");
        Button cancel = robot.from(screen).lookup("#cancelButton").queryAs(Button.class);
        assertThat(onFx(cancel::isVisible)).isFalse();

        @SuppressWarnings("unchecked")
        TreeTableView<IntegrityController.Row> tree = robot.from(screen).lookup("#findingsTree").queryAs(TreeTableView.class);
        TreeItem<IntegrityController.Row> errors = onFx(() -> tree.getRoot().getChildren().get(0));
        assertThat(onFx(() -> errors.getValue().label())).isEqualTo("Error (1)");
        TreeItem<IntegrityController.Row> check = onFx(() -> errors.getChildren().get(0));
        assertThat(onFx(() -> check.getValue().label())).isEqualTo("File version digests (1)");
        FindingItem finding = onFx(() -> check.getChildren().get(0).getValue().finding());
        assertThat(finding.code()).isEqualTo("version-digest");
        assertThat(finding.where()).isEqualTo("Todo App: src/App.tsx");

        robot.clickOn(finding.title());
        until("the details", () -> robot.from(screen).lookup("#detailTitle").queryAs(Label.class).getText().equals(finding.title()));
        assertThat(onFx(() -> robot.from(screen).lookup("#detailWhere").queryAs(Label.class).getText())).isEqualTo("Todo App: src/App.tsx");
        assertThat(onFx(() -> robot.from(screen).lookup("#detailExpected").queryAs(Label.class).getText())).startsWith("sha256 ");

        Hyperlink open = robot.from(screen).lookup("#openFileHistory").queryAs(Hyperlink.class);
        assertThat(onFx(open::isDisabled)).isFalse();
        robot.clickOn(open);
        until("the file history", () -> robot.from(screen).lookup("#fileHistoryBox").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(onFx(() -> robot.from(screen).lookup("#fileHistoryTitle").queryAs(Label.class).getText()))
                .startsWith("History of src/App.tsx in Todo App");
        @SuppressWarnings("unchecked")
        TableView<VersionItem> versions = robot.from(screen).lookup("#fileHistoryTable").queryAs(TableView.class);
        assertThat(onFx(() -> versions.getItems().stream().filter(VersionItem::concerned).map(VersionItem::version).toList()))
                .containsExactly("v2");
        Screenshots.save(robot, "integrity-finding");

        // the run was kept in the user's data folder, and the next one is compared with it
        try (Stream<Path> runs = Files.walk(home.resolve("data/integrity"))) {
            assertThat(runs.filter(p -> p.toString().endsWith(".json"))).hasSize(1);
        }
        robot.clickOn("#runButton");
        until("the second report", () -> verdictDetail.getText().contains("No change since the last run"));
    }
}
