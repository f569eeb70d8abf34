package com.warden.ui.sessions;

import com.warden.app.sessions.MessageRow;
import com.warden.app.sessions.MessageText;
import java.util.List;
import java.util.UUID;

/** One message of the timeline, as the view shows it: header facts and content in prose and code parts. */
public final class MessageItem {
    /** A run of prose or of code (monospace). */
    public record Part(boolean code, String language, String text) { }

    /** What one cell shows at most: a long message stays a readable height; "show all" has the rest. */
    static final int DISPLAY_CHARS = 3000;
    static final int DISPLAY_LINES = 30;

    private final MessageRow row;
    private List<Part> parts;
    private String display;

    MessageItem(MessageRow row) {
        this.row = row;
    }

    MessageRow row() {
        return row;
    }

    public UUID id() {
        return row.id();
    }

    public String role() {
        return row.role();
    }

    public String model() {
        return row.model() == null ? "" : row.model();
    }

    public int tokens() {
        return row.tokenCount();
    }

    public String time() {
        return Fmt.when(row.createdAt());
    }

    /** The (possibly cut) content, as loaded. */
    public String content() {
        return row.content();
    }

    /** The engine sent only the start of it (the message is longer than the page's preview). */
    public boolean truncated() {
        return row.truncated();
    }

    /** The cell shows less than the whole message. */
    public boolean cut() {
        return row.truncated() || displayText().length() < row.content().length();
    }

    /** "Showing 3,000 characters of 3.2 MB". */
    public String cutNote() {
        return "Showing " + Fmt.count(displayText().length()) + " characters of "
                + (row.truncated() ? Fmt.bytes(row.contentBytes()) : Fmt.count(row.content().length()));
    }

    /** The start of the content the cell shows: at most {@value DISPLAY_LINES} lines and {@value DISPLAY_CHARS} characters. */
    public String displayText() {
        if (display == null) {
            String c = row.content();
            int end = Math.min(c.length(), DISPLAY_CHARS);
            int lines = 0;
            for (int i = 0; i < end; i++) {
                if (c.charAt(i) == '\n' && ++lines == DISPLAY_LINES) {
                    end = i;
                    break;
                }
            }
            display = c.substring(0, end);
        }
        return display;
    }

    /** Prose and code blocks of what the cell shows, split once. */
    public List<Part> parts() {
        if (parts == null) {
            parts = MessageText.segments(displayText()).stream().map(s -> new Part(s.code(), s.language(), s.text())).toList();
        }
        return parts;
    }
}
