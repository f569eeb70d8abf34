package com.warden.app.sessions;

import java.time.Instant;
import java.util.UUID;

/** One line of the session list, and the head of a session's detail. */
public record SessionRow(
        UUID id,
        String title,
        String status,
        UUID userId,
        String userEmail,
        String userName,
        UUID appId,
        String appName,
        long messageCount,
        long totalTokens,
        Instant createdAt,
        Instant lastActivityAt) {

    public SessionCursor cursor() {
        return new SessionCursor(lastActivityAt, id);
    }
}
