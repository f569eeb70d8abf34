package com.warden.app.impact;

import com.warden.app.WardenException;
import java.util.UUID;
import java.util.regex.Pattern;

/** Text to UUID without exceptions as control flow. */
final class Uuids {
    private static final Pattern SHAPE = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() { }

    static UUID parseOrNull(String text) {
        String t = text == null ? "" : text.trim();
        return SHAPE.matcher(t).matches() ? UUID.fromString(t) : null;
    }

    static UUID parse(String text, String what) {
        UUID id = parseOrNull(text);
        if (id == null) {
            throw new WardenException("'" + text + "' is not a " + what + " id.", "ids look like 1b4e28ba-2fa1-11d2-883f-0016d3cca427");
        }
        return id;
    }
}
