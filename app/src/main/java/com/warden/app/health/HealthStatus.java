package com.warden.app.health;

import java.util.Locale;

/** The overall verdict. */
public enum HealthStatus {
    HEALTHY, DEGRADED, CRITICAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** For --fail-on: "degraded" or "critical". */
    public static HealthStatus parse(String text) {
        for (HealthStatus s : values()) {
            if (s.label().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new com.warden.app.WardenException("Unknown status '" + text + "'.", "use degraded or critical");
    }

    public boolean atLeast(HealthStatus other) {
        return ordinal() >= other.ordinal();
    }
}
