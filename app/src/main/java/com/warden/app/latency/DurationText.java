package com.warden.app.latency;

import com.warden.app.WardenException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations and worker lists as people type them: "30s", "5m", "500ms", "1,5,10,25,50". */
public final class DurationText {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)?");

    private DurationText() { }

    /** "30s", "5m", "500ms", "1h", or a plain number of seconds; {@code what} names the field in the error. */
    public static Duration parse(String text, String what) {
        Matcher m = DURATION.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new WardenException(what + " '" + text + "' is not a duration.", "write e.g. 30s, 5m or 500ms");
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> v;
            case "m", "min" -> v * 60_000;
            case "h" -> v * 3_600_000;
            default -> v * 1000;
        };
        if (millis < 1) {
            throw new WardenException(what + " must be longer than zero.", "write e.g. 30s");
        }
        return Duration.ofMillis((long) millis);
    }

    /** "1,5,10,25,50" → [1, 5, 10, 25, 50]. */
    public static List<Integer> workers(String text) {
        List<Integer> out = new ArrayList<>();
        for (String part : (text == null ? "" : text).split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                int n = Integer.parseInt(part.trim());
                if (n < 1 || n > 500) {
                    throw new NumberFormatException();
                }
                out.add(n);
            } catch (NumberFormatException e) {
                throw new WardenException("Workers '" + part.trim() + "' is not a count between 1 and 500.",
                        "write worker counts separated by commas, e.g. 1,5,10,25,50");
            }
        }
        if (out.isEmpty()) {
            throw new WardenException("Give at least one worker count.", "e.g. 1,5,10,25,50");
        }
        return out;
    }
}
