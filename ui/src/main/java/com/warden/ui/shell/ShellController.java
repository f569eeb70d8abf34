package com.warden.ui.shell;

import com.warden.ui.common.Themes;
import com.warden.ui.common.UiStyles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Wires shell.fxml to the {@link ShellViewModel}: bindings and menu actions, nothing else. */
public final class ShellController {
    private final ShellViewModel viewModel;
    private final ConnectDialog connectDialog;
    private ScreenHost host;

    @FXML private BorderPane shellRoot;
    @FXML private MenuItem disconnectItem;
    @FXML private CheckMenuItem darkThemeItem;
    @FXML private ListView<Screen> navigation;
    @FXML private StackPane screenHost;
    @FXML private HBox errorBanner;
    @FXML private Label bannerLine;
    @FXML private Button copyDetailsButton;
    @FXML private ProgressIndicator statusBusy;
    @FXML private Label activity;
    @FXML private Label serverLabel;
    @FXML private Label serverVersion;
    @FXML private Label schemaStatus;
    @FXML private Label poolUse;

    public ShellController(ShellViewModel viewModel, ConnectDialog connectDialog) {
        this.viewModel = viewModel;
        this.connectDialog = connectDialog;
    }

    @FXML
    private void initialize() {
        navigation.getItems().setAll(viewModel.screens().all());
        navigation.setCellFactory(list -> new NavigationCell(viewModel));
        navigation.getSelectionModel().select(viewModel.selectedScreenProperty().get());
        navigation.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.selectedScreenProperty().set(now);
            }
        });
        viewModel.selectedScreenProperty().addListener((obs, old, now) -> navigation.getSelectionModel().select(now));
        // captions and dimming depend on the connection and the schema
        viewModel.projectStatusProperty().addListener((obs, old, now) -> navigation.refresh());
        viewModel.stateProperty().addListener((obs, old, now) -> navigation.refresh());

        host = new ScreenHost(screenHost, viewModel, this::onConnect);

        errorBanner.visibleProperty().bind(viewModel.errorProperty().isNotNull());
        errorBanner.managedProperty().bind(errorBanner.visibleProperty());
        bannerLine.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.errorProperty().get() == null ? "" : viewModel.errorProperty().get().line(),
                viewModel.errorProperty()));

        statusBusy.visibleProperty().bind(viewModel.busyProperty());
        statusBusy.managedProperty().bind(statusBusy.visibleProperty());
        activity.textProperty().bind(viewModel.activityProperty());
        statusItem(serverLabel, viewModel.serverLabelProperty(), viewModel.serverDetailProperty());
        statusItem(serverVersion, viewModel.serverVersionProperty(), null);
        statusItem(schemaStatus, viewModel.schemaStatusProperty(), viewModel.schemaDetailProperty());
        statusItem(poolUse, viewModel.poolUseProperty(), viewModel.poolDetailProperty());

        disconnectItem.disableProperty().bind(viewModel.stateProperty().isEqualTo(ConnectionState.DISCONNECTED));
        darkThemeItem.selectedProperty().bindBidirectional(viewModel.darkThemeProperty());
        viewModel.darkThemeProperty().addListener((obs, old, dark) -> Themes.apply(dark));
    }

    private static void statusItem(Label label, ObservableStringValue text, ObservableStringValue detail) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
        label.getStyleClass().add(UiStyles.STATUS_ITEM);
        if (detail != null) {
            Tooltip tooltip = new Tooltip();
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(480);
            tooltip.textProperty().bind(detail);
            label.setTooltip(tooltip);
        }
    }

    @FXML
    private void onConnect() {
        connectDialog.show(window());
    }

    @FXML
    private void onDisconnect() {
        viewModel.disconnect();
    }

    @FXML
    private void onRefresh() {
        viewModel.refresh();
        host.refreshCurrent();
    }

    @FXML
    private void onQuit() {
        ((Stage) window()).close();
    }

    @FXML
    private void onAbout() {
        AboutInfo about = viewModel.about();
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(window());
        alert.setTitle("About Warden");
        alert.setHeaderText(about.headline());
        alert.setContentText(about.body());
        Themes.style(alert.getDialogPane().getScene());
        alert.show();
    }

    @FXML
    private void onCopyDetails() {
        if (viewModel.errorProperty().get() != null) {
            ClipboardContent content = new ClipboardContent();
            content.putString(viewModel.errorProperty().get().line() + "\n\n" + viewModel.errorProperty().get().details());
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    @FXML
    private void onDismissError() {
        viewModel.dismissError();
    }

    private Window window() {
        return shellRoot.getScene().getWindow();
    }
}
