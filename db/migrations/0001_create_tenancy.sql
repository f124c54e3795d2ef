-- Up Migration

-- The API and the worker log in as a role that is a member of rampart_api. That role owns
-- nothing, is never a superuser and never bypasses row-level security: every privilege it has
-- is granted below, table by table.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rampart_api') THEN
    CREATE ROLE rampart_api NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO rampart_api;

-- Shared helpers -----------------------------------------------------------------------------

CREATE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$$;

-- Global accounts ---------------------------------------------------------------------------

-- Users are global: one person can belong to many organizations. Emails are stored
-- lower-cased by the API, so a plain unique index enforces case-insensitive uniqueness.
CREATE TABLE users (
  id uuid PRIMARY KEY,
  email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 320),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE TRIGGER users_set_updated_at BEFORE UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

COMMENT ON TABLE users IS
  'Global accounts. RLS is enabled but not forced so that the owner''s SECURITY DEFINER login lookup can find a user by email; the API role sees itself and fellow members of its current organization only, and never reads password hashes.';

-- Tenancy -------------------------------------------------------------------------------------

CREATE TABLE orgs (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id)
);

CREATE TABLE memberships (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  role text NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, user_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

CREATE TABLE invitations (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email = lower(email)),
  role text NOT NULL CHECK (role IN ('admin', 'member')),
  token_hash bytea NOT NULL,
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  accepted_by uuid REFERENCES users (id),
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id)
);
CREATE UNIQUE INDEX invitations_token_key ON invitations (org_id, token_hash);
CREATE INDEX invitations_email_idx ON invitations (org_id, email);

CREATE TABLE teams (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id)
);
-- Team names are unique per organization whatever their case.
CREATE UNIQUE INDEX teams_name_key ON teams (org_id, lower(name));

CREATE TABLE team_members (
  org_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  team_id uuid NOT NULL,
  user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, team_id, user_id),
  FOREIGN KEY (org_id, team_id) REFERENCES teams (org_id, id) ON DELETE CASCADE,
  -- A team member must be a member of the same organization; leaving it leaves the teams.
  FOREIGN KEY (org_id, user_id) REFERENCES memberships (org_id, user_id) ON DELETE CASCADE
);

-- Sessions and credentials (scoped to a user, not to an organization) -------------------------

CREATE TABLE refresh_tokens (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  family_id uuid NOT NULL,
  token_hash bytea NOT NULL UNIQUE,
  -- The organization the session is working in; the access tokens it refreshes carry it.
  session_org_id uuid NOT NULL REFERENCES orgs (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (user_id, family_id);

CREATE TABLE password_resets (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash bytea UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX password_resets_user_idx ON password_resets (user_id);

-- Failed sign-in counters, keyed by a hash of the email so unknown emails back off too.
CREATE TABLE login_attempts (
  email_key bytea PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Email outbox --------------------------------------------------------------------------------

CREATE TABLE email_outbox (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  to_address text NOT NULL,
  subject text NOT NULL,
  text_body text NOT NULL,
  kind text NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'kept', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id)
);
CREATE INDEX email_outbox_created_idx ON email_outbox (org_id, created_at DESC);

-- Audit trail ---------------------------------------------------------------------------------

CREATE TABLE audit_log (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_id uuid,
  action text NOT NULL,
  table_name text,
  record_id uuid,
  changes jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (org_id, id)
);
CREATE INDEX audit_log_time_idx ON audit_log (org_id, occurred_at DESC, id DESC);
CREATE INDEX audit_log_record_idx ON audit_log (org_id, record_id, occurred_at DESC, id DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (org_id, actor_id, occurred_at DESC, id DESC);
CREATE INDEX audit_log_action_idx ON audit_log (org_id, action, occurred_at DESC, id DESC);

-- Written by the owner (SECURITY DEFINER) so that the API role needs, and has, no INSERT,
-- UPDATE or DELETE on audit_log. Secret columns are named in the trigger's arguments and
-- recorded as redacted.
CREATE FUNCTION audit_record_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
  new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
  subject jsonb := coalesce(new_row, old_row);
  changed jsonb := '{}';
  secret_columns text[] := TG_ARGV::text[];
  column_name text;
  before_value jsonb;
  after_value jsonb;
BEGIN
  FOR column_name IN SELECT jsonb_object_keys(subject) LOOP
    CONTINUE WHEN column_name IN ('org_id', 'created_at', 'updated_at');
    before_value := old_row -> column_name;
    after_value := new_row -> column_name;
    CONTINUE WHEN TG_OP = 'UPDATE' AND before_value IS NOT DISTINCT FROM after_value;
    -- A column that is empty before and after says nothing.
    CONTINUE WHEN coalesce(before_value, 'null') = 'null' AND coalesce(after_value, 'null') = 'null';
    IF column_name = ANY (secret_columns) THEN
      before_value := CASE WHEN before_value IS NOT NULL THEN '"[redacted]"'::jsonb END;
      after_value := CASE WHEN after_value IS NOT NULL THEN '"[redacted]"'::jsonb END;
    END IF;
    changed := changed || jsonb_build_object(column_name, jsonb_strip_nulls(
      jsonb_build_object('old', before_value, 'new', after_value)));
  END LOOP;
  IF TG_OP = 'UPDATE' AND changed = '{}' THEN
    RETURN NULL;
  END IF;
  INSERT INTO audit_log (org_id, actor_id, action, table_name, record_id, changes)
  VALUES (
    CASE WHEN TG_TABLE_NAME = 'orgs' THEN subject ->> 'id' ELSE subject ->> 'org_id' END::uuid,
    nullif(current_setting('app.current_user', true), '')::uuid,
    lower(TG_OP),
    TG_TABLE_NAME,
    (subject ->> 'id')::uuid,
    changed
  );
  RETURN NULL;
END
$$;

-- Security events (sign-ins, token reuse, role changes...) recorded in the current
-- organization by the current user. The action names are fixed here so the API role cannot
-- write arbitrary history through this door.
CREATE FUNCTION audit_security_event(p_action text, p_details jsonb DEFAULT '{}')
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF p_action NOT IN ('auth.login', 'auth.login_failed', 'auth.refresh_reuse',
                      'auth.password_reset', 'auth.switch_org', 'member.role_changed',
                      'member.removed', 'invitation.created', 'invitation.accepted',
                      'invitation.revoked') THEN
    RAISE EXCEPTION 'unknown security event %', p_action USING ERRCODE = '22023';
  END IF;
  INSERT INTO audit_log (org_id, actor_id, action, changes)
  VALUES (
    nullif(current_setting('app.current_org', true), '')::uuid,
    nullif(current_setting('app.current_user', true), '')::uuid,
    p_action,
    coalesce(p_details, '{}')
  );
END
$$;

-- Sign-in needs to find a user by email before any context exists. This is the one door to
-- that, and the only way the API role can read a password hash.
CREATE FUNCTION auth_find_user_by_email(p_email text)
RETURNS TABLE (id uuid, email text, name text, password_hash text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT u.id, u.email, u.name, u.password_hash FROM users u WHERE u.email = lower(p_email)
$$;

CREATE FUNCTION auth_current_password_hash() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT u.password_hash FROM users u
  WHERE u.id = nullif(current_setting('app.current_user', true), '')::uuid
$$;

REVOKE ALL ON FUNCTION audit_record_change() FROM PUBLIC;
REVOKE ALL ON FUNCTION audit_security_event(text, jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION auth_find_user_by_email(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION auth_current_password_hash() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_security_event(text, jsonb) TO rampart_api;
GRANT EXECUTE ON FUNCTION auth_find_user_by_email(text) TO rampart_api;
GRANT EXECUTE ON FUNCTION auth_current_password_hash() TO rampart_api;

-- Row-level security --------------------------------------------------------------------------
-- Policies compare with nullif(current_setting(...), '')::uuid: once a transaction-local
-- setting has been used on a connection it reads '' rather than NULL, and no setting at all
-- must mean no rows (fail closed), never an error or every row.

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY users_select ON users FOR SELECT USING (
  id = nullif(current_setting('app.current_user', true), '')::uuid
  OR id IN (SELECT m.user_id FROM memberships m
            WHERE m.org_id = nullif(current_setting('app.current_org', true), '')::uuid)
);
CREATE POLICY users_insert ON users FOR INSERT
  WITH CHECK (id = nullif(current_setting('app.current_user', true), '')::uuid);
CREATE POLICY users_update ON users FOR UPDATE
  USING (id = nullif(current_setting('app.current_user', true), '')::uuid)
  WITH CHECK (id = nullif(current_setting('app.current_user', true), '')::uuid);

ALTER TABLE orgs ENABLE ROW LEVEL SECURITY;
ALTER TABLE orgs FORCE ROW LEVEL SECURITY;
-- A user may read the names of the organizations they belong to (the organization switcher).
CREATE POLICY orgs_select ON orgs FOR SELECT USING (
  id = nullif(current_setting('app.current_org', true), '')::uuid
  OR id IN (SELECT m.org_id FROM memberships m
            WHERE m.user_id = nullif(current_setting('app.current_user', true), '')::uuid)
);
CREATE POLICY orgs_insert ON orgs FOR INSERT
  WITH CHECK (id = nullif(current_setting('app.current_org', true), '')::uuid);
CREATE POLICY orgs_update ON orgs FOR UPDATE
  USING (id = nullif(current_setting('app.current_org', true), '')::uuid)
  WITH CHECK (id = nullif(current_setting('app.current_org', true), '')::uuid);

ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
-- Besides its own organization's members, a user may read their own memberships elsewhere.
CREATE POLICY memberships_select ON memberships FOR SELECT USING (
  org_id = nullif(current_setting('app.current_org', true), '')::uuid
  OR user_id = nullif(current_setting('app.current_user', true), '')::uuid
);
CREATE POLICY memberships_write ON memberships FOR ALL
  USING (org_id = nullif(current_setting('app.current_org', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('app.current_org', true), '')::uuid);

ALTER TABLE refresh_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE refresh_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY refresh_tokens_own ON refresh_tokens FOR ALL
  USING (user_id = nullif(current_setting('app.current_user', true), '')::uuid)
  WITH CHECK (user_id = nullif(current_setting('app.current_user', true), '')::uuid);

ALTER TABLE password_resets ENABLE ROW LEVEL SECURITY;
ALTER TABLE password_resets FORCE ROW LEVEL SECURITY;
CREATE POLICY password_resets_own ON password_resets FOR ALL
  USING (user_id = nullif(current_setting('app.current_user', true), '')::uuid)
  WITH CHECK (user_id = nullif(current_setting('app.current_user', true), '')::uuid);

-- The standard tenant policy: one for reading, one for writing, both on org_id.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['invitations', 'teams', 'team_members', 'email_outbox', 'audit_log'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY %I ON %I FOR ALL
      USING (org_id = nullif(current_setting('app.current_org', true), '')::uuid)
      WITH CHECK (org_id = nullif(current_setting('app.current_org', true), '')::uuid)$p$,
      t || '_tenant', t);
  END LOOP;
END
$$;

-- Triggers ------------------------------------------------------------------------------------

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['orgs', 'memberships', 'invitations', 'teams', 'team_members', 'email_outbox'] LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION set_updated_at()',
      t || '_set_updated_at', t);
  END LOOP;
END
$$;

CREATE TRIGGER orgs_audit AFTER INSERT OR UPDATE OR DELETE ON orgs
  FOR EACH ROW EXECUTE FUNCTION audit_record_change();
CREATE TRIGGER memberships_audit AFTER INSERT OR UPDATE OR DELETE ON memberships
  FOR EACH ROW EXECUTE FUNCTION audit_record_change();
CREATE TRIGGER invitations_audit AFTER INSERT OR UPDATE OR DELETE ON invitations
  FOR EACH ROW EXECUTE FUNCTION audit_record_change('token_hash');
CREATE TRIGGER teams_audit AFTER INSERT OR UPDATE OR DELETE ON teams
  FOR EACH ROW EXECUTE FUNCTION audit_record_change();
CREATE TRIGGER team_members_audit AFTER INSERT OR UPDATE OR DELETE ON team_members
  FOR EACH ROW EXECUTE FUNCTION audit_record_change();
CREATE TRIGGER email_outbox_audit AFTER INSERT OR UPDATE OR DELETE ON email_outbox
  FOR EACH ROW EXECUTE FUNCTION audit_record_change('text_body');

-- Grants: exactly what the API needs ------------------------------------------------------------

GRANT SELECT (id, email, name, created_at, updated_at), INSERT, UPDATE (name, password_hash)
  ON users TO rampart_api;
GRANT SELECT, INSERT, UPDATE ON orgs TO rampart_api;
GRANT SELECT, INSERT, UPDATE, DELETE ON memberships, invitations, teams, team_members,
  refresh_tokens, password_resets, login_attempts TO rampart_api;
GRANT SELECT, INSERT, UPDATE ON email_outbox TO rampart_api;
GRANT SELECT ON audit_log TO rampart_api;
