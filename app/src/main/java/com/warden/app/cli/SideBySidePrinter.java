package com.warden.app.cli;

import com.warden.app.files.DiffRow;
import com.warden.app.files.Eol;
import com.warden.app.files.Span;
import com.warden.app.files.TextDiff;
import java.util.List;

/**
 * The side-by-side diff for a terminal, like diff -y with word marks: line numbers on both
 * sides, a gutter of ' ', '|', '<' or '>', unchanged stretches folded to one line beyond the
 * context, tabs expanded, long lines cut with '…', and (when colour is on) removed words on red,
 * added words on green. A changed line ending or a missing final newline is written out.
 */
final class SideBySidePrinter {
    private static final String RESET = "\u001b[0m";
    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";
    private static final String RED_MARK = "\u001b[1;37;41m";
    private static final String GREEN_MARK = "\u001b[1;30;42m";
    private static final String DIM = "\u001b[2m";

    private final int width;
    private final boolean color;

    SideBySidePrinter(int width, boolean color) {
        this.width = Math.max(60, width);
        this.color = color;
    }

    String render(TextDiff diff) {
        List<DiffRow> rows = diff.rows();
        int context = diff.options().context();
        boolean[] shown = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).isChange()) {
                for (int k = Math.max(0, i - context); k <= Math.min(rows.size() - 1, i + context); k++) {
                    shown[k] = true;
                }
            }
        }
        boolean mixedLeft = diff.mixedEndings(true);
        boolean mixedRight = diff.mixedEndings(false);
        int half = (width - 3) / 2;
        StringBuilder out = new StringBuilder();
        int skipped = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (!shown[i]) {
                skipped++;
                continue;
            }
            if (skipped > 0) {
                fold(out, skipped);
                skipped = 0;
            }
            DiffRow row = rows.get(i);
            char gutter = switch (row.kind()) {
                case EQUAL -> ' ';
                case CHANGE -> '|';
                case DELETE -> '<';
                case INSERT -> '>';
            };
            out.append(side(row.left(), half, row.kind() == DiffRow.Kind.EQUAL ? null : RED, RED_MARK, mixedLeft));
            out.append(' ').append(gutter).append(' ');
            out.append(side(row.right(), half, row.kind() == DiffRow.Kind.EQUAL ? null : GREEN, GREEN_MARK, mixedRight).stripTrailing());
            out.append('\n');
        }
        if (skipped > 0 && skipped < rows.size()) {
            fold(out, skipped);
        }
        return out.toString();
    }

    private void fold(StringBuilder out, int lines) {
        String text = "⋯ " + lines + " unchanged line" + (lines == 1 ? "" : "s") + " ⋯";
        out.append(color ? DIM : "").append(" ".repeat(Math.max(0, (width - text.length()) / 2))).append(text)
                .append(color ? RESET : "").append('\n');
    }

    /** One half: "  12 text", padded or cut to exactly {@code half} visible columns. */
    private String side(DiffRow.Side side, int half, String lineColor, String markColor, boolean mixedEndings) {
        if (side == null) {
            return " ".repeat(half);
        }
        String number = String.format("%5d ", side.line());
        int room = half - number.length();
        String suffix = "";
        if (side.eol() == Eol.NONE) {
            suffix = " [no newline at end]";
        } else if (side.eolChanged() || mixedEndings && side.eol() == Eol.CRLF) {
            suffix = side.eol() == Eol.CRLF ? " [CRLF]" : " [LF]";
        }
        StringBuilder visible = new StringBuilder();
        StringBuilder styled = new StringBuilder();
        String text = side.text();
        List<Span> marks = side.marks();
        int m = 0;
        boolean inMark = false;
        int columns = 0;
        boolean cut = false;
        for (int i = 0; i < text.length() && !cut; i++) {
            while (m < marks.size() && marks.get(m).end() <= i) {
                m++;
            }
            boolean marked = m < marks.size() && marks.get(m).start() <= i;
            if (color && marked != inMark) {
                styled.append(marked ? markColor : RESET + (lineColor == null ? "" : lineColor));
                inMark = marked;
            }
            char c = text.charAt(i);
            String piece = c == '\t' ? " ".repeat(4 - columns % 4) : c == '\r' ? "␍" : Character.isISOControl(c) ? "�" : String.valueOf(c);
            if (columns + piece.length() > room - suffix.length() - 1 && i < text.length() - 1
                    || columns + piece.length() > room - suffix.length()) {
                piece = "…";
                cut = true;
            }
            columns += piece.length();
            visible.append(piece);
            styled.append(piece);
        }
        if (color && inMark) {
            styled.append(RESET).append(lineColor == null ? "" : lineColor);
        }
        visible.append(suffix);
        styled.append(suffix);
        int pad = Math.max(0, room - visible.length());
        if (!color || lineColor == null) {
            return number + styled + " ".repeat(pad);
        }
        return lineColor + number + styled + RESET + " ".repeat(pad);
    }
}
