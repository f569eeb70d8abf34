package com.warden.app.sessions;

import java.time.Instant;

/** A session as opened: its list row, when it was last updated, and its memory. */
public record SessionDetail(SessionRow session, Instant updatedAt, SessionMemory memory) {
}
