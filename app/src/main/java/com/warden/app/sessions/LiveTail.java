package com.warden.app.sessions;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * New messages of an open session, by an incremental query on what came after the last row seen
 * (seed 003's incremental snapshot), corrected for what that seed missed: created_at is the
 * inserting transaction's start time, so a transaction that began earlier but commits later
 * lands BEHIND the last row seen. When the session's message counter grew by more than the rows
 * found after the newest one, the poll looks back {@link #LOOKBACK} before it and drops the ids
 * it already delivered. Rows that arrive more than that late are missed (a reload finds them).
 *
 * <p>A poll is one primary-key lookup of the session's head (is it still there? its message
 * counter) and, when the counter moved, the timeline index from the newest row on. Not
 * thread-safe: one poller at a time.
 */
public final class LiveTail {
    public static final Duration LOOKBACK = Duration.ofSeconds(60);
    /** Rows per incremental query; a burst larger than this is fetched over several queries in one poll. */
    static final int BATCH = 500;

    /** What one poll found. {@code session} is empty when the session was deleted (or became invisible). */
    public record Update(List<MessageRow> added, Optional<SessionRow> session) {
        public boolean gone() {
            return session.isEmpty();
        }
    }

    private final SessionBrowser browser;
    private final UUID sessionId;
    /** ids delivered within the look-back window, with their created_at */
    private final Map<UUID, Instant> seen = new HashMap<>();
    private MessageCursor newest;
    /** the session's message_count at the last poll; -1 before the first */
    private long lastCount = -1;

    LiveTail(SessionBrowser browser, UUID sessionId, List<MessageRow> alreadyShown) {
        this.browser = browser;
        this.sessionId = sessionId;
        for (MessageRow r : alreadyShown) {
            remember(r);
        }
        prune();
    }

    public UUID sessionId() {
        return sessionId;
    }

    /** The newest row seen so far (null before the first message). */
    public MessageCursor newest() {
        return newest;
    }

    /**
     * Asks for rows after the last seen one, oldest first. With the session's message counter
     * (schema V10+), an unchanged count costs nothing more than the head lookup, and the
     * look-back query runs only when the rows after the newest one do not account for the new count.
     */
    public Update poll() {
        return browser.read(c -> {
            Optional<SessionRow> head;
            try (var ps = c.prepareStatement(browser.headSql(c))) {
                ps.setObject(1, sessionId);
                try (var rs = ps.executeQuery()) {
                    head = rs.next() ? Optional.of(SessionBrowser.session(rs, 1)) : Optional.empty();
                }
            }
            if (head.isEmpty()) {
                return new Update(List.of(), head);
            }
            boolean counted = browser.countersKnown();
            long count = head.get().messageCount();
            if (counted && count == lastCount) {
                return new Update(List.of(), head);
            }
            List<MessageRow> added = new ArrayList<>();
            collect(c, newest, added);
            if (!counted || lastCount < 0 || added.size() < count - lastCount) {
                // some rows committed behind the newest one seen: look back
                if (newest != null) {
                    collect(c, new MessageCursor(newest.createdAt().minus(LOOKBACK), MessageCursor.MIN_ID), added);
                }
            }
            lastCount = count;
            added.sort((a, b) -> a.cursor().compareTo(b.cursor()));
            added.forEach(this::remember);
            prune();
            return new Update(added, head);
        });
    }

    /** Adds the rows after {@code from} (null: from the start) that were not delivered yet. */
    private void collect(java.sql.Connection c, MessageCursor from, List<MessageRow> added) throws java.sql.SQLException {
        java.util.Set<UUID> taken = new java.util.HashSet<>();
        added.forEach(r -> taken.add(r.id()));
        while (true) {
            List<MessageRow> batch = new ArrayList<>(BATCH);
            String sql = from == null ? SessionQueries.MESSAGES_OLDEST : SessionQueries.MESSAGES_AFTER;
            try (var ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setInt(i++, browser.previewChars());
                ps.setObject(i++, sessionId);
                if (from != null) {
                    ps.setObject(i++, OffsetDateTime.ofInstant(from.createdAt(), ZoneOffset.UTC));
                    ps.setObject(i++, from.id());
                }
                ps.setInt(i, BATCH);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        batch.add(SessionBrowser.message(rs, browser.previewChars()));
                    }
                }
            }
            for (MessageRow r : batch) {
                if (!seen.containsKey(r.id()) && taken.add(r.id())) {
                    added.add(r);
                }
            }
            if (batch.size() < BATCH) {
                return;
            }
            from = batch.get(batch.size() - 1).cursor();
        }
    }

    private void remember(MessageRow r) {
        seen.put(r.id(), r.createdAt());
        MessageCursor cursor = r.cursor();
        if (newest == null || cursor.compareTo(newest) > 0) {
            newest = cursor;
        }
    }

    private void prune() {
        if (newest == null) {
            return;
        }
        Instant horizon = newest.createdAt().minus(LOOKBACK).minusSeconds(1);
        seen.values().removeIf(t -> t.isBefore(horizon));
    }
}
