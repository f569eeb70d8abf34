package com.warden.ui.backup;

import java.io.File;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import org.controlsfx.dialog.WizardPane;

/**
 * The backup wizard (ControlsFX Wizard over {@link BackupWizardModel}): kind and format, schemas
 * and tables (logical only), destination, and the exact command before anything runs.
 */
final class BackupWizard {
    private BackupWizard() { }

    static boolean show(Object owner, BackupWizardModel m) {
        // page 1: kind, format, compression, jobs
        ToggleGroup kinds = new ToggleGroup();
        RadioButton logical = WizardPages.literal(new RadioButton("Logical — pg_dump of this database (portable, selective restore)"));
        logical.setId("backupKindLogical");
        logical.setUserData(BackupWizardModel.LOGICAL);
        RadioButton physical = WizardPages.literal(new RadioButton("Physical — pg_basebackup of the whole server with its WAL (for PITR)"));
        physical.setId("backupKindPhysical");
        physical.setUserData(BackupWizardModel.PHYSICAL);
        logical.setToggleGroup(kinds);
        physical.setToggleGroup(kinds);
        kinds.selectToggle(BackupWizardModel.PHYSICAL.equals(m.kindProperty().get()) ? physical : logical);
        kinds.selectedToggleProperty().addListener((o, a, b) -> m.kindProperty().set((String) b.getUserData()));
        ComboBox<String> format = new ComboBox<>(m.formats());
        format.setId("backupFormat");
        format.valueProperty().bindBidirectional(m.formatProperty());
        CheckBox defaultCompression = WizardPages.literal(new CheckBox("the tool's default"));
        defaultCompression.setId("backupDefaultCompression");
        defaultCompression.selectedProperty().bindBidirectional(m.defaultCompressionProperty());
        Spinner<Integer> compression = new Spinner<>(0, 9, m.compressionProperty().get());
        compression.setId("backupCompression");
        compression.disableProperty().bind(defaultCompression.selectedProperty());
        compression.valueProperty().addListener((o, a, b) -> m.compressionProperty().set(b));
        Spinner<Integer> jobs = new Spinner<>(1, 16, m.jobsProperty().get());
        jobs.setId("backupJobs");
        jobs.valueProperty().addListener((o, a, b) -> m.jobsProperty().set(b));
        Label database = new Label();
        database.textProperty().bind(m.databaseLineProperty());
        GridPane g1 = WizardPages.grid();
        g1.addRow(0, new Label("Database"), database);
        g1.addRow(1, new Label("Kind"), logical);
        g1.add(physical, 1, 2);
        g1.addRow(3, new Label("Format"), format);
        g1.addRow(4, new Label("Compression"), new HBox(10, compression, defaultCompression));
        g1.addRow(5, new Label("Parallel jobs"), jobs);
        WizardPane kindPage = WizardPages.page("backupPageKind", "What to back up, and how",
                WizardPages.column(g1, WizardPages.muted("Parallel jobs need the directory format; a physical backup is plain (a data folder) "
                        + "or tar, compressed only as tar."), WizardPages.error(m.settingsErrorProperty())),
                m.settingsErrorProperty().isNotEmpty(), null);

        // page 2: schemas and tables
        ListView<Rows.Choice> schemas = new ListView<>(m.schemas());
        schemas.setId("backupSchemas");
        schemas.setCellFactory(CheckBoxListCell.forListView(Rows.Choice::checkedProperty));
        schemas.setPrefHeight(140);
        ListView<Rows.Choice> tables = new ListView<>(m.tables());
        tables.setId("backupTables");
        tables.setCellFactory(CheckBoxListCell.forListView(Rows.Choice::checkedProperty));
        tables.setPrefHeight(220);
        TextField patterns = new TextField();
        patterns.setId("backupExcludePatterns");
        patterns.setPromptText("more tables to leave out, as pg_dump patterns: core.audit_*, public.tmp_*");
        patterns.textProperty().bindBidirectional(m.excludePatternsProperty());
        Label loading = new Label("Listing the tables…");
        loading.visibleProperty().bind(m.selectionLoadingProperty());
        loading.managedProperty().bind(loading.visibleProperty());
        WizardPane selectionPage = WizardPages.page("backupPageSelection", "Schemas and tables to include",
                WizardPages.column(new Label("Schemas (unticked ones are left out)"), schemas,
                        new Label("Tables (unticked ones are left out with -T)"), tables, patterns, loading,
                        WizardPages.error(m.selectionErrorProperty())),
                Bindings.or(m.selectionLoadingProperty(), m.selectionErrorProperty().isNotEmpty()), m::loadSelection);

        // page 3: destination
        TextField catalog = new TextField();
        catalog.setId("backupCatalog");
        catalog.textProperty().bindBidirectional(m.catalogProperty());
        HBox.setHgrow(catalog, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Backup catalogue folder");
            File dir = chooser.showDialog(choose.getScene().getWindow());
            if (dir != null) {
                m.catalogProperty().set(dir.getAbsolutePath());
            }
        });
        TextField label = new TextField();
        label.setId("backupLabel");
        label.setPromptText("optional, e.g. before-migration");
        label.textProperty().bindBidirectional(m.labelProperty());
        GridPane g3 = WizardPages.grid();
        g3.addRow(0, new Label("Catalogue folder"), new HBox(8, catalog, choose));
        g3.addRow(1, new Label("Label"), label);
        GridPane.setHgrow(catalog, Priority.ALWAYS);
        WizardPane destinationPage = WizardPages.page("backupPageDestination", "Where the backup goes",
                WizardPages.column(g3, WizardPages.muted("The backup gets a folder of its own in the catalogue, with a manifest "
                        + "(warden-manifest.json) beside it. A backup that fails or is cancelled leaves nothing there."),
                        WizardPages.error(m.settingsErrorProperty())),
                m.settingsErrorProperty().isNotEmpty(), null);

        // page 4: review
        WizardPane reviewPage = WizardPages.page("backupPageReview", "The exact command",
                WizardPages.column(WizardPages.code(m.commandProperty(), "backupCommand", 5),
                        WizardPages.code(m.reviewProperty(), "backupReview", 9),
                        WizardPages.error(m.reviewErrorProperty()),
                        WizardPages.muted("Finish starts it; progress and Cancel appear at the bottom of the Backups screen.")),
                m.reviewReadyProperty().not(), m::prepareReview);

        return WizardPages.show(owner, "New backup", current -> {
            List<WizardPane> order = m.logical() ? List.of(kindPage, selectionPage, destinationPage, reviewPage)
                    : List.of(kindPage, destinationPage, reviewPage);
            return WizardPages.after(current, order);
        }, kindPage, null);
    }
}
