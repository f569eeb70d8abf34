-- name: Files by paths
-- description: Up to 50 files of one app fetched by their paths in one round trip (seed 000 getFilesByPaths, ANY($1)).
-- threshold_ms: 50
-- threshold_source: seed 002 session_list_by_status (< 50 ms): a batch read
-- requires: core
-- sampler:
SELECT app_id, (array_agg(path ORDER BY path))[1:50] AS paths
  FROM core.files GROUP BY app_id ORDER BY app_id LIMIT 200
-- query:
SELECT f.id, f.path, f.is_binary, f.size_bytes, f.head_version_id
  FROM core.files f
 WHERE f.app_id = :app_id AND f.path = ANY (:paths)
