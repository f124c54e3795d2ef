-- Up Migration

-- 0021 (custom fields) and 0022 (files) each redefined attach_record_kind() from the version
-- before them, so the later one dropped the other's step: a kind attached now would get a files
-- column but keep its custom field values after its records are deleted. One definition with
-- both steps (and 0015's statement-level audit and search). A migration that redefines it
-- again must carry every step over.
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
  PERFORM attach_files_to_record_kind(p_kind, p_table);
  PERFORM attach_custom_field_values(p_table);
  PERFORM index_and_audit_by_statement(p_kind, p_table, p_search_fields);
  PERFORM refresh_record_kind_checks();
END
$$;
