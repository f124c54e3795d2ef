-- Up Migration

-- Web-to-lead forms: an admin picks which lead fields a public form asks for, and who owns the
-- leads it creates (one member, or the members of a team in turn). The form is posted to a
-- public URL whose token names the organization and carries a secret; only the secret's
-- SHA-256 is kept, and the submission is looked up by it under that organization's context, so
-- a token of one organization never opens another's form.
CREATE TABLE web_forms (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- [{"field": "email", "required": true}, ...], in the order the form shows them; the API
  -- checks the field names against the lead's.
  fields jsonb NOT NULL CHECK (jsonb_typeof(fields) = 'array'),
  thank_you_message text NOT NULL DEFAULT '' CHECK (length(thank_you_message) <= 2000),
  redirect_url text CHECK (redirect_url ~ '^https?://' AND length(redirect_url) <= 2000),
  owner_id uuid,
  team_id uuid,
  -- The team member who got the last lead: the next one in turn gets the next.
  last_assigned_user_id uuid,
  active boolean NOT NULL DEFAULT true,
  -- Bumped by every rotation: the secret is derived from the form's id and this number with
  -- the server's key, so admins can copy the snippet again without it being stored.
  secret_version integer NOT NULL DEFAULT 1,
  secret_hash bytea NOT NULL,
  submission_count bigint NOT NULL DEFAULT 0,
  last_submitted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id),
  CHECK (num_nonnulls(owner_id, team_id) <= 1)
);
CREATE UNIQUE INDEX web_forms_secret_key ON web_forms (org_id, secret_hash);
CREATE INDEX web_forms_created_idx ON web_forms (org_id, created_at, id);
CREATE INDEX web_forms_owner_idx ON web_forms (org_id, owner_id) WHERE owner_id IS NOT NULL;
CREATE INDEX web_forms_team_idx ON web_forms (org_id, team_id) WHERE team_id IS NOT NULL;
CREATE INDEX web_forms_last_assigned_idx ON web_forms (org_id, last_assigned_user_id)
  WHERE last_assigned_user_id IS NOT NULL;
-- A member who leaves, or a team that is deleted, stops receiving the form's leads.
SELECT add_cleared_reference('web_forms', 'owner_id', 'memberships', 'user_id');
SELECT add_cleared_reference('web_forms', 'team_id', 'teams', 'id');
SELECT add_cleared_reference('web_forms', 'last_assigned_user_id', 'memberships', 'user_id');

ALTER TABLE web_forms ENABLE ROW LEVEL SECURITY;
ALTER TABLE web_forms FORCE ROW LEVEL SECURITY;
CREATE POLICY web_forms_tenant ON web_forms FOR ALL
  USING (org_id = verified_org())
  WITH CHECK (org_id = verified_org());
CREATE TRIGGER web_forms_set_updated_at BEFORE UPDATE ON web_forms
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER web_forms_audit AFTER INSERT OR UPDATE OR DELETE ON web_forms
  FOR EACH ROW EXECUTE FUNCTION audit_record_change('web_forms', 'secret_hash');
GRANT SELECT, INSERT, UPDATE, DELETE ON web_forms TO rampart_api;

-- A person's calendar feed in one organization: a secret URL that calendar applications
-- subscribe to, answering with that person's tasks there. Only the secret's hash is kept;
-- revoking the feed ends the URL, and leaving the organization removes it.
CREATE TABLE calendar_feeds (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  token_hash bytea NOT NULL,
  revoked_at timestamptz,
  last_read_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, user_id) REFERENCES memberships (org_id, user_id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX calendar_feeds_token_key ON calendar_feeds (org_id, token_hash);
CREATE INDEX calendar_feeds_user_idx ON calendar_feeds (org_id, user_id, created_at);

ALTER TABLE calendar_feeds ENABLE ROW LEVEL SECURITY;
ALTER TABLE calendar_feeds FORCE ROW LEVEL SECURITY;
CREATE POLICY calendar_feeds_tenant ON calendar_feeds FOR ALL
  USING (org_id = verified_org())
  WITH CHECK (org_id = verified_org());
CREATE TRIGGER calendar_feeds_set_updated_at BEFORE UPDATE ON calendar_feeds
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER calendar_feeds_audit AFTER INSERT OR UPDATE OR DELETE ON calendar_feeds
  FOR EACH ROW EXECUTE FUNCTION audit_record_change('calendar_feeds', 'token_hash');
GRANT SELECT, INSERT, UPDATE ON calendar_feeds TO rampart_api;

