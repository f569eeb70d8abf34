package com.warden.app.sessions;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The memory prelude of a session in seed 000's format, its real token count (jtokkit,
 * cl100k_base), and with a budget what was kept and what was dropped, in the stated order.
 * The per-part token counts are computed on first use of {@link #parts()} (the text's own
 * count never waits for them). Immutable and thread-safe.
 */
public final class Prelude {

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

    private final UUID sessionId;
    private final String text;
    private final int tokenCount;
    private final Integer budget;
    private final int fullTokenCount;
    private final boolean withinBudget;
    private final String encoding;
    private final Supplier<List<PreludePart>> partsSupplier;
    private volatile List<PreludePart> parts;

    Prelude(UUID sessionId, String text, int tokenCount, Integer budget, int fullTokenCount, boolean withinBudget,
            Supplier<List<PreludePart>> parts, String encoding) {
        this.sessionId = sessionId;
        this.text = text;
        this.tokenCount = tokenCount;
        this.budget = budget;
        this.fullTokenCount = fullTokenCount;
        this.withinBudget = withinBudget;
        this.partsSupplier = parts;
        this.encoding = encoding;
    }

    public UUID sessionId() {
        return sessionId;
    }

    /** The prelude as the agent would get it. */
    public String text() {
        return text;
    }

    /** Real tokens of {@link #text()}. */
    public int tokenCount() {
        return tokenCount;
    }

    /** The budget asked for, or null. */
    public Integer budget() {
        return budget;
    }

    /** Tokens with nothing dropped. */
    public int fullTokenCount() {
        return fullTokenCount;
    }

    /** False only when even the Session and App lines exceed the budget. */
    public boolean withinBudget() {
        return withinBudget;
    }

    public String encoding() {
        return encoding;
    }

    /** Every part in print order, kept or not, each with its own token count. */
    public List<PreludePart> parts() {
        List<PreludePart> p = parts;
        if (p == null) {
            synchronized (this) {
                p = parts;
                if (p == null) {
                    p = List.copyOf(partsSupplier.get());
                    parts = p;
                }
            }
        }
        return p;
    }

    public List<PreludePart> keptParts() {
        return parts().stream().filter(PreludePart::kept).toList();
    }

    /** The dropped parts in the order they were dropped. */
    public List<PreludePart> droppedParts() {
        return parts().stream().filter(x -> !x.kept()).sorted(Comparator.comparingInt(PreludePart::dropRank)).toList();
    }

    @Override
    public String toString() {
        return "Prelude[" + sessionId + ", " + tokenCount + " tokens]";
    }
}
