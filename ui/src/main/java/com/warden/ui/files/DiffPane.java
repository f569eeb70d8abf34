package com.warden.ui.files;

import atlantafx.base.theme.Tweaks;
import com.warden.app.files.DiffRow;
import com.warden.app.files.FileDiff;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;

/**
 * Where the diff is shown: side by side, unified, the binary comparison, or a sentence saying
 * why there is nothing to show. Follows the view-model's diff, mode and current change.
 */
final class DiffPane extends StackPane {
    private final FilesViewModel model;
    private final DiffView sideBySide = new DiffView();
    private final UnifiedView unified = new UnifiedView();
    private final BinaryView binary = new BinaryView();
    private final ScrollPane binaryScroll = new ScrollPane(binary);
    private final Label message = new Label();
    private List<DiffRow> shownRows;

    DiffPane(FilesViewModel model) {
        this.model = model;
        setId("diffHost");
        sideBySide.setId("sideBySide");
        binaryScroll.setFitToWidth(true);
        binaryScroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        message.setId("diffMessage");
        message.getStyleClass().add("diff-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        getChildren().addAll(sideBySide, unified, binaryScroll, message);
        model.diffProperty().addListener((o, a, d) -> show(d));
        model.unifiedProperty().addListener((o, a, b) -> show(model.diffProperty().get()));
        model.changeRowProperty().addListener((o, a, row) -> reveal(row.intValue()));
        show(null);
    }

    /** The side-by-side view (the benchmark's paint probe watches it). */
    DiffView sideBySide() {
        return sideBySide;
    }

    private void show(FileDiff d) {
        boolean text = d != null && !d.binary() && !d.text().stats().identical();
        boolean asUnified = model.unifiedProperty().get();
        sideBySide.setVisible(text && !asUnified);
        unified.setVisible(text && asUnified);
        binaryScroll.setVisible(d != null && d.binary());
        message.setVisible(d == null || !d.binary() && !text);
        if (d == null) {
            shownRows = null;
            sideBySide.show(null);
            unified.setText("");
            return;
        }
        if (d.binary()) {
            binary.show(d);
            return;
        }
        List<DiffRow> rows = d.text().rows();
        if (rows != shownRows) {
            shownRows = rows;
            sideBySide.show(d.text());
        }
        if (asUnified) {
            unified.setText(d.unified()); // only when shown: the side-by-side view comes first
        }
        reveal(model.changeRowProperty().get());
    }

    private void reveal(int row) {
        if (row < 0) {
            return;
        }
        if (!model.unifiedProperty().get()) {
            sideBySide.reveal(row);
            return;
        }
        // the unified view: the header of the hunk that holds the current change
        int hunk = model.changeHunkProperty().get();
        int count = -1;
        List<String> lines = unified.getItems();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("@@") && ++count == hunk) {
                unified.getSelectionModel().clearAndSelect(i);
                unified.scrollTo(hunk == 0 ? 0 : i - 1);
                return;
            }
        }
    }
}
