package com.warden.app.connect;

import com.warden.app.WardenException;
import java.util.Locale;

/** libpq's sslmode values, passed through to pgjdbc which knows the same names. */
public enum SslMode {
    DISABLE, ALLOW, PREFER, REQUIRE, VERIFY_CA, VERIFY_FULL;

    public String libpqName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static SslMode parse(String value) {
        if (value == null || value.isBlank()) {
            return PREFER;
        }
        for (SslMode mode : values()) {
            if (mode.libpqName().equalsIgnoreCase(value.trim())) {
                return mode;
            }
        }
        throw new WardenException("Unknown sslmode '" + value + "'.",
                "use disable, allow, prefer, require, verify-ca or verify-full");
    }
}
