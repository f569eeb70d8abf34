-- Denormalised working set for the memory prelude. Refreshed on demand, CONCURRENTLY,
-- never by a trigger: a refresh on every write would serialise all writers.
CREATE MATERIALIZED VIEW core.working_set_enriched AS
SELECT ws.session_id,
       ws.app_id,
       ws.file_id,
       ws.reason,
       ws.pinned_by,
       ws.created_at,
       f.path       AS file_path,
       f.is_binary,
       f.mime_type,
       f.size_bytes,
       f.updated_at AS file_updated_at,
       now()        AS refreshed_at
  FROM core.working_set ws
  JOIN core.files f ON f.id = ws.file_id;

-- Required by REFRESH ... CONCURRENTLY.
CREATE UNIQUE INDEX working_set_enriched_pk ON core.working_set_enriched (session_id, file_id);

CREATE FUNCTION core.refresh_working_set_enriched() RETURNS void
    LANGUAGE sql AS
$$ REFRESH MATERIALIZED VIEW CONCURRENTLY core.working_set_enriched $$;
