-- V4 left session_memory and events without policies: a role bound by RLS could read the memory
-- and decisions of a session it cannot see. They now follow their session, like messages do.
ALTER TABLE core.session_memory ENABLE ROW LEVEL SECURITY;
ALTER TABLE core.events         ENABLE ROW LEVEL SECURITY;

CREATE POLICY session_memory_of_visible_sessions ON core.session_memory
    USING (EXISTS (SELECT 1 FROM core.sessions s WHERE s.id = session_id));

CREATE POLICY events_of_visible_sessions ON core.events
    USING (EXISTS (SELECT 1 FROM core.sessions s WHERE s.id = session_id));
