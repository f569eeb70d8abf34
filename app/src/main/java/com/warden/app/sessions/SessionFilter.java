package com.warden.app.sessions;

import com.warden.app.WardenException;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * What the person asked for, as typed: a user's e-mail, an app's name (several apps may share
 * it), a status, a range of last activity [from, to), and text to find in titles. Null means
 * "any". {@link SessionBrowser#resolve} turns it into ids once, so paging does not repeat that work.
 */
public record SessionFilter(String userEmail, String appName, String status, Instant from, Instant to, String search) {
    public static final Set<String> STATUSES = Set.of("active", "idle", "archived");

    public SessionFilter {
        userEmail = blankToNull(userEmail);
        appName = blankToNull(appName);
        search = blankToNull(search);
        status = blankToNull(status);
        if (status != null) {
            status = status.toLowerCase(Locale.ROOT);
            if (!STATUSES.contains(status)) {
                throw new WardenException("Unknown status '" + status + "'.", "use active, idle or archived");
            }
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new WardenException("The date range is empty: " + from + " is not before " + to + ".",
                    "give the earlier date first");
        }
    }

    public static SessionFilter none() {
        return new SessionFilter(null, null, null, null, null, null);
    }

    public SessionFilter withUser(String email) {
        return new SessionFilter(email, appName, status, from, to, search);
    }

    public SessionFilter withApp(String name) {
        return new SessionFilter(userEmail, name, status, from, to, search);
    }

    public SessionFilter withStatus(String s) {
        return new SessionFilter(userEmail, appName, s, from, to, search);
    }

    public SessionFilter withRange(Instant f, Instant t) {
        return new SessionFilter(userEmail, appName, status, f, t, search);
    }

    public SessionFilter withSearch(String text) {
        return new SessionFilter(userEmail, appName, status, from, to, text);
    }

    public boolean isEmpty() {
        return userEmail == null && appName == null && status == null && from == null && to == null && search == null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
