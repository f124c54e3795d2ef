import { sql, type RawBuilder } from 'kysely';
import { Type } from 'typebox';
import type { RecordType } from '../../db/schema.js';
import { subquery, type Tx } from '../../db/tenant.js';
import { invalidField } from '../../lib/errors.js';
import type { AnyQuery, FilterUse, ValueSort } from '../../lib/list-query.js';
import * as repo from './custom-fields.repo.js';
import { parseValue } from './custom-values.js';

/**
 * Lists filtered by custom fields. Every condition is a semi-join on the values, read by the
 * typed value's index `(org_id, field_id, value_<type>, record_id)` or the record's
 * `(org_id, record_id, field_id, value_option)`: plain, leakproof comparisons that stay index
 * conditions beneath the tenant policy (docs/decisions/0008-custom-field-storage.md).
 */

const OPERATORS = ['eq', 'gte', 'lte', 'any', 'empty', 'not_empty'] as const;
type Operator = (typeof OPERATORS)[number];

/** The query parameter: `cf=<key>:<operator>[:<value>]`, repeated for several conditions. */
export const CustomFieldFilter = Type.Array(
  Type.String({
    maxLength: 2000,
    pattern: `^[a-z][a-z0-9_]{0,49}:(${OPERATORS.join('|')})(:.*)?$`,
  }),
  {
    maxItems: 20,
    description:
      "Custom field conditions, each `<key>:<operator>[:<value>]`, all of which must hold; may repeat: `?cf=region:any:<option id>,<option id>&cf=score:gte:10`. Operators: `eq` (equals), `gte` and `lte` (at least, at most: numbers, amounts, dates, date-times, text), `any` (one of, comma-separated; in a value a comma is written `\\,` and a backslash `\\\\`: `?cf=city:any:Paris\\, France,Lyon`), `empty`, `not_empty`. Values are written as in the record's `custom_fields`; a select's are option ids.",
    examples: [['region:eq:0f8fad5b-d9cb-469f-a165-70867728950e']],
  },
);

/** A condition read and checked against the field's definition. */
export interface ResolvedCondition {
  fieldId: string;
  column: repo.ValueColumn;
  operator: Operator;
  values: unknown[];
  /** A range that many records are in (`measureRanges`): a page walks its own order. */
  wide?: boolean;
}

/** Filters whose `cf` has been resolved: what `applyCustomFilters` takes. */
export interface ResolvedCustomFilters {
  resolved: ResolvedCondition[];
}

const COMPARABLE = new Set([
  'number',
  'money',
  'date',
  'datetime',
  'text',
  'url',
  'email',
  'phone',
]);

function refuse(message: string): never {
  throw invalidField('cf', message, 'malformed');
}

/** One condition's value as the field stores it: refused as the query's `cf` when it is not. */
function valueOf(field: repo.FieldWithOptions, text: string): unknown {
  const raw =
    field.field_type === 'number' || field.field_type === 'money'
      ? text.trim() === ''
        ? NaN
        : Number(text)
      : field.field_type === 'checkbox'
        ? text === 'true'
          ? true
          : text === 'false'
            ? false
            : text
        : text;
  const parsed = parseValue({ ...field, required: true }, raw, 'cf');
  if ('problem' in parsed) refuse(parsed.problem.message);
  return parsed.values[0];
}

/**
 * The values of `any`, comma-separated: a comma inside a value is written `\,` and a backslash
 * `\\`, so that text holding commas can be matched; a backslash before anything else is itself.
 */
function valuesOfAny(text: string): string[] {
  const values = [''];
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at]!;
    const next = text[at + 1];
    if (char === '\\' && (next === ',' || next === '\\')) {
      values[values.length - 1] += next;
      at += 1;
    } else if (char === ',') values.push('');
    else values[values.length - 1] += char;
  }
  return values;
}

/**
 * Reads the `cf` conditions of a list's query against the kind's active fields (`fields` when
 * the caller has read them already: a page reads them once).
 */
export async function resolveCustomFilters(
  tx: Tx,
  kind: RecordType,
  conditions: readonly string[] | undefined,
  known?: readonly repo.FieldWithOptions[],
): Promise<ResolvedCondition[]> {
  if (!conditions?.length) return [];
  return readCustomFilters(conditions, known ?? (await repo.listFields(tx, { recordType: kind })));
}

/**
 * `resolveCustomFilters` against fields already read: what reads the conditions of many saved
 * views against the fields read once for all of them.
 */
export function readCustomFilters(
  conditions: readonly string[],
  fields: readonly repo.FieldWithOptions[],
): ResolvedCondition[] {
  return conditions.map((condition) => {
    const [key, operator, ...rest] = condition.split(':') as [string, Operator, ...string[]];
    const text = rest.join(':');
    const field = fields.find((f) => f.key === key);
    if (!field) refuse(`"${key}" is not a custom field of this kind of record`);
    const column = repo.VALUE_COLUMN[field.field_type];
    if (operator === 'empty' || operator === 'not_empty') {
      if (text !== '') refuse(`${operator} takes no value: "${key}:${operator}"`);
      return { fieldId: field.id, column, operator, values: [] };
    }
    if (field.field_type === 'long_text')
      refuse(`"${field.label}" is filtered by empty or not_empty`);
    if ((operator === 'gte' || operator === 'lte') && !COMPARABLE.has(field.field_type)) {
      refuse(`"${field.label}" has no order: use eq or any`);
    }
    const texts = operator === 'any' ? valuesOfAny(text) : [text];
    if (texts.length > 100) refuse('takes at most 100 values for any');
    const single =
      field.field_type === 'multi_select' ? { ...field, field_type: 'select' as const } : field;
    return { fieldId: field.id, column, operator, values: texts.map((t) => valueOf(single, t)) };
  });
}

type Ranged = Omit<ResolvedCondition, 'operator'> & { operator: Operator | 'between' };

/**
 * The conditions with a field's lower and upper bound as one range: one read of the values
 * between them, rather than of all values above the one and all below the other.
 */
function boundsTogether(conditions: readonly ResolvedCondition[]): Ranged[] {
  const upper = (lower: ResolvedCondition) =>
    conditions.find((c) => c.fieldId === lower.fieldId && c.operator === 'lte');
  return conditions.flatMap((condition): Ranged[] => {
    if (condition.operator === 'gte' && upper(condition)) {
      return [
        {
          ...condition,
          operator: 'between' as const,
          values: [condition.values[0], upper(condition)!.values[0]],
        },
      ];
    }
    const lower = conditions.find((c) => c.fieldId === condition.fieldId && c.operator === 'gte');
    return condition.operator === 'lte' && lower ? [] : [condition];
  });
}

/** The comparison of a condition's value (`cv.<column>`), or null when any value will do. */
function comparison(condition: Ranged): RawBuilder<boolean> | null {
  const value = sql.ref(`cv.${condition.column}`);
  const compared: Record<Operator | 'between', () => RawBuilder<boolean> | null> = {
    eq: () => sql<boolean>`${value} = ${condition.values[0]}`,
    gte: () => sql<boolean>`${value} >= ${condition.values[0]}`,
    lte: () => sql<boolean>`${value} <= ${condition.values[0]}`,
    between: () =>
      sql<boolean>`${value} >= ${condition.values[0]} AND ${value} <= ${condition.values[1]}`,
    any: () => sql<boolean>`${value} IN (${sql.join(condition.values)})`,
    not_empty: () => null,
    empty: () => null,
  };
  return compared[condition.operator]();
}

const RANGES = new Set<Ranged['operator']>(['gte', 'lte', 'between']);

/** Records in a range from this many on make it wide: a page walks its own order. */
export const WIDE_RANGE = 1000;

/**
 * Marks the ranges that many records are in, counted from the value's index up to
 * `WIDE_RANGE` (an index-only read of at most that many entries). The planner cannot tell: one
 * table holds every field's values, and it takes a range of one field's numbers or dates for
 * its share of all values, most of which are other fields' and empty in that column (on
 * 100,000 leads, 2,369 records estimated for 20,100), so it reads the whole range and sorts it
 * where walking the page's order would stop after a few hundred records.
 */
export async function measureRanges(
  tx: Tx,
  conditions: readonly ResolvedCondition[],
): Promise<ResolvedCondition[]> {
  const wide = new Set<string>();
  for (const range of boundsTogether(conditions).filter((c) => RANGES.has(c.operator))) {
    const inRange = tx
      .selectFrom('custom_field_values as cv')
      .select(sql<number>`1`.as('one'))
      .where('cv.field_id', '=', range.fieldId)
      .where(comparison(range)!)
      .limit(WIDE_RANGE);
    const { count } = await tx
      .selectFrom(inRange.as('r'))
      .select(sql<number>`count(*)::int`.as('count'))
      .executeTakeFirstOrThrow();
    if (count >= WIDE_RANGE) wide.add(range.fieldId);
  }
  return conditions.map((condition) =>
    wide.has(condition.fieldId) && RANGES.has(condition.operator)
      ? { ...condition, wide: true }
      : condition,
  );
}

/**
 * The records of a list (over `alias`) that meet every condition; `use` says whether they are
 * read for a page or for the total.
 */
export function applyCustomFilters(
  query: AnyQuery,
  alias: string,
  conditions: readonly ResolvedCondition[],
  use?: FilterUse,
): AnyQuery {
  let q = query;
  const id = sql.ref(`${alias}.id`);
  for (const condition of boundsTogether(conditions)) {
    const values = subquery
      .selectFrom('custom_field_values as cv')
      .select(sql<number>`1`.as('one'))
      .where(sql.ref('cv.record_id'), '=', id)
      .where('cv.field_id', '=', condition.fieldId);
    const test = comparison(condition);
    const matching = test ? values.where(test) : values;
    // A correlated EXISTS leaves the planner both ways to read it, chosen by how many records
    // the condition matches: when many do, the page walks the records in its order and probes
    // each one's value by the (org_id, record_id, field_id) index, stopping with the page; when
    // few do, it reads them from the value's index and looks their records up. Read first as an
    // array of ids, a range matching 20,000 of 100,000 leads took 75 times the built-in range.
    // For a range the planner misjudges how many (`measureRanges`): a page of a wide one takes
    // the walk, which OFFSET 0 keeps the planner from turning into a join; its total still
    // reads the range, which counting every record needs anyway.
    const walk = use === 'page' && condition.wide;
    const records = sql<boolean>`EXISTS (${walk ? matching.offset(0) : matching})`;
    q = q.where(condition.operator === 'empty' ? sql<boolean>`NOT ${records}` : records);
  }
  return q;
}

/** `sort=cf.<key>` or `sort=-cf.<key>`: a list in the order of a custom field. */
export const CUSTOM_SORT = /^(-?)cf\.([a-z][a-z0-9_]{0,49})$/;

/** Fields with one value that has an order of its own. */
const SORTABLE = new Set([...COMPARABLE, 'checkbox']);

/**
 * The custom field a list's sort names, or undefined for a sort of the kind's own (`known`: the
 * kind's active fields, when the caller has read them already).
 */
export async function resolveCustomSort(
  tx: Tx,
  kind: RecordType,
  sort: string | undefined,
  known?: readonly repo.FieldWithOptions[],
): Promise<ValueSort | undefined> {
  const match = sort ? CUSTOM_SORT.exec(sort) : null;
  if (!match) return undefined;
  const field = sortableField(
    match[2]!,
    known
      ? known.find((candidate) => candidate.key === match[2])
      : await repo.findFieldByKey(tx, kind, match[2]!),
  );
  const ranked =
    field.field_type === 'select'
      ? field.options.map((option) => option.id)
      : field.field_type === 'member'
        ? await repo.membersByName(tx)
        : undefined;
  return {
    fieldId: field.id,
    column: repo.VALUE_COLUMN[field.field_type],
    descending: match[1] === '-',
    asText: field.field_type === 'date',
    ...(ranked && { ranked }),
  };
}

/**
 * Refuses a custom sort as `resolveCustomSort` would, against fields already read, without
 * reading the order of a member field's people that only the list itself needs.
 */
export function checkCustomSort(
  sort: string | null | undefined,
  fields: readonly repo.FieldWithOptions[],
): void {
  const match = sort ? CUSTOM_SORT.exec(sort) : null;
  if (match)
    sortableField(
      match[2]!,
      fields.find((candidate) => candidate.key === match[2]),
    );
}

/** The field a custom sort names, refused when it is none or has no order to sort by. */
function sortableField(
  key: string,
  field: repo.FieldWithOptions | undefined,
): repo.FieldWithOptions {
  if (!field)
    throw invalidField(
      'sort',
      `"${key}" is not a custom field of this kind of record`,
      'malformed',
    );
  if (field.field_type === 'multi_select') {
    throw invalidField(
      'sort',
      `"${field.label}" can hold several options, which give a record no one place: filter by it instead`,
      'malformed',
    );
  }
  // A select is ranked by its options' order, a member field by the people's names.
  const ranked = field.field_type === 'select' || field.field_type === 'member';
  if (!ranked && !SORTABLE.has(field.field_type)) {
    throw invalidField('sort', `"${field.label}" has no order to sort by`, 'malformed');
  }
  return field;
}
