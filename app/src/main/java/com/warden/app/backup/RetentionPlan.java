package com.warden.app.backup;

import java.util.List;

/** What a retention policy would keep and delete, with the reason for each backup. */
public record RetentionPlan(RetentionPolicy policy, List<Decision> decisions) {

    public record Decision(CatalogEntry entry, boolean keep, String reason) { }

    public RetentionPlan {
        decisions = List.copyOf(decisions);
    }

    public List<CatalogEntry> toDelete() {
        return decisions.stream().filter(d -> !d.keep()).map(Decision::entry).toList();
    }

    public List<CatalogEntry> toKeep() {
        return decisions.stream().filter(Decision::keep).map(Decision::entry).toList();
    }

    public long bytesFreed() {
        return toDelete().stream().mapToLong(e -> e.manifest().backupBytes()).sum();
    }
}
