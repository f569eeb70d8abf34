package com.warden.app.files;

import com.warden.app.connect.Database;
import com.warden.app.job.JobContext;
import com.warden.app.text.Tokens;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Seed 000 claims "80% fewer tokens" for a unified diff against the whole file. This measures it
 * over every consecutive pair of text versions (v1→v2, v2→v3, ...) of every file, or of one
 * app's files: tokens of the new version against tokens of the unified diff, at each of the
 * given context sizes. Versions are streamed with a cursor, so scale M does not fill memory.
 */
public final class TokenSurvey {
    private final Database db;

    public TokenSurvey(Database db) {
        this.db = db;
    }

    /** The figures for one context size. Percentiles are of the per-pair saving. */
    public record Report(int context, int files, int pairs, long fullTokens, long diffTokens, double overallSavedPercent,
                         double medianSavedPercent, double p10SavedPercent, double p90SavedPercent, int pairsWhereDiffCostsMore) { }

    public List<Report> run(UUID appId, int[] contexts, JobContext job) {
        int n = contexts.length;
        long[] full = new long[n];
        long[] diff = new long[n];
        int[] worse = new int[n];
        List<List<Double>> savings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            savings.add(new ArrayList<>());
        }
        int[] files = {0};
        int[] pairs = {0};
        long total = db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT count(*) FROM core.file_versions v JOIN core.files f ON f.id = v.file_id
                     WHERE v.content IS NOT NULL AND (?::uuid IS NULL OR f.app_id = ?::uuid)""")) {
                ps.setObject(1, appId);
                ps.setObject(2, appId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        db.withConnection(c -> {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // a cursor: rows arrive in batches
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT v.file_id, v.content, f.path FROM core.file_versions v JOIN core.files f ON f.id = v.file_id
                     WHERE v.content IS NOT NULL AND (?::uuid IS NULL OR f.app_id = ?::uuid)
                     ORDER BY v.file_id, v.version""")) {
                ps.setFetchSize(500);
                ps.setObject(1, appId);
                ps.setObject(2, appId);
                job.onCancel(() -> {
                    try {
                        ps.cancel();
                    } catch (java.sql.SQLException ignored) {
                        // finished already
                    }
                });
                UUID previousFile = null;
                String previous = null;
                long seen = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        job.checkCancelled();
                        UUID file = rs.getObject(1, UUID.class);
                        String content = rs.getString(2);
                        String path = rs.getString(3);
                        if (file.equals(previousFile)) {
                            int fullTokens = Tokens.count(content);
                            TextDiff d = TextDiffer.diff(previous, content, DiffOptions.DEFAULT.withContext(contexts[0]), job);
                            pairs[0]++;
                            for (int i = 0; i < n; i++) {
                                int diffTokens = Tokens.count((i == 0 ? d : d.withContext(contexts[i])).unified(path, path));
                                full[i] += fullTokens;
                                diff[i] += diffTokens;
                                if (diffTokens > fullTokens) {
                                    worse[i]++;
                                }
                                savings.get(i).add(new TokenSavings(fullTokens, diffTokens).savedPercent());
                            }
                        } else {
                            files[0]++;
                        }
                        previousFile = file;
                        previous = content;
                        if (++seen % 500 == 0) {
                            job.progress(seen, total, "Measured " + seen + " of " + total + " versions");
                        }
                    }
                }
                c.commit();
            } finally {
                c.setAutoCommit(autoCommit);
            }
            return null;
        });
        List<Report> reports = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] s = savings.get(i).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            reports.add(new Report(contexts[i], files[0], pairs[0], full[i], diff[i],
                    full[i] == 0 ? 0 : 100.0 * (full[i] - diff[i]) / full[i],
                    percentile(s, 50), percentile(s, 10), percentile(s, 90), worse[i]));
        }
        return reports;
    }

    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
