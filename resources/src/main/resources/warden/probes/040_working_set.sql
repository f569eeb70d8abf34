-- name: Working set with files
-- description: The files pinned in a session's working set, joined to their metadata (seed 000 getWorkingSetWithFiles).
-- threshold_ms: 20
-- threshold_source: seed 002 research_by_session (< 20 ms): the related rows of one session
-- requires: core
-- sampler:
SELECT DISTINCT session_id FROM core.working_set ORDER BY session_id LIMIT 200
-- query:
SELECT ws.file_id, ws.reason, ws.pinned_by, f.path, f.is_binary, f.mime_type, f.size_bytes
  FROM core.working_set ws
  JOIN core.files f ON f.id = ws.file_id
 WHERE ws.session_id = :session_id
 ORDER BY ws.created_at
