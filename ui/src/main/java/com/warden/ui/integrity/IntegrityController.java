package com.warden.ui.integrity;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import com.warden.app.integrity.CheckGroup;
import com.warden.app.integrity.CheckSummary;
import com.warden.app.integrity.FileHistory;
import com.warden.app.integrity.IntegrityReport;
import com.warden.app.integrity.RunComparison;
import com.warden.app.integrity.ScanMode;
import com.warden.app.integrity.ScanProgress;
import com.warden.app.report.Finding;
import com.warden.app.report.Severity;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * Binds the Integrity view to its view-model and forwards the user's actions. Grouping of the
 * findings (severity, then check) and the cell texts are presentation, done here; everything
 * else is the view-model's.
 */
public final class IntegrityController {
    private static final String NEW_ROW = "integrity-new";
    private static final String FINDING_VERSION = "integrity-finding-version";

    /** A line of the findings tree: a group heading or one finding. */
    record Row(String label, Severity severity, Finding finding) {
        boolean group() {
            return finding == null;
        }
    }

    private final IntegrityViewModel vm;

    @FXML private Label screenTitle;
    @FXML private Label screenSubtitle;
    @FXML private ComboBox<String> appField;
    @FXML private ComboBox<ScanMode> modeChoice;
    @FXML private MenuButton checksMenu;
    @FXML private Button runButton;
    @FXML private Button cancelButton;
    @FXML private MenuButton exportMenu;
    @FXML private HBox progressBox;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Message verdict;
    @FXML private Label statusLine;
    @FXML private TabPane tabs;
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
    @FXML private TableView<FileHistory.Version> fileHistoryTable;
    @FXML private TableView<CheckSummary> checksTable;
    @FXML private Label comparisonLine;
    @FXML private TableView<Finding> newTable;
    @FXML private TableView<Finding> goneTable;
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

        // what to check
        appField.setItems(vm.apps());
        appField.getEditor().textProperty().bindBidirectional(vm.appProperty());
        appField.disableProperty().bind(vm.runningProperty());
        modeChoice.getItems().setAll(ScanMode.values());
        modeChoice.valueProperty().bindBidirectional(vm.modeProperty());
        modeChoice.setConverter(new StringConverter<>() {
            @Override public String toString(ScanMode m) { return m == null ? "" : m.label(); }
            @Override public ScanMode fromString(String s) { return ScanMode.parse(s); }
        });
        modeChoice.disableProperty().bind(vm.runningProperty());
        for (CheckGroup g : CheckGroup.values()) {
            CheckMenuItem item = new CheckMenuItem(g.title());
            item.setId("check-" + g.id());
            item.selectedProperty().bindBidirectional(vm.groupProperty(g));
            checksMenu.getItems().add(item);
            vm.groupProperty(g).addListener((o, a, b) -> checksLabel());
        }
        checksLabel();
        checksMenu.disableProperty().bind(vm.runningProperty());
        runButton.disableProperty().bind(vm.canRunProperty().not());
        show(cancelButton, vm.runningProperty());
        exportMenu.disableProperty().bind(vm.canExportProperty().not());

        // progress and verdict
        show(progressBox, vm.runningProperty());
        progressBar.progressProperty().bind(vm.progressProperty());
        progressLabel.textProperty().bind(vm.progressTextProperty());
        verdict.titleProperty().bind(vm.verdictProperty().map(v -> v.isEmpty() ? "No run yet" : v));
        verdict.descriptionProperty().bind(vm.verdictDetailProperty().map(d -> d.isEmpty() && vm.reportProperty().get() == null
                ? "Choose what to check and press Run. Runs are kept and compared with the last one." : d));
        vm.toneProperty().addListener((o, a, b) -> tone(b));
        tone(vm.toneProperty().get());
        statusLine.textProperty().bind(vm.statusProperty());
        show(statusLine, vm.statusProperty().isNotEmpty());

        setUpFindings();
        setUpDetails();
        setUpFileHistory();
        setUpChecks();
        setUpComparison();
        vm.reportProperty().addListener((o, a, r) -> reportChanged(r));
        reportChanged(vm.reportProperty().get());
    }

    private void checksLabel() {
        long on = List.of(CheckGroup.values()).stream().filter(g -> vm.groupProperty(g).get()).count();
        checksMenu.setText(on == CheckGroup.values().length ? "Checks: all" : "Checks: " + on + " of " + CheckGroup.values().length);
    }

    private void tone(IntegrityViewModel.Tone t) {
        verdict.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER, Styles.ACCENT);
        verdict.getStyleClass().add(switch (t) {
            case CLEAN -> Styles.SUCCESS;
            case FINDINGS -> Styles.WARNING;
            case PROBLEM -> Styles.DANGER;
            case NEUTRAL -> Styles.ACCENT;
        });
    }

    private static void show(javafx.scene.Node node, javafx.beans.value.ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }

    // ------------------------------------------------------------ findings tree

    private void setUpFindings() {
        findingsTree.setRoot(new TreeItem<>(new Row("", null, null)));
        findingsTree.setPlaceholder(new Label("No findings."));
        findingsTree.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        TreeTableColumn<Row, Row> what = new TreeTableColumn<>("Finding");
        what.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        what.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll(Styles.TEXT_BOLD, Styles.DANGER, Styles.WARNING, Styles.ACCENT);
                if (empty || row == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                if (row.group()) {
                    setText(row.label());
                    getStyleClass().add(Styles.TEXT_BOLD);
                    if (row.severity() != null && getTreeTableRow().getTreeItem() != null
                            && getTreeTableRow().getTreeItem().getParent() == findingsTree.getRoot()) {
                        getStyleClass().add(severityStyle(row.severity()));
                    }
                    setGraphic(null);
                } else {
                    setText(row.finding().title());
                    if (vm.isNew(row.finding())) {
                        Label badge = new Label("new");
                        badge.getStyleClass().addAll(Styles.ACCENT, Styles.TEXT_SMALL, Styles.TEXT_BOLD);
                        setGraphic(badge);
                    } else {
                        setGraphic(null);
                    }
                }
            }
        });
        what.setPrefWidth(380);
        findingsTree.getColumns().add(what);
        findingsTree.getColumns().add(column("Where", f -> f.path() == null ? "" : (f.app() == null ? "" : f.app() + ": ") + f.path(), 220));
        findingsTree.getColumns().add(column("Row", f -> f.table() + " " + f.rowId(), 200));
        findingsTree.getColumns().add(column("Expected", f -> shortDigests(f.expected()), 200));
        findingsTree.getColumns().add(column("Found", f -> shortDigests(f.found()), 200));
        findingsTree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        vm.findings().addListener((ListChangeListener<Finding>) c -> rebuildTree());
        rebuildTree();
        findingsTree.getSelectionModel().selectedItemProperty().addListener((o, a, item) ->
                vm.selectedProperty().set(item == null || item.getValue().group() ? null : item.getValue().finding()));
    }

    private static TreeTableColumn<Row, String> column(String title, Function<Finding, String> text, double width) {
        TreeTableColumn<Row, String> col = new TreeTableColumn<>(title);
        col.setCellValueFactory(c -> {
            Row row = c.getValue().getValue();
            return new ReadOnlyStringWrapper(row == null || row.group() ? "" : text.apply(row.finding()));
        });
        col.setPrefWidth(width);
        return col;
    }

    private void rebuildTree() {
        TreeItem<Row> root = findingsTree.getRoot();
        root.getChildren().clear();
        Map<Severity, Map<String, List<Finding>>> grouped = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            grouped.put(s, new LinkedHashMap<>());
        }
        for (Finding f : vm.findings()) {
            grouped.get(f.severity()).computeIfAbsent(f.check(), k -> new ArrayList<>()).add(f);
        }
        for (Map.Entry<Severity, Map<String, List<Finding>>> s : grouped.entrySet()) {
            int count = s.getValue().values().stream().mapToInt(List::size).sum();
            if (count == 0) {
                continue;
            }
            String name = s.getKey().label();
            TreeItem<Row> severity = new TreeItem<>(new Row(Character.toUpperCase(name.charAt(0)) + name.substring(1)
                    + (count == 1 ? "" : "s") + " (" + count + ")", s.getKey(), null));
            severity.setExpanded(true);
            for (Map.Entry<String, List<Finding>> c : s.getValue().entrySet()) {
                CheckGroup g = CheckGroup.ofId(c.getKey());
                TreeItem<Row> check = new TreeItem<>(new Row((g == null ? c.getKey() : g.title()) + " (" + c.getValue().size() + ")",
                        s.getKey(), null));
                check.setExpanded(true);
                for (Finding f : c.getValue()) {
                    check.getChildren().add(new TreeItem<>(new Row(f.title(), f.severity(), f)));
                }
                severity.getChildren().add(check);
            }
            root.getChildren().add(severity);
        }
    }

    private static String severityStyle(Severity s) {
        return switch (s) {
            case ERROR -> Styles.DANGER;
            case WARNING -> Styles.WARNING;
            case INFO -> Styles.ACCENT;
        };
    }

    static String shortDigests(String text) {
        return text == null ? "" : text.replaceAll("\\b([0-9a-f]{12})[0-9a-f]{52}\\b", "$1…");
    }

    // ------------------------------------------------------------ details and file history

    private void setUpDetails() {
        show(detailEmpty, vm.selectedProperty().isNull());
        show(detailBox, vm.selectedProperty().isNotNull());
        detailTitle.getStyleClass().add(Styles.TITLE_4);
        detailCode.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        detailText.getStyleClass().add(Styles.TEXT_MUTED);
        for (Label mono : List.of(detailRow, detailExpected, detailFound)) {
            mono.getStyleClass().add(Styles.TEXT_SMALL);
            mono.setStyle("-fx-font-family: monospace;");
        }
        openFileHistory.disableProperty().bind(vm.canOpenFileProperty().not().or(vm.fileHistoryLoadingProperty()));
        vm.selectedProperty().addListener((o, a, f) -> showFinding(f));
    }

    private void showFinding(Finding f) {
        if (f == null) {
            return;
        }
        detailSeverity.setText(f.severity().label().toUpperCase(Locale.ROOT));
        detailSeverity.getStyleClass().removeAll(Styles.DANGER, Styles.WARNING, Styles.ACCENT);
        detailSeverity.getStyleClass().addAll(Styles.TEXT_BOLD, severityStyle(f.severity()));
        CheckGroup g = CheckGroup.ofId(f.check());
        detailCode.setText((g == null ? f.check() : g.title()) + " · " + f.code() + (vm.isNew(f) ? " · new since the last run" : ""));
        detailTitle.setText(f.title());
        detailWhere.setText(f.path() == null ? (f.app() == null ? "—" : f.app()) : (f.app() == null ? "" : f.app() + ": ") + f.path());
        detailRow.setText(f.table() + "\n" + f.rowId());
        detailExpected.setText(f.expected());
        detailFound.setText(f.found());
        detailSeenBy.setText(f.seenBy().isEmpty() ? "catalog and metadata queries" : String.join(" and ", f.seenBy()) + " mode");
        detailText.setText(f.detail());
        openFileHistory.setText(f.fileId() == null ? "No file to open" : "Open the history of " + (f.path() == null ? "the file" : f.path()));
    }

    private void setUpFileHistory() {
        show(fileHistoryBox, vm.fileHistoryProperty().isNotNull());
        fileHistoryTitle.getStyleClass().add(Styles.TEXT_BOLD);
        fileHistoryTitle.textProperty().bind(vm.fileHistoryProperty().map(h -> "History of " + h.path()
                + (h.app() == null ? "" : " in " + h.app()) + " · " + h.versions().size() + " versions"));
        fileHistoryTable.setPlaceholder(new Label("No versions."));
        fileHistoryTable.getColumns().add(tableColumn("Version", v -> "v" + v.version() + (v.head() ? " (head)" : ""), 90));
        fileHistoryTable.getColumns().add(tableColumn("Digest", v -> v.digestMatches() ? "matches" : "DIFFERS", 80));
        fileHistoryTable.getColumns().add(tableColumn("Size", v -> String.format("%,d", v.sizeBytes()) + (v.sizeMatches() ? "" : " (wrong)"), 100));
        fileHistoryTable.getColumns().add(tableColumn("Recorded SHA-256", v -> v.sha256() == null ? "—" : v.sha256().substring(0, 12) + "…", 130));
        fileHistoryTable.getColumns().add(tableColumn("Written", v -> v.createdAt() == null ? "" : v.createdAt().toLocalDateTime()
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), 130));
        fileHistoryTable.getColumns().add(tableColumn("By", FileHistory.Version::createdBy, 140));
        fileHistoryTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        fileHistoryTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(FileHistory.Version v, boolean empty) {
                super.updateItem(v, empty);
                getStyleClass().remove(FINDING_VERSION);
                Finding f = vm.selectedProperty().get();
                if (!empty && v != null && f != null && v.id().equals(f.rowId())) {
                    getStyleClass().add(FINDING_VERSION);
                }
            }
        });
        vm.fileHistoryProperty().addListener((o, a, h) -> {
            fileHistoryTable.getItems().setAll(h == null ? List.of() : h.versions());
            if (h != null) {
                Finding f = vm.selectedProperty().get();
                h.versions().stream().filter(v -> f != null && v.id().equals(f.rowId())).findFirst()
                        .ifPresent(v -> fileHistoryTable.getSelectionModel().select(v));
            }
        });
    }

    // ------------------------------------------------------------ other tabs

    private void setUpChecks() {
        checksTable.setPlaceholder(new Label("No run yet."));
        checksTable.getColumns().add(tableColumn("Check", CheckSummary::title, 230));
        checksTable.getColumns().add(tableColumn("State", CheckSummary::state, 80));
        checksTable.getColumns().add(tableColumn("Rows", c -> c.rows() == 0 && c.bytes() == 0 ? "" : String.format("%,d", c.rows()), 90));
        checksTable.getColumns().add(tableColumn("Content", c -> c.bytes() == 0 ? "" : ScanProgress.megabytes(c.bytes()), 90));
        checksTable.getColumns().add(tableColumn("Time", c -> String.format("%.2f s", c.elapsedMs() / 1000.0), 80));
        checksTable.getColumns().add(tableColumn("Speed", c -> c.mbPerSecond() > 0 ? String.format("%.0f MB/s", c.mbPerSecond()) : "", 90));
        checksTable.getColumns().add(tableColumn("Findings", c -> Integer.toString(c.findings()), 80));
        checksTable.getColumns().add(tableColumn("Note", CheckSummary::note, 300));
        checksTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        notesList.setPlaceholder(new Label("No notes."));
    }

    private void setUpComparison() {
        comparisonLine.getStyleClass().add(Styles.TEXT_BOLD);
        for (TableView<Finding> t : List.of(newTable, goneTable)) {
            t.getColumns().add(tableColumn("Severity", f -> f.severity().label(), 80));
            t.getColumns().add(tableColumn("Finding", Finding::title, 380));
            t.getColumns().add(tableColumn("Where", Finding::where, 260));
            t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        }
        newTable.setPlaceholder(new Label("Nothing new."));
        goneTable.setPlaceholder(new Label("Nothing gone."));
        vm.comparisonProperty().addListener((o, a, c) -> comparisonChanged(c));
        comparisonChanged(vm.comparisonProperty().get());
    }

    private void comparisonChanged(RunComparison c) {
        comparisonLine.setText(c == null ? "Compared after the next run." : c.summary());
        newTable.getItems().setAll(c == null ? List.of() : c.added());
        goneTable.getItems().setAll(c == null ? List.of() : c.gone());
    }

    private void reportChanged(IntegrityReport r) {
        checksTable.getItems().setAll(r == null ? List.of() : r.checks());
        notesList.getItems().setAll(r == null ? List.of() : r.notes());
        if (r != null && r.findings().isEmpty()) {
            findingsTree.setPlaceholder(new Label(r.status().finished() ? "No findings: every check passed." : "No findings before it stopped."));
        }
    }

    private static <T> TableColumn<T, String> tableColumn(String title, Function<T, String> text, double width) {
        TableColumn<T, String> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue() == null ? "" : text.apply(c.getValue())));
        col.setPrefWidth(width);
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
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
        Finding f = vm.selectedProperty().get();
        if (f == null) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(f.severity().label().toUpperCase(Locale.ROOT) + " " + f.code() + ": " + f.title() + "\n"
                + "where: " + f.where() + "\nrow: " + f.table() + " " + f.rowId() + "\nexpected: " + f.expected()
                + "\nfound: " + f.found() + (f.detail().isEmpty() ? "" : "\n" + f.detail()));
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
        IntegrityReport r = vm.reportProperty().get();
        if (r == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the integrity report as " + kind);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        chooser.setInitialFileName("integrity-" + r.target().database() + "-" + LocalDate.now() + "." + extension);
        File file = chooser.showSaveDialog(exportMenu.getScene().getWindow());
        if (file != null) {
            export.accept(file.toPath());
        }
    }
}
