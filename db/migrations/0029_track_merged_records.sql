-- Up Migration

-- Phone numbers in the form two people mean when they say they are the same: the digits only,
-- and only when there are enough of them to name a line (an extension alone does not). A stored
-- column with an index led by org_id, for the same reason as the folded names of
-- 0007_add_folded_names: regexp_replace() is not leakproof, so beneath the tenant policy only
-- equality on a plain column stays an index condition. Named *_folded so the history leaves it
-- out, as it leaves out the other derived copies.
CREATE FUNCTION phone_fold(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN length(d) >= 7 THEN d END FROM (SELECT regexp_replace(value, '[^0-9]', '', 'g') AS d) AS digits
$$;

ALTER TABLE leads ADD COLUMN phone_folded text GENERATED ALWAYS AS (phone_fold(phone)) STORED;
ALTER TABLE contacts ADD COLUMN phone_folded text GENERATED ALWAYS AS (phone_fold(phone)) STORED;
ALTER TABLE accounts ADD COLUMN phone_folded text GENERATED ALWAYS AS (phone_fold(phone)) STORED;

CREATE INDEX leads_phone_folded_idx ON leads (org_id, phone_folded) WHERE phone_folded IS NOT NULL;
CREATE INDEX contacts_phone_folded_idx ON contacts (org_id, phone_folded) WHERE phone_folded IS NOT NULL;
CREATE INDEX accounts_phone_folded_idx ON accounts (org_id, phone_folded) WHERE phone_folded IS NOT NULL;

-- Duplicate groups read names by GROUP BY over these indexes; the folded names of 0007 were
-- indexed with their NULLs, which a group of "no name" must never be.
CREATE INDEX leads_name_folded_set_idx ON leads (org_id, name_folded) WHERE name_folded IS NOT NULL;
CREATE INDEX contacts_name_folded_set_idx ON contacts (org_id, name_folded) WHERE name_folded IS NOT NULL;
CREATE INDEX accounts_name_folded_set_idx ON accounts (org_id, name_folded) WHERE name_folded IS NOT NULL;

-- A record merged into another: its address keeps answering with the record it became, and the
-- survivor's history includes the merged record's. Not a foreign key to the survivor, which may
-- be a lead, a contact or an account; keyed (org_id, id) like every tenant row, so an id can
-- only ever be mapped within its own organization.
CREATE TABLE merged_records (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL,
  record_type text NOT NULL CHECK (record_type IN ('lead', 'contact', 'account')),
  survivor_id uuid NOT NULL,
  merged_at timestamptz NOT NULL DEFAULT now(),
  merged_by uuid REFERENCES users (id),
  PRIMARY KEY (org_id, id)
);
CREATE INDEX merged_records_survivor_idx ON merged_records (org_id, survivor_id);

ALTER TABLE merged_records ENABLE ROW LEVEL SECURITY;
ALTER TABLE merged_records FORCE ROW LEVEL SECURITY;
CREATE POLICY merged_records_tenant ON merged_records FOR ALL
  USING (org_id = verified_org())
  WITH CHECK (org_id = verified_org());
CREATE TRIGGER merged_records_audit AFTER INSERT OR UPDATE OR DELETE ON merged_records
  FOR EACH ROW EXECUTE FUNCTION audit_record_change('merged_records');
GRANT SELECT, INSERT, UPDATE ON merged_records TO rampart_api;

-- The one entry a merge leaves in the trail, on the survivor, beside the row changes the merge
-- made. The API role cannot write the audit log itself.
CREATE FUNCTION audit_record_merged(p_table text, p_survivor uuid, p_details jsonb)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF p_table NOT IN ('leads', 'contacts', 'accounts') THEN
    RAISE EXCEPTION 'records of % are not merged', p_table USING ERRCODE = '22023';
  END IF;
  INSERT INTO audit_log (org_id, actor_id, action, table_name, record_id, changes)
  VALUES (verified_org(), verified_user(), 'record.merged', p_table, p_survivor, coalesce(p_details, '{}'));
END
$$;
REVOKE ALL ON FUNCTION audit_record_merged(text, uuid, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_record_merged(text, uuid, jsonb) TO rampart_api;
