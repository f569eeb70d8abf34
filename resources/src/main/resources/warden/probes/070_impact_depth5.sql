-- name: Impact analysis (depth 5)
-- description: Who imports this file, transitively, five levels deep, cycle-safe: the reverse walk of seed 000's analyzer.
-- threshold_ms: 50
-- threshold_source: seed 002 aggregation_query (< 50 ms); seed 000 claimed 35 ms at depth 5
-- requires: core
-- sampler:
SELECT dest_file_id AS file_id FROM core.file_references GROUP BY dest_file_id ORDER BY count(*) DESC, dest_file_id LIMIT 200
-- query:
WITH RECURSIVE impacted (file_id, depth, trail) AS (
    SELECT r.src_file_id, 1, ARRAY[r.dest_file_id, r.src_file_id]
      FROM core.file_references r
     WHERE r.dest_file_id = :file_id
    UNION ALL
    SELECT r.src_file_id, i.depth + 1, i.trail || r.src_file_id
      FROM impacted i
      JOIN core.file_references r ON r.dest_file_id = i.file_id
     WHERE i.depth < 5 AND NOT r.src_file_id = ANY (i.trail)
)
SELECT f.path, min(i.depth) AS depth
  FROM impacted i
  JOIN core.files f ON f.id = i.file_id
 GROUP BY f.path
 ORDER BY 2, 1
