import { sql } from 'kysely';
import type { Tx } from '../db/tenant.js';
import { isExistingInstant } from './cursor.js';

/**
 * What a list's cursor may hold as its last row's sort value: what the list gives for the
 * sort's column, and nothing else. A value of another type would reach PostgreSQL as a
 * parameter of the column's type and fail there, answered without naming the cursor.
 */
export type SortValue =
  /** A timestamp or a day read as a `Date`, given as `toISOString()`. */
  | { type: 'moment' }
  /** A day read as text: `YYYY-MM-DD`. */
  | { type: 'day' }
  | { type: 'text' }
  /** numeric, which pg reads as text so that no precision is lost. */
  | { type: 'decimal' }
  | { type: 'integer'; min: number; max: number }
  | { type: 'float' }
  /** A boolean as the cursor carries it: `true` or `false` as text. */
  | { type: 'boolean' }
  /** An id (a select's option, a member). */
  | { type: 'uuid' }
  /** The position of a value in a list of `count` (`array_position`), from 1. */
  | { type: 'rank'; count: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** numeric(16, 2) and the like: no sort column holds a number longer than this. */
const DECIMAL = /^-?\d{1,100}(\.\d{1,100})?$/;

function integerIn(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}

/** Whether `value` is one the list gives for a sort of this type. */
export function isSortValue(value: unknown, sort: SortValue): boolean {
  switch (sort.type) {
    case 'moment':
      return typeof value === 'string' && MOMENT.test(value) && isExistingInstant(value, 24);
    case 'day':
      return typeof value === 'string' && DAY.test(value) && isExistingInstant(value, 10);
    case 'text':
      // PostgreSQL text holds no NUL: no row has one to give.
      return typeof value === 'string' && !value.includes('\u0000');
    case 'decimal':
      return typeof value === 'string' && DECIMAL.test(value);
    case 'integer':
      return integerIn(value, sort.min, sort.max);
    case 'float':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return value === 'true' || value === 'false';
    case 'uuid':
      return typeof value === 'string' && UUID.test(value);
    case 'rank':
      return integerIn(value, 1, sort.count);
  }
}

/** Whether `id` is a row's id as a cursor carries it. */
export function isRowId(id: unknown): id is string {
  return typeof id === 'string' && UUID.test(id);
}

const INT4 = 2 ** 31;

/** What each column type of PostgreSQL sorts by is read as, and so given in a cursor. */
const BY_COLUMN_TYPE: Record<string, SortValue> = {
  'timestamp with time zone': { type: 'moment' },
  'timestamp without time zone': { type: 'moment' },
  date: { type: 'moment' },
  text: { type: 'text' },
  'character varying': { type: 'text' },
  citext: { type: 'text' },
  numeric: { type: 'decimal' },
  smallint: { type: 'integer', min: -(2 ** 15), max: 2 ** 15 - 1 },
  integer: { type: 'integer', min: -INT4, max: INT4 - 1 },
  bigint: { type: 'integer', min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER },
  'double precision': { type: 'float' },
  real: { type: 'float' },
  boolean: { type: 'boolean' },
  uuid: { type: 'uuid' },
};

/** Column types by `table.column`: the schema changes only with a migration, at a restart. */
const columnTypes = new Map<string, string>();

/**
 * What a column's cursors hold, from the type PostgreSQL gives it (read once per column);
 * undefined for a type no list sorts by, whose cursors are all refused.
 */
export async function sortValueOfColumn(
  tx: Tx,
  table: string,
  column: string,
): Promise<SortValue | undefined> {
  const key = `${table}.${column}`;
  let type = columnTypes.get(key);
  if (type === undefined) {
    const { rows } = await sql<{ type: string }>`
      SELECT format_type(atttypid, NULL) AS type FROM pg_attribute
      WHERE attrelid = to_regclass(${table}) AND attname = ${column} AND NOT attisdropped`.execute(
      tx,
    );
    type = rows[0]?.type ?? '';
    columnTypes.set(key, type);
  }
  return BY_COLUMN_TYPE[type];
}
