package com.warden.app.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import com.warden.app.WardenException;
import com.warden.app.connect.ConnectionErrors;
import com.warden.app.connect.Database;
import com.warden.app.job.JobContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session browser's engine: the session list (filters, title search on the trigram index,
 * keyset paging), a session's detail, its timeline paged by keyset on (created_at, id) in both
 * directions, memory, working set, decisions, the prelude, find, and "view as user".
 *
 * <p>Reads run on the connection's read-only pool. Viewing as a user, every read is one
 * read-only transaction that starts with {@code SET LOCAL ROLE warden_rls_reader} and
 * {@code set_config('app.current_user_id', ?, true)}: both end with the transaction, so a pooled
 * connection never carries them into another read. Instances are immutable and thread-safe.
 */
public final class SessionBrowser {
    private static final Logger LOG = LoggerFactory.getLogger(SessionBrowser.class);
    /** Characters of a message shipped with a timeline page; the rest comes with "show all". */
    public static final int DEFAULT_PREVIEW_CHARS = 16_384;
    public static final int MAX_PAGE = 1000;

    private final Database db;
    private final UserRef viewAs;
    private final RlsStatus.Mode viewMode;
    private final int previewChars;
    private final AtomicReference<Boolean> counters;

    private SessionBrowser(Database db, UserRef viewAs, RlsStatus.Mode viewMode, int previewChars,
                           AtomicReference<Boolean> counters) {
        this.db = db;
        this.viewAs = viewAs;
        this.viewMode = viewMode;
        this.previewChars = previewChars;
        this.counters = counters;
    }

    public SessionBrowser(Database db) {
        this(db, null, null, DEFAULT_PREVIEW_CHARS, new AtomicReference<>());
    }

    /** The same browser with another preview length (tests, exports). */
    public SessionBrowser withPreviewChars(int chars) {
        if (chars < 1) {
            throw new IllegalArgumentException("preview length " + chars);
        }
        return new SessionBrowser(db, viewAs, viewMode, chars, counters);
    }

    public Database database() {
        return db;
    }

    public int previewChars() {
        return previewChars;
    }

    // ------------------------------------------------------------------ view as user

    /** Can view-as-user honour RLS on this connection? Asks the catalog; cheap. */
    public RlsStatus rlsStatus() {
        return db.withConnection(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                    WITH t AS (SELECT c.oid, c.relowner, c.relrowsecurity, c.relforcerowsecurity
                                 FROM pg_class c
                                WHERE c.oid IN ('core.sessions'::regclass, 'core.messages'::regclass,
                                                'core.working_set'::regclass, 'core.files'::regclass)),
                         reader AS (SELECT oid, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'warden_rls_reader')
                    SELECT current_user, r.rolsuper, r.rolbypassrls,
                           (SELECT bool_or(pg_has_role(current_user, t.relowner, 'USAGE')) FROM t),
                           (SELECT bool_and(t.relforcerowsecurity) FROM t),
                           (SELECT bool_and(t.relrowsecurity) FROM t),
                           EXISTS (SELECT 1 FROM reader),
                           (SELECT NOT (x.rolsuper OR x.rolbypassrls)
                                   AND NOT (SELECT bool_or(pg_has_role(x.oid, t.relowner, 'USAGE')) FROM t)
                                   AND has_schema_privilege(x.oid, 'core', 'USAGE')
                                   AND has_table_privilege(x.oid, 'core.sessions', 'SELECT')
                              FROM reader x),
                           (SELECT r.rolsuper OR pg_has_role(current_user, x.oid, 'MEMBER') FROM reader x)
                      FROM pg_roles r WHERE r.rolname = current_user""")) {
                rs.next();
                return new RlsStatus(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4),
                        rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8), rs.getBoolean(9));
            }
        });
    }

    /**
     * A browser that sees what {@code user}'s policies let through. Throws with the plain reason
     * when this connection cannot honour RLS.
     */
    public SessionBrowser viewAs(UserRef user) {
        if (user == null) {
            return new SessionBrowser(db, null, null, previewChars, counters);
        }
        RlsStatus status = rlsStatus();
        if (!status.available()) {
            throw new WardenException("Cannot view as " + user.email() + ": " + status.unavailableReason() + ".",
                    "the normal view shows what role " + status.connectedRole() + " may see");
        }
        return new SessionBrowser(db, user, status.mode(), previewChars, counters);
    }

    /** The user being viewed as, or null. */
    public UserRef viewingAs() {
        return viewAs;
    }

    /**
     * Fails with one clear line when the database has no project schema; otherwise says whether
     * the session list has its counters (schema V10+) or counts per row.
     */
    public boolean requireProject() {
        return db.withConnection(this::hasCounters);
    }

    // ------------------------------------------------------------------ users and apps

    /** A user by e-mail (exact, then ignoring case), or a clear error. */
    public UserRef userByEmail(String email) {
        return read(c -> {
            UserRef u = oneUser(c, SessionQueries.USER_BY_EMAIL, email);
            if (u == null) {
                u = oneUser(c, SessionQueries.USER_BY_EMAIL_ANY_CASE, email);
            }
            if (u == null) {
                throw new WardenException("No user with e-mail '" + email + "'.",
                        "check the spelling; the session list shows each session's user");
            }
            return u;
        });
    }

    private static UserRef oneUser(Connection c, String sql, String email) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, email.strip());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new UserRef(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)) : null;
            }
        }
    }

    /** Users whose e-mail or name contains the text (for pickers), by e-mail. */
    public List<UserRef> users(String text, int limit) {
        String pattern = "%" + SessionQueries.escapeLike(text == null ? "" : text.strip()) + "%";
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SessionQueries.USERS_MATCHING)) {
                ps.setString(1, pattern);
                ps.setString(2, pattern);
                ps.setInt(3, clamp(limit));
                List<UserRef> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new UserRef(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)));
                    }
                }
                return out;
            }
        });
    }

    /** Distinct app names containing the text (for pickers). */
    public List<String> appNames(String text, int limit) {
        String pattern = "%" + SessionQueries.escapeLike(text == null ? "" : text.strip()) + "%";
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SessionQueries.APP_NAMES_MATCHING)) {
                ps.setString(1, pattern);
                ps.setInt(2, clamp(limit));
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    // ------------------------------------------------------------------ the session list

    /** Resolves the filter's e-mail and app name to ids, once; unknown ones match nothing. */
    public SessionQuery resolve(SessionFilter filter) {
        if (filter.userEmail() == null && filter.appName() == null) {
            return new SessionQuery(filter, null, List.of(), false);
        }
        return read(c -> {
            UUID user = null;
            boolean nothing = false;
            if (filter.userEmail() != null) {
                UserRef u = oneUser(c, SessionQueries.USER_BY_EMAIL, filter.userEmail());
                if (u == null) {
                    u = oneUser(c, SessionQueries.USER_BY_EMAIL_ANY_CASE, filter.userEmail());
                }
                if (u == null) {
                    nothing = true;
                } else {
                    user = u.id();
                }
            }
            List<UUID> apps = List.of();
            if (filter.appName() != null) {
                apps = ids(c, SessionQueries.APPS_BY_NAME, filter.appName());
                if (apps.isEmpty()) {
                    apps = ids(c, SessionQueries.APPS_BY_NAME_ANY_CASE, filter.appName());
                }
                nothing |= apps.isEmpty();
            }
            return new SessionQuery(filter, user, apps, nothing);
        });
    }

    private static List<UUID> ids(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            List<UUID> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, UUID.class));
                }
            }
            return out;
        }
    }

    /** Resolve and fetch the first page (or the page after {@code after}). */
    public SessionPage list(SessionFilter filter, SessionCursor after, int limit) {
        return page(resolve(filter), after, limit);
    }

    /** One page of the list, newest activity first, strictly after the cursor (null: the first page). */
    public SessionPage page(SessionQuery query, SessionCursor after, int limit) {
        if (query.matchesNothing()) {
            return new SessionPage(List.of(), null);
        }
        int n = clamp(limit);
        boolean hint = query.search() != null;
        return (hint ? this.<SessionPage>indexOnly() : this.<SessionPage>plain()).apply(c -> {
            SessionQueries.Bound bound = SessionQueries.listPage(query, after, n + 1, hasCounters(c));
            List<SessionRow> rows = new ArrayList<>(n + 1);
            try (PreparedStatement ps = c.prepareStatement(bound.sql())) {
                bound.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(session(rs, 1));
                    }
                }
            }
            SessionCursor next = null;
            if (rows.size() > n) {
                rows.remove(n);
                next = rows.get(n - 1).cursor();
            }
            return new SessionPage(rows, next);
        });
    }

    // ------------------------------------------------------------------ one session

    /** The session with its memory; {@link SessionNotFoundException} when it is not (or no longer) there. */
    public SessionDetail detail(UUID sessionId) {
        return read(c -> detail(c, sessionId));
    }

    SessionDetail detail(Connection c, UUID sessionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SessionQueries.detail(hasCounters(c)))) {
            ps.setObject(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw notFound(sessionId);
                }
                return detail(rs);
            }
        }
    }

    /** Maps one row of {@link SessionQueries#detail}; public for the benchmark, which must do the same work. */
    public static SessionDetail detail(ResultSet rs) throws SQLException {
        SessionRow row = session(rs, 1);
        Instant updated = instant(rs, 13);
        SessionMemory memory = SessionMemory.absent();
        if (rs.getBoolean(14)) {
            String facts = rs.getString(16);
            String constraints = rs.getString(17);
            memory = new SessionMemory(true, rs.getString(15), MemoryFormat.keyFacts(facts),
                    MemoryFormat.constraints(constraints), facts, constraints, instant(rs, 18));
        }
        return new SessionDetail(row, updated, memory);
    }

    /** The session's list row, or empty when it is gone (the live tail polls this). */
    public Optional<SessionRow> head(UUID sessionId) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SessionQueries.sessionHead(hasCounters(c)))) {
                ps.setObject(1, sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(session(rs, 1)) : Optional.empty();
                }
            }
        });
    }

    public boolean exists(UUID sessionId) {
        return read(c -> exists(c, sessionId));
    }

    private static boolean exists(Connection c, UUID sessionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SessionQueries.SESSION_EXISTS)) {
            ps.setObject(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    // ------------------------------------------------------------------ the timeline

    /** The newest page (the timeline opens at the end). */
    public MessagePage latest(UUID sessionId, int limit) {
        int n = clamp(limit);
        return read(c -> {
            List<MessageRow> rows = messages(c, SessionQueries.MESSAGES_LATEST, sessionId, null, n + 1);
            boolean older = trim(rows, n);
            Collections.reverse(rows);
            if (rows.isEmpty() && !exists(c, sessionId)) {
                throw notFound(sessionId);
            }
            return new MessagePage(rows, older, false);
        });
    }

    /** The oldest page. */
    public MessagePage oldest(UUID sessionId, int limit) {
        int n = clamp(limit);
        return read(c -> {
            List<MessageRow> rows = messages(c, SessionQueries.MESSAGES_OLDEST, sessionId, null, n + 1);
            boolean newer = trim(rows, n);
            if (rows.isEmpty() && !exists(c, sessionId)) {
                throw notFound(sessionId);
            }
            return new MessagePage(rows, false, newer);
        });
    }

    /** One page back in history: the {@code limit} messages just before {@code cursor}. */
    public MessagePage before(UUID sessionId, MessageCursor cursor, int limit) {
        int n = clamp(limit);
        return read(c -> {
            List<MessageRow> rows = messages(c, SessionQueries.MESSAGES_BEFORE, sessionId, cursor, n + 1);
            boolean older = trim(rows, n);
            Collections.reverse(rows);
            if (rows.isEmpty() && !exists(c, sessionId)) {
                throw notFound(sessionId);
            }
            return new MessagePage(rows, older, true);
        });
    }

    /** One page forward: the {@code limit} messages just after {@code cursor}. */
    public MessagePage after(UUID sessionId, MessageCursor cursor, int limit) {
        int n = clamp(limit);
        return read(c -> {
            List<MessageRow> rows = messages(c, SessionQueries.MESSAGES_AFTER, sessionId, cursor, n + 1);
            boolean newer = trim(rows, n);
            if (rows.isEmpty() && !exists(c, sessionId)) {
                throw notFound(sessionId);
            }
            return new MessagePage(rows, true, newer);
        });
    }

    /** A page around a message (for a find hit): {@code before} older ones, then it and what follows. */
    public MessagePage around(UUID sessionId, MessageCursor at, int before, int after) {
        int b = Math.max(0, Math.min(before, MAX_PAGE));
        int a = clamp(after);
        return read(c -> {
            List<MessageRow> older = b == 0 ? new ArrayList<>()
                    : messages(c, SessionQueries.MESSAGES_BEFORE, sessionId, at, b + 1);
            boolean hasOlder = trim(older, b);
            Collections.reverse(older);
            List<MessageRow> newer = messages(c, SessionQueries.MESSAGES_FROM, sessionId, at, a + 1);
            boolean hasNewer = trim(newer, a);
            if (older.isEmpty() && newer.isEmpty() && !exists(c, sessionId)) {
                throw notFound(sessionId);
            }
            older.addAll(newer);
            return new MessagePage(older, hasOlder, hasNewer);
        });
    }

    /** The whole text of one message ("show all", copy). */
    public String fullContent(UUID sessionId, UUID messageId) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SessionQueries.MESSAGE_CONTENT)) {
                ps.setObject(1, messageId);
                ps.setObject(2, sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rs.getString(1);
                    }
                }
            }
            if (!exists(c, sessionId)) {
                throw notFound(sessionId);
            }
            throw new WardenException("Message " + messageId + " is no longer in this session.", "it was deleted after the page was loaded");
        });
    }

    /**
     * Messages containing {@code text} (ignoring case, no wildcards), in timeline order after the
     * cursor (null: from the start). Cancellable: the job's cancel cancels the statement.
     */
    public List<FindHit> find(UUID sessionId, String text, MessageCursor after, int limit, JobContext job) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        int n = clamp(limit);
        return read(c -> {
            String sql = after == null ? SessionQueries.FIND_FIRST : SessionQueries.FIND_AFTER;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                cancelWith(job, ps);
                int i = 1;
                ps.setString(i++, text);
                ps.setObject(i++, sessionId);
                if (after != null) {
                    ps.setObject(i++, OffsetDateTime.ofInstant(after.createdAt(), ZoneOffset.UTC));
                    ps.setObject(i++, after.id());
                }
                ps.setInt(i, n);
                List<FindHit> hits = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        hits.add(new FindHit(rs.getObject(1, UUID.class), instant(rs, 2), rs.getString(3),
                                rs.getString(4).replaceAll("\\s+", " ").strip()));
                    }
                }
                if (hits.isEmpty() && !exists(c, sessionId)) {
                    throw notFound(sessionId);
                }
                return hits;
            }
        });
    }

    // ------------------------------------------------------------------ memory panel

    public List<WorkingSetEntry> workingSet(UUID sessionId) {
        return read(c -> workingSet(c, sessionId));
    }

    List<WorkingSetEntry> workingSet(Connection c, UUID sessionId) throws SQLException {
        List<WorkingSetEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SessionQueries.WORKING_SET)) {
            ps.setObject(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int v = rs.getInt(10);
                    out.add(new WorkingSetEntry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getString(3), rs.getString(4), rs.getString(5), instant(rs, 6), rs.getLong(7),
                            rs.getBoolean(8), rs.getString(9), rs.wasNull() ? null : v, instant(rs, 11)));
                }
            }
        }
        return out;
    }

    /** The most recent decisions (core.events kind 'decision'), newest first. */
    public List<Decision> decisions(UUID sessionId, int limit) {
        return read(c -> decisions(c, sessionId, limit));
    }

    List<Decision> decisions(Connection c, UUID sessionId, int limit) throws SQLException {
        List<Decision> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SessionQueries.DECISIONS)) {
            ps.setObject(1, sessionId);
            ps.setInt(2, clamp(limit));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(MemoryFormat.decision(rs.getObject(1, UUID.class), rs.getString(2), instant(rs, 3)));
                }
            }
        }
        return out;
    }

    /** The prelude in seed 000's format, in one round trip, with its real token count. */
    public Prelude prelude(UUID sessionId, PreludeOptions options) {
        PreludeBuilder.Input input = preludeInput(sessionId, options.decisions());
        return PreludeBuilder.build(input, options.budget());
    }

    /** What the prelude is made of (one query); exposed so the screen can rebuild it for another budget without a round trip. */
    public PreludeBuilder.Input preludeInput(UUID sessionId, int decisions) {
        return read(c -> preludeInput(c, sessionId, decisions));
    }

    PreludeBuilder.Input preludeInput(Connection c, UUID sessionId, int decisions) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SessionQueries.PRELUDE)) {
            ps.setInt(1, Math.max(0, decisions));
            ps.setObject(2, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw notFound(sessionId);
                }
                return preludeInput(sessionId, rs);
            }
        }
    }

    /** Maps one row of {@link SessionQueries#PRELUDE}; public for the benchmark, which must do the same work. */
    public static PreludeBuilder.Input preludeInput(UUID sessionId, ResultSet rs) throws SQLException {
        boolean hasMemory = rs.getBoolean(3);
        List<PreludeBuilder.Pin> pins = new ArrayList<>();
        JsonNode pinned = MemoryFormat.parse(rs.getString(7));
        if (pinned != null) {
            for (JsonNode p : pinned) {
                pins.add(new PreludeBuilder.Pin(p.path(0).asText(), p.path(1).isNull() ? null : p.path(1).asText(),
                        p.path(2).asText(), micros(p.path(3))));
            }
        }
        List<Decision> decisions = new ArrayList<>();
        JsonNode ds = MemoryFormat.parse(rs.getString(8));
        if (ds != null) {
            for (JsonNode d : ds) {
                decisions.add(MemoryFormat.decision(null, d.path(0).toString(), micros(d.path(1))));
            }
        }
        return new PreludeBuilder.Input(sessionId, rs.getString(1), rs.getString(2),
                hasMemory ? rs.getString(4) : "",
                hasMemory ? MemoryFormat.keyFacts(rs.getString(5)) : List.of(),
                hasMemory ? MemoryFormat.constraints(rs.getString(6)) : List.of(),
                pins, decisions);
    }

    private static Instant micros(JsonNode n) {
        if (n == null || !n.canConvertToLong()) {
            return null;
        }
        long m = n.asLong();
        return Instant.ofEpochSecond(Math.floorDiv(m, 1_000_000L), Math.floorMod(m, 1_000_000L) * 1000L);
    }

    /** A live tail of the session, starting after the newest message of {@code opened}. */
    public LiveTail tail(UUID sessionId, MessagePage opened) {
        return new LiveTail(this, sessionId, opened == null ? List.of() : opened.rows());
    }

    // ------------------------------------------------------------------ plumbing

    /** Messages after {@code cursor} (null: from the start), oldest first, for exports. */
    List<MessageRow> page(Connection c, UUID sessionId, MessageCursor cursor, int limit) throws SQLException {
        return messages(c, cursor == null ? SessionQueries.MESSAGES_OLDEST : SessionQueries.MESSAGES_AFTER,
                sessionId, cursor, limit);
    }

    private <T> java.util.function.Function<Database.SqlWork<T>, T> plain() {
        return this::read;
    }

    /** Runs a read in its own transaction with enable_seqscan off (see {@link SessionQueries.Bound}). */
    private <T> java.util.function.Function<Database.SqlWork<T>, T> indexOnly() {
        return work -> transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config('enable_seqscan', 'off', true)")) {
                ps.executeQuery().close();
            }
            return work.run(c);
        }, false);
    }

    /** Runs several reads as one consistent snapshot: one read-only REPEATABLE READ transaction. */
    <T> T snapshot(Database.SqlWork<T> work) {
        return transaction(work, true);
    }

    /** Runs a read: plain on the read-only pool, or as the viewed user in one read-only transaction. */
    <T> T read(Database.SqlWork<T> work) {
        if (viewAs == null) {
            return db.withConnection(work);
        }
        return transaction(work, false);
    }

    private <T> T transaction(Database.SqlWork<T> work, boolean repeatableRead) {
        return db.withConnection(c -> {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            if (repeatableRead) {
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            try {
                if (viewAs != null && viewMode == RlsStatus.Mode.SWITCH_ROLE) {
                    try (Statement st = c.createStatement()) {
                        st.execute("SET LOCAL ROLE " + RlsStatus.READER_ROLE);
                    } catch (SQLException e) {
                        throw new WardenException("Cannot switch to role " + RlsStatus.READER_ROLE + " to view as "
                                + viewAs.email() + ": " + firstLine(e.getMessage()) + ".",
                                "GRANT " + RlsStatus.READER_ROLE + " TO the connected role, or view without a user", e);
                    }
                }
                if (viewAs != null) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT set_config('app.current_user_id', ?, true)")) {
                        ps.setString(1, viewAs.id().toString());
                        ps.executeQuery().close();
                    }
                }
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the connection is broken; the pool drops it
                }
                throw e;
            } finally {
                try {
                    c.setAutoCommit(auto); // the pool puts the isolation level back when the connection returns
                } catch (SQLException ignored) {
                    // the pool resets it
                }
            }
        });
    }

    /** True once the browser knows core.sessions carries the V10 counters. */
    boolean countersKnown() {
        return Boolean.TRUE.equals(counters.get());
    }

    String headSql(Connection c) throws SQLException {
        return SessionQueries.sessionHead(hasCounters(c));
    }

    /** Whether core.sessions carries the V10 counters; asked once per connection target. */
    private boolean hasCounters(Connection c) throws SQLException {
        Boolean known = counters.get();
        if (known != null) {
            return known;
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SessionQueries.HAS_COUNTERS)) {
            rs.next();
            boolean has = rs.getBoolean(1);
            if (rs.wasNull()) {
                throw new WardenException("Not a project database: there is no table core.sessions in "
                        + db.profile().database() + ".", "run 'warden migrate' to create the project schema, or connect to another database");
            }
            if (!has) {
                LOG.info("core.sessions has no message counters (schema before V10): counting per row");
            }
            counters.set(has);
            return has;
        }
    }

    private List<MessageRow> messages(Connection c, String sql, UUID sessionId, MessageCursor cursor, int limit)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setInt(i++, previewChars);
            ps.setObject(i++, sessionId);
            if (cursor != null) {
                ps.setObject(i++, OffsetDateTime.ofInstant(cursor.createdAt(), ZoneOffset.UTC));
                ps.setObject(i++, cursor.id());
            }
            ps.setInt(i, limit);
            List<MessageRow> rows = new ArrayList<>(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(message(rs, previewChars));
                }
            }
            return rows;
        }
    }

    static MessageRow message(ResultSet rs, int previewChars) throws SQLException {
        String content = rs.getString(6);
        long bytes = rs.getLong(7);
        // more bytes than preview characters can only mean "cut" if the preview is full length
        boolean truncated = bytes > content.length() && content.length() >= previewChars
                && bytes > content.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        return new MessageRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
                instant(rs, 5), content, bytes, truncated);
    }

    static SessionRow session(ResultSet rs, int at) throws SQLException {
        return new SessionRow(rs.getObject(at, UUID.class), rs.getString(at + 1), rs.getString(at + 2),
                rs.getObject(at + 3, UUID.class), rs.getString(at + 4), rs.getString(at + 5),
                rs.getObject(at + 6, UUID.class), rs.getString(at + 7), rs.getLong(at + 8), rs.getLong(at + 9),
                instant(rs, at + 10), instant(rs, at + 11));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static boolean trim(List<MessageRow> rows, int n) {
        if (rows.size() > n) {
            rows.subList(n, rows.size()).clear();
            return true;
        }
        return false;
    }

    private SessionNotFoundException notFound(UUID sessionId) {
        return new SessionNotFoundException(sessionId, viewAs == null ? null : viewAs.email());
    }

    private static int clamp(int limit) {
        return Math.max(1, Math.min(limit, MAX_PAGE));
    }

    static void cancelWith(JobContext job, Statement st) {
        if (job != null) {
            job.onCancel(() -> {
                try {
                    st.cancel();
                } catch (SQLException ignored) {
                    // already finished or closed
                }
            });
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unknown error";
        }
        String line = text.strip();
        int nl = line.indexOf('\n');
        line = nl >= 0 ? line.substring(0, nl) : line;
        return line.startsWith("ERROR: ") ? line.substring(7) : line;
    }

    /** Explains an SQL failure the way the rest of Warden does (for callers outside withConnection). */
    WardenException explain(SQLException e) {
        return ConnectionErrors.explain(e, db.profile());
    }
}
