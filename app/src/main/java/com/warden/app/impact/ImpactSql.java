package com.warden.app.impact;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The walk: ONE statement holding one recursive CTE, built from constant fragments (never from
 * user text) for each kind of root and each direction.
 *
 * <p>Breadth-first, one level per recursion step: a step's row carries the frontier (the files
 * first reached at that depth) and {@code seen}, the array of every file reached so far. A step
 * follows the references of the frontier through the index of its direction
 * ({@code file_refs_dest_covering} for dependents, {@code file_refs_src_covering} for
 * dependencies) and keeps only the files not yet seen ({@code EXCEPT}). So every file appears
 * once, at its smallest depth; a circle ends the moment it comes back to a seen file, and the
 * work is bounded by the references of the reached files, whatever the depth. A per-path array
 * (or the CYCLE clause) would also stop on circles but enumerates every simple path, which grows
 * exponentially with depth on a graph full of circles (see docs/impact.md).
 *
 * <p>Rows: {@code ('a', app_id, null, null, app name)} for the app of the roots;
 * {@code ('n', file_id, app_id, depth, path)} per reached file; {@code ('e', src, dest, null,
 * ref_type)} per reference among reached files; and, for a session root, {@code ('s',
 * session_id, app_id, null, title)}.
 */
public final class ImpactSql {
    private ImpactSql() { }

    private static final String ROOT_BY_APP_NAME = """
            roots AS (
                SELECT f.id, f.app_id
                  FROM core.apps a
                  JOIN core.files f ON f.app_id = a.id
                 WHERE a.name = ? AND f.path = ?
            )""";

    private static final String ROOT_BY_APP_ID = """
            roots AS (
                SELECT f.id, f.app_id
                  FROM core.files f
                 WHERE f.app_id = ? AND f.path = ?
            )""";

    private static final String ROOT_BY_FILE = """
            roots AS (
                SELECT f.id, f.app_id
                  FROM core.files f
                 WHERE f.id = ?
            )""";

    /** What a session changed: files of its app with a version written between its first and last message. */
    private static final String ROOT_BY_SESSION = """
            roots AS (
                SELECT f.id, f.app_id
                  FROM core.sessions s
                 CROSS JOIN LATERAL (SELECT min(m.created_at) AS first_at, max(m.created_at) AS last_at
                                       FROM core.messages m
                                      WHERE m.session_id = s.id) span
                  JOIN core.files f ON f.app_id = s.app_id
                 WHERE s.id = ?
                   AND EXISTS (SELECT 1
                                 FROM core.file_versions v
                                WHERE v.file_id = f.id
                                  AND v.created_at BETWEEN span.first_at AND span.last_at)
            )""";

    private static final String WALK = """
            walk(app_id, depth, frontier, seen) AS (
                SELECT app_id, 0, array_agg(id), array_agg(id)
                  FROM roots
                 GROUP BY app_id
              UNION ALL
                SELECT w.app_id, w.depth + 1, step.next, w.seen || step.next
                  FROM walk w
                 CROSS JOIN LATERAL (
                       SELECT ARRAY(
                              SELECT r.%1$s
                                FROM unnest(w.frontier) AS f(id)
                                JOIN core.file_references r ON %2$s
                               WHERE r.ref_type = ANY (?::text[])
                              EXCEPT
                              SELECT unnest(w.seen)) AS next
                       OFFSET 0) step
                 WHERE w.depth < ? AND cardinality(w.frontier) > 0
            ),
            reached AS (
                SELECT n.id, w.app_id, w.depth
                  FROM walk w
                 CROSS JOIN LATERAL unnest(w.frontier) AS n(id)
            )
            SELECT 'a' AS kind, a.id AS a, NULL::uuid AS b, NULL::int AS depth, a.name AS text
              FROM core.apps a
             WHERE a.id IN (SELECT app_id FROM roots)
            UNION ALL
            SELECT 'n', r.id, r.app_id, r.depth, f.path
              FROM reached r
             CROSS JOIN LATERAL (SELECT f.path FROM core.files f WHERE f.id = r.id OFFSET 0) f
            UNION ALL
            SELECT 'e', e.src_file_id, e.dest_file_id, NULL, e.ref_type
              FROM reached x
             CROSS JOIN LATERAL (SELECT e.src_file_id, e.dest_file_id, e.ref_type
                                   FROM core.file_references e
                                  WHERE %3$s AND e.ref_type = ANY (?::text[])
                                 OFFSET 0) e
             WHERE e.%4$s IN (SELECT id FROM reached)""";

    private static final String SESSION_ROW = """

            UNION ALL
            SELECT 's', s.id, s.app_id, NULL, s.title
              FROM core.sessions s
             WHERE s.id = ?""";

    /** The statement for a request's kind of root and direction. */
    public static String statement(ImpactRequest request) {
        String roots;
        ImpactRoot root = request.root();
        if (root instanceof ImpactRoot.ByPath p) {
            roots = p.appId() != null ? ROOT_BY_APP_ID : ROOT_BY_APP_NAME;
        } else if (root instanceof ImpactRoot.ByFile) {
            roots = ROOT_BY_FILE;
        } else {
            roots = ROOT_BY_SESSION;
        }
        String walk = request.direction() == Direction.DEPENDENTS
                // who imports the frontier: file_refs_dest_covering (dest_file_id, ref_type) INCLUDE (src_file_id, app_id)
                ? WALK.formatted("src_file_id", "r.dest_file_id = f.id",
                        "e.dest_file_id = x.id", "src_file_id")
                // what the frontier imports: file_refs_src_covering (app_id, src_file_id, ref_type) INCLUDE (dest_file_id)
                : WALK.formatted("dest_file_id", "r.app_id = w.app_id AND r.src_file_id = f.id",
                        "e.app_id = x.app_id AND e.src_file_id = x.id", "dest_file_id");
        String sql = "WITH RECURSIVE\n" + roots + ",\n" + walk;
        return root instanceof ImpactRoot.BySession ? sql + SESSION_ROW : sql;
    }

    /** Sets the parameters of {@link #statement} in order. */
    public static void bind(PreparedStatement ps, ImpactRequest request) throws SQLException {
        Connection c = ps.getConnection();
        int i = 1;
        ImpactRoot root = request.root();
        UUID sessionId = null;
        if (root instanceof ImpactRoot.ByPath p) {
            if (p.appId() != null) {
                ps.setObject(i++, p.appId());
            } else {
                ps.setString(i++, p.app());
            }
            ps.setString(i++, p.path());
        } else if (root instanceof ImpactRoot.ByFile f) {
            ps.setObject(i++, f.fileId());
        } else if (root instanceof ImpactRoot.BySession s) {
            ps.setObject(i++, s.sessionId());
            sessionId = s.sessionId();
        }
        ps.setArray(i++, c.createArrayOf("text", request.typeNames()));
        ps.setInt(i++, request.maxDepth());
        ps.setArray(i++, c.createArrayOf("text", request.typeNames()));
        if (sessionId != null) {
            ps.setObject(i, sessionId);
        }
    }
}
