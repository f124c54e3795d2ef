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
 * The job queue's counts, from the owner's `job_queue_state()`: the API role cannot read the
 * queue itself, which names every organization's records.
 */
export async function readQueueState(db: Db): Promise<QueueState> {
  const { rows } = await sql<{
    waiting: number;
    running: number;
    failed: number;
    oldest_waiting_seconds: number;
  }>`
    SELECT waiting, running, failed, oldest_waiting_seconds FROM job_queue_state()`.execute(db);
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
