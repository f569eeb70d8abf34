package com.warden.app.integrity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGStatement;

/**
 * Streams content to Warden and hashes it here, as a reader would get it, with a heap that
 * stays bounded whatever the table holds:
 * <ul>
 *   <li>the main cursor fetches {@value #FETCH_ROWS} rows at a time and carries only values up
 *       to {@value #INLINE_MAX} bytes (at most 16 MB in flight per connection);</li>
 *   <li>bigger values are fetched afterwards in batches of at most {@value #BATCH_BYTES} bytes,
 *       and values over {@value #SLICE} bytes in slices of that size, hashed as they come.</li>
 * </ul>
 * Text arrives as the UTF-8 bytes on the wire (no String is built); bytea in binary.
 */
final class ClientReader {
    static final int FETCH_ROWS = 256;
    static final int INLINE_MAX = 64 * 1024;
    static final long BATCH_BYTES = 16L * 1024 * 1024;
    static final int SLICE = 8 * 1024 * 1024;
    static final int EDGE = 16;

    /** Where the bytes are: a text column (UTF-8) and/or a bytea column, plus columns to carry along. */
    record Source(String table, String textColumn, String bytesColumn, List<String> extras) { }

    /**
     * One hashed value.
     *
     * @param digest null when the row has no content at all
     * @param head   the first bytes (magic numbers), up to 16
     * @param tail   the last bytes (end markers), up to 16
     */
    record Item(UUID id, Object[] extras, byte[] digest, long length, byte[] head, byte[] tail, boolean binary) { }

    @FunctionalInterface
    interface Sink {
        void accept(Item item) throws SQLException;
    }

    private record Deferred(UUID id, Object[] extras, long length, boolean binary) { }

    private final ScanContext ctx;
    private final MessageDigest sha = sha256();

    ClientReader(ScanContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Reads every row of {@code source} matching {@code chunk} (and the app filter when given)
     * and hands each hashed value to the sink. Counts rows and bytes as it goes.
     */
    void read(Connection c, Source source, Chunk chunk, String appPredicate, CheckGroup group, Sink sink) throws SQLException {
        String len = ctx.lengthOf(col(source.textColumn()), "a." + source.bytesColumn());
        StringBuilder sql = new StringBuilder("SELECT a.id");
        for (String e : source.extras()) {
            sql.append(", a.").append(e);
        }
        sql.append(", l.len, ");
        sql.append(source.textColumn() == null ? "NULL::text" : "CASE WHEN l.len <= " + INLINE_MAX + " THEN a." + source.textColumn() + " END");
        sql.append(", CASE WHEN l.len <= ").append(INLINE_MAX).append(" THEN a.").append(source.bytesColumn()).append(" END");
        sql.append(", a.").append(source.bytesColumn()).append(" IS NOT NULL");
        sql.append(" FROM ").append(source.table()).append(" a CROSS JOIN LATERAL (SELECT ").append(len).append(" AS len) l");
        sql.append(" WHERE ").append(chunk.predicate("a")).append(appPredicate);
        int nExtras = source.extras().size();
        List<Deferred> deferred = new ArrayList<>();
        PreparedStatement ps = ctx.prepare(c, sql.toString());
        try {
            ps.unwrap(PGStatement.class).setPrepareThreshold(-1); // binary transfer: bytea without hex
            ps.setFetchSize(FETCH_ROWS);
            int i = chunk.bind(c, ps, 1);
            ctx.bindApp(ps, i);
            long rows = 0;
            long bytes = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    Object[] extras = new Object[nExtras];
                    for (int k = 0; k < nExtras; k++) {
                        extras[k] = rs.getObject(2 + k);
                    }
                    long length = rs.getLong(2 + nExtras);
                    boolean noContent = rs.wasNull();
                    byte[] text = rs.getBytes(3 + nExtras);
                    byte[] raw = rs.getBytes(4 + nExtras);
                    boolean binary = rs.getBoolean(5 + nExtras);
                    if (noContent) {
                        sink.accept(new Item(id, extras, null, 0, new byte[0], new byte[0], false));
                    } else if (text == null && raw == null) {
                        deferred.add(new Deferred(id, extras, length, binary));
                    } else {
                        byte[] value = raw != null ? raw : text;
                        sink.accept(hash(id, extras, value, binary));
                        bytes += value.length;
                    }
                    rows++;
                    if (rows % FETCH_ROWS == 0) {
                        ctx.counted(group, "client", rows, bytes);
                        rows = 0;
                        bytes = 0;
                        ctx.checkStopped();
                    }
                }
            }
            ctx.counted(group, "client", rows, bytes);
        } finally {
            ctx.release(ps);
        }
        readDeferred(c, source, deferred, group, sink);
    }

    private static String col(String textColumn) {
        return textColumn == null ? null : "a." + textColumn;
    }

    private void readDeferred(Connection c, Source source, List<Deferred> deferred, CheckGroup group, Sink sink) throws SQLException {
        List<Deferred> batch = new ArrayList<>();
        long batchBytes = 0;
        for (Deferred d : deferred) {
            if (d.length() > SLICE) {
                sliced(c, source, d, group, sink);
                continue;
            }
            if (!batch.isEmpty() && batchBytes + d.length() > BATCH_BYTES) {
                batch(c, source, batch, group, sink);
                batch.clear();
                batchBytes = 0;
            }
            batch.add(d);
            batchBytes += d.length();
        }
        if (!batch.isEmpty()) {
            batch(c, source, batch, group, sink);
        }
    }

    private void batch(Connection c, Source source, List<Deferred> batch, CheckGroup group, Sink sink) throws SQLException {
        String sql = "SELECT a.id, " + (source.textColumn() == null ? "NULL::text" : "a." + source.textColumn())
                + ", a." + source.bytesColumn() + " FROM " + source.table() + " a WHERE a.id = ANY(?)";
        java.util.Map<UUID, Deferred> byId = new java.util.HashMap<>();
        batch.forEach(d -> byId.put(d.id(), d));
        PreparedStatement ps = ctx.prepare(c, sql);
        try {
            ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
            ps.setFetchSize(1);
            Array ids = c.createArrayOf("uuid", byId.keySet().toArray());
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Deferred d = byId.remove(rs.getObject(1, UUID.class));
                    byte[] text = rs.getBytes(2);
                    byte[] raw = rs.getBytes(3);
                    byte[] value = raw != null ? raw : text;
                    if (d == null) {
                        continue;
                    }
                    if (value == null) {
                        sink.accept(new Item(d.id(), d.extras(), null, 0, new byte[0], new byte[0], false));
                    } else {
                        sink.accept(hash(d.id(), d.extras(), value, raw != null));
                        ctx.counted(group, "client", 0, value.length);
                    }
                    ctx.checkStopped();
                }
            }
        } finally {
            ctx.release(ps);
        }
        // rows deleted since the main cursor read them (only outside a shared snapshot): nothing to hash
    }

    private void sliced(Connection c, Source source, Deferred d, CheckGroup group, Sink sink) throws SQLException {
        String expr = d.binary() || source.textColumn() == null
                ? "a." + source.bytesColumn()
                : "convert_to(a." + source.textColumn() + ", 'UTF8')";
        String sql = "SELECT substring(" + expr + " FROM ?::int FOR ?::int) FROM " + source.table() + " a WHERE a.id = ?";
        sha.reset();
        byte[] head = null;
        byte[] tail = new byte[0];
        long total = 0;
        PreparedStatement ps = ctx.prepare(c, sql);
        try {
            ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
            long offset = 1;
            while (true) {
                ps.setLong(1, offset); // a value is at most 1 GB: fits an int
                ps.setInt(2, SLICE);
                ps.setObject(3, d.id());
                byte[] part = null;
                boolean found = false;
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        found = true;
                        part = rs.getBytes(1);
                    }
                }
                if (!found) {
                    return; // deleted meanwhile (outside a shared snapshot)
                }
                if (part == null) {
                    if (total == 0) {
                        sink.accept(new Item(d.id(), d.extras(), null, 0, new byte[0], new byte[0], false));
                        return;
                    }
                    break;
                }
                sha.update(part);
                if (head == null) {
                    head = Arrays.copyOf(part, Math.min(EDGE, part.length));
                }
                tail = joinTail(tail, part);
                total += part.length;
                ctx.counted(group, "client", 0, part.length);
                ctx.checkStopped();
                if (part.length < SLICE) {
                    break;
                }
                offset += SLICE;
            }
        } finally {
            ctx.release(ps);
        }
        sink.accept(new Item(d.id(), d.extras(), sha.digest(), total, head == null ? new byte[0] : head, tail, d.binary()));
    }

    private Item hash(UUID id, Object[] extras, byte[] value, boolean binary) {
        sha.reset();
        byte[] digest = sha.digest(value);
        byte[] head = Arrays.copyOf(value, Math.min(EDGE, value.length));
        byte[] tail = Arrays.copyOfRange(value, Math.max(0, value.length - EDGE), value.length);
        return new Item(id, extras, digest, value.length, head, tail, binary);
    }

    private static byte[] joinTail(byte[] previous, byte[] part) {
        if (part.length >= EDGE) {
            return Arrays.copyOfRange(part, part.length - EDGE, part.length);
        }
        byte[] joined = new byte[Math.min(EDGE, previous.length + part.length)];
        int fromPrevious = joined.length - part.length;
        System.arraycopy(previous, previous.length - fromPrevious, joined, 0, fromPrevious);
        System.arraycopy(part, 0, joined, fromPrevious, part.length);
        return joined;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
