package com.warden.ui.sessions;

import com.warden.app.sessions.MessageRow;
import com.warden.app.sessions.MessageText;
import java.util.List;
import java.util.UUID;

/** One message of the timeline, as the view shows it: header facts and content in prose and code parts. */
public final class MessageItem {
    /** A run of prose or of code (monospace). */
    public record Part(boolean code, String language, String text) { }

    private final MessageRow row;
    private List<Part> parts;

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

    public boolean truncated() {
        return row.truncated();
    }

    /** "Cut at 16,384 characters of 3.2 MB". */
    public String cutNote() {
        return "Cut at " + Fmt.count(row.content().length()) + " characters of " + Fmt.bytes(row.contentBytes());
    }

    /** Prose and code blocks, split once. */
    public List<Part> parts() {
        if (parts == null) {
            parts = MessageText.segments(row.content()).stream().map(s -> new Part(s.code(), s.language(), s.text())).toList();
        }
        return parts;
    }
}
