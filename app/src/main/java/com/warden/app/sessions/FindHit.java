package com.warden.app.sessions;

import java.time.Instant;
import java.util.UUID;

/** A message that contains the text looked for, with a snippet around the first occurrence. */
public record FindHit(UUID messageId, Instant createdAt, String role, String snippet) {
    public MessageCursor cursor() {
        return new MessageCursor(createdAt, messageId);
    }
}
