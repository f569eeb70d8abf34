package com.warden.app.integrity;

import com.warden.app.WardenException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The five groups of checks; each can be run alone. */
public enum CheckGroup {
    VERSIONS("versions", "File version digests", "every version's SHA-256 and size recomputed from its content"),
    HEADS("heads", "Files and head pointers", "files.sha256, size and is_binary against the head version; head is the same file's highest version; no gaps"),
    ORPHANS("orphans", "Orphans and strays", "references, working-set rows, versions and image jobs/assets that point nowhere or into another app"),
    IMAGES("images", "Image assets", "digest, size, format from the magic bytes, and images cut short"),
    CONSTRAINTS("constraints", "Constraints and indexes", "NOT VALID foreign keys and CHECKs re-checked, disabled FK triggers, invalid indexes, amcheck");

    private final String id;
    private final String title;
    private final String description;

    CheckGroup(String id, String title, String description) {
        this.id = id;
        this.title = title;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public static CheckGroup parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (CheckGroup g : values()) {
            if (g.id.equals(t) || g.name().equalsIgnoreCase(t)) {
                return g;
            }
        }
        throw new WardenException("Unknown check '" + text + "'.", "use versions, heads, orphans, images or constraints");
    }

    public static CheckGroup ofId(String id) {
        for (CheckGroup g : values()) {
            if (g.id.equals(id)) {
                return g;
            }
        }
        return null;
    }

    public static Set<CheckGroup> all() {
        return EnumSet.allOf(CheckGroup.class);
    }
}
