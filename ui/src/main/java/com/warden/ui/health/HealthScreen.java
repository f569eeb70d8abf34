package com.warden.ui.health;

import com.warden.app.health.ThresholdStore;
import com.warden.ui.common.ControllerFactory;
import com.warden.ui.common.Fxml;
import com.warden.ui.shell.PlaceholderScreen;
import com.warden.ui.shell.Screen;
import com.warden.ui.shell.ScreenContext;
import com.warden.ui.shell.ScreenView;
import javafx.scene.Parent;

/** Health checks with a score for any PostgreSQL; the project checks light up on schema core. */
public final class HealthScreen implements Screen {

    @Override
    public String id() {
        return "health";
    }

    @Override
    public String title() {
        return "Health";
    }

    @Override
    public boolean needsProject() {
        return false;
    }

    @Override
    public String summary() {
        return PlaceholderScreen.HEALTH.summary();
    }

    @Override
    public ScreenView create(ScreenContext context) {
        HealthViewModel viewModel = new HealthViewModel(context.jobs(), context.database(),
                new ThresholdStore(context.dirs().config()), context.errors());
        Parent view = Fxml.load(HealthScreen.class, "health.fxml",
                ControllerFactory.of(HealthController.class, () -> new HealthController(viewModel)));
        view.setId("screen-" + id());
        viewModel.load();
        return ScreenView.of(view, viewModel::load, viewModel::dispose);
    }
}
