package com.warden.ui.sessions;

import com.warden.app.sessions.SessionRow;
import java.time.Instant;
import java.util.UUID;

/** One row of the session table, as the view shows it. */
public final class SessionItem {
    private final SessionRow row;

    SessionItem(SessionRow row) {
        this.row = row;
    }

    SessionRow row() {
        return row;
    }

    public UUID id() {
        return row.id();
    }

    public String title() {
        return row.title();
    }

    public String user() {
        return row.userEmail();
    }

    public String userName() {
        return row.userName();
    }

    public String app() {
        return row.appName();
    }

    public String status() {
        return row.status();
    }

    public long messages() {
        return row.messageCount();
    }

    public long tokens() {
        return row.totalTokens();
    }

    public Instant lastActivity() {
        return row.lastActivityAt();
    }

    public String lastActivityText() {
        return Fmt.shortWhen(row.lastActivityAt());
    }

    @Override
    public String toString() {
        return row.title();
    }
}
