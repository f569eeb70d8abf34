package com.warden.app.latency;

import com.warden.app.WardenException;
import com.warden.app.config.ClasspathFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The probes to run: the built-in ones (resources warden/probes/*.sql: seed 000's hot paths with
 * seed 002's thresholds) and the user's own folder (by default {@code <config>/probes}), where a
 * file of the same name replaces a built-in probe. A file that cannot be read becomes a problem
 * line; the others load.
 */
public final class ProbeCatalog {
    public static final String BUILT_IN = "warden/probes";

    /** A probe file that could not be loaded, and why. */
    public record Problem(String id, String source, String message) { }

    /** What loaded, and what did not. */
    public record Loaded(List<Probe> probes, List<Problem> problems) {
        public Loaded {
            probes = List.copyOf(probes);
            problems = List.copyOf(problems);
        }
    }

    private ProbeCatalog() { }

    public static Loaded builtIn() {
        return load(null, true);
    }

    /**
     * @param userFolder a folder of *.sql probes, or null; a missing folder is fine, a path that is
     *                   a file is an error
     * @param withBuiltIns false to run only the user's folder
     */
    public static Loaded load(Path userFolder, boolean withBuiltIns) {
        Map<String, Object> byId = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        if (withBuiltIns) {
            ClasspathFolder.read(BUILT_IN, ".sql").forEach((file, text) -> add(byId, problems, file, "built-in", text));
        }
        if (userFolder != null) {
            if (Files.exists(userFolder) && !Files.isDirectory(userFolder)) {
                throw new WardenException("The probe folder " + userFolder + " is a file.", "give a folder of *.sql probe files");
            }
            if (Files.isDirectory(userFolder)) {
                try (Stream<Path> files = Files.list(userFolder)) {
                    for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList()) {
                        String text;
                        try {
                            text = Files.readString(p, StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            problems.add(new Problem(id(p.getFileName().toString()), p.toString(), "cannot read: " + e.getMessage()));
                            continue;
                        }
                        add(byId, problems, p.getFileName().toString(), p.toString(), text);
                    }
                } catch (IOException e) {
                    throw new WardenException("Cannot list the probe folder " + userFolder + ": " + e.getMessage(), null, e);
                }
            }
        }
        List<Probe> probes = new ArrayList<>();
        byId.values().forEach(v -> {
            if (v instanceof Probe p) {
                probes.add(p);
            }
        });
        return new Loaded(probes, problems);
    }

    private static void add(Map<String, Object> byId, List<Problem> problems, String file, String source, String text) {
        String id = id(file);
        try {
            byId.put(id, ProbeParser.parse(id, source, text));
            problems.removeIf(p -> p.id().equals(id));
        } catch (WardenException e) {
            byId.remove(id);
            problems.add(new Problem(id, source, e.getMessage()));
        }
    }

    static String id(String file) {
        return file.endsWith(".sql") ? file.substring(0, file.length() - 4) : file;
    }
}
