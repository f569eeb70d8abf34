package com.warden.app.files;

import com.github.difflib.algorithm.Change;
import com.github.difflib.algorithm.myers.MyersDiff;
import java.util.ArrayList;
import java.util.List;

/**
 * Word-level marks inside a changed pair of lines: both lines cut into words (letters, digits,
 * underscores), runs of whitespace and single punctuation characters, diffed with Myers, and
 * the changed pieces returned as character spans. Pieces separated only by whitespace are joined,
 * so a rewritten phrase is one mark, not confetti; a line rewritten from scratch gets no marks
 * (the whole row already shows as changed), nor does a line longer than {@link #MAX_LINE}.
 */
final class WordDiff {
    static final int MAX_LINE = 4_000;
    private static final double MIN_SHARED = 0.3;

    record Marks(List<Span> left, List<Span> right) {
        static final Marks NONE = new Marks(List.of(), List.of());
    }

    private WordDiff() { }

    static Marks marks(String a, String b, boolean ignoreWhitespace) {
        if (a.length() > MAX_LINE || b.length() > MAX_LINE) {
            return Marks.NONE;
        }
        List<int[]> ta = tokens(a);
        List<int[]> tb = tokens(b);
        List<String> wa = words(a, ta);
        List<String> wb = words(b, tb);
        List<Change> changes = new MyersDiff<String>().computeDiff(wa, wb, null); // any order
        boolean[] changedA = new boolean[wa.size()];
        boolean[] changedB = new boolean[wb.size()];
        for (Change c : changes) {
            for (int i = c.startOriginal; i < c.endOriginal; i++) {
                changedA[i] = true;
            }
            for (int j = c.startRevised; j < c.endRevised; j++) {
                changedB[j] = true;
            }
        }
        int shared = 0;
        for (int i = 0; i < wa.size(); i++) {
            if (!changedA[i] && !wa.get(i).isBlank()) {
                shared += wa.get(i).length();
            }
        }
        int longest = Math.max(nonBlank(a), nonBlank(b));
        if (longest > 0 && shared < MIN_SHARED * longest) {
            return Marks.NONE;
        }
        return new Marks(spans(ta, wa, changedA, ignoreWhitespace), spans(tb, wb, changedB, ignoreWhitespace));
    }

    /** Token boundaries [start, end) of a line. */
    static List<int[]> tokens(String s) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            int start = i;
            char c = s.charAt(i);
            if (isWord(c)) {
                while (i < n && isWord(s.charAt(i))) {
                    i++;
                }
            } else if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
            } else {
                i += Character.charCount(s.codePointAt(i));
            }
            out.add(new int[] {start, i});
        }
        return out;
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static List<String> words(String s, List<int[]> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (int[] t : tokens) {
            out.add(s.substring(t[0], t[1]));
        }
        return out;
    }

    private static int nonBlank(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    private static List<Span> spans(List<int[]> tokens, List<String> words, boolean[] changed, boolean ignoreWhitespace) {
        List<Span> out = new ArrayList<>();
        int start = -1;
        int end = -1;
        for (int k = 0; k < tokens.size(); k++) {
            boolean blank = words.get(k).isBlank();
            if (changed[k] && !(blank && ignoreWhitespace)) {
                if (start < 0) {
                    start = tokens.get(k)[0];
                }
                end = tokens.get(k)[1];
            } else if (blank && start >= 0 && k + 1 < tokens.size() && changed[k + 1]) {
                // a single run of whitespace between two changed words joins them
                end = tokens.get(k)[1];
            } else if (start >= 0) {
                out.add(new Span(start, end));
                start = -1;
            }
        }
        if (start >= 0) {
            out.add(new Span(start, end));
        }
        return out;
    }
}
