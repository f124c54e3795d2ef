-- Up Migration

-- An organization's own mail server for the email its members send from records (the instance's
-- SMTP_URL when none is set), and the rotation count of its logging address. The password is
-- sealed with the server's key (lib/sealed.ts) and never returned; the logging address's
-- secret is derived from the organization's id and `logging_secret_version` with the same key,
-- so the address can be shown again and is never stored. One row per organization.
CREATE TABLE email_settings (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  smtp_host text CHECK (length(smtp_host) BETWEEN 1 AND 255),
  smtp_port integer CHECK (smtp_port BETWEEN 1 AND 65535),
  smtp_secure boolean NOT NULL DEFAULT false,
  smtp_username text CHECK (length(smtp_username) <= 255),
  smtp_password_sealed bytea,
  from_address text CHECK (length(from_address) BETWEEN 3 AND 320),
  logging_secret_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id)
);
ALTER TABLE email_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE email_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY email_settings_tenant ON email_settings FOR ALL
  USING (org_id = verified_org())
  WITH CHECK (org_id = verified_org());
CREATE TRIGGER email_settings_set_updated_at BEFORE UPDATE ON email_settings
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER email_settings_audit AFTER INSERT OR UPDATE OR DELETE ON email_settings
  FOR EACH ROW EXECUTE FUNCTION audit_record_change('email_settings', 'smtp_password_sealed');
GRANT SELECT, INSERT, UPDATE ON email_settings TO rampart_api;

-- Templates with merge fields (`{{contact.first_name}}`), rendered by the API.
CREATE TABLE email_templates (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 998),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 100000),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id)
);
CREATE INDEX email_templates_name_idx ON email_templates (org_id, name, id);
ALTER TABLE email_templates ENABLE ROW LEVEL SECURITY;
ALTER TABLE email_templates FORCE ROW LEVEL SECURITY;
CREATE POLICY email_templates_tenant ON email_templates FOR ALL
  USING (org_id = verified_org())
  WITH CHECK (org_id = verified_org());
CREATE TRIGGER email_templates_set_updated_at BEFORE UPDATE ON email_templates
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER email_templates_audit AFTER INSERT OR UPDATE OR DELETE ON email_templates
  FOR EACH ROW EXECUTE FUNCTION audit_record_change('email_templates');
GRANT SELECT, INSERT, UPDATE, DELETE ON email_templates TO rampart_api;

-- Email sent from a record (queued, then sent or failed by a job) or received by the logging
-- address. Plain text only: HTML is never stored, so nothing a sender wrote can run in the app.
CREATE TABLE emails (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  direction text NOT NULL CHECK (direction IN ('sent', 'received')),
  status text CHECK (status IN ('queued', 'sent', 'failed')),
  from_address text NOT NULL CHECK (length(from_address) <= 998),
  to_addresses text[] NOT NULL DEFAULT '{}',
  cc_addresses text[] NOT NULL DEFAULT '{}',
  subject text NOT NULL DEFAULT '' CHECK (length(subject) <= 998),
  body_text text NOT NULL DEFAULT '' CHECK (length(body_text) <= 2000000),
  message_id text CHECK (length(message_id) <= 998),
  email_template_id uuid,
  -- The last refusal of the mail server, while retrying and once failed.
  error text CHECK (length(error) <= 2000),
  attempts integer NOT NULL DEFAULT 0,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id),
  -- Sent email has a delivery status; received email has none.
  CHECK ((direction = 'sent') = (status IS NOT NULL))
);
CREATE INDEX emails_occurred_idx ON emails (org_id, occurred_at DESC, id);
-- The same message delivered twice to the logging address (To and Bcc, or a retrying sender)
-- is kept once.
CREATE UNIQUE INDEX emails_received_message_key ON emails (org_id, message_id)
  WHERE direction = 'received' AND message_id IS NOT NULL;
CREATE INDEX emails_email_template_idx ON emails (org_id, email_template_id) WHERE email_template_id IS NOT NULL;
SELECT add_cleared_reference('emails', 'email_template_id', 'email_templates', 'id');
ALTER TABLE emails ENABLE ROW LEVEL SECURITY;
ALTER TABLE emails FORCE ROW LEVEL SECURITY;
CREATE POLICY emails_tenant ON emails FOR ALL
  USING (org_id = verified_org())
  WITH CHECK (org_id = verified_org());
CREATE TRIGGER emails_set_updated_at BEFORE UPDATE ON emails
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER emails_audit AFTER INSERT OR UPDATE OR DELETE ON emails
  FOR EACH ROW EXECUTE FUNCTION audit_record_change('emails', 'body_text');
GRANT SELECT, INSERT, UPDATE ON emails TO rampart_api;

-- Which records an email is on: one row per record, a `<kind>_id` column per kind (added by
-- attach_email_links_to_record_kind below, as files and notes are), so each link carries the
-- organization in its foreign key and a record's deletion takes its links.
CREATE TABLE email_links (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  email_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, email_id) REFERENCES emails (org_id, id) ON DELETE CASCADE
);
CREATE INDEX email_links_email_idx ON email_links (org_id, email_id);
ALTER TABLE email_links ENABLE ROW LEVEL SECURITY;
ALTER TABLE email_links FORCE ROW LEVEL SECURITY;
CREATE POLICY email_links_tenant ON email_links FOR ALL
  USING (org_id = verified_org())
  WITH CHECK (org_id = verified_org());
CREATE TRIGGER email_links_audit AFTER INSERT OR UPDATE OR DELETE ON email_links
  FOR EACH ROW EXECUTE FUNCTION audit_record_change('email_links');
GRANT SELECT, INSERT, UPDATE, DELETE ON email_links TO rampart_api;

CREATE FUNCTION attach_email_links_to_record_kind(p_kind text, p_table text)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  col text := p_kind || '_id';
BEGIN
  IF NOT EXISTS (
    SELECT FROM pg_attribute
    WHERE attrelid = 'email_links'::regclass AND attname = col AND NOT attisdropped
  ) THEN
    EXECUTE format('ALTER TABLE email_links ADD COLUMN %I uuid', col);
    EXECUTE format('ALTER TABLE email_links ADD CONSTRAINT %I FOREIGN KEY (org_id, %I) REFERENCES %I (org_id, id) ON DELETE CASCADE',
      'email_links_org_id_' || col || '_fkey', col, p_table);
    -- One link per email and record; "the emails of record R" is an index read.
    EXECUTE format('CREATE UNIQUE INDEX %I ON email_links (org_id, %I, email_id) WHERE %I IS NOT NULL',
      'email_links_' || p_kind || '_key', col, col);
  END IF;
END
$$;

-- The checks that name the kinds now also hold an email link to exactly one record. Every step
-- of 0022's definition is carried over.
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
    WHERE conrelid IN ('tasks'::regclass, 'notes'::regclass, 'record_tags'::regclass,
                       'files'::regclass, 'email_links'::regclass)
      AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%num_nonnulls%'
  LOOP
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', existing.tbl, existing.conname);
  END LOOP;
  EXECUTE format('ALTER TABLE tasks ADD CONSTRAINT tasks_one_record_check CHECK (num_nonnulls(%s) <= 1)', columns);
  EXECUTE format('ALTER TABLE notes ADD CONSTRAINT notes_one_record_check CHECK (num_nonnulls(%s) = 1)', columns);
  EXECUTE format('ALTER TABLE record_tags ADD CONSTRAINT record_tags_one_record_check CHECK (num_nonnulls(%s) = 1)', columns);
  EXECUTE format('ALTER TABLE files ADD CONSTRAINT files_one_record_check CHECK (num_nonnulls(%s, note_id) = 1)', columns);
  EXECUTE format('ALTER TABLE email_links ADD CONSTRAINT email_links_one_record_check CHECK (num_nonnulls(%s) = 1)', columns);
END
$$;

-- 0032's definition with one more step: a kind attached later gets its email links column.
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
  PERFORM attach_email_links_to_record_kind(p_kind, p_table);
  PERFORM attach_custom_field_values(p_table);
  PERFORM index_and_audit_by_statement(p_kind, p_table, p_search_fields);
  PERFORM refresh_record_kind_checks();
END
$$;

DO $$
DECLARE
  k record;
BEGIN
  FOR k IN SELECT kind, table_name FROM record_kinds ORDER BY position LOOP
    PERFORM attach_email_links_to_record_kind(k.kind, k.table_name);
  END LOOP;
  PERFORM refresh_record_kind_checks();
END
$$;

-- Leads reach the same rule as contacts: a person who asked not to be contacted is never sent
-- email from the CRM.
ALTER TABLE leads ADD COLUMN do_not_contact boolean NOT NULL DEFAULT false;
