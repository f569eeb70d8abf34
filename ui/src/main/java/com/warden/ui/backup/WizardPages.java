package com.warden.ui.backup;

import atlantafx.base.theme.Styles;
import com.warden.ui.common.UiStyles;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.dialog.Wizard;
import org.controlsfx.dialog.WizardPane;

/** Building blocks of Warden's wizards: a page with a header, a body, and a validity its Next/Finish follows. */
final class WizardPages {
    static final double WIDTH = 780;

    private WizardPages() { }

    /** A page whose Next/Finish is disabled while {@code invalid} holds; {@code entering} runs when it shows. */
    static WizardPane page(String id, String header, Node body, BooleanExpression invalid, Runnable entering) {
        WizardPane pane = new WizardPane() {
            @Override
            public void onEnteringPage(Wizard wizard) {
                if (entering != null) {
                    entering.run();
                }
                wizard.invalidProperty().unbind();
                wizard.invalidProperty().bind(invalid);
            }

            @Override
            public void onExitingPage(Wizard wizard) {
                wizard.invalidProperty().unbind();
            }
        };
        pane.setId(id);
        pane.setHeaderText(header);
        pane.setContent(body);
        pane.setPrefWidth(WIDTH);
        pane.setMinWidth(WIDTH);
        // no stock "?" icon in the header: the header text says what the page is for
        pane.setGraphic(new javafx.scene.layout.Region());
        pane.getStyleClass().add(UiStyles.DIALOG);
        pane.getStylesheets().add(WizardPages.class.getResource("backup.css").toExternalForm());
        return pane;
    }

    /** Text that arrives later (read in the background) makes a page taller: let its dialog grow to fit. */
    static void growOn(javafx.beans.value.ObservableValue<?> value, Node node) {
        value.addListener((o, a, b) -> javafx.application.Platform.runLater(() -> {
            javafx.stage.Window w = node.getScene() == null ? null : node.getScene().getWindow();
            if (w != null) {
                w.sizeToScene();
            }
        }));
    }

    /** A label that shows a problem in the danger colour, and takes no room when there is none. */
    static Label error(ObservableStringValue text) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.getStyleClass().addAll(UiStyles.FORM_ERROR, Styles.DANGER);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        growOn(l.textProperty(), l);
        l.setMaxWidth(WIDTH - 40);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    static Label muted(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setMaxWidth(WIDTH - 40);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    static TextArea code(ObservableStringValue text, String id, int rows) {
        TextArea area = new TextArea();
        area.textProperty().bind(text);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(rows);
        area.getStyleClass().add("backup-code");
        area.setId(id);
        return area;
    }

    static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(10);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(labels, fields);
        return g;
    }

    /** Texts like "pg_dump" must not turn the underscore into a mnemonic. */
    static <T extends javafx.scene.control.Labeled> T literal(T labeled) {
        labeled.setMnemonicParsing(false);
        return labeled;
    }

    static VBox column(Node... nodes) {
        VBox box = new VBox(10, nodes);
        for (Node n : nodes) {
            VBox.setVgrow(n, n instanceof javafx.scene.control.ListView || n instanceof TextArea ? Priority.ALWAYS : Priority.NEVER);
        }
        return box;
    }

    /** Shows the wizard; true when the user reached Finish. */
    static boolean show(Object owner, String title, Function<WizardPane, Optional<WizardPane>> next, WizardPane first,
                        Consumer<Wizard> extra) {
        Wizard wizard = new Wizard(owner, title);
        wizard.setReadSettings(false);
        wizard.setFlow(new Wizard.Flow() {
            @Override
            public Optional<WizardPane> advance(WizardPane current) {
                return current == null ? Optional.of(first) : next.apply(current);
            }

            @Override
            public boolean canAdvance(WizardPane current) {
                return current == null || next.apply(current).isPresent();
            }
        });
        if (extra != null) {
            extra.accept(wizard);
        }
        return wizard.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.FINISH).isPresent();
    }

    static <T> Optional<T> after(T current, List<T> order) {
        int i = order.indexOf(current);
        return i >= 0 && i + 1 < order.size() ? Optional.of(order.get(i + 1)) : Optional.empty();
    }
}
