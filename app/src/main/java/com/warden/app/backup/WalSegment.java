package com.warden.app.backup;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A WAL segment file name: timeline, and the segment number, for a segment size. */
public record WalSegment(int timeline, long segno) implements Comparable<WalSegment> {
    public static final long DEFAULT_SIZE = 16L * 1024 * 1024;
    private static final Pattern NAME = Pattern.compile("^([0-9A-F]{8})([0-9A-F]{8})([0-9A-F]{8})$");

    public static WalSegment of(int timeline, Lsn lsn, long segmentSize) {
        return new WalSegment(timeline, lsn.segment(segmentSize));
    }

    /** Parses "000000010000000000000006"; empty for history, backup and partial files. */
    public static Optional<WalSegment> parse(String fileName, long segmentSize) {
        Matcher m = NAME.matcher(fileName.toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long perId = 0x100000000L / segmentSize;
        int tli = (int) Long.parseLong(m.group(1), 16);
        long log = Long.parseLong(m.group(2), 16);
        long seg = Long.parseLong(m.group(3), 16);
        if (seg >= perId) {
            return Optional.empty();
        }
        return Optional.of(new WalSegment(tli, log * perId + seg));
    }

    public String fileName(long segmentSize) {
        long perId = 0x100000000L / segmentSize;
        return String.format("%08X%08X%08X", timeline, segno / perId, segno % perId);
    }

    /** The first WAL position inside this segment. */
    public Lsn start(long segmentSize) {
        return new Lsn(segno * segmentSize);
    }

    /** The position just past this segment's end. */
    public Lsn end(long segmentSize) {
        return new Lsn((segno + 1) * segmentSize);
    }

    @Override
    public int compareTo(WalSegment o) {
        int c = Integer.compare(timeline, o.timeline);
        return c != 0 ? c : Long.compare(segno, o.segno);
    }
}
