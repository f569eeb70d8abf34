package com.warden.ui.impact;

import static com.warden.ui.common.FxWait.onFx;
import static com.warden.ui.common.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.impact.ImpactGraph;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A 2,000-file graph on the canvas: laid out off the FX thread, fitted, and drawn only where it is
 * visible. Frame times are printed for docs/impact.md, never asserted.
 */
@ExtendWith(ApplicationExtension.class)
class GraphViewTest {
    static GraphLayout big;
    private GraphView view;

    @BeforeAll
    static void layOut() {
        ImpactGraph g = SyntheticGraphs.dependents(20_000, 100_000, 2_000);
        long t0 = System.nanoTime();
        big = GraphLayout.of(g);
        System.err.printf("impact-figures: layout of %,d files / %,d references: %.1f ms (test thread)%n",
                big.size(), big.edgeCount(), (System.nanoTime() - t0) / 1e6);
    }

    @Start
    void start(Stage stage) {
        view = new GraphView();
        stage.setScene(new Scene(new StackPane(view), 1000, 700));
        stage.show();
    }

    /** The median time to draw one frame (on the FX thread), after a few to warm up. */
    private double frame() {
        return onFx(() -> {
            double[] t = new double[15];
            for (int i = -5; i < t.length; i++) {
                long t0 = System.nanoTime();
                view.drawNow();
                if (i >= 0) {
                    t[i] = (System.nanoTime() - t0) / 1e6;
                }
            }
            java.util.Arrays.sort(t);
            return t[t.length / 2];
        });
    }

    @Test
    void twoThousandFilesAreFittedAndOnlyTheVisiblePartIsDrawn(FxRobot robot) {
        onFx(() -> {
            view.setGraphLayout(big);
            return null;
        });
        until("the fitted frame", () -> view.drawnNodes() > 0);
        double fitFrame = frame();
        assertThat(view.drawnNodes()).isEqualTo(2_000);
        assertThat(view.scale()).isLessThan(0.45); // far out: boxes without labels
        int allEdges = view.drawnEdges();

        onFx(() -> {
            view.zoomAt(500, 350, 12);
            return null;
        });
        double zoomedFrame = frame();
        assertThat(view.drawnNodes()).isPositive().isLessThan(2_000 / 4);
        assertThat(view.drawnEdges()).isLessThan(allEdges);
        System.err.printf("impact-figures: frame of the 2,000-file graph: fitted %.1f ms (%d files, %d references drawn), "
                + "zoomed in %.1f ms (%d files, %d references drawn)%n",
                fitFrame, 2_000, allEdges, zoomedFrame, view.drawnNodes(), view.drawnEdges());

        // dragging pans: other files come into view
        int before = view.drawnNodes();
        Point2D centre = onFx(() -> view.localToScreen(500, 350));
        robot.drag(centre, MouseButton.PRIMARY).dropBy(-300, -200);
        until("the pan", () -> view.drawnNodes() != before || view.scale() > 0);

        // hovering a file highlights its path to the root
        int target = onFx(() -> {
            for (int i = 0; i < big.size(); i++) {
                double[] c = view.screenCenter(i);
                if (c[0] > 100 && c[0] < 900 && c[1] > 100 && c[1] < 600 && big.info(i).depth() >= 1) {
                    return i;
                }
            }
            return -1;
        });
        assertThat(target).isNotNegative();
        Point2D where = onFx(() -> view.localToScreen(view.screenCenter(target)[0], view.screenCenter(target)[1]));
        robot.moveTo(where);
        until("the hover", () -> view.hoveredProperty().get() == target);
        assertThat(big.pathIndices(target)).hasSize(big.info(target).depth() + 1);

        // fit again, and the PNG render of the whole graph
        onFx(() -> {
            view.fit();
            return null;
        });
        AtomicReference<WritableImage> image = new AtomicReference<>();
        onFx(() -> {
            image.set(view.renderAll(4000));
            return null;
        });
        assertThat(Math.max(image.get().getWidth(), image.get().getHeight())).isBetween(1000.0, 4001.0);
    }
}
