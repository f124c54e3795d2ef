-- Up Migration

-- Global search finds records by the values of their text custom fields (text, long text,
-- email, URL, phone), as it finds them by their own columns: the words of a value are terms
-- of its record in search_terms, so a search stays one read of the term index beneath the
-- tenant policy (docs/decisions/0008-custom-field-storage.md). A term from a value names its
-- field, so that a record's own triggers, which rewrite the record's terms, leave the terms of
-- its values alone, and the values' triggers leave the record's alone.
ALTER TABLE search_terms ADD COLUMN field_id uuid;
ALTER TABLE search_terms ADD CONSTRAINT search_terms_org_id_field_id_fkey
  FOREIGN KEY (org_id, field_id) REFERENCES custom_fields (org_id, id) ON DELETE CASCADE;
-- The terms of one field: what archiving it removes, and the foreign key's cascade.
CREATE INDEX search_terms_field_idx ON search_terms (org_id, field_id) WHERE field_id IS NOT NULL;

-- The record's own terms only: see above.
CREATE OR REPLACE FUNCTION search_index_records() RETURNS trigger
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
        AND s.record_id = old_record.id AND s.field_id IS NULL;
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

-- The search words of a custom field's value: those of the text, and a phone number's bare
-- digits too, as for the phone numbers of records. Other types have no words.
CREATE FUNCTION custom_value_words(field_type text, value_text text, value_long text)
RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT DISTINCT w FROM (
    SELECT search_words(coalesce(value_text, value_long)) AS w
    WHERE field_type IN ('text', 'long_text', 'email', 'url', 'phone')
    UNION ALL
    SELECT search_words(regexp_replace(value_text, '[^0-9]', '', 'g'))
    WHERE field_type = 'phone'
  ) words
$$;

-- The terms of the values one statement wrote, of active fields, weighted 1 like a record's
-- lesser columns. Old terms are removed value by value, binding all three columns of the
-- index on (org_id, record_type, record_id), as search_index_records() does and for the
-- same reason.
CREATE FUNCTION search_index_custom_values() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  old_value record;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    FOR old_value IN
      SELECT DISTINCT o.org_id, f.record_type, o.record_id, o.field_id
      FROM old_rows o
      JOIN custom_fields f ON f.org_id = o.org_id AND f.id = o.field_id
      WHERE o.value_text IS NOT NULL OR o.value_long IS NOT NULL
    LOOP
      DELETE FROM search_terms s
      WHERE s.org_id = old_value.org_id AND s.record_type = old_value.record_type
        AND s.record_id = old_value.record_id AND s.field_id = old_value.field_id;
    END LOOP;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN NULL;
  END IF;
  INSERT INTO search_terms (org_id, record_type, record_id, term, weight, field_id)
  SELECT DISTINCT n.org_id, f.record_type, n.record_id, word, 1::smallint, n.field_id
  FROM new_rows n
  JOIN custom_fields f ON f.org_id = n.org_id AND f.id = n.field_id AND f.archived_at IS NULL
  CROSS JOIN LATERAL custom_value_words(f.field_type, n.value_text, n.value_long) AS word
  WHERE n.value_text IS NOT NULL OR n.value_long IS NOT NULL;
  RETURN NULL;
END
$$;

CREATE TRIGGER custom_field_values_search_index_insert AFTER INSERT ON custom_field_values
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_index_custom_values();
CREATE TRIGGER custom_field_values_search_index_update AFTER UPDATE ON custom_field_values
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_index_custom_values();
CREATE TRIGGER custom_field_values_search_index_delete AFTER DELETE ON custom_field_values
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_index_custom_values();

-- An archived field's values are hidden, so they find nothing; restoring the field makes them
-- found again.
CREATE FUNCTION search_index_custom_field() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_terms s WHERE s.org_id = NEW.org_id AND s.field_id = NEW.id;
  IF NEW.archived_at IS NULL THEN
    INSERT INTO search_terms (org_id, record_type, record_id, term, weight, field_id)
    SELECT DISTINCT v.org_id, NEW.record_type, v.record_id, word, 1::smallint, v.field_id
    FROM custom_field_values v
    CROSS JOIN LATERAL custom_value_words(NEW.field_type, v.value_text, v.value_long) AS word
    WHERE v.org_id = NEW.org_id AND v.field_id = NEW.id;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER custom_fields_search_index AFTER UPDATE OF archived_at ON custom_fields
  FOR EACH ROW WHEN (OLD.archived_at IS DISTINCT FROM NEW.archived_at)
  EXECUTE FUNCTION search_index_custom_field();

-- The values written before this migration.
INSERT INTO search_terms (org_id, record_type, record_id, term, weight, field_id)
SELECT DISTINCT v.org_id, f.record_type, v.record_id, word, 1::smallint, v.field_id
FROM custom_field_values v
JOIN custom_fields f ON f.org_id = v.org_id AND f.id = v.field_id AND f.archived_at IS NULL
CROSS JOIN LATERAL custom_value_words(f.field_type, v.value_text, v.value_long) AS word
WHERE v.value_text IS NOT NULL OR v.value_long IS NOT NULL;

-- A value's audit entries name its record, not the value's own row, so that the record's
-- history (read by the (org_id, record_id, ...) index) holds the changes of its custom fields;
-- the entry's changes still carry the value row's id and field. Otherwise as
-- audit_record_changes().
CREATE FUNCTION audit_custom_field_value_changes() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  actor uuid := nullif(current_setting('app.current_user', true), '')::uuid;
  import uuid := nullif(current_setting('app.current_import', true), '')::uuid;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO audit_log (org_id, actor_id, action, table_name, record_id, changes, import_id)
    SELECT n.org_id, actor, 'insert', 'custom_field_values', n.record_id,
      audit_changes(NULL, to_jsonb(n), '{}'), import
    FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO audit_log (org_id, actor_id, action, table_name, record_id, changes, import_id)
    SELECT o.org_id, actor, 'delete', 'custom_field_values', o.record_id,
      audit_changes(to_jsonb(o), NULL, '{}'), import
    FROM old_rows o;
  ELSE
    INSERT INTO audit_log (org_id, actor_id, action, table_name, record_id, changes, import_id)
    SELECT c.org_id, actor, 'update', 'custom_field_values', c.record_id, c.changes, import
    FROM (
      SELECT n.org_id, n.record_id,
        audit_changes(to_jsonb(o), to_jsonb(n), '{}') || jsonb_build_object(
          'field_id', jsonb_build_object('old', n.field_id, 'new', n.field_id)) AS changes
      FROM new_rows n
      JOIN old_rows o ON o.org_id = n.org_id AND o.id = n.id
    ) c
    WHERE c.changes - 'field_id' <> '{}';
  END IF;
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION audit_custom_field_value_changes() FROM PUBLIC;

DROP TRIGGER custom_field_values_audit_insert ON custom_field_values;
DROP TRIGGER custom_field_values_audit_update ON custom_field_values;
DROP TRIGGER custom_field_values_audit_delete ON custom_field_values;
CREATE TRIGGER custom_field_values_audit_insert AFTER INSERT ON custom_field_values
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION audit_custom_field_value_changes();
CREATE TRIGGER custom_field_values_audit_update AFTER UPDATE ON custom_field_values
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION audit_custom_field_value_changes();
CREATE TRIGGER custom_field_values_audit_delete AFTER DELETE ON custom_field_values
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION audit_custom_field_value_changes();

-- The entries written before: each names its record from its changes.
UPDATE audit_log
SET record_id = coalesce(changes #>> '{record_id,new}', changes #>> '{record_id,old}')::uuid
WHERE table_name = 'custom_field_values'
  AND coalesce(changes #>> '{record_id,new}', changes #>> '{record_id,old}') IS NOT NULL;
