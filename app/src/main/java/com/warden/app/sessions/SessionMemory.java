package com.warden.app.sessions;

import java.time.Instant;
import java.util.List;

/**
 * The memory row of a session. {@code present} is false when the session has no memory row
 * at all (an empty state, not an error); the lists are then empty.
 */
public record SessionMemory(boolean present, String rollingSummary, List<KeyFact> keyFacts, List<String> constraints,
                            String keyFactsJson, String constraintsJson, Instant updatedAt) {
    public SessionMemory {
        rollingSummary = rollingSummary == null ? "" : rollingSummary;
        keyFacts = List.copyOf(keyFacts);
        constraints = List.copyOf(constraints);
    }

    public static SessionMemory absent() {
        return new SessionMemory(false, "", List.of(), List.of(), "{}", "[]", null);
    }

    public boolean isEmpty() {
        return rollingSummary.isBlank() && keyFacts.isEmpty() && constraints.isEmpty();
    }
}
