package com.warden.ui.sessions;

import java.io.File;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/** Wires session.fxml to one {@link SessionViewModel}: bindings, the timeline's scrolling, dialogs. */
public final class SessionController implements SessionViewModel.ViewListener {
    /** Rows from either end of the window at which the next page is asked for. */
    private static final int EDGE = 3;

    private final SessionViewModel viewModel;
    private final PreludeBar bar = new PreludeBar();
    private VirtualFlow<?> flow;
    private int firstVisible;
    private int lastVisible = -1;

    @FXML private BorderPane root;
    @FXML private Label titleLabel;
    @FXML private Label metaLabel;
    @FXML private Label idLabel;
    @FXML private Hyperlink copyIdLink;
    @FXML private Label viewedAsLabel;
    @FXML private ToggleButton liveToggle;
    @FXML private MenuButton exportMenu;
    @FXML private Button reloadButton;
    @FXML private Label liveLine;
    @FXML private VBox deletedBox;
    @FXML private Label deletedLine;
    @FXML private HBox exportBar;
    @FXML private ProgressIndicator exportBusy;
    @FXML private Label exportLine;
    @FXML private Button cancelExportButton;
    @FXML private TextField findField;
    @FXML private Button previousHitButton;
    @FXML private Button nextHitButton;
    @FXML private Label findLine;
    @FXML private Button newBelowButton;
    @FXML private Button oldestButton;
    @FXML private Button newestButton;
    @FXML private ListView<MessageItem> timeline;
    @FXML private ProgressIndicator timelineBusy;
    @FXML private Label timelineStatus;
    @FXML private Label memoryLine;
    @FXML private Label summaryLabel;
    @FXML private VBox factsBox;
    @FXML private VBox constraintsBox;
    @FXML private VBox pinsBox;
    @FXML private VBox decisionsBox;
    @FXML private Label preludeLine;
    @FXML private TextField budgetField;
    @FXML private Label budgetError;
    @FXML private StackPane barHolder;
    @FXML private javafx.scene.layout.FlowPane legend;
    @FXML private Label dropOrderLabel;
    @FXML private TextArea preludeArea;
    @FXML private TableView<MemoryItems.PartItem> partsTable;
    @FXML private TableColumn<MemoryItems.PartItem, String> rankColumn;
    @FXML private TableColumn<MemoryItems.PartItem, String> sectionColumn;
    @FXML private TableColumn<MemoryItems.PartItem, String> partColumn;
    @FXML private TableColumn<MemoryItems.PartItem, Integer> partTokensColumn;
    @FXML private TableColumn<MemoryItems.PartItem, String> stateColumn;
    @FXML private TableView<MemoryItems.FileItem> filesTable;
    @FXML private TableColumn<MemoryItems.FileItem, String> pathColumn;
    @FXML private TableColumn<MemoryItems.FileItem, String> reasonColumn;
    @FXML private TableColumn<MemoryItems.FileItem, String> pinnedByColumn;
    @FXML private TableColumn<MemoryItems.FileItem, String> sizeColumn;
    @FXML private TableColumn<MemoryItems.FileItem, String> headColumn;
    @FXML private TableColumn<MemoryItems.FileItem, String> pinnedAtColumn;
    @FXML private TableColumn<MemoryItems.FileItem, String> historyColumn;

    public SessionController(SessionViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        root.setId("session-" + viewModel.idText());
        head();
        timeline();
        memory();
        prelude();
        workingSet();
        viewModel.setViewListener(this);
    }

    private void head() {
        titleLabel.textProperty().bind(viewModel.titleProperty());
        metaLabel.textProperty().bind(viewModel.metaProperty());
        idLabel.setText(viewModel.idText());
        viewedAsLabel.setText(viewModel.viewedAs().isEmpty() ? "" : "viewed as " + viewModel.viewedAs());
        liveToggle.selectedProperty().bindBidirectional(viewModel.liveProperty());
        liveToggle.disableProperty().bind(viewModel.deletedProperty());
        liveLine.textProperty().bind(viewModel.liveLineProperty());
        reloadButton.disableProperty().bind(viewModel.deletedProperty());
        exportMenu.disableProperty().bind(viewModel.deletedProperty().or(viewModel.exportingProperty()));
        deletedLine.textProperty().bind(viewModel.deletedLineProperty());
        show(deletedBox, viewModel.deletedProperty());
        exportLine.textProperty().bind(viewModel.exportLineProperty());
        show(exportBar, viewModel.exportLineProperty().isNotEmpty());
        exportBusy.visibleProperty().bind(viewModel.exportingProperty());
        cancelExportButton.visibleProperty().bind(viewModel.exportingProperty());
    }

    private static void show(javafx.scene.Node node, javafx.beans.value.ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(node.visibleProperty());
    }

    private void timeline() {
        timeline.setItems(viewModel.messages());
        timeline.setCellFactory(list -> new MessageCell(list, () -> viewModel.highlightedProperty().get(), this::showAll,
                this::copyMessage, item -> copy(item.id().toString())));
        Label empty = new Label();
        empty.textProperty().bind(viewModel.timelineEmptyProperty());
        empty.getStyleClass().add("empty-state");
        timeline.setPlaceholder(empty);
        timelineStatus.textProperty().bind(viewModel.timelineStatusProperty());
        timelineBusy.visibleProperty().bind(viewModel.loadingOlderProperty().or(viewModel.loadingNewerProperty())
                .or(viewModel.findingProperty()));
        viewModel.highlightedProperty().addListener((obs, old, now) -> timeline.refresh());
        findField.textProperty().bindBidirectional(viewModel.findTextProperty());
        findField.setOnAction(e -> viewModel.find());
        findField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                findField.clear();
                viewModel.clearFind();
            }
        });
        findLine.textProperty().bind(viewModel.findLineProperty());
        findField.disableProperty().bind(viewModel.deletedProperty());
        previousHitButton.disableProperty().bind(viewModel.findTextProperty().isEmpty().or(viewModel.deletedProperty()));
        nextHitButton.disableProperty().bind(viewModel.findTextProperty().isEmpty().or(viewModel.deletedProperty()));
        newBelowButton.textProperty().bind(Bindings.createStringBinding(
                () -> Fmt.plural(viewModel.newBelowProperty().get(), "new message", "new messages") + " ↓",
                viewModel.newBelowProperty()));
        show(newBelowButton, viewModel.newBelowProperty().greaterThan(0));
        oldestButton.disableProperty().bind(viewModel.deletedProperty());
        newestButton.disableProperty().bind(viewModel.deletedProperty());
        timeline.skinProperty().addListener((obs, old, skin) -> Platform.runLater(this::hookFlow));
    }

    /** Watches the visible rows: near the top asks for older pages, near the bottom for newer ones. */
    private void hookFlow() {
        if (flow != null) {
            return;
        }
        flow = (VirtualFlow<?>) timeline.lookup(".virtual-flow");
        if (flow == null) {
            return;
        }
        flow.positionProperty().addListener((obs, old, now) -> visibleRowsChanged());
        for (javafx.scene.Node n : timeline.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar sb) {
                sb.valueProperty().addListener((obs, old, now) -> visibleRowsChanged());
            }
        }
    }

    private void visibleRowsChanged() {
        if (flow == null || timeline.getItems().isEmpty()) {
            return;
        }
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (first == null || last == null) {
            return;
        }
        firstVisible = first.getIndex();
        lastVisible = last.getIndex();
        if (firstVisible <= EDGE && viewModel.hasOlderProperty().get()) {
            viewModel.older();
        }
        if (lastVisible >= timeline.getItems().size() - 1 - EDGE && viewModel.hasNewerProperty().get()) {
            viewModel.newer();
        }
    }

    // ------------------------------------------------------------------ ViewListener

    @Override
    public void prepended(int count) {
        timeline.scrollTo(firstVisible + count);
        Platform.runLater(() -> {
            // variable-height cells: let the flow measure the new rows before the next look
            timeline.requestLayout();
            visibleRowsChanged();
        });
    }

    @Override
    public void droppedAtStart(int count) {
        timeline.scrollTo(Math.max(0, firstVisible - count));
    }

    @Override
    public void appended(int count) {
        int size = timeline.getItems().size();
        if (lastVisible < 0 || lastVisible >= size - count - 2) {
            timeline.scrollTo(size - 1);
        }
    }

    @Override
    public void scrollToIndex(int index) {
        timeline.scrollTo(Math.max(0, index - 1));
        Platform.runLater(this::visibleRowsChanged);
    }

    @Override
    public void scrollToEnd() {
        timeline.scrollTo(Math.max(0, timeline.getItems().size() - 1));
        Platform.runLater(this::visibleRowsChanged);
    }

    // ------------------------------------------------------------------ memory and prelude

    private void memory() {
        memoryLine.textProperty().bind(viewModel.memoryLineProperty());
        memoryLine.getStyleClass().add("memory-line");
        summaryLabel.textProperty().bind(Bindings.createStringBinding(() -> viewModel.summaryProperty().get().isBlank()
                ? "No rolling summary." : viewModel.summaryProperty().get(), viewModel.summaryProperty()));
        fill(factsBox, viewModel.facts(), f -> row(f.label(), f.value()), "No key facts.");
        fill(constraintsBox, viewModel.constraints(), c -> bullet(c), "No constraints.");
        fill(pinsBox, viewModel.files(), f -> pin(f), "No pinned files (the working set is empty).");
        fill(decisionsBox, viewModel.decisions(), d -> decision(d), "No decisions recorded for this session.");
    }

    private static <T> void fill(VBox box, javafx.collections.ObservableList<T> items, java.util.function.Function<T, javafx.scene.Node> node,
                                 String empty) {
        Runnable render = () -> {
            if (items.isEmpty()) {
                Label none = new Label(empty);
                none.getStyleClass().add("empty-state");
                box.getChildren().setAll(none);
            } else {
                box.getChildren().setAll(items.stream().map(node).collect(Collectors.toList()));
            }
        };
        items.addListener((ListChangeListener<T>) c -> render.run());
        render.run();
    }

    private static javafx.scene.Node row(String key, String value) {
        Label k = new Label(key);
        k.getStyleClass().add("fact-key");
        k.setMinWidth(Label.USE_PREF_SIZE);
        Label v = new Label(value);
        v.setWrapText(true);
        HBox row = new HBox(10, k, v);
        row.setAlignment(Pos.TOP_LEFT);
        return row;
    }

    private static javafx.scene.Node pin(MemoryItems.FileItem f) {
        Label path = new Label(f.path());
        path.getStyleClass().add("pin-path");
        Label why = new Label((f.reason().isEmpty() ? "no reason given" : f.reason()) + " · pinned by " + f.pinnedBy());
        why.setWrapText(true);
        why.getStyleClass().add("muted");
        return new VBox(1, path, why);
    }

    private static javafx.scene.Node bullet(String text) {
        Label l = new Label("• " + text);
        l.setWrapText(true);
        return l;
    }

    private static javafx.scene.Node decision(MemoryItems.DecisionItem d) {
        Label summary = new Label(d.summary());
        summary.setWrapText(true);
        summary.getStyleClass().add("decision-summary");
        VBox box = new VBox(2, summary);
        if (!d.rationale().isEmpty()) {
            Label why = new Label(d.rationale());
            why.setWrapText(true);
            box.getChildren().add(why);
        }
        Label when = new Label(d.when());
        when.getStyleClass().add("muted");
        box.getChildren().add(when);
        box.getStyleClass().add("decision");
        return box;
    }

    private void prelude() {
        preludeLine.textProperty().bind(viewModel.preludeLineProperty());
        preludeArea.textProperty().bind(viewModel.preludeTextProperty());
        budgetField.setOnAction(e -> viewModel.setBudget(budgetField.getText()));
        budgetError.textProperty().bind(viewModel.budgetErrorProperty());
        show(budgetError, viewModel.budgetErrorProperty().isNotEmpty());
        barHolder.getChildren().add(bar);
        legend.getChildren().setAll(legendItem("kept-header", "Session, App"), legendItem("kept-summary", "summary"),
                legendItem("kept-pinned_file", "pinned files"), legendItem("kept-key_fact", "key facts"),
                legendItem("kept-constraint", "constraints"), legendItem("kept-decision", "decisions"),
                legendItem("dropped", "dropped (its drop number)"), legendItem("budget-marker", "budget"));
        viewModel.parts().addListener((ListChangeListener<MemoryItems.PartItem>) c -> bar.show(viewModel.parts(), viewModel.budgetProperty().get()));
        dropOrderLabel.setText("Over budget, parts are dropped in this order: " + IntStream.range(0, SessionViewModel.dropOrder().size())
                .mapToObj(i -> (i + 1) + ". " + SessionViewModel.dropOrder().get(i)).collect(Collectors.joining("; "))
                + ". Always kept: " + SessionViewModel.alwaysKept() + ". The fewest parts are dropped that make the real token count fit.");
        partsTable.setItems(viewModel.parts());
        rankColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().dropRankText()));
        sectionColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().section()));
        partColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().text()));
        partTokensColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().tokens()));
        stateColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().state()));
        stateColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                getStyleClass().removeAll("state-kept", "state-dropped");
                if (!empty && s != null) {
                    getStyleClass().add("state-" + s);
                }
            }
        });
        partColumn.prefWidthProperty().bind(partsTable.widthProperty().subtract(rankColumn.widthProperty())
                .subtract(sectionColumn.widthProperty()).subtract(partTokensColumn.widthProperty()).subtract(stateColumn.widthProperty())
                .subtract(20));
        partsTable.setPlaceholder(new Label("Building the prelude…"));
    }

    private static javafx.scene.Node legendItem(String style, String text) {
        javafx.scene.layout.Region swatch = new javafx.scene.layout.Region();
        swatch.getStyleClass().addAll("swatch", style);
        Label label = new Label(text, swatch);
        label.getStyleClass().add("legend-item");
        return label;
    }

    private void workingSet() {
        filesTable.setItems(viewModel.files());
        pathColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().path()));
        reasonColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().reason()));
        pinnedByColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().pinnedBy()));
        sizeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().size()));
        headColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().headVersion()));
        pinnedAtColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().pinnedAt()));
        historyColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().historyLink()));
        historyColumn.setCellFactory(c -> new TableCell<>() {
            private final Hyperlink link = new Hyperlink("history");

            @Override
            protected void updateItem(String target, boolean empty) {
                super.updateItem(target, empty);
                if (empty || target == null) {
                    setGraphic(null);
                    return;
                }
                // the Files & Diffs screen comes with another issue: until then the link is a target to copy
                link.setOnAction(e -> copy(target));
                link.setTooltip(new javafx.scene.control.Tooltip(target + "\n(copies the link; the Files & Diffs screen opens it)"));
                setGraphic(link);
            }
        });
        Label empty = new Label("No pinned files: this session's working set is empty.");
        empty.getStyleClass().add("empty-state");
        filesTable.setPlaceholder(empty);
        filesTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    // ------------------------------------------------------------------ actions

    private void showAll(MessageItem item) {
        viewModel.fullContent(item, text -> {
            TextArea area = new TextArea(text);
            area.setEditable(false);
            area.setWrapText(true);
            area.getStyleClass().add("full-message");
            Button copyAll = new Button("Copy");
            copyAll.setOnAction(e -> copy(text));
            Label size = new Label(Fmt.count(text.length()) + " characters");
            HBox bar = new HBox(10, copyAll, size);
            bar.setAlignment(Pos.CENTER_LEFT);
            bar.getStyleClass().add("full-message-bar");
            BorderPane pane = new BorderPane(area, null, null, bar, null);
            Stage stage = new Stage();
            stage.initOwner(root.getScene().getWindow());
            stage.setTitle(item.role() + " · " + item.time() + " — " + viewModel.titleProperty().get());
            Scene scene = new Scene(pane, 900, 640);
            scene.getStylesheets().addAll(root.getScene().getStylesheets());
            scene.getStylesheets().add(SessionController.class.getResource("sessions.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
    }

    private void copyMessage(MessageItem item) {
        viewModel.fullContent(item, SessionController::copy);
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    @FXML
    private void onCopyId() {
        copy(viewModel.idText());
    }

    @FXML
    private void onReload() {
        viewModel.reload();
    }

    @FXML
    private void onPreviousHit() {
        viewModel.previousHit();
    }

    @FXML
    private void onNextHit() {
        viewModel.find();
    }

    @FXML
    private void onOldest() {
        viewModel.oldest();
    }

    @FXML
    private void onNewest() {
        viewModel.newest();
    }

    @FXML
    private void onApplyBudget() {
        viewModel.setBudget(budgetField.getText());
    }

    @FXML
    private void onNoBudget() {
        budgetField.clear();
        viewModel.setBudget("");
    }

    @FXML
    private void onCopyPrelude() {
        copy(viewModel.preludeTextProperty().get());
    }

    @FXML
    private void onExportMarkdown() {
        export("markdown", "Markdown", "*.md");
    }

    @FXML
    private void onExportJson() {
        export("json", "JSON", "*.json");
    }

    private void export(String format, String label, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the session as " + label);
        chooser.setInitialFileName(viewModel.suggestedFileName(format));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(label, pattern));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            Path target = file.toPath();
            viewModel.export(format, target);
        }
    }

    @FXML
    private void onCancelExport() {
        viewModel.cancelExport();
    }
}
