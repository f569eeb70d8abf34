package com.warden.app.files;

/**
 * What a diff amounts to: change blocks (what next / previous change walks), hunks of the unified
 * view at its context size, lines added and removed, and whether the diff was simplified because
 * the versions differ too much for an exact line-by-line match within the work budget.
 */
public record DiffStats(int changes, int hunks, int added, int removed, boolean approximate) {
    public boolean identical() {
        return changes == 0;
    }
}
