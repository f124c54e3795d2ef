-- Up Migration

-- The daily digest remembers the day it last went to each member, so a second run on the same
-- day (a retry, a duplicate job) sends nothing more.
ALTER TABLE notification_preferences ADD COLUMN last_digest_on date;

-- The sample data loaded into an organization, by id: removing it must take exactly those
-- records and never one a user created. One set per organization; a second load is refused.
CREATE TABLE sample_data_sets (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  tag_ids uuid[] NOT NULL DEFAULT '{}',
  account_ids uuid[] NOT NULL DEFAULT '{}',
  contact_ids uuid[] NOT NULL DEFAULT '{}',
  lead_ids uuid[] NOT NULL DEFAULT '{}',
  opportunity_ids uuid[] NOT NULL DEFAULT '{}',
  task_ids uuid[] NOT NULL DEFAULT '{}',
  note_ids uuid[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id)
);

ALTER TABLE sample_data_sets ENABLE ROW LEVEL SECURITY;
ALTER TABLE sample_data_sets FORCE ROW LEVEL SECURITY;
CREATE POLICY sample_data_sets_tenant ON sample_data_sets FOR ALL
  USING (org_id = nullif(current_setting('app.current_org', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('app.current_org', true), '')::uuid);
CREATE TRIGGER sample_data_sets_set_updated_at BEFORE UPDATE ON sample_data_sets
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER sample_data_sets_audit AFTER INSERT OR UPDATE OR DELETE ON sample_data_sets
  FOR EACH ROW EXECUTE FUNCTION audit_record_change();
GRANT SELECT, INSERT, UPDATE, DELETE ON sample_data_sets TO rampart_api;

-- Organizations created before the digest existed get their first one, at the next 07:00 UTC,
-- keyed like the ones sign-up schedules. On a fresh install the worker's schema comes after
-- this migration, and there is no organization yet.
DO $$
BEGIN
  IF to_regnamespace('graphile_worker') IS NOT NULL THEN
    PERFORM graphile_worker.add_job(
      'notifications__daily_digest',
      json_build_object('org_id', o.id),
      job_key => 'daily-digest:' || o.id,
      run_at => date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
        + CASE WHEN extract(hour FROM now() AT TIME ZONE 'UTC') < 7
               THEN interval '7 hours' ELSE interval '31 hours' END,
      max_attempts => 10
    )
    FROM orgs o;
  END IF;
END
$$;
