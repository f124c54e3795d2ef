import { withContext, type Tx } from '../../db/tenant.js';
import type { JobDeps } from '../../jobs/context.js';
import type { TaskPayloads } from '../../jobs/queue.js';
import type { ImportSettings } from './import-plan.js';
import * as repo from './imports.repo.js';
import { checkNextBatch, finishedCheck, newCheck } from './imports.service.js';

type Payload = TaskPayloads['import__check'];

/**
 * The dry run of a large file, batch after batch, each batch's rejections and progress committed
 * on its own so that the page can follow it. What a check remembers between batches (the keys
 * seen earlier in the file) lives in this job only: a check that stopped (a killed worker, a
 * last error) starts again from the first row when the job is retried. A check that is no longer
 * the import's current one (cancelled, or started again with other settings) stops.
 */
export async function checkImport(deps: JobDeps, payload: Payload): Promise<void> {
  const state = newCheck();
  const scope = { orgId: payload.org_id, userId: null };
  const current = async (tx: Tx) => {
    const row = await repo.findImport(tx, payload.import_id, { lock: true });
    const since = row?.checking_since?.toISOString();
    return row?.status === 'checking' && since === payload.since ? row : null;
  };
  const started = await withContext(deps.db, scope, async (tx) => {
    const row = await current(tx);
    if (!row) return false;
    await repo.clearRejections(tx, row.id, 'dry_run');
    await repo.updateImport(tx, row.id, { rows_done: 0 });
    return true;
  });
  if (!started) return;
  try {
    for (let more = true; more;) {
      more = await withContext(deps.db, scope, async (tx) => {
        const row = await current(tx);
        if (!row) return false;
        const checked = await checkNextBatch(tx, row, row.options as ImportSettings, state);
        if (checked > 0) {
          await repo.updateImport(tx, row.id, { rows_done: row.rows_done + checked });
          return true;
        }
        await repo.updateImport(tx, row.id, {
          status: 'uploaded',
          checking_since: null,
          dry_run: finishedCheck(state),
        });
        return false;
      });
    }
  } catch (error) {
    if (deps.job && deps.job.attempts < deps.job.max_attempts) throw error;
    deps.log.error({ err: error, import_id: payload.import_id }, 'import check failed');
    await withContext(deps.db, scope, async (tx) => {
      if (await current(tx)) {
        await repo.updateImport(tx, payload.import_id, {
          status: 'uploaded',
          checking_since: null,
          rows_done: 0,
          error: 'The dry run stopped on an error; run it again',
        });
      }
    });
  }
}
