-- Up Migration

-- Every page of records needs its kind's custom fields to read and present the values, and they
-- change only when an admin defines them. The API keeps them per organization and version
-- (server/src/modules/custom-fields/field-cache.ts): the version comes back with the opening
-- statement of every request (server/src/db/tenant.ts), so a page reads no definitions unless
-- they changed. A random value rather than a counter: a database brought back to an earlier
-- moment cannot hand out again a version that an API process still holds for other contents.
ALTER TABLE orgs ADD COLUMN definitions_version uuid NOT NULL DEFAULT gen_random_uuid();
GRANT UPDATE (definitions_version) ON orgs TO rampart_api;

-- Runs as the writer, under the organizations' update policy: it can only bump the version of
-- the organization it is in, which is the one whose definitions it wrote.
CREATE FUNCTION bump_definitions_version() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  UPDATE orgs SET definitions_version = gen_random_uuid()
  WHERE id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.org_id ELSE NEW.org_id END);
  RETURN NULL;
END
$$;

CREATE TRIGGER custom_fields_definitions_version AFTER INSERT OR UPDATE OR DELETE ON custom_fields
  FOR EACH ROW EXECUTE FUNCTION bump_definitions_version();
CREATE TRIGGER custom_field_options_definitions_version
  AFTER INSERT OR UPDATE OR DELETE ON custom_field_options
  FOR EACH ROW EXECUTE FUNCTION bump_definitions_version();

-- A new version is not an edit of the organization: it neither moves `updated_at` nor writes
-- to the audit trail.
DROP TRIGGER orgs_set_updated_at ON orgs;
CREATE TRIGGER orgs_set_updated_at BEFORE UPDATE ON orgs FOR EACH ROW
  WHEN (to_jsonb(OLD) - 'definitions_version' IS DISTINCT FROM to_jsonb(NEW) - 'definitions_version')
  EXECUTE FUNCTION set_updated_at();
DROP TRIGGER orgs_audit ON orgs;
CREATE TRIGGER orgs_audit AFTER INSERT OR DELETE ON orgs
  FOR EACH ROW EXECUTE FUNCTION audit_record_change('orgs');
CREATE TRIGGER orgs_audit_update AFTER UPDATE ON orgs FOR EACH ROW
  WHEN (to_jsonb(OLD) - 'definitions_version' IS DISTINCT FROM to_jsonb(NEW) - 'definitions_version')
  EXECUTE FUNCTION audit_record_change('orgs');
