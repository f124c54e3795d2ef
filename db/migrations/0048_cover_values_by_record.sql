-- Up Migration

-- A page of records reads the values of its records by (org_id, record_id): for 50 leads with
-- 20 fields, 1,000 rows that lie on as many heap pages as there are values once records have
-- been edited field by field (a field added later, a value changed). The index now carries
-- the values themselves, so the page reads them from it alone: every column but value_long,
-- which long text keeps outside every index (it may hold 20,000 characters); the page reads
-- long values from the heap, by a condition on their fields (custom-fields.repo.ts,
-- valuesOfPage). Same keys and uniqueness as before. Rebuilt inside the migration's
-- transaction: reads and writes of custom values wait until it commits.
DROP INDEX custom_field_values_record_key;
CREATE UNIQUE INDEX custom_field_values_record_key
  ON custom_field_values (org_id, record_id, field_id, value_option)
  INCLUDE (value_text, value_number, value_date, value_time, value_bool, value_member)
  NULLS NOT DISTINCT;
