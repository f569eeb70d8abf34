-- name: File by path
-- description: One file of an app by its path, with its head version (seed 000 hot path, covering unique index).
-- threshold_ms: 5
-- threshold_source: seed 002 session_by_id (< 5 ms): a single-row lookup by key
-- requires: core
-- sampler:
SELECT app_id, path FROM core.files ORDER BY random() LIMIT 200
-- query:
SELECT f.id, f.is_binary, f.mime_type, f.size_bytes, f.sha256, f.head_version_id
  FROM core.files f
 WHERE f.app_id = :app_id AND f.path = :path
