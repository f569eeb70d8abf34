package com.warden.app.integrity;

import java.math.BigInteger;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A slice of a table that one statement checks. Block ranges (ctid) follow the heap, so each
 * statement reads its pages once and in order; key ranges follow the primary key and work on
 * every version and without a shared snapshot; id lists serve the re-check.
 */
sealed interface Chunk {

    /** A SQL condition on {@code alias} with ? placeholders that {@link #bind} fills. */
    String predicate(String alias);

    /** Binds this chunk's parameters from {@code index}; returns the next free index. */
    int bind(Connection c, PreparedStatement ps, int index) throws SQLException;

    /** For people: where in the table this chunk is. */
    String describe();

    long estimatedRows();

    long estimatedBytes();

    /** Heap blocks [from, to); to < 0 means to the end of the table. */
    record Blocks(long from, long to, long estimatedRows, long estimatedBytes) implements Chunk {
        @Override
        public String predicate(String alias) {
            return to < 0 ? alias + ".ctid >= ?::tid" : alias + ".ctid >= ?::tid AND " + alias + ".ctid < ?::tid";
        }

        @Override
        public int bind(Connection c, PreparedStatement ps, int index) throws SQLException {
            ps.setString(index++, "(" + from + ",0)");
            if (to >= 0) {
                ps.setString(index++, "(" + to + ",0)");
            }
            return index;
        }

        @Override
        public String describe() {
            return to < 0 ? String.format("blocks %,d to the end", from) : String.format("blocks %,d–%,d", from, to - 1);
        }
    }

    /** Primary-key range [lo, hi); null means unbounded on that side. */
    record Keys(UUID lo, UUID hi, long estimatedRows, long estimatedBytes) implements Chunk {
        @Override
        public String predicate(String alias) {
            if (lo == null && hi == null) {
                return "true";
            }
            if (lo == null) {
                return alias + ".id < ?";
            }
            if (hi == null) {
                return alias + ".id >= ?";
            }
            return alias + ".id >= ? AND " + alias + ".id < ?";
        }

        @Override
        public int bind(Connection c, PreparedStatement ps, int index) throws SQLException {
            if (lo != null) {
                ps.setObject(index++, lo);
            }
            if (hi != null) {
                ps.setObject(index++, hi);
            }
            return index;
        }

        @Override
        public String describe() {
            return "ids " + (lo == null ? "start" : shortId(lo)) + " to " + (hi == null ? "end" : shortId(hi));
        }

        private static String shortId(UUID id) {
            return id.toString().substring(0, 8) + "…";
        }

        /** {@code n} equal ranges of the uuid space: balanced for random (v4) ids, correct for any. */
        static List<Chunk> split(int n, long rows, long bytes) {
            List<Chunk> chunks = new ArrayList<>(n);
            BigInteger space = BigInteger.ONE.shiftLeft(128);
            UUID previous = null;
            for (int i = 1; i <= n; i++) {
                UUID next = i == n ? null : toUuid(space.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(n)));
                chunks.add(new Keys(previous, next, Math.max(1, rows / n), Math.max(1, bytes / n)));
                previous = next;
            }
            return chunks;
        }

        private static UUID toUuid(BigInteger value) {
            long lsb = value.longValue();
            long msb = value.shiftRight(64).longValue();
            return new UUID(msb, lsb);
        }
    }

    /** Exactly these rows (the re-check). */
    record Ids(List<UUID> ids) implements Chunk {
        @Override
        public String predicate(String alias) {
            return alias + ".id = ANY(?)";
        }

        @Override
        public int bind(Connection c, PreparedStatement ps, int index) throws SQLException {
            Array array = c.createArrayOf("uuid", ids.toArray());
            ps.setArray(index++, array);
            return index;
        }

        @Override
        public String describe() {
            return ids.size() + (ids.size() == 1 ? " row" : " rows");
        }

        @Override
        public long estimatedRows() {
            return ids.size();
        }

        @Override
        public long estimatedBytes() {
            return 0;
        }
    }
}
