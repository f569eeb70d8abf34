package com.warden.app.impact;

import com.warden.app.WardenException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One question: from this root, which way, how deep, over which reference types. Validated on
 * construction, so a bad depth never reaches the database.
 */
public record ImpactRequest(ImpactRoot root, Direction direction, int maxDepth, Set<RefType> types) {
    public static final int DEFAULT_DEPTH = 5;
    public static final int MIN_DEPTH = 1;
    public static final int MAX_DEPTH = 50;

    public ImpactRequest {
        if (root == null) {
            throw new WardenException("No starting file given.", "name an app and a path, a file id or a session");
        }
        direction = direction == null ? Direction.DEPENDENTS : direction;
        checkDepth(maxDepth);
        types = types == null || types.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.allOf(RefType.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(types));
    }

    /** Dependents of the root, depth 5, every reference type. */
    public static ImpactRequest of(ImpactRoot root) {
        return new ImpactRequest(root, Direction.DEPENDENTS, DEFAULT_DEPTH, null);
    }

    public static void checkDepth(int depth) {
        if (depth < MIN_DEPTH || depth > MAX_DEPTH) {
            throw new WardenException("Depth " + depth + " is outside the allowed range " + MIN_DEPTH + " to " + MAX_DEPTH + ".",
                    "give a depth from " + MIN_DEPTH + " to " + MAX_DEPTH + " (default " + DEFAULT_DEPTH + ")");
        }
    }

    public ImpactRequest withRoot(ImpactRoot newRoot) {
        return new ImpactRequest(newRoot, direction, maxDepth, types);
    }

    public ImpactRequest withDirection(Direction newDirection) {
        return new ImpactRequest(root, newDirection, maxDepth, types);
    }

    public ImpactRequest withDepth(int newDepth) {
        return new ImpactRequest(root, direction, newDepth, types);
    }

    public ImpactRequest withTypes(Set<RefType> newTypes) {
        return new ImpactRequest(root, direction, maxDepth, newTypes);
    }

    public boolean allTypes() {
        return types.size() == RefType.values().length;
    }

    /** The types as the text[] parameter of the walk. */
    public String[] typeNames() {
        return types.stream().map(RefType::sqlName).toArray(String[]::new);
    }

    public String typesLabel() {
        return allTypes() ? "all reference types" : types.stream().map(RefType::sqlName).collect(Collectors.joining(", "));
    }
}
