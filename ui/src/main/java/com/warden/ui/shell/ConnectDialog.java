package com.warden.ui.shell;

import com.warden.ui.common.ControllerFactory;
import com.warden.ui.common.Fxml;
import com.warden.ui.common.Themes;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Opens the connect dialog (one at a time) as a modal window over the main one, each time with a
 * fresh view-model from {@code viewModels}.
 */
public final class ConnectDialog {
    private final Supplier<ConnectDialogViewModel> viewModels;
    private Stage stage;

    public ConnectDialog(Supplier<ConnectDialogViewModel> viewModels) {
        this.viewModels = viewModels;
    }

    public void show(Window owner) {
        if (stage != null && stage.isShowing()) {
            stage.toFront();
            return;
        }
        ConnectDialogViewModel viewModel = viewModels.get();
        Parent root = Fxml.load(ConnectDialog.class, "connect-dialog.fxml",
                ControllerFactory.of(ConnectDialogController.class, () -> new ConnectDialogController(viewModel)));
        Stage dialog = new Stage();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("Connect to PostgreSQL");
        Scene scene = new Scene(root);
        Themes.style(scene);
        dialog.setScene(scene);
        dialog.setMinWidth(760);
        dialog.setMinHeight(480);
        dialog.setOnHidden(e -> viewModel.close());
        viewModel.doneProperty().addListener((obs, was, done) -> {
            if (done) {
                dialog.close();
            }
        });
        stage = dialog;
        viewModel.loadSaved();
        dialog.show();
    }

    /** The open dialog window, if any (tests and screenshots look for it). */
    public Stage stage() {
        return stage;
    }
}
