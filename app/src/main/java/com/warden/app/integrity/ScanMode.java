package com.warden.app.integrity;

import com.warden.app.WardenException;
import java.util.Locale;

/**
 * Where digests are computed. SERVER: sha256() in SQL, over several connections, only the
 * mismatches travel. CLIENT: the bytes come to Warden as a reader would get them and are hashed
 * here, streamed with a bounded fetch. BOTH: one after the other, findings merged.
 */
public enum ScanMode {
    SERVER, CLIENT, BOTH;

    public boolean server() {
        return this != CLIENT;
    }

    public boolean client() {
        return this != SERVER;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ScanMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new WardenException("Unknown mode '" + text + "'.", "use server, client or both");
        }
    }
}
