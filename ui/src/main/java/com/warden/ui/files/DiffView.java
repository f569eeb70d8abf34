package com.warden.ui.files;

import com.warden.app.files.DiffRow;
import com.warden.app.files.Eol;
import com.warden.app.files.Span;
import com.warden.app.files.TextDiff;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * The side-by-side diff: one virtualised list whose rows hold both sides, so the two sides always
 * scroll together (there is nothing to keep in step); line numbers on both sides, removed lines
 * on red and added on green, changed words marked darker, a changed line ending or a missing
 * final newline written beside the line. Long lines scroll horizontally, both sides by the same
 * offset, with the bar below or Shift + wheel. Only the rows on screen exist as nodes, so 100,000
 * rows cost what 40 do; the rows come ready-made from a background job.
 */
public final class DiffView extends BorderPane {
    /** Characters of a line that are drawn; the rest is cut with an ellipsis (the diff itself is whole). */
    static final int MAX_DRAWN = 2_000;
    static final Font FONT = Font.font("Monospaced", 13);
    static final Font SMALL_FONT = Font.font("Monospaced", 11.5);
    static final double CHAR_WIDTH = width("0123456789", FONT) / 10.0;
    static final double LINE_HEIGHT = Math.ceil(height(FONT) + 5);

    private final ListView<DiffRow> list = new ListView<>();
    private final ScrollBar horizontal = new ScrollBar();
    private final DoubleProperty offset = new SimpleDoubleProperty(this, "offset", 0);
    private int numberColumns = 3;
    private int longest;
    private boolean mixedLeft;
    private boolean mixedRight;
    private List<DiffRow> rows = List.of();

    public DiffView() {
        getStyleClass().add("diff-view");
        list.setId("diffRows");
        list.setFixedCellSize(LINE_HEIGHT);
        list.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        list.setCellFactory(v -> new RowCell());
        list.setFocusTraversable(true);
        horizontal.setOrientation(Orientation.HORIZONTAL);
        horizontal.setMin(0);
        horizontal.setId("diffHorizontal");
        offset.bind(horizontal.valueProperty());
        list.addEventFilter(ScrollEvent.SCROLL, e -> {
            double dx = e.isShiftDown() && e.getDeltaX() == 0 ? -e.getDeltaY() : -e.getDeltaX();
            if (dx != 0) {
                horizontal.setValue(Math.max(0, Math.min(horizontal.getMax(), horizontal.getValue() + dx)));
                if (e.isShiftDown()) {
                    e.consume();
                }
            }
        });
        widthProperty().addListener((o, a, b) -> updateScrollRange());
        setCenter(list);
        setBottom(horizontal);
    }

    /** Shows a diff's rows (on the FX thread); null clears the view. Reads no row but those on screen. */
    public void show(TextDiff diff) {
        horizontal.setValue(0);
        if (diff == null) {
            rows = List.of();
            numberColumns = 3;
            longest = 0;
            mixedLeft = false;
            mixedRight = false;
        } else {
            rows = diff.rows();
            numberColumns = Math.max(3, Integer.toString(Math.max(diff.oldLineCount(), diff.newLineCount())).length());
            longest = Math.min(MAX_DRAWN + 24, diff.longestLine() + 24);
            mixedLeft = diff.mixedEndings(true);
            mixedRight = diff.mixedEndings(false);
        }
        ObservableList<DiffRow> items = FXCollections.observableList(rows);
        list.setItems(items);
        updateScrollRange();
    }

    /** The rows shown, those of the diff given to {@link #show}. */
    public List<DiffRow> rows() {
        return rows;
    }

    public ListView<DiffRow> list() {
        return list;
    }

    /** Brings a row into view with a few rows of context above it, and selects it. */
    public void reveal(int row) {
        if (row < 0 || row >= list.getItems().size()) {
            return;
        }
        list.getSelectionModel().clearAndSelect(row);
        list.scrollTo(Math.max(0, row - 3));
    }

    private double numberWidth() {
        return numberColumns * CHAR_WIDTH * 11.5 / 13 + 14;
    }

    private double textWidth() {
        return Math.max(50, (getWidth() - 2 * numberWidth() - 6 - 16) / 2);
    }

    private void updateScrollRange() {
        double max = Math.max(0, longest * CHAR_WIDTH - textWidth());
        horizontal.setMax(max);
        horizontal.setVisibleAmount(max == 0 ? 1 : textWidth() * max / (longest * CHAR_WIDTH));
        horizontal.setDisable(max == 0);
        if (horizontal.getValue() > max) {
            horizontal.setValue(max);
        }
    }

    /** What a side draws: the text with tabs expanded and control characters shown, cut at MAX_DRAWN. */
    static String drawn(String text) {
        StringBuilder s = null;
        int column = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c < 0x20 || c == 0x7f || column >= MAX_DRAWN) {
                if (s == null) {
                    s = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                if (column >= MAX_DRAWN) {
                    s.append('…');
                    return s.toString();
                }
                if (c == '\t') {
                    int spaces = 4 - column % 4;
                    s.append(" ".repeat(spaces));
                    column += spaces;
                    continue;
                }
                s.append(c == '\r' ? '␍' : '�');
            } else if (s != null) {
                s.append(c);
            }
            column++;
        }
        return s == null ? text : s.toString();
    }

    /** The column where character {@code index} of the text is drawn (tabs expanded). */
    static int column(String text, int index) {
        int column = 0;
        for (int i = 0; i < index && i < text.length(); i++) {
            column += text.charAt(i) == '\t' ? 4 - column % 4 : 1;
        }
        return Math.min(column, MAX_DRAWN + 1);
    }

    static double width(String sample, Font font) {
        Text t = new Text(sample);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    static double height(Font font) {
        Text t = new Text("Mg");
        t.setFont(font);
        return t.getLayoutBounds().getHeight();
    }

    // ------------------------------------------------------------------ one row

    private final class RowCell extends ListCell<DiffRow> {
        private final RowPane pane = new RowPane();

        RowCell() {
            setText(null);
            setPrefHeight(LINE_HEIGHT);
            setPrefWidth(0);
            setMinWidth(0);
        }

        @Override
        protected void updateItem(DiffRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
            } else {
                pane.show(row);
                setGraphic(pane);
            }
        }
    }

    /** Both sides of a row, laid out by hand: number | text | gutter | number | text. */
    private final class RowPane extends Region {
        private final Side left = new Side("removed");
        private final Side right = new Side("added");
        private final Region gutter = new Region();

        RowPane() {
            gutter.getStyleClass().add("diff-gutter");
            getChildren().addAll(left.number, left.pane, gutter, right.number, right.pane);
            setMinHeight(LINE_HEIGHT);
            setPrefHeight(LINE_HEIGHT);
        }

        private boolean gutterChanged;

        void show(DiffRow row) {
            boolean changed = row.kind() != DiffRow.Kind.EQUAL;
            left.show(row.left(), changed, mixedLeft);
            right.show(row.right(), changed, mixedRight);
            if (changed != gutterChanged) {
                // style classes only when they differ: each change costs a CSS pass over the node
                gutterChanged = changed;
                if (changed) {
                    gutter.getStyleClass().add("change");
                } else {
                    gutter.getStyleClass().remove("change");
                }
            }
        }

        @Override
        protected void layoutChildren() {
            double h = getHeight();
            double nw = numberWidth();
            double tw = (getWidth() - 2 * nw - 6) / 2;
            left.number.resizeRelocate(0, 0, nw, h);
            left.pane.resizeRelocate(nw, 0, tw, h);
            gutter.resizeRelocate(nw + tw, 0, 6, h);
            right.number.resizeRelocate(nw + tw + 6, 0, nw, h);
            right.pane.resizeRelocate(2 * nw + tw + 6, 0, tw, h);
            left.layout(h);
            right.layout(h);
        }

        @Override
        protected double computePrefHeight(double width) {
            return LINE_HEIGHT;
        }

        /** The row takes the list's width; long lines scroll with the shared offset, not the list. */
        @Override
        protected double computePrefWidth(double height) {
            return 100;
        }

        @Override
        protected double computeMinWidth(double height) {
            return 0;
        }
    }

    /** One side: its number cell and its text pane (marks behind the text, clipped, shifted by the offset). */
    private final class Side {
        final String changeClass;
        final Pane number = new Pane();
        final Text numberText = new Text();
        final Pane pane = new Pane();
        final Text text = new Text();
        final Text eol = new Text();
        final Rectangle clip = new Rectangle();
        final Pane marks = new Pane();

        Side(String changeClass) {
            this.changeClass = changeClass;
            numberText.getStyleClass().add("diff-line-number");
            numberText.setFont(SMALL_FONT);
            number.getChildren().add(numberText);
            number.getStyleClass().add("diff-number-cell");
            pane.getStyleClass().add("diff-side");
            text.getStyleClass().add("diff-text");
            text.setFont(FONT);
            eol.getStyleClass().add("diff-eol");
            eol.setFont(SMALL_FONT);
            marks.setMouseTransparent(true);
            pane.getChildren().addAll(marks, text, eol);
            pane.setClip(clip);
            text.translateXProperty().bind(offset.negate());
            marks.translateXProperty().bind(offset.negate());
            eol.translateXProperty().bind(offset.negate());
        }

        private String state = "";

        void show(DiffRow.Side side, boolean changed, boolean mixedEndings) {
            String now = side == null ? "filler" : changed ? changeClass : "";
            if (!now.equals(state)) {
                if (!state.isEmpty()) {
                    pane.getStyleClass().remove(state);
                    number.getStyleClass().remove(state);
                }
                if (!now.isEmpty()) {
                    pane.getStyleClass().add(now);
                    number.getStyleClass().add(now);
                }
                state = now;
            }
            if (!marks.getChildren().isEmpty()) {
                marks.getChildren().clear();
            }
            if (side == null) {
                numberText.setText("");
                text.setText("");
                eol.setText("");
                return;
            }
            numberText.setText(Integer.toString(side.line()));
            String shown = drawn(side.text());
            if (!shown.equals(text.getText())) {
                text.setText(shown);
            }
            String ending = "";
            if (side.eol() == Eol.NONE) {
                ending = "no newline at end";
            } else if (side.eolChanged() || mixedEndings && side.eol() == Eol.CRLF) {
                ending = side.eol() == Eol.CRLF ? "CRLF" : "LF";
            }
            eol.setText(ending.isEmpty() ? "" : "  ⏎ " + ending);
            eol.setLayoutX(shown.length() * CHAR_WIDTH + 6);
            for (Span span : side.marks()) {
                int from = column(side.text(), span.start());
                int to = column(side.text(), span.end());
                if (to > from) {
                    Rectangle r = new Rectangle(from * CHAR_WIDTH + 6, 1, (to - from) * CHAR_WIDTH, LINE_HEIGHT - 2);
                    r.getStyleClass().addAll("diff-mark", changeClass);
                    r.setArcWidth(3);
                    r.setArcHeight(3);
                    marks.getChildren().add(r);
                }
            }
        }

        void layout(double h) {
            double baseline = (h + LINE_HEIGHT) / 2 - 6;
            text.setLayoutX(6);
            text.setLayoutY(baseline);
            eol.setLayoutY(baseline);
            double nw = number.getWidth();
            numberText.setLayoutX(Math.max(2, nw - 6 - numberText.getLayoutBounds().getWidth()));
            numberText.setLayoutY(baseline);
            clip.setWidth(pane.getWidth());
            clip.setHeight(h);
        }
    }
}
