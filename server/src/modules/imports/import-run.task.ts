import type { Db } from '../../db/pool.js';
import { withContext } from '../../db/tenant.js';
import { activeFields, writeParsedValues } from '../custom-fields/custom-fields.service.js';
import type { JobDeps } from '../../jobs/context.js';
import { enqueueJob, type TaskPayloads } from '../../jobs/queue.js';
import {
  addCounts,
  NO_COUNTS,
  writtenColumns,
  type Counts,
  type ImportSettings,
} from './import-plan.js';
import * as repo from './imports.repo.js';
import { BATCH_ROWS, planImportRows, runNotices } from './imports.service.js';

/**
 * A job runs for about this long, then queues the next part of the run and ends: a run never
 * holds a job (or keeps a stopping worker waiting) for long.
 */
const SLICE_MS = 10_000;

type Step = 'next' | 'sliced' | 'stopped';

/**
 * Applies one batch of an import's rows in its own transaction, with the import's progress:
 * a run killed at any point resumes after the last batch that committed, and two runners of
 * one import take turns on its row lock, each reading where the other stopped.
 */
async function applyBatch(
  db: Db,
  payload: TaskPayloads['import__run'],
  userId: string | null,
  sliceEndsAt: number,
): Promise<Step> {
  return withContext(db, { orgId: payload.org_id, userId }, async (tx) => {
    const row = await repo.findImport(tx, payload.import_id, { lock: true });
    if (!row || (row.status !== 'queued' && row.status !== 'running')) return 'stopped';
    const now = new Date();
    if (row.status === 'queued') {
      await repo.updateImport(tx, row.id, {
        status: 'running',
        started_at: now,
        heartbeat_at: now,
      });
    }
    await repo.markImportWrites(tx, row.id);
    const rows = await repo.readRows(tx, row.id, row.last_line, BATCH_ROWS);
    const counts = (row.counts as Counts | null) ?? NO_COUNTS;
    if (rows.length === 0) {
      await repo.updateImport(tx, row.id, { status: 'completed', finished_at: now });
      await repo.auditImportEvent(tx, 'import.completed', {
        import_id: row.id,
        file_name: row.file_name,
        kind: row.kind,
        ...counts,
      });
      return 'stopped';
    }
    const settings = row.options as ImportSettings;
    const plan = await planImportRows(tx, row, rows, settings, new Map());
    const creator = row.created_by ?? '';
    // Updates first: a new account may take the name an update renames another away from.
    for (const updates of plan.updates) {
      await repo.updateRecords(tx, row.id, row.kind, writtenColumns(row.kind, settings), updates);
    }
    await repo.insertRecords(
      tx,
      row.id,
      row.kind,
      writtenColumns(row.kind, settings),
      plan.creates,
      creator,
    );
    if (row.kind === 'deal') await repo.startStageHistories(tx, plan.creates, creator);
    await repo.tagRecords(tx, row.kind, plan.tags, creator);
    const updated = new Set(plan.updates.flat().map((update) => update['id'] as string));
    await repo.keepPreviousCustomValues(
      tx,
      row.id,
      row.kind,
      [...plan.custom]
        .filter(([recordId]) => updated.has(recordId))
        .map(([record_id, byField]) => ({ record_id, field_ids: [...byField.keys()] })),
    );
    // The batch's custom values, in its transaction: an empty cell leaves a value alone.
    await writeParsedValues(
      tx,
      { orgId: payload.org_id, userId: row.created_by },
      await activeFields(tx, row.kind),
      plan.custom,
    );
    await repo.insertRejections(tx, row.id, 'run', plan.rejections);
    await repo.updateImport(tx, row.id, {
      rows_done: row.rows_done + rows.length,
      last_line: rows.at(-1)!.line,
      counts: addCounts(counts, plan.counts),
      ...runNotices(row, plan.notices),
      heartbeat_at: now,
    });
    if (Date.now() < sliceEndsAt) return 'next';
    await enqueueJob(tx, 'import__run', payload, {
      jobKey: `import:${row.id}:${row.rows_done + rows.length}`,
      maxAttempts: 5,
    });
    return 'sliced';
  });
}

/** Runs an import for a while (see SLICE_MS), batch after batch; marks it failed on a last error. */
export async function runImport(
  deps: JobDeps,
  payload: TaskPayloads['import__run'],
): Promise<void> {
  const { job } = deps;
  const creator = await withContext(
    deps.db,
    { orgId: payload.org_id, userId: null },
    async (tx) => (await repo.findImport(tx, payload.import_id))?.created_by ?? null,
  );
  const sliceEndsAt = Date.now() + SLICE_MS;
  try {
    while ((await applyBatch(deps.db, payload, creator, sliceEndsAt)) === 'next');
  } catch (error) {
    if (job && job.attempts < job.max_attempts) throw error;
    deps.log.error({ err: error, import_id: payload.import_id }, 'import failed');
    await withContext(deps.db, { orgId: payload.org_id, userId: creator }, (tx) =>
      repo.updateImport(tx, payload.import_id, {
        status: 'failed',
        finished_at: new Date(),
        error: 'The import stopped on an error; what it wrote so far can be undone',
      }),
    );
  }
}
