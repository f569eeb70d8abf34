package com.warden.ui.shell;

import com.warden.ui.common.UiStyles;
import com.warden.ui.shell.ConnectDialogViewModel.Mode;
import com.warden.ui.shell.ConnectDialogViewModel.SavedProfile;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** Wires connect-dialog.fxml to the {@link ConnectDialogViewModel}. */
public final class ConnectDialogController {
    private final ConnectDialogViewModel viewModel;

    @FXML private Pane dialogRoot;
    @FXML private ListView<SavedProfile> savedList;
    @FXML private Button forgetButton;
    @FXML private TabPane modes;
    @FXML private Tab uriTab;
    @FXML private Tab fieldsTab;
    @FXML private TextField uriField;
    @FXML private TextField nameField;
    @FXML private TextField hostField;
    @FXML private TextField portField;
    @FXML private TextField databaseField;
    @FXML private TextField userField;
    @FXML private PasswordField passwordField;
    @FXML private ComboBox<String> sslModeBox;
    @FXML private VBox errorBox;
    @FXML private Label errorLine;
    @FXML private Label resultLine;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button testButton;
    @FXML private Button saveButton;
    @FXML private Button connectButton;
    @FXML private Button cancelButton;

    public ConnectDialogController(ConnectDialogViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        uriField.textProperty().bindBidirectional(viewModel.uriProperty());
        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        hostField.textProperty().bindBidirectional(viewModel.hostProperty());
        portField.textProperty().bindBidirectional(viewModel.portProperty());
        databaseField.textProperty().bindBidirectional(viewModel.databaseProperty());
        userField.textProperty().bindBidirectional(viewModel.userProperty());
        passwordField.textProperty().bindBidirectional(viewModel.passwordProperty());
        sslModeBox.getItems().setAll(ConnectDialogViewModel.sslModes());
        sslModeBox.valueProperty().bindBidirectional(viewModel.sslModeProperty());

        modes.getSelectionModel().select(viewModel.modeProperty().get() == Mode.URI ? uriTab : fieldsTab);
        modes.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) ->
                viewModel.modeProperty().set(tab == fieldsTab ? Mode.FIELDS : Mode.URI));

        savedList.setItems(viewModel.saved());
        savedList.setCellFactory(list -> new SavedCell());
        // a click (or Enter, which then also presses Connect) fills the form; selection changes
        // alone do not, so reloading the list never overwrites what the user typed
        savedList.setOnMouseClicked(e -> {
            SavedProfile chosen = savedList.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && chosen != null) {
                viewModel.choose(chosen);
                if (e.getClickCount() == 2) {
                    viewModel.connect();
                }
            }
        });
        savedList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                viewModel.choose(savedList.getSelectionModel().getSelectedItem());
            }
        });
        forgetButton.disableProperty().bind(savedList.getSelectionModel().selectedItemProperty().isNull()
                .or(viewModel.busyProperty()));

        errorLine.textProperty().bind(viewModel.errorLineProperty());
        errorBox.visibleProperty().bind(Bindings.isNotEmpty(viewModel.errorLineProperty()));
        errorBox.managedProperty().bind(errorBox.visibleProperty());
        resultLine.textProperty().bind(viewModel.resultLineProperty());
        resultLine.visibleProperty().bind(Bindings.isNotEmpty(viewModel.resultLineProperty()));
        resultLine.managedProperty().bind(resultLine.visibleProperty());

        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        busyIndicator.managedProperty().bind(busyIndicator.visibleProperty());
        testButton.disableProperty().bind(viewModel.busyProperty());
        saveButton.disableProperty().bind(viewModel.busyProperty());
        connectButton.disableProperty().bind(viewModel.busyProperty());
        Platform.runLater(() -> (viewModel.modeProperty().get() == Mode.URI ? uriField : hostField).requestFocus());
    }

    @FXML
    private void onTest() {
        viewModel.test();
    }

    @FXML
    private void onSave() {
        viewModel.save();
    }

    @FXML
    private void onConnect() {
        viewModel.connect();
    }

    @FXML
    private void onCancel() {
        ((Stage) dialogRoot.getScene().getWindow()).close();
    }

    @FXML
    private void onForget() {
        viewModel.forget(savedList.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void onCopyDetails() {
        ClipboardContent content = new ClipboardContent();
        content.putString(viewModel.errorLineProperty().get() + "\n\n" + viewModel.errorDetailsProperty().get());
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** A saved profile: its name, and the URI without password beneath. */
    private static final class SavedCell extends ListCell<SavedProfile> {
        private final Label name = new Label();
        private final Label uri = new Label();
        private final VBox box = new VBox(2, name, uri);

        private final Tooltip tooltip = new Tooltip();

        SavedCell() {
            name.getStyleClass().add(UiStyles.NAV_TITLE);
            uri.getStyleClass().add(UiStyles.NAV_CAPTION);
            setPrefWidth(0); // ellipsize long URIs instead of scrolling sideways; the tooltip has them whole
        }

        @Override
        protected void updateItem(SavedProfile item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            name.setText(item.name());
            uri.setText(item.uri());
            tooltip.setText(item.uri());
            setTooltip(tooltip);
            setText(null);
            setGraphic(box);
        }
    }
}
