package com.warden.app.impact;

import java.util.UUID;

/**
 * A file the walk reached, at its smallest depth. {@code via} is the file one step closer to the
 * root that reached it (null for a root); following it gives one shortest path.
 */
public record ImpactNode(UUID fileId, String path, int depth, FileKind kind, UUID via, UUID origin) {
    public boolean isRoot() {
        return depth == 0;
    }

    /** The file name without folders. */
    public String name() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
