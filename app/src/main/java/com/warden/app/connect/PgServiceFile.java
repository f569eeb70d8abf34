package com.warden.app.connect;

import com.warden.app.WardenException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * libpq's connection service file: INI sections of keyword=value. Looked up in PGSERVICEFILE
 * (or ~/.pg_service.conf), then PGSYSCONFDIR/pg_service.conf, then the Debian default.
 */
public final class PgServiceFile {

    private PgServiceFile() { }

    public static List<Path> searchPath(Map<String, String> env, Path home) {
        List<Path> paths = new ArrayList<>();
        String userFile = env.get("PGSERVICEFILE");
        paths.add(userFile != null && !userFile.isBlank() ? Path.of(userFile) : home.resolve(".pg_service.conf"));
        String sysconf = env.get("PGSYSCONFDIR");
        if (sysconf != null && !sysconf.isBlank()) {
            paths.add(Path.of(sysconf, "pg_service.conf"));
        }
        paths.add(Path.of("/etc/postgresql-common/pg_service.conf"));
        return paths;
    }

    /** The keywords of service {@code name}, from the first file that defines it. */
    public static Map<String, String> lookup(String name, List<Path> files) {
        for (Path file : files) {
            Optional<Map<String, String>> found = readService(file, name);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new WardenException("Service '" + name + "' is not defined.",
                "looked in " + files.stream().map(Path::toString).reduce((a, b) -> a + ", " + b).orElse("nowhere"));
    }

    static Optional<Map<String, String>> readService(Path file, String name) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            return Optional.empty();
        }
        Map<String, String> values = null;
        for (String raw : lines) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                if (values != null) {
                    break;
                }
                if (line.substring(1, line.length() - 1).trim().equals(name)) {
                    values = new LinkedHashMap<>();
                }
                continue;
            }
            int eq = line.indexOf('=');
            if (values != null && eq > 0) {
                values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return Optional.ofNullable(values);
    }
}
