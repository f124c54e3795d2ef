-- Up Migration

-- A record's version (its ETag, what If-Match and a bulk action's `versions` name) was the
-- row's xmin: the id of the transaction that last wrote it, which counts the writes of the
-- whole database. An organization that changed one of its records twice could read from the
-- difference how many writes every other organization made in between: how busy the others
-- are, through the tenant wall. The version is now a count of the record's own changes, kept
-- by a trigger beside the one that keeps updated_at: every UPDATE adds one, as every UPDATE
-- gave the row a new xmin, and a lock alone still does not.
CREATE FUNCTION count_row_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.row_version := OLD.row_version + 1;
  RETURN NEW;
END
$$;

-- Every kind of record, and the tasks and notes kept on them. A constant default adds the
-- column without rewriting the table.
DO $$
DECLARE
  t text;
BEGIN
  FOR t IN SELECT table_name FROM record_kinds UNION ALL VALUES ('tasks'), ('notes') LOOP
    EXECUTE format('ALTER TABLE %I ADD COLUMN row_version bigint NOT NULL DEFAULT 1', t);
    EXECUTE format(
      'CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION count_row_version()',
      t || '_count_row_version', t);
  END LOOP;
END
$$;

-- The count is bookkeeping, not a change anyone made: the audit trail and the records'
-- history leave it out, as they leave out updated_at.
CREATE OR REPLACE FUNCTION audit_changes(old_row jsonb, new_row jsonb, secret_columns text[])
RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(jsonb_object_agg(k, jsonb_strip_nulls(jsonb_build_object(
      'old', CASE WHEN k = ANY (secret_columns) AND old_row -> k IS NOT NULL
                  THEN '"[redacted]"'::jsonb ELSE old_row -> k END,
      'new', CASE WHEN k = ANY (secret_columns) AND new_row -> k IS NOT NULL
                  THEN '"[redacted]"'::jsonb ELSE new_row -> k END))), '{}')
  FROM jsonb_object_keys(coalesce(new_row, old_row)) AS k
  WHERE k NOT IN ('org_id', 'created_at', 'updated_at', 'row_version')
    AND k NOT LIKE '%\_folded'
    AND old_row -> k IS DISTINCT FROM new_row -> k
    AND NOT (coalesce(old_row -> k, 'null') = 'null' AND coalesce(new_row -> k, 'null') = 'null')
$$;

-- The row trigger's own copy of that rule is gone: it describes a change with audit_changes()
-- too, so the columns the trail leaves out are listed once.
CREATE OR REPLACE FUNCTION audit_record_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  audited_table text := TG_ARGV[0];
  old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
  new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
  subject jsonb := coalesce(new_row, old_row);
  changed jsonb := audit_changes(old_row, new_row, coalesce(TG_ARGV[1:], '{}'));
BEGIN
  IF audited_table IS NULL THEN
    RAISE EXCEPTION 'audit_record_change() needs the table name as its first argument';
  END IF;
  IF TG_OP = 'UPDATE' AND changed = '{}' THEN
    RETURN NULL;
  END IF;
  INSERT INTO audit_log (org_id, actor_id, action, table_name, record_id, changes, import_id)
  VALUES (
    CASE WHEN audited_table = 'orgs' THEN subject ->> 'id' ELSE subject ->> 'org_id' END::uuid,
    verified_user(),
    lower(TG_OP),
    audited_table,
    (subject ->> 'id')::uuid,
    changed,
    nullif(current_setting('app.current_import', true), '')::uuid
  );
  RETURN NULL;
END
$$;
