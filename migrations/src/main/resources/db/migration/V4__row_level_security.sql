-- Row-level security: a user sees the sessions they own and everything of the apps they
-- own or collaborate on. The current user comes from `app.current_user_id`, read with the
-- two-argument current_setting so an unset value means "nobody", not an error.

CREATE FUNCTION core.current_app_user() RETURNS uuid
    LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.current_user_id', true), '')::uuid $$;

CREATE FUNCTION core.can_access_app(p_app_id uuid) RETURNS boolean
    LANGUAGE sql STABLE AS
$$
SELECT EXISTS (SELECT 1 FROM core.apps a
                WHERE a.id = p_app_id AND a.owner_id = core.current_app_user())
    OR EXISTS (SELECT 1 FROM core.app_collaborators c
                WHERE c.app_id = p_app_id AND c.user_id = core.current_app_user())
$$;

ALTER TABLE core.sessions      ENABLE ROW LEVEL SECURITY;
ALTER TABLE core.messages      ENABLE ROW LEVEL SECURITY;
ALTER TABLE core.files         ENABLE ROW LEVEL SECURITY;
ALTER TABLE core.file_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE core.working_set   ENABLE ROW LEVEL SECURITY;

CREATE POLICY sessions_owner_or_collaborator ON core.sessions
    USING (user_id = core.current_app_user() OR core.can_access_app(app_id));

-- Children follow their parent: the sub-select is itself filtered by the sessions policy.
CREATE POLICY messages_of_visible_sessions ON core.messages
    USING (EXISTS (SELECT 1 FROM core.sessions s WHERE s.id = session_id));

CREATE POLICY working_set_of_visible_sessions ON core.working_set
    USING (EXISTS (SELECT 1 FROM core.sessions s WHERE s.id = session_id));

CREATE POLICY files_of_accessible_apps ON core.files
    USING (core.can_access_app(app_id));

CREATE POLICY file_versions_of_visible_files ON core.file_versions
    USING (EXISTS (SELECT 1 FROM core.files f WHERE f.id = file_id));

-- RLS never binds a superuser, a BYPASSRLS role or the table owner. "View as user" switches
-- to this role (SET LOCAL ROLE) for one read-only transaction. Creating a role needs
-- CREATEROLE; without it the migration goes on and Warden says view-as-user is unavailable.
DO
$$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'warden_rls_reader') THEN
        BEGIN
            CREATE ROLE warden_rls_reader NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'warden_rls_reader not created (no CREATEROLE): view-as-user unavailable';
            RETURN;
        END;
    END IF;
    EXECUTE 'GRANT USAGE ON SCHEMA core TO warden_rls_reader';
    EXECUTE 'GRANT SELECT ON ALL TABLES IN SCHEMA core TO warden_rls_reader';
    EXECUTE 'GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA core TO warden_rls_reader';
    EXECUTE format('GRANT warden_rls_reader TO %I', current_user);
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'grants to warden_rls_reader failed: view-as-user unavailable';
END;
$$;
