package com.warden.app.files;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Inside one change of n old and m new lines, decides which old line sits beside which new line
 * in the side-by-side view, the way IntelliJ and Meld do rather than first-with-first: similar
 * lines (Dice coefficient of character bigrams, whitespace ignored, at least {@link #SIMILAR})
 * are paired so that the paired similarity is as large as possible, keeping both sides in order.
 * Lines between two pairs are zipped in order. Large changes (n·m over {@link #MAX_CELLS}) are
 * zipped in order outright.
 */
final class LineAligner {
    static final double SIMILAR = 0.5;
    static final int MAX_CELLS = 40_000;

    private LineAligner() { }

    /**
     * Returns the rows of the change as (old index or -1, new index or -1) pairs, both relative
     * to the change's first line.
     */
    static List<int[]> align(List<String> oldBodies, List<String> newBodies) {
        int n = oldBodies.size();
        int m = newBodies.size();
        if (n == 0 || m == 0 || n == 1 && m == 1 || (long) n * m > MAX_CELLS) {
            return zip(0, n, 0, m, new ArrayList<>());
        }
        int[][] a = new int[n][];
        int[][] b = new int[m][];
        for (int i = 0; i < n; i++) {
            a[i] = bigrams(oldBodies.get(i));
        }
        for (int j = 0; j < m; j++) {
            b[j] = bigrams(newBodies.get(j));
        }
        double[][] score = new double[n + 1][m + 1];
        boolean[][] paired = new boolean[n + 1][m + 1];
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                double best = Math.max(score[i - 1][j], score[i][j - 1]);
                double s = dice(a[i - 1], b[j - 1]);
                if (s >= SIMILAR && score[i - 1][j - 1] + s > best) {
                    best = score[i - 1][j - 1] + s;
                    paired[i][j] = true;
                }
                score[i][j] = best;
            }
        }
        List<int[]> pairs = new ArrayList<>();
        int i = n;
        int j = m;
        while (i > 0 && j > 0) {
            if (paired[i][j]) {
                pairs.add(new int[] {i - 1, j - 1});
                i--;
                j--;
            } else if (score[i - 1][j] >= score[i][j - 1]) {
                i--;
            } else {
                j--;
            }
        }
        java.util.Collections.reverse(pairs);
        List<int[]> rows = new ArrayList<>();
        int oi = 0;
        int nj = 0;
        for (int[] p : pairs) {
            zip(oi, p[0], nj, p[1], rows);
            rows.add(p);
            oi = p[0] + 1;
            nj = p[1] + 1;
        }
        return zip(oi, n, nj, m, rows);
    }

    /** Old [i, iEnd) beside new [j, jEnd), first with first. */
    private static List<int[]> zip(int i, int iEnd, int j, int jEnd, List<int[]> rows) {
        while (i < iEnd || j < jEnd) {
            rows.add(new int[] {i < iEnd ? i++ : -1, j < jEnd ? j++ : -1});
        }
        return rows;
    }

    /** Sorted character bigrams of the line without whitespace. */
    private static int[] bigrams(String s) {
        String t = TextLines.withoutWhitespace(s);
        if (t.length() < 2) {
            return t.isEmpty() ? new int[0] : new int[] {t.charAt(0)};
        }
        int[] out = new int[t.length() - 1];
        for (int k = 0; k < out.length; k++) {
            out[k] = t.charAt(k) << 16 | t.charAt(k + 1);
        }
        Arrays.sort(out);
        return out;
    }

    private static double dice(int[] x, int[] y) {
        if (x.length == 0 && y.length == 0) {
            return 1;
        }
        int common = 0;
        int i = 0;
        int j = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                common++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return 2.0 * common / (x.length + y.length);
    }
}
