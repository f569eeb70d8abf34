package com.warden.app.backup;

import com.warden.app.WardenException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds PostgreSQL's programs by major version: a configured folder ({@code WARDEN_PG_BIN} or
 * the settings), PATH, then the places installers put them (Debian's /usr/lib/postgresql/N/bin,
 * PGDG's /usr/pgsql-N/bin, Postgres.app, Homebrew, EDB's /Library/PostgreSQL and Program Files).
 * Each candidate is asked for its version; nothing is assumed from its folder name. When a tool
 * is missing the error names it and every folder looked in.
 */
public final class ToolLocator {
    private static final Logger LOG = LoggerFactory.getLogger(ToolLocator.class);
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");
    private static final Map<String, Optional<String>> VERSION_CACHE = new ConcurrentHashMap<>();
    public static final String ENV_FOLDER = "WARDEN_PG_BIN";

    /** A folder searched, why, and for which major version it was added ({@code 0}: any). */
    public record Place(Path folder, String source) { }

    private final List<Path> configured;
    private final Map<String, String> env;
    private final String osName;
    private final boolean standardPlaces;

    public ToolLocator(List<Path> configured, Map<String, String> env, String osName, boolean standardPlaces) {
        this.configured = List.copyOf(configured);
        this.env = Map.copyOf(env);
        this.osName = osName;
        this.standardPlaces = standardPlaces;
    }

    /** The locator for this machine: WARDEN_PG_BIN, PATH, and the standard places. */
    public static ToolLocator system() {
        return new ToolLocator(List.of(), System.getenv(), System.getProperty("os.name"), true);
    }

    /** The same search with extra configured folders first (the settings' "PostgreSQL programs" folder). */
    public ToolLocator withConfigured(List<Path> folders) {
        List<Path> all = new ArrayList<>(folders);
        all.addAll(configured);
        return new ToolLocator(all, env, osName, standardPlaces);
    }

    /** Every folder searched for a tool of the given major version, in search order, without duplicates. */
    public List<Place> places(int major) {
        Map<Path, Place> out = new LinkedHashMap<>();
        for (Path p : configured) {
            add(out, p, "configured");
        }
        String fromEnv = env.get(ENV_FOLDER);
        if (fromEnv != null && !fromEnv.isBlank()) {
            for (String part : fromEnv.split(java.io.File.pathSeparator)) {
                if (!part.isBlank()) {
                    add(out, Path.of(part.trim()), ENV_FOLDER);
                }
            }
        }
        String path = env.getOrDefault("PATH", env.getOrDefault("Path", ""));
        for (String part : path.split(java.io.File.pathSeparator)) {
            if (!part.isBlank()) {
                add(out, Path.of(part.trim()), "PATH");
            }
        }
        if (standardPlaces) {
            for (int v : versionsToTry(major)) {
                for (Path p : standardFolders(v)) {
                    add(out, p, "standard place for PostgreSQL " + v);
                }
            }
            String os = osName.toLowerCase(Locale.ROOT);
            if (os.contains("mac")) {
                add(out, Path.of("/Applications/Postgres.app/Contents/Versions/latest/bin"), "Postgres.app");
            }
            if (!os.startsWith("windows")) {
                add(out, Path.of("/usr/local/pgsql/bin"), "source install");
            }
        }
        return new ArrayList<>(out.values());
    }

    /** The newest fitting installation of a tool for data of {@code dataMajor}, or a clear error. */
    public FoundTool find(PgTool tool, int dataMajor) {
        return tryFind(tool, dataMajor).orElseThrow(() -> missing(tool, dataMajor));
    }

    public Optional<FoundTool> tryFind(PgTool tool, int dataMajor) {
        List<FoundTool> found = all(tool, dataMajor);
        return found.stream()
                .filter(f -> tool.fits(f.major(), dataMajor))
                // the exact major first (a newer pg_dump is fine, the same one is what the server expects),
                // then a configured folder, then the version's own folder over a PATH wrapper
                .min(Comparator.<FoundTool>comparingInt(f -> f.major() == dataMajor ? 0 : 1)
                        .thenComparingInt(f -> f.major())
                        .thenComparingInt(f -> rank(f.source())));
    }

    /** Every installation of the tool in the places searched for {@code major}, with its version. */
    public List<FoundTool> all(PgTool tool, int major) {
        List<FoundTool> out = new ArrayList<>();
        for (Place place : places(major)) {
            Path candidate = place.folder().resolve(tool.fileName(osName));
            if (!Files.isRegularFile(candidate) || !Files.isExecutable(candidate)) {
                continue;
            }
            Optional<String> version = versionOf(candidate);
            if (version.isEmpty()) {
                continue;
            }
            Matcher m = VERSION.matcher(version.get());
            if (m.find()) {
                String v = m.group(1) + (m.group(2) == null ? "" : "." + m.group(2));
                out.add(new FoundTool(tool, candidate, v, Integer.parseInt(m.group(1)), place.source()));
            }
        }
        return out;
    }

    /** The error for a tool that is missing or only present in versions that do not fit. */
    public WardenException missing(PgTool tool, int dataMajor) {
        List<FoundTool> present = all(tool, dataMajor);
        StringBuilder looked = new StringBuilder();
        for (Place p : places(dataMajor)) {
            if (looked.length() > 0) {
                looked.append(", ");
            }
            looked.append(p.folder());
        }
        String want = tool.fit() == PgTool.Fit.SAME ? "PostgreSQL " + dataMajor : "PostgreSQL " + dataMajor + " or newer";
        String message;
        if (present.isEmpty()) {
            message = tool.command() + " for " + want + " was not found. Looked in: " + looked + ".";
        } else {
            StringBuilder seen = new StringBuilder();
            for (FoundTool f : present) {
                seen.append(seen.length() == 0 ? "" : ", ").append(f.version()).append(" at ").append(f.path());
            }
            message = tool.command() + " for " + want + " was not found; only " + seen + " (does not fit). Looked in: " + looked + ".";
        }
        return new WardenException(message, installHint(dataMajor));
    }

    public String installHint(int major) {
        String os = osName.toLowerCase(Locale.ROOT);
        String how;
        if (os.contains("mac")) {
            how = "install Postgres.app or 'brew install postgresql@" + major + "'";
        } else if (os.startsWith("windows")) {
            how = "install PostgreSQL " + major + " from the EDB installer";
        } else {
            how = "install postgresql-" + major + " (Debian/Ubuntu) or postgresql" + major + "-server (RHEL, PGDG)";
        }
        return how + ", or point " + ENV_FOLDER + " at the folder holding the programs";
    }

    private List<Integer> versionsToTry(int major) {
        TreeSet<Integer> versions = new TreeSet<>();
        if (major > 0) {
            versions.add(major);
        }
        for (Path parent : versionParents()) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent)) {
                for (Path d : dirs) {
                    String name = d.getFileName().toString().replaceAll("^(pgsql-|postgresql@)", "");
                    if (name.matches("\\d{1,2}")) {
                        int v = Integer.parseInt(name);
                        if (v >= major) {
                            versions.add(v);
                        }
                    }
                }
            } catch (IOException | SecurityException ignored) {
                // the parent does not exist here
            }
        }
        return new ArrayList<>(versions);
    }

    private List<Path> versionParents() {
        String os = osName.toLowerCase(Locale.ROOT);
        List<Path> parents = new ArrayList<>();
        if (os.startsWith("windows")) {
            for (String var : List.of("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")) {
                String pf = env.get(var);
                if (pf != null) {
                    parents.add(Path.of(pf, "PostgreSQL"));
                }
            }
        } else if (os.contains("mac")) {
            parents.add(Path.of("/Applications/Postgres.app/Contents/Versions"));
            parents.add(Path.of("/Library/PostgreSQL"));
            parents.add(Path.of("/opt/homebrew/opt"));
            parents.add(Path.of("/usr/local/opt"));
        } else {
            parents.add(Path.of("/usr/lib/postgresql"));
            parents.add(Path.of("/usr"));
        }
        return parents;
    }

    private List<Path> standardFolders(int v) {
        String os = osName.toLowerCase(Locale.ROOT);
        List<Path> out = new ArrayList<>();
        if (os.startsWith("windows")) {
            for (String var : List.of("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")) {
                String pf = env.get(var);
                if (pf != null) {
                    out.add(Path.of(pf, "PostgreSQL", Integer.toString(v), "bin"));
                }
            }
            if (out.isEmpty()) {
                out.add(Path.of("C:\\Program Files\\PostgreSQL\\" + v + "\\bin"));
            }
        } else if (os.contains("mac")) {
            out.add(Path.of("/Applications/Postgres.app/Contents/Versions/" + v + "/bin"));
            out.add(Path.of("/opt/homebrew/opt/postgresql@" + v + "/bin"));
            out.add(Path.of("/usr/local/opt/postgresql@" + v + "/bin"));
            out.add(Path.of("/Library/PostgreSQL/" + v + "/bin"));
        } else {
            out.add(Path.of("/usr/lib/postgresql/" + v + "/bin"));
            out.add(Path.of("/usr/pgsql-" + v + "/bin"));
        }
        return out;
    }

    private static void add(Map<Path, Place> out, Path folder, String source) {
        Path key = folder.toAbsolutePath().normalize();
        out.putIfAbsent(key, new Place(key, source));
    }

    private static int rank(String source) {
        if (source.equals("configured") || source.equals(ENV_FOLDER)) {
            return 0;
        }
        return source.startsWith("standard") || source.startsWith("Postgres.app") ? 1 : 2;
    }

    /** Runs {@code tool --version} once per file and modification time. */
    static Optional<String> versionOf(Path executable) {
        String key;
        try {
            key = executable.toRealPath() + "@" + Files.getLastModifiedTime(executable).toMillis();
        } catch (IOException e) {
            return Optional.empty();
        }
        return VERSION_CACHE.computeIfAbsent(key, k -> askVersion(executable));
    }

    private static Optional<String> askVersion(Path executable) {
        try {
            Process p = new ProcessBuilder(executable.toString(), "--version").redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readNBytes(4096), StandardCharsets.UTF_8).trim();
            }
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 && VERSION.matcher(out).find() ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            LOG.debug("Cannot run {} --version: {}", executable, e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
