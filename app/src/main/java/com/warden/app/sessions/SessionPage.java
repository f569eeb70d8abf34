package com.warden.app.sessions;

import java.util.List;

/** One page of the session list; {@code next} is null on the last page. */
public record SessionPage(List<SessionRow> rows, SessionCursor next) {
    public SessionPage {
        rows = List.copyOf(rows);
    }

    public boolean hasMore() {
        return next != null;
    }
}
