package com.warden.ui.impact;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.embed.swing.SwingFXUtils;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.SearchableComboBox;
import org.controlsfx.control.textfield.TextFields;

/** Wires the Impact view to its {@link ImpactViewModel}: bindings, the graph canvas, tables and exports. */
public final class ImpactController {
    /** The kinds of export and the file name each suggests. */
    public enum Export { PNG("png"), DOT("dot"), JSON("json");
        final String extension;
        Export(String extension) {
            this.extension = extension;
        }
    }

    private final ImpactViewModel vm;
    private BiFunction<Export, String, Path> exportTarget = this::chooseFile;

    @FXML private BorderPane root;
    @FXML private SearchableComboBox<ImpactViewModel.AppItem> appBox;
    @FXML private ToggleButton startFile;
    @FXML private ToggleButton startSession;
    @FXML private TextField pathField;
    @FXML private ComboBox<ImpactViewModel.SessionItem> sessionBox;
    @FXML private ToggleButton dependents;
    @FXML private ToggleButton dependencies;
    @FXML private Spinner<Integer> depthSpinner;
    @FXML private StackPane typesHolder;
    @FXML private Button analyzeButton;
    @FXML private Button backButton;
    @FXML private Button cancelButton;
    @FXML private Label errorLabel;
    @FXML private TabPane tabs;
    @FXML private Tab graphTab;
    @FXML private GraphView graphView;
    @FXML private HBox graphTools;
    @FXML private ToggleButton cyclesToggle;
    @FXML private MenuButton exportMenu;
    @FXML private Label hoverLabel;
    @FXML private Label emptyLabel;
    @FXML private TableView<ImpactViewModel.Row> table;
    @FXML private TableView<ImpactViewModel.TopRow> topTable;
    @FXML private Label headline;
    @FXML private Label subtitle;
    @FXML private VBox depthBox;
    @FXML private VBox typeBox;
    @FXML private FlowPane kindBox;
    @FXML private Label cyclesTitle;
    @FXML private VBox cycleList;
    @FXML private Label selectedPath;
    @FXML private Label selectedTrail;
    @FXML private Button reRootButton;
    @FXML private Button centerButton;
    @FXML private Hyperlink historyLink;
    @FXML private Label historyNote;
    @FXML private ProgressIndicator progress;
    @FXML private Label statusLabel;

    private CheckComboBox<String> typesBox;
    private ObjectProperty<Integer> depthObject;
    private volatile List<String> pathSnapshot = List.of();
    private boolean syncingSelection;

    public ImpactController(ImpactViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        root.getStylesheets().add(ImpactController.class.getResource("impact.css").toExternalForm());
        inputs();
        graph();
        tables();
        side();
        progress.visibleProperty().bind(vm.busyProperty());
        progress.managedProperty().bind(vm.busyProperty());
        statusLabel.textProperty().bind(vm.statusProperty());
        errorLabel.textProperty().bind(vm.errorProperty());
        errorLabel.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
    }

    // ------------------------------------------------------------------ inputs

    private void inputs() {
        appBox.setItems(vm.apps());
        appBox.valueProperty().bindBidirectional(vm.appProperty());
        appBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(ImpactViewModel.AppItem a) {
                return a == null ? "" : a.name();
            }

            @Override
            public ImpactViewModel.AppItem fromString(String s) {
                return vm.apps().stream().filter(a -> a.name().equals(s)).findFirst().orElse(null);
            }
        });
        appBox.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ImpactViewModel.AppItem a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : a.name() + " — " + a.detail());
            }
        });
        appBox.setVisibleRowCount(16);

        ToggleGroup start = new ToggleGroup();
        startFile.setToggleGroup(start);
        startSession.setToggleGroup(start);
        startFile.getStyleClass().add("left-pill");
        startSession.getStyleClass().add("right-pill");
        start.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true); // one of the two is always on
            } else {
                vm.startProperty().set(b == startSession ? ImpactViewModel.Start.SESSION : ImpactViewModel.Start.FILE);
            }
        });
        vm.startProperty().addListener((o, a, b) -> (b == ImpactViewModel.Start.SESSION ? startSession : startFile).setSelected(true));
        (vm.startProperty().get() == ImpactViewModel.Start.SESSION ? startSession : startFile).setSelected(true);
        pathField.visibleProperty().bind(vm.startProperty().isEqualTo(ImpactViewModel.Start.FILE));
        pathField.managedProperty().bind(pathField.visibleProperty());
        sessionBox.visibleProperty().bind(vm.startProperty().isEqualTo(ImpactViewModel.Start.SESSION));
        sessionBox.managedProperty().bind(sessionBox.visibleProperty());

        pathField.textProperty().bindBidirectional(vm.pathProperty());
        pathField.textProperty().addListener((o, a, b) -> vm.clearError());
        pathField.setOnAction(e -> vm.analyze());
        vm.files().addListener((ListChangeListener<String>) c -> pathSnapshot = List.copyOf(vm.files()));
        // suggestions are asked for on a background thread: they read an immutable snapshot
        TextFields.bindAutoCompletion(pathField, request -> suggest(pathSnapshot, request.getUserText()));

        sessionBox.setItems(vm.sessions());
        sessionBox.valueProperty().bindBidirectional(vm.sessionProperty());
        ToggleGroup way = new ToggleGroup();
        dependents.setToggleGroup(way);
        dependencies.setToggleGroup(way);
        dependents.getStyleClass().add("left-pill");
        dependencies.getStyleClass().add("right-pill");
        way.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            } else {
                vm.wayProperty().set(b == dependencies ? ImpactViewModel.Way.DEPENDENCIES : ImpactViewModel.Way.DEPENDENTS);
            }
        });
        vm.wayProperty().addListener((o, a, b) -> (b == ImpactViewModel.Way.DEPENDENCIES ? dependencies : dependents).setSelected(true));
        (vm.wayProperty().get() == ImpactViewModel.Way.DEPENDENCIES ? dependencies : dependents).setSelected(true);

        SpinnerValueFactory.IntegerSpinnerValueFactory depths =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(ImpactViewModel.MIN_DEPTH, ImpactViewModel.MAX_DEPTH, vm.depthProperty().get());
        depthSpinner.setValueFactory(depths);
        depthObject = vm.depthProperty().asObject();
        depths.valueProperty().bindBidirectional(depthObject);
        // every commit of typed text (Enter, focus lost, arrows) goes through this converter: the engine's
        // rule checks it, so the message is the command line's, and a refused value leaves the depth as it was
        depths.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value.toString();
            }

            @Override
            public Integer fromString(String text) {
                // a refused text stays in the field beside its message until it is fixed; Analyze waits for that
                vm.commitDepth(text);
                return vm.depthProperty().get();
            }
        });

        typesBox = new CheckComboBox<>();
        typesBox.setId("impactTypes");
        typesBox.getItems().setAll(ImpactViewModel.typeNames());
        typesBox.setTitle("Types: all");
        typesBox.setShowCheckedCount(false);
        for (String t : ImpactViewModel.typeNames()) {
            if (vm.types().contains(t)) {
                typesBox.getCheckModel().check(t);
            }
        }
        typesBox.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> {
            List<String> checked = List.copyOf(typesBox.getCheckModel().getCheckedItems());
            vm.types().retainAll(checked);
            vm.types().addAll(checked);
            typesBox.setTitle("Types: " + vm.typesLabel());
        });
        typesHolder.getChildren().add(typesBox);

        backButton.disableProperty().bind(vm.canGoBackProperty().not());
        cancelButton.visibleProperty().bind(vm.busyProperty());
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
    }

    static List<String> suggest(Collection<String> paths, String typed) {
        String t = typed == null ? "" : typed.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return List.of();
        }
        return paths.stream().filter(p -> p.toLowerCase(Locale.ROOT).contains(t))
                .sorted((a, b) -> Boolean.compare(!a.toLowerCase(Locale.ROOT).endsWith(t), !b.toLowerCase(Locale.ROOT).endsWith(t)))
                .limit(40).toList();
    }

    // ------------------------------------------------------------------ graph

    private void graph() {
        vm.resultProperty().addListener((o, a, r) -> {
            graphView.setGraphLayout(r == null ? null : r.layout());
            updateEmpty();
            selectionChanged();
        });
        updateEmpty();
        cyclesToggle.selectedProperty().bindBidirectional(vm.highlightCyclesProperty());
        graphView.setHighlightCycles(vm.highlightCyclesProperty().get());
        vm.highlightCyclesProperty().addListener((o, a, b) -> graphView.setHighlightCycles(b));
        graphView.setOnOpen(vm::reRoot);
        graphView.hoveredProperty().addListener((o, a, b) -> {
            GraphLayout l = graphView.graphLayout();
            int i = b.intValue();
            if (l == null || i < 0) {
                hoverLabel.setVisible(false);
                return;
            }
            GraphLayout.NodeInfo n = l.info(i);
            hoverLabel.setText(n.caption() + "\n" + n.trail());
            hoverLabel.setVisible(true);
        });
        hoverLabel.setVisible(false);
        graphView.selectedProperty().addListener((o, a, b) -> {
            selectionChanged();
            syncTableToGraph();
        });
        graphView.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.EQUALS || e.getCode() == KeyCode.ADD) {
                graphView.zoomIn();
            } else if (e.getCode() == KeyCode.MINUS || e.getCode() == KeyCode.SUBTRACT) {
                graphView.zoomOut();
            } else if (e.getCode() == KeyCode.DIGIT0 || e.getCode() == KeyCode.F) {
                graphView.fit();
            } else if (e.getCode() == KeyCode.ENTER && graphView.selectedProperty().get() >= 0) {
                reRootSelected();
            } else if (e.getCode() == KeyCode.BACK_SPACE) {
                vm.back();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                graphView.selectedProperty().set(-1);
            } else {
                return;
            }
            e.consume();
        });
        ContextMenu menu = new ContextMenu();
        MenuItem reRoot = new MenuItem("Re-root here");
        reRoot.setOnAction(e -> reRootSelected());
        MenuItem history = new MenuItem("Open file history");
        history.setOnAction(e -> openHistory());
        menu.getItems().addAll(reRoot, history);
        graphView.setOnContextMenuRequested(e -> {
            int i = graphView.nodeAtScreen(e.getX(), e.getY());
            if (i >= 0) {
                graphView.selectedProperty().set(i);
                menu.show(graphView, e.getScreenX(), e.getScreenY());
            }
        });
    }

    private void updateEmpty() {
        ImpactViewModel.Result r = vm.resultProperty().get();
        boolean empty = r == null || r.layout().size() == 0;
        emptyLabel.setVisible(empty);
        emptyLabel.setText(r == null ? "Pick an app and a file (or a session), then Analyze." : "The session changed no files: nothing to walk from.");
        graphTools.setDisable(empty);
    }

    private void selectionChanged() {
        GraphLayout l = graphView.graphLayout();
        int i = graphView.selectedProperty().get();
        boolean has = l != null && i >= 0;
        reRootButton.setDisable(!has);
        centerButton.setDisable(!has);
        historyLink.setDisable(!has);
        if (!has) {
            selectedPath.setText("Hover a file to see its path to the root; click to select it, double-click to re-root.");
            selectedTrail.setText("");
            return;
        }
        GraphLayout.NodeInfo n = l.info(i);
        selectedPath.setText(n.path());
        selectedTrail.setText(n.caption() + "\n" + n.trail());
        historyLink.setText("Open file history of " + n.name());
    }

    // ------------------------------------------------------------------ tables

    private void tables() {
        table.setItems(vm.rows());
        table.getColumns().setAll(List.of(
                column("Depth", r -> r.depth(), 70),
                column("File", ImpactViewModel.Row::path, 300),
                column("Kind", ImpactViewModel.Row::kind, 100),
                column("Reached via", ImpactViewModel.Row::via, 260),
                column("Type", ImpactViewModel.Row::types, 90),
                column("Cycle", ImpactViewModel.Row::cycle, 70)));
        table.setPlaceholder(new Label("No walk yet."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_NEXT_COLUMN);
        table.setRowFactory(t -> {
            TableRow<ImpactViewModel.Row> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty() && e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                    vm.reRoot(row.getItem().fileId());
                }
            });
            return row;
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (syncingSelection || b == null || graphView.graphLayout() == null) {
                return;
            }
            syncingSelection = true;
            graphView.selectedProperty().set(graphView.graphLayout().indexOf(b.fileId()));
            syncingSelection = false;
        });

        topTable.setItems(vm.mostDependedOn());
        topTable.getColumns().setAll(List.of(
                column("File", ImpactViewModel.TopRow::path, 380),
                column("Direct dependents", f -> f.direct(), 130),
                column("Transitive dependents", f -> f.transitive(), 150),
                column("In a cycle", f -> f.inCycle() ? "yes" : "", 90)));
        topTable.setPlaceholder(new Label("Pick an app to rank its files."));
        topTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_NEXT_COLUMN);
        topTable.setRowFactory(t -> {
            TableRow<ImpactViewModel.TopRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty() && e.getClickCount() == 2) {
                    vm.startProperty().set(ImpactViewModel.Start.FILE);
                    vm.pathProperty().set(row.getItem().path());
                    vm.analyze();
                    tabs.getSelectionModel().select(graphTab);
                }
            });
            return row;
        });
    }

    private static <S, T> TableColumn<S, T> column(String title, Function<S, T> value, double width) {
        TableColumn<S, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 70));
        return c;
    }

    private void syncTableToGraph() {
        if (syncingSelection || graphView.graphLayout() == null) {
            return;
        }
        int i = graphView.selectedProperty().get();
        syncingSelection = true;
        if (i < 0) {
            table.getSelectionModel().clearSelection();
        } else {
            UUID id = graphView.graphLayout().info(i).fileId();
            vm.rows().stream().filter(r -> r.fileId().equals(id)).findFirst().ifPresent(r -> table.getSelectionModel().select(r));
        }
        syncingSelection = false;
    }

    // ------------------------------------------------------------------ side panel

    private void side() {
        headline.textProperty().bind(vm.headlineProperty());
        subtitle.textProperty().bind(vm.subtitleProperty());
        vm.byDepth().addListener((ListChangeListener<ImpactViewModel.Count>) c -> counts(depthBox, vm.byDepth()));
        vm.byType().addListener((ListChangeListener<ImpactViewModel.Count>) c -> counts(typeBox, vm.byType()));
        vm.byKind().addListener((ListChangeListener<ImpactViewModel.Count>) c -> kinds());
        vm.cycles().addListener((ListChangeListener<String>) c -> cycles());
        cyclesTitle.textProperty().bind(Bindings.size(vm.cycles()).asString("CYCLES (%d)"));
        cycles();
        historyNote.textProperty().bind(Bindings.createStringBinding(() -> {
            ImpactViewModel.FileLink link = vm.historyRequestProperty().get();
            return link == null ? "" : "File history of " + link.path() + " opens in Files & Diffs once that screen is built; its link: " + link.uri();
        }, vm.historyRequestProperty()));
        selectionChanged();
    }

    /** One line per cycle, its loop spelled out; a click selects the cycle's first file and centres on it. */
    private void cycles() {
        cycleList.getChildren().clear();
        List<String> loops = vm.cycles();
        int shown = Math.min(loops.size(), 100);
        for (int k = 0; k < shown; k++) {
            int index = k;
            Label line = new Label(loops.get(k));
            line.setWrapText(true);
            line.setMinHeight(Region.USE_PREF_SIZE);
            line.getStyleClass().add("impact-cycle");
            line.setId("impactCycle" + (k + 1));
            line.setOnMouseClicked(e -> showCycle(index));
            cycleList.getChildren().add(line);
        }
        if (loops.size() > shown) {
            cycleList.getChildren().add(new Label("… and " + (loops.size() - shown) + " more (see the JSON export)"));
        }
        if (loops.isEmpty()) {
            Label none = new Label("No cycles met.");
            none.getStyleClass().add("impact-note");
            cycleList.getChildren().add(none);
        }
    }

    private void showCycle(int k) {
        GraphLayout l = graphView.graphLayout();
        UUID first = vm.cycleStart(k);
        if (l == null || first == null) {
            return;
        }
        int i = l.indexOf(first);
        tabs.getSelectionModel().select(graphTab);
        graphView.selectedProperty().set(i);
        graphView.centerOn(i);
    }

    private static void counts(VBox box, ObservableList<ImpactViewModel.Count> counts) {
        box.getChildren().clear();
        for (ImpactViewModel.Count c : counts) {
            Region swatch = new Region();
            swatch.getStyleClass().add("impact-swatch");
            swatch.setStyle("-fx-background-color: " + c.colour() + ";");
            Label name = new Label(c.label());
            name.setMinWidth(Region.USE_PREF_SIZE);
            name.setPrefWidth(100);
            Label n = new Label(String.format("%,d", c.count()));
            n.setMinWidth(Region.USE_PREF_SIZE);
            n.setPrefWidth(56);
            ProgressBar bar = new ProgressBar(c.share());
            bar.setMinWidth(30);
            bar.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(bar, Priority.ALWAYS);
            HBox row = new HBox(swatch, name, n, bar);
            row.getStyleClass().add("impact-count-row");
            box.getChildren().add(row);
        }
        if (counts.isEmpty()) {
            box.getChildren().add(new Label("—"));
        }
    }

    private void kinds() {
        kindBox.getChildren().clear();
        for (ImpactViewModel.Count c : vm.byKind()) {
            Region swatch = new Region();
            swatch.getStyleClass().add("impact-swatch");
            swatch.setStyle("-fx-background-color: " + c.colour() + ";");
            HBox item = new HBox(4, swatch, new Label(c.label() + " " + c.count()));
            item.getStyleClass().add("impact-count-row");
            kindBox.getChildren().add(item);
        }
    }

    // ------------------------------------------------------------------ actions

    @FXML
    void analyze() {
        vm.analyze();
    }

    @FXML
    void back() {
        vm.back();
    }

    @FXML
    void cancel() {
        vm.cancel();
    }

    @FXML
    void zoomIn() {
        graphView.zoomIn();
    }

    @FXML
    void zoomOut() {
        graphView.zoomOut();
    }

    @FXML
    void fit() {
        graphView.fit();
    }

    @FXML
    void reRootSelected() {
        UUID id = selectedId();
        if (id != null) {
            vm.reRoot(id);
        }
    }

    @FXML
    void centerSelected() {
        tabs.getSelectionModel().select(graphTab);
        graphView.centerOn(graphView.selectedProperty().get());
    }

    @FXML
    void openHistory() {
        UUID id = selectedId();
        if (id != null) {
            vm.openHistory(id);
        }
    }

    private UUID selectedId() {
        GraphLayout l = graphView.graphLayout();
        int i = graphView.selectedProperty().get();
        return l == null || i < 0 ? null : l.info(i).fileId();
    }

    @FXML
    void exportPng() {
        Path target = target(Export.PNG);
        if (target != null) {
            vm.exportPng(target, SwingFXUtils.fromFXImage(graphView.renderAll(8000), null));
        }
    }

    @FXML
    void exportDot() {
        Path target = target(Export.DOT);
        if (target != null) {
            vm.exportDot(target);
        }
    }

    @FXML
    void exportJson() {
        Path target = target(Export.JSON);
        if (target != null) {
            vm.exportJson(target);
        }
    }

    private Path target(Export kind) {
        String title = vm.exportTitle();
        if (title == null) {
            return null;
        }
        String base = title.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^_+|_+$", "");
        return exportTarget.apply(kind, "impact-" + (base.isEmpty() ? "graph" : base) + "." + kind.extension);
    }

    private Path chooseFile(Export kind, String suggested) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the impact graph as " + kind.name());
        chooser.setInitialFileName(suggested);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind.name(), "*." + kind.extension));
        java.io.File file = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        return file == null ? null : file.toPath();
    }

    /** Where exports go without a dialog: tests and scripted screenshots. */
    void setExportTarget(BiFunction<Export, String, Path> target) {
        this.exportTarget = target;
    }

    GraphView graphView() {
        return graphView;
    }
}
