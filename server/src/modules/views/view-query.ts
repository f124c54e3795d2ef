import { sql } from 'kysely';
import { Type, type TObject, type TProperties } from 'typebox';
import { Value } from 'typebox/value';
import type { Database } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';
import { ValidationError, type FieldProblem } from '../../lib/errors.js';
import {
  activeFields,
  membersAmong,
  type CustomField,
} from '../custom-fields/custom-fields.service.js';
import {
  checkCustomSort,
  readCustomFilters,
  type ResolvedCondition,
} from '../custom-fields/custom-filters.js';
import { survivorsOf } from '../merge/merge.service.js';
import { LIST_QUERIES } from '../records/filters.js';
import type { RecordKind } from '../records/registry.js';

/**
 * What a saved view keeps of a list's query, checked against the kind's list query itself: a
 * filter the list query learns later (a custom field) is one a view can keep, and one it loses
 * (a field archived) is reported on the view instead of failing the list.
 */

/** The list query's parameters that page a list rather than choose its rows. */
const PAGING = new Set(['limit', 'cursor', 'count', 'sort']);

const filterSchemas = new Map<RecordKind, TObject>();

/** The filters a kind's list takes, as a JSON object (what a bulk action's `filter` takes). */
export function filterSchema(kind: RecordKind): TObject {
  let schema = filterSchemas.get(kind);
  if (!schema) {
    const properties: TProperties = Object.fromEntries(
      Object.entries(LIST_QUERIES[kind].properties).filter(([name]) => !PAGING.has(name)),
    );
    schema = Type.Object(properties, { additionalProperties: false });
    filterSchemas.set(kind, schema);
  }
  return schema;
}

/** Whether the kind's list takes this sort (`name`, `-created_at`, `cf.<key>`). */
export function isSortOf(kind: RecordKind, sort: string): boolean {
  return Value.Check(LIST_QUERIES[kind].properties.sort, sort);
}

/** The sorts of the kind's own fields, to name in a refusal. */
export function sortChoices(kind: RecordKind): readonly string[] {
  const sort = LIST_QUERIES[kind].properties.sort as unknown as { anyOf?: { enum?: string[] }[] };
  return sort.anyOf?.flatMap((choice) => choice.enum ?? []) ?? [];
}

/** Each filter the kind's list would refuse, named `filter.<name>`. */
export function filterShapeProblems(kind: RecordKind, filter: object): FieldProblem[] {
  const schema = filterSchema(kind);
  if (Value.Check(schema, filter)) return [];
  const problems = new Map<string, string>();
  for (const error of Value.Errors(schema, filter)) {
    const extra = (error.params as { additionalProperties?: string[] }).additionalProperties;
    if (error.keyword === 'additionalProperties' && extra) {
      for (const name of extra) problems.set(name, 'is not a filter of this list');
      continue;
    }
    const name = error.instancePath.split('/')[1] ?? '';
    if (!problems.has(name)) problems.set(name, error.message);
  }
  return [...problems].map(([name, message]) => ({
    field: name ? `filter.${name}` : 'filter',
    message,
  }));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The filters that name a record: where it is, what a person calls it, and whether it may have
 * been merged into another.
 */
const REFERENCES: Record<
  string,
  { table: keyof Database; column: string; what: string; merges?: true }
> = {
  owner_id: { table: 'memberships', column: 'user_id', what: 'member' },
  team_id: { table: 'teams', column: 'id', what: 'team' },
  tag_id: { table: 'tags', column: 'id', what: 'tag' },
  account_id: { table: 'accounts', column: 'id', what: 'account', merges: true },
  contact_id: { table: 'contacts', column: 'id', what: 'contact', merges: true },
  pipeline_id: { table: 'pipelines', column: 'id', what: 'pipeline' },
  stage_id: { table: 'pipeline_stages', column: 'id', what: 'stage' },
};

/** The filter's references that are ids at all, `[name, id]`; only those that merge when asked. */
function referencesOf(filter: object, merging = false): Array<[string, string]> {
  return Object.entries(filter).filter((entry): entry is [string, string] => {
    const reference = REFERENCES[entry[0]];
    // A value that is no id at all is already a problem of the filter's shape.
    return (
      reference !== undefined &&
      (!merging || reference.merges === true) &&
      typeof entry[1] === 'string' &&
      UUID.test(entry[1])
    );
  });
}

/**
 * Each filter with each record that was merged into another replaced by the one it was merged
 * into: the view goes on showing what it showed, as the merged record's address leads to the
 * survivor, rather than nothing. One statement for all the filters, however many.
 */
export async function followMerges<F extends object>(tx: Tx, filters: readonly F[]): Promise<F[]> {
  const ids = filters.flatMap((filter) => referencesOf(filter, true).map(([, id]) => id));
  const survivors = await survivorsOf(tx, [...new Set(ids.map((id) => id.toLowerCase()))]);
  return filters.map((filter) => {
    let followed = filter;
    for (const [name, id] of referencesOf(filter, true)) {
      const survivor = survivors.get(id.toLowerCase());
      if (survivor) followed = { ...followed, [name]: survivor };
    }
    return followed;
  });
}

/**
 * Which of the records the filters name this organization still has, as `<name>:<id>`: one
 * statement for all of them, a UNION ALL of one read per kind of reference.
 */
async function existingReferences(tx: Tx, filters: readonly object[]): Promise<Set<string>> {
  const wanted = new Map<string, Set<string>>();
  for (const filter of filters) {
    for (const [name, id] of referencesOf(filter)) {
      const ids = wanted.get(name) ?? new Set<string>();
      wanted.set(name, ids.add(id.toLowerCase()));
    }
  }
  const reads = [...wanted].map(([name, ids]) => {
    const reference = REFERENCES[name]!;
    return tx
      .selectFrom(reference.table as 'tags')
      .select([sql.lit(name).as('name'), sql<string>`${sql.ref(reference.column)}::text`.as('id')])
      .where(reference.column as 'id', 'in', [...ids]);
  });
  const [first, ...rest] = reads;
  if (!first) return new Set();
  const rows = await rest.reduce((union, read) => union.unionAll(read), first).execute();
  return new Set(rows.map((row) => `${row.name}:${row.id}`));
}

/**
 * The filters naming a record this organization no longer has (a deleted tag, a member who
 * left): the list runs with them and shows nothing, which would look like an empty list.
 */
function missingReferences(filter: object, existing: ReadonlySet<string>): FieldProblem[] {
  return referencesOf(filter)
    .filter(([name, id]) => !existing.has(`${name}:${id.toLowerCase()}`))
    .map(([name]) => ({
      field: `filter.${name}`,
      message: `the ${REFERENCES[name]!.what} no longer exists`,
    }));
}

/** A view's custom field conditions (`filter.cf`), those that are text. */
function conditionsOf(filter: object): string[] {
  const { cf } = filter as { cf?: unknown };
  return Array.isArray(cf) ? cf.filter((c): c is string => typeof c === 'string') : [];
}

/**
 * The custom field conditions (`filter.cf`) and custom sort (`sort`) the kind's list would
 * refuse, by the list's own reading of them: a field that is not one of the kind's active
 * fields (never was, or archived since), or a value the field cannot hold.
 */
function customFieldProblems(
  filter: object,
  sort: string | null | undefined,
  fields: readonly CustomField[],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const check = (field: string, read: () => void) => {
    try {
      read();
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const [first] = (error.details as { fields: FieldProblem[] }).fields;
      problems.push({ field, message: first?.message ?? error.message });
    }
  };
  for (const condition of conditionsOf(filter))
    check('filter.cf', () => readCustomFilters([condition], fields));
  if (sort) check('sort', () => checkCustomSort(sort, fields));
  return problems;
}

/** The member field conditions of a filter: the field's label and the people they name. */
function memberConditions(
  filter: object,
  fields: readonly CustomField[],
): Array<{ label: string; people: string[] }> {
  return conditionsOf(filter).flatMap((condition) => {
    let resolved: ResolvedCondition | undefined;
    try {
      [resolved] = readCustomFilters([condition], fields);
    } catch (error) {
      // A condition the list would refuse is a problem of customFieldProblems already.
      if (error instanceof ValidationError) return [];
      throw error;
    }
    if (resolved?.column !== 'value_member') return [];
    const field = fields.find((candidate) => candidate.id === resolved.fieldId);
    return [{ label: `${field?.label}`, people: resolved.values as string[] }];
  });
}

/** A saved view's query, as it is kept or as it is about to be. */
export interface SavedQuery {
  kind: RecordKind;
  filter: object;
  sort?: string | null;
}

/** What of a saved query no longer holds, or would not, by what makes it so. */
export interface QueryProblems {
  /** The filters the kind's list would refuse, named `filter.<name>`. */
  shape: FieldProblem[];
  /** The references to a record this organization no longer has. */
  missing: FieldProblem[];
  /** The custom field conditions and custom sort the kind's list would refuse. */
  custom: FieldProblem[];
  /**
   * The member field conditions naming someone who is no longer a member: like a filter by an
   * owner who left, the list runs with them and shows nothing, which would look like an empty
   * list.
   */
  departed: FieldProblem[];
}

/**
 * The problems of each query, read together: the records they name by one statement, the
 * fields of each kind once, the members their member conditions name by one statement, so that
 * a list of views costs the same statements whatever the number of views.
 */
export async function queryProblems(
  tx: Tx,
  queries: readonly SavedQuery[],
): Promise<QueryProblems[]> {
  const existing = await existingReferences(
    tx,
    queries.map((query) => query.filter),
  );
  const fields = new Map<RecordKind, readonly CustomField[]>();
  for (const kind of new Set(queries.map((query) => query.kind)))
    fields.set(kind, await activeFields(tx, kind));
  const named = queries.map((query) => memberConditions(query.filter, fields.get(query.kind)!));
  const people = new Set(named.flatMap((conditions) => conditions.flatMap((c) => c.people)));
  const members = await membersAmong(tx, [...people]);
  return queries.map((query, at) => ({
    shape: filterShapeProblems(query.kind, query.filter),
    missing: missingReferences(query.filter, existing),
    custom: customFieldProblems(query.filter, query.sort, fields.get(query.kind)!),
    departed: named[at]!.filter((condition) =>
      condition.people.some((person) => !members.has(person)),
    ).map((condition) => ({
      field: 'filter.cf',
      message: `"${condition.label}" names someone who is no longer a member`,
    })),
  }));
}
