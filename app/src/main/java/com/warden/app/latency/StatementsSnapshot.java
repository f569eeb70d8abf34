package com.warden.app.latency;

import java.time.Instant;
import java.util.List;

/**
 * What the statements panel shows: the top statements by total and by mean time, with their
 * rates since the previous sample; or why there is nothing to show and how to fix it.
 *
 * @param available      pg_stat_statements could be read
 * @param problem        when not available: what is missing (one line)
 * @param howToEnable    when not available: what to run
 * @param intervalSeconds seconds since the previous sample (0 on the first)
 * @param resetDetected  the statistics were reset since the previous sample: rates start over
 * @param statsReset     when they were last reset, if the server says (PostgreSQL 14+)
 * @param byRecent       the statements that took the most time since the previous sample
 * @param partialNote    set when query texts of other roles are hidden
 */
public record StatementsSnapshot(Instant at, boolean available, String problem, String howToEnable, double intervalSeconds,
                                 boolean resetDetected, Instant statsReset, List<StatementRow> byTotal,
                                 List<StatementRow> byMean, List<StatementRow> byRecent, String partialNote) {
    public StatementsSnapshot {
        byTotal = List.copyOf(byTotal);
        byMean = List.copyOf(byMean);
        byRecent = List.copyOf(byRecent);
        partialNote = partialNote == null ? "" : partialNote;
    }

    public static StatementsSnapshot unavailable(Instant at, StatementsAvailability a) {
        return new StatementsSnapshot(at, false, a.problem(), a.howToEnable(), 0, false, null, List.of(), List.of(), List.of(), "");
    }
}
