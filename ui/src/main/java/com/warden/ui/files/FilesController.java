package com.warden.ui.files;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Binds the Files & Diffs view to its view-model and forwards what the user does. The parts
 * that show the engine's records (tree, versions, version choices, sessions, the diff itself)
 * are small views of their own, built here on the same view-model; no queries, no diffing here.
 */
public final class FilesController {
    private final FilesViewModel model;
    private final DiffPane diffPane;

    @FXML private BorderPane root;
    @FXML private StackPane filesTab;
    @FXML private StackPane sessionsTab;
    @FXML private Label filePath;
    @FXML private Label headProblem;
    @FXML private Label fileFacts;
    @FXML private VBox versionsBox;
    @FXML private Button revertButton;
    @FXML private Label writeReason;
    @FXML private Label statusLine;
    @FXML private StackPane fromSlot;
    @FXML private StackPane toSlot;
    @FXML private ToggleButton sideBySideButton;
    @FXML private ToggleButton unifiedButton;
    @FXML private CheckBox ignoreWhitespaceBox;
    @FXML private Spinner<Integer> contextSpinner;
    @FXML private Button previousButton;
    @FXML private Button nextButton;
    @FXML private Label changePosition;
    @FXML private Button copyButton;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private Label diffSummary;
    @FXML private Label tokenFigure;
    @FXML private VBox notesBox;
    @FXML private StackPane diffSlot;

    public FilesController(FilesViewModel model) {
        this.model = model;
        this.diffPane = new DiffPane(model);
    }

    @FXML
    private void initialize() {
        root.getStylesheets().add(FilesController.class.getResource("files.css").toExternalForm());
        filesTab.getChildren().add(new FileTreeView(model));
        sessionsTab.getChildren().add(new SessionChangesView(model));
        diffSlot.getChildren().add(diffPane);

        // the file and its versions
        filePath.textProperty().bind(model.fileTitleProperty());
        fileFacts.textProperty().bind(model.fileFactsProperty());
        headProblem.textProperty().bind(model.headProblemProperty());
        VersionTable versions = new VersionTable(model);
        VBox.setVgrow(versions, Priority.ALWAYS);
        versionsBox.getChildren().add(0, versions);
        revertButton.disableProperty().bind(model.canRevertChosenProperty().not());
        writeReason.textProperty().bind(model.writeReasonProperty());
        statusLine.textProperty().bind(model.statusProperty());

        // what to compare and how
        fromSlot.getChildren().add(new VersionChoice("fromChoice", model.versions(), model.fromProperty(), "(empty)",
                "The old side: any version of this file (empty for a first version)"));
        toSlot.getChildren().add(new VersionChoice("toChoice", model.versions(), model.toProperty(), "—", "The new side"));
        ToggleGroup mode = new ToggleGroup();
        sideBySideButton.setToggleGroup(mode);
        unifiedButton.setToggleGroup(mode);
        sideBySideButton.getStyleClass().add(Styles.LEFT_PILL);
        unifiedButton.getStyleClass().add(Styles.RIGHT_PILL);
        mode.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true); // one of the two is always on
            }
        });
        unifiedButton.selectedProperty().bindBidirectional(model.unifiedProperty());
        ignoreWhitespaceBox.selectedProperty().bindBidirectional(model.ignoreWhitespaceProperty());
        SpinnerValueFactory.IntegerSpinnerValueFactory lines = new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 999, model.contextProperty().get());
        contextSpinner.setValueFactory(lines);
        lines.valueProperty().addListener((o, a, b) -> model.contextProperty().set(b == null ? 0 : b));
        contextSpinner.setTooltip(new Tooltip("Unchanged lines around each change in the unified view (and so the hunks)"));
        for (javafx.scene.Node needsText : new javafx.scene.Node[] {previousButton, nextButton, copyButton, contextSpinner}) {
            needsText.disableProperty().bind(model.textShownProperty().not());
        }

        // what the diff amounts to
        changePosition.textProperty().bind(model.changePositionProperty());
        diffSummary.textProperty().bind(model.diffSummaryProperty());
        tokenFigure.textProperty().bind(model.tokenFigureProperty());
        Tooltip tokens = new Tooltip();
        tokens.textProperty().bind(Bindings.concat(model.tokenFigureProperty(), "\n", model.tokenExplanation()));
        tokenFigure.setTooltip(tokens);
        loadingIndicator.visibleProperty().bind(model.loadingProperty());
        model.notes().addListener((ListChangeListener<String>) c -> showNotes());

        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean next = e.getCode() == KeyCode.F7 && !e.isShiftDown() || e.isAltDown() && e.getCode() == KeyCode.DOWN;
            boolean previous = e.getCode() == KeyCode.F7 && e.isShiftDown() || e.isAltDown() && e.getCode() == KeyCode.UP;
            if (next) {
                model.nextChange();
                e.consume();
            } else if (previous) {
                model.previousChange();
                e.consume();
            }
        });
    }

    private void showNotes() {
        notesBox.getChildren().clear();
        for (String note : model.notes()) {
            Message m = new Message(null, note);
            m.getStyleClass().add(Styles.WARNING);
            notesBox.getChildren().add(m);
        }
    }

    @FXML
    private void onNext() {
        model.nextChange();
    }

    @FXML
    private void onPrevious() {
        model.previousChange();
    }

    @FXML
    private void onCopy() {
        String patch = model.patch();
        if (patch != null) {
            ClipboardContent content = new ClipboardContent();
            content.putString(patch);
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    @FXML
    private void onRevert() {
        if (!model.canRevertChosenProperty().get()) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, model.revertChosenQuestion(), ButtonType.CANCEL, ButtonType.OK);
        confirm.setTitle("Revert");
        confirm.setHeaderText("Make this version the head");
        confirm.initOwner(root.getScene().getWindow());
        confirm.getDialogPane().getStylesheets().addAll(root.getScene().getStylesheets());
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> model.revertChosen());
    }

    /** The side-by-side view (the benchmark's paint probe watches it). */
    public DiffView diffView() {
        return diffPane.sideBySide();
    }
}
