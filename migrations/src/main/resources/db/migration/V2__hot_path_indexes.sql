-- Hot-path indexes of seed 000, corrected.

-- Recent messages of a session, newest first, keyset on (created_at, id).
-- `content` stays OUT of the index: with it the B-tree grew 16x and any message whose
-- compressed row exceeded ~2.7 kB could not be inserted at all ("index row size exceeds
-- btree version 4 maximum"). role, model and token_count keep the timeline index-only.
CREATE INDEX messages_session_created_covering
    ON core.messages (session_id, created_at DESC, id DESC)
    INCLUDE (role, model, token_count);

CREATE INDEX working_set_session_covering
    ON core.working_set (session_id, created_at)
    INCLUDE (app_id, file_id, reason, pinned_by);
CREATE INDEX working_set_file ON core.working_set (file_id);

-- Forward walk: what does this file import?
CREATE INDEX file_refs_src_covering
    ON core.file_references (app_id, src_file_id, ref_type)
    INCLUDE (dest_file_id);
-- Reverse walk: who imports this file? Impact analysis goes this way.
CREATE INDEX file_refs_dest_covering
    ON core.file_references (dest_file_id, ref_type)
    INCLUDE (src_file_id, app_id);

-- Session list: newest activity first, per user, per app, and overall; keyset on (last_activity_at, id).
CREATE INDEX sessions_activity ON core.sessions (last_activity_at DESC, id DESC);
CREATE INDEX sessions_user_activity ON core.sessions (user_id, last_activity_at DESC, id DESC);
CREATE INDEX sessions_app_activity ON core.sessions (app_id, last_activity_at DESC, id DESC);
-- Search in titles (ILIKE '%…%' and similarity).
CREATE INDEX sessions_title_trgm ON core.sessions USING gin (title public.gin_trgm_ops);

CREATE INDEX events_session_created ON core.events (session_id, created_at DESC);
CREATE INDEX image_jobs_session ON core.image_jobs (session_id, created_at DESC);
CREATE INDEX image_assets_job ON core.image_assets (job_id);

-- Keep sessions.last_activity_at current. One statement-level trigger with a transition
-- table, so a COPY of a million messages costs one UPDATE, not a million.
CREATE FUNCTION core.touch_session_activity() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    UPDATE core.sessions s
       SET last_activity_at = n.latest
      FROM (SELECT session_id, max(created_at) AS latest FROM new_messages GROUP BY session_id) n
     WHERE s.id = n.session_id
       AND s.last_activity_at < n.latest;
    RETURN NULL;
END;
$$;

CREATE TRIGGER messages_touch_session
    AFTER INSERT ON core.messages
    REFERENCING NEW TABLE AS new_messages
    FOR EACH STATEMENT EXECUTE FUNCTION core.touch_session_activity();
