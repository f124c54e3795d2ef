-- Up Migration

-- Files people attach to a record or a note. The bytes live in a file store (the local disk
-- under the data folder by default) under a random key; this table holds what the API needs to
-- serve them behind the tenant wall: the name as given (shown, never used as a path), the type,
-- size and SHA-256, who and when. A file belongs to exactly one record or note and goes with it.
CREATE TABLE files (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  content_type text NOT NULL CHECK (length(content_type) BETWEEN 1 AND 255),
  byte_size bigint NOT NULL CHECK (byte_size > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  blob_key text NOT NULL CHECK (blob_key ~ '^[0-9a-f]{40}$'),
  note_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, blob_key),
  FOREIGN KEY (org_id, note_id) REFERENCES notes (org_id, id) ON DELETE CASCADE
);
CREATE INDEX files_note_idx ON files (org_id, note_id, created_at DESC) WHERE note_id IS NOT NULL;

ALTER TABLE files ENABLE ROW LEVEL SECURITY;
ALTER TABLE files FORCE ROW LEVEL SECURITY;
CREATE POLICY files_tenant ON files FOR ALL
  USING (org_id = verified_org())
  WITH CHECK (org_id = verified_org());
CREATE TRIGGER files_set_updated_at BEFORE UPDATE ON files
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER files_audit AFTER INSERT OR UPDATE OR DELETE ON files
  FOR EACH ROW EXECUTE FUNCTION audit_record_change('files');
GRANT SELECT, INSERT, DELETE ON files TO rampart_api;

-- The blobs of deleted files, until a job removes them from the store. A file row goes in many
-- ways (its own deletion, its record's or note's cascade, a bulk delete): all of them pass
-- through the trigger below, in the deleting transaction, so a rollback keeps both the row and
-- its blob, and a commit always leaves the blob to be removed.
CREATE TABLE file_blob_removals (
  org_id uuid NOT NULL REFERENCES orgs (id),
  blob_key text NOT NULL CHECK (blob_key ~ '^[0-9a-f]{40}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, blob_key)
);
ALTER TABLE file_blob_removals ENABLE ROW LEVEL SECURITY;
ALTER TABLE file_blob_removals FORCE ROW LEVEL SECURITY;
CREATE POLICY file_blob_removals_tenant ON file_blob_removals FOR ALL
  USING (org_id = verified_org())
  WITH CHECK (org_id = verified_org());
GRANT SELECT, INSERT, DELETE ON file_blob_removals TO rampart_api;

-- One statement, one job: the job is keyed per organization, so a bulk delete of thousands of
-- records with files queues it once. Without a tenant context (the owner cleaning up by hand)
-- nothing can be queued; the keys wait for the next deletion in that organization.
CREATE FUNCTION queue_file_blob_removals() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO file_blob_removals (org_id, blob_key)
  SELECT org_id, blob_key FROM gone
  ON CONFLICT DO NOTHING;
  IF verified_org() IS NOT NULL AND EXISTS (SELECT FROM gone) THEN
    PERFORM enqueue_job('files__remove_blobs', jsonb_build_object('org_id', verified_org()),
      'files-remove-blobs', NULL, 10);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER files_remove_blobs AFTER DELETE ON files
  REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION queue_file_blob_removals();

-- The largest file members of the organization may upload; the instance caps it further
-- (FILE_MAX_BYTES).
ALTER TABLE orgs
  ADD COLUMN max_file_bytes bigint NOT NULL DEFAULT 26214400 CHECK (max_file_bytes > 0);

-- Files join tasks, notes and tag links among the tables every record kind is attached to: a
-- `<kind>_id` column with its tenant-carrying foreign key (a record's deletion takes its files)
-- and an index that keeps "the files of record R" an index read.
CREATE FUNCTION attach_files_to_record_kind(p_kind text, p_table text)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  col text := p_kind || '_id';
BEGIN
  IF NOT EXISTS (
    SELECT FROM pg_attribute
    WHERE attrelid = 'files'::regclass AND attname = col AND NOT attisdropped
  ) THEN
    EXECUTE format('ALTER TABLE files ADD COLUMN %I uuid', col);
    EXECUTE format('ALTER TABLE files ADD CONSTRAINT %I FOREIGN KEY (org_id, %I) REFERENCES %I (org_id, id) ON DELETE CASCADE',
      'files_org_id_' || col || '_fkey', col, p_table);
    EXECUTE format('CREATE INDEX %I ON files (org_id, %I, created_at DESC) WHERE %I IS NOT NULL',
      'files_' || p_kind || '_idx', col, col);
  END IF;
END
$$;

-- The checks that name the kinds now also hold a file to exactly one record or note.
CREATE OR REPLACE FUNCTION refresh_record_kind_checks() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  kinds text;
  columns text;
  existing record;
BEGIN
  SELECT string_agg(quote_literal(kind), ', ' ORDER BY position),
         string_agg(quote_ident(kind || '_id'), ', ' ORDER BY position)
  INTO kinds, columns
  FROM record_kinds;
  ALTER TABLE search_terms DROP CONSTRAINT IF EXISTS search_terms_record_type_check;
  EXECUTE format('ALTER TABLE search_terms ADD CONSTRAINT search_terms_record_type_check CHECK (record_type IN (%s))', kinds);
  ALTER TABLE notifications DROP CONSTRAINT IF EXISTS notifications_record_type_check;
  EXECUTE format($c$ALTER TABLE notifications ADD CONSTRAINT notifications_record_type_check CHECK (record_type IN (%s, 'task'))$c$, kinds);
  FOR existing IN
    SELECT conrelid::regclass AS tbl, conname
    FROM pg_constraint
    WHERE conrelid IN ('tasks'::regclass, 'notes'::regclass, 'record_tags'::regclass, 'files'::regclass)
      AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%num_nonnulls%'
  LOOP
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', existing.tbl, existing.conname);
  END LOOP;
  EXECUTE format('ALTER TABLE tasks ADD CONSTRAINT tasks_one_record_check CHECK (num_nonnulls(%s) <= 1)', columns);
  EXECUTE format('ALTER TABLE notes ADD CONSTRAINT notes_one_record_check CHECK (num_nonnulls(%s) = 1)', columns);
  EXECUTE format('ALTER TABLE record_tags ADD CONSTRAINT record_tags_one_record_check CHECK (num_nonnulls(%s) = 1)', columns);
  EXECUTE format('ALTER TABLE files ADD CONSTRAINT files_one_record_check CHECK (num_nonnulls(%s, note_id) = 1)', columns);
END
$$;

-- A kind attached later gets its files column too.
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
  PERFORM index_and_audit_by_statement(p_kind, p_table, p_search_fields);
  PERFORM refresh_record_kind_checks();
END
$$;

DO $$
DECLARE
  k record;
BEGIN
  FOR k IN SELECT kind, table_name FROM record_kinds ORDER BY position LOOP
    PERFORM attach_files_to_record_kind(k.kind, k.table_name);
  END LOOP;
  PERFORM refresh_record_kind_checks();
END
$$;
