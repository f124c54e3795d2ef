import { Type, type TObject, type TProperties } from 'typebox';
import { Value } from 'typebox/value';
import type { Database } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';
import { ValidationError, type FieldProblem } from '../../lib/errors.js';
import { activeFields, membersAmong } from '../custom-fields/custom-fields.service.js';
import { resolveCustomFilters, resolveCustomSort } from '../custom-fields/custom-filters.js';
import { survivorOf } from '../merge/merge.service.js';
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

/**
 * The filter with each record that was merged into another replaced by the one it was merged
 * into: the view goes on showing what it showed, as the merged record's address leads to the
 * survivor, rather than nothing.
 */
export async function followMerges<F extends object>(tx: Tx, filter: F): Promise<F> {
  let followed = filter;
  for (const [name, value] of Object.entries(filter)) {
    if (!REFERENCES[name]?.merges || typeof value !== 'string' || !UUID.test(value)) continue;
    const survivor = await survivorOf(tx, value);
    if (survivor) followed = { ...followed, [name]: survivor };
  }
  return followed;
}

/**
 * The filters naming a record this organization no longer has (a deleted tag, a member who
 * left): the list runs with them and shows nothing, which would look like an empty list.
 */
export async function missingReferences(tx: Tx, filter: object): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  for (const [name, value] of Object.entries(filter)) {
    const reference = REFERENCES[name];
    // A value that is no id at all is already a problem of the filter's shape.
    if (!reference || typeof value !== 'string' || !UUID.test(value)) continue;
    const found = await tx
      .selectFrom(reference.table as 'tags')
      .select('org_id')
      .where(reference.column as 'id', '=', value)
      .executeTakeFirst();
    if (!found)
      problems.push({ field: `filter.${name}`, message: `the ${reference.what} no longer exists` });
  }
  return problems;
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
export async function customFieldProblems(
  tx: Tx,
  kind: RecordKind,
  filter: object,
  sort: string | null | undefined,
): Promise<FieldProblem[]> {
  const conditions = conditionsOf(filter);
  const problems: FieldProblem[] = [];
  const check = async (field: string, read: () => Promise<unknown>) => {
    try {
      await read();
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const [first] = (error.details as { fields: FieldProblem[] }).fields;
      problems.push({ field, message: first?.message ?? error.message });
    }
  };
  for (const condition of conditions)
    await check('filter.cf', () => resolveCustomFilters(tx, kind, [condition]));
  if (sort) await check('sort', () => resolveCustomSort(tx, kind, sort));
  return problems;
}

/**
 * The member field conditions naming someone who is no longer a member: like a filter by an
 * owner who left, the list runs with them and shows nothing, which would look like an empty list.
 */
export async function departedMemberProblems(
  tx: Tx,
  kind: RecordKind,
  filter: object,
): Promise<FieldProblem[]> {
  const conditions = conditionsOf(filter);
  const fields = await activeFields(tx, kind);
  const problems: FieldProblem[] = [];
  for (const condition of conditions) {
    // A condition the list would refuse is a problem of customFieldProblems already.
    const [resolved] = await resolveCustomFilters(tx, kind, [condition], fields).catch(
      (error: unknown) => {
        if (error instanceof ValidationError) return [];
        throw error;
      },
    );
    if (resolved?.column !== 'value_member') continue;
    const people = resolved.values as string[];
    const members = await membersAmong(tx, people);
    if (people.every((person) => members.has(person))) continue;
    const field = fields.find((candidate) => candidate.id === resolved.fieldId);
    problems.push({
      field: 'filter.cf',
      message: `"${field?.label}" names someone who is no longer a member`,
    });
  }
  return problems;
}
