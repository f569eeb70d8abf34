package com.warden.ui.impact;

import com.warden.app.impact.ImpactService;
import com.warden.ui.common.ControllerFactory;
import com.warden.ui.common.Fxml;
import com.warden.ui.shell.Screen;
import com.warden.ui.shell.ScreenContext;
import com.warden.ui.shell.ScreenView;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** The Impact screen: what a change to a file reaches, as a layered graph, a table and a summary. */
public final class ImpactScreen implements Screen {

    @Override
    public String id() {
        return "impact";
    }

    @Override
    public String title() {
        return "Impact";
    }

    @Override
    public boolean needsProject() {
        return true;
    }

    @Override
    public String summary() {
        return "Pick a file and see what depends on it (or what it depends on): the import graph walked in one recursive "
                + "query, depth-limited and cycle-safe, drawn as layers from the root with cycles in red, listed in a table, "
                + "summed per depth and per reference type, and exported as PNG, DOT or JSON. Also: what a session's "
                + "changes reach, and the app's most depended-on files.";
    }

    @Override
    public ScreenView create(ScreenContext context) {
        ImpactViewModel vm = new ImpactViewModel(new ImpactService(context.database()), context.jobs(), context.errors());
        FXMLLoader loader = Fxml.loader(ImpactScreen.class, "impact.fxml",
                ControllerFactory.of(ImpactController.class, () -> new ImpactController(vm)));
        Parent root = loader.getRoot();
        vm.loadApps();
        return ScreenView.of(root, vm::refresh, vm::cancel);
    }
}
