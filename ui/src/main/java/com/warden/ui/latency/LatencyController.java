package com.warden.ui.latency;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import java.io.File;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.jfree.chart.fx.ChartViewer;

/** Wires latency.fxml to the {@link LatencyViewModel}: chart viewers, tables, bindings, actions. */
public final class LatencyController {
    static final double CHART_HEIGHT = 230;

    private final LatencyViewModel viewModel;

    @FXML private Label connectionDot;
    @FXML private Label connectionLine;
    @FXML private ComboBox<Double> rateChoice;
    @FXML private ToggleButton pauseButton;
    @FXML private Button explainButton;
    @FXML private Button exportButton;
    @FXML private Label messageLine;
    @FXML private Message problemsMessage;
    @FXML private ScrollPane chartScroll;
    @FXML private TilePane chartGrid;
    @FXML private TableView<ProbeRow> probeTable;
    @FXML private TableColumn<ProbeRow, String> probeName;
    @FXML private TableColumn<ProbeRow, String> probeLast;
    @FXML private TableColumn<ProbeRow, String> probeP50;
    @FXML private TableColumn<ProbeRow, String> probeP95;
    @FXML private TableColumn<ProbeRow, String> probeP99;
    @FXML private TableColumn<ProbeRow, String> probeLimit;
    @FXML private TableColumn<ProbeRow, String> probeStatus;
    @FXML private TableColumn<ProbeRow, String> probePlan;
    @FXML private Label planTitle;
    @FXML private Label planDescription;
    @FXML private Label planMessage;
    @FXML private TextArea planText;
    @FXML private Message statementsMessage;
    @FXML private ToggleGroup statementsGroup;
    @FXML private ToggleButton byRecent;
    @FXML private ToggleButton byTotal;
    @FXML private ToggleButton byMean;
    @FXML private Label statementsNote;
    @FXML private TableView<StatementLine> statementsTable;
    @FXML private TableColumn<StatementLine, String> stQuery;
    @FXML private TableColumn<StatementLine, String> stCalls;
    @FXML private TableColumn<StatementLine, String> stRate;
    @FXML private TableColumn<StatementLine, String> stRecentMean;
    @FXML private TableColumn<StatementLine, String> stMean;
    @FXML private TableColumn<StatementLine, String> stTotal;
    @FXML private TableColumn<StatementLine, String> stHit;
    @FXML private TableColumn<StatementLine, String> stRole;
    @FXML private HBox activityCharts;
    @FXML private TextField loadWorkers;
    @FXML private TextField loadDuration;
    @FXML private Button loadRun;
    @FXML private Button loadCancel;
    @FXML private ProgressBar loadProgress;
    @FXML private Label loadMessage;
    @FXML private TableView<LoadLine> loadTable;
    @FXML private TableColumn<LoadLine, String> ldWorkers;
    @FXML private TableColumn<LoadLine, String> ldOps;
    @FXML private TableColumn<LoadLine, String> ldRate;
    @FXML private TableColumn<LoadLine, String> ldP50;
    @FXML private TableColumn<LoadLine, String> ldP95;
    @FXML private TableColumn<LoadLine, String> ldP99;
    @FXML private TableColumn<LoadLine, String> ldErrors;
    @FXML private StackPane loadChartHost;

    public LatencyController(LatencyViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        connectionLine.textProperty().bind(viewModel.connectionProperty());
        viewModel.connectedProperty().addListener((o, was, up) -> {
            connectionDot.getStyleClass().removeAll("up", "down");
            connectionDot.getStyleClass().add(up ? "up" : "down");
        });
        rateChoice.getItems().setAll(LatencyViewModel.RATES);
        rateChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double hz) {
                return hz == null ? "" : (hz == Math.rint(hz) ? String.valueOf(hz.longValue()) : hz.toString()) + " Hz";
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s.replace("Hz", "").trim());
            }
        });
        rateChoice.setValue(viewModel.rateProperty().get());
        rateChoice.valueProperty().addListener((o, old, hz) -> {
            if (hz != null) {
                viewModel.setRate(hz);
            }
        });
        pauseButton.selectedProperty().bindBidirectional(viewModel.pausedProperty());
        pauseButton.textProperty().bind(Bindings.when(viewModel.pausedProperty()).then("Resume").otherwise("Pause"));
        pauseButton.setTooltip(new Tooltip("Freeze the charts and the table to look closely; the probes keep running"));
        explainButton.disableProperty().bind(viewModel.explainingProperty());
        messageLine.textProperty().bind(viewModel.messageProperty());
        messageLine.managedProperty().bind(messageLine.textProperty().isNotEmpty());
        problemsMessage.getStyleClass().add(Styles.WARNING);
        show(problemsMessage, viewModel.problemsProperty().get());
        viewModel.problemsProperty().addListener((o, a, b) -> show(problemsMessage, b));

        // one chart per probe, three to a row, as the probes load
        chartGrid.prefTileWidthProperty().bind(Bindings.max(300, chartScroll.widthProperty().subtract(44).divide(3)));
        chartGrid.setPrefTileHeight(CHART_HEIGHT);
        viewModel.charts().forEach(this::addChart);
        viewModel.charts().addListener((ListChangeListener<ProbeChart>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::addChart);
            }
        });

        probeTable.setItems(viewModel.probes());
        probeTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        text(probeName, r -> new ReadOnlyStringWrapper(r.name()));
        text(probeLast, ProbeRow::lastProperty);
        text(probeP50, ProbeRow::p50Property);
        text(probeP95, ProbeRow::p95Property);
        text(probeP99, ProbeRow::p99Property);
        text(probeLimit, ProbeRow::limitProperty);
        text(probeStatus, ProbeRow::statusProperty);
        probeStatus.setCellFactory(col -> new StyledCell<>("probe-"));
        text(probePlan, ProbeRow::planProperty);
        probePlan.setCellFactory(col -> new StyledCell<>("plan-"));
        probeTable.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> showPlan(row));
        viewModel.explainingProperty().addListener((o, was, now) -> showPlan(probeTable.getSelectionModel().getSelectedItem()));
        viewModel.probes().addListener((ListChangeListener<ProbeRow>) c -> {
            if (probeTable.getSelectionModel().isEmpty() && !viewModel.probes().isEmpty()) {
                probeTable.getSelectionModel().select(0);
            }
        });
        showPlan(null);

        statementsMessage.getStyleClass().add(Styles.WARNING);
        Runnable statementsProblem = () -> show(statementsMessage, viewModel.statementsProblemProperty().get().isEmpty() ? ""
                : viewModel.statementsProblemProperty().get() + "\nTo enable it: " + viewModel.statementsHowToProperty().get());
        viewModel.statementsProblemProperty().addListener((o, a, b) -> statementsProblem.run());
        statementsProblem.run();
        statementsGroup.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one is always chosen
                return;
            }
            viewModel.showStatementsBy(now == byTotal ? "total" : now == byMean ? "mean" : "recent");
        });
        statementsNote.textProperty().bind(viewModel.statementsNoteProperty());
        statementsTable.setItems(viewModel.statements());
        text(stQuery, s -> new ReadOnlyStringWrapper(s.query()));
        stQuery.setCellFactory(col -> new StyledCell<>(null));
        text(stCalls, s -> new ReadOnlyStringWrapper(String.format(Locale.ROOT, "%,d", s.calls())));
        text(stRate, s -> new ReadOnlyStringWrapper(num(s.callsPerSec(), 2)));
        text(stRecentMean, s -> new ReadOnlyStringWrapper(num(s.recentMeanMs(), 3)));
        text(stMean, s -> new ReadOnlyStringWrapper(num(s.meanMs(), 3)));
        text(stTotal, s -> new ReadOnlyStringWrapper(num(s.totalMs(), 1)));
        text(stHit, s -> new ReadOnlyStringWrapper(num(s.hitPercent(), 1)));
        text(stRole, s -> new ReadOnlyStringWrapper(s.role()));
        activityCharts.getChildren().setAll(viewer(viewModel.tpsChart().chart(), "chart-tps"),
                viewer(viewModel.cacheHitChart().chart(), "chart-cache-hit"));
        activityCharts.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));

        loadWorkers.textProperty().bindBidirectional(viewModel.loadWorkersProperty());
        loadDuration.textProperty().bindBidirectional(viewModel.loadDurationProperty());
        loadRun.disableProperty().bind(viewModel.loadRunningProperty().or(Bindings.createBooleanBinding(() -> !viewModel.canRunLoad())));
        loadCancel.visibleProperty().bind(viewModel.loadRunningProperty());
        loadCancel.managedProperty().bind(loadCancel.visibleProperty());
        loadProgress.progressProperty().bind(viewModel.loadProgressProperty());
        loadProgress.visibleProperty().bind(viewModel.loadRunningProperty());
        loadMessage.textProperty().bind(viewModel.loadMessageProperty());
        loadTable.setItems(viewModel.loadLines());
        loadTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        text(ldWorkers, l -> new ReadOnlyStringWrapper(String.valueOf(l.workers())));
        text(ldOps, l -> new ReadOnlyStringWrapper(String.format(Locale.ROOT, "%,d", l.operations())));
        text(ldRate, l -> new ReadOnlyStringWrapper(num(l.opsPerSecond(), 0)));
        text(ldP50, l -> new ReadOnlyStringWrapper(num(l.p50(), 3)));
        text(ldP95, l -> new ReadOnlyStringWrapper(num(l.p95(), 3)));
        text(ldP99, l -> new ReadOnlyStringWrapper(num(l.p99(), 3)));
        text(ldErrors, l -> new ReadOnlyStringWrapper(String.valueOf(l.errors())));
        loadChartHost.getChildren().setAll(viewer(viewModel.loadChart().chart(), "chart-load"));
    }

    private void addChart(ProbeChart chart) {
        ChartViewer viewer = viewer(chart.chart(), "chart-" + chart.probeId());
        StackPane cell = new StackPane(viewer);
        cell.getStyleClass().add("latency-chart-cell");
        cell.setPrefHeight(CHART_HEIGHT);
        chartGrid.getChildren().add(cell);
    }

    private static ChartViewer viewer(org.jfree.chart.JFreeChart chart, String id) {
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId(id);
        viewer.setMinSize(200, 150);
        return viewer;
    }

    private void showPlan(ProbeRow row) {
        if (row == null) {
            planTitle.setText("Select a probe");
            planDescription.setText("");
            planMessage.setText("");
            planText.setText("");
            return;
        }
        planTitle.setText(row.name());
        planDescription.setText(row.description());
        planMessage.textProperty().unbind();
        planMessage.textProperty().bind(row.messageProperty());
        planText.setText(viewModel.planText(row.id()));
    }

    private static void show(Message message, String text) {
        boolean on = text != null && !text.isEmpty();
        message.setDescription(on ? text : "");
        message.setVisible(on);
        message.setManaged(on);
    }

    private static <S> void text(TableColumn<S, String> column, Function<S, ObservableValue<String>> value) {
        column.setCellValueFactory(c -> value.apply(c.getValue()));
        column.setSortable(false);
    }

    private static String num(double v, int decimals) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    @FXML
    private void onResetZoom() {
        viewModel.resetZoom();
    }

    @FXML
    private void onExplain() {
        viewModel.explain();
    }

    @FXML
    private void onExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the performance report");
        chooser.setInitialFileName("warden-performance-report.html");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("HTML report (a JSON copy is written beside it)", "*.html"));
        File file = chooser.showSaveDialog(exportButton.getScene().getWindow());
        if (file != null) {
            viewModel.exportReport(file.toPath());
        }
    }

    @FXML
    private void onRunLoad() {
        viewModel.runLoad();
    }

    @FXML
    private void onCancelLoad() {
        viewModel.cancelLoad();
    }

    /** Text with a style class from its first word (pass, over, flagged …), and the whole text as a tooltip. */
    private static final class StyledCell<S> extends TableCell<S, String> {
        private final String prefix;

        StyledCell(String prefix) {
            this.prefix = prefix;
        }

        @Override
        protected void updateItem(String value, boolean empty) {
            super.updateItem(value, empty);
            if (prefix != null) {
                // change the style class only when it changes: each change costs a CSS pass
                String keep = empty || value == null || value.isEmpty() ? null
                        : prefix + (value.startsWith("no data") ? "no-data" : value.split("[:\\s]")[0].toLowerCase(Locale.ROOT));
                getStyleClass().removeIf(s -> s.startsWith(prefix) && !s.equals(keep));
            }
            if (empty || value == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            if (!value.equals(getText())) {
                setText(value);
                setTooltip(value.length() > 40 ? new Tooltip(value) : null);
            }
            if (prefix != null && !value.isEmpty()) {
                String word = value.split("[:\\s]")[0].toLowerCase(Locale.ROOT);
                String wanted = prefix + (value.startsWith("no data") ? "no-data" : word);
                if (!getStyleClass().contains(wanted)) {
                    getStyleClass().add(wanted);
                }
            }
        }
    }

}
