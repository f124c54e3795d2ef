import type { RecordType } from '../../db/schema.js';
import { runOn, withTenant, withTenantClient, type Tx } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import {
  AppError,
  ConflictError,
  invalidField,
  NotFoundError,
  ValidationError,
} from '../../lib/errors.js';
import { enqueueJob } from '../../jobs/queue.js';
import { REFERENCES_TO } from '../merge/merge.service.js';
import { requireAdmin } from '../members/permissions.js';
import { readCsv, type ColumnSummary, type Encoding } from './csv-reader.js';
import { customFieldName, IMPORT_FIELDS, suggestMapping } from './fields.js';
import {
  activeFields,
  type CustomField as FieldWithOptions,
} from '../custom-fields/custom-fields.service.js';
import {
  endBatch,
  loadLookups,
  NO_COUNTS,
  addCounts,
  planBatch,
  type Counts,
  type ImportSettings,
  type Lookups,
  type Notice,
  type SeenKeys,
} from './import-plan.js';
import * as repo from './imports.repo.js';

const HISTORY_LIMIT = 100;
const REPORTED_REJECTIONS = 100;
export const BATCH_ROWS = 2_000;

export interface ImportView {
  id: string;
  kind: RecordType;
  file_name: string;
  status: repo.ImportRow['status'];
  encoding: string;
  delimiter: string;
  row_count: number;
  columns: (ColumnSummary & { suggested_field: string | null })[];
  fields: { name: string; label?: string; required: boolean }[];
  ragged_count: number;
  ragged_lines: number[];
  settings: ImportSettings | null;
  dry_run: { counts: Counts; checked_at: string } | null;
  counts: Counts | null;
  /** The first cells of the rows the run wrote that it stored in other words, and how many. */
  notices: Notice[];
  notices_total: number;
  progress: { rows_done: number; percent: number; seconds_left: number | null };
  differs_from_dry_run: boolean;
  started_at: Date | null;
  finished_at: Date | null;
  error: string | null;
  undone_at: Date | null;
  created_by: string | null;
  created_at: Date;
}

function view(row: repo.ImportRow, custom: readonly FieldWithOptions[]): ImportView {
  const columns = (row.columns ?? []) as ColumnSummary[];
  const suggested = suggestMapping(
    row.kind,
    columns.map((c) => c.header),
    custom,
  );
  const dryRun = row.dry_run as ImportView['dry_run'];
  const counts = row.counts as Counts | null;
  const percent = row.row_count ? Math.floor((row.rows_done / row.row_count) * 100) : 0;
  let secondsLeft: number | null = null;
  const since = row.status === 'checking' ? row.checking_since : row.started_at;
  if ((row.status === 'running' || row.status === 'checking') && since && row.rows_done > 0) {
    const elapsed = (Date.now() - since.getTime()) / 1000;
    secondsLeft = Math.ceil((elapsed / row.rows_done) * (row.row_count - row.rows_done));
  }
  const finished = row.status === 'completed' || row.status === 'undone';
  return {
    id: row.id,
    kind: row.kind,
    file_name: row.file_name,
    status: row.status,
    encoding: row.encoding,
    delimiter: row.delimiter,
    row_count: row.row_count,
    columns: columns.map((c, i) => ({ ...c, suggested_field: suggested[i] ?? null })),
    fields: [
      ...Object.entries(IMPORT_FIELDS[row.kind]).map(([name, spec]) => ({
        name,
        required: spec.required === true,
      })),
      ...custom.map((field) => ({
        name: customFieldName(field.key),
        label: field.label,
        required: field.required,
      })),
    ],
    ragged_count: row.ragged_count,
    ragged_lines: row.ragged_lines,
    settings: (row.options as ImportSettings | null) ?? null,
    dry_run: dryRun,
    counts,
    notices: row.notices as Notice[],
    notices_total: row.notices_total,
    progress: { rows_done: row.rows_done, percent, seconds_left: secondsLeft },
    differs_from_dry_run:
      finished && !!dryRun && !!counts && JSON.stringify(dryRun.counts) !== JSON.stringify(counts),
    started_at: row.started_at,
    finished_at: row.finished_at,
    error: row.error,
    undone_at: row.undone_at,
    created_by: row.created_by,
    created_at: row.created_at,
  };
}

/** An import as the API shows it, with the custom fields of its kind as mapping targets. */
async function viewOf(tx: Tx, row: repo.ImportRow): Promise<ImportView> {
  return view(row, await activeFields(tx, row.kind));
}

async function findOrFail(tx: Tx, id: string, lock = false): Promise<repo.ImportRow> {
  const found = await repo.findImport(tx, id, { lock });
  if (!found) throw new NotFoundError('Import');
  return found;
}

/**
 * Takes an uploaded CSV file as it streams in: its rows go to the database by COPY, in the same
 * transaction as the import itself, so a refused file leaves nothing behind.
 */
export async function uploadImport(
  ctx: RequestContext,
  input: { kind: RecordType; file_name: string; encoding: Encoding | 'auto' },
  body: AsyncIterable<Buffer>,
): Promise<ImportView> {
  const importId = await withTenantClient(
    ctx.deps.db,
    ctx,
    { checkMembership: true },
    async (client, member, tx) => {
      requireAdmin(member!);
      const [{ id }] = (await runOn(
        client,
        repo
          .newImport(tx, { kind: input.kind, file_name: input.file_name, created_by: ctx.userId })
          .compile(),
      )) as [{ id: string }];
      const summary = await repo.copyRows(
        client,
        tx,
        id,
        ctx.deps.config.http.uploadTimeoutMs,
        (write) => readCsv(body, { encoding: input.encoding }, write),
      );
      await runOn(
        client,
        repo
          .importChanges(tx, id, {
            encoding: summary.encoding,
            delimiter: summary.delimiter,
            columns: summary.columns,
            row_count: summary.row_count,
            ragged_count: summary.ragged_count,
            ragged_lines: summary.ragged_lines,
          })
          .compile(),
      );
      return id;
    },
  );
  return withTenant(ctx.deps.db, ctx, async (tx) => viewOf(tx, await findOrFail(tx, importId)));
}

export function listImports(ctx: RequestContext): Promise<ImportView[]> {
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const custom = await activeFields(tx);
    return (await repo.listImports(tx, HISTORY_LIMIT)).map((row) =>
      view(
        row,
        custom.filter((field) => field.record_type === row.kind),
      ),
    );
  });
}

export function getImport(ctx: RequestContext, id: string): Promise<ImportView> {
  return withTenant(ctx.deps.db, ctx, async (tx) => viewOf(tx, await findOrFail(tx, id)));
}

/** The fields a kind's columns can go to: its own, and its active custom fields as `cf.<key>`. */
function mappingTargets(
  kind: RecordType,
  custom: readonly FieldWithOptions[],
): Record<string, unknown> {
  return {
    ...IMPORT_FIELDS[kind],
    ...Object.fromEntries(custom.map((field) => [customFieldName(field.key), field])),
  };
}

const noSuchField = (kind: RecordType, field: string, fields: Record<string, unknown>) =>
  `a ${kind} has no field "${field}"; it has ${Object.keys(fields).join(', ')}`;

/** Refuses a mapping naming fields the kind has not, columns the file has not, or one twice. */
function checkSettings(
  row: repo.ImportRow,
  settings: ImportSettings,
  custom: readonly FieldWithOptions[],
): void {
  const fields = mappingTargets(row.kind, custom);
  const columns = (row.columns as ColumnSummary[]).length;
  const problems: { field: string; message: string }[] = [];
  const used = new Set<string>();
  settings.mapping.forEach((m, i) => {
    if (!fields[m.field]) {
      problems.push({
        field: `mapping/${i}/field`,
        message: noSuchField(row.kind, m.field, fields),
      });
    } else if (used.has(m.field)) {
      problems.push({ field: `mapping/${i}/field`, message: `"${m.field}" is mapped twice` });
    }
    if (m.column >= columns) {
      problems.push({
        field: `mapping/${i}/column`,
        message: `the file has ${columns} columns (0 to ${columns - 1})`,
      });
    }
    used.add(m.field);
  });
  // Without them no record can be created; updating existing records needs only a key.
  // A required custom field without a default is reported row by row, like an empty cell.
  for (const [field, spec] of Object.entries(IMPORT_FIELDS[row.kind])) {
    if (spec.required && !used.has(field) && settings.duplicates !== 'update') {
      problems.push({ field: 'mapping', message: `a column must be mapped to "${field}"` });
    }
  }
  if (problems.length > 0) {
    throw new ValidationError(`${problems[0]!.field}: ${problems[0]!.message}`, problems);
  }
}

export interface DryRunReport {
  counts: Counts;
  rejected: repo.Rejection[];
  rejected_total: number;
  notices: Notice[];
  notices_total: number;
  left_out: { column: number; header: string; fill_rate: number }[];
}

/** A dry run as the import keeps it: its counts, when, and how cells were read (the first). */
interface KeptDryRun {
  counts: Counts;
  checked_at: string;
  /** Absent from dry runs kept before notices were. */
  notices?: Notice[];
  notices_total?: number;
}

/**
 * Files up to this many rows are checked within the request (about a second); a larger one is
 * checked by a job, followed like a run, so that no request holds a connection for minutes.
 */
export const ROWS_CHECKED_IN_REQUEST = 20_000;

/**
 * How a report names each column: by its header, and where two columns have the same header
 * (`Name,Name`), by its position too, so that a rejected cell can be found.
 */
function columnNames(columns: readonly ColumnSummary[]): string[] {
  const times = new Map<string, number>();
  for (const { header } of columns) times.set(header, (times.get(header) ?? 0) + 1);
  return columns.map(({ header }, index) =>
    times.get(header)! > 1 ? `${header} (column ${index + 1})` : header,
  );
}

/** Plans a batch of the import's rows with the import's settings and its file's headers. */
export async function planImportRows(
  tx: Tx,
  row: repo.ImportRow,
  rows: { line: number; cells: string[] }[],
  settings: ImportSettings,
  seen: SeenKeys,
  lookups?: Lookups,
) {
  const headers = columnNames(row.columns as ColumnSummary[]);
  return planBatch(
    tx,
    row.kind,
    rows,
    settings,
    headers,
    lookups ?? (await loadLookups(tx, row.kind)),
    seen,
  );
}

/**
 * The run's notices with those of its next batch: the first ones, and how many. Kept with the
 * import in the batch's transaction, so that a run resumed after a crash counts each once.
 */
export function runNotices(
  row: repo.ImportRow,
  notices: readonly Notice[],
): { notices: Notice[]; notices_total: number } {
  return {
    notices: [...(row.notices as Notice[]), ...notices].slice(0, REPORTED_REJECTIONS),
    notices_total: row.notices_total + notices.length,
  };
}

/** What a check has found so far, carried from batch to batch. */
export interface CheckState {
  after: number;
  counts: Counts;
  /** The first notices of the rows checked, and how many there are. */
  notices: Notice[];
  noticesTotal: number;
  seen: SeenKeys;
  /** Members and stages, read once for the whole check. */
  lookups?: Lookups;
}

export const newCheck = (): CheckState => ({
  after: 0,
  counts: { ...NO_COUNTS },
  notices: [],
  noticesTotal: 0,
  seen: new Map(),
});

/** What a check that has read every row leaves with the import, for its report. */
export function finishedCheck(state: CheckState): KeptDryRun {
  return {
    counts: state.counts,
    checked_at: new Date().toISOString(),
    notices: state.notices,
    notices_total: state.noticesTotal,
  };
}

/**
 * Plans the next batch of an import's rows with nothing written but its rejections, the same
 * planning the run uses. Answers how many rows it checked: 0 once every row is.
 */
export async function checkNextBatch(
  tx: Tx,
  row: repo.ImportRow,
  settings: ImportSettings,
  state: CheckState,
): Promise<number> {
  const rows = await repo.readRows(tx, row.id, state.after, BATCH_ROWS);
  if (rows.length === 0) return 0;
  state.lookups ??= await loadLookups(tx, row.kind);
  const plan = await planImportRows(tx, row, rows, settings, state.seen, state.lookups);
  await repo.insertRejections(tx, row.id, 'dry_run', plan.rejections);
  state.counts = addCounts(state.counts, plan.counts);
  state.notices.push(...plan.notices.slice(0, REPORTED_REJECTIONS - state.notices.length));
  state.noticesTotal += plan.notices.length;
  endBatch(state.seen, plan, true);
  state.after = rows.at(-1)!.line;
  return rows.length;
}

/** The report of the last dry run: its counts, first rejected rows and first notices. */
async function reportOf(tx: Tx, row: repo.ImportRow): Promise<DryRunReport> {
  const dryRun = row.dry_run as KeptDryRun | null;
  if (!dryRun) throw new ConflictError('The import has not been checked with a dry run yet');
  return {
    counts: dryRun.counts,
    rejected: await repo.listRejections(tx, row.id, 'dry_run', 0, REPORTED_REJECTIONS),
    rejected_total: dryRun.counts.rejected,
    notices: dryRun.notices ?? [],
    notices_total: dryRun.notices_total ?? 0,
    left_out: leftOut(row),
  };
}

/**
 * The columns of the file that the checked mapping leaves out: their values are not imported,
 * which the report says before the run rather than someone finding them missing after it.
 */
function leftOut(row: repo.ImportRow): DryRunReport['left_out'] {
  const mapped = new Set((row.options as ImportSettings).mapping.map((m) => m.column));
  return (row.columns as ColumnSummary[])
    .map(({ index, header, fill_rate }) => ({ column: index, header, fill_rate }))
    .filter(({ column }) => !mapped.has(column));
}

export function dryRunReport(ctx: RequestContext, id: string): Promise<DryRunReport> {
  return withTenant(ctx.deps.db, ctx, async (tx) => reportOf(tx, await findOrFail(tx, id)));
}

/**
 * What the import would do, row by row, with nothing written but the report. A file of more
 * than ROWS_CHECKED_IN_REQUEST rows is checked by a job: the answer is then the import,
 * `checking`, and the report is read once it is back to `uploaded`.
 */
export function dryRun(
  ctx: RequestContext,
  id: string,
  settings: ImportSettings,
): Promise<{ report: DryRunReport } | { checking: ImportView }> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    const row = await findOrFail(tx, id, true);
    if (row.status !== 'uploaded' && row.status !== 'checking') {
      throw new ConflictError(
        `The import is ${row.status}; only an import not yet run can be checked`,
      );
    }
    checkSettings(row, settings, await activeFields(tx, row.kind));
    await repo.clearRejections(tx, id, 'dry_run');
    const kept = {
      options: settings,
      mapping: settings.mapping,
      dry_run: null,
      rows_done: 0,
      error: null,
    };
    if (row.row_count > ROWS_CHECKED_IN_REQUEST) {
      const since = new Date();
      await repo.updateImport(tx, id, { ...kept, status: 'checking', checking_since: since });
      await enqueueJob(
        tx,
        'import__check',
        { org_id: ctx.orgId, import_id: id, since: since.toISOString() },
        { maxAttempts: 3 },
      );
      return { checking: await viewOf(tx, await findOrFail(tx, id)) };
    }
    const state = newCheck();
    while (await checkNextBatch(tx, row, settings, state));
    await repo.updateImport(tx, id, {
      ...kept,
      status: 'uploaded',
      checking_since: null,
      dry_run: finishedCheck(state),
    });
    return { report: await reportOf(tx, await findOrFail(tx, id)) };
  });
}

/** The columns a file of rejected rows starts with, which no field's name or synonym matches. */
export const REJECTED_LINE_HEADER = 'Rejected line';
export const REJECTED_REASON_HEADER = 'Rejected because';

/** CSV cells as a spreadsheet reads them back: quoted, and never as a formula. */
function csvCell(value: string | number): string {
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const csvLine = (cells: (string | number)[]) => `${cells.map(csvCell).join(',')}\r\n`;

/**
 * Every rejected row of the dry run or the run as CSV, read from the database in pages: the
 * line and why, then the row's cells under the file's own headers, so that the rows can be
 * corrected in a spreadsheet and imported again with the same mapping.
 */
export async function rejectionsCsv(
  ctx: RequestContext,
  id: string,
  phase: 'dry_run' | 'run',
): Promise<AsyncGenerator<string>> {
  const { columns } = await getImport(ctx, id);
  return (async function* () {
    yield csvLine([REJECTED_LINE_HEADER, REJECTED_REASON_HEADER, ...columns.map((c) => c.header)]);
    for (let after = 0; ;) {
      const page = await withTenant(ctx.deps.db, ctx, async (tx) => {
        const rejections = await repo.listRejections(tx, id, phase, after, 1_000);
        const lines = rejections.map((r) => r.line);
        const cells = await repo.readRowsAt(tx, id, lines);
        return rejections.map((r) => ({ ...r, cells: cells.get(r.line) ?? [] }));
      });
      if (page.length === 0) return;
      yield page
        .map((r) =>
          csvLine([
            r.line,
            r.problems.map((p) => (p.column ? `${p.column}: ${p.reason}` : p.reason)).join('; '),
            ...r.cells,
          ]),
        )
        .join('');
      after = page.at(-1)!.line;
    }
  })();
}

/**
 * A run whose dry run found no row to create or update would only say it did nothing: the
 * file's rows need correcting first (the rejected ones are downloadable), or were all skipped.
 */
function refuseEmptyRun({ counts }: { counts: Counts }): void {
  if (counts.created + counts.updated > 0) return;
  const rows = counts.rejected + counts.skipped;
  const why =
    counts.skipped === 0
      ? `the dry run rejected ${rows === 1 ? 'its only row' : `all ${rows} rows`}`
      : counts.rejected === 0
        ? `the dry run skipped ${rows === 1 ? 'its only row' : `all ${rows} rows`} as duplicates`
        : `the dry run rejected ${counts.rejected} rows and skipped ${counts.skipped} as duplicates`;
  throw new AppError('conflict', 'nothing_to_import', `Nothing would be imported: ${why}`, {
    counts,
  });
}

/** Queues the run with the settings of the last dry run. */
export function startImport(ctx: RequestContext, id: string): Promise<ImportView> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    const row = await findOrFail(tx, id, true);
    if (row.status !== 'uploaded') throw new ConflictError(`The import is already ${row.status}`);
    if (!row.dry_run) throw new ConflictError('Check the import with a dry run before running it');
    refuseEmptyRun(row.dry_run as { counts: Counts });
    // A custom field the mapping names may have been archived or deleted since the dry run.
    checkSettings(row, row.options as ImportSettings, await activeFields(tx, row.kind));
    await repo.updateImport(tx, id, { status: 'queued', counts: NO_COUNTS, rows_done: 0 });
    await enqueueJob(
      tx,
      'import__run',
      { org_id: ctx.orgId, import_id: id },
      { jobKey: `import:${id}:0`, maxAttempts: 5 },
    );
    return viewOf(tx, await findOrFail(tx, id));
  });
}

/**
 * Stops a queued or running import after the batch it is writing (what it wrote stays), or the
 * dry run of a large file under way.
 */
export function cancelImport(ctx: RequestContext, id: string): Promise<ImportView> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    const row = await findOrFail(tx, id, true);
    if (row.status === 'checking') {
      // Stopping a dry run leaves the import as it was uploaded, to be checked again.
      await repo.updateImport(tx, id, { status: 'uploaded', checking_since: null, rows_done: 0 });
      return viewOf(tx, await findOrFail(tx, id));
    }
    if (row.status !== 'queued' && row.status !== 'running') {
      throw new ConflictError(
        `The import is ${row.status}; only a queued or running one can be cancelled`,
      );
    }
    await repo.updateImport(tx, id, { status: 'cancelled', finished_at: new Date() });
    return viewOf(tx, await findOrFail(tx, id));
  });
}

export interface UndoResult {
  deleted: number;
  restored: number;
  /** Records the import created that someone changed since: kept unless asked. */
  edited_since: string[];
}

/**
 * What points at a record of the kind and would be deleted or unlinked with it, but the tags
 * an import puts on the records it makes (a tag is not work someone did since); for deals, the
 * work put on them.
 */
function referencesTo(kind: RecordType): repo.Reference[] | undefined {
  const known = (REFERENCES_TO as Partial<Record<RecordType, readonly repo.Reference[]>>)[kind];
  return known?.filter((reference) => reference.table !== 'record_tags');
}

/**
 * Reverts an import: deletes what it created and gives what it updated its previous values.
 * Records edited since are listed and kept, unless `deleteEdited` says to delete them too.
 */
export function undoImport(
  ctx: RequestContext,
  id: string,
  options: { delete_edited: boolean },
): Promise<UndoResult> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    const row = await findOrFail(tx, id, true);
    if (row.status !== 'completed' && row.status !== 'cancelled' && row.status !== 'failed') {
      throw new ConflictError(`The import is ${row.status}; only a finished import can be undone`);
    }
    const records = await repo.importedRecords(tx, id, row.kind, referencesTo(row.kind));
    const created = records.filter((r) => r.action === 'created');
    const updated = records.filter((r) => r.action === 'updated');
    const editedSince = (of: repo.ImportedRecord[]) =>
      of.filter((r) => r.edited_since).map((r) => r.record_id);
    const edited = editedSince(created);
    // Giving a record edited since the values from before the import writes over that edit.
    const changed = editedSince(updated);
    if (edited.length + changed.length > 0 && !options.delete_edited) {
      throw new ConflictError(
        `${edited.length} records this import created and ${changed.length} it updated were edited since; undo again with delete_edited to delete those it created and give those it updated their values from before the import as well`,
        {
          edited_since: edited.slice(0, 1000),
          edited_count: edited.length,
          changed_since: changed.slice(0, 1000),
          changed_count: changed.length,
        },
      );
    }
    await repo.restoreRecords(tx, row.kind, updated, ctx.userId);
    await repo.deleteRecords(
      tx,
      row.kind,
      created.map((r) => r.record_id),
    );
    await repo.deleteUnusedTagsMadeBy(tx, id, row.created_at);
    await repo.updateImport(tx, id, {
      status: 'undone',
      undone_at: new Date(),
      undone_by: ctx.userId,
    });
    await repo.auditImportEvent(tx, 'import.undone', {
      import_id: id,
      file_name: row.file_name,
      deleted: created.length,
      restored: updated.length,
    });
    return { deleted: created.length, restored: updated.length, edited_since: edited };
  });
}

export function listTemplates(ctx: RequestContext) {
  return withTenant(ctx.deps.db, ctx, (tx) => repo.listTemplates(tx));
}

export function createTemplate(
  ctx: RequestContext,
  input: { name: string; kind: RecordType; mapping: { header: string; field: string }[] },
) {
  const name = input.name.trim();
  if (name === '') throw invalidField('name', 'must not be blank');
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    // Applied to a file, a field the kind has not would map a column the dry run then refuses.
    const fields = mappingTargets(input.kind, await activeFields(tx, input.kind));
    const unknown = input.mapping.findIndex((m) => !fields[m.field]);
    if (unknown !== -1) {
      throw invalidField(
        `mapping/${unknown}/field`,
        noSuchField(input.kind, input.mapping[unknown]!.field, fields),
      );
    }
    return repo.insertTemplate(tx, { ...input, name }, ctx.userId);
  });
}

export function deleteTemplate(ctx: RequestContext, id: string): Promise<void> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    if (!(await repo.deleteTemplate(tx, id))) throw new NotFoundError('Import template');
  });
}
