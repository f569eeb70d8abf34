package com.warden.app.sessions;

import java.time.Instant;
import java.util.UUID;

/**
 * A pinned file of a session, with the file as it is now. {@code historyLink} is where the
 * file's history lives: {@code warden://files/<app id>/<file id>} (the files screen opens it).
 */
public record WorkingSetEntry(UUID fileId, UUID appId, String path, String reason, String pinnedBy, Instant pinnedAt,
                              long sizeBytes, boolean binary, String mimeType, Integer headVersion, Instant fileUpdatedAt) {

    public String historyLink() {
        return "warden://files/" + appId + "/" + fileId;
    }
}
