package com.warden.app.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.warden.app.report.Finding;
import com.warden.app.report.ReportJson;
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
        ctx.addContentEstimate(chunks.stream().mapToLong(Chunk::estimatedBytes).sum());
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
                if (item.digest() != null && x[2] != null && ((Number) x[2]).longValue() == item.length()
                        && java.util.Arrays.equals((byte[]) x[1], item.digest()) && x[3] != null
                        && x[3].equals(ImageInspector.formatOf(item.head()))
                        && ImageInspector.truncation((String) x[3], item.head(), item.tail(), item.length()) == null) {
                    return;
                }
                Finding f = finding(item.id(), (UUID) x[0], hex((byte[]) x[1]), x[2] == null ? null : ((Number) x[2]).longValue(),
                        (String) x[3], hex(item.digest()), item.digest() == null ? null : item.length(), item.head(), item.tail(), mode);
                if (f != null) {
                    out.add(f);
                }
            });
            return out;
        }
        // Only rows that may be wrong come back: the SQL filter is a cheap superset of what
        // ImageInspector decides (it ignores the zero padding some JPEG writers add, for one).
        String sql = """
                SELECT count(*), coalesce(sum(y.len), 0),
                       jsonb_agg(jsonb_build_object('id', y.id, 'job', y.job_id, 'sha256', encode(y.sha256, 'hex'),
                                 'size', y.size_bytes, 'format', y.format, 'digest', encode(y.digest, 'hex'), 'len', y.len,
                                 'head', encode(y.head, 'hex'), 'tail', encode(y.tail, 'hex')))
                         FILTER (WHERE y.digest IS DISTINCT FROM y.sha256 OR y.len IS DISTINCT FROM y.size_bytes
                                 OR y.magic IS DISTINCT FROM y.format OR NOT coalesce(y.ends_well, false))
                  FROM (SELECT x.*,
                               CASE x.magic
                                 WHEN 'png' THEN substring(x.tail FROM greatest(octet_length(x.tail) - 11, 1)) = '\\x0000000049454e44ae426082'::bytea
                                 WHEN 'jpeg' THEN substring(x.tail FROM greatest(octet_length(x.tail) - 1, 1)) = '\\xffd9'::bytea
                                 WHEN 'gif' THEN substring(x.tail FROM greatest(octet_length(x.tail), 1)) = '\\x3b'::bytea
                                 WHEN 'webp' THEN octet_length(x.head) >= 8 AND get_byte(x.head, 4) + get_byte(x.head, 5) * 256
                                      + get_byte(x.head, 6) * 65536 + get_byte(x.head, 7)::bigint * 16777216 + 8 <= x.len
                               END AS ends_well
                          FROM (SELECT w.*,
                                       CASE WHEN substring(w.head FROM 1 FOR 8) = '\\x89504e470d0a1a0a'::bytea THEN 'png'
                                            WHEN substring(w.head FROM 1 FOR 3) = '\\xffd8ff'::bytea THEN 'jpeg'
                                            WHEN substring(w.head FROM 1 FOR 6) IN ('\\x474946383761'::bytea, '\\x474946383961'::bytea) THEN 'gif'
                                            WHEN substring(w.head FROM 1 FOR 4) = '\\x52494646'::bytea
                                                 AND substring(w.head FROM 9 FOR 4) = '\\x57454250'::bytea THEN 'webp'
                                       END AS magic
                                  FROM (SELECT v.id, v.job_id, v.sha256, v.size_bytes, v.format, sha256(v.b) AS digest,
                                               octet_length(v.b) AS len, substring(v.b FROM 1 FOR 16) AS head,
                                               substring(v.b FROM greatest(octet_length(v.b) - 15, 1)) AS tail
                                          FROM (SELECT a.id, a.job_id, a.sha256, a.size_bytes, a.format, a.bytes || ''::bytea AS b
                                                  FROM core.image_assets a
                                                 WHERE %s%s
                                                OFFSET 0) v
                                        OFFSET 0) w
                                OFFSET 0) x) y
                """.formatted(chunk.predicate("a"), ctx.appPredicateForAssets("a"));
        PreparedStatement ps = ctx.prepare(c, sql);
        try {
            int i = chunk.bind(c, ps, 1);
            ctx.bindApp(ps, i);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long rows = rs.getLong(1);
                long bytes = rs.getLong(2);
                String suspects = rs.getString(3);
                if (suspects != null) {
                    HexFormat hex = HexFormat.of();
                    for (JsonNode n : ReportJson.MAPPER.readTree(suspects)) {
                        Long len = n.get("len").isNull() ? null : n.get("len").asLong();
                        Long size = n.get("size").isNull() ? null : n.get("size").asLong();
                        Finding f = finding(UUID.fromString(n.get("id").asText()), UUID.fromString(n.get("job").asText()),
                                text(n, "sha256"), size, text(n, "format"), text(n, "digest"), len,
                                n.get("head").isNull() ? new byte[0] : hex.parseHex(n.get("head").asText()),
                                n.get("tail").isNull() ? new byte[0] : hex.parseHex(n.get("tail").asText()), mode);
                        if (f != null) {
                            out.add(f);
                        }
                    }
                }
                ctx.counted(CheckGroup.IMAGES, mode, rows, bytes);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("unexpected reply from the server: " + e.getMessage(), e);
            }
        } finally {
            ctx.release(ps);
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
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
