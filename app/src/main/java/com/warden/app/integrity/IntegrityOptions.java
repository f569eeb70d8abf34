package com.warden.app.integrity;

import com.warden.app.WardenException;
import java.util.EnumSet;
import java.util.Set;

/**
 * What to check and how.
 *
 * @param app             an app's name or id, or null for the whole database
 * @param mode            where digests are computed
 * @param groups          which check groups run
 * @param workers         connections that scan in parallel (each holds the same snapshot)
 * @param recheck         re-check every finding once, on fresh data, before reporting
 * @param heapAllIndexed  amcheck's heapallindexed (slower: also proves every row is in the index)
 * @param chunking        how the version and image tables are split between connections
 */
public record IntegrityOptions(
        String app,
        ScanMode mode,
        Set<CheckGroup> groups,
        int workers,
        boolean recheck,
        boolean heapAllIndexed,
        Chunking chunking) {

    /** AUTO: block (ctid) ranges on PostgreSQL 14+ with a shared snapshot, key ranges otherwise. */
    public enum Chunking { AUTO, BLOCKS, KEYS }

    public static final int MAX_WORKERS = 16;

    public IntegrityOptions {
        mode = mode == null ? ScanMode.SERVER : mode;
        groups = groups == null || groups.isEmpty() ? CheckGroup.all() : Set.copyOf(EnumSet.copyOf(groups));
        chunking = chunking == null ? Chunking.AUTO : chunking;
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new WardenException("--workers must be between 1 and " + MAX_WORKERS + ", not " + workers + ".",
                    "two is right for most servers; more only helps when the server has idle cores");
        }
        app = app == null || app.isBlank() ? null : app.strip();
    }

    public static IntegrityOptions defaults() {
        return new IntegrityOptions(null, ScanMode.SERVER, CheckGroup.all(), 2, true, false, Chunking.AUTO);
    }

    public IntegrityOptions withApp(String value) {
        return new IntegrityOptions(value, mode, groups, workers, recheck, heapAllIndexed, chunking);
    }

    public IntegrityOptions withMode(ScanMode value) {
        return new IntegrityOptions(app, value, groups, workers, recheck, heapAllIndexed, chunking);
    }

    public IntegrityOptions withGroups(Set<CheckGroup> value) {
        return new IntegrityOptions(app, mode, value, workers, recheck, heapAllIndexed, chunking);
    }

    public IntegrityOptions withWorkers(int value) {
        return new IntegrityOptions(app, mode, groups, value, recheck, heapAllIndexed, chunking);
    }

    public IntegrityOptions withRecheck(boolean value) {
        return new IntegrityOptions(app, mode, groups, workers, value, heapAllIndexed, chunking);
    }

    public IntegrityOptions withHeapAllIndexed(boolean value) {
        return new IntegrityOptions(app, mode, groups, workers, recheck, value, chunking);
    }

    public IntegrityOptions withChunking(Chunking value) {
        return new IntegrityOptions(app, mode, groups, workers, recheck, heapAllIndexed, value);
    }

    public boolean runs(CheckGroup group) {
        return groups.contains(group);
    }
}
