package com.warden.app.sessions;

import java.time.Instant;
import java.util.UUID;

/** A decision recorded in core.events (kind 'decision'): its summary, rationale and raw payload. */
public record Decision(UUID id, String summary, String rationale, String payloadJson, Instant createdAt) {
}
