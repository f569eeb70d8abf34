package com.warden.app.files;

import java.util.List;

/**
 * One row of the side-by-side view. EQUAL rows have both sides; CHANGE rows pair an old line with
 * the new line that replaced it (with word-level marks); DELETE rows have only the left side,
 * INSERT rows only the right. {@code change} is the change's index (0-based), -1 on EQUAL rows.
 */
public record DiffRow(Kind kind, Side left, Side right, int change) {

    public enum Kind { EQUAL, CHANGE, INSERT, DELETE }

    /**
     * One side of a row: its 1-based line number, the text without its terminator, how the line
     * ends, the changed spans of the text, and whether the line ending itself changed.
     */
    public record Side(int line, String text, Eol eol, List<Span> marks, boolean eolChanged) { }

    public boolean isChange() {
        return kind != Kind.EQUAL;
    }
}
