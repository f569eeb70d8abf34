package com.warden.app.files;

import com.warden.app.WardenException;
import com.warden.app.connect.Database;
import com.warden.app.job.JobContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Read-only questions about an app's files: apps, the file list and tree, versions, contents,
 * diffs of two versions and what a session changed. Works on a read-only connection; every bad
 * name or number comes back as one clear line (with a suggestion when there is a near miss).
 */
public final class FileHistory {
    private final Database db;

    public FileHistory(Database db) {
        this.db = db;
    }

    // ------------------------------------------------------------------ apps

    public List<AppRef> apps() {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(APP_SELECT + " ORDER BY a.name, u.email")) {
                return readApps(ps);
            }
        });
    }

    private static final String APP_SELECT = """
            SELECT a.id, a.name, u.email, (SELECT count(*) FROM core.files f WHERE f.app_id = a.id)::int
              FROM core.apps a JOIN core.users u ON u.id = a.owner_id""";

    /** An app by exact name, by id, or by name ignoring case; anything else is a clear refusal. */
    public AppRef findApp(String nameOrId) {
        if (nameOrId == null || nameOrId.isBlank()) {
            throw new WardenException("Which app? Give its name with --app.", "warden files without --app lists the apps");
        }
        String wanted = nameOrId.strip();
        return db.withConnection(c -> {
            List<AppRef> found = query(c, APP_SELECT + " WHERE a.name = ? ORDER BY u.email", wanted);
            if (found.isEmpty()) {
                Optional<UUID> id = uuid(wanted);
                if (id.isPresent()) {
                    found = query(c, APP_SELECT + " WHERE a.id = ?", id.get());
                }
            }
            if (found.isEmpty()) {
                found = query(c, APP_SELECT + " WHERE lower(a.name) = lower(?) ORDER BY u.email", wanted);
            }
            if (found.size() == 1) {
                return found.get(0);
            }
            if (found.size() > 1) {
                throw new WardenException(found.size() + " apps are named '" + wanted + "' (owners "
                        + found.stream().map(AppRef::owner).collect(Collectors.joining(", ")) + ").",
                        "give the app's id instead: " + found.stream().map(a -> a.id().toString()).collect(Collectors.joining(" or ")));
            }
            List<String> near = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT DISTINCT a.name, public.similarity(a.name, ?) AS s FROM core.apps a
                     WHERE public.similarity(a.name, ?) > 0.2 OR a.name ILIKE '%' || ? || '%'
                     ORDER BY s DESC, a.name LIMIT 3""")) {
                ps.setString(1, wanted);
                ps.setString(2, wanted);
                ps.setString(3, likeEscape(wanted));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        near.add("'" + rs.getString(1) + "'");
                    }
                }
            }
            throw new WardenException("No app named '" + wanted + "'.",
                    near.isEmpty() ? "warden files without --app lists the apps" : "did you mean " + String.join(" or ", near) + "?");
        });
    }

    private static List<AppRef> query(Connection c, String sql, Object parameter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            return readApps(ps);
        }
    }

    private static List<AppRef> readApps(PreparedStatement ps) throws SQLException {
        List<AppRef> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new AppRef(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4)));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ files

    /** The file columns; problemsJoin supplies "p.problem" from core.verify_head_pointers. */
    private static String fileSelect(String problemsJoin) {
        return """
                SELECT f.id, f.path, f.is_binary, f.mime_type, f.size_bytes, f.sha256, f.head_version_id, h.version,
                       coalesce(v.n, 0), v.top, f.updated_at, p.problem
                  FROM core.files f
                  LEFT JOIN core.file_versions h ON h.id = f.head_version_id AND h.file_id = f.id
                  LEFT JOIN LATERAL (SELECT count(*)::int AS n, max(x.version) AS top
                                       FROM core.file_versions x WHERE x.file_id = f.id) v ON true
                """ + problemsJoin;
    }

    private static final String FILE_LIST = "WITH problems AS MATERIALIZED (SELECT file_id, problem FROM core.verify_head_pointers(?))\n"
            + fileSelect("LEFT JOIN problems p ON p.file_id = f.id") + " WHERE f.app_id = ? ORDER BY f.path";
    private static final String FILE_ONE = fileSelect("LEFT JOIN LATERAL core.verify_head_pointers(f.app_id) p ON p.file_id = f.id");

    /** Every file of the app, by path, with the state of its head pointer. */
    public List<FileEntry> files(UUID appId) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(FILE_LIST)) {
                ps.setObject(1, appId);
                ps.setObject(2, appId);
                return readFiles(ps);
            }
        });
    }

    /** One file by path; an unknown path is refused with the nearest paths of the app. */
    public FileEntry file(AppRef app, String path) {
        if (path == null || path.isBlank()) {
            throw new WardenException("Which file? Give its path with --path.", "warden files --app '" + app.name() + "' lists them");
        }
        String wanted = path.strip();
        String clean = wanted.startsWith("./") ? wanted.substring(2) : wanted.startsWith("/") ? wanted.substring(1) : wanted;
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(FILE_ONE + " WHERE f.app_id = ? AND f.path = ?")) {
                ps.setObject(1, app.id());
                ps.setString(2, clean);
                List<FileEntry> found = readFiles(ps);
                if (!found.isEmpty()) {
                    return found.get(0);
                }
            }
            List<String> paths = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT path FROM core.files WHERE app_id = ?")) {
                ps.setObject(1, app.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        paths.add(rs.getString(1));
                    }
                }
            }
            List<String> near = nearest(clean, paths);
            throw new WardenException("No file '" + wanted + "' in " + app.name() + ".",
                    near.isEmpty() ? "warden files --app '" + app.name() + "' lists its files"
                            : "did you mean " + near.stream().map(p -> "'" + p + "'").collect(Collectors.joining(" or ")) + "?");
        });
    }

    public FileEntry file(UUID fileId) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(FILE_ONE + " WHERE f.id = ?")) {
                ps.setObject(1, fileId);
                List<FileEntry> found = readFiles(ps);
                if (found.isEmpty()) {
                    throw new WardenException("No file with id " + fileId + ".", "it may have been deleted; reload the list");
                }
                return found.get(0);
            }
        });
    }

    private static List<FileEntry> readFiles(PreparedStatement ps) throws SQLException {
        List<FileEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new FileEntry(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                        rs.getLong(5), Hex.of(rs.getBytes(6)), rs.getObject(7, UUID.class), (Integer) rs.getObject(8),
                        rs.getInt(9), (Integer) rs.getObject(10), rs.getObject(11, OffsetDateTime.class), rs.getString(12)));
            }
        }
        return out;
    }

    /** Up to three paths closest to a mistyped one: same file name first, then by edit distance. */
    static List<String> nearest(String wanted, List<String> paths) {
        String lower = wanted.toLowerCase(Locale.ROOT);
        String name = lower.substring(lower.lastIndexOf('/') + 1);
        record Scored(String path, boolean sameName, int distance) { }
        return paths.stream()
                .map(p -> {
                    String l = p.toLowerCase(Locale.ROOT);
                    return new Scored(p, l.equals(name) || l.endsWith("/" + name), distance(lower, l));
                })
                .filter(s -> s.sameName() || s.distance() <= Math.max(2, wanted.length() / 5))
                .sorted(Comparator.comparing((Scored s) -> !s.sameName()).thenComparingInt(Scored::distance))
                .limit(3)
                .map(Scored::path)
                .collect(Collectors.toList());
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    // ------------------------------------------------------------------ versions

    private static final String VERSION_SELECT = """
            SELECT v.id, v.file_id, v.version, v.size_bytes, v.sha256, v.created_by, v.created_at,
                   v.content_bytes IS NOT NULL, v.id IS NOT DISTINCT FROM f.head_version_id""";

    /** The versions of a file, newest first, without content. */
    public List<FileVersion> versions(UUID fileId) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(VERSION_SELECT
                    + " FROM core.file_versions v JOIN core.files f ON f.id = v.file_id WHERE v.file_id = ? ORDER BY v.version DESC")) {
                ps.setObject(1, fileId);
                List<FileVersion> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(readVersion(rs));
                    }
                }
                return out;
            }
        });
    }

    private static FileVersion readVersion(ResultSet rs) throws SQLException {
        return new FileVersion(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3), rs.getLong(4),
                Hex.of(rs.getBytes(5)), rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getBoolean(8), rs.getBoolean(9));
    }

    /** Contents of the given version ids (in no particular order). */
    private List<VersionContent> contents(List<UUID> versionIds, JobContext job) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(VERSION_SELECT + ", v.content, v.content_bytes"
                    + " FROM core.file_versions v JOIN core.files f ON f.id = v.file_id WHERE v.id = ANY (?)")) {
                ps.setArray(1, c.createArrayOf("uuid", versionIds.toArray()));
                job.onCancel(() -> cancel(ps));
                List<VersionContent> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new VersionContent(readVersion(rs), rs.getString(10), rs.getBytes(11)));
                    }
                }
                job.checkCancelled();
                return out;
            }
        });
    }

    private static void cancel(PreparedStatement ps) {
        try {
            ps.cancel();
        } catch (SQLException ignored) {
            // the statement already finished
        }
    }

    // ------------------------------------------------------------------ diffs

    /** As {@code from} of {@link #diff}: compare with the empty file (what a version added as a whole). */
    public static final int EMPTY = 0;

    /**
     * Diff of two versions of one file. {@code to} null means the head (or, when the head pointer
     * is broken, the highest version, with a note); {@code from} null means the version before
     * {@code to}, or nothing when {@code to} is the first; {@code from} {@link #EMPTY} means nothing.
     */
    public FileDiff diff(FileEntry file, Integer from, Integer to, DiffOptions options, JobContext job) {
        List<FileVersion> versions = versions(file.id());
        if (versions.isEmpty()) {
            throw new WardenException(file.path() + " has no versions, so there is nothing to compare.",
                    "an integrity check reports it: the file row exists without any content");
        }
        List<String> notes = new ArrayList<>();
        FileVersion target;
        if (to != null) {
            target = pick(file, versions, to);
        } else {
            target = versions.stream().filter(FileVersion::head).findFirst().orElse(null);
            if (target == null) {
                target = versions.get(0);
                notes.add("The head pointer of " + file.path() + " is broken (" + (file.headProblem() == null ? "it points nowhere"
                        : file.headProblem()) + "); compared with the highest version, v" + target.version() + ".");
            }
        }
        FileVersion base;
        if (from != null && from == EMPTY) {
            base = null;
            int number = target.version();
            notes.add(versions.stream().anyMatch(v -> v.version() < number)
                    ? target.label() + " compared with the empty file." : target.label() + " is the first version: compared with the empty file.");
        } else if (from != null) {
            base = pick(file, versions, from);
        } else {
            int below = target.version();
            base = versions.stream().filter(v -> v.version() < below).findFirst().orElse(null);
            if (base == null) {
                notes.add("v" + target.version() + " is the first version: compared with the empty file.");
            }
        }
        FileDiff diff = load(file.id(), file.path(), base, target, options, job, notes);
        return diff.binary() ? diff.withNotes(formatNotes(file, diff)) : diff;
    }

    /** Says so when an image's bytes are not the format its mime type names (a .png holding JPEG bytes). */
    private static List<String> formatNotes(FileEntry file, FileDiff diff) {
        List<String> notes = new ArrayList<>();
        String mime = file.mimeType() == null ? "" : file.mimeType();
        BinaryInfo[] infos = {diff.leftInfo(), diff.rightInfo()};
        String[] labels = {diff.fromLabel(), diff.toLabel()};
        for (int i = 0; i < 2; i++) {
            BinaryInfo info = infos[i];
            if (info != null && info.format() != null && mime.startsWith("image/") && !mime.equals("image/" + info.format())) {
                notes.add(labels[i] + " holds " + info.format().toUpperCase(Locale.ROOT) + " bytes although the file's mime type says " + mime + ".");
            }
        }
        return notes;
    }

    /** Diff of two versions given by id; refused when they belong to different files. */
    public FileDiff diffVersions(UUID fromVersionId, UUID toVersionId, DiffOptions options, JobContext job) {
        List<VersionContent> both = contents(List.of(fromVersionId, toVersionId), job);
        VersionContent a = both.stream().filter(v -> v.version().id().equals(fromVersionId)).findFirst()
                .orElseThrow(() -> new WardenException("No version with id " + fromVersionId + ".", "reload the version list"));
        VersionContent b = both.stream().filter(v -> v.version().id().equals(toVersionId)).findFirst()
                .orElseThrow(() -> new WardenException("No version with id " + toVersionId + ".", "reload the version list"));
        if (!a.version().fileId().equals(b.version().fileId())) {
            FileEntry fa = file(a.version().fileId());
            FileEntry fb = file(b.version().fileId());
            throw new WardenException("These versions belong to different files (" + fa.path() + " v" + a.version().version()
                    + " and " + fb.path() + " v" + b.version().version() + ").", "a diff compares two versions of one file");
        }
        FileEntry file = file(a.version().fileId());
        return FileDiff.compare(file.id(), file.path(), a, b, options, job, List.of());
    }

    private FileDiff load(UUID fileId, String path, FileVersion base, FileVersion target, DiffOptions options, JobContext job,
                          List<String> notes) {
        job.progress(0, 2, "Loading " + path + " " + (base == null ? "" : base.label() + " and ") + target.label());
        List<UUID> ids = base == null ? List.of(target.id()) : List.of(base.id(), target.id());
        List<VersionContent> loaded = contents(ids, job);
        VersionContent b = loaded.stream().filter(v -> v.version().id().equals(target.id())).findFirst().orElseThrow(
                () -> new WardenException(path + " " + target.label() + " disappeared while loading.", "reload and try again"));
        VersionContent a = base == null ? null : loaded.stream().filter(v -> v.version().id().equals(base.id())).findFirst()
                .orElseThrow(() -> new WardenException(path + " " + base.label() + " disappeared while loading.", "reload and try again"));
        job.progress(1, 2, "Comparing " + path);
        FileDiff diff = FileDiff.compare(fileId, path, a, b, options, job, notes);
        job.progress(2, 2, "Compared " + path);
        return diff;
    }

    private static FileVersion pick(FileEntry file, List<FileVersion> versions, int number) {
        if (versions.isEmpty()) {
            throw new WardenException(file.path() + " has no versions.", "an integrity check reports it: the file row exists without any content");
        }
        return versions.stream().filter(v -> v.version() == number).findFirst().orElseThrow(() -> new WardenException(
                file.path() + " has no version " + number + " (it has " + describe(versions) + ").",
                "warden files --app APP --path " + file.path() + " lists them"));
    }

    private static String describe(List<FileVersion> versions) {
        List<Integer> numbers = versions.stream().map(FileVersion::version).sorted().collect(Collectors.toList());
        boolean contiguous = numbers.get(numbers.size() - 1) - numbers.get(0) == numbers.size() - 1;
        if (numbers.size() == 1) {
            return "only v" + numbers.get(0);
        }
        if (contiguous) {
            return "v" + numbers.get(0) + "–v" + numbers.get(numbers.size() - 1);
        }
        return numbers.stream().map(n -> "v" + n).collect(Collectors.joining(", "));
    }

    // ------------------------------------------------------------------ sessions

    /** Sessions of an app with their message time ranges, latest activity first. */
    public List<SessionSpan> sessions(UUID appId) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(SESSION_SELECT + " WHERE s.app_id = ? ORDER BY coalesce(m.last, s.created_at) DESC")) {
                ps.setObject(1, appId);
                List<SessionSpan> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(readSession(rs));
                    }
                }
                return out;
            }
        });
    }

    private static final String SESSION_SELECT = """
            SELECT s.id, s.title, s.status, m.first, m.last, coalesce(m.n, 0), s.app_id, a.name
              FROM core.sessions s JOIN core.apps a ON a.id = s.app_id
              LEFT JOIN LATERAL (SELECT min(x.created_at) AS first, max(x.created_at) AS last, count(*)::int AS n
                                   FROM core.messages x WHERE x.session_id = s.id) m ON true""";

    private static SessionSpan readSession(ResultSet rs) throws SQLException {
        return new SessionSpan(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class), rs.getInt(6));
    }

    /** Every file with a version written between the session's first and last message. */
    public SessionChanges sessionChanges(String sessionId) {
        UUID id = uuid(sessionId == null ? "" : sessionId.strip()).orElseThrow(() -> new WardenException(
                "'" + sessionId + "' is not a session id.", "a session id is a UUID; warden sessions lists them"));
        return db.withConnection(c -> {
            SessionSpan session;
            UUID appId;
            String appName;
            try (PreparedStatement ps = c.prepareStatement(SESSION_SELECT + " WHERE s.id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new WardenException("No session " + id + ".", "warden sessions lists them");
                    }
                    session = readSession(rs);
                    appId = rs.getObject(7, UUID.class);
                    appName = rs.getString(8);
                }
            }
            if (session.firstMessage() == null) {
                return new SessionChanges(session, appId, appName, List.of());
            }
            Set<String> recorded = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT DISTINCT payload->>'path' FROM core.events WHERE session_id = ? AND kind = 'file_written'")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        recorded.add(rs.getString(1));
                    }
                }
            }
            List<ChangedFile> files = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT w.id, w.path, w.is_binary, w.first_version, w.last_version, w.n,
                           (SELECT max(p.version) FROM core.file_versions p WHERE p.file_id = w.id AND p.version < w.first_version)
                      FROM (SELECT f.id, f.path, f.is_binary, min(v.version) AS first_version, max(v.version) AS last_version,
                                   count(*)::int AS n
                              FROM core.files f JOIN core.file_versions v ON v.file_id = f.id
                             WHERE f.app_id = ? AND v.created_at BETWEEN ? AND ?
                             GROUP BY f.id, f.path, f.is_binary) w
                     ORDER BY w.path""")) {
                ps.setObject(1, appId);
                ps.setObject(2, session.firstMessage());
                ps.setObject(3, session.lastMessage());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String path = rs.getString(2);
                        files.add(new ChangedFile(rs.getObject(1, UUID.class), path, rs.getBoolean(3), (Integer) rs.getObject(7),
                                rs.getInt(5), rs.getInt(6), recorded.contains(path)));
                    }
                }
            }
            return new SessionChanges(session, appId, appName, files);
        });
    }

    /** The diff a session's change stands for: the version before the session (or nothing) against the last one in it. */
    public FileDiff diff(ChangedFile change, DiffOptions options, JobContext job) {
        FileEntry file = file(change.fileId());
        return diff(file, change.created() ? EMPTY : change.fromVersion(), change.toVersion(), options, job);
    }

    // ------------------------------------------------------------------ helpers

    static Optional<UUID> uuid(String s) {
        try {
            return s.length() == 36 ? Optional.of(UUID.fromString(s)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
