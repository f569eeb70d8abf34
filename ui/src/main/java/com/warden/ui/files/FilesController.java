package com.warden.ui.files;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import com.warden.app.files.AppRef;
import com.warden.app.files.ChangedFile;
import com.warden.app.files.DiffRow;
import com.warden.app.files.FileDiff;
import com.warden.app.files.FileEntry;
import com.warden.app.files.FileTree;
import com.warden.app.files.FileVersion;
import com.warden.app.files.SessionSpan;
import com.warden.app.files.TextDiff;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.util.StringConverter;

/**
 * Binds the Files & Diffs view to its view-model and forwards what the user does. No queries
 * and no diffing here: those run in the view-model's background jobs.
 */
public final class FilesController {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final FilesViewModel model;
    private final DiffView diffView = new DiffView();
    private final UnifiedView unifiedView = new UnifiedView();
    private final BinaryView binaryView = new BinaryView();
    private final javafx.scene.control.ScrollPane binaryScroll = new javafx.scene.control.ScrollPane();
    private List<DiffRow> shownRows;
    private boolean selectingInTree;

    @FXML private BorderPane root;
    @FXML private ComboBox<AppRef> appChoice;
    @FXML private TreeView<FileTree.Node> fileTree;
    @FXML private ComboBox<SessionSpan> sessionChoice;
    @FXML private Label sessionSummary;
    @FXML private ListView<ChangedFile> changeList;
    @FXML private Label filePath;
    @FXML private Label headProblem;
    @FXML private Label fileFacts;
    @FXML private TableView<FileVersion> versionTable;
    @FXML private TableColumn<FileVersion, String> versionColumn;
    @FXML private TableColumn<FileVersion, String> sizeColumn;
    @FXML private TableColumn<FileVersion, String> authorColumn;
    @FXML private TableColumn<FileVersion, String> timeColumn;
    @FXML private TableColumn<FileVersion, String> digestColumn;
    @FXML private TableColumn<FileVersion, String> headColumn;
    @FXML private Button revertButton;
    @FXML private Label writeReason;
    @FXML private Label statusLine;
    @FXML private ComboBox<FileVersion> fromChoice;
    @FXML private ComboBox<FileVersion> toChoice;
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
    @FXML private StackPane diffHost;
    @FXML private Label diffMessage;

    public FilesController(FilesViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        root.getStylesheets().add(FilesController.class.getResource("files.css").toExternalForm());
        diffView.setId("sideBySide");
        binaryScroll.setContent(binaryView);
        binaryScroll.setFitToWidth(true);
        binaryScroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        diffHost.getChildren().addAll(diffView, unifiedView, binaryScroll);

        // apps and the tree
        appChoice.setItems(model.apps());
        appChoice.valueProperty().bindBidirectional(model.appProperty());
        appChoice.setConverter(converter(a -> a.name() + "  (" + a.files() + " files)"));
        fileTree.setCellFactory(t -> new FileCell());
        model.treeProperty().addListener((o, a, tree) -> showTree(tree));
        fileTree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (!selectingInTree && item != null && item.getValue() != null && !item.getValue().folder()) {
                model.selectFile(item.getValue().file());
            }
        });
        model.fileProperty().addListener((o, a, f) -> selectInTree(f));

        // file header and versions
        filePath.textProperty().bind(model.fileTitleProperty());
        fileFacts.textProperty().bind(model.fileFactsProperty());
        headProblem.textProperty().bind(model.headProblemProperty());
        versionTable.setItems(model.versions());
        versionTable.setPlaceholder(new Label("No versions."));
        versionTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        versionColumn.setCellValueFactory(c -> text(c.getValue().label()));
        sizeColumn.setCellValueFactory(c -> text(String.format(Locale.ROOT, "%,d B", c.getValue().sizeBytes())));
        authorColumn.setCellValueFactory(c -> text(c.getValue().createdBy()));
        timeColumn.setCellValueFactory(c -> text(c.getValue().createdAt() == null ? "" : TIME.format(c.getValue().createdAt())));
        digestColumn.setCellValueFactory(c -> text(c.getValue().shortDigest()));
        headColumn.setCellValueFactory(c -> text(c.getValue().head() ? "head" : ""));
        headColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().remove(Styles.ACCENT);
                if (!empty && "head".equals(item)) {
                    getStyleClass().add(Styles.ACCENT);
                }
            }
        });
        versionTable.getSelectionModel().selectedItemProperty().addListener((o, a, v) -> {
            if (v != null) {
                model.showVersion(v);
            }
        });
        model.toProperty().addListener((o, a, v) -> {
            if (v != null && versionTable.getSelectionModel().getSelectedItem() != v) {
                versionTable.getSelectionModel().select(v);
            }
        });
        revertButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !model.canRevert(versionTable.getSelectionModel().getSelectedItem()),
                model.canWriteProperty(), versionTable.getSelectionModel().selectedItemProperty(), model.fileProperty()));
        writeReason.textProperty().bind(model.writeReasonProperty());
        statusLine.textProperty().bind(model.statusProperty());

        // the diff toolbar
        StringConverter<FileVersion> versionText = converter(v -> v.label() + "  ·  " + (v.createdAt() == null ? "" : TIME.format(v.createdAt()))
                + (v.head() ? "  ·  head" : ""));
        fromChoice.setItems(model.versions());
        toChoice.setItems(model.versions());
        fromChoice.setConverter(versionText);
        toChoice.setConverter(versionText);
        fromChoice.setButtonCell(new VersionButton("(empty)"));
        toChoice.setButtonCell(new VersionButton("—"));
        fromChoice.setTooltip(new Tooltip("The old side: any version of this file (empty for a first version)"));
        toChoice.setTooltip(new Tooltip("The new side"));
        fromChoice.valueProperty().bindBidirectional(model.fromProperty());
        toChoice.valueProperty().bindBidirectional(model.toProperty());
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
        contextSpinner.setTooltip(new Tooltip("Unchanged lines around each change in the unified view (and hunk count)"));
        changePosition.textProperty().bind(model.changePositionProperty());
        diffSummary.textProperty().bind(model.diffSummaryProperty());
        tokenFigure.textProperty().bind(model.tokenFigureProperty());
        Tooltip tokens = new Tooltip();
        tokens.textProperty().bind(Bindings.concat(model.tokenFigureProperty(), "\nTokens (", com.warden.app.text.Tokens.encodingName(),
                ") of the whole new version against tokens of the unified diff: what sending a diff instead of the file saves. "
                        + "Seed 000 claimed 80%."));
        tokenFigure.setTooltip(tokens);
        loadingIndicator.visibleProperty().bind(model.loadingProperty());
        diffMessage.textProperty().bind(model.messageProperty());
        model.notes().addListener((ListChangeListener<String>) c -> showNotes());

        // the diff itself
        model.diffProperty().addListener((o, a, d) -> showDiff(d));
        model.unifiedProperty().addListener((o, a, b) -> showDiff(model.diffProperty().get()));
        model.changeRowProperty().addListener((o, a, row) -> reveal(row.intValue()));
        showDiff(null);
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

        // sessions
        sessionChoice.setItems(model.sessions());
        sessionChoice.valueProperty().bindBidirectional(model.sessionProperty());
        sessionChoice.setConverter(converter(s -> s.title() + (s.firstMessage() == null ? "" : "  ·  " + TIME.format(s.firstMessage()))));
        sessionSummary.textProperty().bind(model.sessionSummaryProperty());
        changeList.setItems(model.changes());
        changeList.setPlaceholder(new Label("No changed files."));
        changeList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ChangedFile f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : f.path() + "\n    " + (f.created() ? "new → v" + f.toVersion()
                        : "v" + f.fromVersion() + " → v" + f.toVersion())
                        + (f.versionsInRange() > 1 ? "  ·  " + f.versionsInRange() + " versions" : "")
                        + (f.recordedBySession() ? "" : "  ·  not in its file_written events"));
            }
        });
        changeList.getSelectionModel().selectedItemProperty().addListener((o, a, f) -> model.openChange(f));
    }

    // ------------------------------------------------------------------ tree

    private void showTree(FileTree tree) {
        if (tree == null) {
            fileTree.setRoot(null);
            return;
        }
        TreeItem<FileTree.Node> rootItem = item(tree.root());
        rootItem.setExpanded(true);
        selectingInTree = true;
        fileTree.setRoot(rootItem);
        selectingInTree = false;
        selectInTree(model.fileProperty().get());
    }

    private static TreeItem<FileTree.Node> item(FileTree.Node node) {
        TreeItem<FileTree.Node> item = new TreeItem<>(node);
        for (FileTree.Node child : node.children()) {
            item.getChildren().add(item(child));
        }
        item.setExpanded(node.folder());
        return item;
    }

    private void selectInTree(FileEntry f) {
        if (f == null || fileTree.getRoot() == null) {
            return;
        }
        TreeItem<FileTree.Node> found = find(fileTree.getRoot(), f.path());
        if (found != null && fileTree.getSelectionModel().getSelectedItem() != found) {
            selectingInTree = true;
            fileTree.getSelectionModel().select(found);
            int row = fileTree.getRow(found);
            if (row >= 0) {
                fileTree.scrollTo(Math.max(0, row - 5));
            }
            selectingInTree = false;
        }
    }

    private static TreeItem<FileTree.Node> find(TreeItem<FileTree.Node> item, String path) {
        FileTree.Node node = item.getValue();
        if (node != null && !node.folder() && node.path().equals(path)) {
            return item;
        }
        for (TreeItem<FileTree.Node> child : item.getChildren()) {
            TreeItem<FileTree.Node> hit = find(child, path);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    private static final class FileCell extends TreeCell<FileTree.Node> {
        @Override
        protected void updateItem(FileTree.Node node, boolean empty) {
            super.updateItem(node, empty);
            getStyleClass().removeAll(Styles.DANGER, Styles.TEXT_MUTED);
            setTooltip(null);
            if (empty || node == null) {
                setText(null);
                return;
            }
            if (node.folder()) {
                setText(node.name() + "/");
                return;
            }
            FileEntry f = node.file();
            setText(node.name() + (f.versions() > 1 ? "   ·" + f.versions() : ""));
            if (!f.healthy()) {
                getStyleClass().add(Styles.DANGER);
                setTooltip(new Tooltip(f.headProblem()));
            } else if (f.binary()) {
                getStyleClass().add(Styles.TEXT_MUTED);
            }
        }
    }

    // ------------------------------------------------------------------ diff

    private void showDiff(FileDiff d) {
        boolean text = d != null && !d.binary();
        boolean unified = model.unifiedProperty().get();
        diffView.setVisible(text && !unified);
        unifiedView.setVisible(text && unified);
        binaryScroll.setVisible(d != null && d.binary());
        diffMessage.setVisible(d == null || text && d.text().stats().identical());
        if (text && d.text().stats().identical()) {
            diffMessage.textProperty().unbind();
            diffMessage.setText(model.diffSummaryProperty().get() + ".");
            diffView.setVisible(false);
            unifiedView.setVisible(false);
        } else if (!diffMessage.textProperty().isBound()) {
            diffMessage.textProperty().bind(model.messageProperty());
        }
        previousButton.setDisable(!text);
        nextButton.setDisable(!text);
        copyButton.setDisable(!text);
        contextSpinner.setDisable(!text);
        if (d == null) {
            shownRows = null;
            diffView.show(null);
            unifiedView.setText("");
            return;
        }
        if (d.binary()) {
            binaryView.show(d);
            return;
        }
        List<DiffRow> rows = d.text().rows();
        if (rows != shownRows) {
            shownRows = rows;
            diffView.show(d.text());
        }
        if (unified) {
            unifiedView.setText(d.unified()); // only when shown: the side-by-side view comes first
        }
        reveal(model.changeRowProperty().get());
    }

    private void reveal(int row) {
        if (row < 0) {
            return;
        }
        if (!model.unifiedProperty().get()) {
            diffView.reveal(row);
            return;
        }
        // the unified view: the hunk that holds the current change
        FileDiff d = model.diffProperty().get();
        if (d == null || d.binary()) {
            return;
        }
        int change = model.changeProperty().get();
        int seen = 0;
        int hunk = 0;
        List<TextDiff.Hunk> hunks = d.text().hunks();
        for (int h = 0; h < hunks.size(); h++) {
            seen += hunks.get(h).blocks().size();
            if (change < seen) {
                hunk = h;
                break;
            }
        }
        int count = -1;
        List<String> lines = unifiedView.getItems();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("@@") && ++count == hunk) {
                unifiedView.getSelectionModel().clearAndSelect(i);
                unifiedView.scrollTo(hunk == 0 ? 0 : i - 1);
                return;
            }
        }
    }

    private void showNotes() {
        notesBox.getChildren().clear();
        for (String note : model.notes()) {
            Message m = new Message(null, note);
            m.getStyleClass().add(Styles.WARNING);
            notesBox.getChildren().add(m);
        }
    }

    // ------------------------------------------------------------------ actions

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
        FileDiff d = model.diffProperty().get();
        if (d != null && !d.binary()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(d.unified());
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    @FXML
    private void onRevert() {
        FileVersion version = versionTable.getSelectionModel().getSelectedItem();
        if (!model.canRevert(version)) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, model.revertQuestion(version), ButtonType.CANCEL, ButtonType.OK);
        confirm.setHeaderText("Make " + version.label() + " the head");
        confirm.setTitle("Revert");
        confirm.initOwner(root.getScene().getWindow());
        if (root.getScene() != null) {
            confirm.getDialogPane().getStylesheets().addAll(root.getScene().getStylesheets());
        }
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> model.revert(version));
    }

    // ------------------------------------------------------------------ helpers

    public DiffView diffView() {
        return diffView;
    }

    private static ReadOnlyStringWrapper text(String s) {
        return new ReadOnlyStringWrapper(s);
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : show.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private final class VersionButton extends ListCell<FileVersion> {
        private final String none;

        VersionButton(String none) {
            this.none = none;
        }

        @Override
        protected void updateItem(FileVersion v, boolean empty) {
            super.updateItem(v, empty);
            setText(empty || v == null ? none : v.label() + (v.head() ? " · head" : ""));
        }
    }
}
