package com.warden.app.files;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One version of a file, without its content: number, size, digest (hex), author and time. */
public record FileVersion(UUID id, UUID fileId, int version, long sizeBytes, String sha256, String createdBy,
                          OffsetDateTime createdAt, boolean binary, boolean head) {

    public String shortDigest() {
        return Hex.shortDigest(sha256);
    }

    public String label() {
        return "v" + version;
    }
}
