-- Up Migration

-- CSV imports. The uploaded rows are kept in the database, under the organization's RLS, so
-- that the API process that received the file and the worker that applies it need share
-- nothing but PostgreSQL.
CREATE TABLE imports (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('lead', 'account', 'contact', 'deal')),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  status text NOT NULL DEFAULT 'uploaded'
    CHECK (status IN ('uploaded', 'queued', 'running', 'completed', 'cancelled', 'failed', 'undone')),
  encoding text NOT NULL,
  delimiter text NOT NULL,
  -- One entry per column of the file: header, fill rate, sample values.
  columns jsonb NOT NULL DEFAULT '[]',
  row_count integer NOT NULL DEFAULT 0 CHECK (row_count >= 0),
  -- Rows with more or fewer cells than the header: how many, and the first lines.
  ragged_count integer NOT NULL DEFAULT 0,
  ragged_lines integer[] NOT NULL DEFAULT '{}',
  -- What the last dry run or the run was given: column -> field, duplicate handling, formats.
  mapping jsonb,
  options jsonb,
  dry_run jsonb,
  counts jsonb,
  rows_done integer NOT NULL DEFAULT 0 CHECK (rows_done >= 0),
  -- The last line a run has applied: where it resumes.
  last_line integer NOT NULL DEFAULT 0,
  started_at timestamptz,
  -- Written with every batch a run applies: a run whose heartbeat stops was killed.
  heartbeat_at timestamptz,
  finished_at timestamptz,
  error text,
  undone_at timestamptz,
  undone_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id)
);
CREATE INDEX imports_created_idx ON imports (org_id, created_at DESC, id DESC);

-- The rows of an uploaded file, by line number of their first line in the file.
CREATE TABLE import_rows (
  org_id uuid NOT NULL,
  import_id uuid NOT NULL,
  line integer NOT NULL,
  cells jsonb NOT NULL,
  PRIMARY KEY (org_id, import_id, line),
  FOREIGN KEY (org_id, import_id) REFERENCES imports (org_id, id) ON DELETE CASCADE
);

-- Rows a dry run or a run refused, with every problem: [{column, reason}].
CREATE TABLE import_rejections (
  org_id uuid NOT NULL,
  import_id uuid NOT NULL,
  phase text NOT NULL CHECK (phase IN ('dry_run', 'run')),
  line integer NOT NULL,
  problems jsonb NOT NULL,
  PRIMARY KEY (org_id, import_id, phase, line),
  FOREIGN KEY (org_id, import_id) REFERENCES imports (org_id, id) ON DELETE CASCADE
);

-- Every record an import created or changed, with the values it replaced: what undo restores,
-- and what a record's history names as the import that made or changed it.
CREATE TABLE import_records (
  org_id uuid NOT NULL,
  import_id uuid NOT NULL,
  record_type text NOT NULL CHECK (record_type IN ('lead', 'account', 'contact', 'deal')),
  record_id uuid NOT NULL,
  action text NOT NULL CHECK (action IN ('created', 'updated')),
  previous jsonb NOT NULL DEFAULT '{}',
  applied_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (org_id, import_id, record_type, record_id),
  FOREIGN KEY (org_id, import_id) REFERENCES imports (org_id, id) ON DELETE CASCADE
);
CREATE INDEX import_records_record_idx ON import_records (org_id, record_type, record_id);

-- Saved mappings, for the next file from the same source.
CREATE TABLE import_templates (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  kind text NOT NULL CHECK (kind IN ('lead', 'account', 'contact', 'deal')),
  mapping jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id)
);
CREATE UNIQUE INDEX import_templates_name_key ON import_templates (org_id, lower(name));

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['imports', 'import_rows', 'import_rejections', 'import_records',
                           'import_templates'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY %I ON %I FOR ALL
      USING (org_id = nullif(current_setting('app.current_org', true), '')::uuid)
      WITH CHECK (org_id = nullif(current_setting('app.current_org', true), '')::uuid)$p$,
      t || '_tenant', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO rampart_api', t);
  END LOOP;
END
$$;

CREATE TRIGGER imports_set_updated_at BEFORE UPDATE ON imports
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER import_templates_set_updated_at BEFORE UPDATE ON import_templates
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER import_templates_audit AFTER INSERT OR UPDATE OR DELETE ON import_templates
  FOR EACH ROW EXECUTE FUNCTION audit_record_change('import_templates');

-- The trail records an import as one event when it is applied and one when it is undone.
CREATE OR REPLACE FUNCTION audit_security_event(p_action text, p_details jsonb DEFAULT '{}')
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF p_action NOT IN ('auth.login', 'auth.login_failed', 'auth.refresh_reuse',
                      'auth.password_reset', 'auth.switch_org', 'member.role_changed',
                      'member.removed', 'invitation.created', 'invitation.accepted',
                      'invitation.revoked', 'import.completed', 'import.undone') THEN
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


-- Each entry of a record's history written by an import names it: the import's batches set
-- app.current_import in their transaction, as requests set the user.
ALTER TABLE audit_log ADD COLUMN import_id uuid;

CREATE OR REPLACE FUNCTION audit_record_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  audited_table text := TG_ARGV[0];
  old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
  new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
  subject jsonb := coalesce(new_row, old_row);
  changed jsonb := '{}';
  secret_columns text[] := coalesce(TG_ARGV[1:], '{}');
  column_name text;
  before_value jsonb;
  after_value jsonb;
BEGIN
  IF audited_table IS NULL THEN
    RAISE EXCEPTION 'audit_record_change() needs the table name as its first argument';
  END IF;
  FOR column_name IN SELECT jsonb_object_keys(subject) LOOP
    CONTINUE WHEN column_name IN ('org_id', 'created_at', 'updated_at');
    CONTINUE WHEN column_name LIKE '%\_folded';
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
  INSERT INTO audit_log (org_id, actor_id, action, table_name, record_id, changes, import_id)
  VALUES (
    CASE WHEN audited_table = 'orgs' THEN subject ->> 'id' ELSE subject ->> 'org_id' END::uuid,
    nullif(current_setting('app.current_user', true), '')::uuid,
    lower(TG_OP),
    audited_table,
    (subject ->> 'id')::uuid,
    changed,
    nullif(current_setting('app.current_import', true), '')::uuid
  );
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION audit_record_change() FROM PUBLIC;
