-- Up Migration

-- One table holds the values of every field of every organization, so its columns are not
-- independent: a field belongs to one organization, and an option (or a member) to one field.
-- Multiplying their selectivities as if they were, the planner took "tier is A or B" (40,000
-- of 100,000 leads) for 178 rows, read them all from the value's index and sorted them for a
-- page of 50. With the dependencies known it walks the page's own index and probes each
-- record's value instead, stopping with the page (docs/decisions/0008-custom-field-storage.md).
-- The next ANALYZE (autovacuum's, on a table that grows) builds them; none is run here, so
-- that the migration takes no longer on a large table.
CREATE STATISTICS custom_field_values_dependencies (dependencies)
  ON org_id, field_id, value_option, value_member FROM custom_field_values;
