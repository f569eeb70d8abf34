-- name: Session with memory
-- description: Session, app and memory in one query, what the memory prelude starts from (seed 000 getSessionWithMemory).
-- threshold_ms: 100
-- threshold_source: seed 002 cross_schema_join (< 100 ms): the widest join on the hot path
-- requires: core
-- sampler:
SELECT session_id FROM core.session_memory ORDER BY random() LIMIT 200
-- query:
SELECT s.id, s.title, a.name AS app_name, m.rolling_summary, m.key_facts, m.constraints,
       (SELECT count(*) FROM core.working_set ws WHERE ws.session_id = s.id) AS pinned_files
  FROM core.sessions s
  JOIN core.apps a ON a.id = s.app_id
  LEFT JOIN core.session_memory m ON m.session_id = s.id
 WHERE s.id = :session_id
