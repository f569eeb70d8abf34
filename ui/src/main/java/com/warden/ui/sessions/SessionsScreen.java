package com.warden.ui.sessions;

import com.warden.ui.common.ControllerFactory;
import com.warden.ui.common.Fxml;
import com.warden.ui.common.NamedThreadFactory;
import com.warden.ui.shell.PlaceholderScreen;
import com.warden.ui.shell.Screen;
import com.warden.ui.shell.ScreenContext;
import com.warden.ui.shell.ScreenView;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Platform;
import javafx.scene.Parent;

/** The Sessions screen: list, open sessions in tabs, memory and prelude, live tail, view as user. */
public final class SessionsScreen implements Screen {

    @Override
    public String id() {
        return PlaceholderScreen.SESSIONS.id();
    }

    @Override
    public String title() {
        return PlaceholderScreen.SESSIONS.title();
    }

    @Override
    public boolean needsProject() {
        return true;
    }

    @Override
    public String summary() {
        return PlaceholderScreen.SESSIONS.summary();
    }

    @Override
    public ScreenView create(ScreenContext context) {
        // one small timer thread per connection for debounce and the live tail's one-second tick;
        // the ticks only hand work to the FX thread, which submits the queries as background jobs
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("warden-sessions-tick"));
        SessionsViewModel viewModel = new SessionsViewModel(context.database(), context.jobs(), context.errors(),
                Platform::runLater, ticker);
        Parent view = Fxml.load(SessionsScreen.class, "sessions.fxml",
                ControllerFactory.of(SessionsController.class, () -> new SessionsController(viewModel)));
        view.setId("screen-" + id());
        viewModel.load();
        return ScreenView.of(view, viewModel::refresh, () -> {
            viewModel.dispose();
            ticker.shutdownNow();
        });
    }
}
