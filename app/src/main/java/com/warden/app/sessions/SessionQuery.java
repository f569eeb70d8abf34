package com.warden.app.sessions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A filter resolved to ids, ready to page. {@code matchesNothing} when the filter named a user
 * or an app that does not exist: the list is then empty without asking the server again.
 */
public record SessionQuery(SessionFilter filter, UUID userId, List<UUID> appIds, boolean matchesNothing) {
    public SessionQuery {
        appIds = appIds == null ? List.of() : List.copyOf(appIds);
    }

    public static SessionQuery all() {
        return new SessionQuery(SessionFilter.none(), null, List.of(), false);
    }

    String status() {
        return filter.status();
    }

    Instant from() {
        return filter.from();
    }

    Instant to() {
        return filter.to();
    }

    String search() {
        return filter.search();
    }
}
