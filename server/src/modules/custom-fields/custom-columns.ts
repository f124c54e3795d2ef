import { sql, type RawBuilder } from 'kysely';
import type { CustomFieldType } from '../../db/schema.js';
import { VALUE_COLUMN } from './custom-fields.repo.js';

/** A custom field a list export writes: its definition as the export needs it. */
export interface CustomColumn {
  id: string;
  key: string;
  label: string;
  field_type: CustomFieldType;
}

/** The prefix of a custom field's column in `columns`: `cf.<key>`. */
export const CUSTOM_COLUMN_PREFIX = 'cf.';

/**
 * A custom field's value as people typed it: an option by name, a member by email (which the
 * import reads back as that member, where a name two members share would name neither),
 * several options joined by "; " in the options' order, a checkbox as yes or no, a number
 * without binary noise (through `numeric`, which keeps 15 significant digits). The values are read in the
 * same statement as the rows, by the `(org_id, record_id, field_id, value_option)` index, so
 * a batch of the cursor carries its values with it: no statement per row or per batch.
 */
export function customColumn(field: CustomColumn): (alias: string) => RawBuilder<unknown> {
  return (alias) => {
    const of = sql`FROM custom_field_values v`;
    const mine = sql`v.org_id = ${sql.ref(`${alias}.org_id`)}
      AND v.record_id = ${sql.ref(`${alias}.id`)} AND v.field_id = ${field.id}`;
    const option = sql`JOIN custom_field_options o ON o.org_id = v.org_id AND o.id = v.value_option`;
    switch (field.field_type) {
      case 'select':
        return sql`(SELECT o.label ${of} ${option} WHERE ${mine})`;
      case 'multi_select':
        return sql`(SELECT string_agg(o.label, '; ' ORDER BY o.position, o.id) ${of} ${option}
          WHERE ${mine})`;
      case 'member':
        return sql`(SELECT u.email ${of} JOIN users u ON u.id = v.value_member WHERE ${mine})`;
      case 'checkbox':
        return sql`(SELECT CASE WHEN v.value_bool THEN 'yes' ELSE 'no' END ${of} WHERE ${mine})`;
      case 'number':
      case 'money':
        return sql`(SELECT v.value_number::numeric::text ${of} WHERE ${mine})`;
      case 'date':
        return sql`(SELECT v.value_date::text ${of} WHERE ${mine})`;
      default:
        return sql`(SELECT ${sql.ref(`v.${VALUE_COLUMN[field.field_type]}`)} ${of} WHERE ${mine})`;
    }
  };
}
