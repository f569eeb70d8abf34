package com.warden.app.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.warden.app.WardenException;
import com.warden.app.job.JobContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.CRC32C;
import java.util.zip.GZIPInputStream;

/**
 * Proves a backup can be read back: every file of the manifest is there with its size and
 * SHA-256, and the backup's own tool accepts it (pg_restore --list for dumps, pg_verifybackup for
 * plain base backups; a tar base backup is checked entry by entry against pg_basebackup's
 * backup_manifest CRC-32C checksums). A plain SQL dump must end with pg_dump's closing line.
 */
public final class BackupVerifier {
    private static final String PLAIN_END = "-- PostgreSQL database dump complete";

    private final ToolLocator tools;

    public BackupVerifier(ToolLocator tools) {
        this.tools = tools;
    }

    /** Problems with the files against the manifest; empty when all are there and equal. */
    public List<String> checkFiles(Path folder, BackupManifest manifest, boolean digests, JobContext job) {
        List<String> problems = new ArrayList<>();
        if (manifest.files() == null || manifest.files().isEmpty()) {
            problems.add("the manifest lists no files");
            return problems;
        }
        Map<String, String> actual = new HashMap<>();
        if (digests) {
            List<Path> present = new ArrayList<>();
            for (FileTree.Entry e : manifest.files()) {
                if (Files.isRegularFile(folder.resolve(e.path()))) {
                    present.add(folder.resolve(e.path()));
                }
            }
            long total = present.stream().mapToLong(FileTree::size).sum();
            long[] done = {0};
            for (Path p : present) {
                job.checkCancelled();
                actual.put(FileTree.relative(folder, p), FileTree.sha256(p, n -> {
                    done[0] += n;
                    job.progress(done[0], total, "Checking SHA-256 of the backup files");
                }));
            }
        }
        for (FileTree.Entry e : manifest.files()) {
            Path p = folder.resolve(e.path());
            if (!Files.isRegularFile(p)) {
                problems.add(e.path() + " is missing");
                continue;
            }
            long size = FileTree.size(p);
            if (size != e.bytes()) {
                problems.add(e.path() + " has " + size + " bytes, the manifest says " + e.bytes() + " (truncated or changed)");
            } else if (digests && !e.sha256().equals(actual.get(e.path()))) {
                problems.add(e.path() + " has another SHA-256 than the manifest (corrupted or changed)");
            }
        }
        return problems;
    }

    /** Files and content: what `warden backup verify` and a restore's first step run. */
    public BackupManifest.Verification verify(Path folder, BackupManifest manifest, JobContext job) {
        List<String> problems = checkFiles(folder, manifest, true, job);
        if (!problems.isEmpty()) {
            return new BackupManifest.Verification(false, "sha256 of every file", summarize(problems), Instant.now());
        }
        BackupManifest.Verification content = verifyContent(folder, manifest, job);
        return new BackupManifest.Verification(content.ok(), "sha256 of every file; " + content.method(),
                content.ok() ? manifest.files().size() + " files match their SHA-256; " + content.detail() : content.detail(),
                content.at());
    }

    /** The tool's own check of the backup's content, in full. */
    public BackupManifest.Verification verifyContent(Path folder, BackupManifest manifest, JobContext job) {
        return verifyContent(folder, manifest, job, false);
    }

    /**
     * The tool's own check. {@code justWritten}: right after pg_basebackup, while Warden computes
     * the SHA-256 of every file from the same bytes, pg_verifybackup skips its own checksum pass
     * ({@code -s}: every file of backup_manifest present with its size, and the WAL the backup
     * needs parseable). {@code warden backup verify}, restores and drills check every byte again.
     */
    public BackupManifest.Verification verifyContent(Path folder, BackupManifest manifest, JobContext job, boolean justWritten) {
        Path payload = folder.resolve(manifest.payload());
        int major = manifest.source().major();
        if (manifest.kind() == BackupKind.LOGICAL) {
            if (manifest.format() == BackupFormat.PLAIN) {
                return verifyPlain(payload);
            }
            FoundTool restore = tools.find(PgTool.PG_RESTORE, major);
            job.progress(0, -1, "pg_restore --list");
            List<String> lines = new ArrayList<>();
            ToolResult r = ToolRunner.run(ToolCommand.of(List.of(restore.path().toString(), "--list", payload.toString())),
                    lines::add, null, job);
            String method = "pg_restore --list";
            if (!r.ok()) {
                return new BackupManifest.Verification(false, method, "pg_restore cannot read the dump: " + r.errorLine(), Instant.now());
            }
            DumpToc toc = DumpToc.parse(lines);
            Set<TableName> withData = new TreeSet<>(toc.tablesWithData());
            List<String> missing = new ArrayList<>();
            for (BackupManifest.TableCount t : manifest.tables()) {
                if (!withData.contains(t.name())) {
                    missing.add(t.name().toString());
                }
            }
            if (!missing.isEmpty()) {
                return new BackupManifest.Verification(false, method, "the dump holds no data for " + String.join(", ", missing),
                        Instant.now());
            }
            return new BackupManifest.Verification(true, method, toc.entries().size() + " entries, data of "
                    + withData.size() + " tables", Instant.now());
        }
        if (manifest.format() == BackupFormat.TAR) {
            return verifyTarBaseBackup(payload, job);
        }
        FoundTool verify = tools.find(PgTool.PG_VERIFYBACKUP, major);
        job.progress(0, -1, "pg_verifybackup");
        List<String> out = new ArrayList<>();
        List<String> argv = new ArrayList<>(List.of(verify.path().toString()));
        if (justWritten) {
            argv.add("--skip-checksums");
        }
        argv.add(payload.toString());
        ToolResult r = ToolRunner.run(ToolCommand.of(argv), out::add, null, job);
        String method = justWritten ? "pg_verifybackup --skip-checksums (files, sizes, WAL) with Warden's SHA-256 of every file" : "pg_verifybackup";
        if (!r.ok()) {
            return new BackupManifest.Verification(false, method, "pg_verifybackup: " + r.errorLine(), Instant.now());
        }
        return new BackupManifest.Verification(true, method, out.isEmpty() ? "backup successfully verified" : out.get(out.size() - 1),
                Instant.now());
    }

    private static BackupManifest.Verification verifyPlain(Path payload) {
        String method = "closing line of the SQL script";
        try (InputStream raw = Files.newInputStream(payload);
             InputStream in = payload.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
            byte[] window = new byte[8192];
            byte[] buf = new byte[1 << 16];
            int filled = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                if (n >= window.length) {
                    System.arraycopy(buf, n - window.length, window, 0, window.length);
                    filled = window.length;
                } else {
                    int keep = Math.min(filled, window.length - n);
                    System.arraycopy(window, filled - keep, window, 0, keep);
                    System.arraycopy(buf, 0, window, keep, n);
                    filled = keep + n;
                }
            }
            String tail = new String(window, 0, filled, StandardCharsets.UTF_8);
            if (tail.contains(PLAIN_END)) {
                return new BackupManifest.Verification(true, method, "the script ends with pg_dump's closing line", Instant.now());
            }
            return new BackupManifest.Verification(false, method, "the script does not end with pg_dump's closing line (truncated)",
                    Instant.now());
        } catch (IOException e) {
            return new BackupManifest.Verification(false, method, "cannot read the script: " + e.getMessage(), Instant.now());
        }
    }

    /** Each tar entry's size and CRC-32C against pg_basebackup's backup_manifest. */
    private static BackupManifest.Verification verifyTarBaseBackup(Path payload, JobContext job) {
        String method = "CRC-32C of every file against backup_manifest";
        Map<String, JsonNode> expected = new HashMap<>();
        try {
            JsonNode root = ManifestStore.MAPPER.readTree(payload.resolve("backup_manifest").toFile());
            for (JsonNode f : root.path("Files")) {
                expected.put(f.path("Path").asText(), f);
            }
        } catch (IOException e) {
            return new BackupManifest.Verification(false, method, "cannot read backup_manifest: " + e.getMessage(), Instant.now());
        }
        List<String> problems = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        Path base = findTar(payload, "base");
        if (base == null) {
            return new BackupManifest.Verification(false, method, "base.tar is missing", Instant.now());
        }
        try {
            TarArchive.walk(base, (name, type, size, mode, content) -> {
                job.checkCancelled();
                JsonNode want = expected.get(name);
                if (want == null || (type != '0' && type != '7')) {
                    return;
                }
                seen.add(name);
                CRC32C crc = new CRC32C();
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = content.read(buf)) > 0) {
                    crc.update(buf, 0, n);
                }
                if (size != want.path("Size").asLong()) {
                    problems.add(name + " has " + size + " bytes, backup_manifest says " + want.path("Size").asLong());
                } else if ("CRC32C".equals(want.path("Checksum-Algorithm").asText())
                        && !crc32cHex(crc.getValue()).equalsIgnoreCase(want.path("Checksum").asText())) {
                    problems.add(name + " fails its CRC-32C checksum");
                }
            });
        } catch (WardenException e) {
            return new BackupManifest.Verification(false, method, e.getMessage(), Instant.now());
        }
        for (String name : expected.keySet()) {
            if (!seen.contains(name) && !name.startsWith("pg_tblspc/")) {
                problems.add(name + " is listed in backup_manifest but not in base.tar");
            }
        }
        Path wal = findTar(payload, "pg_wal");
        if (wal == null) {
            problems.add("pg_wal.tar is missing (the WAL the backup needs to be consistent)");
        }
        if (!problems.isEmpty()) {
            return new BackupManifest.Verification(false, method, summarize(problems), Instant.now());
        }
        return new BackupManifest.Verification(true, method, seen.size() + " files match backup_manifest", Instant.now());
    }

    static Path findTar(Path payload, String stem) {
        for (String ext : List.of(".tar", ".tar.gz")) {
            Path p = payload.resolve(stem + ext);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** PostgreSQL prints the CRC-32C's four bytes in memory order (little-endian on x86 and ARM). */
    static String crc32cHex(long value) {
        int v = (int) value;
        byte[] b = {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
        return HexFormat.of().formatHex(b);
    }

    private static String summarize(List<String> problems) {
        if (problems.size() <= 3) {
            return String.join("; ", problems);
        }
        return String.join("; ", problems.subList(0, 3)) + "; and " + (problems.size() - 3) + " more";
    }
}
