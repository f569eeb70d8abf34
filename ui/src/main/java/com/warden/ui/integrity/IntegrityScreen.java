package com.warden.ui.integrity;

import com.warden.app.integrity.IntegrityHistory;
import com.warden.ui.common.ControllerFactory;
import com.warden.ui.common.Fxml;
import com.warden.ui.shell.Screen;
import com.warden.ui.shell.ScreenContext;
import com.warden.ui.shell.ScreenView;
import javafx.application.Platform;
import javafx.scene.Parent;

/** The Integrity screen: run the report with progress and cancel, read the findings, export, compare. */
public final class IntegrityScreen implements Screen {

    @Override
    public String id() {
        return "integrity";
    }

    @Override
    public String title() {
        return "Integrity";
    }

    @Override
    public boolean needsProject() {
        return true;
    }

    @Override
    public String summary() {
        return "Checksum scans that recompute the SHA-256 of every stored file version and image asset and compare it "
                + "with the stored digest, plus orphans, head pointers, foreign key and index validity — a report "
                + "to export as HTML, JSON or CSV, or to run from cron.";
    }

    @Override
    public ScreenView create(ScreenContext context) {
        IntegrityViewModel viewModel = new IntegrityViewModel(context.database(), context.jobs(), Platform::runLater,
                new IntegrityHistory(context.dirs().data().resolve("integrity")),
                error -> context.showError("Integrity", error));
        Parent view = Fxml.load(IntegrityScreen.class, "integrity.fxml",
                ControllerFactory.of(IntegrityController.class, () -> new IntegrityController(viewModel)));
        view.setId("screen-" + id());
        view.getStylesheets().add(IntegrityScreen.class.getResource("integrity.css").toExternalForm());
        viewModel.load();
        return ScreenView.of(view, viewModel::load, viewModel::dispose);
    }
}
