package com.warden.app.sessions;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits message content into prose and fenced code blocks (```lang ... ```), so the screen can
 * set code in monospace. An unclosed fence runs to the end (a cut preview often ends inside one).
 */
public final class MessageText {

    /** A run of prose or of code; {@code language} is the fence's info string (may be empty). */
    public record Segment(boolean code, String language, String text) { }

    private MessageText() { }

    public static List<Segment> segments(String content) {
        List<Segment> out = new ArrayList<>();
        if (content == null || content.isEmpty()) {
            return out;
        }
        List<String> lines = new ArrayList<>();
        boolean inCode = false;
        String fence = null;
        String language = "";
        for (String line : content.split("\n", -1)) {
            String trimmed = line.strip();
            if (!inCode && (trimmed.startsWith("```") || trimmed.startsWith("~~~"))) {
                add(out, lines, false, "");
                fence = trimmed.substring(0, 3);
                language = trimmed.substring(3).strip();
                inCode = true;
            } else if (inCode && trimmed.startsWith(fence) && trimmed.substring(3).isBlank()) {
                add(out, lines, true, language);
                inCode = false;
            } else {
                lines.add(line);
            }
        }
        add(out, lines, inCode, inCode ? language : "");
        return out;
    }

    private static void add(List<Segment> out, List<String> lines, boolean code, String language) {
        String text = String.join("\n", lines);
        lines.clear();
        if (!code) {
            text = text.strip();
            if (text.isEmpty()) {
                return;
            }
        }
        out.add(new Segment(code, language, text));
    }
}
