package com.warden.app.integrity;

import com.warden.app.report.Finding;
import com.warden.app.report.Severity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Group 4: each image asset's digest and size recomputed, its format read from the magic bytes
 * and its end checked for truncation. One finding per asset: a cut-short image is one finding
 * that also says its digest and size no longer match, not three.
 */
final class ImageAssets implements Check {
    static final String TABLE = "core.image_assets";
    private static final ClientReader.Source SOURCE = new ClientReader.Source(TABLE, null, "bytes",
            List.of("job_id", "sha256", "size_bytes", "format"));

    private boolean sharedSnapshot;

    ImageAssets sharedSnapshot(boolean value) {
        this.sharedSnapshot = value;
        return this;
    }

    @Override
    public CheckGroup group() {
        return CheckGroup.IMAGES;
    }

    @Override
    public List<ScanTask> plan(Connection c, ScanContext ctx) throws SQLException {
        List<Chunk> chunks;
        if (ctx.app != null) {
            chunks = List.of(new Chunk.Keys(null, null, 0, 0));
        } else {
            TablePlanner.Size size = TablePlanner.size(c, TABLE);
            chunks = TablePlanner.useBlocks(ctx, sharedSnapshot) ? TablePlanner.blocks(size, ctx.options.workers())
                    : TablePlanner.keys(size.rows(), size.bytes(), ctx.options.workers());
        }
        List<ScanTask> tasks = new ArrayList<>();
        for (String mode : modes(ctx)) {
            for (Chunk chunk : chunks) {
                tasks.add(new ScanTask() {
                    @Override public CheckGroup group() { return CheckGroup.IMAGES; }
                    @Override public String mode() { return mode; }
                    @Override public String label() { return "image assets, " + chunk.describe() + " (" + mode + ")"; }
                    @Override public double weight() { return Math.max(1, chunk.estimatedBytes()); }
                    @Override public long estimatedRows() { return chunk.estimatedRows(); }
                    @Override public void run(Connection conn, ScanContext x) throws SQLException {
                        check(conn, x, chunk, mode).forEach(x::report);
                    }
                });
            }
        }
        return tasks;
    }

    private static List<String> modes(ScanContext ctx) {
        List<String> modes = new ArrayList<>();
        if (ctx.options.mode().server()) {
            modes.add(VersionDigests.SERVER);
        }
        if (ctx.options.mode().client()) {
            modes.add(VersionDigests.CLIENT);
        }
        return modes;
    }

    static List<Finding> check(Connection c, ScanContext ctx, Chunk chunk, String mode) throws SQLException {
        List<Finding> out = new ArrayList<>();
        if (mode.equals(VersionDigests.CLIENT)) {
            new ClientReader(ctx).read(c, SOURCE, chunk, ctx.appPredicateForAssets("a"), CheckGroup.IMAGES, item -> {
                Object[] x = item.extras();
                Finding f = finding(item.id(), (UUID) x[0], hex((byte[]) x[1]), x[2] == null ? null : ((Number) x[2]).longValue(),
                        (String) x[3], hex(item.digest()), item.digest() == null ? null : item.length(), item.head(), item.tail(), mode);
                if (f != null) {
                    out.add(f);
                }
            });
            return out;
        }
        String sql = """
                SELECT a.id, a.job_id, encode(a.sha256, 'hex'), a.size_bytes, a.format, encode(sha256(a.bytes), 'hex'),
                       octet_length(a.bytes), substring(a.bytes FROM 1 FOR 16),
                       substring(a.bytes FROM greatest(octet_length(a.bytes) - 15, 1))
                  FROM core.image_assets a
                 WHERE %s%s
                """.formatted(chunk.predicate("a"), ctx.appPredicateForAssets("a"));
        PreparedStatement ps = ctx.prepare(c, sql);
        try {
            ps.setFetchSize(1000);
            int i = chunk.bind(c, ps, 1);
            ctx.bindApp(ps, i);
            long rows = 0;
            long bytes = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long lenValue = rs.getLong(7);
                    Long len = rs.wasNull() ? null : lenValue;
                    long sizeValue = rs.getLong(4);
                    Long size = rs.wasNull() ? null : sizeValue;
                    byte[] head = rs.getBytes(8);
                    byte[] tail = rs.getBytes(9);
                    Finding f = finding(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), size,
                            rs.getString(5), rs.getString(6), len, head == null ? new byte[0] : head,
                            tail == null ? new byte[0] : tail, mode);
                    if (f != null) {
                        out.add(f);
                    }
                    rows++;
                    bytes += len == null ? 0 : len;
                }
            }
            ctx.counted(CheckGroup.IMAGES, mode, rows, bytes);
        } finally {
            ctx.release(ps);
        }
        return out;
    }

    private static String hex(byte[] b) {
        return b == null ? null : HexFormat.of().formatHex(b);
    }

    /** The finding for one asset, or null when it is sound. */
    static Finding finding(UUID id, UUID jobId, String storedSha, Long storedSize, String format, String digest, Long length,
                           byte[] head, byte[] tail, String mode) {
        if (digest == null) {
            return make(id, "image-no-bytes", "image asset has no bytes", Hex.digest(storedSha) + ", " + Hex.bytes(storedSize),
                    "no bytes", "the image is gone; re-run its job", mode);
        }
        boolean digestOk = digest.equals(storedSha);
        boolean sizeOk = length.equals(storedSize);
        String detected = ImageInspector.formatOf(head);
        String truncation = ImageInspector.truncation(detected, head, tail, length);
        String recorded = format == null ? "no format" : format.toUpperCase(java.util.Locale.ROOT);
        List<String> also = new ArrayList<>();
        if (!digestOk) {
            also.add(storedSha == null ? "no digest recorded" : "digest differs");
        }
        if (!sizeOk) {
            also.add("size differs");
        }
        String measured = Hex.digest(digest) + ", " + Hex.bytes(length);
        String expectedBytes = Hex.digest(storedSha) + ", " + Hex.bytes(storedSize);
        if (truncation != null) {
            return make(id, "image-truncated", detected.toUpperCase(java.util.Locale.ROOT) + " image is cut short: " + truncation
                    + (also.isEmpty() ? "" : " (" + String.join(", ", also) + ")"), expectedBytes, measured,
                    also.isEmpty() ? "the digest was taken of the cut bytes: the upload or copy stopped early"
                            : "the bytes were cut after the digest was recorded: restore the image from a backup", mode);
        }
        if (detected == null) {
            return make(id, "image-unknown-format", "image bytes are not PNG, JPEG, GIF or WebP"
                    + (also.isEmpty() ? "" : " (" + String.join(", ", also) + ")"), recorded,
                    "unknown magic bytes " + hex(head).substring(0, Math.min(16, hex(head).length())),
                    "the asset holds something else than an image, or its start is damaged", mode);
        }
        if (!detected.equals(format)) {
            return make(id, "image-format", "image is " + detected.toUpperCase(java.util.Locale.ROOT) + " but labelled " + recorded
                    + (also.isEmpty() ? "" : " (" + String.join(", ", also) + ")"), recorded,
                    detected.toUpperCase(java.util.Locale.ROOT) + " (magic bytes)",
                    "clients that trust the label may refuse or misrender it; correct the format column", mode);
        }
        if (!digestOk) {
            return make(id, "image-digest", storedSha == null ? "image asset has no recorded digest"
                            : "image bytes do not match their recorded SHA-256" + (sizeOk ? "" : " and size"),
                    expectedBytes, measured, "the bytes changed after the digest was recorded, or the digest was overwritten",
                    mode);
        }
        if (!sizeOk) {
            return make(id, "image-size", "image asset's recorded size is wrong (bytes and digest agree)",
                    Hex.bytes(storedSize), Hex.bytes(length), "size_bytes was written wrong", mode);
        }
        return null;
    }

    private static Finding make(UUID id, String code, String title, String expected, String found, String detail, String mode) {
        return new Finding(CheckGroup.IMAGES.id(), code, Severity.ERROR, TABLE, id.toString(), null, null, null, title,
                expected, found, detail, List.of(mode));
    }

    @Override
    public List<Finding> recheck(Connection c, ScanContext ctx, List<Finding> findings) throws SQLException {
        List<UUID> server = new ArrayList<>();
        List<UUID> client = new ArrayList<>();
        for (Finding f : findings) {
            UUID id = UUID.fromString(f.rowId());
            if (f.seenBy().contains(VersionDigests.SERVER) || f.seenBy().isEmpty()) {
                server.add(id);
            }
            if (f.seenBy().contains(VersionDigests.CLIENT)) {
                client.add(id);
            }
        }
        List<Finding> now = new ArrayList<>();
        for (List<UUID> part : VersionDigests.partition(server)) {
            now.addAll(check(c, ctx, new Chunk.Ids(part), VersionDigests.SERVER));
        }
        for (List<UUID> part : VersionDigests.partition(client)) {
            now.addAll(check(c, ctx, new Chunk.Ids(part), VersionDigests.CLIENT));
        }
        return now;
    }
}
