-- name: Session list by status
-- description: The 50 most recently active sessions in one status, the dashboard list (seed 002 session list).
-- threshold_ms: 50
-- threshold_source: seed 002 session_list_by_status (< 50 ms)
-- requires: core
-- sampler:
SELECT DISTINCT status FROM core.sessions
-- query:
SELECT s.id, s.title, s.last_activity_at
  FROM core.sessions s
 WHERE s.status = :status
 ORDER BY s.last_activity_at DESC, s.id DESC
 LIMIT 50
