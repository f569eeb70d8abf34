package com.warden.app.integrity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a table for the workers. Chunks aim at about 8 MB of content each and at least four
 * per worker, so the work spreads evenly and progress moves.
 */
final class TablePlanner {
    static final long TARGET_CHUNK_BYTES = 8L * 1024 * 1024;
    static final int MAX_CHUNKS = 4096;

    /** The table's size as the planner sees it. */
    record Size(long blocks, long rows, long bytes) { }

    private TablePlanner() { }

    static boolean useBlocks(ScanContext ctx, boolean sharedSnapshot) {
        return switch (ctx.options.chunking()) {
            case BLOCKS -> ctx.serverMajor >= 14;
            case KEYS -> false;
            case AUTO -> sharedSnapshot && ctx.serverMajor >= 14 && ctx.app == null;
        };
    }

    static Size size(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT pg_relation_size(c.oid) / current_setting('block_size')::bigint,
                       greatest(c.reltuples, 0)::bigint, pg_table_size(c.oid)
                  FROM pg_class c WHERE c.oid = ?::regclass""")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Size(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        }
    }

    static List<Chunk> blocks(Size size, int workers) {
        int n = chunkCount(size.bytes(), workers);
        n = (int) Math.max(1, Math.min(n, size.blocks()));
        long per = Math.max(1, (size.blocks() + n - 1) / n);
        List<Chunk> chunks = new ArrayList<>();
        for (long from = 0; from < Math.max(1, size.blocks()); from += per) {
            long to = from + per >= size.blocks() ? -1 : from + per;
            long span = to < 0 ? Math.max(1, size.blocks() - from) : per;
            double share = size.blocks() == 0 ? 1 : (double) span / size.blocks();
            chunks.add(new Chunk.Blocks(from, to, Math.round(size.rows() * share), Math.round(size.bytes() * share)));
            if (to < 0) {
                break;
            }
        }
        return chunks;
    }

    static List<Chunk> keys(long rows, long bytes, int workers) {
        return Chunk.Keys.split(chunkCount(bytes, workers), rows, bytes);
    }

    private static int chunkCount(long bytes, int workers) {
        long wanted = (bytes + TARGET_CHUNK_BYTES - 1) / TARGET_CHUNK_BYTES;
        return (int) Math.max(4L * workers, Math.min(MAX_CHUNKS, wanted));
    }
}
