package com.warden.ui.shell;

import atlantafx.base.theme.Styles;
import com.warden.ui.common.ErrorReport;
import java.util.HashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the content area from {@link ShellViewModel#screenStateProperty()}: a gate panel, or the
 * screen's own view, built once per connection and kept while the user moves between screens.
 * A new connection (or a changed project status) disposes every view.
 */
final class ScreenHost {
    private static final Logger LOG = LoggerFactory.getLogger(ScreenHost.class);

    private final StackPane pane;
    private final ShellViewModel viewModel;
    private final Runnable connect;
    private final Map<String, ScreenView> views = new HashMap<>();
    private ScreenContext context;

    ScreenHost(StackPane pane, ShellViewModel viewModel, Runnable connect) {
        this.pane = pane;
        this.viewModel = viewModel;
        this.connect = connect;
        this.context = viewModel.screenContextProperty().get();
        viewModel.screenContextProperty().addListener((obs, old, now) -> {
            disposeAll();
            context = now;
            show(viewModel.screenStateProperty().get());
        });
        viewModel.screenStateProperty().addListener((obs, old, now) -> show(now));
        show(viewModel.screenStateProperty().get());
    }

    /** F5 on the content: the current screen reloads (when it is a real view). */
    void refreshCurrent() {
        ScreenState state = viewModel.screenStateProperty().get();
        if (state != null && state.kind() == ScreenState.Kind.READY) {
            ScreenView view = views.get(state.screen().id());
            if (view != null) {
                view.refresh();
            }
        }
    }

    void disposeAll() {
        views.values().forEach(view -> {
            try {
                view.dispose();
            } catch (RuntimeException e) {
                LOG.warn("Disposing a screen failed", e);
            }
        });
        views.clear();
    }

    private void show(ScreenState state) {
        if (state == null) {
            pane.getChildren().clear();
            return;
        }
        Node node = state.kind() == ScreenState.Kind.READY && context != null
                ? ready(state)
                : state.kind() == ScreenState.Kind.READY
                ? ScreenPanels.gate(new ScreenState(state.screen(), ScreenState.Kind.CONNECTING, "Preparing…"), connect, viewModel::refresh)
                : ScreenPanels.gate(state, connect, viewModel::refresh);
        pane.getChildren().setAll(node);
    }

    private Node ready(ScreenState state) {
        Screen screen = state.screen();
        ScreenView view = views.get(screen.id());
        if (view == null) {
            view = create(screen);
            views.put(screen.id(), view);
        }
        if (state.line().isEmpty()) {
            return view.node();
        }
        // a project database with pending migrations or from a newer Warden: say so above the screen
        BorderPane framed = new BorderPane(view.node());
        framed.setTop(ScreenPanels.message("Schema core", state.line(), Styles.WARNING));
        return framed;
    }

    private ScreenView create(Screen screen) {
        try {
            return screen.create(context);
        } catch (RuntimeException e) {
            ErrorReport report = ErrorReport.handled("opening the " + screen.title() + " screen", e);
            viewModel.showError(report);
            return ScreenView.of(ScreenPanels.gate(new ScreenState(screen, ScreenState.Kind.FAILED,
                    "The screen could not open: " + report.line()), connect, viewModel::refresh));
        }
    }
}
