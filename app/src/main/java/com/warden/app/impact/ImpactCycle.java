package com.warden.app.impact;

import java.util.List;
import java.util.UUID;

/**
 * Files that import each other round in a circle (a strongly connected part of the reached graph).
 * {@code loop} is one shortest circle through its first member, in import order, ending where it
 * started: a imports b imports c imports a is [a, b, c, a].
 */
public record ImpactCycle(List<UUID> members, List<UUID> loop) {
    public ImpactCycle {
        members = List.copyOf(members);
        loop = List.copyOf(loop);
    }

    public int size() {
        return members.size();
    }
}
