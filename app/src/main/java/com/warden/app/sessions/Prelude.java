package com.warden.app.sessions;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The memory prelude of a session in seed 000's format, its real token count (jtokkit,
 * cl100k_base), and with a budget what was kept and what was dropped, in the stated order.
 *
 * @param fullTokenCount the count with nothing dropped
 * @param withinBudget   false only when even the header alone exceeds the budget
 */
public record Prelude(UUID sessionId, String text, int tokenCount, Integer budget, int fullTokenCount,
                      boolean withinBudget, List<PreludePart> parts, String encoding) {

    /**
     * What goes first when the prelude is over budget. The same sentences are shown in the UI
     * and in docs/sessions.md.
     */
    public static final List<String> DROP_ORDER = List.of(
            "recent decisions, oldest first (only when decisions are included)",
            "summary sentences, earliest first (the latest sentence goes last)",
            "pinned files pinned by the agent, latest pin first",
            "pinned files pinned by a user, latest pin first",
            "key facts, last listed first",
            "constraints, last listed first");

    /** Never dropped. */
    public static final String ALWAYS_KEPT = "the Session and App lines";

    public Prelude {
        parts = List.copyOf(parts);
    }

    public List<PreludePart> keptParts() {
        return parts.stream().filter(PreludePart::kept).toList();
    }

    /** The dropped parts in the order they were dropped. */
    public List<PreludePart> droppedParts() {
        return parts.stream().filter(p -> !p.kept()).sorted(Comparator.comparingInt(PreludePart::dropRank)).toList();
    }
}
