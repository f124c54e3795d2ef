import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { sql, type Selectable } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { ImportStatus, ImportTemplatesTable, RecordType } from '../../db/schema.js';
import { orgOf, runOn, type Tx } from '../../db/tenant.js';
import { VALUE_COLUMNS } from '../custom-fields/custom-fields.service.js';
import { RECORD_KINDS } from '../records/registry.js';
import type { CsvRow } from './csv-reader.js';
import { foldName } from './values.js';

export const IMPORT_COLUMNS = [
  'id',
  'kind',
  'file_name',
  'status',
  'encoding',
  'delimiter',
  'columns',
  'row_count',
  'ragged_count',
  'ragged_lines',
  'mapping',
  'options',
  'dry_run',
  'counts',
  'notices',
  'notices_total',
  'rows_done',
  'last_line',
  'started_at',
  'checking_since',
  'finished_at',
  'error',
  'undone_at',
  'undone_by',
  'created_at',
  'updated_at',
  'created_by',
] as const;

export interface ImportRow {
  id: string;
  kind: RecordType;
  file_name: string;
  status: ImportStatus;
  encoding: string;
  delimiter: string;
  columns: unknown;
  row_count: number;
  ragged_count: number;
  ragged_lines: number[];
  mapping: unknown;
  options: unknown;
  dry_run: unknown;
  counts: unknown;
  notices: unknown;
  notices_total: number;
  rows_done: number;
  last_line: number;
  started_at: Date | null;
  checking_since: Date | null;
  finished_at: Date | null;
  error: string | null;
  undone_at: Date | null;
  undone_by: string | null;
  created_at: Date;
  updated_at: Date;
  created_by: string | null;
}

/** The statement that records a new upload, returning its id. */
export function newImport(
  tx: Tx,
  values: { kind: RecordType; file_name: string; created_by: string },
) {
  return tx
    .insertInto('imports')
    .values({
      ...values,
      org_id: orgOf(tx),
      encoding: 'utf-8',
      delimiter: ',',
      columns: '[]',
    })
    .returning('id');
}

/** Where an upload's rows wait for `copyRows` to put them in `import_rows`. */
const UPLOAD_STAGING = 'import_upload';

/**
 * Puts an upload's rows in `import_rows` as `read` hands them over, by `COPY ... FROM STDIN`
 * into a temporary table (a role under row-level security may not COPY into `import_rows`
 * itself), then with one `INSERT ... SELECT` under the tenant's policy. Each row travels as
 * one line of COPY's text format, its cells as a JSON array; `write` resolves once the stream
 * can take more, so a slow database slows the upload rather than filling memory. The COPY
 * is one statement that lasts as long as the file takes to arrive: it may run for `timeoutMs`
 * (the upload's own time limit), not for the role's statement timeout.
 */
export async function copyRows<T>(
  client: pg.PoolClient,
  tx: Tx,
  importId: string,
  timeoutMs: number,
  read: (write: (rows: CsvRow[]) => Promise<void>) => Promise<T>,
): Promise<T> {
  await client.query("SELECT set_config('statement_timeout', $1, true)", [`${timeoutMs}ms`]);
  await client.query(
    `CREATE TEMP TABLE ${UPLOAD_STAGING} (line integer NOT NULL, cells jsonb NOT NULL) ON COMMIT DROP`,
  );
  const stream = client.query(copyFrom(`COPY ${UPLOAD_STAGING} (line, cells) FROM STDIN`));
  const copied = finished(stream);
  // Awaited once the file is read; a failure before that is thrown at the next write, for
  // the stream, its connection gone, would throw a TypeError of its own.
  copied.catch(() => undefined);
  let failure: unknown;
  stream.once('error', (error) => (failure ??= error));
  const result = await read(async (rows) => {
    if (failure) throw failure;
    let text = '';
    // JSON escapes every control character: backslashes are all COPY's text format must escape.
    for (const row of rows) {
      text += `${row.line}\t${JSON.stringify(row.cells).replaceAll('\\', '\\\\')}\n`;
    }
    if (!stream.write(text)) await once(stream, 'drain');
  });
  if (failure) throw failure;
  stream.end();
  await copied;
  await runOn(
    client,
    sql`INSERT INTO import_rows (org_id, import_id, line, cells)
      SELECT ${orgOf(tx)}, ${importId}, line, cells FROM ${sql.table(UPLOAD_STAGING)}`.compile(tx),
  );
  return result;
}

/** The statement that changes an import. */
export function importChanges(
  tx: Tx,
  id: string,
  values: Partial<
    Omit<ImportRow, 'id' | 'kind' | 'file_name' | 'created_at' | 'updated_at' | 'created_by'> & {
      heartbeat_at: Date;
    }
  >,
) {
  const set: Record<string, unknown> = { ...values };
  for (const key of ['columns', 'mapping', 'options', 'dry_run', 'counts', 'notices'] as const) {
    if (values[key] !== undefined) set[key] = JSON.stringify(values[key]);
  }
  return tx.updateTable('imports').set(set).where('id', '=', id);
}

export async function updateImport(
  tx: Tx,
  id: string,
  values: Parameters<typeof importChanges>[2],
): Promise<void> {
  await importChanges(tx, id, values).execute();
}

export function findImport(
  tx: Tx,
  id: string,
  options: { lock?: boolean } = {},
): Promise<ImportRow | undefined> {
  let query = tx.selectFrom('imports').select(IMPORT_COLUMNS).where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst() as Promise<ImportRow | undefined>;
}

export function listImports(tx: Tx, limit: number): Promise<ImportRow[]> {
  return tx
    .selectFrom('imports')
    .select(IMPORT_COLUMNS)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute() as Promise<ImportRow[]>;
}

/** Rows after `afterLine`, in file order. */
export function readRows(
  tx: Tx,
  importId: string,
  afterLine: number,
  limit: number,
): Promise<{ line: number; cells: string[] }[]> {
  return tx
    .selectFrom('import_rows')
    .select(['line', 'cells'])
    .where('import_id', '=', importId)
    .where('line', '>', afterLine)
    .orderBy('line')
    .limit(limit)
    .execute() as Promise<{ line: number; cells: string[] }[]>;
}

/** The cells of the rows at `lines`, by line. */
export async function readRowsAt(
  tx: Tx,
  importId: string,
  lines: number[],
): Promise<Map<number, string[]>> {
  if (lines.length === 0) return new Map();
  const rows = (await tx
    .selectFrom('import_rows')
    .select(['line', 'cells'])
    .where('import_id', '=', importId)
    .where('line', 'in', lines)
    .execute()) as { line: number; cells: string[] }[];
  return new Map(rows.map((row) => [row.line, row.cells]));
}

export interface Rejection {
  line: number;
  problems: { column: string; reason: string }[];
}

export async function clearRejections(
  tx: Tx,
  importId: string,
  phase: 'dry_run' | 'run',
): Promise<void> {
  await tx
    .deleteFrom('import_rejections')
    .where('import_id', '=', importId)
    .where('phase', '=', phase)
    .execute();
}

export async function insertRejections(
  tx: Tx,
  importId: string,
  phase: 'dry_run' | 'run',
  rejections: Rejection[],
): Promise<void> {
  if (rejections.length === 0) return;
  await sql`INSERT INTO import_rejections (org_id, import_id, phase, line, problems)
    SELECT ${orgOf(tx)}, ${importId}, ${phase}, (r ->> 'line')::int, r -> 'problems'
    FROM jsonb_array_elements(${JSON.stringify(rejections)}::jsonb) r
    ON CONFLICT DO NOTHING`.execute(tx);
}

export function listRejections(
  tx: Tx,
  importId: string,
  phase: 'dry_run' | 'run',
  afterLine: number,
  limit: number,
): Promise<Rejection[]> {
  return tx
    .selectFrom('import_rejections')
    .select(['line', 'problems'])
    .where('import_id', '=', importId)
    .where('phase', '=', phase)
    .where('line', '>', afterLine)
    .orderBy('line')
    .limit(limit)
    .execute() as Promise<Rejection[]>;
}

// Looking up what rows refer to -----------------------------------------------------------

/**
 * Members by email and by name (lower case), for an owner or a member custom field: exports of
 * other CRMs and list exports write members by name. An email wins over a name that happens to
 * be the same; a name two members share says neither (null), so a row must name one by email.
 */
export async function membersByEmailOrName(tx: Tx): Promise<Map<string, string | null>> {
  const rows = await tx
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.email', 'u.name', 'm.user_id'])
    .execute();
  const byName = new Map<string, string | null>();
  for (const r of rows) {
    const name = r.name && foldName(r.name);
    if (name) byName.set(name, byName.has(name) ? null : r.user_id);
  }
  return new Map([...byName, ...rows.map((r) => [r.email.toLowerCase(), r.user_id] as const)]);
}

export interface StageRef {
  id: string;
  pipeline_id: string;
  name: string;
  probability: number;
  pipeline_name: string;
  is_default: boolean;
  kind: string;
}

export function stages(tx: Tx): Promise<StageRef[]> {
  return tx
    .selectFrom('pipeline_stages as s')
    .innerJoin('pipelines as p', (join) =>
      join.onRef('p.org_id', '=', 's.org_id').onRef('p.id', '=', 's.pipeline_id'),
    )
    .select([
      's.id',
      's.pipeline_id',
      's.name',
      's.probability',
      's.kind',
      'p.name as pipeline_name',
      'p.is_default',
    ])
    .orderBy('s.position')
    .execute();
}

/** Existing records of a kind matching any of the keys: emails, folded names or domains. */
export async function findMatches(
  tx: Tx,
  kind: RecordType,
  keys: { emails: string[]; names: string[]; domains: string[] },
): Promise<{ id: string; email: string | null; name: string | null; domain: string | null }[]> {
  const org = orgOf(tx);
  if (kind === 'lead' || kind === 'contact') {
    if (keys.emails.length === 0) return [];
    const table = sql.table(RECORD_KINDS[kind].table);
    const result = await sql<{ id: string; email: string }>`
      SELECT id, email, NULL AS name, NULL AS domain FROM ${table}
      WHERE org_id = ${org} AND email = ANY (${keys.emails}::text[])
      ORDER BY created_at, id`.execute(tx);
    return result.rows.map((r) => ({ ...r, name: null, domain: null }));
  }
  if (kind === 'account') {
    if (keys.names.length === 0 && keys.domains.length === 0) return [];
    const result = await sql<{
      id: string;
      email: null;
      name: string;
      domain: string | null;
    }>`
      SELECT id, NULL AS email, name_folded AS name, domain_folded AS domain FROM accounts
      WHERE org_id = ${org}
        AND (name_folded IN (SELECT name_fold(n) FROM unnest(${keys.names}::text[]) n)
          OR domain_folded IN (SELECT name_fold(d) FROM unnest(${keys.domains}::text[]) d))
      ORDER BY created_at, id`.execute(tx);
    return result.rows;
  }
  return [];
}

/**
 * Contacts by full name, folded as the contacts' own `name_folded` (case, accents and runs of
 * spaces), each with the name it was asked for: a name several contacts share finds them all.
 */
export async function contactsNamed(
  tx: Tx,
  names: string[],
): Promise<{ asked: string; id: string; account_id: string | null }[]> {
  if (names.length === 0) return [];
  const result = await sql<{ asked: string; id: string; account_id: string | null }>`
    SELECT n.asked, c.id, c.account_id
    FROM (SELECT DISTINCT asked FROM unnest(${names}::text[]) asked) n
    JOIN contacts c ON c.org_id = ${orgOf(tx)} AND c.name_folded = name_fold(n.asked)
    ORDER BY c.created_at, c.id`.execute(tx);
  return result.rows;
}

/** The currency of each of these leads or deals, by id (other kinds have none). */
export async function recordCurrencies(
  tx: Tx,
  kind: RecordType,
  ids: string[],
): Promise<Map<string, string>> {
  if (ids.length === 0 || (kind !== 'lead' && kind !== 'deal')) return new Map();
  const table = sql.table(RECORD_KINDS[kind].table);
  const result = await sql<{ id: string; currency: string }>`
    SELECT id, currency FROM ${table}
    WHERE org_id = ${orgOf(tx)} AND id = ANY (${ids}::uuid[])`.execute(tx);
  return new Map(result.rows.map((r) => [r.id, r.currency]));
}

/** `name_fold()` of each value, as the database folds names and domains. */
export async function fold(tx: Tx, values: string[]): Promise<Map<string, string>> {
  if (values.length === 0) return new Map();
  const result = await sql<{ value: string; folded: string }>`
    SELECT v AS value, name_fold(v) AS folded FROM unnest(${values}::text[]) v`.execute(tx);
  return new Map(result.rows.map((r) => [r.value, r.folded]));
}

// Applying a batch ---------------------------------------------------------------------------

/** The history entries the rest of this transaction writes name the import that made them. */
export async function markImportWrites(tx: Tx, importId: string): Promise<void> {
  await sql`SELECT set_config('app.current_import', ${importId}, true)`.execute(tx);
}

/** Inserts new records (their ids chosen by the caller) and remembers that this import made them. */
export async function insertRecords(
  tx: Tx,
  importId: string,
  kind: RecordType,
  columns: string[],
  records: Record<string, unknown>[],
  userId: string,
): Promise<void> {
  if (records.length === 0) return;
  const org = orgOf(tx);
  const table = RECORD_KINDS[kind].table;
  const list = sql.join(columns.map((c) => sql.ref(c)));
  const fromRecord = sql.join(columns.map((c) => sql.ref(`r.${c}`)));
  await sql`INSERT INTO ${sql.table(table)} (id, org_id, created_by, ${list})
    SELECT r.id, ${org}, ${userId}, ${fromRecord}
    FROM jsonb_populate_recordset(NULL::${sql.table(table)}, ${JSON.stringify(records)}::jsonb) r`.execute(
    tx,
  );
  await sql`INSERT INTO import_records (org_id, import_id, record_type, record_id, action)
    SELECT ${org}, ${importId}, ${kind}, id, 'created'
    FROM unnest(${records.map((r) => r['id'] as string)}::uuid[]) id`.execute(tx);
}

/**
 * Starts the stage history of new deals, as a deal created in the app starts it: a visit of the
 * stage each entered, from when it entered it (a closed deal's close time).
 */
export async function startStageHistories(
  tx: Tx,
  deals: Record<string, unknown>[],
  userId: string,
): Promise<void> {
  if (deals.length === 0) return;
  await sql`INSERT INTO deal_stage_history (org_id, deal_id, stage_id, entered_at, created_by)
    SELECT ${orgOf(tx)}, d.id, d.stage_id, d.stage_entered_at, ${userId}
    FROM jsonb_to_recordset(${JSON.stringify(deals)}::jsonb)
      d (id uuid, stage_id uuid, stage_entered_at timestamptz)`.execute(tx);
}

/**
 * Updates records with the fields each entry names (and only those). For an import, the values
 * they replace are kept first, for undo: a field keeps what it held when the import first wrote
 * it, and one a later batch writes first is added. The record is marked as applied again, so the
 * import's own later batch is not taken for an edit made since.
 */
export async function updateRecords(
  tx: Tx,
  importId: string | null,
  kind: RecordType,
  columns: string[],
  records: Record<string, unknown>[],
): Promise<void> {
  if (records.length === 0) return;
  const org = orgOf(tx);
  const table = sql.table(RECORD_KINDS[kind].table);
  const json = JSON.stringify(records);
  if (importId)
    await sql`INSERT INTO import_records (org_id, import_id, record_type, record_id, action, previous)
    SELECT ${org}, ${importId}, ${kind}, t.id, 'updated',
      (SELECT coalesce(jsonb_object_agg(k, to_jsonb(t) -> k), '{}')
       FROM jsonb_object_keys(e) k WHERE k <> 'id')
    FROM jsonb_array_elements(${json}::jsonb) e
    JOIN ${table} t ON t.org_id = ${org} AND t.id = (e ->> 'id')::uuid
    ON CONFLICT (org_id, import_id, record_type, record_id) DO UPDATE
      SET previous = EXCLUDED.previous || import_records.previous,
        applied_at = EXCLUDED.applied_at`.execute(tx);
  const assignments = sql.join(
    columns.map(
      (c) =>
        sql`${sql.ref(c)} = CASE WHEN e ? ${c} THEN ${sql.ref(`r.${c}`)} ELSE ${sql.ref(`t.${c}`)} END`,
    ),
  );
  await sql`UPDATE ${table} t SET ${assignments}
    FROM jsonb_array_elements(${json}::jsonb) e
    CROSS JOIN LATERAL jsonb_populate_record(NULL::${table}, e) r
    WHERE t.org_id = ${org} AND t.id = r.id`.execute(tx);
}

/**
 * Before a batch writes custom values over records the import updates: the values they replace,
 * kept in the import's `previous` of each record under `custom_fields` (field id to the rows it
 * held, `[]` when it had none), for undo. A field the import already touched on a record keeps
 * what it held first.
 */
export async function keepPreviousCustomValues(
  tx: Tx,
  importId: string,
  kind: RecordType,
  touched: { record_id: string; field_ids: string[] }[],
): Promise<void> {
  if (touched.length === 0) return;
  const org = orgOf(tx);
  await sql`WITH touched AS (
      SELECT t.record_id, f.field_id
      FROM jsonb_to_recordset(${JSON.stringify(touched)}::jsonb) t (record_id uuid, field_ids uuid[])
      CROSS JOIN unnest(t.field_ids) f (field_id)
    ), kept AS (
      SELECT t.record_id, jsonb_object_agg(t.field_id, (
        SELECT coalesce(jsonb_agg(jsonb_strip_nulls(to_jsonb(v))
          - ARRAY['org_id', 'id', 'field_id', 'record_id', 'created_at', 'updated_at', 'created_by']), '[]')
        FROM custom_field_values v
        WHERE v.org_id = ${org} AND v.record_id = t.record_id AND v.field_id = t.field_id)) AS fields
      FROM touched t GROUP BY t.record_id
    )
    UPDATE import_records i
    SET previous = jsonb_set(i.previous, '{custom_fields}',
      k.fields || coalesce(i.previous -> 'custom_fields', '{}'))
    FROM kept k
    WHERE i.org_id = ${org} AND i.import_id = ${importId} AND i.record_type = ${kind}
      AND i.record_id = k.record_id AND i.action = 'updated'`.execute(tx);
}

/** Links records to tags by name, creating the tags that do not exist yet. */
export async function tagRecords(
  tx: Tx,
  kind: RecordType,
  links: { record_id: string; name: string }[],
  userId: string,
): Promise<void> {
  if (links.length === 0) return;
  const org = orgOf(tx);
  const json = JSON.stringify(links);
  await sql`INSERT INTO tags (org_id, name, created_by)
    SELECT DISTINCT ON (lower(x.name)) ${org}, x.name, ${userId}::uuid
    FROM jsonb_to_recordset(${json}::jsonb) x (record_id uuid, name text)
    ORDER BY lower(x.name), x.name
    ON CONFLICT DO NOTHING`.execute(tx);
  const column = sql.ref(RECORD_KINDS[kind].attachmentField);
  await sql`INSERT INTO record_tags (org_id, tag_id, ${column}, created_by)
    SELECT DISTINCT ${org}::uuid, g.id, x.record_id, ${userId}::uuid
    FROM jsonb_to_recordset(${json}::jsonb) x (record_id uuid, name text)
    JOIN tags g ON g.org_id = ${org} AND lower(g.name) = lower(x.name)
    ON CONFLICT DO NOTHING`.execute(tx);
}

// Undo ---------------------------------------------------------------------------------------

export interface ImportedRecord {
  record_id: string;
  action: 'created' | 'updated';
  previous: Record<string, unknown>;
  edited_since: boolean;
}

/** What people attach to a record, which deleting the record deletes with it. */
const WORK_ON_RECORDS = ['tasks', 'notes', 'files', 'email_links'] as const;

/** A column that points at a record of the kind: `table.column`. */
export interface Reference {
  table: string;
  column: string;
}

/**
 * What the import made or changed, with whether someone changed each record after it, or put
 * work on one it made, or, among `references` (every column that points at a record of the
 * kind, when known), pointed another record at it: a contact linked to an imported account
 * changes the contact, not the account, and deleting the account would unlink it.
 */
export async function importedRecords(
  tx: Tx,
  importId: string,
  kind: RecordType,
  references?: readonly Reference[],
): Promise<ImportedRecord[]> {
  const org = orgOf(tx);
  const table = sql.table(RECORD_KINDS[kind].table);
  const pointing =
    references ??
    WORK_ON_RECORDS.map((work) => ({ table: work, column: RECORD_KINDS[kind].attachmentField }));
  // Work put on a record the import created (a note, a task, a file, an email), or a record
  // pointed at it since (a contact at an account), goes with it or loses it.
  const workSince = sql.join(
    pointing.map(
      ({ table: from, column }) => sql`EXISTS (SELECT FROM ${sql.table(from)} a
        WHERE a.org_id = i.org_id AND ${sql.ref(`a.${column}`)} = i.record_id
          AND a.updated_at > i.applied_at)`,
    ),
    sql` OR `,
  );
  const result = await sql<ImportedRecord>`
    SELECT i.record_id, i.action, i.previous,
      coalesce(t.updated_at > i.applied_at, false)
        OR (i.action = 'created' AND (${workSince})) AS edited_since
    FROM import_records i
    LEFT JOIN ${table} t ON t.org_id = i.org_id AND t.id = i.record_id
    WHERE i.org_id = ${org} AND i.import_id = ${importId}
    ORDER BY i.applied_at, i.record_id`.execute(tx);
  return result.rows;
}

/** Gives updated records back the values the import replaced, custom values included. */
export async function restoreRecords(
  tx: Tx,
  kind: RecordType,
  records: ImportedRecord[],
  userId: string,
): Promise<void> {
  const previous = records.map(({ record_id, previous: { custom_fields: _custom, ...rest } }) => ({
    id: record_id,
    ...rest,
  }));
  const columns = [...new Set(previous.flatMap((r) => Object.keys(r).filter((c) => c !== 'id')))];
  if (columns.length > 0) await updateRecords(tx, null, kind, columns, previous);
  await restoreCustomValues(tx, records, userId);
}

async function restoreCustomValues(
  tx: Tx,
  records: ImportedRecord[],
  userId: string,
): Promise<void> {
  const kept = records.flatMap((r) =>
    Object.entries((r.previous['custom_fields'] ?? {}) as Record<string, object[]>).map(
      ([field_id, values]) => ({ record_id: r.record_id, field_id, values }),
    ),
  );
  if (kept.length === 0) return;
  const org = orgOf(tx);
  const json = JSON.stringify(kept);
  const keptRows = sql`jsonb_to_recordset(${json}::jsonb) p (record_id uuid, field_id uuid, "values" jsonb)`;
  await sql`DELETE FROM custom_field_values v USING ${keptRows}
    WHERE v.org_id = ${org} AND v.record_id = p.record_id AND v.field_id = p.field_id`.execute(tx);
  const columns = sql.join(VALUE_COLUMNS.map((c) => sql.ref(c)));
  const fromRow = sql.join(VALUE_COLUMNS.map((c) => sql.ref(`r.${c}`)));
  // An option removed or a member gone since took its values with it: those stay gone.
  await sql`INSERT INTO custom_field_values (org_id, record_id, field_id, created_by, ${columns})
    SELECT ${org}, p.record_id, p.field_id, ${userId}, ${fromRow}
    FROM ${keptRows}
    CROSS JOIN jsonb_array_elements(p."values") e
    CROSS JOIN LATERAL jsonb_populate_record(NULL::custom_field_values, e) r
    WHERE (r.value_option IS NULL OR EXISTS (SELECT 1 FROM custom_field_options o
        WHERE o.org_id = ${org} AND o.id = r.value_option))
      AND (r.value_member IS NULL OR EXISTS (SELECT 1 FROM memberships m
        WHERE m.org_id = ${org} AND m.user_id = r.value_member))`.execute(tx);
}

/** The import as one event of the organization's trail. */
export async function auditImportEvent(
  tx: Tx,
  action: 'import.completed' | 'import.undone',
  details: Record<string, unknown>,
): Promise<void> {
  await sql`SELECT audit_security_event(${action}, ${JSON.stringify(details)}::jsonb)`.execute(tx);
}

export async function deleteRecords(tx: Tx, kind: RecordType, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const table = sql.table(RECORD_KINDS[kind].table);
  await sql`DELETE FROM ${table} WHERE org_id = ${orgOf(tx)} AND id = ANY (${ids}::uuid[])`.execute(
    tx,
  );
}

/**
 * Deletes the tags an import made (its batches' history names it) that no record uses any
 * more: once its records are gone, they would stay in every tag list and filter, tagging
 * nothing. A tag it made that is on a record it only updated, or that someone has used since,
 * stays.
 */
export async function deleteUnusedTagsMadeBy(tx: Tx, importId: string, since: Date): Promise<void> {
  const org = orgOf(tx);
  await sql`DELETE FROM tags g
    WHERE g.org_id = ${org}
      AND g.id IN (
        SELECT a.record_id FROM audit_log a
        WHERE a.org_id = ${org} AND a.table_name = 'tags' AND a.occurred_at >= ${since}
          AND a.action = 'insert' AND a.import_id = ${importId})
      AND NOT EXISTS (
        SELECT 1 FROM record_tags rt WHERE rt.org_id = g.org_id AND rt.tag_id = g.id)`.execute(tx);
}

// Templates ----------------------------------------------------------------------------------

export const TEMPLATE_COLUMNS = [
  'id',
  'name',
  'kind',
  'mapping',
  'created_at',
  'updated_at',
] as const;

/** Which header of a file goes to which field. */
export type TemplateMapping = { header: string; field: string }[];

export type TemplateRow = Omit<
  Selectable<ImportTemplatesTable>,
  'org_id' | 'created_by' | 'mapping'
> & { mapping: TemplateMapping };

export function listTemplates(tx: Tx): Promise<TemplateRow[]> {
  return tx
    .selectFrom('import_templates')
    .select(TEMPLATE_COLUMNS)
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .execute() as Promise<TemplateRow[]>;
}

export function insertTemplate(
  tx: Tx,
  values: { name: string; kind: RecordType; mapping: TemplateMapping },
  userId: string,
): Promise<TemplateRow> {
  return tx
    .insertInto('import_templates')
    .values({
      org_id: orgOf(tx),
      name: values.name,
      kind: values.kind,
      mapping: JSON.stringify(values.mapping),
      created_by: userId,
    })
    .returning(TEMPLATE_COLUMNS)
    .executeTakeFirstOrThrow() as Promise<TemplateRow>;
}

export async function deleteTemplate(tx: Tx, id: string): Promise<boolean> {
  const result = await tx.deleteFrom('import_templates').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
