-- Up Migration

-- The schema keeps to what Citus accepts once tables are distributed by org_id, so that a
-- scale-out needs no change of behaviour (docs/operations.md, "The path to Citus"):
--
-- * Citus refuses ON DELETE SET NULL and SET DEFAULT, with or without a column list, on a
--   foreign key that holds the distribution column. Links that are cleared when their target
--   goes (a member's records, an account's contacts and deals, a lead's conversion) keep a
--   plain foreign key, and a BEFORE DELETE trigger on the target clears them instead, inside
--   the same organization.
-- * On a distributed table a trigger fires on a shard, whose name is not the table's, so no
--   trigger reads its table's name: the audit trigger is told it, as the search trigger is
--   told its kind.

-- Clearing links --------------------------------------------------------------------------------

-- Clears the links to the row being deleted: its arguments are the referencing table, the
-- referencing column and the column of this table that it points at. org_id is part of every
-- such link, so the update stays within the deleted row's organization (one shard on Citus),
-- and it runs with the caller's rights under the same tenant context as the delete.
CREATE FUNCTION clear_references() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('UPDATE %I SET %I = NULL WHERE org_id = ($1).org_id AND %I = ($1).%I',
    TG_ARGV[0], TG_ARGV[1], TG_ARGV[1], TG_ARGV[2])
  USING OLD;
  RETURN OLD;
END
$$;

-- A link from p_table.p_column to p_target.p_target_column (both with org_id) that the target's
-- deletion clears: a foreign key without a delete action, and the trigger above. Later
-- migrations use it for new links of this kind.
CREATE FUNCTION add_cleared_reference(p_table text, p_column text, p_target text,
  p_target_column text, p_constraint text DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I FOREIGN KEY (org_id, %I) REFERENCES %I (org_id, %I)',
    p_table, coalesce(p_constraint, p_table || '_org_id_' || p_column || '_fkey'), p_column,
    p_target, p_target_column);
  EXECUTE format('CREATE TRIGGER %I BEFORE DELETE ON %I FOR EACH ROW EXECUTE FUNCTION clear_references(%L, %L, %L)',
    p_target || '_clears_' || p_table || '_' || p_column, p_target, p_table, p_column,
    p_target_column);
END
$$;

-- Every foreign key that sets a column to NULL on delete becomes one of these, under the same
-- constraint name. They all carry org_id and name exactly the one column they clear.
DO $$
DECLARE
  fk record;
BEGIN
  FOR fk IN
    SELECT con.conname, src.relname AS source, target.relname AS target,
      con.confdeltype, con.confdelsetcols, con.conkey, con.confkey,
      (SELECT a.attname FROM pg_attribute a
       WHERE a.attrelid = con.conrelid AND a.attnum = con.confdelsetcols[1]) AS cleared,
      (SELECT ta.attname FROM unnest(con.conkey, con.confkey) AS k (from_col, to_col)
       JOIN pg_attribute ta ON ta.attrelid = con.confrelid AND ta.attnum = k.to_col
       WHERE k.from_col = con.confdelsetcols[1]) AS target_column
    FROM pg_constraint con
    JOIN pg_class src ON src.oid = con.conrelid
    JOIN pg_class target ON target.oid = con.confrelid
    WHERE con.contype = 'f' AND con.connamespace = 'public'::regnamespace
      AND con.confdeltype IN ('n', 'd')
    ORDER BY src.relname, con.conname
  LOOP
    IF fk.confdeltype <> 'n' OR coalesce(array_length(fk.confdelsetcols, 1), 0) <> 1
       OR array_length(fk.conkey, 1) <> 2 THEN
      RAISE EXCEPTION 'unexpected delete action on %.%', fk.source, fk.conname;
    END IF;
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', fk.source, fk.conname);
    PERFORM add_cleared_reference(fk.source, fk.cleared, fk.target, fk.target_column, fk.conname);
  END LOOP;
END
$$;

-- Audit triggers name their table --------------------------------------------------------------

-- The first argument is the audited table's name (what the trail records), the others the
-- secret columns recorded as "[redacted]".
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
    CASE WHEN audited_table = 'orgs' THEN subject ->> 'id' ELSE subject ->> 'org_id' END::uuid,
    nullif(current_setting('app.current_user', true), '')::uuid,
    lower(TG_OP),
    audited_table,
    (subject ->> 'id')::uuid,
    changed
  );
  RETURN NULL;
END
$$;

-- Every audit trigger is created again with its table's name before the arguments it had.
DO $$
DECLARE
  audited record;
BEGIN
  FOR audited IN
    SELECT t.tgname, c.relname,
      -- tgargs holds the arguments, each ended by a zero byte.
      array(SELECT quote_literal(a)
            FROM unnest(array_remove(string_to_array(encode(t.tgargs, 'escape'), '\000'), '')) AS a
           ) AS args
    FROM pg_trigger t
    JOIN pg_class c ON c.oid = t.tgrelid
    WHERE NOT t.tgisinternal AND t.tgfoid = 'audit_record_change'::regproc
      AND c.relnamespace = 'public'::regnamespace
  LOOP
    EXECUTE format('DROP TRIGGER %I ON %I', audited.tgname, audited.relname);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION audit_record_change(%s)',
      audited.tgname, audited.relname,
      array_to_string(quote_literal(audited.relname) || audited.args, ', '));
  END LOOP;
END
$$;
