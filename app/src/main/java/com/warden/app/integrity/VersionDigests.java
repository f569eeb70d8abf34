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
 * Group 1: every file version's SHA-256 and size recomputed from its content and compared with
 * the recorded ones. Server mode hashes in SQL and only the mismatches travel; client mode
 * streams the bytes here (see {@link ClientReader}).
 */
final class VersionDigests implements Check {
    static final String TABLE = "core.file_versions";
    static final String SERVER = "server";
    static final String CLIENT = "client";
    private static final ClientReader.Source SOURCE = new ClientReader.Source(TABLE, "content", "content_bytes",
            List.of("file_id", "version", "sha256", "size_bytes"));

    private boolean sharedSnapshot;

    VersionDigests sharedSnapshot(boolean value) {
        this.sharedSnapshot = value;
        return this;
    }

    @Override
    public CheckGroup group() {
        return CheckGroup.VERSIONS;
    }

    @Override
    public List<ScanTask> plan(Connection c, ScanContext ctx) throws SQLException {
        List<Chunk> chunks = chunks(c, ctx, sharedSnapshot);
        ctx.addContentEstimate(chunks.stream().mapToLong(Chunk::estimatedBytes).sum());
        List<ScanTask> tasks = new ArrayList<>();
        if (ctx.options.mode().server()) {
            chunks.forEach(chunk -> tasks.add(task(chunk, SERVER)));
        }
        if (ctx.options.mode().client()) {
            chunks.forEach(chunk -> tasks.add(task(chunk, CLIENT)));
        }
        return tasks;
    }

    static List<Chunk> chunks(Connection c, ScanContext ctx, boolean sharedSnapshot) throws SQLException {
        if (ctx.app != null) {
            long rows;
            long bytes;
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT count(*), coalesce(sum(v.size_bytes), 0) FROM core.file_versions v
                     WHERE v.file_id IN (SELECT f.id FROM core.files f WHERE f.app_id = ?)""")) {
                ps.setObject(1, ctx.app.id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    rows = rs.getLong(1);
                    bytes = rs.getLong(2);
                }
            }
            return TablePlanner.keys(rows, bytes, ctx.options.workers());
        }
        TablePlanner.Size size = TablePlanner.size(c, TABLE);
        return TablePlanner.useBlocks(ctx, sharedSnapshot)
                ? TablePlanner.blocks(size, ctx.options.workers())
                : TablePlanner.keys(size.rows(), size.bytes(), ctx.options.workers());
    }

    private ScanTask task(Chunk chunk, String mode) {
        return new ScanTask() {
            @Override public CheckGroup group() { return CheckGroup.VERSIONS; }
            @Override public String mode() { return mode; }
            @Override public String label() { return "digests of " + TABLE + ", " + chunk.describe() + " (" + mode + ")"; }
            @Override public double weight() { return Math.max(1, chunk.estimatedBytes()); }
            @Override public long estimatedRows() { return chunk.estimatedRows(); }
            @Override public void run(Connection c, ScanContext ctx) throws SQLException {
                if (mode.equals(SERVER)) {
                    server(c, ctx, chunk).forEach(ctx::report);
                } else {
                    client(c, ctx, chunk).forEach(ctx::report);
                }
            }
        };
    }

    /** Hashes in SQL; returns findings for the rows whose digest or size differ. */
    static List<Finding> server(Connection c, ScanContext ctx, Chunk chunk) throws SQLException {
        // As close to the bare count(*) FILTER (WHERE sha256(…) <> sha256) as it gets: one digest per
        // row; the length comes from the value's header; only the rows that differ are built into JSON.
        String content = "coalesce(v.content_bytes, convert_to(v.content, 'UTF8'))";
        String len = ctx.lengthOf("v.content", "v.content_bytes");
        String sql = """
                SELECT count(*), coalesce(sum(%2$s), 0),
                       jsonb_agg(jsonb_build_object('id', v.id, 'file', v.file_id, 'version', v.version,
                                 'sha256', encode(v.sha256, 'hex'), 'size', v.size_bytes,
                                 'digest', encode(sha256(%1$s), 'hex'), 'len', %2$s, 'binary', v.content_bytes IS NOT NULL))
                         FILTER (WHERE sha256(%1$s) IS DISTINCT FROM v.sha256 OR %2$s IS DISTINCT FROM v.size_bytes)
                  FROM core.file_versions v
                 WHERE %3$s%4$s
                """.formatted(content, len, chunk.predicate("v"), ctx.appPredicateForVersions("v"));
        List<Finding> out = new ArrayList<>();
        PreparedStatement ps = ctx.prepare(c, sql);
        try {
            int i = chunk.bind(c, ps, 1);
            ctx.bindApp(ps, i);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long rows = rs.getLong(1);
                long bytes = rs.getLong(2);
                String bad = rs.getString(3);
                if (bad != null) {
                    for (JsonNode n : ReportJson.MAPPER.readTree(bad)) {
                        Finding f = finding(UUID.fromString(n.get("id").asText()), UUID.fromString(n.get("file").asText()),
                                n.get("version").asInt(), text(n, "sha256"), number(n, "size"), text(n, "digest"),
                                number(n, "len"), n.get("binary").asBoolean(), SERVER, ctx);
                        if (f != null) {
                            out.add(f);
                        }
                    }
                }
                ctx.counted(CheckGroup.VERSIONS, SERVER, rows, bytes);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("unexpected reply from the server: " + e.getMessage(), e);
            }
        } finally {
            ctx.release(ps);
        }
        return out;
    }

    /** Streams the bytes here and hashes them; returns findings for rows that differ. */
    static List<Finding> client(Connection c, ScanContext ctx, Chunk chunk) throws SQLException {
        List<Finding> out = new ArrayList<>();
        new ClientReader(ctx).read(c, SOURCE, chunk, ctx.appPredicateForVersions("a"), CheckGroup.VERSIONS, item -> {
            Object[] x = item.extras();
            byte[] stored = (byte[]) x[2];
            Long size = x[3] == null ? null : ((Number) x[3]).longValue();
            if (item.digest() != null && size != null && size == item.length() && java.util.Arrays.equals(stored, item.digest())) {
                return; // the common case, without formatting anything
            }
            Finding f = finding(item.id(), (UUID) x[0], ((Number) x[1]).intValue(), hex(stored), size, hex(item.digest()),
                    item.digest() == null ? null : item.length(), item.binary(), CLIENT, ctx);
            if (f != null) {
                out.add(f);
            }
        });
        return out;
    }

    private static String hex(byte[] b) {
        return b == null ? null : HexFormat.of().formatHex(b);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Long number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asLong();
    }

    /** The finding for one version, or null when digest and size agree. */
    static Finding finding(UUID id, UUID fileId, int version, String storedHex, Long storedSize, String digestHex,
                           Long length, boolean binary, String mode, ScanContext ctx) {
        boolean digestOk = digestHex != null && digestHex.equals(storedHex);
        boolean sizeOk = length != null && length.equals(storedSize);
        if (digestOk && sizeOk) {
            return null;
        }
        if (ctx != null) {
            ctx.recomputed.merge(id, new ScanContext.Recomputed(digestHex, length), (a, b) -> a);
        }
        String fileIdText = fileId == null ? null : fileId.toString();
        String v = "version " + version;
        if (digestHex == null) {
            return new Finding(CheckGroup.VERSIONS.id(), "version-no-content", Severity.ERROR, TABLE, id.toString(), null, null,
                    fileIdText, v + " has no content (neither content nor content_bytes)",
                    Hex.digest(storedHex) + ", " + Hex.bytes(storedSize), "no content",
                    "the version's bytes are gone; restore them from a backup", List.of(mode));
        }
        if (!digestOk) {
            String title = storedHex == null ? v + " has no recorded digest"
                    : sizeOk ? v + ": content does not match its recorded SHA-256"
                    : v + ": content does not match its recorded SHA-256 and size";
            String detail = storedHex == null ? "record the digest of the content"
                    : "the content changed without its digest, or the digest was overwritten; compare with a backup "
                    + "before trusting either";
            return new Finding(CheckGroup.VERSIONS.id(), "version-digest", Severity.ERROR, TABLE, id.toString(), null, null,
                    fileIdText, title, Hex.digest(storedHex) + ", " + Hex.bytes(storedSize),
                    Hex.digest(digestHex) + ", " + Hex.bytes(length), detail, List.of(mode));
        }
        return new Finding(CheckGroup.VERSIONS.id(), "version-size", Severity.ERROR, TABLE, id.toString(), null, null,
                fileIdText, v + ": recorded size is wrong (content and digest agree)", Hex.bytes(storedSize), Hex.bytes(length),
                "the content is intact; size_bytes was written wrong" + (binary ? "" : " (it counts UTF-8 bytes, not characters)"),
                List.of(mode));
    }

    @Override
    public List<Finding> recheck(Connection c, ScanContext ctx, List<Finding> findings) throws SQLException {
        List<UUID> server = new ArrayList<>();
        List<UUID> client = new ArrayList<>();
        for (Finding f : findings) {
            UUID id = UUID.fromString(f.rowId());
            if (f.seenBy().contains(SERVER) || f.seenBy().isEmpty()) {
                server.add(id);
            }
            if (f.seenBy().contains(CLIENT)) {
                client.add(id);
            }
        }
        List<Finding> now = new ArrayList<>();
        for (List<UUID> part : partition(server)) {
            now.addAll(server(c, ctx, new Chunk.Ids(part)));
        }
        for (List<UUID> part : partition(client)) {
            now.addAll(client(c, ctx, new Chunk.Ids(part)));
        }
        return now;
    }

    static <T> List<List<T>> partition(List<T> items) {
        List<List<T>> parts = new ArrayList<>();
        for (int i = 0; i < items.size(); i += 1000) {
            parts.add(items.subList(i, Math.min(items.size(), i + 1000)));
        }
        return parts;
    }
}
