package com.warden.app.integrity;

import com.warden.app.WardenException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The app a run is limited to, found by its name or id. */
record AppScope(UUID id, String name) {

    static AppScope resolve(Connection c, String text) throws SQLException {
        if (text == null) {
            return null;
        }
        UUID asId = parseUuid(text);
        if (asId != null) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM core.apps WHERE id = ?")) {
                ps.setObject(1, asId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return new AppScope(rs.getObject(1, UUID.class), rs.getString(2));
                    }
                }
            }
            throw new WardenException("No app has the id " + asId + ".", "check the id, or give the app's name");
        }
        List<AppScope> matches = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT a.id, a.name, coalesce(u.email, '?') FROM core.apps a LEFT JOIN core.users u ON u.id = a.owner_id
                 WHERE a.name = ? ORDER BY a.created_at, a.id LIMIT 20""")) {
            ps.setString(1, text);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    matches.add(new AppScope(rs.getObject(1, UUID.class), rs.getString(2)));
                    owners.add(rs.getString(3) + " → " + rs.getString(1));
                }
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.size() > 1) {
            throw new WardenException("The app name '" + text + "' is used by " + matches.size() + " apps.",
                    "give the app's id instead: " + String.join(", ", owners));
        }
        List<String> similar = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name FROM core.apps WHERE name ILIKE '%' || ? || '%' ORDER BY name LIMIT 5")) {
            ps.setString(1, text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    similar.add(rs.getString(1));
                }
            }
        }
        throw new WardenException("No app is named '" + text + "'.",
                similar.isEmpty() ? "names are case-sensitive; check the spelling or give the app's id"
                        : "did you mean " + String.join(", ", similar.stream().map(s -> "'" + s + "'").toList()) + "?");
    }

    private static UUID parseUuid(String text) {
        if (text.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
