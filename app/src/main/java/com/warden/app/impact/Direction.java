package com.warden.app.impact;

import com.warden.app.WardenException;
import java.util.Locale;

/** Which way a walk follows the references. */
public enum Direction {
    /** Who imports the file, and who imports those: what a change to it can break. The default. */
    DEPENDENTS("dependents"),
    /** What the file imports, and what those import: what it needs. */
    DEPENDENCIES("dependencies");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Direction parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Direction d : values()) {
            if (d.label.equals(t) || d.name().toLowerCase(Locale.ROOT).equals(t)) {
                return d;
            }
        }
        if (t.equals("up") || t.equals("importers") || t.equals("reverse")) {
            return DEPENDENTS;
        }
        if (t.equals("down") || t.equals("imports") || t.equals("forward")) {
            return DEPENDENCIES;
        }
        throw new WardenException("Unknown direction '" + text + "'.", "use dependents (who imports it) or dependencies (what it imports)");
    }

    @Override
    public String toString() {
        return label;
    }
}
