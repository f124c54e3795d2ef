-- Up Migration

-- An export of the whole organization: a ZIP a job writes, kept for a while, then removed.
CREATE TABLE org_exports (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  status text NOT NULL DEFAULT 'queued'
    CHECK (status IN ('queued', 'running', 'ready', 'failed', 'expired')),
  files_done integer NOT NULL DEFAULT 0,
  files_total integer NOT NULL DEFAULT 0,
  rows_done bigint NOT NULL DEFAULT 0,
  byte_size bigint,
  sha256 text,
  error text,
  started_at timestamptz,
  finished_at timestamptz,
  expires_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id)
);
CREATE INDEX org_exports_recent_idx ON org_exports (org_id, created_at DESC, id DESC);

ALTER TABLE org_exports ENABLE ROW LEVEL SECURITY;
ALTER TABLE org_exports FORCE ROW LEVEL SECURITY;
CREATE POLICY org_exports_tenant ON org_exports FOR ALL
  USING (org_id = nullif(current_setting('app.current_org', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('app.current_org', true), '')::uuid);
CREATE TRIGGER org_exports_set_updated_at BEFORE UPDATE ON org_exports
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER org_exports_audit AFTER INSERT OR UPDATE OR DELETE ON org_exports
  FOR EACH ROW EXECUTE FUNCTION audit_record_change('org_exports');
GRANT SELECT, INSERT, UPDATE, DELETE ON org_exports TO rampart_api;

-- The ZIP itself, in pieces of about a megabyte, in the database: the API and the worker may
-- run on machines that share no disk, and the file stays behind the tenant wall. Its pieces
-- are bytes of a file, not records: the audit trail records the export (above), not them.
CREATE TABLE org_export_chunks (
  org_id uuid NOT NULL,
  export_id uuid NOT NULL,
  seq integer NOT NULL CHECK (seq >= 0),
  data bytea NOT NULL,
  PRIMARY KEY (org_id, export_id, seq),
  FOREIGN KEY (org_id, export_id) REFERENCES org_exports (org_id, id) ON DELETE CASCADE
);
ALTER TABLE org_export_chunks ENABLE ROW LEVEL SECURITY;
ALTER TABLE org_export_chunks FORCE ROW LEVEL SECURITY;
CREATE POLICY org_export_chunks_tenant ON org_export_chunks FOR ALL
  USING (org_id = nullif(current_setting('app.current_org', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('app.current_org', true), '')::uuid);
GRANT SELECT, INSERT, DELETE ON org_export_chunks TO rampart_api;

-- The admin who started an export hears when it is ready; it names no record.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
  CHECK (kind IN ('record_assigned', 'task_assigned', 'task_due', 'export_ready'));
