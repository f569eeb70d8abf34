package com.warden.app.impact;

import com.warden.app.WardenException;
import com.warden.app.connect.ConnectionErrors;
import com.warden.app.connect.ConnectionProfile;
import com.warden.app.connect.Database;
import com.warden.app.job.JobCancelledException;
import com.warden.app.job.JobContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Impact analysis over core.file_references: the walk from a file (or from everything a session
 * changed), the most depended-on files of an app, and the small lists the pickers need.
 * Every call is read-only and runs on the caller's thread; the UI calls it from a Task.
 */
public final class ImpactService {
    private final DataSource dataSource;
    private final ConnectionProfile profile;

    /** Over an open Warden database (read-only is enough). */
    public ImpactService(Database database) {
        this(database.dataSource(), database.profile());
    }

    /** Over a plain data source: benchmarks and tests. */
    public ImpactService(DataSource dataSource) {
        this(dataSource, null);
    }

    private ImpactService(DataSource dataSource, ConnectionProfile profile) {
        this.dataSource = dataSource;
        this.profile = profile;
    }

    // ------------------------------------------------------------------ the walk

    public ImpactGraph analyze(ImpactRequest request) {
        return analyze(request, JobContext.none());
    }

    /**
     * Runs the one statement of {@link ImpactSql} and builds the graph. Cancelling the job cancels
     * the statement on the server.
     */
    public ImpactGraph analyze(ImpactRequest request, JobContext job) {
        job.checkCancelled();
        job.progress(0, 1, "Walking the " + request.direction().label() + " of " + request.root().describe());
        long started = System.nanoTime();
        UUID appId = null;
        String appName = null;
        int apps = 0;
        String sessionTitle = null;
        List<ImpactGraph.RawNode> nodes = new ArrayList<>();
        List<ImpactEdge> edges = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(ImpactSql.statement(request))) {
            job.onCancel(() -> cancelQuietly(ps));
            ImpactSql.bind(ps, request);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    switch (rs.getString(1)) {
                        case "n" -> nodes.add(new ImpactGraph.RawNode(rs.getObject(2, UUID.class), rs.getString(5), rs.getInt(4)));
                        case "e" -> edges.add(new ImpactEdge(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                                RefType.fromSql(rs.getString(5))));
                        case "a" -> {
                            apps++;
                            appId = rs.getObject(2, UUID.class);
                            appName = rs.getString(5);
                        }
                        case "s" -> sessionTitle = rs.getString(5);
                        default -> throw new IllegalStateException("unexpected row kind " + rs.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw explain(e, job);
        }
        job.checkCancelled();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        if (apps > 1) {
            throw ambiguousApp(((ImpactRoot.ByPath) request.root()).app());
        }
        ImpactRoot root = request.root();
        String title;
        if (root instanceof ImpactRoot.BySession s) {
            if (sessionTitle == null) {
                throw new WardenException("Unknown session " + s.sessionId() + ".", "warden sessions lists the sessions and their ids");
            }
            title = "the changes of session “" + sessionTitle + "”";
            if (appId == null) {
                appId = sessionApp(s.sessionId());
                appName = appId == null ? null : appName(appId);
            }
        } else if (nodes.isEmpty()) {
            throw notFound(root);
        } else {
            title = nodes.stream().filter(n -> n.depth() == 0).map(ImpactGraph.RawNode::path).findFirst().orElse("");
        }
        ImpactGraph graph = ImpactGraph.build(appId, appName, title, request, nodes, edges, elapsed);
        job.progress(1, 1, String.format("%,d files reached, %,d references, %d cycles",
                graph.nodes().size(), graph.edges().size(), graph.cycles().size()));
        return graph;
    }

    /** The union of the impact of every file the session changed. */
    public ImpactGraph sessionImpact(UUID sessionId, Direction direction, int maxDepth, Set<RefType> types, JobContext job) {
        return analyze(new ImpactRequest(ImpactRoot.session(sessionId), direction, maxDepth, types), job);
    }

    // ------------------------------------------------------------------ most depended-on

    /**
     * Every file of the app with its direct and transitive dependents (over the given reference
     * types), most transitive dependents first, at most {@code limit} of them (0 = all).
     */
    public DependedOnReport mostDependedOn(String app, Set<RefType> types, int limit, JobContext job) {
        job.checkCancelled();
        long started = System.nanoTime();
        AppInfo info = resolveApp(app);
        Set<RefType> chosen = types == null || types.isEmpty() ? Set.of(RefType.values()) : types;
        String[] typeNames = chosen.stream().map(RefType::sqlName).toArray(String[]::new);
        job.progress(0, 2, "Reading the references of " + info.name());
        List<UUID> ids = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        Map<UUID, Integer> pos = new HashMap<>();
        int[] src;
        int[] dest;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, path FROM core.files WHERE app_id = ? ORDER BY path")) {
                job.onCancel(() -> cancelQuietly(ps));
                ps.setObject(1, info.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        pos.put(id, ids.size());
                        ids.add(id);
                        paths.add(rs.getString(2));
                    }
                }
            }
            // import direction reversed: an edge from each file to the files that import it
            List<int[]> pairs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT src_file_id, dest_file_id FROM core.file_references WHERE app_id = ? AND ref_type = ANY (?::text[])")) {
                job.onCancel(() -> cancelQuietly(ps));
                ps.setObject(1, info.id());
                ps.setArray(2, c.createArrayOf("text", typeNames));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Integer s = pos.get(rs.getObject(1, UUID.class));
                        Integer d = pos.get(rs.getObject(2, UUID.class));
                        if (s != null && d != null) {
                            pairs.add(new int[] {d, s});
                        }
                    }
                }
            }
            src = new int[pairs.size()];
            dest = new int[pairs.size()];
            for (int i = 0; i < pairs.size(); i++) {
                src[i] = pairs.get(i)[0];
                dest[i] = pairs.get(i)[1];
            }
        } catch (SQLException e) {
            throw explain(e, job);
        }
        job.checkCancelled();
        job.progress(1, 2, String.format("Counting dependents of %,d files", ids.size()));
        int n = ids.size();
        int[][] dependentsOf = GraphAlgorithms.adjacency(n, src, dest);
        int[] transitive = GraphAlgorithms.reachCounts(dependentsOf);
        int[] comp = GraphAlgorithms.components(dependentsOf);
        int[] compSize = new int[GraphAlgorithms.count(comp)];
        for (int cId : comp) {
            compSize[cId]++;
        }
        List<DependedOnFile> files = new ArrayList<>(n);
        int inCycles = 0;
        for (int i = 0; i < n; i++) {
            boolean cyclic = compSize[comp[i]] > 1;
            inCycles += cyclic ? 1 : 0;
            files.add(new DependedOnFile(ids.get(i), paths.get(i), dependentsOf[i].length, transitive[i], cyclic));
        }
        files.sort(Comparator.comparingInt(DependedOnFile::transitiveDependents).reversed()
                .thenComparing(Comparator.comparingInt(DependedOnFile::directDependents).reversed())
                .thenComparing(DependedOnFile::path));
        List<DependedOnFile> top = limit > 0 && files.size() > limit ? files.subList(0, limit) : files;
        job.progress(2, 2, "Done");
        return new DependedOnReport(info, chosen, top, n, src.length, inCycles, Duration.ofNanos(System.nanoTime() - started));
    }

    // ------------------------------------------------------------------ pickers

    /** Every app with its owner and how many files and references it holds, by name. */
    public List<AppInfo> apps() {
        return query("""
                SELECT a.id, a.name, u.email,
                       (SELECT count(*) FROM core.files f WHERE f.app_id = a.id),
                       (SELECT count(*) FROM core.file_references r WHERE r.app_id = a.id)
                  FROM core.apps a
                  JOIN core.users u ON u.id = a.owner_id
                 ORDER BY a.name, u.email""", ps -> { }, rs -> new AppInfo(rs.getObject(1, UUID.class), rs.getString(2),
                rs.getString(3), rs.getLong(4), rs.getLong(5)));
    }

    /** The app a name or id stands for; a clear error when none or several match. */
    public AppInfo resolveApp(String app) {
        if (app == null || app.isBlank()) {
            throw new WardenException("No app given.", "name the app (--app \"Todo App\") or give its id");
        }
        UUID id = Uuids.parseOrNull(app);
        List<AppInfo> found = query("""
                SELECT a.id, a.name, u.email,
                       (SELECT count(*) FROM core.files f WHERE f.app_id = a.id),
                       (SELECT count(*) FROM core.file_references r WHERE r.app_id = a.id)
                  FROM core.apps a
                  JOIN core.users u ON u.id = a.owner_id
                 WHERE a.id = ? OR a.name = ?
                 ORDER BY u.email""", ps -> {
                    if (id == null) {
                        ps.setNull(1, java.sql.Types.OTHER);
                    } else {
                        ps.setObject(1, id);
                    }
                    ps.setString(2, app.trim());
                }, rs -> new AppInfo(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)));
        if (found.isEmpty()) {
            throw unknownApp(app.trim(), id);
        }
        if (found.size() > 1) {
            throw ambiguousApp(app.trim());
        }
        return found.get(0);
    }

    /** The files of an app by path. */
    public List<AppFile> files(UUID appId) {
        return query("SELECT id, path, is_binary FROM core.files WHERE app_id = ? ORDER BY path",
                ps -> ps.setObject(1, appId), rs -> new AppFile(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3)));
    }

    /** The app's sessions, most recently active first (at most 500). */
    public List<SessionRef> sessions(UUID appId) {
        return query("""
                SELECT s.id, s.title, s.last_activity_at
                  FROM core.sessions s
                 WHERE s.app_id = ?
                 ORDER BY s.last_activity_at DESC, s.id DESC
                 LIMIT 500""", ps -> ps.setObject(1, appId),
                rs -> new SessionRef(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, OffsetDateTime.class)));
    }

    // ------------------------------------------------------------------ clear errors

    private WardenException notFound(ImpactRoot root) {
        if (root instanceof ImpactRoot.ByFile f) {
            return new WardenException("No file with id " + f.fileId() + ".", "it may have been deleted; pick the file again");
        }
        ImpactRoot.ByPath p = (ImpactRoot.ByPath) root;
        AppInfo app = resolveApp(p.app());
        List<String> similar = query("""
                SELECT f.path
                  FROM core.files f
                 WHERE f.app_id = ?
                 ORDER BY (lower(f.path) = lower(?)) DESC,
                          (f.path LIKE '%/' || regexp_replace(?, '^.*/', '')) DESC,
                          public.similarity(f.path, ?) DESC, f.path
                 LIMIT 3""", ps -> {
                    ps.setObject(1, app.id());
                    ps.setString(2, p.path());
                    ps.setString(3, p.path());
                    ps.setString(4, p.path());
                }, rs -> rs.getString(1));
        String hint = similar.isEmpty() ? "the app has no files" : "did you mean " + String.join(", ", similar) + "?";
        return new WardenException("No file '" + p.path() + "' in app '" + app.name() + "'.", hint);
    }

    private WardenException unknownApp(String app, UUID id) {
        if (id != null) {
            return new WardenException("Unknown app id " + id + ".", "give the app's name or an existing id");
        }
        List<String> similar = query("""
                SELECT DISTINCT name, public.similarity(name, ?) AS s
                  FROM core.apps
                 WHERE public.similarity(name, ?) > 0.2 OR name ILIKE '%' || ? || '%'
                 ORDER BY s DESC, name
                 LIMIT 3""", ps -> {
                    ps.setString(1, app);
                    ps.setString(2, app);
                    ps.setString(3, app);
                }, rs -> "'" + rs.getString(1) + "'");
        return new WardenException("Unknown app '" + app + "'.",
                similar.isEmpty() ? "app names are case-sensitive; the Impact screen lists every app" : "did you mean " + String.join(", ", similar) + "?");
    }

    private WardenException ambiguousApp(String app) {
        List<String> owners = query("""
                SELECT a.id || ' (' || u.email || ')'
                  FROM core.apps a JOIN core.users u ON u.id = a.owner_id
                 WHERE a.name = ?
                 ORDER BY u.email""", ps -> ps.setString(1, app), rs -> rs.getString(1));
        return new WardenException("App name '" + app + "' is used by " + owners.size() + " apps.",
                "give the app id instead: " + owners.stream().limit(4).collect(Collectors.joining(", ")));
    }

    private UUID sessionApp(UUID sessionId) {
        List<UUID> ids = query("SELECT app_id FROM core.sessions WHERE id = ?", ps -> ps.setObject(1, sessionId),
                rs -> rs.getObject(1, UUID.class));
        return ids.isEmpty() ? null : ids.get(0);
    }

    private String appName(UUID appId) {
        List<String> names = query("SELECT name FROM core.apps WHERE id = ?", ps -> ps.setObject(1, appId), rs -> rs.getString(1));
        return names.isEmpty() ? null : names.get(0);
    }

    private WardenException explain(SQLException e, JobContext job) {
        if (job.isCancelled() || "57014".equals(e.getSQLState()) && e.getMessage() != null && e.getMessage().contains("user request")) {
            return new JobCancelledException();
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("42P01") || state.equals("3F000")) {
            return new WardenException("This database has no project schema (core).",
                    "impact analysis needs a project database: connect to one, or run warden migrate and seed", e);
        }
        if (profile != null) {
            return ConnectionErrors.explain(e, profile);
        }
        String message = e.getMessage() == null ? "query failed" : e.getMessage().lines().findFirst().orElse("query failed");
        return new WardenException("The impact query failed: " + message.replaceFirst("^ERROR: ", ""), "SQLSTATE " + state, e);
    }

    private static void cancelQuietly(PreparedStatement ps) {
        try {
            ps.cancel();
        } catch (SQLException ignored) {
            // the statement is gone already
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw explain(e, JobContext.none());
        }
    }
}
