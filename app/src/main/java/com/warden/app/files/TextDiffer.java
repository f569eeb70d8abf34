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
 * Line diff of two texts with java-diff-utils' Myers algorithm, prepared the way GNU diff and git
 * do: common head and tail are cut off; a big region is first cut at its anchors, lines that occur
 * exactly once on each side and stay in order (patience diff), so Myers runs on the short
 * stretches between them; in each stretch, lines that occur on one side only are set aside (they
 * can never match) before Myers runs on the rest. Insertions and deletions are then slid down as
 * far as they go, like diff and git, so an added block ends on its own closing line. Work beyond
 * the budget is simplified to one change over what is left unmatched: still exact as a patch,
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
        Work work = new Work(x, y, ids.size(), job, budget);
        work.anchored(0, x.length, 0, y.length);
        return new TextDiff(a, b, slide(work.blocks(), x, y), options, work.approximate);
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

    /** Regions at least this big (old + new lines) are first cut at lines unique on both sides. */
    private static final int ANCHOR_THRESHOLD = 2_000;

    /** One diff in progress: the two id sequences, matched pairs found so far (in order), the work budget left. */
    private static final class Work {
        final int[] x;
        final int[] y;
        final int[] countX;
        final int[] countY;
        final int[] where;
        final JobContext job;
        long budgetLeft;
        boolean approximate;
        final List<int[]> matches = new ArrayList<>();

        Work(int[] x, int[] y, int ids, JobContext job, long budget) {
            this.x = x;
            this.y = y;
            this.countX = new int[ids];
            this.countY = new int[ids];
            this.where = new int[ids];
            this.job = job;
            this.budgetLeft = budget;
        }

        /**
         * Matches of a region. A big region is first cut at its anchors, the lines that occur exactly
         * once on each side, kept in order on both (the longest increasing run, patience style), so
         * Myers runs on the small stretches between them; a small one goes to Myers directly.
         */
        void anchored(int xs, int xe, int ys, int ye) {
            while (xs < xe && ys < ye && x[xs] == y[ys]) {
                matches.add(new int[] {xs++, ys++});
            }
            List<int[]> tail = new ArrayList<>();
            while (xe > xs && ye > ys && x[xe - 1] == y[ye - 1]) {
                tail.add(new int[] {--xe, --ye});
            }
            if ((xe - xs) + (ye - ys) >= ANCHOR_THRESHOLD) {
                List<int[]> anchors = anchors(xs, xe, ys, ye);
                int i = xs;
                int j = ys;
                for (int[] anchor : anchors) {
                    region(i, anchor[0], j, anchor[1]);
                    matches.add(anchor);
                    i = anchor[0] + 1;
                    j = anchor[1] + 1;
                }
                region(i, xe, j, ye);
            } else {
                region(xs, xe, ys, ye);
            }
            for (int k = tail.size() - 1; k >= 0; k--) {
                matches.add(tail.get(k));
            }
        }

        private List<int[]> anchors(int xs, int xe, int ys, int ye) {
            for (int i = xs; i < xe; i++) {
                countX[x[i]]++;
            }
            for (int j = ys; j < ye; j++) {
                countY[y[j]]++;
                where[y[j]] = j;
            }
            List<int[]> candidates = new ArrayList<>();
            for (int i = xs; i < xe; i++) {
                int id = x[i];
                if (countX[id] == 1 && countY[id] == 1) {
                    candidates.add(new int[] {i, where[id]});
                }
            }
            for (int i = xs; i < xe; i++) {
                countX[x[i]] = 0;
            }
            for (int j = ys; j < ye; j++) {
                countY[y[j]] = 0;
            }
            return increasing(candidates);
        }

        /** The longest run of candidates (sorted by old index) whose new indices increase too. */
        private static List<int[]> increasing(List<int[]> candidates) {
            int n = candidates.size();
            int[] tails = new int[n];
            int[] previous = new int[n];
            int length = 0;
            for (int k = 0; k < n; k++) {
                int value = candidates.get(k)[1];
                int lo = 0;
                int hi = length;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (candidates.get(tails[mid])[1] < value) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                previous[k] = lo > 0 ? tails[lo - 1] : -1;
                tails[lo] = k;
                if (lo == length) {
                    length++;
                }
            }
            int[][] out = new int[length][];
            for (int k = length == 0 ? -1 : tails[length - 1], at = length - 1; k >= 0; k = previous[k], at--) {
                out[at] = candidates.get(k);
            }
            return java.util.Arrays.asList(out);
        }

        /** Matches of a region by Myers, after trimming and setting aside lines that occur on one side only. */
        void region(int xs, int xe, int ys, int ye) {
            while (xs < xe && ys < ye && x[xs] == y[ys]) {
                matches.add(new int[] {xs++, ys++});
            }
            List<int[]> tail = new ArrayList<>();
            while (xe > xs && ye > ys && x[xe - 1] == y[ye - 1]) {
                tail.add(new int[] {--xe, --ye});
            }
            if (xs < xe && ys < ye) {
                for (int i = xs; i < xe; i++) {
                    countX[x[i]]++;
                }
                for (int j = ys; j < ye; j++) {
                    countY[y[j]]++;
                }
                int[] keptX = kept(x, xs, xe, countY);
                int[] keptY = kept(y, ys, ye, countX);
                for (int i = xs; i < xe; i++) {
                    countX[x[i]] = 0;
                }
                for (int j = ys; j < ye; j++) {
                    countY[y[j]] = 0;
                }
                if (keptX.length > 0 && keptY.length > 0) {
                    myers(keptX, keptY);
                }
            }
            for (int k = tail.size() - 1; k >= 0; k--) {
                matches.add(tail.get(k));
            }
        }

        /** Indices in [from, to) whose line also occurs on the other side. */
        private static int[] kept(int[] lines, int from, int to, int[] otherCounts) {
            int[] out = new int[to - from];
            int n = 0;
            for (int i = from; i < to; i++) {
                if (otherCounts[lines[i]] > 0) {
                    out[n++] = i;
                }
            }
            return java.util.Arrays.copyOf(out, n);
        }

        /** java-diff-utils' Myers over the kept lines; adds the matched pairs in order. */
        private void myers(int[] keptX, int[] keptY) {
            if (approximate) {
                return; // over budget already: the rest stays one change per region
            }
            List<Integer> rx = new ArrayList<>(keptX.length);
            for (int i : keptX) {
                rx.add(x[i]);
            }
            List<Integer> ry = new ArrayList<>(keptY.length);
            for (int j : keptY) {
                ry.add(y[j]);
            }
            long size = rx.size() + (long) ry.size();
            long[] spent = {0};
            DiffAlgorithmListener listener = new DiffAlgorithmListener() {
                @Override public void diffStart() { }

                @Override
                public void diffStep(int value, int max) {
                    if ((value & 63) == 0) {
                        job.checkCancelled();
                    }
                    spent[0] = (long) value * size;
                    if (spent[0] > budgetLeft) {
                        throw new TooExpensive();
                    }
                }

                @Override public void diffEnd() { }
            };
            List<Change> changes;
            try {
                changes = new MyersDiff<Integer>(Integer::equals).computeDiff(rx, ry, listener);
            } catch (TooExpensive e) {
                approximate = true;
                return;
            } finally {
                budgetLeft -= spent[0];
            }
            // java-diff-utils returns the changes from the end backwards
            changes = new ArrayList<>(changes);
            changes.sort(java.util.Comparator.comparingInt(c -> c.startOriginal));
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
        }

        /** Changes are the gaps between matched pairs. */
        List<DiffBlock> blocks() {
            List<DiffBlock> blocks = new ArrayList<>();
            int i = 0;
            int j = 0;
            for (int[] m : matches) {
                if (m[0] > i || m[1] > j) {
                    blocks.add(new DiffBlock(i, m[0], j, m[1]));
                }
                i = m[0] + 1;
                j = m[1] + 1;
            }
            if (i < x.length || j < y.length) {
                blocks.add(new DiffBlock(i, x.length, j, y.length));
            }
            return blocks;
        }
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
