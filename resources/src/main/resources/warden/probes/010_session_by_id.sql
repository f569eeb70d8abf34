-- name: Session by id
-- description: One session with its app name, the first read when a user reopens a chat (seed 000 hot path).
-- threshold_ms: 5
-- threshold_source: seed 002 session_by_id (< 5 ms)
-- requires: core
-- sampler:
SELECT id AS session_id FROM core.sessions ORDER BY random() LIMIT 200
-- query:
SELECT s.id, s.title, s.status, s.last_activity_at, a.name AS app_name
  FROM core.sessions s
  JOIN core.apps a ON a.id = s.app_id
 WHERE s.id = :session_id
