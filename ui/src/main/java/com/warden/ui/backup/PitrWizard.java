package com.warden.ui.backup;

import java.io.File;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import org.controlsfx.dialog.WizardPane;

/**
 * The point-in-time recovery wizard over {@link PitrWizardModel}: base backup and archive, a
 * target inside what they cover (refused outside, with the range), and a review of the settings.
 */
final class PitrWizard {
    private PitrWizard() { }

    static boolean show(Object owner, PitrWizardModel m) {
        ComboBox<String> base = new ComboBox<>(m.baseIds());
        base.setId("pitrBase");
        base.valueProperty().bindBidirectional(m.baseIdProperty());
        TextField archive = new TextField();
        archive.setId("pitrArchive");
        archive.setPromptText("the folder archive_command copies WAL into (empty: to the end of the backup)");
        archive.textProperty().bindBidirectional(m.archiveProperty());
        HBox.setHgrow(archive, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("WAL archive folder");
            File dir = chooser.showDialog(choose.getScene().getWindow());
            if (dir != null) {
                m.archiveProperty().set(dir.getAbsolutePath());
            }
        });
        GridPane g = WizardPages.grid();
        g.addRow(0, new Label("Base backup"), base);
        g.addRow(1, new Label("WAL archive"), new HBox(8, archive, choose));
        GridPane.setHgrow(archive, Priority.ALWAYS);
        WizardPane sourcePage = WizardPages.page("pitrPageSource", "Base backup and WAL archive",
                WizardPages.column(g, WizardPages.muted("Recovery runs in a scratch instance of its own; the source server is never touched, "
                        + "and the scratch instance never archives into this folder."), WizardPages.error(m.sourceErrorProperty())),
                m.sourceErrorProperty().isNotEmpty(), null);

        ToggleGroup kinds = new ToggleGroup();
        RadioButton latest = radio("pitrTargetLatest", "Latest — everything the archive holds", PitrWizardModel.LATEST, kinds);
        RadioButton time = radio("pitrTargetTime", "A time (local), commits at or before it are kept", PitrWizardModel.TIME, kinds);
        RadioButton lsn = radio("pitrTargetLsn", "An LSN", PitrWizardModel.LSN, kinds);
        RadioButton name = radio("pitrTargetName", "A named restore point", PitrWizardModel.NAME, kinds);
        RadioButton immediate = radio("pitrTargetImmediate", "The end of the base backup", PitrWizardModel.IMMEDIATE, kinds);
        kinds.selectToggle(latest);
        kinds.selectedToggleProperty().addListener((o, a, b) -> m.targetKindProperty().set((String) b.getUserData()));
        m.targetKindProperty().addListener((o, a, b) -> kinds.getToggles().stream().filter(t -> b.equals(t.getUserData())).findFirst()
                .ifPresent(kinds::selectToggle));
        TextField timeField = new TextField();
        timeField.setId("pitrTime");
        timeField.textProperty().bindBidirectional(m.timeProperty());
        timeField.disableProperty().bind(time.selectedProperty().not());
        TextField lsnField = new TextField();
        lsnField.setId("pitrLsn");
        lsnField.textProperty().bindBidirectional(m.lsnProperty());
        lsnField.disableProperty().bind(lsn.selectedProperty().not());
        ComboBox<String> points = new ComboBox<>(m.restorePoints());
        points.setId("pitrName");
        points.setEditable(true);
        points.valueProperty().bindBidirectional(m.nameProperty());
        points.disableProperty().bind(name.selectedProperty().not());
        Label window = new Label();
        window.setId("pitrWindow");
        window.setWrapText(true);
        window.setMaxWidth(WizardPages.WIDTH - 40);
        window.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        window.textProperty().bind(m.windowProperty());
        WizardPages.growOn(window.textProperty(), window);
        GridPane t = WizardPages.grid();
        t.add(latest, 0, 0, 2, 1);
        t.addRow(1, time, timeField);
        t.addRow(2, lsn, lsnField);
        t.addRow(3, name, points);
        t.add(immediate, 0, 4, 2, 1);
        WizardPane targetPage = WizardPages.page("pitrPageTarget", "Recover to",
                WizardPages.column(window, t, WizardPages.error(m.targetErrorProperty())),
                Bindings.or(m.windowReadyProperty().not(), m.targetErrorProperty().isNotEmpty()), m::computeWindow);

        CheckBox keep = WizardPages.literal(new CheckBox("keep the scratch instance running when Warden exits (you get the command to stop it)"));
        keep.setId("pitrKeep");
        keep.selectedProperty().bindBidirectional(m.keepProperty());
        WizardPane reviewPage = WizardPages.page("pitrPageReview", "Review",
                WizardPages.column(WizardPages.code(m.reviewProperty(), "pitrReview", 12), keep, WizardPages.error(m.reviewErrorProperty())),
                m.reviewReadyProperty().not(), m::prepareReview);

        return WizardPages.show(owner, "Point-in-time recovery", current -> WizardPages.after(current,
                List.of(sourcePage, targetPage, reviewPage)), sourcePage, null);
    }

    private static RadioButton radio(String id, String text, String value, ToggleGroup group) {
        RadioButton r = WizardPages.literal(new RadioButton(text));
        r.setId(id);
        r.setUserData(value);
        r.setToggleGroup(group);
        return r;
    }
}
