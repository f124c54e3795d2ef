-- Up Migration

-- Custom fields: fields an organization's admins define on a kind of record. Defining a field
-- is a row, never an ALTER TABLE, so every organization shares this one schema. Values live
-- beside the records, one row per (record, field) — and per option of a multi-select — in a
-- column of their type, so that filters and sorts compare plain, leakproof types on indexes
-- that lead with org_id: a JSONB column would be filtered by operators (`@>`, `->>`) that
-- cannot be index conditions beneath the tenant policy. See
-- docs/decisions/0008-custom-field-storage.md.

CREATE TABLE custom_fields (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  record_type text NOT NULL REFERENCES record_kinds (kind),
  -- The stable name of the field in the API: never changes, whatever the label becomes.
  key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,49}$'),
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
  field_type text NOT NULL CHECK (field_type IN ('text', 'long_text', 'number', 'money', 'date',
    'datetime', 'checkbox', 'select', 'multi_select', 'url', 'email', 'phone', 'member')),
  required boolean NOT NULL DEFAULT false,
  -- The value a new record takes when none is given, as the API writes it (null: none).
  default_value jsonb,
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 1000),
  position integer NOT NULL DEFAULT 0,
  -- Archived fields keep their values and are hidden until restored.
  archived_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id),
  -- Named for the field a duplicate is reported on.
  CONSTRAINT custom_fields_key_key UNIQUE (org_id, record_type, key)
);
CREATE UNIQUE INDEX custom_fields_label_key ON custom_fields (org_id, record_type, lower(label))
  WHERE archived_at IS NULL;

-- The options of a select: a value points at its option, so renaming or recolouring an option
-- rewrites no record.
CREATE TABLE custom_field_options (
  org_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  field_id uuid NOT NULL,
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
  color text NOT NULL DEFAULT '#64748b' CHECK (color ~ '^#[0-9a-fA-F]{6}$'),
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, field_id) REFERENCES custom_fields (org_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX custom_field_options_label_key
  ON custom_field_options (org_id, field_id, lower(label));

-- One value of one field on one record, in the column of its type; a multi-select has a row per
-- chosen option. Numbers and amounts are double precision: numeric's comparisons are not
-- leakproof, float8's are. Long text has a column of its own, outside every index (it is
-- never compared, and a B-tree entry cannot hold it).
CREATE TABLE custom_field_values (
  org_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  field_id uuid NOT NULL,
  record_id uuid NOT NULL,
  value_text text CHECK (length(value_text) <= 1000),
  value_long text CHECK (length(value_long) <= 20000),
  value_number double precision,
  value_date date,
  value_time timestamptz,
  value_bool boolean,
  value_option uuid,
  value_member uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id),
  CHECK (num_nonnulls(value_text, value_long, value_number, value_date, value_time, value_bool,
    value_option, value_member) = 1),
  FOREIGN KEY (org_id, field_id) REFERENCES custom_fields (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, value_option) REFERENCES custom_field_options (org_id, id) ON DELETE CASCADE,
  -- A member who leaves is no longer anyone's value.
  FOREIGN KEY (org_id, value_member) REFERENCES memberships (org_id, user_id) ON DELETE CASCADE
);
-- A record's values (reading a page of records), and at most one row per (record, field,
-- option): one per field, but for a multi-select's options.
CREATE UNIQUE INDEX custom_field_values_record_key
  ON custom_field_values (org_id, record_id, field_id, value_option) NULLS NOT DISTINCT;
-- Filters and sorts by a field: equality, ranges and order on the typed value, with the record
-- in the index so that "records whose field F is V" reads the index alone.
CREATE INDEX custom_field_values_text_idx
  ON custom_field_values (org_id, field_id, value_text, record_id) WHERE value_text IS NOT NULL;
CREATE INDEX custom_field_values_number_idx
  ON custom_field_values (org_id, field_id, value_number, record_id) WHERE value_number IS NOT NULL;
CREATE INDEX custom_field_values_date_idx
  ON custom_field_values (org_id, field_id, value_date, record_id) WHERE value_date IS NOT NULL;
CREATE INDEX custom_field_values_time_idx
  ON custom_field_values (org_id, field_id, value_time, record_id) WHERE value_time IS NOT NULL;
CREATE INDEX custom_field_values_bool_idx
  ON custom_field_values (org_id, field_id, value_bool, record_id) WHERE value_bool IS NOT NULL;
CREATE INDEX custom_field_values_option_idx
  ON custom_field_values (org_id, field_id, value_option, record_id) WHERE value_option IS NOT NULL;
CREATE INDEX custom_field_values_member_idx
  ON custom_field_values (org_id, field_id, value_member, record_id) WHERE value_member IS NOT NULL;
-- "Records with any value of field F" (a filter by not empty), and a field's values for the
-- cascade from custom_fields.
CREATE INDEX custom_field_values_field_idx ON custom_field_values (org_id, field_id, record_id);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['custom_fields', 'custom_field_options', 'custom_field_values'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR ALL USING (org_id = verified_org()) WITH CHECK (org_id = verified_org())',
      t || '_tenant', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION set_updated_at()',
      t || '_set_updated_at', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO rampart_api', t);
  END LOOP;
END
$$;

CREATE TRIGGER custom_fields_audit AFTER INSERT OR UPDATE OR DELETE ON custom_fields
  FOR EACH ROW EXECUTE FUNCTION audit_record_change('custom_fields');
CREATE TRIGGER custom_field_options_audit AFTER INSERT OR UPDATE OR DELETE ON custom_field_options
  FOR EACH ROW EXECUTE FUNCTION audit_record_change('custom_field_options');
-- Values are written many at a time (a record's fields, a bulk edit, an import): by statement.
CREATE TRIGGER custom_field_values_audit_insert AFTER INSERT ON custom_field_values
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION audit_record_changes('custom_field_values');
CREATE TRIGGER custom_field_values_audit_update AFTER UPDATE ON custom_field_values
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION audit_record_changes('custom_field_values');
CREATE TRIGGER custom_field_values_audit_delete AFTER DELETE ON custom_field_values
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION audit_record_changes('custom_field_values');

-- A record's values go with it. A value points at a record of any kind through one column, so
-- no foreign key can cascade; a statement trigger on each kind's table does, by the index on
-- (org_id, record_id). attach_record_kind() gives a later kind the same trigger.
CREATE FUNCTION delete_custom_field_values() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM custom_field_values v
  USING old_rows o
  WHERE v.org_id = o.org_id AND v.record_id = o.id;
  RETURN NULL;
END
$$;

CREATE FUNCTION attach_custom_field_values(p_table text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', p_table || '_custom_field_values', p_table);
  EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION delete_custom_field_values()',
    p_table || '_custom_field_values', p_table);
END
$$;

SELECT attach_custom_field_values(table_name) FROM record_kinds ORDER BY position;

-- Attaching a kind (see 0015_audit_and_index_records_by_statement) now also gives it the
-- trigger above.
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
  PERFORM attach_custom_field_values(p_table);
  PERFORM refresh_record_kind_checks();
END
$$;
