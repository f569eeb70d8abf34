package com.warden.ui.backup;

import java.util.List;
import javafx.beans.binding.Bindings;
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
import org.controlsfx.dialog.WizardPane;

/**
 * The restore wizard over {@link RestoreWizardModel}: the backup, the target (a new database by
 * default; over an existing one only once its name is typed), tables and jobs, and a review.
 */
final class RestoreWizard {
    private RestoreWizard() { }

    static boolean show(Object owner, RestoreWizardModel m) {
        ComboBox<String> backup = new ComboBox<>(m.backupIds());
        backup.setId("restoreBackup");
        backup.valueProperty().bindBidirectional(m.backupIdProperty());
        Label detail = new Label();
        detail.setWrapText(true);
        detail.textProperty().bind(m.backupDetailProperty());

        ToggleGroup targets = new ToggleGroup();
        RadioButton intoNew = radio("restoreTargetNew", "A new database on this server", RestoreWizardModel.NEW, targets);
        RadioButton scratch = radio("restoreTargetScratch", "A scratch instance (its own server on a free loopback port)",
                RestoreWizardModel.SCRATCH, targets);
        RadioButton existing = radio("restoreTargetExisting", "Over an existing database (replaces its contents)",
                RestoreWizardModel.EXISTING, targets);
        targets.selectToggle(switch (m.targetProperty().get()) {
            case RestoreWizardModel.SCRATCH -> scratch;
            case RestoreWizardModel.EXISTING -> existing;
            default -> intoNew;
        });
        targets.selectedToggleProperty().addListener((o, a, b) -> m.targetProperty().set((String) b.getUserData()));
        m.targetProperty().addListener((o, a, b) -> targets.getToggles().stream().filter(t -> b.equals(t.getUserData())).findFirst()
                .ifPresent(targets::selectToggle));
        intoNew.disableProperty().bind(m.physicalProperty());
        existing.disableProperty().bind(m.physicalProperty());
        TextField newName = new TextField();
        newName.setId("restoreNewName");
        newName.textProperty().bindBidirectional(m.newNameProperty());
        newName.disableProperty().bind(intoNew.selectedProperty().not());
        CheckBox keep = WizardPages.literal(new CheckBox("keep it running afterwards"));
        keep.setId("restoreKeepScratch");
        keep.selectedProperty().bindBidirectional(m.keepScratchProperty());
        keep.disableProperty().bind(scratch.selectedProperty().not());
        TextField existingName = new TextField();
        existingName.setId("restoreExistingName");
        existingName.textProperty().bindBidirectional(m.existingNameProperty());
        TextField typed = new TextField();
        typed.setId("restoreTypedName");
        typed.setPromptText("type the database's name to confirm");
        typed.textProperty().bindBidirectional(m.typedNameProperty());
        existingName.disableProperty().bind(existing.selectedProperty().not());
        typed.disableProperty().bind(existing.selectedProperty().not());
        GridPane g = WizardPages.grid();
        g.addRow(0, new Label("Backup"), backup);
        g.add(detail, 1, 1);
        g.addRow(2, new Label("Into"), intoNew);
        g.add(newName, 1, 3);
        g.add(scratch, 1, 4);
        g.add(keep, 1, 5);
        g.add(existing, 1, 6);
        g.add(existingName, 1, 7);
        g.add(typed, 1, 8);
        WizardPane targetPage = WizardPages.page("restorePageTarget", "Which backup, and where to",
                WizardPages.column(g, WizardPages.error(m.targetErrorProperty())), m.targetErrorProperty().isNotEmpty(), null);

        ListView<Rows.Choice> tables = new ListView<>(m.tables());
        tables.setId("restoreTables");
        tables.setCellFactory(CheckBoxListCell.forListView(Rows.Choice::checkedProperty));
        Spinner<Integer> jobs = new Spinner<>(1, 16, m.jobsProperty().get());
        jobs.setId("restoreJobs");
        jobs.valueProperty().addListener((o, a, b) -> m.jobsProperty().set(b));
        CheckBox verify = WizardPages.literal(new CheckBox("verify afterwards: row counts against the manifest, foreign keys, indexes, integrity checks"));
        verify.setId("restoreVerify");
        verify.selectedProperty().bindBidirectional(m.verifyProperty());
        GridPane g2 = WizardPages.grid();
        g2.addRow(0, new Label("Parallel jobs"), jobs);
        WizardPane tablesPage = WizardPages.page("restorePageTables", "Tables, jobs and verification",
                WizardPages.column(new Label("Tables (untick to leave out; one table is seed 000's single-table restore)"), tables, g2, verify),
                Bindings.createBooleanBinding(() -> false), null);

        WizardPane reviewPage = WizardPages.page("restorePageReview", "Review",
                WizardPages.column(WizardPages.code(m.commandProperty(), "restoreCommand", 4), WizardPages.code(m.reviewProperty(), "restoreReview", 7),
                        WizardPages.error(m.reviewErrorProperty())),
                m.reviewReadyProperty().not(), m::prepareReview);

        return WizardPages.show(owner, "Restore a backup", current -> WizardPages.after(current,
                m.physicalProperty().get() ? List.of(targetPage, reviewPage) : List.of(targetPage, tablesPage, reviewPage)), targetPage, null);
    }

    private static RadioButton radio(String id, String text, String value, ToggleGroup group) {
        RadioButton r = WizardPages.literal(new RadioButton(text));
        r.setId(id);
        r.setUserData(value);
        r.setToggleGroup(group);
        return r;
    }
}
