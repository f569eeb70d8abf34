-- name: Message totals per role
-- description: Message count and tokens per role in one session, the token budget the prelude reports.
-- threshold_ms: 50
-- threshold_source: seed 002 aggregation_query (< 50 ms)
-- requires: core
-- sampler:
SELECT id AS session_id FROM core.sessions ORDER BY random() LIMIT 200
-- query:
SELECT m.role, count(*) AS messages, sum(m.token_count) AS tokens
  FROM core.messages m
 WHERE m.session_id = :session_id
 GROUP BY m.role
