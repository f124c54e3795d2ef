import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { Database, RecordType } from '../db/schema.js';
import type { Tx } from '../db/tenant.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { isRowId, isSortValue, sortValueOfColumn, type SortValue } from './list-cursor.js';
import { invalidField } from './errors.js';
import { searchWords, termMatches } from './search-terms.js';

/**
 * Lists of CRM records: keyset (cursor) pagination that stays stable while rows are inserted,
 * a whitelist of sort fields, a text query backed by the search index, and an optional total.
 */

export const MAX_LIMIT = 200;

export interface ListParams {
  limit?: number;
  cursor?: string;
  /** A sort field, `-` in front for descending: `-created_at`, `name`. */
  sort?: string;
  q?: string;
  count?: boolean;
}

export interface ListPage<Row> {
  data: Row[];
  next_cursor: string | null;
  total?: number;
}

export interface SortField {
  /** Column of the listed table (qualified by the list's alias). */
  column: string;
  /** Nullable columns sort their empty values last in both directions. */
  nullable?: boolean;
  /** A text column whose values have an order of their own (`low` < `urgent`): lowest first. */
  ranking?: readonly string[];
}

export interface ListDefinition {
  table: keyof Database;
  /** Alias the base query gives the table, e.g. `l` for `leads as l`. */
  alias: string;
  /** For the text query `q`. */
  recordType?: RecordType;
  sorts: Record<string, SortField>;
  defaultSort: string;
}

// The engine works for any table, so it sees the builder without its row type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyQuery = SelectQueryBuilder<Database, any, any>;

interface Cursor {
  /** The last row's sort value (ISO string for timestamps), null when empty. */
  v: string | number | null;
  id: string;
  /** The sort the list was in, as asked (`-created_at`, `cf.tier`). */
  s: string;
}

/** The sort a list is in, as its cursor names it: the one asked for, or the kind's default. */
function sortAsked(definition: ListDefinition, params: ListParams): string {
  return params.sort ?? definition.defaultSort;
}

/**
 * A cursor the list gives in the sort `sort`, whose values are `value` (`nullable`: rows may
 * have none): anything else is a 400 naming `cursor` before the database sees it. A value of
 * another type would fail in PostgreSQL; a cursor of another sort, even one whose values have
 * the same type, is a place in another order, and the page after it would skip or repeat rows.
 */
function readCursor(
  raw: string,
  sort: string,
  value: SortValue | undefined,
  nullable: boolean,
): Cursor {
  const cursor = decodeCursor(raw, (decoded) => {
    const { v, id, s } = decoded as Cursor;
    const validValue = v === null ? nullable : value !== undefined && isSortValue(v, value);
    return validValue && isRowId(id) && typeof s === 'string' ? { v, id, s } : undefined;
  });
  if (cursor.s !== sort) {
    throw invalidField(
      'cursor',
      `was returned for another sort (${cursor.s.slice(0, 60)}): ask for the first page again`,
      'malformed',
    );
  }
  return cursor;
}

/** The cursor of a list in the order of one of its own fields. */
async function fieldCursor(
  tx: Tx,
  definition: ListDefinition,
  params: ListParams & { cursor: string },
  field: SortField,
): Promise<Cursor> {
  const value: SortValue | undefined = field.ranking
    ? { type: 'rank', count: field.ranking.length }
    : await sortValueOfColumn(tx, definition.table, field.column);
  return readCursor(
    params.cursor,
    sortAsked(definition, params),
    value,
    Boolean(field.nullable || field.ranking),
  );
}

/** The cursor of a list in the order of a custom field: a record without a value has null. */
async function valueCursor(
  tx: Tx,
  definition: ListDefinition,
  params: ListParams & { cursor: string },
  by: ValueSort,
): Promise<Cursor> {
  const value: SortValue | undefined = by.asText
    ? { type: 'day' }
    : await sortValueOfColumn(tx, 'custom_field_values', by.column);
  return readCursor(params.cursor, sortAsked(definition, params), value, true);
}

function parseSort(
  definition: ListDefinition,
  raw: string | undefined,
): { field: SortField; name: string; descending: boolean } {
  const spec = raw ?? definition.defaultSort;
  const descending = spec.startsWith('-');
  const name = descending ? spec.slice(1) : spec;
  const field = definition.sorts[name];
  if (!field) {
    throw invalidField(
      'sort',
      `must be one of ${Object.keys(definition.sorts)
        .map((s) => `${s}, -${s}`)
        .join(', ')}`,
      'malformed',
    );
  }
  return { field, name, descending };
}

/** Rows after the cursor in (sort value, id) order; empty values come last. */
function afterCursor(
  query: AnyQuery,
  col: RawBuilder<unknown>,
  idColumn: string,
  descending: boolean,
  nullable: boolean,
  cursor: Cursor,
): AnyQuery {
  const id = sql.ref(idColumn);
  const beyond = descending ? sql.raw('<') : sql.raw('>');
  if (cursor.v === null) {
    return query.where(sql<boolean>`${col} IS NULL AND ${id} ${beyond} ${cursor.id}`);
  }
  const past = sql<boolean>`(${col}, ${id}) ${beyond} (${cursor.v}, ${cursor.id})`;
  return query.where(nullable ? sql<boolean>`(${past} OR ${col} IS NULL)` : past);
}

/** Restricts a query to records matching every word of `q` (prefix match, index-backed). */
export function matchingText(
  query: AnyQuery,
  alias: string,
  recordType: RecordType,
  q: string,
): AnyQuery {
  const words = searchWords(q);
  let filtered = query;
  for (const word of words) {
    filtered = filtered.where(sql.ref(`${alias}.id`), 'in', termMatches(recordType, word));
  }
  return filtered;
}

/** A list's rows in its order, before paging: the filters, the text query `q` and the sort. */
interface OrderedList {
  /** The filtered rows, unordered (what a total counts). */
  filtered: AnyQuery;
  /** The value the rows sort by, then their id. */
  sortValue: RawBuilder<unknown>;
  idColumn: string;
  sort: ReturnType<typeof parseSort>;
  /** Puts a query over `filtered` in the list's order. */
  order: (query: AnyQuery) => AnyQuery;
  /** The same order over the page's rows named `p`, by their `__sort` and id. */
  pageOrder: RawBuilder<unknown>;
}

/** A list's rows after its filters and its text query `q`, unordered. */
function filteredList(
  tx: Tx,
  definition: ListDefinition,
  params: Pick<ListParams, 'q'>,
  filter: (query: AnyQuery) => AnyQuery,
): AnyQuery {
  const { alias } = definition;
  let filtered = filter(tx.selectFrom(`${definition.table} as ${alias}` as never) as AnyQuery);
  const q = params.q?.trim();
  if (q && definition.recordType)
    filtered = matchingText(filtered, alias, definition.recordType, q);
  return filtered;
}

function orderedList(
  tx: Tx,
  definition: ListDefinition,
  params: Pick<ListParams, 'sort' | 'q'>,
  filter: (query: AnyQuery) => AnyQuery,
): OrderedList {
  const sort = parseSort(definition, params.sort);
  const { alias } = definition;
  const filtered = filteredList(tx, definition, params, filter);
  const column = sql.ref(`${alias}.${sort.field.column}`);
  const sortValue = sort.field.ranking
    ? sql<unknown>`array_position(${[...sort.field.ranking]}::text[], ${column})`
    : sql<unknown>`${column}`;
  const idColumn = `${alias}.id`;

  const direction = sort.descending ? 'desc' : 'asc';
  // Only values that can be empty need putting last: on a NOT NULL column, NULLS LAST would
  // make `desc` disagree with the indexes' order, and every page would sort the whole tenant.
  const nullsLast = sort.field.nullable || sort.field.ranking ? sql` NULLS LAST` : sql``;
  const order = (query: AnyQuery) =>
    query
      .orderBy(sql`${sortValue} ${sql.raw(direction)}${nullsLast}`)
      .orderBy(sql.ref(idColumn), direction);
  const pageOrder = sql`p.__sort ${sql.raw(direction)}${nullsLast}, p.id ${sql.raw(direction)}`;
  return { filtered, sortValue, idColumn, sort, order, pageOrder };
}

/**
 * Every row of a list, in the list's order, as one statement: what an export of the list
 * streams. `select` picks the columns over the filtered rows.
 */
export function allOfList(
  tx: Tx,
  definition: ListDefinition,
  params: Pick<ListParams, 'sort' | 'q'>,
  build: { select: (query: AnyQuery) => AnyQuery; filter: (query: AnyQuery) => AnyQuery },
): AnyQuery {
  const list = orderedList(tx, definition, params, build.filter);
  return list.order(build.select(list.filtered));
}

/**
 * What a list's rows are read for: a page, which stops with its limit, or the total, which
 * counts every row. A filter may read the two differently (`applyCustomFilters`).
 */
export type FilterUse = 'page' | 'total';

/**
 * What a page reads of its records as one set (`pageWith`): `rows` gives `key` and `value`, at
 * most one row per value of the page's column `on` (its records' ids unless named), reading
 * the page from `p`; `empty` is the value of a record without one.
 */
export interface PageSet {
  name: string;
  rows: RawBuilder<unknown>;
  on?: string;
  empty?: RawBuilder<unknown>;
}

/**
 * A page's statement that reads each of `sets` once for the whole page and joins it to the
 * page's rows (`page`, its sort value as `__sort`, limited), which are read first (`WITH p AS
 * MATERIALIZED`) and given back in their `order` over `p`.
 * A sub-select per record would run again for each record, and with it the policy's tenant
 * check; so would a set joined as a sub-query, in a plan that loops over the page's rows. Each
 * set is a materialized CTE of its own: read once, whatever the plan.
 */
function pageWith(
  page: AnyQuery,
  order: RawBuilder<unknown>,
  sets: readonly PageSet[],
): RawBuilder<unknown> {
  const alias = (index: number) => sql.id(`s${index}`);
  const ctes = sets.map((set, index) => sql`, ${alias(index)} AS MATERIALIZED (${set.rows})`);
  const columns = sets.map((set, index) => {
    const value = sql.ref(`s${index}.value`);
    const shown = set.empty ? sql`coalesce(${value}, ${set.empty})` : sql`${value}`;
    return sql`, ${shown} AS ${sql.id(set.name)}`;
  });
  const joins = sets.map((set, index) => {
    const on = sql.ref(`p.${set.on ?? 'id'}`);
    return sql` LEFT JOIN ${alias(index)} ON ${sql.ref(`s${index}.key`)} = ${on}`;
  });
  return sql`WITH p AS MATERIALIZED (${page})${sql.join(ctes, sql``)}
    SELECT p.*${sql.join(columns, sql``)} FROM p${sql.join(joins, sql``)}
    ORDER BY ${order}`;
}

/**
 * Runs a list. `base` selects the rows of the page and `filtered` applies the caller's filters;
 * the same filters serve the total, told which of the two they read for; `sets`, when given,
 * are read with the page's rows in the same statement (`pageWith`).
 */
export async function runList<Row extends { id: string }>(
  tx: Tx,
  definition: ListDefinition,
  params: ListParams,
  build: {
    select: (query: AnyQuery) => AnyQuery;
    filter: (query: AnyQuery, use?: FilterUse) => AnyQuery;
    sets?: readonly PageSet[];
  },
): Promise<ListPage<Row>> {
  const limit = Math.min(Math.max(params.limit ?? 50, 1), MAX_LIMIT);
  const { filtered, sortValue, idColumn, sort, order, pageOrder } = orderedList(
    tx,
    definition,
    params,
    (query) => build.filter(query, 'page'),
  );

  let page = build.select(filtered).select(sortValue.as('__sort'));
  if (params.cursor) {
    page = afterCursor(
      page,
      sortValue,
      idColumn,
      sort.descending,
      Boolean(sort.field.nullable),
      await fieldCursor(tx, definition, { ...params, cursor: params.cursor }, sort.field),
    );
  }
  page = order(page).limit(limit + 1);
  const statement = build.sets?.length ? pageWith(page, pageOrder, build.sets) : undefined;

  const [rows, total] = await Promise.all([
    (statement
      ? // The page inside is compiled with the transaction's plugins already; the rest of the
        // statement names its organization itself.
        statement.execute(tx.withoutPlugins()).then((result) => result.rows)
      : page.execute()) as Promise<Array<Row & { __sort: unknown }>>,
    params.count
      ? (filteredList(tx, definition, params, (query) => build.filter(query, 'total'))
          .select(sql<number>`count(*)`.as('total'))
          .executeTakeFirstOrThrow() as Promise<{ total: number }>)
      : Promise.resolve(undefined),
  ]);

  const more = rows.length > limit;
  const visible = more ? rows.slice(0, limit) : rows;
  const last = visible.at(-1);
  const data = visible.map(({ __sort: _sort, ...row }) => row as unknown as Row);
  return {
    data,
    next_cursor:
      more && last
        ? encodeCursor({
            v:
              last.__sort instanceof Date
                ? last.__sort.toISOString()
                : (last.__sort as string | number | null),
            id: last.id,
            s: sortAsked(definition, params),
          } satisfies Cursor)
        : null,
    ...(total && { total: total.total }),
  };
}

/** A sort by a custom field: its typed value's column in `custom_field_values`. */
export interface ValueSort {
  fieldId: string;
  column: string;
  descending: boolean;
  /** A date's value read as text: no time zone may shift it in the cursor. */
  asText?: boolean;
  /**
   * The values in the order to list them, when it is not the values' own: a select's options
   * in the order the admin set, members by name. Ascending; reversed for a descending sort.
   */
  ranked?: readonly string[];
}

/**
 * Every row of a list in the order of a custom field, as `runListByValue` pages it: records
 * with a value by it (or its rank) then by id, then those without one by id. An export reads
 * them all, so one statement joins each record's value and sorts.
 */
export function allOfListByValue(
  tx: Tx,
  definition: ListDefinition,
  params: Pick<ListParams, 'q'>,
  build: { select: (query: AnyQuery) => AnyQuery; filter: (query: AnyQuery) => AnyQuery },
  by: ValueSort,
): AnyQuery {
  const { alias } = definition;
  const direction = sql.raw(by.descending ? 'DESC' : 'ASC');
  const id = sql.ref(`${alias}.id`);
  const value = sql.ref(`v.${by.column}`);
  const key = by.ranked
    ? sql`array_position(${[...by.ranked]}::text[], ${value}::text)`
    : by.asText
      ? sql`${value}::text`
      : sql`${value}`;
  // Each record with its value of the field the list is sorted by, if it has one.
  const joined = filteredList(tx, definition, params, build.filter).leftJoin(
    'custom_field_values as v',
    (join) =>
      join
        .onRef('v.org_id', '=', `${alias}.org_id` as never)
        .onRef('v.record_id', '=', `${alias}.id` as never)
        .on(sql.ref('v.field_id'), '=', by.fieldId),
  );
  return build
    .select(joined)
    .orderBy(sql`${value} IS NULL`)
    .orderBy(sql`${key} ${direction}`)
    .orderBy(sql`${id} ${direction}`);
}

/** A cursor's value as SQL compares it: booleans travel as text. */
function cursorValue(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return String(value);
  return value as string | number;
}

/**
 * Runs a list in the order of a custom field, read from the value's index: first the records
 * that have a value, walking `(org_id, field_id, value, record_id)` in order and joining each to
 * its record (the page stops the walk), then those without one, in id order. A sort over a
 * sub-select per record would read every record of the organization for each page.
 */
export async function runListByValue<Row extends { id: string }>(
  tx: Tx,
  definition: ListDefinition,
  params: ListParams,
  build: { select: (query: AnyQuery) => AnyQuery; filter: (query: AnyQuery) => AnyQuery },
  by: ValueSort,
): Promise<ListPage<Row>> {
  const limit = Math.min(Math.max(params.limit ?? 50, 1), MAX_LIMIT);
  const { alias } = definition;
  const filtered = filteredList(tx, definition, params, build.filter);
  const cursor = params.cursor
    ? await valueCursor(tx, definition, { ...params, cursor: params.cursor }, by)
    : undefined;
  const direction = by.descending ? 'desc' : 'asc';
  const beyond = sql.raw(by.descending ? '<' : '>');
  const id = sql.ref(`${alias}.id`);
  const value = sql.ref(`v.${by.column}`);
  const recordId = sql.ref('v.record_id');
  const sortValue = by.asText ? sql<unknown>`${value}::text` : sql<unknown>`${value}`;

  // The field's values in their index's order, each joined to its record by a lookup the
  // planner cannot turn into a join over all the organization's records (`OFFSET 0` keeps the
  // lateral sub-select apart): the page stops the walk. As a plain join, the planner took a
  // value's records to be one in ten of the organization's (one organization of ten in the
  // table, a guess it cannot correct across tables), expected to read them all for a page, and
  // on some statistics hashed and sorted every record of the organization instead.
  const joined = () =>
    build
      .select(
        tx
          .selectFrom('custom_field_values as v')
          .where('v.field_id', '=', by.fieldId)
          .innerJoinLateral(
            filtered
              .selectAll(alias as never)
              .where(id, '=', recordId)
              .offset(0)
              .as(alias),
            (join) => join.onTrue(),
          ) as AnyQuery,
      )
      .select(sortValue.as('__sort'));

  /**
   * In a given order of the values: the records with one value at a time, in record order, at
   * most a page of each. A value's records are one range of `(org_id, field_id, value,
   * record_id)` with the policy, the field and the value as its index conditions. The page
   * reads the cursor's value alone first: when it fills the page, as it mostly does, that one
   * range is all it reads. Otherwise the values after it follow in one statement, a branch per
   * value under an Append, whose rows (at most a page per value) the planner sorts by rank and
   * record rather than merging them. Within a branch it chooses as for the other value sorts:
   * on a small organization (the plan gate's) it hashes the organization's records against the
   * value's range, on a large one it walks the range in record order and looks each record up
   * until the page is full.
   */
  const inRankedOrder = async (
    ranked: readonly string[],
  ): Promise<Array<Row & { __sort: unknown }>> => {
    const order = by.descending ? [...ranked].reverse() : ranked;
    const start = cursor ? order.indexOf(String(cursor.v)) : 0;
    // The cursor's option was removed, or its member left, since: where it stood is unknown, and
    // going on from the records without a value would skip every value after it unseen.
    if (start < 0) {
      throw invalidField(
        'cursor',
        'names an option or member no longer there: ask for the first page again',
        'malformed',
      );
    }
    const branch = (rank: number, room: number) => {
      let query = joined()
        .select(sql<number>`${rank}::int`.as('__rank'))
        .where(value, '=', order[rank]!);
      if (cursor && rank === start) query = query.where(recordId, beyond, cursor.id);
      return query.orderBy(recordId, direction).limit(room + 1);
    };
    const strip = (rows: Array<Row & { __sort: unknown; __rank?: number }>) =>
      rows.map(({ __rank: _rank, ...row }) => row as Row & { __sort: unknown });
    const first = strip(
      (await branch(start, limit).execute()) as Array<Row & { __sort: unknown; __rank?: number }>,
    );
    if (first.length > limit || start + 1 >= order.length) return first;
    const room = limit - first.length;
    const branches = order
      .slice(start + 1)
      .map((_, offset) => tx.selectFrom(branch(start + 1 + offset, room).as('b')).selectAll());
    const all = branches.slice(1).reduce((union, next) => union.unionAll(next), branches[0]!);
    const rest = (await tx
      .selectFrom(all.as('page'))
      .selectAll()
      .orderBy('__rank')
      .orderBy('id', direction)
      .limit(room + 1)
      .execute()) as Array<Row & { __sort: unknown; __rank?: number }>;
    return [...first, ...strip(rest)];
  };

  const withValue = async (): Promise<Array<Row & { __sort: unknown }>> => {
    if (cursor && cursor.v === null) return [];
    if (by.ranked) return inRankedOrder(by.ranked);
    let query = joined().where(value, 'is not', null);
    if (cursor) {
      query = query.where(
        sql<boolean>`(${value}, ${recordId}) ${beyond} (${cursor.v}, ${cursor.id})`,
      );
    }
    return (await query
      .orderBy(value, direction)
      .orderBy(recordId, direction)
      .limit(limit + 1)
      .execute()) as Array<Row & { __sort: unknown }>;
  };
  const withoutValue = async (room: number): Promise<Row[]> => {
    let query = build
      .select(filtered)
      .where(
        id,
        'not in',
        tx.selectFrom('custom_field_values').select('record_id').where('field_id', '=', by.fieldId),
      );
    if (cursor?.v === null) query = query.where(id, by.descending ? '<' : '>', cursor.id);
    return (await query
      .orderBy(id, direction)
      .limit(room + 1)
      .execute()) as Row[];
  };

  const [first, total] = await Promise.all([
    withValue(),
    params.count
      ? (filtered.select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow() as Promise<{
          total: number;
        }>)
      : Promise.resolve(undefined),
  ]);
  const rows: Array<Row & { __sort?: unknown }> =
    first.length > limit ? first : [...first, ...(await withoutValue(limit - first.length))];
  const more = rows.length > limit;
  const visible = rows.slice(0, limit);
  const last = visible.at(-1);
  return {
    data: visible.map(({ __sort: _sort, ...row }) => row as unknown as Row),
    next_cursor:
      more && last
        ? encodeCursor({
            v: cursorValue(last.__sort),
            id: last.id,
            s: sortAsked(definition, params),
          } satisfies Cursor)
        : null,
    ...(total && { total: total.total }),
  };
}
