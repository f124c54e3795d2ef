-- Up Migration

-- A restore of an organization export into an organization with no records: the uploaded
-- file's CSVs are kept until a job has rebuilt the organization from them in one transaction.
CREATE TABLE org_restores (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  status text NOT NULL DEFAULT 'queued'
    CHECK (status IN ('queued', 'running', 'completed', 'failed')),
  file_name text NOT NULL,
  -- What the export's manifest said: where and when it was taken, and with which schema.
  source_organization_id uuid NOT NULL,
  schema_version text NOT NULL,
  exported_at timestamptz NOT NULL,
  files_done integer NOT NULL DEFAULT 0,
  files_total integer NOT NULL,
  rows_total bigint NOT NULL,
  rows_done bigint NOT NULL DEFAULT 0,
  -- Rows restored per file, and the people of the export who are not members here.
  result jsonb,
  error text,
  started_at timestamptz,
  finished_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id)
);
CREATE INDEX org_restores_recent_idx ON org_restores (org_id, created_at DESC, id DESC);

ALTER TABLE org_restores ENABLE ROW LEVEL SECURITY;
ALTER TABLE org_restores FORCE ROW LEVEL SECURITY;
CREATE POLICY org_restores_tenant ON org_restores FOR ALL
  USING (org_id = nullif(current_setting('app.current_org', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('app.current_org', true), '')::uuid);
CREATE TRIGGER org_restores_set_updated_at BEFORE UPDATE ON org_restores
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER org_restores_audit AFTER INSERT OR UPDATE OR DELETE ON org_restores
  FOR EACH ROW EXECUTE FUNCTION audit_record_change('org_restores');
GRANT SELECT, INSERT, UPDATE ON org_restores TO rampart_api;

-- The CSVs of the uploaded export, each in pieces of about a megabyte, until the restore has
-- read them: the API that takes the upload and the worker that restores it share no disk.
CREATE TABLE org_restore_chunks (
  org_id uuid NOT NULL,
  restore_id uuid NOT NULL,
  file_name text NOT NULL,
  seq integer NOT NULL CHECK (seq >= 0),
  data bytea NOT NULL,
  PRIMARY KEY (org_id, restore_id, file_name, seq),
  -- Checked at commit: the upload stores the pieces as they arrive and the restore itself once
  -- the manifest at the end of the file has vouched for them, all in one transaction.
  FOREIGN KEY (org_id, restore_id) REFERENCES org_restores (org_id, id) ON DELETE CASCADE
    DEFERRABLE INITIALLY DEFERRED
);
ALTER TABLE org_restore_chunks ENABLE ROW LEVEL SECURITY;
ALTER TABLE org_restore_chunks FORCE ROW LEVEL SECURITY;
CREATE POLICY org_restore_chunks_tenant ON org_restore_chunks FOR ALL
  USING (org_id = nullif(current_setting('app.current_org', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('app.current_org', true), '')::uuid);
GRANT SELECT, INSERT, DELETE ON org_restore_chunks TO rampart_api;
