package com.warden.ui.health;

import atlantafx.base.theme.Styles;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Edits one threshold: warning and critical limits, checked as they are typed; Save keeps them in the config folder. */
final class ThresholdDialog {

    /** What the user chose: new limits, or back to the default. */
    record Result(String warning, String critical, boolean reset) { }

    interface Validator {
        String validate(String key, String warning, String critical);
    }

    private ThresholdDialog() { }

    static Optional<Result> show(Window owner, ThresholdInfo info, Validator validator) {
        Dialog<Result> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Threshold: " + info.label());
        dialog.setHeaderText(info.label() + (info.unit().equals("ratio") ? " (a fraction: 0.99 is 99%)" : " (" + info.unit() + ")"));
        TextField warning = new TextField(info.warning());
        warning.setId("thresholdWarning");
        TextField critical = new TextField(info.critical());
        critical.setId("thresholdCritical");
        critical.setPromptText("none: warn only");
        String word = info.aboveIsBad() ? "above" : "below";
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Warning when " + word), warning);
        grid.addRow(1, new Label("Critical when " + word), critical);
        Label error = new Label();
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        Label defaults = new Label("Default: " + info.defaults() + (info.custom() ? " — you changed it" : "")
                + "\nKept in " + info.file());
        defaults.getStyleClass().add(Styles.TEXT_MUTED);
        defaults.setWrapText(true);
        VBox content = new VBox(10, grid, error, defaults);
        content.setPadding(new Insets(8, 4, 4, 4));
        content.setPrefWidth(460);
        dialog.getDialogPane().setContent(content);
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        ButtonType reset = new ButtonType("Back to default", ButtonBar.ButtonData.LEFT);
        dialog.getDialogPane().getButtonTypes().addAll(save, reset, ButtonType.CANCEL);
        Node saveButton = dialog.getDialogPane().lookupButton(save);
        Runnable check = () -> {
            String problem = validator.validate(info.key(), warning.getText(), critical.getText());
            error.setText(problem == null ? "" : problem);
            saveButton.setDisable(problem != null);
        };
        warning.textProperty().addListener((o, a, b) -> check.run());
        critical.textProperty().addListener((o, a, b) -> check.run());
        check.run();
        dialog.setResultConverter(button -> button == save ? new Result(warning.getText(), critical.getText(), false)
                : button == reset ? new Result("", "", true) : null);
        return dialog.showAndWait();
    }

}
