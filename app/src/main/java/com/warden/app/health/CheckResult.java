package com.warden.app.health;

import java.util.List;

/**
 * One check's outcome: what was measured, against which limit, the verdict and how to fix it.
 *
 * @param id            stable key (e.g. {@code expected_indexes})
 * @param title         what a person reads in the list
 * @param category      server, indexes, cache, maintenance, sessions, storage, wal, extensions, project
 * @param status        the verdict
 * @param value         the measured value, formatted ("99.4%", "4 m 12 s")
 * @param threshold     the limit it was judged against, formatted, or empty
 * @param thresholdKey  the key of the editable threshold, or null
 * @param hint          how to fix it (empty when OK)
 * @param partial       true when missing privileges hid part of what the check looks at
 * @param partialReason which view was incomplete and which grant fixes it
 * @param details       supporting lines: the tables, sessions or indexes behind the value
 * @param weight        the check's weight in the score
 */
public record CheckResult(
        String id,
        String title,
        String category,
        CheckStatus status,
        String value,
        String threshold,
        String thresholdKey,
        String hint,
        boolean partial,
        String partialReason,
        List<String> details,
        double weight) {

    public CheckResult {
        value = value == null ? "" : value;
        threshold = threshold == null ? "" : threshold;
        hint = hint == null ? "" : hint;
        partialReason = partialReason == null ? "" : partialReason;
        details = details == null ? List.of() : List.copyOf(details);
    }
}
