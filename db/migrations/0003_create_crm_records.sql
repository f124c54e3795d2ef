-- Up Migration

-- The CRM's records: pipelines and stages, accounts, contacts, leads, deals, tasks, notes,
-- tags, notifications and the search index. Every table follows the tenant rules of
-- docs/security.md: org_id first in every key and index, RLS forced, foreign keys that carry
-- org_id, and an audit trigger. Statuses are text with CHECK constraints, not enums, and money
-- is numeric; neither is ever the only thing standing between a query and all of a tenant's
-- rows (every list filter rides on an index that leads with org_id).

CREATE EXTENSION IF NOT EXISTS unaccent;

-- Search terms are folded the same way when stored and when searched for.
CREATE FUNCTION search_fold(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT lower(public.unaccent('public.unaccent'::regdictionary, coalesce(value, '')))
$$;

-- Pipelines ----------------------------------------------------------------------------------

CREATE TABLE pipelines (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  is_default boolean NOT NULL DEFAULT false,
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id)
);
CREATE UNIQUE INDEX pipelines_name_key ON pipelines (org_id, lower(name));
CREATE UNIQUE INDEX pipelines_one_default ON pipelines (org_id) WHERE is_default;

CREATE TABLE pipeline_stages (
  org_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  pipeline_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  position integer NOT NULL,
  probability integer NOT NULL CHECK (probability BETWEEN 0 AND 100),
  kind text NOT NULL DEFAULT 'open' CHECK (kind IN ('open', 'won', 'lost')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id),
  -- Lets a deal's foreign key prove that its stage belongs to its pipeline.
  UNIQUE (org_id, pipeline_id, id),
  FOREIGN KEY (org_id, pipeline_id) REFERENCES pipelines (org_id, id) ON DELETE CASCADE
);
CREATE INDEX pipeline_stages_order_idx ON pipeline_stages (org_id, pipeline_id, position);

-- Tags ---------------------------------------------------------------------------------------

CREATE TABLE tags (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  color text NOT NULL DEFAULT '#64748b' CHECK (color ~ '^#[0-9a-fA-F]{6}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id)
);
CREATE UNIQUE INDEX tags_name_key ON tags (org_id, lower(name));

-- Accounts, contacts, leads, deals -----------------------------------------------------------

CREATE TABLE accounts (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  website text,
  domain text,
  industry text,
  phone text,
  email text,
  employees integer CHECK (employees >= 0),
  annual_revenue numeric(16, 2) CHECK (annual_revenue >= 0),
  billing_address jsonb NOT NULL DEFAULT '{}',
  shipping_address jsonb NOT NULL DEFAULT '{}',
  description text NOT NULL DEFAULT '',
  owner_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id),
  -- A member who leaves keeps nothing: their records become unowned, not deleted.
  FOREIGN KEY (org_id, owner_id) REFERENCES memberships (org_id, user_id) ON DELETE SET NULL (owner_id)
);
CREATE UNIQUE INDEX accounts_name_key ON accounts (org_id, lower(name));

CREATE TABLE contacts (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  first_name text NOT NULL DEFAULT '' CHECK (length(first_name) <= 200),
  last_name text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 200),
  email text CHECK (email = lower(email)),
  phone text,
  mobile text,
  job_title text,
  department text,
  account_id uuid,
  do_not_contact boolean NOT NULL DEFAULT false,
  address jsonb NOT NULL DEFAULT '{}',
  description text NOT NULL DEFAULT '',
  owner_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, account_id) REFERENCES accounts (org_id, id) ON DELETE SET NULL (account_id),
  FOREIGN KEY (org_id, owner_id) REFERENCES memberships (org_id, user_id) ON DELETE SET NULL (owner_id)
);
CREATE UNIQUE INDEX contacts_email_key ON contacts (org_id, email) WHERE email IS NOT NULL;
CREATE INDEX contacts_account_idx ON contacts (org_id, account_id);

CREATE TABLE opportunities (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  account_id uuid,
  primary_contact_id uuid,
  amount numeric(16, 2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  currency text NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
  pipeline_id uuid NOT NULL,
  stage_id uuid NOT NULL,
  -- Order within the stage's kanban column.
  stage_rank double precision NOT NULL DEFAULT 0,
  stage_entered_at timestamptz NOT NULL DEFAULT now(),
  expected_close_date date,
  probability integer NOT NULL CHECK (probability BETWEEN 0 AND 100),
  source text CHECK (source IN ('web', 'referral', 'cold_call', 'event', 'partner', 'advertisement', 'other')),
  closed_at timestamptz,
  lost_reason text,
  description text NOT NULL DEFAULT '',
  owner_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, account_id) REFERENCES accounts (org_id, id) ON DELETE SET NULL (account_id),
  FOREIGN KEY (org_id, primary_contact_id) REFERENCES contacts (org_id, id) ON DELETE SET NULL (primary_contact_id),
  FOREIGN KEY (org_id, pipeline_id, stage_id) REFERENCES pipeline_stages (org_id, pipeline_id, id),
  FOREIGN KEY (org_id, owner_id) REFERENCES memberships (org_id, user_id) ON DELETE SET NULL (owner_id)
);
CREATE INDEX opportunities_board_idx ON opportunities (org_id, pipeline_id, stage_id, stage_rank);
CREATE INDEX opportunities_account_idx ON opportunities (org_id, account_id);
CREATE INDEX opportunities_contact_idx ON opportunities (org_id, primary_contact_id);

CREATE TABLE opportunity_contacts (
  org_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  opportunity_id uuid NOT NULL,
  contact_id uuid NOT NULL,
  role text NOT NULL DEFAULT '' CHECK (length(role) <= 100),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, opportunity_id, contact_id),
  FOREIGN KEY (org_id, opportunity_id) REFERENCES opportunities (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, contact_id) REFERENCES contacts (org_id, id) ON DELETE CASCADE
);
CREATE INDEX opportunity_contacts_contact_idx ON opportunity_contacts (org_id, contact_id);

CREATE TABLE opportunity_stage_history (
  org_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  opportunity_id uuid NOT NULL,
  stage_id uuid NOT NULL,
  entered_at timestamptz NOT NULL DEFAULT now(),
  left_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, opportunity_id) REFERENCES opportunities (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, stage_id) REFERENCES pipeline_stages (org_id, id) ON DELETE CASCADE
);
CREATE INDEX opportunity_stage_history_idx ON opportunity_stage_history (org_id, opportunity_id, entered_at);

CREATE TABLE leads (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  first_name text NOT NULL DEFAULT '' CHECK (length(first_name) <= 200),
  last_name text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 200),
  email text CHECK (email = lower(email)),
  phone text,
  company text,
  job_title text,
  website text,
  status text NOT NULL DEFAULT 'new'
    CHECK (status IN ('new', 'contacted', 'qualified', 'unqualified', 'converted')),
  source text CHECK (source IN ('web', 'referral', 'cold_call', 'event', 'partner', 'advertisement', 'other')),
  rating text CHECK (rating IN ('hot', 'warm', 'cold')),
  estimated_value numeric(16, 2) CHECK (estimated_value >= 0),
  currency text NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
  address jsonb NOT NULL DEFAULT '{}',
  description text NOT NULL DEFAULT '',
  owner_id uuid,
  last_contacted_at timestamptz,
  next_follow_up_at timestamptz,
  converted_at timestamptz,
  converted_account_id uuid,
  converted_contact_id uuid,
  converted_opportunity_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id),
  CHECK ((status = 'converted') = (converted_at IS NOT NULL)),
  FOREIGN KEY (org_id, owner_id) REFERENCES memberships (org_id, user_id) ON DELETE SET NULL (owner_id),
  FOREIGN KEY (org_id, converted_account_id) REFERENCES accounts (org_id, id) ON DELETE SET NULL (converted_account_id),
  FOREIGN KEY (org_id, converted_contact_id) REFERENCES contacts (org_id, id) ON DELETE SET NULL (converted_contact_id),
  FOREIGN KEY (org_id, converted_opportunity_id) REFERENCES opportunities (org_id, id) ON DELETE SET NULL (converted_opportunity_id)
);

-- List indexes: each list's filters and sorts lead with org_id so that they stay index
-- conditions beneath the RLS policy.
CREATE INDEX leads_created_idx ON leads (org_id, created_at DESC, id DESC);
CREATE INDEX leads_updated_idx ON leads (org_id, updated_at DESC, id DESC);
CREATE INDEX leads_status_idx ON leads (org_id, status, created_at DESC, id DESC);
CREATE INDEX leads_owner_idx ON leads (org_id, owner_id, created_at DESC, id DESC);
CREATE INDEX leads_name_idx ON leads (org_id, last_name, first_name, id);
CREATE INDEX accounts_created_idx ON accounts (org_id, created_at DESC, id DESC);
CREATE INDEX accounts_updated_idx ON accounts (org_id, updated_at DESC, id DESC);
CREATE INDEX accounts_owner_idx ON accounts (org_id, owner_id, created_at DESC, id DESC);
CREATE INDEX accounts_sort_name_idx ON accounts (org_id, name, id);
CREATE INDEX contacts_created_idx ON contacts (org_id, created_at DESC, id DESC);
CREATE INDEX contacts_updated_idx ON contacts (org_id, updated_at DESC, id DESC);
CREATE INDEX contacts_owner_idx ON contacts (org_id, owner_id, created_at DESC, id DESC);
CREATE INDEX contacts_name_idx ON contacts (org_id, last_name, first_name, id);
CREATE INDEX opportunities_created_idx ON opportunities (org_id, created_at DESC, id DESC);
CREATE INDEX opportunities_updated_idx ON opportunities (org_id, updated_at DESC, id DESC);
CREATE INDEX opportunities_owner_idx ON opportunities (org_id, owner_id, created_at DESC, id DESC);
CREATE INDEX opportunities_stage_idx ON opportunities (org_id, stage_id, created_at DESC, id DESC);
CREATE INDEX opportunities_close_idx ON opportunities (org_id, expected_close_date, id);
CREATE INDEX opportunities_closed_idx ON opportunities (org_id, closed_at) WHERE closed_at IS NOT NULL;

-- Tasks and notes: attached to at most (tasks) or exactly (notes) one record, with a real,
-- tenant-carrying foreign key for each kind of record.

CREATE TABLE tasks (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  description text NOT NULL DEFAULT '',
  due_at timestamptz,
  priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done')),
  assignee_id uuid,
  lead_id uuid,
  account_id uuid,
  contact_id uuid,
  opportunity_id uuid,
  completed_at timestamptz,
  due_notified_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id),
  CHECK (num_nonnulls(lead_id, account_id, contact_id, opportunity_id) <= 1),
  CHECK ((status = 'done') = (completed_at IS NOT NULL)),
  FOREIGN KEY (org_id, assignee_id) REFERENCES memberships (org_id, user_id) ON DELETE SET NULL (assignee_id),
  FOREIGN KEY (org_id, lead_id) REFERENCES leads (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, account_id) REFERENCES accounts (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, contact_id) REFERENCES contacts (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, opportunity_id) REFERENCES opportunities (org_id, id) ON DELETE CASCADE
);
CREATE INDEX tasks_assignee_due_idx ON tasks (org_id, assignee_id, status, due_at, id);
CREATE INDEX tasks_due_idx ON tasks (org_id, status, due_at, id);
CREATE INDEX tasks_created_idx ON tasks (org_id, created_at DESC, id DESC);
CREATE INDEX tasks_lead_idx ON tasks (org_id, lead_id) WHERE lead_id IS NOT NULL;
CREATE INDEX tasks_account_idx ON tasks (org_id, account_id) WHERE account_id IS NOT NULL;
CREATE INDEX tasks_contact_idx ON tasks (org_id, contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX tasks_opportunity_idx ON tasks (org_id, opportunity_id) WHERE opportunity_id IS NOT NULL;

CREATE TABLE notes (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 100000),
  lead_id uuid,
  account_id uuid,
  contact_id uuid,
  opportunity_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id),
  CHECK (num_nonnulls(lead_id, account_id, contact_id, opportunity_id) = 1),
  FOREIGN KEY (org_id, lead_id) REFERENCES leads (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, account_id) REFERENCES accounts (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, contact_id) REFERENCES contacts (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, opportunity_id) REFERENCES opportunities (org_id, id) ON DELETE CASCADE
);
CREATE INDEX notes_lead_idx ON notes (org_id, lead_id, created_at DESC) WHERE lead_id IS NOT NULL;
CREATE INDEX notes_account_idx ON notes (org_id, account_id, created_at DESC) WHERE account_id IS NOT NULL;
CREATE INDEX notes_contact_idx ON notes (org_id, contact_id, created_at DESC) WHERE contact_id IS NOT NULL;
CREATE INDEX notes_opportunity_idx ON notes (org_id, opportunity_id, created_at DESC) WHERE opportunity_id IS NOT NULL;

CREATE TABLE record_tags (
  org_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  tag_id uuid NOT NULL,
  lead_id uuid,
  account_id uuid,
  contact_id uuid,
  opportunity_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id),
  CHECK (num_nonnulls(lead_id, account_id, contact_id, opportunity_id) = 1),
  FOREIGN KEY (org_id, tag_id) REFERENCES tags (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, lead_id) REFERENCES leads (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, account_id) REFERENCES accounts (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, contact_id) REFERENCES contacts (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, opportunity_id) REFERENCES opportunities (org_id, id) ON DELETE CASCADE
);
-- One index per kind of record: "records with tag T" and "tags of record R" both stay indexed.
CREATE UNIQUE INDEX record_tags_lead_key ON record_tags (org_id, tag_id, lead_id) WHERE lead_id IS NOT NULL;
CREATE UNIQUE INDEX record_tags_account_key ON record_tags (org_id, tag_id, account_id) WHERE account_id IS NOT NULL;
CREATE UNIQUE INDEX record_tags_contact_key ON record_tags (org_id, tag_id, contact_id) WHERE contact_id IS NOT NULL;
CREATE UNIQUE INDEX record_tags_opportunity_key ON record_tags (org_id, tag_id, opportunity_id) WHERE opportunity_id IS NOT NULL;
CREATE INDEX record_tags_of_lead_idx ON record_tags (org_id, lead_id) WHERE lead_id IS NOT NULL;
CREATE INDEX record_tags_of_account_idx ON record_tags (org_id, account_id) WHERE account_id IS NOT NULL;
CREATE INDEX record_tags_of_contact_idx ON record_tags (org_id, contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX record_tags_of_opportunity_idx ON record_tags (org_id, opportunity_id) WHERE opportunity_id IS NOT NULL;

-- Notifications ------------------------------------------------------------------------------

CREATE TABLE notifications (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('record_assigned', 'task_assigned', 'task_due')),
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  record_type text CHECK (record_type IN ('lead', 'account', 'contact', 'opportunity', 'task')),
  record_id uuid,
  read_at timestamptz,
  emailed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, user_id) REFERENCES memberships (org_id, user_id) ON DELETE CASCADE
);
CREATE INDEX notifications_user_idx ON notifications (org_id, user_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread_idx ON notifications (org_id, user_id) WHERE read_at IS NULL;

CREATE TABLE notification_preferences (
  org_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  email_on_assignment boolean NOT NULL DEFAULT true,
  email_on_task_due boolean NOT NULL DEFAULT true,
  daily_digest boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, user_id),
  FOREIGN KEY (org_id, user_id) REFERENCES memberships (org_id, user_id) ON DELETE CASCADE
);

-- Search -------------------------------------------------------------------------------------
-- Global search must stay indexed beneath RLS, where ILIKE, trigram and full-text operators
-- cannot be index conditions (they are not LEAKPROOF). Each searchable record is broken into
-- folded words, and a prefix search becomes a range on a "C"-collated text column — plain
-- comparisons, which are leakproof, on an index that leads with org_id.

CREATE TABLE search_terms (
  org_id uuid NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  record_type text NOT NULL CHECK (record_type IN ('lead', 'account', 'contact', 'opportunity')),
  record_id uuid NOT NULL,
  term text COLLATE "C" NOT NULL,
  -- Where the word came from: 3 a name, 2 an email or company, 1 anything else.
  weight smallint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id) REFERENCES orgs (id)
);
CREATE INDEX search_terms_term_idx ON search_terms (org_id, term, record_type, record_id, weight);
CREATE INDEX search_terms_record_idx ON search_terms (org_id, record_type, record_id);

COMMENT ON TABLE search_terms IS
  'Derived from leads, accounts, contacts and opportunities by triggers; not audited (the records are).';

-- The words of a value: folded, split on anything that is not a letter or digit, and the whole
-- folded value too (so "ada@example.com" is found by "ada@ex" as well as by "example").
CREATE FUNCTION search_words(value text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT DISTINCT w FROM (
    SELECT regexp_split_to_table(search_fold(value), '[^[:alnum:]]+') AS w
    UNION ALL
    SELECT search_fold(value)
  ) words
  WHERE length(w) > 0 AND length(w) <= 200
$$;

CREATE FUNCTION search_index_record() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  kind text := CASE TG_TABLE_NAME
    WHEN 'leads' THEN 'lead' WHEN 'accounts' THEN 'account'
    WHEN 'contacts' THEN 'contact' ELSE 'opportunity' END;
  fields jsonb;
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
  -- [weight, value] pairs: 3 for names, 2 for emails, companies and domains, 1 for the rest.
  -- Phone numbers are also indexed as bare digits, so "5551234" finds "+1 (555) 123-4".
  fields := CASE TG_TABLE_NAME
    WHEN 'leads' THEN jsonb_build_array(
      jsonb_build_array(3, concat_ws(' ', r->>'first_name', r->>'last_name')),
      jsonb_build_array(2, r->>'email'), jsonb_build_array(2, r->>'company'),
      jsonb_build_array(1, r->>'phone'), jsonb_build_array(1, regexp_replace(r->>'phone', '[^0-9]', '', 'g')),
      jsonb_build_array(1, r->>'job_title'))
    WHEN 'contacts' THEN jsonb_build_array(
      jsonb_build_array(3, concat_ws(' ', r->>'first_name', r->>'last_name')),
      jsonb_build_array(2, r->>'email'),
      jsonb_build_array(1, r->>'phone'), jsonb_build_array(1, regexp_replace(r->>'phone', '[^0-9]', '', 'g')),
      jsonb_build_array(1, r->>'mobile'), jsonb_build_array(1, regexp_replace(r->>'mobile', '[^0-9]', '', 'g')),
      jsonb_build_array(1, r->>'job_title'))
    WHEN 'accounts' THEN jsonb_build_array(
      jsonb_build_array(3, r->>'name'),
      jsonb_build_array(2, r->>'domain'), jsonb_build_array(2, r->>'email'), jsonb_build_array(2, r->>'website'),
      jsonb_build_array(1, r->>'phone'), jsonb_build_array(1, regexp_replace(r->>'phone', '[^0-9]', '', 'g')),
      jsonb_build_array(1, r->>'industry'))
    ELSE jsonb_build_array(jsonb_build_array(3, r->>'name'))
  END;
  INSERT INTO search_terms (org_id, record_type, record_id, term, weight)
  SELECT NEW.org_id, kind, NEW.id, word, max((field->>0)::smallint)
  FROM jsonb_array_elements(fields) AS field, search_words(field->>1) AS word
  GROUP BY word;
  RETURN NULL;
END
$$;

-- Policies, triggers and grants ----------------------------------------------------------------

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['pipelines', 'pipeline_stages', 'tags', 'accounts', 'contacts',
      'opportunities', 'opportunity_contacts', 'opportunity_stage_history', 'leads', 'tasks',
      'notes', 'record_tags', 'notifications', 'notification_preferences', 'search_terms'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY %I ON %I FOR ALL
      USING (org_id = nullif(current_setting('app.current_org', true), '')::uuid)
      WITH CHECK (org_id = nullif(current_setting('app.current_org', true), '')::uuid)$p$,
      t || '_tenant', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION set_updated_at()',
      t || '_set_updated_at', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO rampart_api', t);
    IF t <> 'search_terms' THEN
      EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION audit_record_change()',
        t || '_audit', t);
    END IF;
  END LOOP;
  FOREACH t IN ARRAY ARRAY['leads', 'accounts', 'contacts', 'opportunities'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION search_index_record()',
      t || '_search_index', t);
  END LOOP;
END
$$;

-- Every organization starts with a default sales pipeline ---------------------------------------

CREATE FUNCTION create_default_pipeline(p_org_id uuid, p_created_by uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  new_pipeline uuid := gen_random_uuid();
BEGIN
  INSERT INTO pipelines (org_id, id, name, is_default, position, created_by)
  VALUES (p_org_id, new_pipeline, 'Sales', true, 0, p_created_by);
  INSERT INTO pipeline_stages (org_id, pipeline_id, name, position, probability, kind, created_by)
  VALUES
    (p_org_id, new_pipeline, 'Prospecting', 0, 10, 'open', p_created_by),
    (p_org_id, new_pipeline, 'Qualification', 1, 25, 'open', p_created_by),
    (p_org_id, new_pipeline, 'Proposal', 2, 50, 'open', p_created_by),
    (p_org_id, new_pipeline, 'Negotiation', 3, 75, 'open', p_created_by),
    (p_org_id, new_pipeline, 'Closed won', 4, 100, 'won', p_created_by),
    (p_org_id, new_pipeline, 'Closed lost', 5, 0, 'lost', p_created_by);
END
$$;

CREATE FUNCTION orgs_create_default_pipeline() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM create_default_pipeline(NEW.id, NEW.created_by);
  RETURN NULL;
END
$$;

CREATE TRIGGER orgs_default_pipeline AFTER INSERT ON orgs
  FOR EACH ROW EXECUTE FUNCTION orgs_create_default_pipeline();

-- Organizations created before this migration get theirs too, each inside its own tenant.
DO $$
DECLARE
  existing record;
BEGIN
  FOR existing IN SELECT id, created_by FROM orgs LOOP
    PERFORM set_config('app.current_org', existing.id::text, true);
    PERFORM create_default_pipeline(existing.id, existing.created_by);
  END LOOP;
  PERFORM set_config('app.current_org', '', true);
END
$$;
