package com.warden.ui.latency;

import com.warden.ui.common.ControllerFactory;
import com.warden.ui.common.Fxml;
import com.warden.ui.shell.Screen;
import com.warden.ui.shell.ScreenContext;
import com.warden.ui.shell.ScreenView;
import javafx.application.Platform;
import javafx.scene.Parent;

/** Live probe latency, statements, activity and the load drill, for any PostgreSQL. */
public final class LatencyScreen implements Screen {

    @Override
    public String id() {
        return "latency";
    }

    @Override
    public String title() {
        return "Latency";
    }

    @Override
    public boolean needsProject() {
        return false;
    }

    @Override
    public String summary() {
        return "Live hot-path latency from probe SQL files: p50 / p95 / p99 percentiles, pg_stat_statements deltas "
                + "for the slowest statements, EXPLAIN verdicts that say whether the right index is used, and a load drill.";
    }

    @Override
    public ScreenView create(ScreenContext context) {
        LatencyViewModel viewModel = new LatencyViewModel(context.jobs(), Platform::runLater, context.errors(),
                context.database().profile(), context.database().server().version(), context.dirs().config().resolve("probes"));
        Parent view = view(viewModel);
        view.setId("screen-" + id());
        viewModel.start();
        // F5 explains the plans again; the charts are live already
        return ScreenView.of(view, viewModel::explain, viewModel::dispose);
    }

    /** The view over a view-model (also what the pulse benchmark shows). */
    static Parent view(LatencyViewModel viewModel) {
        return Fxml.load(LatencyScreen.class, "latency.fxml",
                ControllerFactory.of(LatencyController.class, () -> new LatencyController(viewModel)));
    }
}
