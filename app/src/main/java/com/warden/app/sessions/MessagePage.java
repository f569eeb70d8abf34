package com.warden.app.sessions;

import java.util.List;

/**
 * Messages in timeline order (oldest first). {@code hasOlder}/{@code hasNewer}: whether more
 * rows lie beyond each end of this page, so the screen knows when it has reached an end.
 */
public record MessagePage(List<MessageRow> rows, boolean hasOlder, boolean hasNewer) {
    public MessagePage {
        rows = List.copyOf(rows);
    }

    public MessageCursor first() {
        return rows.isEmpty() ? null : rows.get(0).cursor();
    }

    public MessageCursor last() {
        return rows.isEmpty() ? null : rows.get(rows.size() - 1).cursor();
    }
}
