package com.warden.app.files;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A revert done: version {@code restoredVersion} of the file is now also version
 * {@code newVersion}, the head; the head before it was {@code previousHead} (null when broken).
 */
public record RevertResult(UUID fileId, String path, int restoredVersion, Integer previousHead, UUID newVersionId,
                           int newVersion, String sha256, long sizeBytes, String createdBy, OffsetDateTime createdAt) { }
