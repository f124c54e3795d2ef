import { sql, type RawBuilder } from 'kysely';
import { invalidField } from '../../lib/errors.js';
import {
  CUSTOM_COLUMN_PREFIX,
  customColumn,
  type CustomColumn,
} from '../custom-fields/custom-columns.js';
import { CUSTOM_HEADER_SUFFIX, foldHeader } from '../imports/fields.js';
import type { RecordKind } from '../records/registry.js';
import { RECORD_KINDS } from '../records/registry.js';

/**
 * The columns a list export can hold, by kind: each a SQL expression over the list's alias.
 * Records are written by name (an account, a stage, the tags) and people by email (an owner),
 * never as ids, because the file is read by people; an email because two members may share a
 * name, and the import would refuse that name rather than pick one of them. The names are read
 * in the same statement as the rows, each lookup by its full key so it stays an index condition.
 */
export type ColumnSql = (alias: string) => RawBuilder<unknown>;

const plain =
  (name: string): ColumnSql =>
  (alias) =>
    sql`${sql.ref(`${alias}.${name}`)}`;

const owner: ColumnSql = (alias) =>
  sql`(SELECT u.email FROM users u WHERE u.id = ${sql.ref(`${alias}.owner_id`)})`;

/** A record of `table` named by `column` of the listed row, by its name. */
const named =
  (table: string, column: string, name = 'name'): ColumnSql =>
  (alias) =>
    sql`(SELECT ${sql.ref(`x.${name}`)} FROM ${sql.table(table)} x
      WHERE x.org_id = ${sql.ref(`${alias}.org_id`)} AND x.id = ${sql.ref(`${alias}.${column}`)})`;

const tagsOf =
  (kind: RecordKind): ColumnSql =>
  (alias) =>
    sql`(SELECT string_agg(t.name, ', ' ORDER BY t.name) FROM record_tags rt
      JOIN tags t ON t.org_id = rt.org_id AND t.id = rt.tag_id
      WHERE rt.org_id = ${sql.ref(`${alias}.org_id`)}
        AND ${sql.ref(`rt.${RECORD_KINDS[kind].attachmentField}`)} = ${sql.ref(`${alias}.id`)})`;

const address =
  (column: string, part: string): ColumnSql =>
  (alias) =>
    sql`${sql.ref(`${alias}.${column}`)} ->> ${part}`;

const common = (kind: RecordKind) => ({
  owner,
  tags: tagsOf(kind),
  created_at: plain('created_at'),
  updated_at: plain('updated_at'),
  id: plain('id'),
});

export const LIST_COLUMNS = {
  lead: {
    first_name: plain('first_name'),
    last_name: plain('last_name'),
    email: plain('email'),
    phone: plain('phone'),
    company: plain('company'),
    job_title: plain('job_title'),
    website: plain('website'),
    status: plain('status'),
    source: plain('source'),
    rating: plain('rating'),
    estimated_value: plain('estimated_value'),
    currency: plain('currency'),
    city: address('address', 'city'),
    country: address('address', 'country'),
    last_contacted_at: plain('last_contacted_at'),
    next_follow_up_at: plain('next_follow_up_at'),
    description: plain('description'),
    ...common('lead'),
  },
  account: {
    name: plain('name'),
    domain: plain('domain'),
    website: plain('website'),
    industry: plain('industry'),
    email: plain('email'),
    phone: plain('phone'),
    employees: plain('employees'),
    annual_revenue: plain('annual_revenue'),
    city: address('billing_address', 'city'),
    country: address('billing_address', 'country'),
    description: plain('description'),
    ...common('account'),
  },
  contact: {
    first_name: plain('first_name'),
    last_name: plain('last_name'),
    email: plain('email'),
    phone: plain('phone'),
    mobile: plain('mobile'),
    job_title: plain('job_title'),
    department: plain('department'),
    account: named('accounts', 'account_id'),
    do_not_contact: plain('do_not_contact'),
    city: address('address', 'city'),
    country: address('address', 'country'),
    description: plain('description'),
    ...common('contact'),
  },
  deal: {
    name: plain('name'),
    account: named('accounts', 'account_id'),
    primary_contact: (alias: string) =>
      sql`(SELECT concat_ws(' ', nullif(c.first_name, ''), c.last_name) FROM contacts c
        WHERE c.org_id = ${sql.ref(`${alias}.org_id`)} AND c.id = ${sql.ref(`${alias}.primary_contact_id`)})`,
    amount: plain('amount'),
    currency: plain('currency'),
    pipeline: named('pipelines', 'pipeline_id'),
    stage: named('pipeline_stages', 'stage_id'),
    status: named('pipeline_stages', 'stage_id', 'kind'),
    probability: plain('probability'),
    expected_close_date: (alias: string) => sql`${sql.ref(`${alias}.expected_close_date`)}::text`,
    source: plain('source'),
    closed_at: plain('closed_at'),
    lost_reason: plain('lost_reason'),
    description: plain('description'),
    ...common('deal'),
  },
} satisfies { [K in RecordKind]: Record<string, ColumnSql> };

export type ListColumn<K extends RecordKind> = keyof (typeof LIST_COLUMNS)[K] & string;

export function listColumnNames(kind: RecordKind): string[] {
  return Object.keys(LIST_COLUMNS[kind]);
}

/**
 * The columns of a list export, each with its header: built-in columns by name, custom fields
 * (`cf.<key>`, active fields of the kind) by label. A label that the import reads as a built-in
 * column's name (`Status` or `E-mail` for a lead, whatever its case and punctuation) is
 * followed by ` (custom)`, whichever columns are chosen: each header then names one field, and
 * the file maps back to the fields it came from. No columns chosen means every built-in column,
 * then every active custom field in its order.
 */
export function exportColumns(
  kind: RecordKind,
  chosen: readonly string[] | undefined,
  fields: readonly CustomColumn[],
): Array<{ header: string; sql: ColumnSql }> {
  const builtIn = LIST_COLUMNS[kind] as Record<string, ColumnSql>;
  const builtInHeaders = new Set(Object.keys(builtIn).map(foldHeader));
  const custom = (field: CustomColumn) => ({
    header: builtInHeaders.has(foldHeader(field.label))
      ? field.label + CUSTOM_HEADER_SUFFIX
      : field.label,
    sql: customColumn(field),
  });
  if (!chosen?.length) {
    return [
      ...Object.entries(builtIn).map(([name, column]) => ({ header: name, sql: column })),
      ...fields.map(custom),
    ];
  }
  return chosen.map((name) => {
    if (!name.startsWith(CUSTOM_COLUMN_PREFIX)) return { header: name, sql: builtIn[name]! };
    const key = name.slice(CUSTOM_COLUMN_PREFIX.length);
    const field = fields.find((f) => f.key === key);
    if (!field) {
      throw invalidField(
        'columns',
        `"${key}" is not an active custom field of this kind of record`,
        'malformed',
      );
    }
    return custom(field);
  });
}
