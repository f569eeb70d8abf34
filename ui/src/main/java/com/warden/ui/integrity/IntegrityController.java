package com.warden.ui.integrity;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * Binds the Integrity view to its view-model and forwards the user's actions. Grouping the
 * findings by severity and check is presentation, done here on the view-model's items.
 */
public final class IntegrityController {
    private static final String CONCERNED_VERSION = "integrity-concerned-version";
    private static final String[] TONES = {"tone-clean", "tone-findings", "tone-problem", "tone-neutral"};
    private static final String[] ONE = {"Error", "Warning", "Info"};
    private static final String[] MANY = {"Errors", "Warnings", "Info"};

    /** A line of the findings tree: a heading (severity or check) or one finding. */
    record Row(String label, int severityRank, boolean top, FindingItem finding) { }

    private final IntegrityViewModel vm;

    @FXML private Label screenTitle;
    @FXML private Label screenSubtitle;
    @FXML private ComboBox<String> appField;
    @FXML private ComboBox<String> modeChoice;
    @FXML private MenuButton checksMenu;
    @FXML private Button runButton;
    @FXML private Button cancelButton;
    @FXML private MenuButton exportMenu;
    @FXML private HBox progressBox;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private VBox verdict;
    @FXML private Label verdictTitle;
    @FXML private Label verdictDetail;
    @FXML private javafx.scene.control.SplitPane vertical;
    @FXML private Label statusLine;
    @FXML private TreeTableView<Row> findingsTree;
    @FXML private Label detailEmpty;
    @FXML private VBox detailBox;
    @FXML private Label detailSeverity;
    @FXML private Label detailCode;
    @FXML private Label detailTitle;
    @FXML private Label detailWhere;
    @FXML private Label detailRow;
    @FXML private Label detailExpected;
    @FXML private Label detailFound;
    @FXML private Label detailSeenBy;
    @FXML private Label detailText;
    @FXML private Hyperlink openFileHistory;
    @FXML private VBox fileHistoryBox;
    @FXML private Label fileHistoryTitle;
    @FXML private TableView<VersionItem> fileHistoryTable;
    @FXML private TableView<CheckItem> checksTable;
    @FXML private Label comparisonLine;
    @FXML private TableView<FindingItem> newTable;
    @FXML private TableView<FindingItem> goneTable;
    @FXML private ListView<String> notesList;

    public IntegrityController(IntegrityViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        screenTitle.getStyleClass().add(Styles.TITLE_3);
        screenSubtitle.getStyleClass().add(Styles.TEXT_MUTED);
        runButton.getStyleClass().add(Styles.ACCENT);
        cancelButton.getStyleClass().add(Styles.DANGER);
        statusLine.getStyleClass().add(Styles.TEXT_MUTED);

        appField.setItems(vm.apps());
        appField.getEditor().textProperty().bindBidirectional(vm.appProperty());
        appField.setTooltip(new Tooltip("Leave empty for the whole database; an app's id when two apps share a name"));
        appField.disableProperty().bind(vm.runningProperty());
        modeChoice.getItems().setAll(IntegrityViewModel.MODES);
        modeChoice.valueProperty().bindBidirectional(vm.modeProperty());
        modeChoice.setTooltip(new Tooltip("server: digests in SQL over two connections · client: the bytes come here and are "
                + "hashed as a reader gets them · both"));
        modeChoice.disableProperty().bind(vm.runningProperty());
        for (GroupToggle g : vm.groups()) {
            CheckMenuItem item = new CheckMenuItem(g.title());
            item.setId("check-" + g.id());
            item.selectedProperty().bindBidirectional(g.selected());
            checksMenu.getItems().add(item);
            g.selected().addListener((o, a, b) -> checksLabel());
        }
        checksLabel();
        checksMenu.disableProperty().bind(vm.runningProperty());
        runButton.disableProperty().bind(vm.canRunProperty().not());
        show(cancelButton, vm.runningProperty());
        exportMenu.disableProperty().bind(vm.canExportProperty().not());

        show(progressBox, vm.runningProperty());
        progressBar.progressProperty().bind(vm.progressProperty());
        progressLabel.textProperty().bind(vm.progressTextProperty());
        // (not AtlantaFX's Message: its 2.0.1 skin shows the description in place of a changed title)
        verdictTitle.textProperty().bind(vm.verdictProperty());
        verdictDetail.textProperty().bind(vm.verdictDetailProperty());
        vm.toneProperty().addListener((o, a, b) -> tone(b));
        tone(vm.toneProperty().get());
        statusLine.textProperty().bind(vm.statusProperty());
        show(statusLine, vm.statusProperty().isNotEmpty());

        setUpFindings();
        setUpDetails();
        setUpFileHistory();
        setUpOtherTabs();
    }

    private void checksLabel() {
        long on = vm.groups().stream().filter(g -> g.selected().get()).count();
        checksMenu.setText(on == vm.groups().size() ? "Checks: all" : "Checks: " + on + " of " + vm.groups().size());
    }

    private void tone(IntegrityViewModel.Tone t) {
        verdict.getStyleClass().removeAll(TONES);
        verdict.getStyleClass().add(switch (t) {
            case CLEAN -> TONES[0];
            case FINDINGS -> TONES[1];
            case PROBLEM -> TONES[2];
            case NEUTRAL -> TONES[3];
        });
    }

    private static void show(Node node, ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }

    private static String severityStyle(int rank) {
        return rank == 0 ? Styles.DANGER : rank == 1 ? Styles.WARNING : Styles.ACCENT;
    }

    // ------------------------------------------------------------ findings tree

    private void setUpFindings() {
        findingsTree.setRoot(new TreeItem<>(new Row("", 0, false, null)));
        Label empty = new Label();
        empty.textProperty().bind(vm.emptyTextProperty());
        findingsTree.setPlaceholder(empty);
        findingsTree.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        TreeTableColumn<Row, Row> what = new TreeTableColumn<>("Finding");
        what.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        what.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll(Styles.TEXT_BOLD, Styles.DANGER, Styles.WARNING, Styles.ACCENT);
                setGraphic(null);
                if (empty || row == null) {
                    setText(null);
                    return;
                }
                if (row.finding() == null) {
                    setText(row.label());
                    getStyleClass().add(Styles.TEXT_BOLD);
                    if (row.top()) {
                        getStyleClass().add(severityStyle(row.severityRank()));
                    }
                    return;
                }
                setText(row.finding().title());
                if (row.finding().isNew()) {
                    Label badge = new Label("new");
                    badge.getStyleClass().addAll(Styles.ACCENT, Styles.TEXT_SMALL, Styles.TEXT_BOLD);
                    setGraphic(badge);
                }
            }
        });
        what.setPrefWidth(380);
        findingsTree.getColumns().add(what);
        findingsTree.getColumns().add(treeColumn("Where", FindingItem::where, 200));
        // the finding's title takes what the other column leaves
        what.prefWidthProperty().bind(findingsTree.widthProperty().subtract(200 + 18));
        vm.findings().addListener((ListChangeListener<FindingItem>) c -> rebuildTree());
        rebuildTree();
        findingsTree.getSelectionModel().selectedItemProperty().addListener((o, a, item) ->
                vm.selectedProperty().set(item == null ? null : item.getValue().finding()));
    }

    private static TreeTableColumn<Row, String> treeColumn(String title, Function<FindingItem, String> text, double width) {
        TreeTableColumn<Row, String> col = new TreeTableColumn<>(title);
        col.setCellValueFactory(c -> {
            Row row = c.getValue().getValue();
            return new ReadOnlyStringWrapper(row == null || row.finding() == null ? "" : text.apply(row.finding()));
        });
        col.setPrefWidth(width);
        return col;
    }

    private void rebuildTree() {
        TreeItem<Row> root = findingsTree.getRoot();
        root.getChildren().clear();
        Map<Integer, Map<String, List<FindingItem>>> grouped = new TreeMap<>();
        for (FindingItem f : vm.findings()) {
            grouped.computeIfAbsent(f.severityRank(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(f.check(), k -> new ArrayList<>()).add(f);
        }
        for (Map.Entry<Integer, Map<String, List<FindingItem>>> s : grouped.entrySet()) {
            int count = s.getValue().values().stream().mapToInt(List::size).sum();
            int rank = Math.min(2, s.getKey());
            TreeItem<Row> severity = new TreeItem<>(new Row((count == 1 ? ONE[rank] : MANY[rank]) + " (" + count + ")",
                    s.getKey(), true, null));
            severity.setExpanded(true);
            for (Map.Entry<String, List<FindingItem>> c : s.getValue().entrySet()) {
                TreeItem<Row> check = new TreeItem<>(new Row(c.getKey() + " (" + c.getValue().size() + ")", s.getKey(), false, null));
                check.setExpanded(true);
                for (FindingItem f : c.getValue()) {
                    check.getChildren().add(new TreeItem<>(new Row(f.title(), s.getKey(), false, f)));
                }
                severity.getChildren().add(check);
            }
            root.getChildren().add(severity);
        }
    }

    // ------------------------------------------------------------ details and file history

    private void setUpDetails() {
        show(detailEmpty, vm.selectedProperty().isNull());
        show(detailBox, vm.selectedProperty().isNotNull());
        detailEmpty.getStyleClass().add(Styles.TEXT_MUTED);
        detailTitle.getStyleClass().add(Styles.TITLE_4);
        detailCode.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        detailText.getStyleClass().add(Styles.TEXT_MUTED);
        for (Label mono : List.of(detailRow, detailExpected, detailFound)) {
            mono.getStyleClass().addAll(Styles.TEXT_SMALL, "integrity-mono");
        }
        openFileHistory.disableProperty().bind(vm.canOpenFileProperty().not());
        vm.selectedProperty().addListener((o, a, f) -> showFinding(f));
    }

    private void showFinding(FindingItem f) {
        if (f == null) {
            return;
        }
        detailSeverity.setText(f.severity().toUpperCase(Locale.ROOT));
        detailSeverity.getStyleClass().removeAll(Styles.DANGER, Styles.WARNING, Styles.ACCENT);
        detailSeverity.getStyleClass().addAll(Styles.TEXT_BOLD, severityStyle(f.severityRank()));
        detailCode.setText(f.check() + " · " + f.code() + (f.isNew() ? " · new since the last run" : ""));
        detailTitle.setText(f.title());
        detailWhere.setText(f.where().isEmpty() ? "—" : f.where());
        detailRow.setText(f.row());
        detailExpected.setText(f.expected());
        detailFound.setText(f.found());
        detailSeenBy.setText(f.seenBy());
        detailText.setText(f.detail());
        openFileHistory.setText(f.hasFile() ? "Open file history" : "No file to open");
    }

    private void setUpFileHistory() {
        show(fileHistoryBox, vm.fileHistoryOpenProperty());
        // the history takes the lower part of the tab while it is open, all of the width
        vm.fileHistoryOpenProperty().addListener((o, a, open) -> {
            if (open && !vertical.getItems().contains(fileHistoryBox)) {
                vertical.getItems().add(fileHistoryBox);
                vertical.setDividerPositions(0.55);
            } else if (!open) {
                vertical.getItems().remove(fileHistoryBox);
            }
        });
        vertical.getItems().remove(fileHistoryBox);
        fileHistoryTitle.getStyleClass().add(Styles.TEXT_BOLD);
        fileHistoryTitle.textProperty().bind(vm.fileHistoryTitleProperty());
        fileHistoryTable.setItems(vm.fileHistory());
        fileHistoryTable.setPlaceholder(new Label("No versions."));
        fileHistoryTable.getColumns().add(column("Version", VersionItem::version, 110));
        fileHistoryTable.getColumns().add(column("Content vs. digest", VersionItem::digest, 150));
        fileHistoryTable.getColumns().add(column("Size (bytes)", VersionItem::size, 130));
        fileHistoryTable.getColumns().add(column("Recorded SHA-256", VersionItem::sha256, 160));
        fileHistoryTable.getColumns().add(column("Written", VersionItem::written, 150));
        fileHistoryTable.getColumns().add(column("By", VersionItem::by, 160));
        fileHistoryTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        fileHistoryTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(VersionItem v, boolean empty) {
                super.updateItem(v, empty);
                getStyleClass().remove(CONCERNED_VERSION);
                if (!empty && v != null && v.concerned()) {
                    getStyleClass().add(CONCERNED_VERSION);
                }
            }
        });
    }

    // ------------------------------------------------------------ other tabs

    private void setUpOtherTabs() {
        checksTable.setItems(vm.checks());
        checksTable.setPlaceholder(new Label("No run yet."));
        checksTable.getColumns().add(column("Check", CheckItem::title, 230));
        checksTable.getColumns().add(column("State", CheckItem::state, 80));
        checksTable.getColumns().add(column("Rows", CheckItem::rows, 90));
        checksTable.getColumns().add(column("Content", CheckItem::content, 90));
        checksTable.getColumns().add(column("Time", CheckItem::time, 80));
        checksTable.getColumns().add(column("Speed", CheckItem::speed, 90));
        checksTable.getColumns().add(column("Findings", CheckItem::findings, 90));
        checksTable.getColumns().add(column("Note", CheckItem::note, 300));
        checksTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        comparisonLine.getStyleClass().add(Styles.TEXT_BOLD);
        comparisonLine.textProperty().bind(vm.comparisonTextProperty());
        newTable.setItems(vm.added());
        goneTable.setItems(vm.gone());
        for (TableView<FindingItem> t : List.of(newTable, goneTable)) {
            t.getColumns().add(column("Severity", FindingItem::severity, 80));
            t.getColumns().add(column("Finding", FindingItem::title, 380));
            t.getColumns().add(column("Where", FindingItem::where, 260));
            t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        }
        newTable.setPlaceholder(new Label("Nothing new."));
        goneTable.setPlaceholder(new Label("Nothing gone."));
        notesList.setItems(vm.notes());
        notesList.setPlaceholder(new Label("No notes."));
        notesList.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setWrapText(true);
                setPrefWidth(0);
            }
        });
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> text, double width) {
        TableColumn<T, String> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue() == null ? "" : text.apply(c.getValue())));
        col.setPrefWidth(width);
        col.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                // long notes and titles are cut in the cell: the whole text on hover
                setTooltip(empty || item == null || item.length() < 40 ? null : new Tooltip(item));
            }
        });
        return col;
    }

    // ------------------------------------------------------------ actions

    @FXML
    private void onRun() {
        vm.run();
    }

    @FXML
    private void onCancel() {
        vm.cancel();
    }

    @FXML
    private void onOpenFileHistory() {
        vm.openFileHistory();
    }

    @FXML
    private void onCloseFileHistory() {
        vm.closeFileHistory();
    }

    @FXML
    private void onCopyFinding() {
        ClipboardContent content = new ClipboardContent();
        content.putString(vm.selectedAsText());
        Clipboard.getSystemClipboard().setContent(content);
    }

    @FXML
    private void onExportHtml() {
        choose("HTML report", "*.html", "html", vm::exportHtml);
    }

    @FXML
    private void onExportJson() {
        choose("JSON", "*.json", "json", vm::exportJson);
    }

    @FXML
    private void onExportCsv() {
        choose("CSV", "*.csv", "csv", vm::exportCsv);
    }

    private void choose(String kind, String pattern, String extension, Consumer<Path> export) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the integrity report as " + kind);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        chooser.setInitialFileName(vm.suggestedFileName(extension));
        File file = chooser.showSaveDialog(exportMenu.getScene().getWindow());
        if (file != null) {
            export.accept(file.toPath());
        }
    }
}
