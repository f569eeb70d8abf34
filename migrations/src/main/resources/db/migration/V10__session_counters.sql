-- Message count and total tokens per session, kept by statement-level triggers, so the session
-- list (sorted on sessions_activity) shows them without counting messages for every row: a
-- session of 100,000 messages on the first page would otherwise cost a 100,000-entry scan.

ALTER TABLE core.sessions
    ADD COLUMN message_count bigint NOT NULL DEFAULT 0 CONSTRAINT sessions_message_count_check CHECK (message_count >= 0),
    ADD COLUMN total_tokens  bigint NOT NULL DEFAULT 0 CONSTRAINT sessions_total_tokens_check CHECK (total_tokens >= 0);

UPDATE core.sessions s
   SET message_count = c.n, total_tokens = c.tokens
  FROM (SELECT session_id, count(*) AS n, coalesce(sum(token_count), 0) AS tokens
          FROM core.messages GROUP BY session_id) c
 WHERE s.id = c.session_id;

-- Inserts (V2's trigger, same name and transition table): latest activity, plus the counters.
-- One UPDATE per statement, so a COPY of a million messages still costs one UPDATE per session.
CREATE OR REPLACE FUNCTION core.touch_session_activity() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    UPDATE core.sessions s
       SET last_activity_at = greatest(s.last_activity_at, n.latest),
           message_count    = s.message_count + n.n,
           total_tokens     = s.total_tokens + n.tokens
      FROM (SELECT session_id, max(created_at) AS latest, count(*) AS n, coalesce(sum(token_count), 0) AS tokens
              FROM new_messages GROUP BY session_id) n
     WHERE s.id = n.session_id;
    RETURN NULL;
END;
$$;

CREATE FUNCTION core.untally_session_messages() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    UPDATE core.sessions s
       SET message_count = greatest(0, s.message_count - o.n),
           total_tokens  = greatest(0, s.total_tokens - o.tokens)
      FROM (SELECT session_id, count(*) AS n, coalesce(sum(token_count), 0) AS tokens
              FROM old_messages GROUP BY session_id) o
     WHERE s.id = o.session_id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER messages_untally_session
    AFTER DELETE ON core.messages
    REFERENCING OLD TABLE AS old_messages
    FOR EACH STATEMENT EXECUTE FUNCTION core.untally_session_messages();

-- An UPDATE may move a message to another session or change its token count (transition
-- tables cannot be combined with UPDATE OF column lists, so every UPDATE comes here; sessions
-- whose figures did not change are not touched).
CREATE FUNCTION core.retally_session_messages() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    UPDATE core.sessions s
       SET message_count = greatest(0, s.message_count + d.n),
           total_tokens  = greatest(0, s.total_tokens + d.tokens)
      FROM (SELECT session_id, sum(n) AS n, sum(tokens) AS tokens
              FROM (SELECT session_id, count(*) AS n, coalesce(sum(token_count), 0) AS tokens
                      FROM new_messages GROUP BY session_id
                    UNION ALL
                    SELECT session_id, -count(*), -coalesce(sum(token_count), 0)
                      FROM old_messages GROUP BY session_id) x
             GROUP BY session_id) d
     WHERE s.id = d.session_id
       AND (d.n <> 0 OR d.tokens <> 0);
    RETURN NULL;
END;
$$;

CREATE TRIGGER messages_retally_session
    AFTER UPDATE ON core.messages
    REFERENCING OLD TABLE AS old_messages NEW TABLE AS new_messages
    FOR EACH STATEMENT EXECUTE FUNCTION core.retally_session_messages();

CREATE FUNCTION core.reset_session_counters() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    UPDATE core.sessions SET message_count = 0, total_tokens = 0
     WHERE message_count <> 0 OR total_tokens <> 0;
    RETURN NULL;
END;
$$;

CREATE TRIGGER messages_truncate_resets_counters
    AFTER TRUNCATE ON core.messages
    FOR EACH STATEMENT EXECUTE FUNCTION core.reset_session_counters();
