package com.warden.app.files;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.RandomAccess;

/**
 * The line diff of two texts: both texts as lines (with their terminators) and the change
 * blocks between them. Side-by-side rows and the unified text are derived from it; the rows are
 * computed once, on first use, by the thread that asks (the UI asks off the FX thread).
 */
public final class TextDiff {
    private final List<String> oldLines;
    private final List<String> newLines;
    private final List<DiffBlock> blocks;
    private final DiffOptions options;
    private final boolean approximate;
    private volatile Rows rows;

    TextDiff(List<String> oldLines, List<String> newLines, List<DiffBlock> blocks, DiffOptions options, boolean approximate) {
        this.oldLines = Collections.unmodifiableList(oldLines);
        this.newLines = Collections.unmodifiableList(newLines);
        this.blocks = List.copyOf(blocks);
        this.options = options;
        this.approximate = approximate;
    }

    public List<DiffBlock> blocks() {
        return blocks;
    }

    public DiffOptions options() {
        return options;
    }

    public boolean approximate() {
        return approximate;
    }

    public int oldLineCount() {
        return oldLines.size();
    }

    public int newLineCount() {
        return newLines.size();
    }

    /** The same comparison shown with another context size (the blocks do not depend on it). */
    public TextDiff withContext(int context) {
        TextDiff other = new TextDiff(oldLines, newLines, blocks, options.withContext(context), approximate);
        other.rows = rows;
        return other;
    }

    public DiffStats stats() {
        int added = 0;
        int removed = 0;
        for (DiffBlock b : blocks) {
            added += b.added();
            removed += b.removed();
        }
        return new DiffStats(blocks.size(), hunks().size(), added, removed, approximate);
    }

    // ------------------------------------------------------------------ side by side

    /**
     * Every line of both versions as side-by-side rows, with word-level marks in changed pairs. The
     * changed rows are built once; unchanged rows are made when asked for, so a 5 MB file with a
     * few changes costs its changes, not 100,000 row objects (the view asks only for what is on screen).
     */
    public List<DiffRow> rows() {
        Rows r = rows;
        if (r == null) {
            r = new Rows();
            rows = r;
        }
        return r;
    }

    /** Index in {@link #rows()} of the first row of each change, in order: what next / previous change walks. */
    public List<Integer> changeStarts() {
        Rows r = (Rows) rows();
        List<Integer> starts = new ArrayList<>(blocks.size());
        for (int k = 0; k < r.segments; k++) {
            if (r.changed[k] != null) {
                starts.add(r.start[k]);
            }
        }
        return starts;
    }

    /** The longest line (in characters, without its ending) of either side: how far the view scrolls sideways. */
    public int longestLine() {
        int longest = 0;
        for (List<String> lines : List.of(oldLines, newLines)) {
            for (String line : lines) {
                longest = Math.max(longest, line.length());
            }
        }
        return longest;
    }

    /** Whether one side mixes LF and CRLF line endings (the view then marks each CRLF line). */
    public boolean mixedEndings(boolean oldSide) {
        boolean lf = false;
        boolean crlf = false;
        for (String line : oldSide ? oldLines : newLines) {
            Eol e = Eol.of(line);
            lf |= e == Eol.LF;
            crlf |= e == Eol.CRLF;
            if (lf && crlf) {
                return true;
            }
        }
        return false;
    }

    /**
     * The rows as segments: runs of unchanged lines (made on request) and changes (rows built
     * once, aligned, with word marks). {@code get} finds its segment by binary search.
     */
    private final class Rows extends AbstractList<DiffRow> implements RandomAccess {
        final int[] start;
        final int[] oldAt;
        final int[] newAt;
        final List<DiffRow>[] changed;
        final int segments;
        final int size;

        @SuppressWarnings("unchecked")
        Rows() {
            int capacity = 2 * blocks.size() + 1;
            start = new int[capacity];
            oldAt = new int[capacity];
            newAt = new int[capacity];
            changed = new List[capacity];
            int n = 0;
            int row = 0;
            int i = 0;
            int j = 0;
            for (int k = 0; k < blocks.size(); k++) {
                DiffBlock b = blocks.get(k);
                if (b.oldStart() > i) {
                    start[n] = row;
                    oldAt[n] = i;
                    newAt[n] = j;
                    row += b.oldStart() - i;
                    n++;
                }
                List<DiffRow> rowsOfChange = changeRows(b, k);
                start[n] = row;
                changed[n] = rowsOfChange;
                row += rowsOfChange.size();
                n++;
                i = b.oldEnd();
                j = b.newEnd();
            }
            if (i < oldLines.size()) {
                start[n] = row;
                oldAt[n] = i;
                newAt[n] = j;
                row += oldLines.size() - i;
                n++;
            }
            segments = n;
            size = row;
        }

        @Override
        public DiffRow get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("row " + index + " of " + size);
            }
            int k = java.util.Arrays.binarySearch(start, 0, segments, index);
            if (k < 0) {
                k = -k - 2;
            }
            int offset = index - start[k];
            return changed[k] != null ? changed[k].get(offset) : equalRow(oldAt[k] + offset, newAt[k] + offset);
        }

        @Override
        public int size() {
            return size;
        }
    }

    private List<DiffRow> changeRows(DiffBlock b, int k) {
        List<String> oldBodies = new ArrayList<>(b.removed());
        for (int t = b.oldStart(); t < b.oldEnd(); t++) {
            oldBodies.add(TextLines.body(oldLines.get(t)));
        }
        List<String> newBodies = new ArrayList<>(b.added());
        for (int t = b.newStart(); t < b.newEnd(); t++) {
            newBodies.add(TextLines.body(newLines.get(t)));
        }
        List<DiffRow> out = new ArrayList<>();
        for (int[] pair : LineAligner.align(oldBodies, newBodies)) {
            if (pair[0] >= 0 && pair[1] >= 0) {
                out.add(changedPair(b.oldStart() + pair[0], b.newStart() + pair[1], k));
            } else if (pair[0] >= 0) {
                out.add(new DiffRow(DiffRow.Kind.DELETE, side(oldLines, b.oldStart() + pair[0], null, false), null, k));
            } else {
                out.add(new DiffRow(DiffRow.Kind.INSERT, null, side(newLines, b.newStart() + pair[1], null, false), k));
            }
        }
        return List.copyOf(out);
    }

    private DiffRow equalRow(int i, int j) {
        return new DiffRow(DiffRow.Kind.EQUAL, side(oldLines, i, List.of(), false), side(newLines, j, List.of(), false), -1);
    }

    private DiffRow changedPair(int i, int j, int change) {
        String a = oldLines.get(i);
        String b = newLines.get(j);
        String bodyA = TextLines.body(a);
        String bodyB = TextLines.body(b);
        boolean eolChanged = Eol.of(a) != Eol.of(b);
        WordDiff.Marks marks = bodyA.equals(bodyB) ? WordDiff.Marks.NONE : WordDiff.marks(bodyA, bodyB, options.ignoreWhitespace());
        return new DiffRow(DiffRow.Kind.CHANGE, new DiffRow.Side(i + 1, bodyA, Eol.of(a), marks.left(), eolChanged),
                new DiffRow.Side(j + 1, bodyB, Eol.of(b), marks.right(), eolChanged), change);
    }

    private static DiffRow.Side side(List<String> lines, int index, List<Span> marks, boolean eolChanged) {
        String line = lines.get(index);
        return new DiffRow.Side(index + 1, TextLines.body(line), Eol.of(line), marks == null ? List.of() : marks, eolChanged);
    }

    // ------------------------------------------------------------------ unified

    /** A hunk of the unified view: old lines [oldFrom, oldTo) and new lines [newFrom, newTo), with the blocks inside. */
    public record Hunk(int oldFrom, int oldTo, int newFrom, int newTo, List<DiffBlock> blocks) {
        /** "@@ -a,b +c,d @@" the way GNU diff writes it (",1" left out, an empty range names the line before). */
        public String header() {
            return "@@ -" + range(oldFrom, oldTo) + " +" + range(newFrom, newTo) + " @@";
        }

        private static String range(int from, int to) {
            int count = to - from;
            if (count == 0) {
                return from + ",0";
            }
            return count == 1 ? Integer.toString(from + 1) : (from + 1) + "," + count;
        }
    }

    /** Changes grouped into hunks with the context size of the options: changes closer than twice the context share one. */
    public List<Hunk> hunks() {
        int context = options.context();
        List<Hunk> hunks = new ArrayList<>();
        int k = 0;
        while (k < blocks.size()) {
            int first = k;
            while (k + 1 < blocks.size() && (long) blocks.get(k + 1).oldStart() - blocks.get(k).oldEnd() <= 2L * context) {
                k++;
            }
            DiffBlock a = blocks.get(first);
            DiffBlock z = blocks.get(k);
            int oldFrom = Math.max(0, a.oldStart() - context);
            int oldTo = (int) Math.min(oldLines.size(), (long) z.oldEnd() + context);
            int newFrom = a.newStart() - (a.oldStart() - oldFrom);
            int newTo = z.newEnd() + (oldTo - z.oldEnd());
            hunks.add(new Hunk(oldFrom, oldTo, newFrom, newTo, blocks.subList(first, k + 1)));
            k++;
        }
        return hunks;
    }

    /**
     * The unified diff with "--- oldLabel" / "+++ newLabel" headers, as GNU diff -u writes it:
     * lines keep their own endings, "\ No newline at end of file" follows a last line without one.
     * Empty when the texts are the same. Applied with GNU patch to the old text it gives the new
     * text byte for byte (unless whitespace was ignored, where context lines come from the old text).
     */
    public String unified(String oldLabel, String newLabel) {
        List<Hunk> hunks = hunks();
        if (hunks.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder(1024);
        s.append("--- ").append(oldLabel).append('\n');
        s.append("+++ ").append(newLabel).append('\n');
        for (Hunk h : hunks) {
            s.append(h.header()).append('\n');
            int i = h.oldFrom();
            for (DiffBlock b : h.blocks()) {
                while (i < b.oldStart()) {
                    line(s, ' ', oldLines.get(i++));
                }
                for (int t = b.oldStart(); t < b.oldEnd(); t++) {
                    line(s, '-', oldLines.get(t));
                }
                for (int t = b.newStart(); t < b.newEnd(); t++) {
                    line(s, '+', newLines.get(t));
                }
                i = b.oldEnd();
            }
            while (i < h.oldTo()) {
                line(s, ' ', oldLines.get(i++));
            }
        }
        return s.toString();
    }

    private static void line(StringBuilder s, char prefix, String line) {
        s.append(prefix).append(line);
        if (!line.endsWith("\n")) {
            s.append("\n\\ No newline at end of file\n");
        }
    }
}
