package com.warden.app.connect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * libpq's password file (~/.pgpass or PGPASSFILE): lines {@code host:port:database:user:password},
 * {@code *} matching anything, {@code \:} and {@code \\} escaped; the first matching line wins.
 */
public final class PgPassFile {
    private final List<String[]> entries;

    private PgPassFile(List<String[]> entries) {
        this.entries = entries;
    }

    public static Path location(Map<String, String> env, Path home) {
        String explicit = env.get("PGPASSFILE");
        return explicit != null && !explicit.isBlank() ? Path.of(explicit) : home.resolve(".pgpass");
    }

    public static PgPassFile read(Path file) {
        List<String[]> entries = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            try {
                for (String line : Files.readAllLines(file)) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] fields = split(line);
                    if (fields.length == 5) {
                        entries.add(fields);
                    }
                }
            } catch (IOException e) {
                // an unreadable password file is the same as none: the server will ask
            }
        }
        return new PgPassFile(entries);
    }

    public Optional<String> find(String host, int port, String database, String user) {
        String[] wanted = {host, Integer.toString(port), database, user};
        for (String[] entry : entries) {
            boolean match = true;
            for (int i = 0; i < 4 && match; i++) {
                match = entry[i].equals("*") || entry[i].equals(wanted[i])
                        || (i == 0 && entry[i].equals("localhost") && wanted[i].startsWith("/"));
            }
            if (match) {
                return Optional.of(entry[4]);
            }
        }
        return Optional.empty();
    }

    private static String[] split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                current.append(line.charAt(++i));
            } else if (c == ':' && fields.size() < 4) {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields.toArray(String[]::new);
    }
}
