-- name: Recent messages
-- description: The ten newest messages of a session, read on every agent turn (seed 000 hot path; index without content).
-- threshold_ms: 30
-- threshold_source: seed 002 conversation_history (< 30 ms)
-- requires: core
-- sampler:
SELECT id AS session_id FROM core.sessions ORDER BY random() LIMIT 200
-- query:
SELECT m.id, m.role, m.model, m.token_count, m.created_at
  FROM core.messages m
 WHERE m.session_id = :session_id
 ORDER BY m.created_at DESC, m.id DESC
 LIMIT 10
