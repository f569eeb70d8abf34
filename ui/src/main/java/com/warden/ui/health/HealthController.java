package com.warden.ui.health;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** Wires health.fxml to the {@link HealthViewModel}: bindings, cell rendering and the threshold dialog. */
public final class HealthController {
    private static final List<String> STATUS_CLASSES = List.of("healthy", "degraded", "critical");

    private final HealthViewModel viewModel;

    @FXML private Label healthStatus;
    @FXML private ProgressBar scoreBar;
    @FXML private Label scoreText;
    @FXML private Label summary;
    @FXML private Label checkedAt;
    @FXML private Button runButton;
    @FXML private CheckBox autoRefresh;
    @FXML private Message partialMessage;
    @FXML private Message failureMessage;
    @FXML private TableView<CheckRow> checksTable;
    @FXML private TableColumn<CheckRow, String> statusColumn;
    @FXML private TableColumn<CheckRow, String> titleColumn;
    @FXML private TableColumn<CheckRow, String> valueColumn;
    @FXML private VBox detailPane;
    @FXML private Label detailTitle;
    @FXML private Label detailStatus;
    @FXML private Label detailValue;
    @FXML private Label detailThreshold;
    @FXML private Button editThreshold;
    @FXML private Label hintTitle;
    @FXML private TextArea hintText;
    @FXML private Message detailPartial;
    @FXML private ListView<String> detailList;

    public HealthController(HealthViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        healthStatus.textProperty().bind(Bindings.createStringBinding(() -> {
            String s = viewModel.statusProperty().get();
            return s.isEmpty() ? "CHECKING" : s.toUpperCase(Locale.ROOT);
        }, viewModel.statusProperty()));
        viewModel.statusProperty().addListener((obs, old, now) -> {
            healthStatus.getStyleClass().removeAll(STATUS_CLASSES);
            healthStatus.getStyleClass().add(now);
        });
        scoreBar.progressProperty().bind(Bindings.createDoubleBinding(() -> {
            double v = viewModel.scoreProperty().get();
            return Double.isNaN(v) ? 0 : v;
        }, viewModel.scoreProperty()));
        scoreText.textProperty().bind(Bindings.createStringBinding(() -> {
            double v = viewModel.scoreProperty().get();
            return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.2f", v);
        }, viewModel.scoreProperty()));
        summary.textProperty().bind(viewModel.summaryProperty());
        checkedAt.textProperty().bind(viewModel.checkedAtProperty());
        runButton.disableProperty().bind(viewModel.busyProperty());
        runButton.textProperty().bind(Bindings.when(viewModel.busyProperty()).then("Checking…").otherwise("Run checks"));
        autoRefresh.selectedProperty().bindBidirectional(viewModel.autoRefreshProperty());
        showWhenSet(partialMessage, viewModel.partialNoteProperty().get());
        viewModel.partialNoteProperty().addListener((obs, old, now) -> showWhenSet(partialMessage, now));
        partialMessage.getStyleClass().add(Styles.WARNING);
        showWhenSet(failureMessage, viewModel.failureProperty().get());
        viewModel.failureProperty().addListener((obs, old, now) -> showWhenSet(failureMessage, now));
        failureMessage.getStyleClass().add(Styles.DANGER);

        checksTable.setItems(viewModel.rows());
        checksTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        statusColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().status()).getReadOnlyProperty());
        statusColumn.setCellFactory(col -> new StatusCell());
        titleColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().title()).getReadOnlyProperty());
        valueColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()).getReadOnlyProperty());
        valueColumn.setCellFactory(col -> new TooltipCell());
        checksTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> showDetail(now));
        viewModel.rows().addListener((javafx.collections.ListChangeListener<CheckRow>) change -> reselect());
        detailPartial.getStyleClass().add(Styles.WARNING);
        detailList.setCellFactory(list -> new WrappingCell(list));
        showDetail(null);
    }

    /** After a new run keeps the same check selected, else selects the first problem. */
    private void reselect() {
        CheckRow shown = (CheckRow) detailPane.getUserData();
        Optional<CheckRow> same = shown == null ? Optional.empty()
                : viewModel.rows().stream().filter(r -> r.id().equals(shown.id())).findFirst();
        CheckRow pick = same.orElseGet(() -> viewModel.rows().stream().filter(CheckRow::problem).findFirst()
                .orElse(viewModel.rows().isEmpty() ? null : viewModel.rows().get(0)));
        if (pick != null) {
            checksTable.getSelectionModel().select(pick);
        }
    }

    private void showDetail(CheckRow row) {
        detailPane.setUserData(row);
        detailPane.setDisable(row == null);
        if (row == null) {
            detailTitle.setText("Select a check");
            detailStatus.setText("");
            detailValue.setText("");
            detailThreshold.setText("");
            editThreshold.setVisible(false);
            hintText.setText("");
            detailList.getItems().clear();
            showWhenSet(detailPartial, "");
            return;
        }
        detailTitle.setText(row.title());
        detailStatus.setText(row.status().toUpperCase(Locale.ROOT) + " · " + row.category());
        detailStatus.getStyleClass().removeIf(s -> s.startsWith("status-"));
        detailStatus.getStyleClass().add("status-" + row.status());
        detailValue.setText(row.value());
        detailThreshold.setText(row.threshold().isEmpty() ? "No threshold: this check reports, or judges by a fixed rule."
                : "Threshold: " + row.threshold());
        editThreshold.setVisible(row.thresholdKey() != null);
        editThreshold.setManaged(row.thresholdKey() != null);
        boolean hasHint = !row.hint().isEmpty();
        hintText.setText(hasHint ? row.hint() : "Nothing to fix.");
        hintTitle.setText(hasHint ? "How to fix" : "How to fix (nothing to do)");
        showWhenSet(detailPartial, row.partial() ? row.partialReason() : "");
        detailList.getItems().setAll(row.details().isEmpty() ? List.of("(no details)") : row.details());
    }

    private static void showWhenSet(Message message, String text) {
        boolean show = text != null && !text.isEmpty();
        message.setDescription(show ? text : "");
        message.setVisible(show);
        message.setManaged(show);
    }

    @FXML
    private void onRun() {
        viewModel.load();
    }

    @FXML
    private void onEditThreshold() {
        CheckRow row = (CheckRow) detailPane.getUserData();
        if (row == null || row.thresholdKey() == null) {
            return;
        }
        ThresholdDialog.show(checksTable.getScene().getWindow(), viewModel.threshold(row.thresholdKey()), viewModel::validate)
                .ifPresent(result -> {
                    if (result.reset()) {
                        viewModel.resetThreshold(row.thresholdKey());
                    } else {
                        viewModel.saveThreshold(row.thresholdKey(), result.warning(), result.critical());
                    }
                });
    }

    /** The status word in its colour. */
    private static final class StatusCell extends TableCell<CheckRow, String> {
        @Override
        protected void updateItem(String status, boolean empty) {
            super.updateItem(status, empty);
            getStyleClass().removeIf(s -> s.startsWith("status-"));
            if (empty || status == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            CheckRow row = getTableRow() == null ? null : getTableRow().getItem();
            boolean partial = row != null && row.partial();
            setText(switch (status) {
                case "ok" -> "● ok";
                case "warning" -> "▲ warning";
                case "critical" -> "■ critical";
                case "error" -> "✕ error";
                case "skipped" -> "– skipped";
                default -> "○ " + status;
            } + (partial ? " *" : ""));
            getStyleClass().add("status-" + status);
            setTooltip(partial ? new Tooltip("partial: " + row.partialReason()) : null);
        }
    }

    /** Detail lines wrap to the list's width instead of scrolling sideways. */
    private static final class WrappingCell extends ListCell<String> {
        WrappingCell(ListView<String> list) {
            setWrapText(true);
            prefWidthProperty().bind(list.widthProperty().subtract(28));
            setMaxWidth(Control.USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(String line, boolean empty) {
            super.updateItem(line, empty);
            setText(empty ? null : line);
        }
    }

    /** Long values get their whole text as a tooltip. */
    private static final class TooltipCell extends TableCell<CheckRow, String> {
        @Override
        protected void updateItem(String value, boolean empty) {
            super.updateItem(value, empty);
            setText(empty ? null : value);
            setTooltip(empty || value == null || value.length() < 50 ? null : new Tooltip(value));
        }
    }
}
