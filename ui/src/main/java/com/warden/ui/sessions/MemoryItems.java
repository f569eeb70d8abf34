package com.warden.ui.sessions;

/** The memory panel's rows, as the view shows them. */
public final class MemoryItems {
    private MemoryItems() { }

    /** A key fact: label and value. */
    public record Fact(String label, String value) { }

    /** A decision: what, why, when. */
    public record DecisionItem(String summary, String rationale, String when) { }

    /** A pinned file of the working set. */
    public record FileItem(String path, String reason, String pinnedBy, String size, String headVersion, String pinnedAt,
                           String historyLink) { }

    /**
     * A part of the prelude: its section, text, tokens, kept or dropped, and its place in the drop
     * order (0: never dropped).
     */
    public record PartItem(String section, String sectionKey, String text, int tokens, boolean kept, int dropRank) {
        public String dropRankText() {
            return dropRank == 0 ? "never" : String.valueOf(dropRank);
        }

        public String state() {
            return kept ? "kept" : "dropped";
        }
    }

    /** A find hit: where and a snippet. */
    public record HitItem(String when, String role, String snippet) { }
}
