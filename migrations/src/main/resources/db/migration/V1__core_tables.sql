-- The project schema `core`: the database of an AI app-builder.
-- Flyway creates the schema itself; every object is schema-qualified so the
-- migration does not depend on search_path.

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE TABLE core.users (
    id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    email        text        NOT NULL UNIQUE CHECK (email LIKE '%@%'),
    display_name text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE core.apps (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    owner_id    uuid        NOT NULL REFERENCES core.users (id) ON DELETE CASCADE,
    name        text        NOT NULL CHECK (length(name) > 0),
    description text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (owner_id, name)
);
CREATE INDEX apps_name ON core.apps (name);

CREATE TABLE core.app_collaborators (
    app_id   uuid        NOT NULL REFERENCES core.apps (id) ON DELETE CASCADE,
    user_id  uuid        NOT NULL REFERENCES core.users (id) ON DELETE CASCADE,
    role     text        NOT NULL DEFAULT 'editor' CHECK (role IN ('viewer', 'editor', 'admin')),
    added_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (app_id, user_id)
);
-- RLS asks "which apps may this user see?" from the user's side.
CREATE INDEX app_collaborators_user ON core.app_collaborators (user_id, app_id);

CREATE TABLE core.sessions (
    id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id          uuid        NOT NULL REFERENCES core.users (id) ON DELETE CASCADE,
    app_id           uuid        NOT NULL REFERENCES core.apps (id) ON DELETE CASCADE,
    title            text        NOT NULL,
    status           text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'idle', 'archived')),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    -- kept by a statement trigger on messages (V2), so the session list sorts on an index
    last_activity_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE core.messages (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    session_id  uuid        NOT NULL REFERENCES core.sessions (id) ON DELETE CASCADE,
    role        text        NOT NULL CHECK (role IN ('user', 'assistant', 'system', 'tool')),
    content     text        NOT NULL,
    model       text,
    token_count integer     NOT NULL DEFAULT 0 CHECK (token_count >= 0),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE core.session_memory (
    session_id      uuid        PRIMARY KEY REFERENCES core.sessions (id) ON DELETE CASCADE,
    rolling_summary text        NOT NULL DEFAULT '',
    key_facts       jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(key_facts) = 'object'),
    constraints     jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(constraints) = 'array'),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE core.events (
    id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    session_id uuid        NOT NULL REFERENCES core.sessions (id) ON DELETE CASCADE,
    kind       text        NOT NULL CHECK (length(kind) > 0),
    payload    jsonb       NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE core.files (
    id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    app_id          uuid        NOT NULL REFERENCES core.apps (id) ON DELETE CASCADE,
    path            text        NOT NULL CHECK (length(path) > 0 AND path NOT LIKE '/%'),
    is_binary       boolean     NOT NULL DEFAULT false,
    mime_type       text,
    size_bytes      bigint      NOT NULL DEFAULT 0 CHECK (size_bytes >= 0),
    sha256          bytea       CHECK (octet_length(sha256) = 32),
    head_version_id uuid,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    -- the hot-path lookup by path (seed 000) doubles as the uniqueness rule
    CONSTRAINT files_app_path_covering UNIQUE (app_id, path)
        INCLUDE (is_binary, mime_type, size_bytes, sha256, head_version_id),
    -- lets references and working-set rows prove they stay inside their app
    CONSTRAINT files_id_app_key UNIQUE (id, app_id)
);

CREATE TABLE core.file_versions (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    file_id       uuid        NOT NULL REFERENCES core.files (id) ON DELETE CASCADE,
    version       integer     NOT NULL CHECK (version >= 1),
    content       text,
    content_bytes bytea,
    sha256        bytea       NOT NULL CHECK (octet_length(sha256) = 32),
    size_bytes    bigint      NOT NULL CHECK (size_bytes >= 0),
    created_by    text        NOT NULL DEFAULT 'agent',
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (file_id, version),
    -- text files keep `content`, binary files `content_bytes`: exactly one of them
    CHECK (num_nonnulls(content, content_bytes) = 1)
);

-- A head pointer may be set before its version row exists inside one transaction
-- (the atomic write of seed 000): checked at commit.
ALTER TABLE core.files
    ADD CONSTRAINT files_head_version_fk FOREIGN KEY (head_version_id)
        REFERENCES core.file_versions (id) ON DELETE SET NULL
        DEFERRABLE INITIALLY DEFERRED;

CREATE TABLE core.file_references (
    id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    app_id       uuid        NOT NULL REFERENCES core.apps (id) ON DELETE CASCADE,
    src_file_id  uuid        NOT NULL,
    dest_file_id uuid        NOT NULL,
    ref_type     text        NOT NULL CHECK (ref_type IN ('import', 'style', 'asset', 'dynamic-import', 'require')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (src_file_id <> dest_file_id),
    UNIQUE (src_file_id, dest_file_id, ref_type),
    FOREIGN KEY (src_file_id, app_id) REFERENCES core.files (id, app_id) ON DELETE CASCADE,
    FOREIGN KEY (dest_file_id, app_id) REFERENCES core.files (id, app_id) ON DELETE CASCADE
);

CREATE TABLE core.working_set (
    session_id uuid        NOT NULL REFERENCES core.sessions (id) ON DELETE CASCADE,
    app_id     uuid        NOT NULL,
    file_id    uuid        NOT NULL,
    reason     text,
    pinned_by  text        NOT NULL DEFAULT 'user' CHECK (pinned_by IN ('user', 'agent')),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (session_id, file_id),
    FOREIGN KEY (file_id, app_id) REFERENCES core.files (id, app_id) ON DELETE CASCADE
);

CREATE TABLE core.image_jobs (
    id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    session_id   uuid        NOT NULL REFERENCES core.sessions (id) ON DELETE CASCADE,
    prompt       text        NOT NULL,
    status       text        NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
    error        text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    completed_at timestamptz
);

CREATE TABLE core.image_assets (
    id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    job_id     uuid        NOT NULL REFERENCES core.image_jobs (id) ON DELETE CASCADE,
    sha256     bytea       NOT NULL CHECK (octet_length(sha256) = 32),
    size_bytes bigint      NOT NULL CHECK (size_bytes >= 0),
    format     text        NOT NULL CHECK (format IN ('png', 'jpeg', 'webp', 'gif')),
    width      integer     CHECK (width > 0),
    height     integer     CHECK (height > 0),
    bytes      bytea       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
