-- Up Migration

-- The history and search terms of leads, accounts, contacts and deals are written once per
-- statement instead of once per row. A row trigger runs its PL/pgSQL and its statements again
-- for every row: an import of 2,000 leads ran 4,000 trigger calls and 2,000 single-row inserts
-- into audit_log and as many into search_terms, about 2.5 ms a lead of the 2.7 ms it took.
-- Statement triggers see every row the statement wrote in its transition tables (old_rows,
-- new_rows) and write all their entries and terms with one statement each, for every path
-- that writes records: the API, imports, bulk changes, conversion, sample data. What they
-- write is what the row triggers wrote. PostgreSQL allows transition tables only on triggers
-- of one event, hence three triggers of each kind per table.

-- What changed in one row, as audit_record_change() describes it: each column but org_id,
-- the timestamps and the folded copies whose value differs, as {"old": …, "new": …} without
-- the side that is absent; a column empty on both sides says nothing; secret columns are
-- "[redacted]".
CREATE FUNCTION audit_changes(old_row jsonb, new_row jsonb, secret_columns text[])
RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(jsonb_object_agg(k, jsonb_strip_nulls(jsonb_build_object(
      'old', CASE WHEN k = ANY (secret_columns) AND old_row -> k IS NOT NULL
                  THEN '"[redacted]"'::jsonb ELSE old_row -> k END,
      'new', CASE WHEN k = ANY (secret_columns) AND new_row -> k IS NOT NULL
                  THEN '"[redacted]"'::jsonb ELSE new_row -> k END))), '{}')
  FROM jsonb_object_keys(coalesce(new_row, old_row)) AS k
  WHERE k NOT IN ('org_id', 'created_at', 'updated_at')
    AND k NOT LIKE '%\_folded'
    AND old_row -> k IS DISTINCT FROM new_row -> k
    AND NOT (coalesce(old_row -> k, 'null') = 'null' AND coalesce(new_row -> k, 'null') = 'null')
$$;

-- The audit trigger of a table keyed by (org_id, id), for one statement: an entry per row
-- inserted or deleted, and per row updated with a change, in the order the statement wrote
-- them. As in audit_record_change(): the table's name is the first argument, secret columns
-- the others; the actor is the transaction's user, and an import's writes name the import.
CREATE FUNCTION audit_record_changes() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  audited_table text := TG_ARGV[0];
  secret_columns text[] := coalesce(TG_ARGV[1:], '{}');
  actor uuid := nullif(current_setting('app.current_user', true), '')::uuid;
  import uuid := nullif(current_setting('app.current_import', true), '')::uuid;
BEGIN
  IF audited_table IS NULL THEN
    RAISE EXCEPTION 'audit_record_changes() needs the table name as its first argument';
  END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO audit_log (org_id, actor_id, action, table_name, record_id, changes, import_id)
    SELECT n.org_id, actor, 'insert', audited_table, n.id,
      audit_changes(NULL, to_jsonb(n), secret_columns), import
    FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO audit_log (org_id, actor_id, action, table_name, record_id, changes, import_id)
    SELECT o.org_id, actor, 'delete', audited_table, o.id,
      audit_changes(to_jsonb(o), NULL, secret_columns), import
    FROM old_rows o;
  ELSE
    INSERT INTO audit_log (org_id, actor_id, action, table_name, record_id, changes, import_id)
    SELECT c.org_id, actor, 'update', audited_table, c.id, c.changes, import
    FROM (
      SELECT n.org_id, n.id, audit_changes(to_jsonb(o), to_jsonb(n), secret_columns) AS changes
      FROM new_rows n
      JOIN old_rows o ON o.org_id = n.org_id AND o.id = n.id
    ) c
    WHERE c.changes <> '{}';
  END IF;
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION audit_record_changes() FROM PUBLIC;

-- The search terms of the records one statement wrote, from the trigger's arguments as in
-- search_index_record(): the kind, then "<weight>:<column>[+<column>...]" per searchable
-- value, "#" before a column also indexed as its bare digits.
CREATE FUNCTION search_index_records() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  kind text := TG_ARGV[0];
  fields text[] := TG_ARGV[1:];
  old_record record;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    -- The old terms, record by record: each statement binds all three columns of the index
    -- on (org_id, record_type, record_id), whatever the statistics say. Set-wise, the planner
    -- (which knows nothing of a transition table's contents) was seen to read every term of
    -- the organization for one record (an array of ids on the index's third column became a
    -- filter) and to scan a transition table of 2,500 rows once per term (a join).
    FOR old_record IN SELECT o.org_id, o.id FROM old_rows o LOOP
      DELETE FROM search_terms s
      WHERE s.org_id = old_record.org_id AND s.record_type = kind
        AND s.record_id = old_record.id;
    END LOOP;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN NULL;
  END IF;
  -- Each row made into JSON once, and each field's columns read once: left to the planner,
  -- both are done again for every column of every field, a third of the statement's time.
  WITH r AS MATERIALIZED (
    SELECT n.org_id, n.id, to_jsonb(n) AS j FROM new_rows n
  ), field AS MATERIALIZED (
    SELECT split_part(spec, ':', 1)::smallint AS weight,
      string_to_array(split_part(spec, ':', 2), '+') AS columns
    FROM unnest(fields) AS spec
  )
  INSERT INTO search_terms (org_id, record_type, record_id, term, weight)
  SELECT r.org_id, kind, r.id, word, max(v.weight)
  FROM r
  CROSS JOIN field
  CROSS JOIN LATERAL (
    SELECT field.weight, string_agg(r.j ->> ltrim(c, '#'), ' ' ORDER BY n) AS value
    FROM unnest(field.columns) WITH ORDINALITY AS u (c, n)
    UNION ALL
    SELECT field.weight, string_agg(regexp_replace(r.j ->> ltrim(c, '#'), '[^0-9]', '', 'g'), ' ' ORDER BY n)
    FROM unnest(field.columns) WITH ORDINALITY AS u (c, n)
    WHERE c LIKE '#%'
  ) v
  CROSS JOIN LATERAL search_words(v.value) AS word
  GROUP BY r.org_id, r.id, word;
  RETURN NULL;
END
$$;

-- The audit and search triggers of a record kind's table, by statement (see above). Replaces
-- the row triggers of either that the table has.
CREATE FUNCTION index_and_audit_by_statement(p_kind text, p_table text, p_search_fields text[])
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  event text;
  transition text;
BEGIN
  EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', p_table || '_audit', p_table);
  EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', p_table || '_search_index', p_table);
  FOREACH event IN ARRAY ARRAY['insert', 'update', 'delete'] LOOP
    transition := CASE event
      WHEN 'insert' THEN 'NEW TABLE AS new_rows'
      WHEN 'update' THEN 'OLD TABLE AS old_rows NEW TABLE AS new_rows'
      ELSE 'OLD TABLE AS old_rows' END;
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', p_table || '_audit_' || event, p_table);
    EXECUTE format('CREATE TRIGGER %I AFTER %s ON %I REFERENCING %s FOR EACH STATEMENT EXECUTE FUNCTION audit_record_changes(%L)',
      p_table || '_audit_' || event, upper(event), p_table, transition, p_table);
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', p_table || '_search_index_' || event, p_table);
    EXECUTE format('CREATE TRIGGER %I AFTER %s ON %I REFERENCING %s FOR EACH STATEMENT EXECUTE FUNCTION search_index_records(%s)',
      p_table || '_search_index_' || event, upper(event), p_table, transition,
      (SELECT string_agg(quote_literal(a), ', ') FROM unnest(p_kind || p_search_fields) AS a));
  END LOOP;
END
$$;

-- Attaching a kind (see 0005_rename_opportunities_to_deals) now gives it these triggers.
CREATE OR REPLACE FUNCTION attach_record_kind(p_kind text, p_table text, p_search_fields text[])
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  col text := p_kind || '_id';
  attached text;
BEGIN
  INSERT INTO record_kinds (kind, table_name, position)
  VALUES (p_kind, p_table, (SELECT coalesce(max(position) + 1, 0) FROM record_kinds))
  ON CONFLICT (kind) DO NOTHING;
  FOREACH attached IN ARRAY ARRAY['tasks', 'notes', 'record_tags'] LOOP
    IF NOT EXISTS (
      SELECT FROM pg_attribute
      WHERE attrelid = attached::regclass AND attname = col AND NOT attisdropped
    ) THEN
      EXECUTE format('ALTER TABLE %I ADD COLUMN %I uuid', attached, col);
      EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I FOREIGN KEY (org_id, %I) REFERENCES %I (org_id, id) ON DELETE CASCADE',
        attached, attached || '_org_id_' || col || '_fkey', col, p_table);
      IF attached = 'record_tags' THEN
        EXECUTE format('CREATE UNIQUE INDEX %I ON record_tags (org_id, tag_id, %I) WHERE %I IS NOT NULL',
          'record_tags_' || p_kind || '_key', col, col);
        EXECUTE format('CREATE INDEX %I ON record_tags (org_id, %I) WHERE %I IS NOT NULL',
          'record_tags_of_' || p_kind || '_idx', col, col);
      ELSIF attached = 'notes' THEN
        EXECUTE format('CREATE INDEX %I ON notes (org_id, %I, created_at DESC) WHERE %I IS NOT NULL',
          'notes_' || p_kind || '_idx', col, col);
      ELSE
        EXECUTE format('CREATE INDEX %I ON tasks (org_id, %I) WHERE %I IS NOT NULL',
          'tasks_' || p_kind || '_idx', col, col);
      END IF;
    END IF;
  END LOOP;
  PERFORM index_and_audit_by_statement(p_kind, p_table, p_search_fields);
  PERFORM refresh_record_kind_checks();
END
$$;

DO $$
DECLARE
  attached record;
BEGIN
  -- Each kind keeps the search fields its row trigger was given.
  FOR attached IN
    SELECT k.kind, k.table_name,
      array(SELECT a
            FROM unnest(array_remove(string_to_array(encode(t.tgargs, 'escape'), '\000'), ''))
              WITH ORDINALITY AS u (a, n)
            WHERE n > 1 ORDER BY n) AS fields
    FROM record_kinds k
    JOIN pg_trigger t ON t.tgrelid = k.table_name::regclass AND t.tgname = k.table_name || '_search_index'
    ORDER BY k.position
  LOOP
    PERFORM index_and_audit_by_statement(attached.kind, attached.table_name, attached.fields);
  END LOOP;
END
$$;
