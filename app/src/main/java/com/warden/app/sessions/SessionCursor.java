package com.warden.app.sessions;

import com.warden.app.WardenException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Keyset position in the session list: the last row's (last_activity_at, id). The list is
 * ordered by both descending, so the next page is every row strictly below this pair.
 */
public record SessionCursor(Instant lastActivityAt, UUID id) {

    /** A token for the command line: {@code id@timestamp}. */
    public String encode() {
        return id + "@" + lastActivityAt;
    }

    public static SessionCursor decode(String token) {
        int at = token == null ? -1 : token.indexOf('@');
        if (at < 0) {
            throw new WardenException("'" + token + "' is not a page cursor.", "copy the cursor printed after the previous page");
        }
        try {
            return new SessionCursor(Instant.parse(token.substring(at + 1).strip()), SessionIds.parse(token.substring(0, at)));
        } catch (DateTimeParseException | WardenException e) {
            throw new WardenException("'" + token + "' is not a page cursor.", "copy the cursor printed after the previous page", e);
        }
    }
}
