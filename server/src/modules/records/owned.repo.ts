import { sql } from 'kysely';
import { orgOf, type Tx } from '../../db/tenant.js';
import {
  matchingText,
  runList,
  runListByValue,
  type AnyQuery,
  type FilterUse,
  type ListPage,
  type ListParams,
  type PageSet,
} from '../../lib/list-query.js';
import { applyKindFilters } from './filters.js';
import {
  measureRanges,
  resolveCustomFilters,
  resolveCustomSort,
} from '../custom-fields/custom-filters.js';
import {
  storedValuesOf,
  storedValuesOfPage,
  type CustomField,
  type StoredValues,
} from '../custom-fields/custom-fields.service.js';
import { lookupOf, RECORD_KINDS, type RecordKind, type RecordKindDefinition } from './registry.js';

/**
 * The SQL every kind of owned record shares, driven by its registry entry: its table, the
 * columns it is read with and which of them hold JSON.
 */

/** What every owned record has. */
/** What `rowVersion` reads: every record of every kind has one. */
export interface RowVersion {
  version: string;
}

export interface OwnedRow extends RowVersion {
  id: string;
  owner_id: string | null;
}

function definition(kind: RecordKind): RecordKindDefinition {
  return RECORD_KINDS[kind];
}

/**
 * A kind's columns, read from `table` (the list's alias, or the table's name in RETURNING),
 * with its lookups unless a page reads them as sets (`lookupsOfPage`).
 */
export function recordSelection(kind: RecordKind, table: string, lookups = true) {
  const def = definition(kind);
  return [
    ...def.columns.map((column) => sql.ref(`${table}.${column}`).as(column)),
    rowVersion(table),
    ...(def.computed?.(table) ?? []),
    ...(lookups ? (def.lookups ?? []).map((lookup) => lookupOf(lookup, table)) : []),
  ];
}

/** The kind's lookups for a page: each one read once for the page's rows (`pageWith`). */
function lookupsOfPage(tx: Tx, kind: RecordKind): PageSet[] {
  const lookups = definition(kind).lookups ?? [];
  const org = lookups.length > 0 ? orgOf(tx) : undefined;
  return lookups.map((lookup) => ({
    name: lookup.as,
    on: lookup.by,
    rows: sql`SELECT l.id AS key, ${sql.ref(`l.${lookup.value}`)} AS value
      FROM ${sql.table(lookup.table)} l
      WHERE l.org_id = ${org} AND l.id = ANY(ARRAY(SELECT ${sql.ref(`p.${lookup.by}`)} FROM p))`,
  }));
}

/**
 * A row's version: the count of its changes, which the database adds one to on every UPDATE
 * and not on a lock (migration 0051). Not the row's `xmin`: that counts the transactions of the
 * whole database, and would tell an organization how many writes the others made between two
 * of its own.
 */
export function rowVersion(table: string) {
  return sql<string>`${sql.ref(`${table}.row_version`)}::text`.as('version');
}

/** The values as the table stores them: objects of JSON columns as JSON text. */
function stored(kind: RecordKind, values: object): Record<string, unknown> {
  const row: Record<string, unknown> = { ...values };
  for (const column of definition(kind).json ?? []) {
    if (row[column] !== undefined) row[column] = JSON.stringify(row[column]);
  }
  return row;
}

/** The kind's table as `r`, named (not a raw reference) so that the organization pin sees it. */
function aliased(tx: Tx, kind: RecordKind): AnyQuery {
  return tx.selectFrom(`${definition(kind).table} as r` as 'leads') as AnyQuery;
}

/** The custom field conditions of a list's filters, read against the kind's fields. */
function customConditions(
  tx: Tx,
  kind: RecordKind,
  filters: Record<string, unknown>,
  fields?: readonly CustomField[],
) {
  return resolveCustomFilters(tx, kind, filters.cf as string[] | undefined, fields);
}

/** A listed record with the values of the fields the list was given (`listRecords`). */
export type WithStoredValues<Row> = Row & { custom_values?: StoredValues | null };

/**
 * A page of records. Given the kind's active `fields`, the page reads each record's values of
 * them in its own statement (`custom_values`), and its custom filters and sort read no fields
 * of their own; given `sets` (`tagsOfPage`), the statement reads those too. In the list's own
 * order the values are read as one set for the page (`pageWith`); in a custom field's order,
 * where the page is several statements, each record's by a sub-select.
 */
export async function listRecords<Row extends OwnedRow>(
  tx: Tx,
  kind: RecordKind,
  params: ListParams,
  filters: Record<string, unknown>,
  fields?: readonly CustomField[],
  sets: readonly PageSet[] = [],
): Promise<ListPage<WithStoredValues<Row>>> {
  const { list } = definition(kind);
  const conditions = await customConditions(tx, kind, filters, fields);
  const fieldIds = (fields ?? []).map((field) => field.id);
  const id = sql.ref(`${list.alias}.id`);
  const byValue = await resolveCustomSort(tx, kind, params.sort, fields);
  if (byValue) {
    const select = (query: AnyQuery) => {
      const selected = query.select(recordSelection(kind, list.alias));
      return fieldIds.length
        ? selected.select(storedValuesOf(id, fieldIds).as('custom_values'))
        : selected;
    };
    const filter = (query: AnyQuery) => applyKindFilters(query, kind, filters, conditions);
    return runListByValue<WithStoredValues<Row>>(tx, list, params, { select, filter }, byValue);
  }
  // In the list's own order a page may walk that order past a wide range's records.
  const custom = await measureRanges(tx, conditions);
  const filter = (query: AnyQuery, use?: FilterUse) =>
    applyKindFilters(query, kind, filters, custom, use);
  const select = (query: AnyQuery) => query.select(recordSelection(kind, list.alias, false));
  const all = [
    ...sets,
    ...lookupsOfPage(tx, kind),
    ...(fields?.length ? [storedValuesOfPage(orgOf(tx), fields)] : []),
  ];
  return runList<WithStoredValues<Row>>(tx, list, params, { select, filter, sets: all });
}

export function findRecord<Row extends OwnedRow>(
  tx: Tx,
  kind: RecordKind,
  id: string,
  options: { lock?: boolean } = {},
): Promise<Row | undefined> {
  let query = aliased(tx, kind).select(recordSelection(kind, 'r')).where(sql.ref('r.id'), '=', id);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst() as Promise<Row | undefined>;
}

/** Reads and locks the records of `ids` there are, in id order. */
export function lockRecordRows<Row extends OwnedRow>(
  tx: Tx,
  kind: RecordKind,
  ids: string[],
): Promise<Row[]> {
  return aliased(tx, kind)
    .select(recordSelection(kind, 'r'))
    .where(sql.ref('r.id'), 'in', ids)
    .orderBy(sql.ref('r.id'))
    .forUpdate()
    .execute() as Promise<Row[]>;
}

export function insertRecord<Row extends OwnedRow>(
  tx: Tx,
  kind: RecordKind,
  actor: { orgId: string; userId: string | null },
  values: object,
): Promise<Row> {
  const { table } = definition(kind);
  return tx
    .insertInto(table)
    .values({ ...stored(kind, values), org_id: actor.orgId, created_by: actor.userId } as never)
    .returning(recordSelection(kind, table))
    .executeTakeFirstOrThrow() as unknown as Promise<Row>;
}

export function updateRecord<Row extends OwnedRow>(
  tx: Tx,
  kind: RecordKind,
  id: string,
  values: object,
): Promise<Row | undefined> {
  const { table } = definition(kind);
  return tx
    .updateTable(table)
    .set(stored(kind, values) as never)
    .where('id', '=', id)
    .returning(recordSelection(kind, table))
    .executeTakeFirst() as unknown as Promise<Row | undefined>;
}

/** Gives the record a new version when what changed lives beside its row (tags, contacts). */
export function touchRecord<Row extends OwnedRow>(
  tx: Tx,
  kind: RecordKind,
  id: string,
): Promise<Row> {
  const { table } = definition(kind);
  return tx
    .updateTable(table)
    .set({ updated_at: sql`now()` } as never)
    .where('id', '=', id)
    .returning(recordSelection(kind, table))
    .executeTakeFirstOrThrow() as unknown as Promise<Row>;
}

export async function deleteRecords(tx: Tx, kind: RecordKind, ids: string[]): Promise<number> {
  const result = await tx
    .deleteFrom(definition(kind).table)
    .where('id', 'in', ids)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export interface LockedRecord extends OwnedRow {
  /** What a person calls the record: a lead's or contact's full name, an account's or deal's name. */
  name: string;
}

/** Which records a bulk action takes: the ones named, or at most `limit` matching a list's filters. */
export type RecordSelection =
  { ids: string[] } | { filters: { q?: string } & Record<string, unknown>; limit: number };

/**
 * Locks the records of this organization that `selection` names. In id order, so that two bulk
 * actions over overlapping records queue behind each other instead of deadlocking.
 */
export async function lockRecords(
  tx: Tx,
  kind: RecordKind,
  selection: RecordSelection,
): Promise<LockedRecord[]> {
  const def = definition(kind);
  const { alias } = def.list;
  const ref = (column: string) => sql.ref(`${alias}.${column}`);
  let query = tx.selectFrom(`${def.table} as ${alias}` as 'leads') as AnyQuery;
  if ('ids' in selection) {
    query = query.where(ref('id'), 'in', selection.ids);
  } else {
    const { q, ...filters } = selection.filters;
    query = applyKindFilters(query, kind, filters, await customConditions(tx, kind, filters));
    if (q?.trim()) query = matchingText(query, alias, kind, q);
    query = query.limit(selection.limit);
  }
  return query
    .select([
      sql<string>`${ref('id')}`.as('id'),
      sql<string | null>`${ref('owner_id')}`.as('owner_id'),
      rowVersion(alias),
      def.title(alias).as('name'),
    ])
    .orderBy(ref('id'))
    .forUpdate()
    .execute() as unknown as LockedRecord[];
}

export async function setOwner(
  tx: Tx,
  kind: RecordKind,
  ids: string[],
  ownerId: string | null,
): Promise<void> {
  await tx
    .updateTable(definition(kind).table)
    .set({ owner_id: ownerId })
    .where('id', 'in', ids)
    .execute();
}
