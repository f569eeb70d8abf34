package com.warden.app.impact;

import com.warden.app.WardenException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The kinds of reference core.file_references knows (its CHECK constraint lists the same). */
public enum RefType {
    IMPORT("import"),
    STYLE("style"),
    ASSET("asset"),
    DYNAMIC_IMPORT("dynamic-import"),
    REQUIRE("require");

    private final String sqlName;

    RefType(String sqlName) {
        this.sqlName = sqlName;
    }

    /** The value stored in core.file_references.ref_type. */
    public String sqlName() {
        return sqlName;
    }

    public static RefType fromSql(String value) {
        for (RefType t : values()) {
            if (t.sqlName.equals(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown ref_type " + value);
    }

    public static RefType parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (RefType r : values()) {
            if (r.sqlName.equals(t)) {
                return r;
            }
        }
        if (t.equals("dynamic")) {
            return DYNAMIC_IMPORT;
        }
        throw new WardenException("Unknown reference type '" + text + "'.", "use one or more of " + allNames());
    }

    /** "import,style" to a set; empty or null text means every type. */
    public static Set<RefType> parseList(String text) {
        if (text == null || text.isBlank()) {
            return EnumSet.allOf(RefType.class);
        }
        EnumSet<RefType> out = EnumSet.noneOf(RefType.class);
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(parse(part));
            }
        }
        if (out.isEmpty()) {
            throw new WardenException("No reference type given.", "use one or more of " + allNames());
        }
        return out;
    }

    public static String allNames() {
        return Arrays.stream(values()).map(RefType::sqlName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return sqlName;
    }
}
