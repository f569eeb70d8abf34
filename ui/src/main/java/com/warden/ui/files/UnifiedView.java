package com.warden.ui.files;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;

/**
 * The unified diff as seed 000 writes it ("--- path", "+++ path", "@@ -a,b +c,d @@"), one
 * virtualised row per line: added lines on green, removed on red, hunk headers on blue.
 * Carriage returns are shown as ␍ so a changed line ending is visible.
 */
public final class UnifiedView extends ListView<String> {

    public UnifiedView() {
        getStyleClass().add("unified-view");
        setId("unifiedLines");
        setFixedCellSize(DiffView.LINE_HEIGHT);
        setCellFactory(v -> new Line());
    }

    public void setText(String unified) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < unified.length()) {
            int nl = unified.indexOf('\n', start);
            int end = nl < 0 ? unified.length() : nl;
            lines.add(DiffView.drawn(unified.substring(start, end)));
            start = end + 1;
        }
        setItems(FXCollections.observableList(lines));
        scrollTo(0);
    }

    private static final class Line extends ListCell<String> {
        private final Text text = new Text();

        Line() {
            text.getStyleClass().add("unified-text");
            text.setFont(DiffView.FONT);
        }

        @Override
        protected void updateItem(String line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll("added", "removed", "hunk", "header", "note");
            if (empty || line == null) {
                setGraphic(null);
                return;
            }
            text.setText(line);
            if (line.startsWith("+++ ") || line.startsWith("--- ")) {
                getStyleClass().add("header");
            } else if (line.startsWith("+")) {
                getStyleClass().add("added");
            } else if (line.startsWith("-")) {
                getStyleClass().add("removed");
            } else if (line.startsWith("@@")) {
                getStyleClass().add("hunk");
            } else if (line.startsWith("\\")) {
                getStyleClass().add("note");
            }
            setGraphic(text);
        }
    }
}
