package com.warden.ui.backup;

import java.io.File;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.DirectoryChooser;

/** Binds backups.fxml to {@link BackupsViewModel} and opens the wizards; no logic of its own. */
public final class BackupsController {
    private final BackupsViewModel vm;

    @FXML private TabPane tabs;
    @FXML private Tab outcomeTab;
    @FXML private Tab drillTab;
    @FXML private Tab scratchTab;
    @FXML private TextField catalogFolder;
    @FXML private Label catalogStatus;
    @FXML private TableView<Rows.CatalogRow> catalogTable;
    @FXML private TextArea details;
    @FXML private Button verifyButton;
    @FXML private Button deleteButton;
    @FXML private Button newBackupButton;
    @FXML private Button restoreButton;
    @FXML private Button pitrButton;
    @FXML private Button drillButton;
    @FXML private Button drillRunButton;
    @FXML private Spinner<Integer> keepDaily;
    @FXML private Spinner<Integer> keepWeekly;
    @FXML private Label retentionSummary;
    @FXML private TableView<Rows.DecisionRow> retentionTable;
    @FXML private Label lastOutcome;
    @FXML private TableView<Rows.StepRow> lastSteps;
    @FXML private TableView<Rows.CountRow> lastCounts;
    @FXML private Label archiveVerdict;
    @FXML private ListView<String> archiveLines;
    @FXML private TextField archiveFolder;
    @FXML private TextArea archiveSettings;
    @FXML private TextArea continuity;
    @FXML private CheckBox drillTakeBackup;
    @FXML private Label drillVerdict;
    @FXML private Label drillSummary;
    @FXML private Label drillReport;
    @FXML private TableView<Rows.StepRow> drillSteps;
    @FXML private TableView<Rows.CountRow> drillCounts;
    @FXML private TableView<Rows.DrillRow> drillHistory;
    @FXML private LineChart<String, Number> rtoChart;
    @FXML private TableView<Rows.ScratchRow> scratchTable;
    @FXML private TextArea stopCommand;
    @FXML private Button openScratchButton;
    @FXML private Button keepScratchButton;
    @FXML private Button discardScratchButton;
    @FXML private javafx.scene.layout.VBox jobBar;
    @FXML private javafx.scene.layout.HBox jobRunning;
    @FXML private ProgressBar jobProgress;
    @FXML private Label jobMessage;
    @FXML private Label jobResult;
    @FXML private Button cancelJobButton;

    public BackupsController(BackupsViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        catalogFolder.setText(vm.catalogFolderProperty().get());
        catalogFolder.setOnAction(e -> vm.catalogFolderProperty().set(catalogFolder.getText().trim()));
        vm.catalogFolderProperty().addListener((o, a, b) -> catalogFolder.setText(b));
        catalogStatus.textProperty().bind(vm.catalogStatusProperty());

        column(catalogTable, "Backup", 330, Rows.CatalogRow::id);
        column(catalogTable, "Finished", 150, Rows.CatalogRow::finished);
        column(catalogTable, "Kind", 115, Rows.CatalogRow::kind);
        column(catalogTable, "Source", 230, Rows.CatalogRow::source);
        column(catalogTable, "Size", 75, Rows.CatalogRow::size);
        column(catalogTable, "Tables", 55, Rows.CatalogRow::tables);
        column(catalogTable, "State", 90, Rows.CatalogRow::state);
        catalogTable.setItems(vm.backups());
        catalogTable.setPlaceholder(new Label("No backups in this catalogue yet: New backup… takes one."));
        catalogTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(catalogTable.getSelectionModel().getSelectedItem())) {
                catalogTable.getItems().stream().filter(r -> r.id().equals(b.id())).findFirst()
                        .ifPresent(r -> catalogTable.getSelectionModel().select(r));
            }
        });
        details.textProperty().bind(vm.detailsProperty());
        verifyButton.disableProperty().bind(Bindings.or(vm.selectedProperty().isNull(), vm.job().runningProperty()));
        deleteButton.disableProperty().bind(Bindings.or(vm.selectedProperty().isNull(), vm.job().runningProperty()));
        for (Button b : new Button[] {newBackupButton, restoreButton, pitrButton, drillButton, drillRunButton}) {
            b.disableProperty().bind(vm.job().runningProperty());
        }

        keepDaily.setValueFactory(new javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory(0, 365, vm.keepDailyProperty().get()));
        keepWeekly.setValueFactory(new javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory(0, 520, vm.keepWeeklyProperty().get()));
        keepDaily.valueProperty().addListener((o, a, b) -> vm.keepDailyProperty().set(b));
        keepWeekly.valueProperty().addListener((o, a, b) -> vm.keepWeeklyProperty().set(b));
        retentionSummary.textProperty().bind(vm.retentionSummaryProperty());
        column(retentionTable, "Backup", 300, Rows.DecisionRow::id);
        column(retentionTable, "Finished", 150, Rows.DecisionRow::finished);
        column(retentionTable, "Size", 80, Rows.DecisionRow::size);
        column(retentionTable, "Decision", 80, Rows.DecisionRow::decision);
        column(retentionTable, "Why", 360, Rows.DecisionRow::reason);
        retentionTable.setItems(vm.retention());

        lastOutcome.textProperty().bind(vm.lastOutcomeProperty());
        steps(lastSteps);
        lastSteps.setItems(vm.lastSteps());
        counts(lastCounts);
        lastCounts.setItems(vm.lastCounts());

        archiveVerdict.textProperty().bind(vm.archiveVerdictProperty());
        vm.archiveVerdictProperty().addListener((o, a, b) -> {
            archiveVerdict.getStyleClass().removeAll("archive-ready", "archive-degraded", "archive-not-ready");
            archiveVerdict.getStyleClass().add(b.startsWith("Ready") ? "archive-ready" : b.startsWith("Archiving") ? "archive-degraded" : "archive-not-ready");
        });
        archiveLines.setItems(vm.archiveLines());
        archiveFolder.textProperty().bindBidirectional(vm.archiveFolderProperty());
        archiveSettings.textProperty().bind(vm.archiveSettingsProperty());
        continuity.textProperty().bind(vm.continuityProperty());

        drillTakeBackup.selectedProperty().bindBidirectional(vm.drillTakeBackupProperty());
        drillVerdict.textProperty().bind(vm.drillVerdictProperty());
        drillVerdict.visibleProperty().bind(vm.drillVerdictProperty().isNotEmpty());
        vm.drillVerdictProperty().addListener((o, a, b) -> {
            drillVerdict.getStyleClass().removeAll("pass", "warn", "fail");
            if (!b.isEmpty()) {
                drillVerdict.getStyleClass().add(b.toLowerCase());
            }
        });
        drillSummary.textProperty().bind(vm.drillSummaryProperty());
        drillReport.textProperty().bind(Bindings.createStringBinding(() -> vm.drillReportProperty().get().isEmpty() ? ""
                : "Report: " + vm.drillReportProperty().get(), vm.drillReportProperty()));
        steps(drillSteps);
        drillSteps.setItems(vm.drillSteps());
        drillSteps.setPlaceholder(new Label("Run a drill: restore, verify, time, tear down."));
        counts(drillCounts);
        drillCounts.setItems(vm.drillCounts());
        column(drillHistory, "Started", 95, r -> r.started().length() >= 16 ? r.started().substring(5, 16) : r.started());
        column(drillHistory, "Verdict", 60, Rows.DrillRow::verdict);
        column(drillHistory, "RTO s", 55, r -> String.format("%.1f", r.rtoSeconds()));
        column(drillHistory, "RPO", 60, Rows.DrillRow::rpo);
        column(drillHistory, "Backup", 200, Rows.DrillRow::backup);
        drillHistory.setItems(vm.drillHistory());
        vm.drillHistory().addListener((javafx.collections.ListChangeListener<Rows.DrillRow>) c -> chart());
        chart();

        column(scratchTable, "Instance", 230, Rows.ScratchRow::id);
        column(scratchTable, "URL", 300, Rows.ScratchRow::url);
        column(scratchTable, "State", 110, Rows.ScratchRow::state);
        column(scratchTable, "Folder", 300, Rows.ScratchRow::folder);
        scratchTable.setItems(vm.scratches());
        scratchTable.setPlaceholder(new Label("None running. A point-in-time recovery or a restore into a kept scratch instance starts one."));
        stopCommand.setWrapText(true);
        scratchTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) ->
                stopCommand.setText(b == null ? "" : "To stop it and remove its folder:\n" + b.stopCommand()));
        for (Button b : new Button[] {openScratchButton, keepScratchButton, discardScratchButton}) {
            b.disableProperty().bind(scratchTable.getSelectionModel().selectedItemProperty().isNull());
        }

        jobBar.visibleProperty().bind(Bindings.or(vm.job().runningProperty(), vm.job().resultProperty().isNotEmpty()));
        jobBar.managedProperty().bind(jobBar.visibleProperty());
        for (TableView<?> t : new TableView<?>[] {catalogTable, retentionTable, lastSteps, lastCounts, drillSteps, drillCounts, drillHistory,
                scratchTable}) {
            t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        }
        jobProgress.progressProperty().bind(vm.job().progressProperty());
        jobRunning.visibleProperty().bind(vm.job().runningProperty());
        jobRunning.managedProperty().bind(jobRunning.visibleProperty());
        jobResult.visibleProperty().bind(vm.job().runningProperty().not());
        jobResult.managedProperty().bind(jobResult.visibleProperty());
        jobMessage.textProperty().bind(Bindings.when(vm.job().runningProperty()).then(vm.job().messageProperty()).otherwise(""));
        cancelJobButton.visibleProperty().bind(vm.job().runningProperty());
        jobResult.textProperty().bind(vm.job().resultProperty());
        vm.job().resultProperty().addListener((o, a, b) -> {
            jobResult.getStyleClass().removeAll("job-failed", "job-ok");
            jobResult.getStyleClass().add(vm.job().failedProperty().get() ? "job-failed" : "job-ok");
        });
    }

    private void chart() {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (Rows.DrillRow r : vm.drillHistory()) {
            String when = r.started().length() >= 16 ? r.started().substring(11, 16) : r.started();
            series.getData().add(new XYChart.Data<>((series.getData().size() + 1) + " · " + when, r.rtoSeconds()));
        }
        rtoChart.getData().setAll(java.util.List.of(series));
    }

    private static void steps(TableView<Rows.StepRow> t) {
        column(t, "Step", 260, Rows.StepRow::step);
        column(t, "Seconds", 75, Rows.StepRow::seconds).setMinWidth(70);
        column(t, "", 30, Rows.StepRow::ok).setMinWidth(28);
        column(t, "Detail", 420, Rows.StepRow::detail);
    }

    private static void counts(TableView<Rows.CountRow> t) {
        column(t, "Table", 260, Rows.CountRow::table);
        column(t, "Rows in manifest", 130, Rows.CountRow::expected);
        column(t, "Rows restored", 130, Rows.CountRow::actual);
        column(t, "", 70, Rows.CountRow::ok);
    }

    private static <R> TableColumn<R, String> column(TableView<R> table, String title, double width, Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        table.getColumns().add(c);
        return c;
    }

    @FXML
    private void onNewBackup() {
        BackupWizardModel model = vm.newBackupWizard();
        if (BackupWizard.show(newBackupButton.getScene().getWindow(), model)) {
            vm.runBackup(model);
        }
    }

    @FXML
    private void onRestore() {
        RestoreWizardModel model = vm.newRestoreWizard();
        if (RestoreWizard.show(restoreButton.getScene().getWindow(), model)) {
            vm.runRestore(model);
            tabs.getSelectionModel().select(outcomeTab);
        }
    }

    @FXML
    private void onPitr() {
        PitrWizardModel model = vm.newPitrWizard();
        if (PitrWizard.show(pitrButton.getScene().getWindow(), model)) {
            vm.runPitr(model);
            tabs.getSelectionModel().select(outcomeTab);
        }
    }

    @FXML
    private void onRunDrill() {
        tabs.getSelectionModel().select(drillTab);
        vm.runDrill();
    }

    @FXML
    private void onChooseCatalog() {
        File dir = chooseFolder("Backup catalogue folder");
        if (dir != null) {
            vm.catalogFolderProperty().set(dir.getAbsolutePath());
        }
    }

    @FXML
    private void onChooseArchive() {
        File dir = chooseFolder("WAL archive folder");
        if (dir != null) {
            vm.archiveFolderProperty().set(dir.getAbsolutePath());
        }
    }

    private File chooseFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        return chooser.showDialog(tabs.getScene().getWindow());
    }

    @FXML
    private void onRefresh() {
        vm.catalogFolderProperty().set(catalogFolder.getText().trim());
        vm.load();
    }

    @FXML
    private void onVerify() {
        vm.verifySelected();
    }

    @FXML
    private void onDelete() {
        Rows.CatalogRow row = vm.selectedProperty().get();
        if (row != null && confirm("Delete backup " + row.id() + "?", "Its folder and manifest are removed from the catalogue.")) {
            vm.deleteSelected();
        }
    }

    @FXML
    private void onPreviewRetention() {
        vm.previewRetention();
    }

    @FXML
    private void onApplyRetention() {
        if (vm.retentionHasDeletions() && confirm("Delete the backups the preview lists?", vm.retentionSummaryProperty().get())) {
            vm.applyRetention();
        }
    }

    @FXML
    private void onMakeSettings() {
        vm.makeSettings();
    }

    @FXML
    private void onCheckContinuity() {
        vm.checkContinuity();
    }

    @FXML
    private void onOpenScratch() {
        Rows.ScratchRow row = scratchTable.getSelectionModel().getSelectedItem();
        if (row != null) {
            vm.openScratch(row);
        }
    }

    @FXML
    private void onKeepScratch() {
        Rows.ScratchRow row = scratchTable.getSelectionModel().getSelectedItem();
        if (row != null) {
            vm.keepScratch(row);
        }
    }

    @FXML
    private void onDiscardScratch() {
        Rows.ScratchRow row = scratchTable.getSelectionModel().getSelectedItem();
        if (row != null) {
            vm.discardScratch(row);
        }
    }

    @FXML
    private void onCancelJob() {
        vm.cancel();
    }

    private boolean confirm(String header, String text) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
        alert.initOwner(tabs.getScene().getWindow());
        alert.setHeaderText(header);
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    void showScratchTab() {
        tabs.getSelectionModel().select(scratchTab);
    }
}
