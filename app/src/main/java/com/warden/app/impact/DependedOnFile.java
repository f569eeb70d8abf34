package com.warden.app.impact;

import java.util.UUID;

/**
 * A file and how many files depend on it: directly (import it) and transitively (reach it by any
 * chain of references). {@code inCycle} when it is part of a circle of imports.
 */
public record DependedOnFile(UUID fileId, String path, int directDependents, int transitiveDependents, boolean inCycle) { }
