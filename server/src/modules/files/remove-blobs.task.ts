import { withContext } from '../../db/tenant.js';
import type { JobDeps } from '../../jobs/context.js';
import type { TaskPayloads } from '../../jobs/queue.js';
import { fileStoreOf } from './file-store.js';
import * as repo from './files.repo.js';
import { restoreAtWork } from '../exports/restores.service.js';

const BATCH = 500;

/**
 * Removes from the store the bytes of files deleted in the organization (queued by the files
 * table's trigger, so only once the deletion has committed). Safe to run again: removing bytes
 * that are already gone is no error, and a key is forgotten only with its bytes removed.
 */
export async function removeFileBlobs(
  deps: JobDeps,
  payload: TaskPayloads['files__remove_blobs'],
): Promise<void> {
  const store = fileStoreOf(deps.config);
  for (;;) {
    const removed = await withContext(
      deps.db,
      { orgId: payload.org_id, userId: null },
      async (tx) => {
        // A restore at work has marked the bytes it put back, and keeps them if it commits; it
        // queues this job again once it has ended.
        if (await restoreAtWork(tx)) return 0;
        const keys = await repo.pendingRemovals(tx, BATCH);
        for (const key of keys) await store.delete(key);
        await repo.forgetRemovals(tx, keys);
        return keys.length;
      },
    );
    if (removed < BATCH) return;
  }
}
