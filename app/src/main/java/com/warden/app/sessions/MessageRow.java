package com.warden.app.sessions;

import java.time.Instant;
import java.util.UUID;

/**
 * One message of a timeline. {@code content} is at most the browser's preview length;
 * {@code truncated} says there is more ({@code contentBytes} in all), fetched on "show all".
 */
public record MessageRow(UUID id, String role, String model, int tokenCount, Instant createdAt,
                         String content, long contentBytes, boolean truncated) {

    public MessageCursor cursor() {
        return new MessageCursor(createdAt, id);
    }
}
