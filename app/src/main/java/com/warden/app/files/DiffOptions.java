package com.warden.app.files;

import com.warden.app.WardenException;

/**
 * How to compare: lines of context around each change in the unified view, and whether
 * whitespace (spaces, tabs, line endings) is ignored when lines are matched, like diff -w.
 */
public record DiffOptions(int context, boolean ignoreWhitespace) {
    public static final int DEFAULT_CONTEXT = 3;
    public static final DiffOptions DEFAULT = new DiffOptions(DEFAULT_CONTEXT, false);

    public DiffOptions {
        if (context < 0) {
            throw new WardenException("The context must be 0 or more lines (got " + context + ").",
                    "the unified view shows that many unchanged lines around each change; 3 is usual");
        }
    }

    public DiffOptions withContext(int lines) {
        return new DiffOptions(lines, ignoreWhitespace);
    }

    public DiffOptions withIgnoreWhitespace(boolean ignore) {
        return new DiffOptions(context, ignore);
    }
}
