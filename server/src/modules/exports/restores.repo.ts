import { sql, type Selectable } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { TASK_STATUSES, type OrgRestoresTable } from '../../db/schema.js';
import { orgOf, type Tx } from '../../db/tenant.js';
import { enqueueJob } from '../../jobs/queue.js';
import { RECORD_KIND_LIST } from '../records/registry.js';

export const RESTORE_COLUMNS = [
  'id',
  'status',
  'file_name',
  'source_organization_id',
  'schema_version',
  'exported_at',
  'files_done',
  'files_total',
  'rows_total',
  'rows_done',
  'result',
  'error',
  'started_at',
  'finished_at',
  'created_at',
  'created_by',
] as const;

export type RestoreRow = Pick<Selectable<OrgRestoresTable>, (typeof RESTORE_COLUMNS)[number]>;

/**
 * Lets the transaction of an upload wait for the next bytes as long as the upload may take:
 * its pieces are written as they arrive, and between two of them the transaction is idle, which
 * the role's idle-in-transaction timeout (a minute) would otherwise end under a slow client.
 */
export async function waitForUpload(tx: Tx, timeoutMs: number): Promise<void> {
  await sql`SELECT set_config('idle_in_transaction_session_timeout', ${`${Math.trunc(timeoutMs)}ms`}, true)`.execute(
    tx,
  );
}

export async function insertChunk(
  tx: Tx,
  orgId: string,
  restoreId: string,
  file: string,
  seq: number,
  data: Buffer,
): Promise<void> {
  await tx
    .insertInto('org_restore_chunks')
    .values({ org_id: orgId, restore_id: restoreId, file_name: file, seq, data })
    .execute();
}

export function insertRestore(
  tx: Tx,
  values: {
    org_id: string;
    id: string;
    file_name: string;
    source_organization_id: string;
    schema_version: string;
    exported_at: Date;
    files_total: number;
    rows_total: number;
    created_by: string;
  },
): Promise<RestoreRow> {
  return tx
    .insertInto('org_restores')
    .values(values)
    .returning(RESTORE_COLUMNS)
    .executeTakeFirstOrThrow();
}

export function findRestore(tx: Tx, id: string): Promise<RestoreRow | undefined> {
  return tx
    .selectFrom('org_restores')
    .select(RESTORE_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A restore not finished yet, if any: one at a time per organization. */
export function findUnfinishedRestore(tx: Tx): Promise<RestoreRow | undefined> {
  return tx
    .selectFrom('org_restores')
    .select(RESTORE_COLUMNS)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
}

export function recentRestores(tx: Tx, limit: number): Promise<RestoreRow[]> {
  return tx
    .selectFrom('org_restores')
    .select(RESTORE_COLUMNS)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * The tables holding records of the organization that a restore must not mix with: the
 * kinds, their tasks and notes, tags, teams and custom fields, and what people set up to work
 * with them (views, templates, forms) or kept from mail. Pipelines are not among them: every
 * organization has one from the start, and a restore replaces them with the export's.
 */
export const RECORD_TABLES = [
  ...RECORD_KIND_LIST.map((kind) => kind.table),
  'tasks',
  'notes',
  'tags',
  'teams',
  'custom_fields',
  'saved_views',
  'email_templates',
  'import_templates',
  'web_forms',
  'emails',
] as const;

/** Which of RECORD_TABLES hold at least one row of the organization: one statement. */
function recordTablesPresent(orgId: string): string {
  const org = pg.escapeLiteral(orgId);
  const found = RECORD_TABLES.map(
    (table) =>
      `CASE WHEN EXISTS (SELECT FROM ${ident(table)} WHERE org_id = ${org}) THEN ${pg.escapeLiteral(table)} END`,
  );
  return `SELECT array_remove(ARRAY[${found.join(', ')}]::text[], NULL) AS present`;
}

export async function tablesWithRecords(tx: Tx): Promise<string[]> {
  const { rows } = await sql<{
    present: string[];
  }>`${sql.raw(recordTablesPresent(orgOf(tx)))}`.execute(tx);
  return rows[0]!.present;
}

/** The same, on the restore's own connection, inside its transaction. */
export async function tablesWithRecordsOn(client: pg.PoolClient, orgId: string): Promise<string[]> {
  const { rows } = await client.query<{ present: string[] }>(recordTablesPresent(orgId));
  return rows[0]!.present;
}

/**
 * Whether a restore job is at work in the organization: the job holds this lock for its whole
 * transaction, so a restore marked running without it was stopped by a worker that died.
 */
export async function restoreJobAlive(tx: Tx): Promise<boolean> {
  const { rows } = await sql<{ free: boolean }>`
    SELECT pg_try_advisory_xact_lock(${RESTORE_LOCK}, hashtext(${orgOf(tx)})) AS free`.execute(tx);
  return !rows[0]!.free;
}

/** The lock's first key: restores, among the application's advisory locks. */
const RESTORE_LOCK = 7_330_016;

/** Takes the organization's restore lock on the job's own connection, waiting for it. */
export async function lockRestores(client: pg.PoolClient, orgId: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [RESTORE_LOCK, orgId]);
}

/** Starts (or starts again, after an interrupted attempt) a queued restore. */
export function startRestore(tx: Tx, id: string): Promise<RestoreRow | undefined> {
  return tx
    .updateTable('org_restores')
    .set({ status: 'running', files_done: 0, rows_done: 0, started_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .returning(RESTORE_COLUMNS)
    .executeTakeFirst();
}

export type RestoreOutcome =
  { status: 'completed'; result: unknown } | { status: 'failed'; error: string };

/**
 * The statements that end a restore, keeping its result or its error, and drop the uploaded
 * file, no longer needed (to run here, or compile and send on the restore's own connection).
 */
export function finishRestoreStatements(tx: Tx, id: string, outcome: RestoreOutcome) {
  return [
    tx.deleteFrom('org_restore_chunks').where('restore_id', '=', id),
    tx
      .updateTable('org_restores')
      .set({
        status: outcome.status,
        result: outcome.status === 'completed' ? JSON.stringify(outcome.result) : null,
        error: outcome.status === 'failed' ? outcome.error : null,
        finished_at: sql<Date>`now()`,
        ...(outcome.status === 'completed' ? { files_done: sql<number>`files_total` } : {}),
      })
      .where('id', '=', id),
  ] as const;
}

export async function finishRestore(tx: Tx, id: string, outcome: RestoreOutcome): Promise<void> {
  for (const statement of finishRestoreStatements(tx, id, outcome)) await statement.execute();
}

/**
 * Bytes a restore has put in the file store, marked for removal in a transaction of their own
 * as soon as they are written: if the restore does not commit, they are removed as those of a
 * deleted file are (files__remove_blobs); if it does, it takes the marks away (keepBytes).
 */
export async function markBytesUnkept(tx: Tx, orgId: string, key: string): Promise<void> {
  await tx.insertInto('file_blob_removals').values({ org_id: orgId, blob_key: key }).execute();
}

/** Removes the bytes of a restore that did not commit (its marks stayed). */
export async function removeUnkeptBytes(tx: Tx, orgId: string): Promise<void> {
  await enqueueJob(tx, 'files__remove_blobs', { org_id: orgId }, { jobKey: 'files-remove-blobs' });
}

/** One stored CSV's pieces, in order (to compile and stream). */
export function restoreChunks(tx: Tx, id: string, file: string) {
  return tx
    .selectFrom('org_restore_chunks')
    .select('data')
    .where('restore_id', '=', id)
    .where('file_name', '=', file)
    .orderBy('seq');
}

/** The files of an upload that were stored, as a statement (an older export lacks some CSVs). */
export function storedFiles(tx: Tx, id: string) {
  return tx
    .selectFrom('org_restore_chunks')
    .select('file_name')
    .distinct()
    .where('restore_id', '=', id);
}

// The statements below run on the bare connection of the restore's one transaction (COPY needs
// it). The staging tables are temporary: not tenant tables, gone at commit or rollback.

const ident = (name: string) => pg.escapeIdentifier(name);

/** The staging table of an export's CSV. */
export function stagingOf(file: string): string {
  return `restore_${file.replace(/\.csv$/, '')}`;
}

/**
 * Columns that name a record of any kind (a lead, an account, a contact or a deal) by its id
 * alone: one column for every kind, so no foreign key can say which table it names. Ids are
 * unique across the tables, so the one id map gives them their record's new id all the same.
 */
export const ANY_RECORD_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  custom_field_values: ['record_id'],
  merged_records: ['survivor_id'],
};

/** The tables of the record kinds: what a column of ANY_RECORD_COLUMNS may name. */
export const KIND_TABLES: readonly string[] = RECORD_KIND_LIST.map((kind) => kind.table);

/** How a restored table's columns point elsewhere, read from its foreign keys. */
export interface TableLinks {
  table: string;
  /** Columns naming a record restored with it, and the table and column they name. */
  references: Array<{ column: string; target: string; targetColumn: string }>;
  /** Columns naming a record of any kind (ANY_RECORD_COLUMNS). */
  records: string[];
  /** Columns naming a person; `required` ones make the row theirs (a team membership). */
  people: Array<{ column: string; required: boolean; member: boolean }>;
}

export async function tableLinks(client: pg.PoolClient, tables: string[]): Promise<TableLinks[]> {
  const { rows } = await client.query<{
    table_name: string;
    target: string;
    columns: string[];
    target_columns: string[];
    not_null: boolean[];
  }>(
    `SELECT c.conrelid::regclass::text AS table_name, c.confrelid::regclass::text AS target,
            array_agg(a.attname::text ORDER BY k.ord) AS columns,
            array_agg(t.attname::text ORDER BY k.ord) AS target_columns,
            array_agg(a.attnotnull ORDER BY k.ord) AS not_null
     FROM pg_constraint c
     CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(attnum, target_attnum, ord)
     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
     JOIN pg_attribute t ON t.attrelid = c.confrelid AND t.attnum = k.target_attnum
     WHERE c.contype = 'f' AND c.conrelid::regclass::text = ANY($1::text[])
       AND a.attname <> 'org_id' AND a.atttypid = 'uuid'::regtype
     GROUP BY c.oid, c.conrelid, c.confrelid`,
    [tables],
  );
  return tables.map((table) => {
    const links: TableLinks = {
      table,
      references: [],
      records: [...(ANY_RECORD_COLUMNS[table] ?? [])],
      people: [],
    };
    for (const row of rows.filter((r) => r.table_name === table)) {
      row.columns.forEach((column, i) => {
        if (row.target === 'users' || row.target === 'memberships') {
          links.people.push({
            column,
            required: row.not_null[i]!,
            member: row.target === 'memberships',
          });
        } else if (tables.includes(row.target)) {
          links.references.push({
            column,
            target: row.target,
            targetColumn: row.target_columns[i]!,
          });
        }
      });
    }
    return links;
  });
}

/** The columns of a CSV that its table has: those a restore writes. */
export function tableColumns(file: { columns: string[]; extra?: string[] }): string[] {
  return file.columns.filter((column) => !file.extra?.includes(column));
}

/** The staging table of one CSV: its table's columns and types (or the file's own). */
export async function createStaging(
  client: pg.PoolClient,
  file: {
    name: string;
    table: string | null;
    columns: string[];
    extra?: string[];
    staging?: string;
  },
): Promise<void> {
  const staging = ident(stagingOf(file.name));
  if (file.table) {
    const extra = (file.extra ?? []).map((column) => `, ADD COLUMN ${ident(column)} text`);
    await client.query(
      `CREATE TEMP TABLE ${staging} ON COMMIT DROP AS
         SELECT ${tableColumns(file).map(ident).join(', ')} FROM ${ident(file.table)} WITH NO DATA;
       ALTER TABLE ${staging} ADD COLUMN restore_row bigint GENERATED ALWAYS AS IDENTITY
         ${extra.join('')}`,
    );
  } else {
    await client.query(`CREATE TEMP TABLE ${staging} (${file.staging}) ON COMMIT DROP`);
  }
}

/**
 * Gives the organization the settings of the exported one (none from an export made before
 * they were in it), its file size limit at most this installation's; answers how many rows.
 */
export async function restoreSettings(
  client: pg.PoolClient,
  orgId: string,
  instanceMaxFileBytes: number,
): Promise<number> {
  const result = await client.query(
    `UPDATE orgs o SET currency = s.currency, locale = s.locale,
       max_file_bytes = least(s.max_file_bytes, $2::bigint)
     FROM ${ident(stagingOf('organization.csv'))} s WHERE o.id = $1`,
    [orgId, instanceMaxFileBytes],
  );
  return result.rowCount ?? 0;
}

/** COPY FROM STDIN into a staging table: write the CSV, header first, into the stream. */
export function copyInto(client: pg.PoolClient, file: { name: string; columns: string[] }) {
  return client.query(
    copyFrom(
      `COPY ${ident(stagingOf(file.name))} (${file.columns.map(ident).join(', ')})
       FROM STDIN WITH (FORMAT csv, HEADER MATCH)`,
    ),
  );
}

/**
 * Gives the planner the staging tables' sizes: autovacuum never analyzes temporary tables, and
 * without it the checks and inserts that join them are planned as if they were tiny.
 */
export async function analyzeStaging(client: pg.PoolClient, file: string): Promise<void> {
  await client.query(`ANALYZE ${ident(stagingOf(file))}`);
}

/** A new id for every row restored: one map, for ids are unique across the tables. */
export async function mapIds(client: pg.PoolClient, tables: string[]): Promise<void> {
  await client.query(
    `CREATE TEMP TABLE restore_ids (old_id uuid PRIMARY KEY,
       new_id uuid NOT NULL DEFAULT gen_random_uuid()) ON COMMIT DROP;
     INSERT INTO restore_ids (old_id)
       ${tables.map((table) => `SELECT id FROM ${ident(stagingOf(`${table}.csv`))}`).join(' UNION ALL ')};
     ANALYZE restore_ids`,
  );
}

/** Each person of the export, and the member of this organization with the same email. */
export async function mapPeople(client: pg.PoolClient, orgId: string): Promise<void> {
  await client.query(
    `CREATE TEMP TABLE restore_people ON COMMIT DROP AS
       SELECT r.user_id AS old_id, r.email, r.name, t.user_id AS member_id
       FROM ${ident(stagingOf('members.csv'))} r
       LEFT JOIN (SELECT m.user_id, lower(u.email) AS email FROM memberships m
                  JOIN users u ON u.id = m.user_id WHERE m.org_id = $1) t
         ON t.email = lower(r.email);
     CREATE UNIQUE INDEX ON restore_people (old_id);
     ANALYZE restore_people`.replace('$1', pg.escapeLiteral(orgId)),
  );
}

/**
 * Points the mentions in notes (`@[Name](member:<user id>)`) at the members here with the same
 * email: on another installation the same people's accounts have other ids, and a mention of
 * an id that is no member's renders as plain text and stops its note from being edited.
 */
export async function mapMentions(client: pg.PoolClient): Promise<void> {
  const { rows } = await client.query<{ old_id: string; member_id: string }>(
    'SELECT old_id, member_id FROM restore_people WHERE member_id <> old_id',
  );
  for (const person of rows) {
    await client.query(
      `UPDATE ${ident(stagingOf('notes.csv'))} SET body = replace(body, $1, $2)
       WHERE strpos(body, $1) > 0`,
      [`](member:${person.old_id})`, `](member:${person.member_id})`],
    );
  }
}

/**
 * Writes the staged accounts' domains the way this version keeps them (`bare`), for an export
 * made by a release that kept them as typed.
 */
export async function rewriteStagedDomains(
  client: pg.PoolClient,
  bare: (domain: string) => string | null,
): Promise<void> {
  const staging = ident(stagingOf('accounts.csv'));
  const { rows } = await client.query<{ row: string; domain: string }>(
    `SELECT restore_row AS row, domain FROM ${staging} WHERE domain IS NOT NULL`,
  );
  const changed = rows.flatMap(({ row, domain }) =>
    bare(domain) === domain ? [] : [{ row, domain: bare(domain) }],
  );
  await client.query(
    `UPDATE ${staging} s SET domain = c.domain
     FROM unnest($1::bigint[], $2::text[]) AS c(row, domain) WHERE s.restore_row = c.row`,
    [changed.map((change) => change.row), changed.map((change) => change.domain)],
  );
}

/** Whether staged column `s.<column>` names no record of any kind of the export. */
function noRecordOfTheExport(column: string): string {
  return KIND_TABLES.map(
    (kind) =>
      `NOT EXISTS (SELECT 1 FROM ${ident(stagingOf(`${kind}.csv`))} x WHERE x.id = s.${ident(column)})`,
  ).join(' AND ');
}

/**
 * Leaves out the merges into records deleted since (nothing removes them when their survivor
 * goes): they name no record of the export, and would otherwise refuse an intact export.
 */
export async function dropMergesIntoDeleted(client: pg.PoolClient): Promise<void> {
  await client.query(
    `DELETE FROM ${ident(stagingOf('merged_records.csv'))} s
     WHERE ${noRecordOfTheExport('survivor_id')}`,
  );
}

/** The first row of a CSV naming a record its export does not hold, if any. */
export async function firstDanglingReference(
  client: pg.PoolClient,
  links: TableLinks[],
): Promise<{ file: string; row: number; column: string } | undefined> {
  for (const { table, references, records } of links) {
    for (const { column, target, targetColumn } of references) {
      const { rows } = await client.query<{ row: string }>(
        `SELECT s.restore_row AS row FROM ${ident(stagingOf(`${table}.csv`))} s
         WHERE s.${ident(column)} IS NOT NULL AND NOT EXISTS (
           SELECT 1 FROM ${ident(stagingOf(`${target}.csv`))} x
           WHERE x.${ident(targetColumn)} = s.${ident(column)})
         ORDER BY s.restore_row LIMIT 1`,
      );
      if (rows[0]) return { file: `${table}.csv`, row: Number(rows[0].row), column };
    }
    for (const column of records) {
      const { rows } = await client.query<{ row: string }>(
        `SELECT s.restore_row AS row FROM ${ident(stagingOf(`${table}.csv`))} s
         WHERE s.${ident(column)} IS NOT NULL AND ${noRecordOfTheExport(column)}
         ORDER BY s.restore_row LIMIT 1`,
      );
      if (rows[0]) return { file: `${table}.csv`, row: Number(rows[0].row), column };
    }
  }
  return undefined;
}

/** The attached files of the export, to put their bytes back in the store one by one. */
export async function stagedFiles(
  client: pg.PoolClient,
): Promise<Array<{ id: string; sha256: string; row: string }>> {
  const staging = ident(stagingOf('files.csv'));
  await client.query(`ALTER TABLE ${staging} ADD COLUMN blob_key text`);
  const { rows } = await client.query<{ id: string; sha256: string; row: string }>(
    `SELECT id, sha256, restore_row AS row FROM ${staging} ORDER BY restore_row`,
  );
  return rows;
}

/** Where a restored file's bytes now are. */
export async function setBlobKey(client: pg.PoolClient, id: string, key: string): Promise<void> {
  await client.query(`UPDATE ${ident(stagingOf('files.csv'))} SET blob_key = $1 WHERE id = $2`, [
    key,
    id,
  ]);
}

/**
 * Leaves out the files whose bytes the export does not hold (deleted while it was written)
 * and answers how many; takes away the marks of the bytes put back, which are now kept.
 */
export async function keepBytes(client: pg.PoolClient, orgId: string): Promise<number> {
  const staging = ident(stagingOf('files.csv'));
  const left = await client.query(`DELETE FROM ${staging} WHERE blob_key IS NULL`);
  await client.query(
    `DELETE FROM file_blob_removals r USING ${staging} s
     WHERE r.org_id = $1 AND r.blob_key = s.blob_key`,
    [orgId],
  );
  return left.rowCount ?? 0;
}

/** The organization's pipelines go, for the export's replace them (it has no deal on them). */
export async function deletePipelines(client: pg.PoolClient, orgId: string): Promise<void> {
  await client.query('DELETE FROM pipelines WHERE org_id = $1', [orgId]);
}

/**
 * A text that may be an id: the new id of a row of the export, or the member here of a person
 * of the export; anything else (a value, an id the export does not hold) stays as it is.
 */
function newIdIn(text: string): string {
  return `coalesce(CASE WHEN ${text} ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
    THEN coalesce((SELECT n.new_id::text FROM restore_ids n WHERE n.old_id = (${text})::uuid),
      (SELECT p.member_id::text FROM restore_people p WHERE p.old_id = (${text})::uuid)) END,
    ${text})`;
}

/**
 * A view's filter with its ids mapped: each filter naming a record by id (`tag_id`, `stage_id`,
 * `owner_id`…) and each value of a custom field condition (`<key>:<operator>:<id>,<id>`: options
 * and members). Custom fields are named by key, which a restore keeps.
 */
const VIEW_FILTER = `(SELECT coalesce(jsonb_object_agg(f.key, CASE
    WHEN jsonb_typeof(f.value) = 'string' THEN to_jsonb(${newIdIn(`(f.value #>> '{}')`)})
    WHEN f.key = 'cf' AND jsonb_typeof(f.value) = 'array' THEN coalesce((SELECT jsonb_agg(
        to_jsonb(substring(c.value FROM '^[^:]*:[^:]*:?') || (SELECT string_agg(
          ${newIdIn('v.part')}, ',' ORDER BY v.at)
          FROM regexp_split_to_table(substring(c.value FROM '^[^:]*:[^:]*:?(.*)$'), ',')
            WITH ORDINALITY v(part, at)))
        ORDER BY c.at)
      FROM jsonb_array_elements_text(f.value) WITH ORDINALITY c(value, at)), '[]'::jsonb)
    ELSE f.value END), '{}'::jsonb)
  FROM jsonb_each(s.filter) f)`;

/**
 * JSON columns that hold ids, and how each takes the new ones: a custom field's default is an
 * option of a select, options of a multi-select (in order) or a member, by id. A member who
 * is not one here leaves the field without a default. A view's filter keeps an id it cannot
 * map (a tag deleted before the export), which the view reports as it did.
 */
const IDS_IN_JSON: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  custom_fields: {
    default_value: `CASE WHEN s.default_value IS NULL THEN NULL
      WHEN s.field_type = 'select' THEN to_jsonb((SELECT n.new_id FROM restore_ids n
        WHERE n.old_id = (s.default_value #>> '{}')::uuid))
      WHEN s.field_type = 'multi_select' THEN coalesce((SELECT jsonb_agg(n.new_id ORDER BY e.at)
        FROM jsonb_array_elements_text(s.default_value) WITH ORDINALITY e(id, at)
        JOIN restore_ids n ON n.old_id = e.id::uuid), '[]'::jsonb)
      WHEN s.field_type = 'member' THEN to_jsonb((SELECT p.member_id FROM restore_people p
        WHERE p.old_id = (s.default_value #>> '{}')::uuid))
      ELSE s.default_value END`,
  },
  saved_views: { filter: VIEW_FILTER },
};

/**
 * Leaves out the personal views (and the defaults naming them) of people who are not members
 * here, for no one else may see them; answers how many views.
 */
export async function leaveOutPersonalViews(client: pg.PoolClient): Promise<number> {
  const views = ident(stagingOf('saved_views.csv'));
  const left = await client.query(
    `DELETE FROM ${views} s WHERE s.user_id IS NOT NULL AND NOT EXISTS (
       SELECT 1 FROM restore_people p WHERE p.old_id = s.user_id AND p.member_id IS NOT NULL)`,
  );
  await client.query(
    `DELETE FROM ${ident(stagingOf('saved_view_defaults.csv'))} d
     WHERE NOT EXISTS (SELECT 1 FROM ${views} v WHERE v.id = d.view_id)`,
  );
  return left.rowCount ?? 0;
}

/** A restored web form, whose new secret its admin puts in place with the new embed code. */
export interface FormToEmbed {
  id: string;
  name: string;
}

/**
 * Gives each form of the export the hash of its new secret (made from its new id, so the old
 * embed code opens nothing here) and turns it off until its admin has put the new code in
 * place; answers the forms.
 */
export async function renewFormSecrets(
  client: pg.PoolClient,
  hashOf: (form: { id: string; secret_version: number }) => Buffer,
): Promise<FormToEmbed[]> {
  const forms = ident(stagingOf('web_forms.csv'));
  await client.query(`ALTER TABLE ${forms} ADD COLUMN secret_hash bytea`);
  const { rows } = await client.query<FormToEmbed & { row: string; secret_version: number }>(
    `SELECT s.restore_row AS row, n.new_id AS id, s.name, s.secret_version
     FROM ${forms} s JOIN restore_ids n ON n.old_id = s.id ORDER BY s.name, n.new_id`,
  );
  await client.query(
    `UPDATE ${forms} s SET active = false, secret_hash = decode(h.hash, 'hex')
     FROM unnest($1::bigint[], $2::text[]) AS h(row, hash) WHERE s.restore_row = h.row`,
    [rows.map((form) => form.row), rows.map((form) => hashOf(form).toString('hex'))],
  );
  return rows.map(({ id, name }) => ({ id, name }));
}

/**
 * Writes one table's staged rows under the organization's context: new ids, references
 * through the id map, people through the members found by email (the restoring admin for
 * anyone who is not a member here; a team membership of such a person is left out).
 */
export async function insertStaged(
  client: pg.PoolClient,
  orgId: string,
  adminId: string,
  links: TableLinks,
  columns: string[],
): Promise<number> {
  const references = new Set([...links.references.map((link) => link.column), ...links.records]);
  const people = new Map(links.people.map((person) => [person.column, person]));
  const joins: string[] = [];
  const admin = pg.escapeLiteral(adminId);
  const value = (column: string) => {
    const s = `s.${ident(column)}`;
    const inJson = IDS_IN_JSON[links.table]?.[column];
    if (inJson) return inJson;
    if (column === 'id' || references.has(column))
      return `(SELECT n.new_id FROM restore_ids n WHERE n.old_id = ${s})`;
    const person = people.get(column);
    if (person?.required) {
      const alias = ident(`p_${column}`);
      joins.push(
        `JOIN restore_people ${alias} ON ${alias}.old_id = ${s} AND ${alias}.member_id IS NOT NULL`,
      );
      return `${alias}.member_id`;
    }
    if (person)
      return `CASE WHEN ${s} IS NULL THEN NULL ELSE coalesce(
        (SELECT p.member_id FROM restore_people p WHERE p.old_id = ${s}), ${admin}::uuid) END`;
    return s;
  };
  const values = columns.map(value);
  const result = await client.query(
    `INSERT INTO ${ident(links.table)} (org_id, ${columns.map(ident).join(', ')})
     SELECT $1::uuid, ${values.join(', ')}
     FROM ${ident(stagingOf(`${links.table}.csv`))} s ${joins.join(' ')}`,
    [orgId],
  );
  return result.rowCount ?? 0;
}

/**
 * Schedules the due reminders the restored tasks were still owed when the export was made:
 * open, assigned, due after that moment and not yet reminded. Their reminder jobs were the
 * exported organization's; without new ones here, no assignee would be told.
 */
export async function scheduleDueReminders(
  client: pg.PoolClient,
  orgId: string,
  exportedAt: Date,
  keyPrefix: string,
): Promise<void> {
  await client.query(
    `SELECT enqueue_job('task__due', jsonb_build_object('org_id', t.org_id, 'task_id', t.id),
       $2 || t.id, t.due_at, 10)
     FROM tasks t
     WHERE t.org_id = $1 AND t.due_at > $3 AND t.assignee_id IS NOT NULL
       AND t.due_notified_at IS NULL AND t.status = ANY($4::text[])`,
    [orgId, keyPrefix, exportedAt, TASK_STATUSES.filter((status) => status !== 'done')],
  );
}

export interface PersonNotMember {
  /** Null for the people who had already left when the export was made. */
  email: string | null;
  name: string | null;
  /** Records they owned or were assigned, now the restoring admin's. */
  records: number;
  /** Rows that were theirs alone (team memberships, default views), left out. */
  left_out: number;
}

/** What a completed restore says: rows per file, and whose records became the admin's. */
export interface RestoreResult {
  rows: Record<string, number>;
  /** Files listed in files.csv without their bytes (deleted while the export was written). */
  files_without_bytes: number;
  reassigned_to: string;
  people_not_members: PersonNotMember[];
  /** Personal views of people who are not members here: left out. */
  personal_views_left_out: number;
  /** The forms restored turned off, with a new secret: each needs its new embed code. */
  web_forms_to_embed: FormToEmbed[];
}

/** The export's people who are not members here, and what became of their records. */
export async function peopleNotMembers(
  client: pg.PoolClient,
  links: TableLinks[],
): Promise<PersonNotMember[]> {
  const counts = (predicate: (column: string) => string, required: boolean) => {
    const parts = links.flatMap(({ table, people }) => {
      const columns = people.filter((p) => p.member && p.required === required);
      if (columns.length === 0) return [];
      return [
        `(SELECT count(*) FROM ${ident(stagingOf(`${table}.csv`))} s
          WHERE ${columns.map((p) => predicate(`s.${ident(p.column)}`)).join(' OR ')})`,
      ];
    });
    return parts.length > 0 ? parts.join(' + ') : '0';
  };
  const theirs = (column: string) => `${column} = p.old_id`;
  const departed = (column: string) =>
    `(${column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM restore_people q WHERE q.old_id = ${column}))`;
  const { rows } = await client.query<PersonNotMember>(
    `SELECT p.email, p.name, (${counts(theirs, false)})::int AS records,
            (${counts(theirs, true)})::int AS left_out
     FROM restore_people p WHERE p.member_id IS NULL
     UNION ALL
     SELECT NULL, NULL, (${counts(departed, false)})::int, (${counts(departed, true)})::int
     ORDER BY 1 NULLS LAST`,
  );
  return rows.filter((row) => row.email !== null || row.records > 0 || row.left_out > 0);
}
