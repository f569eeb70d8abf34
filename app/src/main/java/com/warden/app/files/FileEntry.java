package com.warden.app.files;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A file of an app as its row says: mime type, size, digest (hex), binary or not, the head
 * version it points to, how many versions it has and the highest, and what is wrong with its
 * head pointer, if anything (the words of core.verify_head_pointers: "file has no versions",
 * "head points to a missing version", ...; null when the head is sound).
 */
public record FileEntry(UUID id, String path, boolean binary, String mimeType, long sizeBytes, String sha256,
                        UUID headVersionId, Integer headVersion, int versions, Integer latestVersion,
                        OffsetDateTime updatedAt, String headProblem) {

    public boolean healthy() {
        return headProblem == null;
    }

    public String name() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    public String shortDigest() {
        return Hex.shortDigest(sha256);
    }
}
