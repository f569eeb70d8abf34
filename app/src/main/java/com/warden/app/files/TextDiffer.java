package com.warden.app.files;

import com.github.difflib.algorithm.Change;
import com.github.difflib.algorithm.DiffAlgorithmListener;
import com.github.difflib.algorithm.myers.MyersDiff;
import com.warden.app.job.JobContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Line diff of two texts with java-diff-utils' Myers algorithm, prepared the way GNU diff does:
 * common head and tail are cut off first, and lines that occur on one side only are set aside
 * (they can never match, so the longest common subsequence is unchanged) before Myers runs on
 * the rest. Insertions and deletions are then slid down as far as they go, like diff and git, so
 * an added block ends on its own closing line. A diff whose cost would exceed the budget is
 * simplified to one change over the region that could not be matched: still exact as a patch,
 * flagged as approximate. Cancellable between Myers steps through the job.
 */
public final class TextDiffer {
    /** Myers work (edit distance times remaining lines) allowed before the diff is simplified. */
    static final long DEFAULT_BUDGET = 400_000_000L;

    private TextDiffer() { }

    public static TextDiff diff(String oldText, String newText, DiffOptions options) {
        return diff(oldText, newText, options, JobContext.none());
    }

    public static TextDiff diff(String oldText, String newText, DiffOptions options, JobContext job) {
        return diff(oldText, newText, options, job, DEFAULT_BUDGET);
    }

    static TextDiff diff(String oldText, String newText, DiffOptions options, JobContext job, long budget) {
        List<String> a = TextLines.split(oldText == null ? "" : oldText);
        List<String> b = TextLines.split(newText == null ? "" : newText);
        Map<String, Integer> ids = new HashMap<>(Math.max(16, (a.size() + b.size()) * 2));
        int[] x = ids(a, ids, options.ignoreWhitespace());
        int[] y = ids(b, ids, options.ignoreWhitespace());
        boolean[] approximate = {false};
        List<DiffBlock> blocks = slide(blocks(x, y, job, budget, approximate), x, y);
        return new TextDiff(a, b, blocks, options, approximate[0]);
    }

    private static int[] ids(List<String> lines, Map<String, Integer> ids, boolean ignoreWhitespace) {
        int[] out = new int[lines.size()];
        for (int i = 0; i < out.length; i++) {
            String key = ignoreWhitespace ? TextLines.withoutWhitespace(lines.get(i)) : lines.get(i);
            Integer id = ids.get(key);
            if (id == null) {
                id = ids.size();
                ids.put(key, id);
            }
            out[i] = id;
        }
        return out;
    }

    private static List<DiffBlock> blocks(int[] x, int[] y, JobContext job, long budget, boolean[] approximate) {
        int head = 0;
        while (head < x.length && head < y.length && x[head] == y[head]) {
            head++;
        }
        int tail = 0;
        while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] == y[y.length - 1 - tail]) {
            tail++;
        }
        int xEnd = x.length - tail;
        int yEnd = y.length - tail;
        if (head == xEnd && head == yEnd) {
            return List.of();
        }
        if (head == xEnd || head == yEnd) {
            return List.of(new DiffBlock(head, xEnd, head, yEnd));
        }
        // set aside lines that occur on one side only: they are changes whatever else happens
        Map<Integer, int[]> counts = new HashMap<>();
        for (int i = head; i < xEnd; i++) {
            counts.computeIfAbsent(x[i], k -> new int[2])[0]++;
        }
        for (int j = head; j < yEnd; j++) {
            counts.computeIfAbsent(y[j], k -> new int[2])[1]++;
        }
        int[] keptX = kept(x, head, xEnd, counts, 1);
        int[] keptY = kept(y, head, yEnd, counts, 0);
        List<int[]> matches = new ArrayList<>();
        if (keptX.length > 0 && keptY.length > 0) {
            matches = myersMatches(x, keptX, y, keptY, job, budget, approximate);
        }
        // changes are the gaps between matched pairs
        List<DiffBlock> blocks = new ArrayList<>();
        int i = head;
        int j = head;
        for (int[] m : matches) {
            if (m[0] > i || m[1] > j) {
                blocks.add(new DiffBlock(i, m[0], j, m[1]));
            }
            i = m[0] + 1;
            j = m[1] + 1;
        }
        if (i < xEnd || j < yEnd) {
            blocks.add(new DiffBlock(i, xEnd, j, yEnd));
        }
        return blocks;
    }

    /** Indices in [from, to) whose line also occurs on the other side. */
    private static int[] kept(int[] lines, int from, int to, Map<Integer, int[]> counts, int otherSide) {
        int[] out = new int[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            if (counts.get(lines[i])[otherSide] > 0) {
                out[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Myers over the kept lines; returns matched (old index, new index) pairs in order. */
    private static List<int[]> myersMatches(int[] x, int[] keptX, int[] y, int[] keptY, JobContext job, long budget,
                                            boolean[] approximate) {
        List<Integer> rx = new ArrayList<>(keptX.length);
        for (int i : keptX) {
            rx.add(x[i]);
        }
        List<Integer> ry = new ArrayList<>(keptY.length);
        for (int j : keptY) {
            ry.add(y[j]);
        }
        long size = rx.size() + (long) ry.size();
        DiffAlgorithmListener listener = new DiffAlgorithmListener() {
            @Override public void diffStart() { }

            @Override
            public void diffStep(int value, int max) {
                if ((value & 63) == 0) {
                    job.checkCancelled();
                }
                if ((long) value * size > budget) {
                    throw new TooExpensive();
                }
            }

            @Override public void diffEnd() { }
        };
        List<Change> changes;
        try {
            changes = new MyersDiff<Integer>(Integer::equals).computeDiff(rx, ry, listener);
        } catch (TooExpensive e) {
            approximate[0] = true;
            return List.of();
        }
        // java-diff-utils returns the changes from the end backwards
        changes = new ArrayList<>(changes);
        changes.sort(java.util.Comparator.comparingInt(c -> c.startOriginal));
        List<int[]> matches = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (Change c : changes) {
            while (i < c.startOriginal) {
                matches.add(new int[] {keptX[i++], keptY[j++]});
            }
            i = c.endOriginal;
            j = c.endRevised;
        }
        while (i < rx.size()) {
            matches.add(new int[] {keptX[i++], keptY[j++]});
        }
        return matches;
    }

    /**
     * Slides pure insertions and deletions down while the line after the block equals its first
     * line, merging with the next block when they meet.
     */
    private static List<DiffBlock> slide(List<DiffBlock> blocks, int[] x, int[] y) {
        List<DiffBlock> in = new ArrayList<>(blocks);
        List<DiffBlock> out = new ArrayList<>(in.size());
        for (int k = 0; k < in.size(); k++) {
            DiffBlock b = in.get(k);
            int nextOld = k + 1 < in.size() ? in.get(k + 1).oldStart() : x.length;
            int nextNew = k + 1 < in.size() ? in.get(k + 1).newStart() : y.length;
            int os = b.oldStart();
            int oe = b.oldEnd();
            int ns = b.newStart();
            int ne = b.newEnd();
            if (os == oe) {
                while (ne < nextNew && oe < nextOld && y[ns] == y[ne]) {
                    ns++;
                    ne++;
                    os++;
                    oe++;
                }
            } else if (ns == ne) {
                while (oe < nextOld && ne < nextNew && x[os] == x[oe]) {
                    os++;
                    oe++;
                    ns++;
                    ne++;
                }
            }
            DiffBlock moved = new DiffBlock(os, oe, ns, ne);
            if (k + 1 < in.size() && oe == nextOld && ne == nextNew) {
                DiffBlock next = in.get(k + 1);
                in.set(k + 1, new DiffBlock(os, next.oldEnd(), ns, next.newEnd()));
            } else {
                out.add(moved);
            }
        }
        return out;
    }

    private static final class TooExpensive extends RuntimeException {
        TooExpensive() {
            super(null, null, false, false);
        }
    }
}
