-- Up Migration

-- Deals are called deals everywhere: the API and the app always said "deal", the database said
-- "opportunity", and the translation between the two already broke links. Tables, columns,
-- constraints, indexes, policies, triggers and the kind names stored in rows are renamed in
-- one step, and the history already recorded follows, so a deal's history reads the same
-- before and after.

ALTER TABLE opportunities RENAME TO deals;
ALTER TABLE opportunity_contacts RENAME TO deal_contacts;
ALTER TABLE opportunity_stage_history RENAME TO deal_stage_history;

ALTER TABLE deal_contacts RENAME COLUMN opportunity_id TO deal_id;
ALTER TABLE deal_stage_history RENAME COLUMN opportunity_id TO deal_id;
ALTER TABLE tasks RENAME COLUMN opportunity_id TO deal_id;
ALTER TABLE notes RENAME COLUMN opportunity_id TO deal_id;
ALTER TABLE record_tags RENAME COLUMN opportunity_id TO deal_id;
ALTER TABLE leads RENAME COLUMN converted_opportunity_id TO converted_deal_id;
ALTER TABLE sample_data_sets RENAME COLUMN opportunity_ids TO deal_ids;

-- Every constraint, index, policy and trigger whose name still says "opportunit".
DO $$
DECLARE
  item record;
BEGIN
  FOR item IN
    SELECT c.conrelid::regclass AS tbl, c.conname AS name
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE n.nspname = 'public' AND c.conname LIKE '%opportunit%'
      -- An index-backed constraint is renamed with its index below.
      AND c.contype NOT IN ('p', 'u')
  LOOP
    EXECUTE format('ALTER TABLE %s RENAME CONSTRAINT %I TO %I', item.tbl, item.name,
      replace(replace(item.name, 'opportunities', 'deals'), 'opportunity', 'deal'));
  END LOOP;
  FOR item IN
    SELECT c.relname AS name
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'i' AND c.relname LIKE '%opportunit%'
  LOOP
    EXECUTE format('ALTER INDEX %I RENAME TO %I', item.name,
      replace(replace(item.name, 'opportunities', 'deals'), 'opportunity', 'deal'));
  END LOOP;
  FOR item IN
    SELECT p.polrelid::regclass AS tbl, p.polname AS name
    FROM pg_policy p WHERE p.polname LIKE '%opportunit%'
  LOOP
    EXECUTE format('ALTER POLICY %I ON %s RENAME TO %I', item.name, item.tbl,
      replace(replace(item.name, 'opportunities', 'deals'), 'opportunity', 'deal'));
  END LOOP;
  FOR item IN
    SELECT t.tgrelid::regclass AS tbl, t.tgname AS name
    FROM pg_trigger t WHERE NOT t.tgisinternal AND t.tgname LIKE '%opportunit%'
  LOOP
    EXECUTE format('ALTER TRIGGER %I ON %s RENAME TO %I', item.name, item.tbl,
      replace(replace(item.name, 'opportunities', 'deals'), 'opportunity', 'deal'));
  END LOOP;
END
$$;

-- The kind a row names: "opportunity" becomes "deal".
ALTER TABLE search_terms DROP CONSTRAINT search_terms_record_type_check;
ALTER TABLE notifications DROP CONSTRAINT notifications_record_type_check;
UPDATE search_terms SET record_type = 'deal' WHERE record_type = 'opportunity';
UPDATE notifications SET record_type = 'deal' WHERE record_type = 'opportunity';

-- The history recorded so far speaks of the same tables and columns as the history to come.
UPDATE audit_log SET table_name = 'deals' WHERE table_name = 'opportunities';
UPDATE audit_log SET table_name = 'deal_contacts' WHERE table_name = 'opportunity_contacts';
UPDATE audit_log SET table_name = 'deal_stage_history' WHERE table_name = 'opportunity_stage_history';
UPDATE audit_log
SET changes = (
  SELECT jsonb_object_agg(
    CASE key
      WHEN 'opportunity_id' THEN 'deal_id'
      WHEN 'converted_opportunity_id' THEN 'converted_deal_id'
      WHEN 'opportunity_ids' THEN 'deal_ids'
      ELSE key
    END, value)
  FROM jsonb_each(changes)
)
WHERE changes ?| ARRAY['opportunity_id', 'converted_opportunity_id', 'opportunity_ids'];

COMMENT ON TABLE search_terms IS
  'Derived from the records of every kind in record_kinds by triggers; not audited (the records are).';

-- Record kinds ---------------------------------------------------------------------------------
-- The kinds of record that tasks, notes and tags attach to and that search finds. The server's
-- registry (server/src/modules/records/registry.ts) is checked against this table by a test.
-- Global, not tenant data: it describes the schema.

CREATE TABLE record_kinds (
  kind text PRIMARY KEY CHECK (kind ~ '^[a-z][a-z_]*$'),
  table_name text NOT NULL UNIQUE,
  position integer NOT NULL UNIQUE
);
COMMENT ON TABLE record_kinds IS
  'The kinds of CRM record (one row per kind); attach_record_kind() keeps the attachment columns, checks and search trigger in step with it.';

-- The search index of a record kind, from the trigger's arguments (so that no table name is
-- read inside the trigger, which a distributed database cannot route): the kind, then one
-- argument per searchable value, "<weight>:<column>[+<column>...]", with "#" before a column
-- that is also indexed as its bare digits (phone numbers: "5551234" finds "+1 (555) 123-4").
-- Weights: 3 names, 2 emails, companies and domains, 1 anything else.
CREATE OR REPLACE FUNCTION search_index_record() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  kind text := TG_ARGV[0];
  r jsonb;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM search_terms
    WHERE org_id = OLD.org_id AND record_type = kind AND record_id = OLD.id;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN NULL;
  END IF;
  r := to_jsonb(NEW);
  -- One statement for all the fields: a loop of statements per field costs half as much again
  -- on every write.
  INSERT INTO search_terms (org_id, record_type, record_id, term, weight)
  SELECT NEW.org_id, kind, NEW.id, word, max(field.weight)
  FROM (
    SELECT split_part(spec, ':', 1)::smallint AS weight, v.value
    FROM unnest(TG_ARGV[1:]) AS spec
    CROSS JOIN LATERAL (
      SELECT string_agg(r ->> ltrim(c, '#'), ' ' ORDER BY n) AS value
      FROM unnest(string_to_array(split_part(spec, ':', 2), '+')) WITH ORDINALITY AS u (c, n)
      UNION ALL
      SELECT string_agg(regexp_replace(r ->> ltrim(c, '#'), '[^0-9]', '', 'g'), ' ' ORDER BY n)
      FROM unnest(string_to_array(split_part(spec, ':', 2), '+')) WITH ORDINALITY AS u (c, n)
      WHERE c LIKE '#%'
    ) v
  ) field, search_words(field.value) AS word
  GROUP BY word;
  RETURN NULL;
END
$$;

-- Rebuilds what depends on the list of kinds: which kinds a search term or a notification may
-- name, and that a task is attached to at most one record, a note and a tag link to exactly one.
CREATE FUNCTION refresh_record_kind_checks() RETURNS void
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
  -- The attachment checks as first created had no name of their own: found by what they say.
  FOR existing IN
    SELECT conrelid::regclass AS tbl, conname
    FROM pg_constraint
    WHERE conrelid IN ('tasks'::regclass, 'notes'::regclass, 'record_tags'::regclass)
      AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%num_nonnulls%'
  LOOP
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', existing.tbl, existing.conname);
  END LOOP;
  EXECUTE format('ALTER TABLE tasks ADD CONSTRAINT tasks_one_record_check CHECK (num_nonnulls(%s) <= 1)', columns);
  EXECUTE format('ALTER TABLE notes ADD CONSTRAINT notes_one_record_check CHECK (num_nonnulls(%s) = 1)', columns);
  EXECUTE format('ALTER TABLE record_tags ADD CONSTRAINT record_tags_one_record_check CHECK (num_nonnulls(%s) = 1)', columns);
END
$$;

-- Attaches a kind of record whose table exists (with its (org_id, id) key): a column on tasks,
-- notes and tag links with a real, tenant-carrying foreign key and the indexes that keep
-- "the tasks of record R" and "records with tag T" indexed, the checks above, and the search
-- trigger with the given fields (see search_index_record). Used by the migration that creates
-- the kind's table; running it again for an attached kind changes nothing.
CREATE FUNCTION attach_record_kind(p_kind text, p_table text, p_search_fields text[])
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
  EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', p_table || '_search_index', p_table);
  EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION search_index_record(%s)',
    p_table || '_search_index', p_table,
    (SELECT string_agg(quote_literal(a), ', ') FROM unnest(p_kind || p_search_fields) AS a));
  PERFORM refresh_record_kind_checks();
END
$$;

-- All four are listed before any is attached, so that the checks built on the way allow
-- the rows the others already hold.
INSERT INTO record_kinds (kind, table_name, position)
VALUES ('lead', 'leads', 0), ('account', 'accounts', 1), ('contact', 'contacts', 2), ('deal', 'deals', 3);

SELECT attach_record_kind('lead', 'leads',
  ARRAY['3:first_name+last_name', '2:email', '2:company', '1:#phone', '1:job_title']);
SELECT attach_record_kind('account', 'accounts',
  ARRAY['3:name', '2:domain', '2:email', '2:website', '1:#phone', '1:industry']);
SELECT attach_record_kind('contact', 'contacts',
  ARRAY['3:first_name+last_name', '2:email', '1:#phone', '1:#mobile', '1:job_title']);
SELECT attach_record_kind('deal', 'deals', ARRAY['3:name']);
