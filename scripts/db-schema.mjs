/**
 * Writes `db/schema.ts` from a migrated database, so that the types Kysely checks queries
 * against are the tables the migrations made, and each list of allowed values (a `text`
 * column with `CHECK (x IN (...))`, see DESIGN) is stated once, in its migration.
 * `test/db-schema.test.ts` fails when the file and the migrations disagree.
 */

/** node-pg-migrate's own bookkeeping: not a table the application queries. */
const SKIPPED_TABLES = new Set(['schema_migrations']);

/**
 * The value lists the code refers to by name: each becomes a constant (for route schemas and
 * loops) and a type. Several columns may share a name only when their lists are equal.
 */
/** @type {Record<string, { type: string, values: string }>} */
const NAMED_VALUE_LISTS = {
  'memberships.role': { type: 'MemberRole', values: 'MEMBER_ROLES' },
  'invitations.role': { type: 'InvitedRole', values: 'INVITED_ROLES' },
  'email_outbox.status': { type: 'EmailStatus', values: 'EMAIL_STATUSES' },
  'pipeline_stages.kind': { type: 'StageKind', values: 'STAGE_KINDS' },
  'leads.status': { type: 'LeadStatus', values: 'LEAD_STATUSES' },
  'leads.source': { type: 'Source', values: 'SOURCES' },
  'deals.source': { type: 'Source', values: 'SOURCES' },
  'leads.rating': { type: 'LeadRating', values: 'LEAD_RATINGS' },
  'tasks.priority': { type: 'TaskPriority', values: 'TASK_PRIORITIES' },
  'tasks.status': { type: 'TaskStatus', values: 'TASK_STATUSES' },
  'tasks.type': { type: 'TaskType', values: 'TASK_TYPES' },
  'notifications.kind': { type: 'NotificationKind', values: 'NOTIFICATION_KINDS' },
  'search_terms.record_type': { type: 'RecordType', values: 'RECORD_TYPES' },
  'imports.status': { type: 'ImportStatus', values: 'IMPORT_STATUSES' },
  'org_restores.status': { type: 'RestoreStatus', values: 'RESTORE_STATUSES' },
  'custom_fields.field_type': { type: 'CustomFieldType', values: 'CUSTOM_FIELD_TYPES' },
  'emails.direction': { type: 'RecordEmailDirection', values: 'RECORD_EMAIL_DIRECTIONS' },
  'emails.status': { type: 'RecordEmailStatus', values: 'RECORD_EMAIL_STATUSES' },
};

/** Columns whose type says more than the catalog can. */
/** @type {Record<string, { type: string, comment: string }>} */
const COLUMN_OVERRIDES = {
  'users.password_hash': {
    type: 'ColumnType<never, string, string>',
    comment: 'Not selectable by the API role: read through auth_find_user_by_email().',
  },
};

const PREAMBLE = `// Generated from the migrated database by \`npm run db:schema\`: do not edit by hand.
// test/db-schema.test.ts fails when this file and db/migrations disagree.
import type { ColumnType, Generated } from 'kysely';

/** Set by a default on insert and never written by the API afterwards. */
type CreatedAt = ColumnType<Date, Date | undefined, never>;
/** Set by a default on insert and by a trigger on update. */
type UpdatedAt = ColumnType<Date, Date | undefined, never>;
/** Kept by the database (generated, identity and counted columns): read, never written. */
type ReadOnly<T> = ColumnType<T, never, never>;
/** jsonb: written as JSON text, read as the value. */
type Json = ColumnType<unknown, string, string>;
type JsonWithDefault = ColumnType<unknown, string | undefined, string>;
type NullableJson = ColumnType<unknown, string | null | undefined, string | null>;
type Address = ColumnType<Record<string, string>, string | undefined, string>;
/** numeric: pg returns a string so that no precision is lost; the API may write numbers. */
type Money = ColumnType<string, string | number, string | number>;
type NullableMoney = ColumnType<string | null, string | number | null, string | number | null>;
/** A timestamp the API may write as an ISO string. */
type NullableMoment = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A calendar day, written as \`YYYY-MM-DD\`. */
type NullableDay = ColumnType<Date | null, string | null | undefined, string | null>;
`;

/** @param {string} name */
const pascal = (name) => name.replace(/(^|_)([a-z0-9])/g, (_, __, letter) => letter.toUpperCase());

function baseType(column) {
  switch (column.udt_name) {
    case 'uuid':
    case 'text':
    case 'varchar':
      return 'string';
    case 'int2':
    case 'int4':
    case 'int8': // parsed as a number in db/pool.ts
    case 'float8':
      return 'number';
    case 'bool':
      return 'boolean';
    case 'bytea':
      return 'Buffer';
    case '_uuid':
    case '_text':
      return 'string[]';
    case '_int4':
      return 'number[]';
    case 'timestamptz':
      return 'Date';
    default:
      throw new Error(
        `${column.table_name}.${column.column_name}: no TypeScript type for ${column.udt_name}`,
      );
  }
}

function columnType(column, valueType, keptColumns) {
  const nullable = column.is_nullable === 'YES';
  const name = column.column_name;
  const kept = keptColumns.has(`${column.table_name}.${name}`);
  if (column.is_generated === 'ALWAYS' || column.is_identity === 'YES') {
    return `ReadOnly<${baseType(column)}${nullable ? ' | null' : ''}>`;
  }
  if (column.udt_name === 'timestamptz' && name === 'created_at') return 'CreatedAt';
  if (column.udt_name === 'timestamptz' && name === 'updated_at' && kept) return 'UpdatedAt';
  // A record's count of its changes: kept by its trigger, only ever read.
  if (name === 'row_version' && kept) return `ReadOnly<${baseType(column)}>`;
  // These already say what an insert may leave out, so a default adds nothing to them.
  if (column.udt_name === 'numeric') return nullable ? 'NullableMoney' : 'Money';
  if (column.udt_name === 'date' && nullable) return 'NullableDay';
  if (column.udt_name === 'timestamptz' && nullable) return 'NullableMoment';
  if (column.udt_name === 'jsonb') {
    if (name.endsWith('address')) return 'Address';
    if (nullable) return 'NullableJson';
    return column.column_default !== null ? 'JsonWithDefault' : 'Json';
  }
  const type = (valueType ?? baseType(column)) + (nullable ? ' | null' : '');
  return column.column_default !== null ? `Generated<${type}>` : type;
}

/** `CHECK ((role = ANY (ARRAY['owner'::text, 'admin'::text])))` gives `['owner', 'admin']`. */
function valueList(definition) {
  const match = /^CHECK \(\((\w+) = ANY \(ARRAY\[(.*)\]\)\)\)$/.exec(definition);
  if (!match) return undefined;
  const values = [...match[2].matchAll(/'((?:[^']|'')*)'::text/g)].map((m) =>
    m[1].replaceAll("''", "'"),
  );
  return { column: match[1], values };
}

const quoteList = (values) => `[${values.map((v) => `'${v}'`).join(', ')}]`;

/** @param {import('pg').ClientBase} client */
export async function generateSchema(client) {
  const { rows: columns } = await client.query(
    `SELECT table_name, column_name, udt_name, is_nullable, column_default, is_generated,
            is_identity
       FROM information_schema.columns
      WHERE table_schema = 'public'
      ORDER BY table_name, ordinal_position`,
  );
  const { rows: checks } = await client.query(
    `SELECT conrelid::regclass::text AS table_name, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint
      WHERE contype = 'c' AND connamespace = 'public'::regnamespace
      ORDER BY conrelid::regclass::text, conname`,
  );

  // Columns the database keeps by trigger, table by table: the API never writes them.
  const { rows: kept } = await client.query(
    `SELECT DISTINCT tgrelid::regclass::text AS table_name,
            CASE tgfoid WHEN 'set_updated_at'::regproc THEN 'updated_at' ELSE 'row_version' END
              AS column_name
       FROM pg_trigger
      WHERE NOT tgisinternal
        AND tgfoid IN ('set_updated_at'::regproc, 'count_row_version'::regproc)`,
  );
  const keptColumns = new Set(kept.map((row) => `${row.table_name}.${row.column_name}`));

  const valueTypes = new Map();
  const namedLists = new Map();
  for (const check of checks) {
    const list = valueList(check.definition);
    if (!list) continue;
    const key = `${check.table_name}.${list.column}`;
    const named = NAMED_VALUE_LISTS[key];
    if (!named) {
      valueTypes.set(key, list.values.map((v) => `'${v}'`).join(' | '));
      continue;
    }
    const earlier = namedLists.get(named.type);
    if (earlier && quoteList(earlier.values) !== quoteList(list.values)) {
      throw new Error(
        `${key} and ${earlier.source} share the name ${named.type} but allow different values`,
      );
    }
    namedLists.set(named.type, { values: list.values, source: key });
    valueTypes.set(key, named.type);
  }
  for (const key of Object.keys(NAMED_VALUE_LISTS)) {
    if (!valueTypes.has(key)) throw new Error(`${key} has no CHECK (... IN (...)) list`);
  }

  const lines = [PREAMBLE];
  for (const [type, { values }] of namedLists) {
    const constant = Object.values(NAMED_VALUE_LISTS).find((n) => n.type === type).values;
    lines.push(`export const ${constant} = ${quoteList(values)} as const;`);
    lines.push(`export type ${type} = (typeof ${constant})[number];`, '');
  }

  const tables = [...new Set(columns.map((c) => c.table_name))].filter(
    (t) => !SKIPPED_TABLES.has(t),
  );
  for (const table of tables) {
    lines.push(`export interface ${pascal(table)}Table {`);
    for (const column of columns.filter((c) => c.table_name === table)) {
      const key = `${table}.${column.column_name}`;
      const override = COLUMN_OVERRIDES[key];
      if (override) lines.push(`  /** ${override.comment} */`);
      lines.push(
        `  ${column.column_name}: ${override?.type ?? columnType(column, valueTypes.get(key), keptColumns)};`,
      );
    }
    lines.push('}', '');
  }
  lines.push('export interface Database {');
  for (const table of tables) lines.push(`  ${table}: ${pascal(table)}Table;`);
  lines.push('}');
  return lines.join('\n') + '\n';
}

/**
 * `npm run db:schema`: migrates a scratch database on the PostgreSQL named by DATABASE_URL (a
 * superuser connection, as in the tests) and writes server/src/db/schema.ts from it. Plain
 * JavaScript, so that it runs while schema.ts itself does not compile.
 */
async function main() {
  const [{ writeFileSync }, path, { fileURLToPath }, { default: pg }] = await Promise.all([
    import('node:fs'),
    import('node:path'),
    import('node:url'),
    import('pg'),
  ]);
  const { migrate } = await import('../server/dist/db/migrate.js');
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    console.error(
      'Set DATABASE_URL to a PostgreSQL superuser connection, e.g. postgres://postgres@127.0.0.1:5432/postgres',
    );
    process.exit(1);
  }
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const scratch = `rampart_schema_${process.pid}`;
  const scratchUrl = new URL(adminUrl);
  scratchUrl.pathname = `/${scratch}`;
  const admin = async (text) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };

  await admin(`CREATE DATABASE ${scratch}`);
  try {
    await migrate(scratchUrl.toString(), () => undefined);
    const client = new pg.Client({ connectionString: scratchUrl.toString() });
    await client.connect();
    try {
      const file = path.join(root, 'server/src/db/schema.ts');
      writeFileSync(file, await generateSchema(client));
      console.log(`Wrote ${path.relative(root, file)}`);
    } finally {
      await client.end();
    }
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
