-- Up Migration

-- Names, companies and domains in the form people mean when they say two records are the
-- same: case, accents and runs of spaces folded away. Stored in their own indexed columns
-- because lower() and unaccent() are not leakproof: beneath the tenant policy they could only
-- filter all of a tenant's rows, while equality on a plain column is an index condition.
-- Used to refuse a second account of the same name before it is written (lead conversion) and
-- to find likely duplicates before a record is created.

CREATE FUNCTION name_fold(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT nullif(regexp_replace(btrim(search_fold(value)), '\s+', ' ', 'g'), '')
$$;

ALTER TABLE leads
  ADD COLUMN name_folded text GENERATED ALWAYS AS (name_fold(first_name || ' ' || last_name)) STORED,
  ADD COLUMN company_folded text GENERATED ALWAYS AS (name_fold(company)) STORED;
ALTER TABLE contacts
  ADD COLUMN name_folded text GENERATED ALWAYS AS (name_fold(first_name || ' ' || last_name)) STORED;
ALTER TABLE accounts
  ADD COLUMN name_folded text GENERATED ALWAYS AS (name_fold(name)) STORED,
  ADD COLUMN domain_folded text GENERATED ALWAYS AS (name_fold(domain)) STORED;

CREATE INDEX leads_email_idx ON leads (org_id, email) WHERE email IS NOT NULL;
CREATE INDEX leads_name_folded_idx ON leads (org_id, name_folded);
CREATE INDEX leads_company_folded_idx ON leads (org_id, company_folded) WHERE company_folded IS NOT NULL;
CREATE INDEX contacts_name_folded_idx ON contacts (org_id, name_folded);
CREATE INDEX accounts_name_folded_idx ON accounts (org_id, name_folded);
CREATE INDEX accounts_domain_folded_idx ON accounts (org_id, domain_folded) WHERE domain_folded IS NOT NULL;

-- The history speaks of what people wrote, not of the folded copies derived from it: columns
-- named *_folded are left out of audit entries (otherwise as in 0006_clear_references_by_trigger).
CREATE OR REPLACE FUNCTION audit_record_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  audited_table text := TG_ARGV[0];
  old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
  new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
  subject jsonb := coalesce(new_row, old_row);
  changed jsonb := '{}';
  secret_columns text[] := coalesce(TG_ARGV[1:], '{}');
  column_name text;
  before_value jsonb;
  after_value jsonb;
BEGIN
  IF audited_table IS NULL THEN
    RAISE EXCEPTION 'audit_record_change() needs the table name as its first argument';
  END IF;
  FOR column_name IN SELECT jsonb_object_keys(subject) LOOP
    CONTINUE WHEN column_name IN ('org_id', 'created_at', 'updated_at');
    CONTINUE WHEN column_name LIKE '%\_folded';
    before_value := old_row -> column_name;
    after_value := new_row -> column_name;
    CONTINUE WHEN TG_OP = 'UPDATE' AND before_value IS NOT DISTINCT FROM after_value;
    -- A column that is empty before and after says nothing.
    CONTINUE WHEN coalesce(before_value, 'null') = 'null' AND coalesce(after_value, 'null') = 'null';
    IF column_name = ANY (secret_columns) THEN
      before_value := CASE WHEN before_value IS NOT NULL THEN '"[redacted]"'::jsonb END;
      after_value := CASE WHEN after_value IS NOT NULL THEN '"[redacted]"'::jsonb END;
    END IF;
    changed := changed || jsonb_build_object(column_name, jsonb_strip_nulls(
      jsonb_build_object('old', before_value, 'new', after_value)));
  END LOOP;
  IF TG_OP = 'UPDATE' AND changed = '{}' THEN
    RETURN NULL;
  END IF;
  INSERT INTO audit_log (org_id, actor_id, action, table_name, record_id, changes)
  VALUES (
    CASE WHEN audited_table = 'orgs' THEN subject ->> 'id' ELSE subject ->> 'org_id' END::uuid,
    nullif(current_setting('app.current_user', true), '')::uuid,
    lower(TG_OP),
    audited_table,
    (subject ->> 'id')::uuid,
    changed
  );
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION audit_record_change() FROM PUBLIC;
