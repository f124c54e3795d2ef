import type { Runner } from 'graphile-worker';
import pino from 'pino';
import { startWorker } from '../../src/jobs/worker.js';
import type { TestApp } from './test-app.js';

/** The real job worker, on the test app's restricted pool. */
export function startTestWorker(t: TestApp): Promise<Runner> {
  return startWorker({ ...t.deps, log: pino({ level: 'silent' }) }, t.database.pool);
}

/**
 * Waits until the queue holds no job that is due or being retried, so that everything enqueued
 * to run now has run. Jobs scheduled for later and never tried (every organization's next daily
 * digest) are not waited for.
 */
export async function drainJobs(t: TestApp, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await t.ownerQuery<{ count: number }>(
      `SELECT count(*)::int AS count FROM graphile_worker._private_jobs
       WHERE run_at <= now() OR attempts > 0`,
    );
    if (row?.count === 0) return;
    if (Date.now() > deadline) throw new Error(`${row?.count} jobs still queued`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
