package com.warden.app.sessions;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/** Keyset position in a session's timeline: (created_at, id), the order of the timeline index. */
public record MessageCursor(Instant createdAt, UUID id) implements Comparable<MessageCursor> {
    /** The smallest id, to start "everything after this instant". */
    static final UUID MIN_ID = new UUID(0, 0);

    private static final Comparator<MessageCursor> ORDER = Comparator.comparing(MessageCursor::createdAt)
            .thenComparing(c -> c.id().toString());

    /**
     * Compares like PostgreSQL compares (created_at, id): uuid is ordered by its bytes, which the
     * canonical lower-case text form preserves (java.util.UUID's own compareTo is signed and does not).
     */
    @Override
    public int compareTo(MessageCursor other) {
        return ORDER.compare(this, other);
    }
}
