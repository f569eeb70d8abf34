package com.warden.app.connect;

import com.warden.app.WardenException;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses libpq connection URIs: {@code postgresql://[user[:password]@][host][:port][/dbname][?param=value&...]}
 * ({@code postgres://} and {@code jdbc:postgresql://} too). Only the first host of a list is used.
 */
final class PgUri {

    /** The parts of a URI, each null when absent; query parameters keep libpq's names. */
    record Parts(String user, String password, String host, Integer port, String database,
                 Map<String, String> params) { }

    private PgUri() { }

    static boolean looksLikeUri(String text) {
        String t = text.trim();
        return t.startsWith("postgresql://") || t.startsWith("postgres://") || t.startsWith("jdbc:postgresql://");
    }

    static Parts parse(String uri) {
        String text = uri.trim();
        if (text.startsWith("jdbc:")) {
            text = text.substring(5);
        }
        int schemeEnd = text.indexOf("://");
        if (schemeEnd < 0 || !(text.startsWith("postgresql") || text.startsWith("postgres"))) {
            throw new WardenException("Not a PostgreSQL URI: it must start with postgresql://.",
                    "for example postgresql://user@localhost:5432/dbname");
        }
        String rest = text.substring(schemeEnd + 3);
        Map<String, String> params = new LinkedHashMap<>();
        int q = rest.indexOf('?');
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new WardenException("Malformed URI parameter '" + pair + "'.", "write it as name=value");
                }
                params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
            rest = rest.substring(0, q);
        }
        String database = null;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            database = emptyToNull(decode(rest.substring(slash + 1)));
            rest = rest.substring(0, slash);
        }
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                user = emptyToNull(decode(userInfo.substring(0, colon)));
                password = decode(userInfo.substring(colon + 1));
            } else {
                user = emptyToNull(decode(userInfo));
            }
        }
        int comma = rest.indexOf(',');
        if (comma >= 0) {
            rest = rest.substring(0, comma); // first host of a multi-host list
        }
        String host;
        Integer port = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new WardenException("Malformed IPv6 host in the URI.", "write it as [::1]");
            }
            host = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (after.startsWith(":")) {
                port = parsePort(after.substring(1));
            }
        } else {
            int colon = rest.lastIndexOf(':');
            if (colon >= 0) {
                host = rest.substring(0, colon);
                port = parsePort(rest.substring(colon + 1));
            } else {
                host = rest;
            }
        }
        return new Parts(user, password, emptyToNull(decode(host)), port, database, params);
    }

    static Integer parsePort(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new WardenException("The port '" + text + "' is not a number.", "for example 5432");
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String value) {
        // Percent-decoding only: a '+' is a plus sign in libpq URIs, not a space.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length) {
                int hi = Character.digit(bytes[i + 1], 16);
                int lo = Character.digit(bytes[i + 2], 16);
                if (hi >= 0 && lo >= 0) {
                    out.write(hi * 16 + lo);
                    i += 2;
                    continue;
                }
            }
            out.write(bytes[i]);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
