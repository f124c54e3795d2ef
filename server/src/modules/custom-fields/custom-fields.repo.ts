import { sql, type Insertable, type RawBuilder, type Selectable } from 'kysely';
import { LRUCache } from 'lru-cache';
import type {
  CustomFieldOptionsTable,
  CustomFieldType,
  CustomFieldValuesTable,
  CustomFieldsTable,
  RecordType,
} from '../../db/schema.js';
import {
  definitionsVersionOf,
  forgetDefinitionsVersion,
  orgOf,
  subquery,
  type Tx,
} from '../../db/tenant.js';
import type { Actor } from '../../http/context.js';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { PageSet } from '../../lib/list-query.js';
import type { CustomValue } from './custom-values.js';

const FIELD_COLUMNS = [
  'id',
  'record_type',
  'key',
  'label',
  'field_type',
  'required',
  'default_value',
  'description',
  'position',
  'archived_at',
  'created_at',
  'updated_at',
] as const;

export type OptionRow = Pick<
  Selectable<CustomFieldOptionsTable>,
  'id' | 'field_id' | 'label' | 'color' | 'position'
>;

export type FieldRow = Omit<
  Pick<Selectable<CustomFieldsTable>, (typeof FIELD_COLUMNS)[number]>,
  'record_type' | 'default_value'
> & { record_type: RecordType; default_value: CustomValue };

export type FieldWithOptions = FieldRow & { options: Omit<OptionRow, 'field_id'>[] };

export type FieldWrite = Partial<
  Pick<
    Insertable<CustomFieldsTable>,
    'label' | 'required' | 'description' | 'position' | 'archived_at'
  > & { default_value: unknown }
>;

/** The typed column that holds a field's values. */
export type ValueColumn =
  | 'value_text'
  | 'value_long'
  | 'value_number'
  | 'value_date'
  | 'value_time'
  | 'value_bool'
  | 'value_option'
  | 'value_member';

export const VALUE_COLUMN: Record<CustomFieldType, ValueColumn> = {
  text: 'value_text',
  long_text: 'value_long',
  number: 'value_number',
  money: 'value_number',
  date: 'value_date',
  datetime: 'value_time',
  checkbox: 'value_bool',
  select: 'value_option',
  multi_select: 'value_option',
  url: 'value_text',
  email: 'value_text',
  phone: 'value_text',
  member: 'value_member',
};

/** Every typed column a value may be kept in. */
export const VALUE_COLUMNS = [...new Set(Object.values(VALUE_COLUMN))];

/**
 * The fields with their options, in one statement: every page of records reads them, so an
 * options query of its own would be one more statement per page.
 */
function fieldsQuery(tx: Tx) {
  return tx
    .selectFrom('custom_fields')
    .select(FIELD_COLUMNS)
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('custom_field_options as o')
          .select(['o.id', 'o.label', 'o.color', 'o.position'])
          .whereRef('o.field_id', '=', 'custom_fields.id')
          .orderBy('o.position')
          .orderBy('o.id'),
      ).as('options'),
    );
}

/**
 * Every organization's fields as this process last read them, by organization and version of
 * its definitions: a page of records needs them all and they rarely change, so a request reads
 * them only when the version it opened with is new here (see `definitionsVersionOf`). Frozen,
 * for every request of the organization shares them.
 */
const fieldsByVersion = new LRUCache<string, readonly FieldWithOptions[]>({ max: 2_000 });

/** Every field of every kind, archived ones included, in their order. */
async function organizationFields(tx: Tx): Promise<readonly FieldWithOptions[]> {
  const read = async () =>
    (await fieldsQuery(tx)
      .orderBy('record_type')
      .orderBy('position')
      .orderBy('id')
      .execute()) as FieldWithOptions[];
  const version = definitionsVersionOf(tx);
  if (version === undefined) return read();
  // Fields read after the request opened are at least as new as its version: a change since
  // then gave the organization another version, which the next request brings.
  const key = `${orgOf(tx)}/${version}`;
  let fields = fieldsByVersion.get(key);
  if (!fields) {
    fields = Object.freeze((await read()).map(frozenField));
    fieldsByVersion.set(key, fields);
  }
  return fields;
}

function frozenField(field: FieldWithOptions): FieldWithOptions {
  for (const option of field.options) Object.freeze(option);
  Object.freeze(field.options);
  return Object.freeze(field);
}

/** The fields of a kind (or of every kind), in their order; archived ones only when asked. */
export async function listFields(
  tx: Tx,
  filter: { recordType?: RecordType; includeArchived?: boolean },
): Promise<FieldWithOptions[]> {
  return (await organizationFields(tx)).filter(
    (field) =>
      (!filter.recordType || field.record_type === filter.recordType) &&
      (filter.includeArchived || field.archived_at === null),
  );
}

export async function findField(
  tx: Tx,
  id: string,
  options: { lock?: boolean } = {},
): Promise<FieldWithOptions | undefined> {
  // Locked by a statement of its own, then read by the next: a statement that waited for the
  // lock reads the options as they were when it began, so a change another admin committed
  // meanwhile (an option removed) would be written over unseen.
  if (options.lock) {
    const locked = await tx
      .selectFrom('custom_fields')
      .select('id')
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!locked) return undefined;
  }
  return (await fieldsQuery(tx).where('id', '=', id).executeTakeFirst()) as
    FieldWithOptions | undefined;
}

/** The organization's members in the order of their names: a member field's sort. */
export async function membersByName(tx: Tx): Promise<string[]> {
  const rows = await tx
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('m.user_id')
    .orderBy(sql`lower(u.name)`)
    .orderBy('m.user_id')
    .execute();
  return rows.map((row) => row.user_id);
}

/** The active field of a kind with this key: what list filters and sorts name. */
export async function findFieldByKey(
  tx: Tx,
  recordType: RecordType,
  key: string,
): Promise<FieldWithOptions | undefined> {
  return (await listFields(tx, { recordType })).find((field) => field.key === key);
}

export async function insertField(
  tx: Tx,
  actor: { orgId: string; userId: string },
  values: FieldWrite & {
    record_type: RecordType;
    key: string;
    label: string;
    field_type: CustomFieldType;
  },
): Promise<string> {
  forgetDefinitionsVersion(tx);
  const { default_value, ...rest } = values;
  const row = await tx
    .insertInto('custom_fields')
    .values({
      ...rest,
      default_value: default_value === undefined ? null : JSON.stringify(default_value),
      org_id: actor.orgId,
      created_by: actor.userId,
      // Last of its kind unless placed.
      position:
        values.position ??
        sql<number>`(SELECT coalesce(max(f.position) + 1, 0) FROM custom_fields f
          WHERE f.org_id = ${actor.orgId} AND f.record_type = ${values.record_type})`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateField(tx: Tx, id: string, values: FieldWrite): Promise<void> {
  forgetDefinitionsVersion(tx);
  const { default_value, ...given } = values;
  const rest = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
  const set = {
    ...rest,
    ...(default_value !== undefined && {
      default_value: default_value === null ? null : JSON.stringify(default_value),
    }),
  };
  if (Object.keys(set).length === 0) return;
  await tx.updateTable('custom_fields').set(set).where('id', '=', id).execute();
}

/**
 * Makes a select's options the given list, in its order: options named by id are renamed or
 * recoloured in place (their values untouched), new ones are added, and options left out are
 * removed with their values.
 */
export async function setOptions(
  tx: Tx,
  actor: { orgId: string; userId: string },
  fieldId: string,
  options: ReadonlyArray<{ id?: string; label: string; color?: string }>,
): Promise<void> {
  forgetDefinitionsVersion(tx);
  const kept = options.flatMap((option) => (option.id ? [option.id] : []));
  let removal = tx.deleteFrom('custom_field_options').where('field_id', '=', fieldId);
  if (kept.length > 0) removal = removal.where('id', 'not in', kept);
  await removal.execute();
  // A kept option whose label another option of the list takes first gets a label no other can
  // have (its id): the unique index on labels is checked row by row, so giving two options each
  // other's label, or a new option the old label of a renamed one, would collide halfway
  // although the list given is unique. Only those: every change of a label is in the trail.
  if (kept.length > 0) {
    const ids = options.map((option) => option.id ?? null);
    const labels = options.map((option) => option.label);
    await tx
      .updateTable('custom_field_options as o')
      .set({ label: sql<string>`o.id::text` })
      .where('o.field_id', '=', fieldId)
      .where('o.id', 'in', kept)
      .where(
        sql<boolean>`EXISTS (SELECT 1 FROM unnest(${ids}::uuid[], ${labels}::text[]) AS g(id, label)
          WHERE lower(g.label) = lower(o.label) AND g.id IS DISTINCT FROM o.id)`,
      )
      .execute();
  }
  for (const [position, option] of options.entries()) {
    if (option.id) {
      await tx
        .updateTable('custom_field_options')
        .set({ label: option.label, position, ...(option.color && { color: option.color }) })
        .where('field_id', '=', fieldId)
        .where('id', '=', option.id)
        .execute();
    } else {
      await tx
        .insertInto('custom_field_options')
        .values({
          org_id: actor.orgId,
          created_by: actor.userId,
          field_id: fieldId,
          label: option.label,
          position,
          ...(option.color && { color: option.color }),
        })
        .execute();
    }
  }
}

export type ValueRow = Pick<
  Selectable<CustomFieldValuesTable>,
  'record_id' | 'field_id' | ValueColumn
>;

/** The values of the given records (of the given fields), in option order for multi-selects. */
export function valuesOf(tx: Tx, recordIds: string[], fieldIds: string[]): Promise<ValueRow[]> {
  if (recordIds.length === 0 || fieldIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('custom_field_values')
    .select([
      'record_id',
      'field_id',
      'value_text',
      'value_long',
      'value_number',
      sql<string | null>`value_date::text`.as('value_date'),
      'value_time',
      'value_bool',
      'value_option',
      'value_member',
    ])
    .where('record_id', 'in', recordIds)
    .where('field_id', 'in', fieldIds)
    .orderBy('record_id')
    .orderBy('field_id')
    .orderBy('id')
    .execute() as Promise<ValueRow[]>;
}

/**
 * A record's stored values as `valuesJson` reads them: each value's field as its place (from 1)
 * in the fields the read was given and, in the same order, each value as text (a number as
 * PostgreSQL writes a double: every digit it holds).
 */
export type StoredValues = [fields: number[], values: string[]];

/** A value as text, whatever column but `value_long` holds it; dates as JSON writes them. */
const indexedValueText = sql<string>`coalesce(cv.value_text, cv.value_number::text,
  to_json(cv.value_date) #>> '{}', to_json(cv.value_time) #>> '{}', cv.value_bool::text,
  cv.value_option::text, cv.value_member::text)`;

/** A value as text, whatever column holds it. */
const valueText = sql<string>`coalesce(cv.value_long, ${indexedValueText})`;

/**
 * A record's values of the given fields as `StoredValues`, for the select list of the
 * statement that reads the record: a page then reads its values by the
 * `(org_id, record_id, field_id, value_option)` index in its own statement, not in one more
 * statement after it (whose thousand rows of ten columns cost more to send and parse than one
 * JSON text per record). Two arrays rather than a `[field id, value]` pair per value: building
 * a pair per value (`json_build_array`, then `to_json` per column) was most of the statement's
 * time for a page of 50 records with 20 values each, and the fields' ids most of its text.
 */
export function valuesJson(recordId: RawBuilder<unknown>, fieldIds: string[]) {
  const place = sql`array_position(${fieldIds}::uuid[], cv.field_id)`;
  return subquery
    .selectFrom('custom_field_values as cv')
    .select(
      sql<StoredValues | null>`json_build_array(json_agg(${place}), json_agg(${valueText}))`.as(
        'v',
      ),
    )
    .where(sql.ref('cv.record_id'), '=', recordId)
    .where('cv.field_id', 'in', fieldIds);
}

/**
 * The values of a list's page of the given fields, each record's as `StoredValues`, as one set
 * for `pageWith`: one scan of the `(org_id, record_id, field_id, value_option)` index for the
 * whole page, where `valuesJson` in the page's select list is a scan per record, and with it a
 * tenant check of the policy per record. The index carries every value but long text's
 * (migration 0048), so the values of the other fields are read from it alone; long text is
 * read from the table, by its fields' ids as a condition of the index, for those values only.
 */
export function valuesOfPage(
  orgId: string,
  fields: ReadonlyArray<Pick<FieldRow, 'id' | 'field_type'>>,
): PageSet {
  const fieldIds = fields.map((field) => field.id);
  const longIds = fields.filter((f) => f.field_type === 'long_text').map((f) => f.id);
  const shortIds = fieldIds.filter((id) => !longIds.includes(id));
  const place = sql`array_position(${fieldIds}::uuid[], cv.field_id)`;
  const records = sql`cv.org_id = ${orgId} AND cv.record_id = ANY(ARRAY(SELECT p.id FROM p))`;
  const short = sql`SELECT cv.record_id, ${place} AS place, ${indexedValueText} AS text
    FROM custom_field_values cv
    WHERE ${records} AND array_position(${shortIds}::uuid[], cv.field_id) IS NOT NULL`;
  const long = sql`SELECT cv.record_id, ${place} AS place, cv.value_long AS text
    FROM custom_field_values cv
    WHERE ${records} AND cv.field_id = ANY(${longIds}::uuid[])`;
  // A read only for the kinds of field the page shows.
  const values = sql.join(
    [...(shortIds.length ? [short] : []), ...(longIds.length ? [long] : [])],
    sql` UNION ALL `,
  );
  return {
    name: 'custom_values',
    rows: sql`SELECT cv.record_id AS key,
        json_build_array(json_agg(cv.place), json_agg(cv.text)) AS value
      FROM (${values}) cv
      GROUP BY cv.record_id`,
  };
}

/** The SQL type of each value column, as `replaceValues` sends it. */
const COLUMN_TYPES: Record<ValueColumn, string> = {
  value_text: 'text',
  value_long: 'text',
  value_number: 'float8',
  value_date: 'date',
  value_time: 'timestamptz',
  value_bool: 'bool',
  value_option: 'uuid',
  value_member: 'uuid',
};

/**
 * Replaces what the records hold for the fields with `rows` (one row per value). Each column
 * travels as one array, whatever the number of rows: a bulk edit or an import batch writes tens
 * of thousands of values, past the 65,535 parameters a statement may take (PostgreSQL counts
 * them in 16 bits, so 65,536 of them arrived as none).
 */
export async function replaceValues(
  tx: Tx,
  actor: Actor,
  recordIds: string[],
  fieldIds: string[],
  rows: ReadonlyArray<{ record_id: string; field_id: string; column: ValueColumn; value: unknown }>,
): Promise<void> {
  if (fieldIds.length === 0 || recordIds.length === 0) return;
  await tx
    .deleteFrom('custom_field_values')
    .where(sql<boolean>`record_id = ANY(${recordIds}::uuid[])`)
    .where(sql<boolean>`field_id = ANY(${fieldIds}::uuid[])`)
    .execute();
  if (rows.length === 0) return;
  const arrays = [
    sql`${rows.map((row) => row.record_id)}::uuid[]`,
    sql`${rows.map((row) => row.field_id)}::uuid[]`,
    ...VALUE_COLUMNS.map(
      (column) =>
        sql`${rows.map((row) => (row.column === column ? row.value : null))}::${sql.raw(COLUMN_TYPES[column])}[]`,
    ),
  ];
  const columns = ['record_id', 'field_id', ...VALUE_COLUMNS];
  await sql`INSERT INTO custom_field_values (org_id, created_by, ${sql.join(columns.map((c) => sql.ref(c)))})
    SELECT ${actor.orgId}::uuid, ${actor.userId}::uuid, v.*
    FROM unnest(${sql.join(arrays)}) AS v`.execute(tx);
}

/**
 * Gives `toRecordId` the values `fromRecordId` holds for `fieldId` (none, if it holds none),
 * in place of its own: how a merged record's chosen custom value reaches the survivor.
 */
export async function copyValues(
  tx: Tx,
  fieldId: string,
  fromRecordId: string,
  toRecordId: string,
): Promise<void> {
  await tx
    .deleteFrom('custom_field_values')
    .where('field_id', '=', fieldId)
    .where('record_id', '=', toRecordId)
    .execute();
  await tx
    .insertInto('custom_field_values')
    .columns(['org_id', 'record_id', 'field_id', 'created_by', ...VALUE_COLUMNS])
    .expression(
      tx
        .selectFrom('custom_field_values')
        .select([
          'org_id',
          sql<string>`${toRecordId}::uuid`.as('record_id'),
          'field_id',
          'created_by',
          ...VALUE_COLUMNS,
        ])
        .where('field_id', '=', fieldId)
        .where('record_id', '=', fromRecordId),
    )
    .execute();
}

/**
 * Clears the defaults of member fields that name `userId`: once that person has left, every
 * record created with the default would be refused as naming someone who is not a member.
 */
export async function clearMemberDefaults(tx: Tx, userId: string): Promise<void> {
  forgetDefinitionsVersion(tx);
  await tx
    .updateTable('custom_fields')
    .set({ default_value: null })
    .where('field_type', '=', 'member')
    .where(sql<string>`lower(default_value #>> '{}')`, '=', userId.toLowerCase())
    .execute();
}

/** Which of the given people are members of the organization. */
export async function membersAmong(tx: Tx, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await tx
    .selectFrom('memberships')
    .select('user_id')
    .where('user_id', 'in', userIds)
    .execute();
  return new Set(rows.map((row) => row.user_id));
}

/** Puts a field at `position` among the fields of its kind (archived ones included). */
export async function moveField(
  tx: Tx,
  field: { id: string; record_type: RecordType },
  position: number,
): Promise<void> {
  forgetDefinitionsVersion(tx);
  const rows = await tx
    .selectFrom('custom_fields')
    .select(['id', 'position'])
    .where('record_type', '=', field.record_type)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const order = rows.filter((row) => row.id !== field.id).map((row) => row.id);
  order.splice(Math.min(position, order.length), 0, field.id);
  for (const [index, id] of order.entries()) {
    if (rows.find((row) => row.id === id)?.position === index) continue;
    await tx.updateTable('custom_fields').set({ position: index }).where('id', '=', id).execute();
  }
}
