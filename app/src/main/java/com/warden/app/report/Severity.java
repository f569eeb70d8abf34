package com.warden.app.report;

import com.warden.app.WardenException;
import java.util.Locale;

/** How bad a finding is. ERROR: data is wrong or lost; WARNING: suspicious or unenforced; INFO: worth knowing. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** True when this severity is at least as bad as {@code threshold}. */
    public boolean reaches(Severity threshold) {
        return threshold != null && ordinal() <= threshold.ordinal();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new WardenException("Unknown severity '" + text + "'.", "use error, warning or info");
        }
    }
}
