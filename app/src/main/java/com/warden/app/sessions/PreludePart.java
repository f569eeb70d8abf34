package com.warden.app.sessions;

/**
 * One droppable piece of the prelude (a summary sentence, a pinned file, a key fact, a
 * constraint, a decision) or the fixed header. {@code tokens} is the piece's own count;
 * {@code dropRank} is its place in the drop order (1 goes first; 0 = never dropped).
 */
public record PreludePart(Section section, String text, int tokens, boolean kept, int dropRank) {

    public enum Section {
        HEADER(null), SUMMARY("Summary"), PINNED_FILE("Pinned Files"), KEY_FACT("Key Facts"),
        CONSTRAINT("Constraints"), DECISION("Recent Decisions");

        private final String heading;

        Section(String heading) {
            this.heading = heading;
        }

        /** The heading in the prelude text ("Pinned Files"); null for the header lines. */
        public String heading() {
            return heading;
        }
    }
}
