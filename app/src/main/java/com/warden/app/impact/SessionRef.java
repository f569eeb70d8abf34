package com.warden.app.impact;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A session of an app, for the "what did this session's changes reach" picker. */
public record SessionRef(UUID id, String title, OffsetDateTime lastActivity) { }
