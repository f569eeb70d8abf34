-- Integrity functions that RECOMPUTE: the digest and size of what is stored are computed
-- again and compared with the recorded ones (seed 000's version compared sha256 with itself).

-- The bytes a version stands for: content_bytes for binary files, the UTF-8 text otherwise.
CREATE FUNCTION core.version_bytes(p_content text, p_content_bytes bytea) RETURNS bytea
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT coalesce(p_content_bytes, convert_to(p_content, 'UTF8')) $$;

CREATE FUNCTION core.verify_file_checksums(p_app_id uuid DEFAULT NULL)
    RETURNS TABLE (file_id uuid, version_id uuid, path text, version integer,
                   expected_sha256 bytea, computed_sha256 bytea,
                   expected_size bigint, computed_size bigint, matches boolean)
    LANGUAGE sql STABLE AS
$$
SELECT v.file_id, v.id, f.path, v.version,
       v.sha256, c.digest, v.size_bytes, c.size,
       (v.sha256 = c.digest AND v.size_bytes = c.size)
  FROM core.file_versions v
  JOIN core.files f ON f.id = v.file_id
  CROSS JOIN LATERAL (SELECT sha256(b) AS digest, octet_length(b)::bigint AS size
                        FROM core.version_bytes(v.content, v.content_bytes) AS b) c
 WHERE p_app_id IS NULL OR f.app_id = p_app_id
 ORDER BY f.path, v.version DESC
$$;

-- Format from the magic bytes, not from the recorded column.
CREATE FUNCTION core.image_format_of(p_bytes bytea) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT CASE
         WHEN substring(p_bytes FROM 1 FOR 8) = '\x89504e470d0a1a0a'::bytea THEN 'png'
         WHEN substring(p_bytes FROM 1 FOR 3) = '\xffd8ff'::bytea THEN 'jpeg'
         WHEN substring(p_bytes FROM 1 FOR 6) IN ('\x474946383761'::bytea, '\x474946383961'::bytea) THEN 'gif'
         WHEN substring(p_bytes FROM 1 FOR 4) = '\x52494646'::bytea
              AND substring(p_bytes FROM 9 FOR 4) = '\x57454250'::bytea THEN 'webp'
         ELSE NULL
       END
$$;

CREATE FUNCTION core.verify_image_assets(p_job_id uuid DEFAULT NULL)
    RETURNS TABLE (job_id uuid, asset_id uuid, job_status text,
                   expected_sha256 bytea, computed_sha256 bytea,
                   expected_size bigint, computed_size bigint,
                   recorded_format text, detected_format text, matches boolean)
    LANGUAGE sql STABLE AS
$$
SELECT j.id, a.id, j.status,
       a.sha256, sha256(a.bytes), a.size_bytes, octet_length(a.bytes)::bigint,
       a.format, core.image_format_of(a.bytes),
       (a.id IS NOT NULL
        AND a.sha256 = sha256(a.bytes)
        AND a.size_bytes = octet_length(a.bytes)
        AND a.format IS NOT DISTINCT FROM core.image_format_of(a.bytes))
  FROM core.image_jobs j
  LEFT JOIN core.image_assets a ON a.job_id = j.id
 WHERE (p_job_id IS NULL OR j.id = p_job_id)
   AND (j.status = 'done' OR a.id IS NOT NULL)
 ORDER BY j.created_at DESC
$$;

-- Head pointers: the head must be a version of the same file and its highest number,
-- and files.sha256/size_bytes must agree with it.
CREATE FUNCTION core.verify_head_pointers(p_app_id uuid DEFAULT NULL)
    RETURNS TABLE (file_id uuid, path text, head_version_id uuid, head_version integer,
                   max_version integer, problem text)
    LANGUAGE sql STABLE AS
$$
SELECT f.id, f.path, f.head_version_id, h.version, m.max_version,
       CASE
         WHEN m.max_version IS NULL THEN 'file has no versions'
         WHEN f.head_version_id IS NULL THEN 'head pointer is empty'
         WHEN h.id IS NULL THEN 'head points to a missing version'
         WHEN h.file_id <> f.id THEN 'head points to a version of another file'
         WHEN h.version <> m.max_version THEN 'head is not the highest version'
         WHEN f.sha256 IS DISTINCT FROM h.sha256 OR f.size_bytes <> h.size_bytes THEN 'file digest or size differs from head'
       END
  FROM core.files f
  LEFT JOIN core.file_versions h ON h.id = f.head_version_id
  LEFT JOIN LATERAL (SELECT max(v.version) AS max_version FROM core.file_versions v WHERE v.file_id = f.id) m ON true
 WHERE (p_app_id IS NULL OR f.app_id = p_app_id)
   AND (m.max_version IS NULL OR f.head_version_id IS NULL OR h.id IS NULL OR h.file_id <> f.id
        OR h.version <> m.max_version
        OR f.sha256 IS DISTINCT FROM h.sha256 OR f.size_bytes <> h.size_bytes)
$$;
