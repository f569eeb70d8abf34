package com.warden.app.sessions;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The SQL of the browser, in one place so the tests EXPLAIN exactly what runs and the benchmark's
 * bare baseline prepares exactly the same text. Filters are fixed fragments chosen by which
 * filters are set; every value is a parameter.
 */
public final class SessionQueries {
    private SessionQueries() { }

    /** Every column of a list row; the order {@link Rows#session} reads. */
    static final String SESSION_COLUMNS = """
            s.id, s.title, s.status, s.user_id, u.email, u.display_name, s.app_id, a.name,
                   %s, s.created_at, s.last_activity_at""";

    static final String COUNTERS = "s.message_count, s.total_tokens";

    /** For a schema before V10 (no counters yet): correct, but it counts per row. */
    static final String COUNTERS_COMPUTED = """
            (SELECT count(*) FROM core.messages m WHERE m.session_id = s.id),
                   (SELECT coalesce(sum(m.token_count), 0) FROM core.messages m WHERE m.session_id = s.id)""";

    /**
     * A statement and the values to bind, in order. {@code indexOnly}: run it with
     * {@code enable_seqscan} off for its own transaction (the title search: PostgreSQL's default
     * costs price ILIKE per row far below what it costs and the trigram GIN index far above, so on
     * tens of thousands of sessions it picks a sequential scan of 17 ms over a 2 ms index scan).
     */
    public record Bound(String sql, List<Object> params, boolean indexOnly) {
        public Bound(String sql, List<Object> params) {
            this(sql, params, false);
        }

        public void bind(PreparedStatement ps) throws SQLException {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof java.time.Instant instant) {
                    ps.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
                } else if (p instanceof UUID[] ids) {
                    ps.setArray(i + 1, ps.getConnection().createArrayOf("uuid", ids));
                } else if (p instanceof Timestamp t) {
                    ps.setTimestamp(i + 1, t);
                } else {
                    ps.setObject(i + 1, p);
                }
            }
        }
    }

    /**
     * One page of the list: newest activity first, keyset on (last_activity_at, id) — never OFFSET.
     * The index used follows the filter: sessions_user_activity, sessions_app_activity,
     * sessions_title_trgm for a search, sessions_activity otherwise.
     */
    public static Bound listPage(SessionQuery q, SessionCursor after, int limit, boolean counters) {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        boolean manyApps = q.appIds().size() > 1;
        if (manyApps) {
            // one walk of sessions_app_activity per app, merged: `app_id = ANY` over a walk of the
            // activity index would filter its way through every other app's sessions
            params.add(q.appIds().toArray(new UUID[0]));
            where.append("\n           AND s.app_id = f.app_id");
        } else if (q.appIds().size() == 1) {
            where.append("\n   AND s.app_id = ?");
            params.add(q.appIds().get(0));
        }
        if (q.userId() != null) {
            where.append("\n   AND s.user_id = ?");
            params.add(q.userId());
        }
        if (q.status() != null) {
            where.append("\n   AND s.status = ?");
            params.add(q.status());
        }
        if (q.from() != null) {
            where.append("\n   AND s.last_activity_at >= ?");
            params.add(q.from());
        }
        if (q.to() != null) {
            where.append("\n   AND s.last_activity_at < ?");
            params.add(q.to());
        }
        if (q.search() != null) {
            where.append("\n   AND s.title ILIKE ?");
            params.add("%" + escapeLike(q.search()) + "%");
        }
        if (after != null) {
            where.append("\n   AND (s.last_activity_at, s.id) < (?, ?)");
            params.add(after.lastActivityAt());
            params.add(after.id());
        }
        String columns = SESSION_COLUMNS.formatted(counters ? COUNTERS : COUNTERS_COMPUTED);
        String order = "\n ORDER BY s.last_activity_at DESC, s.id DESC\n LIMIT ?";
        StringBuilder sql = new StringBuilder("SELECT ").append(columns);
        if (manyApps) {
            sql.append("\n  FROM unnest(?::uuid[]) AS f(app_id)\n CROSS JOIN LATERAL (SELECT s.* FROM core.sessions s WHERE true")
                    .append(where.toString().replace("\n   ", "\n           "))
                    .append(order.replace("\n ", "\n          ")).append(") s");
            params.add(limit);
            sql.append("\n  JOIN core.users u ON u.id = s.user_id\n  JOIN core.apps a ON a.id = s.app_id");
        } else {
            sql.append("\n  FROM core.sessions s\n  JOIN core.users u ON u.id = s.user_id\n  JOIN core.apps a ON a.id = s.app_id\n WHERE true")
                    .append(where);
        }
        sql.append(order);
        params.add(limit);
        return new Bound(sql.toString(), params, q.search() != null);
    }

    /** LIKE wildcards in what the person typed are literal text. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The session, its app and user, and its memory row (if any), in one round trip. */
    public static String detail(boolean counters) {
        return counters ? DETAIL : DETAIL_COMPUTED;
    }

    private static String detailSql(boolean counters) {
        return "SELECT " + SESSION_COLUMNS.formatted(counters ? COUNTERS : COUNTERS_COMPUTED) + """
                ,
                       s.updated_at, m.session_id IS NOT NULL, m.rolling_summary, m.key_facts::text, m.constraints::text,
                       m.updated_at
                  FROM core.sessions s
                  JOIN core.users u ON u.id = s.user_id
                  JOIN core.apps a ON a.id = s.app_id
                  LEFT JOIN core.session_memory m ON m.session_id = s.id
                 WHERE s.id = ?""";
    }

    private static final String DETAIL = detailSql(true);
    private static final String DETAIL_COMPUTED = detailSql(false);

    public static final String SESSION_EXISTS = "SELECT 1 FROM core.sessions WHERE id = ?";

    /** Message columns; content is cut to the preview length in the server (left() reads only a slice). */
    static final String MESSAGE_COLUMNS =
            "id, role, model, token_count, created_at, left(content, ?), octet_length(content)";

    /** The newest page: the timeline opens at the end, like a chat. */
    public static final String MESSAGES_LATEST = "SELECT " + MESSAGE_COLUMNS + """

              FROM core.messages
             WHERE session_id = ?
             ORDER BY created_at DESC, id DESC
             LIMIT ?""";

    /** The oldest page. */
    public static final String MESSAGES_OLDEST = "SELECT " + MESSAGE_COLUMNS + """

              FROM core.messages
             WHERE session_id = ?
             ORDER BY created_at, id
             LIMIT ?""";

    /** One page back in history: strictly before the cursor, walked newest first on the index. */
    public static final String MESSAGES_BEFORE = "SELECT " + MESSAGE_COLUMNS + """

              FROM core.messages
             WHERE session_id = ?
               AND (created_at, id) < (?, ?)
             ORDER BY created_at DESC, id DESC
             LIMIT ?""";

    /** One page forward: strictly after the cursor (also the live tail's incremental query). */
    public static final String MESSAGES_AFTER = "SELECT " + MESSAGE_COLUMNS + """

              FROM core.messages
             WHERE session_id = ?
               AND (created_at, id) > (?, ?)
             ORDER BY created_at, id
             LIMIT ?""";

    /** The same page forward, from the cursor itself (to open the timeline at a find hit). */
    public static final String MESSAGES_FROM = "SELECT " + MESSAGE_COLUMNS + """

              FROM core.messages
             WHERE session_id = ?
               AND (created_at, id) >= (?, ?)
             ORDER BY created_at, id
             LIMIT ?""";

    /** Full text of one message, for "show all" and copy. */
    public static final String MESSAGE_CONTENT = "SELECT content FROM core.messages WHERE id = ? AND session_id = ?";

    /**
     * Find within a session, in timeline order after a cursor. strpos on lower() of both sides is
     * literal (no wildcards to escape) and gives the snippet position in the same pass.
     */
    public static final String FIND_AFTER = """
            SELECT id, created_at, role, substr(content, greatest(1, p - 60), 200)
              FROM (SELECT id, created_at, role, content, strpos(lower(content), lower(?)) AS p
                      FROM core.messages
                     WHERE session_id = ?
                       AND (created_at, id) > (?, ?)) m
             WHERE p > 0
             ORDER BY created_at, id
             LIMIT ?""";

    /** Find from the start of the session. */
    public static final String FIND_FIRST = """
            SELECT id, created_at, role, substr(content, greatest(1, p - 60), 200)
              FROM (SELECT id, created_at, role, content, strpos(lower(content), lower(?)) AS p
                      FROM core.messages
                     WHERE session_id = ?) m
             WHERE p > 0
             ORDER BY created_at, id
             LIMIT ?""";

    /** The working set with each file as it is now (live tables, not the materialized view, which may be stale). */
    public static final String WORKING_SET = """
            SELECT w.file_id, w.app_id, f.path, w.reason, w.pinned_by, w.created_at,
                   f.size_bytes, f.is_binary, f.mime_type, hv.version, f.updated_at
              FROM core.working_set w
              JOIN core.files f ON f.id = w.file_id
              LEFT JOIN core.file_versions hv ON hv.id = f.head_version_id
             WHERE w.session_id = ?
             ORDER BY w.created_at, f.path""";

    /** Recent decisions, newest first. */
    public static final String DECISIONS = """
            SELECT id, payload::text, created_at
              FROM core.events
             WHERE session_id = ? AND kind = 'decision'
             ORDER BY created_at DESC
             LIMIT ?""";

    /**
     * Everything the prelude needs in ONE round trip: title, app, memory, the pinned files and the
     * most recent decisions (as JSON arrays built in the server; times as epoch microseconds,
     * which cost nothing to read back).
     */
    public static final String PRELUDE = """
            SELECT s.title, a.name, m.session_id IS NOT NULL, m.rolling_summary, m.key_facts::text, m.constraints::text,
                   (SELECT coalesce(json_agg(json_build_array(f.path, w.reason, w.pinned_by,
                                                               (extract(epoch FROM w.created_at) * 1000000)::bigint)
                                             ORDER BY w.created_at, f.path), '[]')::text
                      FROM core.working_set w JOIN core.files f ON f.id = w.file_id
                     WHERE w.session_id = s.id),
                   (SELECT coalesce(json_agg(json_build_array(d.payload, (extract(epoch FROM d.created_at) * 1000000)::bigint)
                                             ORDER BY d.created_at DESC), '[]')::text
                      FROM (SELECT e.payload, e.created_at FROM core.events e
                             WHERE e.session_id = s.id AND e.kind = 'decision'
                             ORDER BY e.created_at DESC LIMIT ?) d)
              FROM core.sessions s
              JOIN core.apps a ON a.id = s.app_id
              LEFT JOIN core.session_memory m ON m.session_id = s.id
             WHERE s.id = ?""";

    /** The head of a session, polled by the live tail: is it still there, and its counters. */
    public static String sessionHead(boolean counters) {
        return counters ? HEAD : HEAD_COMPUTED;
    }

    private static String headSql(boolean counters) {
        return "SELECT " + SESSION_COLUMNS.formatted(counters ? COUNTERS : COUNTERS_COMPUTED) + """

                  FROM core.sessions s
                  JOIN core.users u ON u.id = s.user_id
                  JOIN core.apps a ON a.id = s.app_id
                 WHERE s.id = ?""";
    }

    private static final String HEAD = headSql(true);
    private static final String HEAD_COMPUTED = headSql(false);

    public static final String USER_BY_EMAIL = "SELECT id, email, display_name FROM core.users WHERE email = ?";
    public static final String USER_BY_EMAIL_ANY_CASE =
            "SELECT id, email, display_name FROM core.users WHERE lower(email) = lower(?) ORDER BY email LIMIT 2";
    public static final String USER_BY_ID = "SELECT id, email, display_name FROM core.users WHERE id = ?";
    public static final String APPS_BY_NAME = "SELECT id FROM core.apps WHERE name = ? ORDER BY id";
    public static final String APPS_BY_NAME_ANY_CASE = "SELECT id FROM core.apps WHERE lower(name) = lower(?) ORDER BY id";

    public static final String USERS_MATCHING = """
            SELECT id, email, display_name FROM core.users
             WHERE email ILIKE ? OR display_name ILIKE ?
             ORDER BY email
             LIMIT ?""";

    public static final String APP_NAMES_MATCHING = """
            SELECT DISTINCT name FROM core.apps WHERE name ILIKE ? ORDER BY name LIMIT ?""";

    /** null: no core.sessions at all; false: a schema before V10. */
    public static final String HAS_COUNTERS = """
            SELECT CASE WHEN to_regclass('core.sessions') IS NOT NULL THEN
                   (SELECT count(*) = 2 FROM pg_attribute
                     WHERE attrelid = to_regclass('core.sessions') AND attname IN ('message_count', 'total_tokens')
                       AND NOT attisdropped) END""";
}
