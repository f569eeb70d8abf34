package com.warden.app.impact;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The most depended-on files of one app, most transitive dependents first. */
public record DependedOnReport(AppInfo app, Set<RefType> types, List<DependedOnFile> files, int fileCount,
                               int referenceCount, int filesInCycles, Duration elapsed) {
    public DependedOnReport {
        files = List.copyOf(files);
        types = Set.copyOf(types);
    }
}
