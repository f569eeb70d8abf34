package com.warden.app.backup;

import com.warden.app.WardenException;

/** A WAL position, written the way PostgreSQL writes it: two hex halves, "16/B374D848". */
public record Lsn(long value) implements Comparable<Lsn> {

    public static Lsn parse(String text) {
        if (text == null) {
            throw new WardenException("An empty LSN.", "write an LSN like 0/16B3748");
        }
        String t = text.trim();
        int slash = t.indexOf('/');
        if (slash <= 0 || slash == t.length() - 1) {
            throw new WardenException("'" + text + "' is not an LSN.", "write an LSN like 0/16B3748 (two hex numbers)");
        }
        try {
            long hi = Long.parseLong(t.substring(0, slash), 16);
            long lo = Long.parseLong(t.substring(slash + 1), 16);
            if (hi > 0xFFFFFFFFL || lo > 0xFFFFFFFFL || hi < 0 || lo < 0) {
                throw new NumberFormatException();
            }
            return new Lsn((hi << 32) | lo);
        } catch (NumberFormatException e) {
            throw new WardenException("'" + text + "' is not an LSN.", "write an LSN like 0/16B3748 (two hex numbers)");
        }
    }

    public static Lsn parseOrNull(String text) {
        return text == null || text.isBlank() ? null : parse(text);
    }

    /** The WAL segment number holding this position, for a segment size in bytes. */
    public long segment(long segmentSize) {
        return Long.divideUnsigned(value, segmentSize);
    }

    @Override
    public int compareTo(Lsn other) {
        return Long.compareUnsigned(value, other.value);
    }

    public boolean isAfter(Lsn other) {
        return compareTo(other) > 0;
    }

    public boolean isBefore(Lsn other) {
        return compareTo(other) < 0;
    }

    @Override
    public String toString() {
        return Long.toHexString(value >>> 32).toUpperCase() + "/" + Long.toHexString(value & 0xFFFFFFFFL).toUpperCase();
    }
}
