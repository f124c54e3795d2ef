-- Up Migration

-- A saved view of a record list: a name, the list's filters (the same JSON object the list's
-- bulk `filter` takes, checked by the API against the kind's list query when saved, so a filter
-- the list learns later is a filter a view can keep), its sort and the columns the web list
-- shows. A view is personal (`user_id` is the person who sees it; it goes when they leave) or
-- shared with the whole organization (`user_id` is NULL). Who may see a personal view is a
-- permission inside the organization, held by the API; the wall between organizations is here.
CREATE TABLE saved_views (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL REFERENCES record_kinds (kind),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  filter jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(filter) = 'object'),
  sort text CHECK (length(sort) BETWEEN 1 AND 100),
  columns jsonb CHECK (jsonb_typeof(columns) = 'array'),
  user_id uuid,
  -- What the organization's members see first on the list when they chose no default of their
  -- own: one shared view per kind, set by an admin.
  org_default boolean NOT NULL DEFAULT false CHECK (NOT org_default OR user_id IS NULL),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id),
  -- A person's default names a view of the same kind; also the index of a kind's views.
  UNIQUE (org_id, kind, id),
  FOREIGN KEY (org_id, user_id) REFERENCES memberships (org_id, user_id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX saved_views_org_default_key ON saved_views (org_id, kind) WHERE org_default;
CREATE INDEX saved_views_user_idx ON saved_views (org_id, user_id) WHERE user_id IS NOT NULL;
SELECT add_cleared_reference('saved_views', 'created_by', 'memberships', 'user_id');

ALTER TABLE saved_views ENABLE ROW LEVEL SECURITY;
ALTER TABLE saved_views FORCE ROW LEVEL SECURITY;
CREATE POLICY saved_views_tenant ON saved_views FOR ALL
  USING (org_id = verified_org())
  WITH CHECK (org_id = verified_org());
CREATE TRIGGER saved_views_set_updated_at BEFORE UPDATE ON saved_views
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER saved_views_audit AFTER INSERT OR UPDATE OR DELETE ON saved_views
  FOR EACH ROW EXECUTE FUNCTION audit_record_change('saved_views');
GRANT SELECT, INSERT, UPDATE, DELETE ON saved_views TO rampart_api;

-- The view a person opens a kind's list with, one per person and kind: their own or a shared
-- one. Deleting the view, or leaving the organization, removes the choice.
CREATE TABLE saved_view_defaults (
  org_id uuid NOT NULL REFERENCES orgs (id),
  user_id uuid NOT NULL,
  kind text NOT NULL,
  view_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, user_id, kind),
  FOREIGN KEY (org_id, user_id) REFERENCES memberships (org_id, user_id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, kind, view_id) REFERENCES saved_views (org_id, kind, id) ON DELETE CASCADE
);
CREATE INDEX saved_view_defaults_view_idx ON saved_view_defaults (org_id, kind, view_id);

ALTER TABLE saved_view_defaults ENABLE ROW LEVEL SECURITY;
ALTER TABLE saved_view_defaults FORCE ROW LEVEL SECURITY;
CREATE POLICY saved_view_defaults_tenant ON saved_view_defaults FOR ALL
  USING (org_id = verified_org())
  WITH CHECK (org_id = verified_org());
CREATE TRIGGER saved_view_defaults_audit AFTER INSERT OR UPDATE OR DELETE ON saved_view_defaults
  FOR EACH ROW EXECUTE FUNCTION audit_record_change('saved_view_defaults');
GRANT SELECT, INSERT, UPDATE, DELETE ON saved_view_defaults TO rampart_api;
