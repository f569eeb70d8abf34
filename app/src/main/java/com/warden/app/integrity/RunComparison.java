package com.warden.app.integrity;

import com.warden.app.report.Finding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * This run against the last finished one on the same target: what is new, what is gone.
 *
 * @param previousRunId null when there is no earlier run to compare with
 * @param previousAt    when the earlier run started
 * @param added         findings this run has and the last did not
 * @param gone          findings the last run had and this one does not
 * @param unchanged     findings both have
 */
public record RunComparison(String previousRunId, Instant previousAt, List<Finding> added, List<Finding> gone, int unchanged) {

    public RunComparison {
        added = added == null ? List.of() : List.copyOf(added);
        gone = gone == null ? List.of() : List.copyOf(gone);
    }

    public static RunComparison first() {
        return new RunComparison(null, null, List.of(), List.of(), 0);
    }

    public static RunComparison of(IntegrityReport previous, IntegrityReport current) {
        if (previous == null) {
            return first();
        }
        Map<String, Finding> before = new HashMap<>();
        previous.findings().forEach(f -> before.put(f.key(), f));
        List<Finding> added = new ArrayList<>();
        int unchanged = 0;
        for (Finding f : current.findings()) {
            if (before.remove(f.key()) == null) {
                added.add(f);
            } else {
                unchanged++;
            }
        }
        List<Finding> gone = new ArrayList<>(before.values());
        gone.sort(Finding.ORDER);
        return new RunComparison(previous.runId(), previous.startedAt(), added, gone, unchanged);
    }

    public boolean hasPrevious() {
        return previousRunId != null;
    }

    /** "3 new findings, 1 gone since …", or what stands in for it. */
    public String summary() {
        if (!hasPrevious()) {
            return "First run on this database: nothing to compare with yet.";
        }
        String when = previousAt == null ? "the last run" : "the last run (" + previousAt.toString().replace('T', ' ')
                .replaceAll("\\.\\d+Z$", "Z") + ")";
        if (added.isEmpty() && gone.isEmpty()) {
            return "No change since " + when + (unchanged == 0 ? "." : ": the same " + plural(unchanged, "finding") + ".");
        }
        return plural(added.size(), "new finding") + ", " + gone.size() + " gone since " + when + ".";
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
