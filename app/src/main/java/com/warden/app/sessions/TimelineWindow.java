package com.warden.app.sessions;

import java.util.List;

/**
 * The part of a timeline a screen holds: at most {@code capacity} messages in timeline order,
 * over any {@link List} (the screen passes its observable list, the benchmark an ArrayList).
 * Paging back prepends a page and, past capacity, drops rows from the far (newer) end; paging
 * forward does the opposite. So scrolling through 100,000 messages holds a few pages, never
 * the whole session. Call it from one thread (the FX thread on screen).
 */
public final class TimelineWindow {
    /** What the session screen holds: twenty pages of fifty. */
    public static final int DEFAULT_CAPACITY = 1000;
    private final List<MessageRow> rows;
    private final int capacity;
    private boolean hasOlder;
    private boolean hasNewer;

    public TimelineWindow(List<MessageRow> backing, int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.rows = backing;
        this.capacity = capacity;
    }

    public List<MessageRow> rows() {
        return rows;
    }

    public int capacity() {
        return capacity;
    }

    /** More history lies before the first row held. */
    public boolean hasOlder() {
        return hasOlder;
    }

    /** More lies after the last row held (the window is not at the live end). */
    public boolean hasNewer() {
        return hasNewer;
    }

    public MessageCursor oldest() {
        return rows.isEmpty() ? null : rows.get(0).cursor();
    }

    public MessageCursor newestHeld() {
        return rows.isEmpty() ? null : rows.get(rows.size() - 1).cursor();
    }

    /** Replaces everything with a page (open, jump to oldest/newest, jump to a find hit). */
    public void reset(MessagePage page) {
        rows.clear();
        rows.addAll(page.rows());
        hasOlder = page.hasOlder();
        hasNewer = page.hasNewer();
        if (trimNewer()) {
            hasNewer = true;
        }
    }

    /** Adds a page fetched before the first row; returns how many rows were added at the start. */
    public int prependOlder(MessagePage page) {
        rows.addAll(0, page.rows());
        hasOlder = page.hasOlder();
        if (trimNewer()) {
            hasNewer = true;
        }
        return page.rows().size();
    }

    /** Adds a page fetched after the last row; returns how many rows were dropped at the start. */
    public int appendNewer(MessagePage page) {
        rows.addAll(page.rows());
        hasNewer = page.hasNewer();
        int dropped = trimOlder();
        if (dropped > 0) {
            hasOlder = true;
        }
        return dropped;
    }

    /**
     * Merges live-tail rows: each goes to its place in timeline order (a late commit may land
     * before the newest row). Only when the window holds the live end; otherwise it only notes
     * that newer rows exist. Returns how many rows were dropped at the start.
     */
    public int mergeLive(List<MessageRow> added) {
        if (added.isEmpty()) {
            return 0;
        }
        if (hasNewer) {
            return 0;
        }
        MessageCursor first = oldest();
        for (MessageRow r : added) {
            if (first != null && r.cursor().compareTo(first) < 0) {
                continue; // before the window: it will come with paging back
            }
            MessageCursor last = newestHeld();
            if (last == null || r.cursor().compareTo(last) > 0) {
                rows.add(r);
            } else {
                int at = insertionPoint(r.cursor());
                if (at >= rows.size() || !rows.get(at).id().equals(r.id())) {
                    rows.add(at, r);
                }
            }
        }
        int dropped = trimOlder();
        if (dropped > 0) {
            hasOlder = true;
        }
        return dropped;
    }

    /** Position of the first row not before {@code c}. */
    private int insertionPoint(MessageCursor c) {
        int lo = 0;
        int hi = rows.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (rows.get(mid).cursor().compareTo(c) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private boolean trimNewer() {
        if (rows.size() <= capacity) {
            return false;
        }
        rows.subList(capacity, rows.size()).clear();
        return true;
    }

    private int trimOlder() {
        int excess = rows.size() - capacity;
        if (excess <= 0) {
            return 0;
        }
        rows.subList(0, excess).clear();
        return excess;
    }
}
