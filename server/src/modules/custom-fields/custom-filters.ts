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
  /** For a range, how many records are in it, when many are (`measureRanges`). */
  breadth?: Breadth;
}

/**
 * `wide`: from `WIDE` records, read once as a set that the page's walk of its own order looks
 * each record up in; `vast`: from `VAST` records, so many that reading them all costs more than
 * probing each record the walk passes (about 50 / share of the records) for its value.
 */
type Breadth = 'wide' | 'vast';

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

/** Records in a range from this many on make it wide (`Breadth`). */
export const WIDE = 1000;
/** And from this many on, vast. */
export const VAST = 2500;

/**
 * Marks the ranges many records are in, counted from the value's index up to `VAST` (an
 * index-only read of at most that many entries each, all in one statement). The planner cannot
 * tell: one table holds every field's values, and it takes a range of one field's numbers or
 * dates for its share of all values, most of which are other fields' and empty in that column
 * (on 100,000 leads, 2,369 records estimated for 20,100), so it reads the whole range and sorts
 * it where walking the page's order would stop after a few hundred records. Equality and
 * any-of are left to the planner, whose dependency statistics (migration 0039) hold for them
 * on large organizations: counting them too cost the statement and, for an organization where
 * a thousand of a hundred thousand records meet the condition, a walk of thousands (an any-of
 * on 100,000 leads went from 1.2 to 1.7 times the built-in filter).
 */
export async function measureRanges(
  tx: Tx,
  conditions: readonly ResolvedCondition[],
): Promise<ResolvedCondition[]> {
  const measured = boundsTogether(conditions).filter(isRange);
  if (measured.length === 0) return [...conditions];
  const counts = await tx
    .selectNoFrom(
      measured.map((condition, index) =>
        tx
          .selectFrom(
            valuesMeeting(condition)
              .select(sql<number>`1`.as('one'))
              .limit(VAST)
              .as('m'),
          )
          .select(sql<number>`count(*)::int`.as('count'))
          .as(`c${index}`),
      ),
    )
    .executeTakeFirstOrThrow();
  // A range's two bounds are measured as one, under its field.
  const breadth = new Map<string, Breadth>();
  measured.forEach((range, index) => {
    const count = (counts as Record<string, number>)[`c${index}`]!;
    const of = count >= VAST ? 'vast' : count >= WIDE ? 'wide' : undefined;
    if (of) breadth.set(range.fieldId, of);
  });
  return conditions.map((condition) => {
    const of = isRange(condition) ? breadth.get(condition.fieldId) : undefined;
    return of ? { ...condition, breadth: of } : condition;
  });
}

const RANGES = new Set<Ranged['operator']>(['gte', 'lte', 'between']);

function isRange(condition: Ranged): boolean {
  return RANGES.has(condition.operator);
}

/** The values of the condition's field that meet it, as `cv`, for the list's own query. */
function valuesMeeting(condition: Ranged) {
  const values = subquery
    .selectFrom('custom_field_values as cv')
    .where('cv.field_id', '=', condition.fieldId);
  const test = comparison(condition);
  return test ? values.where(test) : values;
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
    const meeting = valuesMeeting(condition);
    // A correlated EXISTS leaves the planner both ways to read it, chosen by how many records
    // it expects the condition to hold for: when many, the page walks the records in its order
    // and probes each one's value by the (org_id, record_id, field_id) index, stopping with the
    // page; when few, it reads them from the value's index and looks their records up. Read
    // first as an array of ids, a range matching 20,000 of 100,000 leads took 75 times the
    // built-in range. The planner misjudges a range (`measureRanges`), so its page takes
    // the way the count chooses: for a wide range its records are read once into a hash
    // (`IN` kept a sub-plan, not a join, by `IS TRUE`) that the walk looks each record up in;
    // for a vast one the walk probes each record, which OFFSET 0 keeps the planner from
    // turning into a join. A probe is a sub-plan run again, with the policy's tenant check: on
    // 5,000 leads a page of a range of a fifth of them took 3.1 ms probing, 1.0 ms hashed. The
    // total still reads every record the condition holds for, which counting them needs anyway.
    const breadth = use === 'page' ? condition.breadth : undefined;
    const probe = meeting.select(sql<number>`1`.as('one')).where(sql.ref('cv.record_id'), '=', id);
    const met =
      breadth === 'wide'
        ? sql<boolean>`(${id} IN (${meeting.select('cv.record_id').offset(0)})) IS TRUE`
        : sql<boolean>`EXISTS (${breadth === 'vast' ? probe.offset(0) : probe})`;
    q = q.where(condition.operator === 'empty' ? sql<boolean>`NOT ${met}` : met);
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
