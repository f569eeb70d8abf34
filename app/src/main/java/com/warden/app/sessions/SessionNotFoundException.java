package com.warden.app.sessions;

import com.warden.app.WardenException;
import java.util.UUID;

/**
 * The session is not there: never existed, was deleted while open, or is hidden from the user
 * being viewed as. One sentence either way; the screen keeps what it had and says so.
 */
public final class SessionNotFoundException extends WardenException {
    private final UUID sessionId;

    public SessionNotFoundException(UUID sessionId, String viewedAs) {
        super(viewedAs == null
                        ? "No session with id " + sessionId + " (it may have been deleted)."
                        : "No session with id " + sessionId + " is visible to " + viewedAs + ".",
                viewedAs == null
                        ? "'warden sessions' lists the sessions with their ids"
                        : "row-level security hides it from that user, or it was deleted");
        this.sessionId = sessionId;
    }

    public UUID sessionId() {
        return sessionId;
    }
}
