package com.warden.app.sessions;

import com.warden.app.WardenException;
import java.util.UUID;
import java.util.regex.Pattern;

/** Session ids as people type them: a UUID, with or without hyphens, any case, trimmed. */
public final class SessionIds {
    private static final Pattern HYPHENATED =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern PLAIN = Pattern.compile("[0-9a-fA-F]{32}");

    private SessionIds() { }

    /** The id, or a clear WardenException saying what a session id looks like. */
    public static UUID parse(String text) {
        if (text == null || text.isBlank()) {
            throw new WardenException("No session id given.", "'warden sessions' lists the sessions with their ids");
        }
        String t = text.strip();
        if (PLAIN.matcher(t).matches()) {
            t = t.substring(0, 8) + "-" + t.substring(8, 12) + "-" + t.substring(12, 16) + "-" + t.substring(16, 20)
                    + "-" + t.substring(20);
        }
        if (!HYPHENATED.matcher(t).matches()) {
            String shown = t.length() > 60 ? t.substring(0, 57) + "..." : t;
            throw new WardenException("'" + shown + "' is not a session id.",
                    "a session id is a UUID such as 3f2b8c1e-9d4a-4c3e-8f00-1a2b3c4d5e6f; 'warden sessions' lists them");
        }
        return UUID.fromString(t);
    }

    /** Short form for titles and logs: the first 8 hex digits. */
    public static String shortForm(UUID id) {
        return id.toString().substring(0, 8);
    }
}
