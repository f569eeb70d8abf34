package com.warden.ui.shell;

import com.warden.ui.health.HealthScreen;
import com.warden.ui.latency.LatencyScreen;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The screens of the navigation, in order. {@link #standard()} is the one place that lists them:
 * to add a real screen, replace its placeholder there with the screen's class (same id).
 */
public final class ScreenRegistry {
    private final List<Screen> screens;

    public ScreenRegistry(List<? extends Screen> screens) {
        Set<String> ids = new HashSet<>();
        for (Screen s : screens) {
            if (s.id() == null || !s.id().matches("[a-z][a-z0-9-]*")) {
                throw new IllegalArgumentException("Screen id '" + s.id() + "' must be lower-case letters, digits and dashes");
            }
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException("Two screens have the id '" + s.id() + "'");
            }
        }
        if (screens.isEmpty()) {
            throw new IllegalArgumentException("No screens");
        }
        this.screens = List.copyOf(screens);
    }

    /** Warden's screens: project screens first, then the ones that work on any PostgreSQL. */
    public static ScreenRegistry standard() {
        return new ScreenRegistry(List.of(
                new com.warden.ui.sessions.SessionsScreen(),
                new com.warden.ui.files.FilesScreen(),
                new com.warden.ui.impact.ImpactScreen(),
                new com.warden.ui.integrity.IntegrityScreen(),
                new com.warden.ui.health.HealthScreen(),
                new com.warden.ui.latency.LatencyScreen(),
                new com.warden.ui.backup.BackupsScreen()));
    }

    public List<Screen> all() {
        return screens;
    }

    public Screen first() {
        return screens.get(0);
    }

    public Optional<Screen> byId(String id) {
        return screens.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
