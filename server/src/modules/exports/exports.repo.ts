import { sql, type Selectable } from 'kysely';
import pg from 'pg';
import type { OrgExportsTable } from '../../db/schema.js';
import { orgOf, type Tx } from '../../db/tenant.js';
import {
  allOfList,
  allOfListByValue,
  type AnyQuery,
  type ListParams,
  type ValueSort,
} from '../../lib/list-query.js';
import { applyKindFilters } from '../records/filters.js';
import type { ResolvedCondition } from '../custom-fields/custom-filters.js';
import { RECORD_KIND_LIST, RECORD_KINDS, type RecordKind } from '../records/registry.js';
import type { ColumnSql } from './list-columns.js';

/** Every row of a kind's list, in its order, with `columns` (each a SQL expression). */
export function listExport(
  tx: Tx,
  kind: RecordKind,
  params: Pick<ListParams, 'sort' | 'q'>,
  filters: Record<string, unknown>,
  custom: readonly ResolvedCondition[],
  columns: readonly ColumnSql[],
  byValue?: ValueSort,
): AnyQuery {
  const definition = RECORD_KINDS[kind].list;
  const build = {
    select: (query: AnyQuery) =>
      query.select(columns.map((column, i) => column(definition.alias).as(`c${i}`))),
    filter: (query: AnyQuery) => applyKindFilters(query, kind, filters, custom),
  };
  return byValue
    ? allOfListByValue(tx, definition, params, build, byValue)
    : allOfList(tx, definition, params, build);
}

export const EXPORT_COLUMNS = [
  'id',
  'status',
  'files_done',
  'files_total',
  'rows_done',
  'byte_size',
  'sha256',
  'error',
  'started_at',
  'finished_at',
  'expires_at',
  'created_at',
  'created_by',
] as const;

export type ExportRow = Pick<Selectable<OrgExportsTable>, (typeof EXPORT_COLUMNS)[number]>;

export function insertExport(tx: Tx, orgId: string, userId: string): Promise<ExportRow> {
  return tx
    .insertInto('org_exports')
    .values({ org_id: orgId, created_by: userId })
    .returning(EXPORT_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** One export, as a statement (to run here or compile and send on a bare connection). */
export function selectExport(tx: Tx, id: string) {
  return tx.selectFrom('org_exports').select(EXPORT_COLUMNS).where('id', '=', id);
}

export function findExport(tx: Tx, id: string): Promise<ExportRow | undefined> {
  return selectExport(tx, id).executeTakeFirst();
}

/** An export still being written, if any: one at a time per organization. */
export function findUnfinishedExport(tx: Tx): Promise<ExportRow | undefined> {
  return tx
    .selectFrom('org_exports')
    .select(EXPORT_COLUMNS)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
}

export function recentExports(tx: Tx, limit: number): Promise<ExportRow[]> {
  return tx
    .selectFrom('org_exports')
    .select(EXPORT_COLUMNS)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Starts (or starts again, after a failed attempt) from nothing written. */
export async function restartExport(
  tx: Tx,
  id: string,
  filesTotal: number,
): Promise<ExportRow | undefined> {
  await tx.deleteFrom('org_export_chunks').where('export_id', '=', id).execute();
  return tx
    .updateTable('org_exports')
    .set({
      status: 'running',
      files_done: 0,
      files_total: filesTotal,
      rows_done: 0,
      error: null,
      started_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running', 'failed'])
    .returning(EXPORT_COLUMNS)
    .executeTakeFirst();
}

/** How far an export (or a restore) has come: files done, rows done. */
export async function recordProgress(
  tx: Tx,
  table: 'org_exports' | 'org_restores',
  id: string,
  progress: { filesDone: number; rowsDone: number },
): Promise<void> {
  await tx
    .updateTable(table)
    .set({ files_done: progress.filesDone, rows_done: progress.rowsDone })
    .where('id', '=', id)
    .execute();
}

export async function insertChunk(
  tx: Tx,
  orgId: string,
  exportId: string,
  seq: number,
  data: Buffer,
): Promise<void> {
  await tx
    .insertInto('org_export_chunks')
    .values({ org_id: orgId, export_id: exportId, seq, data })
    .execute();
}

export function finishExport(
  tx: Tx,
  id: string,
  file: { byteSize: number; sha256: string; retentionHours: number; rowsDone: number },
): Promise<ExportRow> {
  return tx
    .updateTable('org_exports')
    .set({
      status: 'ready',
      files_done: sql<number>`files_total`,
      rows_done: file.rowsDone,
      byte_size: file.byteSize,
      sha256: file.sha256,
      finished_at: sql<Date>`now()`,
      expires_at: sql<Date>`now() + make_interval(secs => ${file.retentionHours * 3600})`,
    })
    .where('id', '=', id)
    .returning(EXPORT_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function failExport(tx: Tx, id: string, error: string): Promise<void> {
  await tx.deleteFrom('org_export_chunks').where('export_id', '=', id).execute();
  await tx
    .updateTable('org_exports')
    .set({ status: 'failed', error, finished_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

/** Removes the file of an export whose time is up; true when there was one to remove. */
export async function expireExport(tx: Tx, id: string): Promise<boolean> {
  const expired = await tx
    .updateTable('org_exports')
    .set({ status: 'expired' })
    .where('id', '=', id)
    .where('status', '=', 'ready')
    .where('expires_at', '<=', sql<Date>`now()`)
    .returning('id')
    .executeTakeFirst();
  if (expired) await tx.deleteFrom('org_export_chunks').where('export_id', '=', id).execute();
  return Boolean(expired);
}

/** Removes an export and its file at once: one written for the command line is not kept. */
export async function deleteExport(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom('org_export_chunks').where('export_id', '=', id).execute();
  await tx.deleteFrom('org_exports').where('id', '=', id).execute();
}

/** The pieces of an export's file, in order (to compile and stream). */
export function exportChunks(tx: Tx, id: string) {
  return tx
    .selectFrom('org_export_chunks')
    .select('data')
    .where('export_id', '=', id)
    .orderBy('seq');
}

/** One CSV of an organization export: its name in the ZIP and its `COPY (SELECT ...)`. */
export interface ExportFile {
  name: string;
  /** The table the rows come from and a restore writes back to (none for the trail). */
  table: string | null;
  /** Its header: the columns, in order. */
  columns: string[];
  /** The SELECT, pinned to the organization (COPY takes no parameters). */
  select: string;
  /** Written only by later versions than the first: an older export lacks it. */
  optional?: boolean;
  /** Columns of the CSV that its table does not have (read as text by a restore). */
  extra?: string[];
  /** The columns and types a restore reads a CSV with that is no table's (`table` null). */
  staging?: string;
}

/** Who the members of an export are, without any secret. */
export const MEMBER_COLUMNS = ['user_id', 'name', 'email', 'role', 'created_at'];

/**
 * The organization's own settings: what its amounts default to, how the app writes numbers and
 * dates, and the largest file its members may upload. Not its name, which the organization a
 * restore goes into already has.
 */
export const ORGANIZATION_COLUMNS = ['currency', 'locale', 'max_file_bytes'];

const AUDIT_COLUMNS = [
  'id',
  'occurred_at',
  'actor_id',
  'action',
  'table_name',
  'record_id',
  'changes',
];

/**
 * Tables the export has held only since a later version than the first, written after the
 * first ones: an export made before lacks their CSVs.
 */
const ADDED_LATER = [
  'custom_fields',
  'custom_field_options',
  'custom_field_values',
  'email_templates',
  'emails',
  'email_links',
  'import_templates',
  'merged_records',
  'saved_views',
  'saved_view_defaults',
  'web_forms',
] as const;

/**
 * The tables of an organization export: teams, tags, pipelines, the records (the registry's
 * kinds), then what links them.
 */
export const EXPORTED_TABLES = [
  'teams',
  'team_members',
  'tags',
  'pipelines',
  'pipeline_stages',
  ...RECORD_KIND_LIST.map((kind) => kind.table),
  'deal_contacts',
  'deal_stage_history',
  'tasks',
  'notes',
  'record_tags',
  ...ADDED_LATER,
] as const;

/** Which tables an export made before a table was added lacks: a restore reads them as empty. */
const EXPORTED_LATER: ReadonlySet<string> = new Set(ADDED_LATER);

/** Columns never written to an export: secrets, and hashes of secrets. */
const SECRET_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  web_forms: ['secret_hash'],
};

/**
 * What the organization export does with each tenant table, and why: the CSVs above, or the
 * reason a table is left out. A test holds this list against the catalog's tenant tables, so a
 * new table cannot reach a release without a decision here (docs/import-export.md).
 */
export const EXPORT_DECISIONS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(EXPORTED_TABLES.map((table) => [table, `exported: ${table}.csv`])),
  merged_records:
    'exported: merged_records.csv (a restore gives each merged id a fresh id, as every id, and leaves out merges into records deleted since)',
  memberships: 'exported: members.csv, with names and emails but no secret',
  audit_log: 'exported: audit_log.csv (a restore does not replay it; the new history starts there)',
  files: 'exported: files.csv and the bytes under files/ (a restore puts them back in the store)',
  saved_views:
    'exported: saved_views.csv (a restore maps the ids inside filters, and leaves out the personal views of people who are not members here)',
  saved_view_defaults:
    'exported: saved_view_defaults.csv (personal defaults come back to members only; the organization default is a flag of saved_views)',
  web_forms:
    'exported: web_forms.csv without the hash of its secret (a restore gives each form a new secret and turns it off until its new embed code is in place)',
  calendar_feeds: "never: a feed is a member's private link, kept only as a hash of its token",
  invitations: 'never: pending invitations carry tokens and are sent again, not moved',
  notification_preferences: 'never: personal settings of members',
  notifications: 'never: messages to members, of no use once read',
  search_terms: 'never: derived from the records, rebuilt as they are restored',
  import_records: 'never: undo data of imports, tied to records of this organization',
  import_rejections: 'never: reports of past imports',
  import_rows: 'never: uploaded files waiting to be imported',
  imports: "never: the imports' own state; their history is in audit_log.csv",
  idempotency_keys: 'never: replay protection of recent requests',
  email_outbox: 'never: messages being sent',
  email_settings: 'never: the mail server password is sealed with this instance key',
  file_blob_removals: 'never: bytes waiting to be removed from the store',
  org_export_chunks: 'never: exports themselves',
  org_exports: 'never: exports themselves',
  org_restore_chunks: 'never: uploads of restores',
  org_restores: 'never: restores themselves',
  sample_data_sets: 'never: which sample records were added, for removing them',
};

/**
 * A table's columns as the API's role may read them, but `org_id` (the organization is the
 * file's), generated columns (derived, so rebuilt on import) and a record's count of its
 * changes (`row_version`: its versions start again in the organization it is restored to):
 * what its CSV holds.
 */
async function columnsOf(tx: Tx, tables: string[]): Promise<Map<string, string[]>> {
  const { rows } = await sql<{ table_name: string; columns: string[] }>`
    SELECT table_name, array_agg(column_name::text ORDER BY ordinal_position) AS columns
    FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name = ANY(${tables}::text[])
      AND column_name NOT IN ('org_id', 'row_version') AND is_generated = 'NEVER'
    GROUP BY table_name`.execute(tx);
  return new Map(rows.map((row) => [row.table_name, row.columns]));
}

/**
 * The files attached to records and notes, as a CSV beside their bytes: each row names the
 * entry of the ZIP (`files/<id>`) that holds the bytes, under the name the user gave.
 */
export async function attachedFilesCsv(tx: Tx): Promise<ExportFile> {
  const org = pg.escapeLiteral(orgOf(tx));
  const names = ((await columnsOf(tx, ['files'])).get('files') ?? []).filter(
    (name) => name !== 'blob_key',
  );
  const list = names.map((name) => pg.escapeIdentifier(name)).join(', ');
  return {
    name: 'files.csv',
    table: 'files',
    columns: [...names, 'path'],
    optional: true,
    extra: ['path'],
    select: `SELECT ${list}, 'files/' || id AS path FROM files WHERE org_id = ${org} ORDER BY created_at, id`,
  };
}

export interface AttachedBlob {
  id: string;
  blob_key: string;
}

/** Where each attached file's bytes are stored: a query for the export's own snapshot. */
export function attachedFileBlobs(tx: Tx) {
  return tx.selectFrom('files').select(['id', 'blob_key']).orderBy('created_at').orderBy('id');
}

/** The CSVs a restore reads: the organization's, then the attached files' (not the trail). */
export async function restoredFiles(tx: Tx): Promise<ExportFile[]> {
  const files = (await organizationFiles(tx)).filter((file) => file.name !== 'audit_log.csv');
  return [...files, await attachedFilesCsv(tx)];
}

/**
 * The CSVs of an organization export: its members, its tables (EXPORTED_TABLES), then the
 * trail. Each table's rows keep their ids, so relationships can be rebuilt; members are
 * written without any secret.
 */
export async function organizationFiles(tx: Tx): Promise<ExportFile[]> {
  const org = pg.escapeLiteral(orgOf(tx));
  const columns = await columnsOf(tx, [...EXPORTED_TABLES]);
  const list = (names: string[]) => names.map((name) => pg.escapeIdentifier(name)).join(', ');
  return [
    {
      name: 'members.csv',
      table: null,
      columns: MEMBER_COLUMNS,
      select: `SELECT m.user_id, u.name, u.email, m.role, m.created_at
        FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.org_id = ${org}`,
      staging: 'user_id uuid, name text, email text, role text, created_at timestamptz',
    },
    {
      name: 'organization.csv',
      table: null,
      columns: ORGANIZATION_COLUMNS,
      select: `SELECT ${list(ORGANIZATION_COLUMNS)} FROM orgs WHERE id = ${org}`,
      staging: 'currency text, locale text, max_file_bytes bigint',
      optional: true,
    },
    ...EXPORTED_TABLES.map((table) => {
      const names = (columns.get(table) ?? []).filter(
        (name) => !SECRET_COLUMNS[table]?.includes(name),
      );
      return {
        name: `${table}.csv`,
        table,
        columns: names,
        select: `SELECT ${list(names)} FROM ${pg.escapeIdentifier(table)} WHERE org_id = ${org}`,
        ...(EXPORTED_LATER.has(table) && { optional: true }),
      };
    }),
    {
      name: 'audit_log.csv',
      table: null,
      columns: AUDIT_COLUMNS,
      select: `SELECT ${list(AUDIT_COLUMNS)} FROM audit_log WHERE org_id = ${org} ORDER BY id`,
    },
  ];
}
