package com.warden.app.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.warden.app.WardenException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What pg_basebackup's backup_manifest says about the WAL a base backup needs. */
public record BaseBackupInfo(Lsn startLsn, Lsn endLsn, int timeline, String startWalFile) {

    public static BaseBackupInfo read(Path payload, long segmentSize) {
        Path manifest = payload.resolve("backup_manifest");
        if (!Files.isRegularFile(manifest)) {
            throw new WardenException("The base backup in " + payload + " has no backup_manifest.",
                    "it was not written by pg_basebackup 13 or newer, or is incomplete");
        }
        try {
            JsonNode root = ManifestStore.MAPPER.readTree(manifest.toFile());
            JsonNode ranges = root.path("WAL-Ranges");
            if (!ranges.isArray() || ranges.isEmpty()) {
                throw new WardenException("backup_manifest in " + payload + " lists no WAL range.", "the base backup is incomplete");
            }
            JsonNode first = ranges.get(0);
            JsonNode last = ranges.get(ranges.size() - 1);
            int tli = first.path("Timeline").asInt(1);
            Lsn start = Lsn.parse(first.path("Start-LSN").asText());
            Lsn end = Lsn.parse(last.path("End-LSN").asText());
            return new BaseBackupInfo(start, end, last.path("Timeline").asInt(tli),
                    WalSegment.of(tli, start, segmentSize).fileName(segmentSize));
        } catch (IOException e) {
            throw new WardenException("Cannot read " + manifest + ": " + e.getMessage(), "the base backup is damaged", e);
        }
    }
}
