package com.warden.app.files;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A session with the time range of its messages (null bounds when it has none). */
public record SessionSpan(UUID id, String title, String status, OffsetDateTime firstMessage, OffsetDateTime lastMessage,
                          int messages) { }
