package com.warden.ui.files;

import com.warden.ui.common.ControllerFactory;
import com.warden.ui.common.Fxml;
import com.warden.ui.shell.Screen;
import com.warden.ui.shell.ScreenContext;
import com.warden.ui.shell.ScreenView;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Files & Diffs: each app's file tree, versions, side-by-side and unified diffs, what a session changed, revert. */
public final class FilesScreen implements Screen {

    @Override
    public String id() {
        return "files";
    }

    @Override
    public String title() {
        return "Files & Diffs";
    }

    @Override
    public boolean needsProject() {
        return true;
    }

    @Override
    public String summary() {
        return "The file tree of each app with every stored version: side-by-side and unified diffs with word-level "
                + "marks, what a session changed, how many tokens a diff saves against the whole file, where each "
                + "file's head pointer stands, and making an older version the head again.";
    }

    @Override
    public ScreenView create(ScreenContext context) {
        FilesViewModel viewModel = FilesViewModel.of(context);
        Parent view = open(viewModel).getRoot();
        viewModel.load();
        return ScreenView.of(view, viewModel::load, viewModel::dispose);
    }

    /** The loaded view for a view-model, with its controller (the screen, and the paint probe of the benchmark). */
    static FXMLLoader open(FilesViewModel viewModel) {
        FXMLLoader loader = Fxml.loader(FilesScreen.class, "files.fxml",
                ControllerFactory.of(FilesController.class, () -> new FilesController(viewModel)));
        ((Parent) loader.getRoot()).setId("screen-files");
        return loader;
    }
}
