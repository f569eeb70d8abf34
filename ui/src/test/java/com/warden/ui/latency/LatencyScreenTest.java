package com.warden.ui.latency;

import static com.warden.ui.common.FxWait.onFx;
import static com.warden.ui.common.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.config.AppDirs;
import com.warden.app.testing.TestPostgres;
import com.warden.ui.shell.Composition;
import com.warden.ui.shell.ScreenRegistry;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Latency screen in the real main window, headless: its charts draw series that grow. */
@ExtendWith(ApplicationExtension.class)
class LatencyScreenTest {
    @TempDir
    static Path home;
    static TestPostgres.TestDatabase demo;
    private Composition composition;

    @BeforeAll
    static void database() {
        demo = TestPostgres.demoDatabase("latency screen");
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

    private static int items(ChartViewer viewer) {
        return viewer.getChart().getXYPlot().getDataset().getItemCount(1); // p95
    }

    @Test
    @SuppressWarnings("unchecked")
    void theChartsDrawSeriesThatGrowAndTheTableShowsEveryProbe(FxRobot robot) {
        until("connected", () -> robot.lookup("#schemaStatus").queryAs(Label.class).getText().startsWith("schema core"));
        robot.clickOn("#nav-latency");
        until("the recent-messages chart", () -> robot.lookup("#chart-020_recent_messages").tryQuery().isPresent());
        ChartViewer chart = robot.lookup("#chart-020_recent_messages").queryAs(ChartViewer.class);
        until("a first point", () -> items(chart) >= 1);
        int first = onFx(() -> items(chart));
        until("the series to grow", () -> items(chart) >= first + 2);

        TableView<ProbeRow> table = robot.lookup("#probeTable").queryAs(TableView.class);
        assertThat(onFx(() -> table.getItems().size())).isEqualTo(10);
        until("the statuses", () -> table.getItems().stream().allMatch(r -> !r.statusProperty().get().equals("waiting")));
        assertThat(onFx(() -> robot.lookup("#connectionLine").queryAs(Label.class).getText())).startsWith("connected");

        // pause freezes the chart; resume catches up
        robot.clickOn("#pauseButton");
        int frozen = onFx(() -> items(chart));
        robot.sleep(1500);
        assertThat(onFx(() -> items(chart))).isEqualTo(frozen);
        robot.clickOn("#pauseButton");
        until("the chart to catch up", () -> items(chart) > frozen);

        robot.clickOn("Statements & activity");
        until("the pg_stat_statements hint", () -> robot.lookup("#statementsMessage").tryQuery()
                .map(javafx.scene.Node::isVisible).orElse(false));
    }
}
