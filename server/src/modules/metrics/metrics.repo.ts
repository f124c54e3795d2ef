import { sql } from 'kysely';
import type { Db } from '../../db/pool.js';

export interface QueueState {
  /** Jobs that can run now: not locked, attempts left, due. */
  waiting: number;
  /** Jobs locked by a worker that is running them. */
  running: number;
  /** Jobs that used every attempt and will not run again. */
  failed: number;
  /** Seconds since the oldest waiting job became due; 0 when none waits. */
  oldestWaitingSeconds: number;
}

/**
 * The job queue, read from graphile-worker's table: the API role may read it (the queue holds
 * task names and ids only), and no tenant context applies.
 */
export async function readQueueState(db: Db): Promise<QueueState> {
  const { rows } = await sql<{
    waiting: number;
    running: number;
    failed: number;
    oldest_waiting_seconds: number;
  }>`
    SELECT
      count(*) FILTER (WHERE is_available AND run_at <= now()) AS waiting,
      count(*) FILTER (WHERE locked_at IS NOT NULL) AS running,
      count(*) FILTER (WHERE attempts >= max_attempts) AS failed,
      coalesce(extract(epoch FROM now() - min(run_at) FILTER (WHERE is_available AND run_at <= now())), 0)::float8
        AS oldest_waiting_seconds
    FROM graphile_worker._private_jobs`.execute(db);
  const row = rows[0];
  return {
    waiting: row?.waiting ?? 0,
    running: row?.running ?? 0,
    failed: row?.failed ?? 0,
    oldestWaitingSeconds: row?.oldest_waiting_seconds ?? 0,
  };
}

/** Messages in every organization's outbox by status, counted by the owner (counts only). */
export async function readOutboxCounts(db: Db): Promise<{ status: string; messages: number }[]> {
  const { rows } = await sql<{
    status: string;
    messages: number;
  }>`SELECT status, messages FROM email_outbox_counts()`.execute(db);
  return rows;
}
