import { sql } from 'kysely';
import type { Db } from '../db/pool.js';
import { OutcomeNotRecorded } from './context.js';

/** Records that a worker is alive (its first report adds it). */
export async function reportAlive(db: Db, workerId: string): Promise<void> {
  await sql`INSERT INTO job_workers (id) VALUES (${workerId})
    ON CONFLICT (id) DO UPDATE SET seen_at = now()`.execute(db);
}

/** A worker that stopped cleanly holds no job: it leaves the list. */
export async function removeWorker(db: Db, workerId: string): Promise<void> {
  await sql`DELETE FROM job_workers WHERE id = ${workerId}`.execute(db);
}

/**
 * Gives each job `workerId` runs that is on its last attempt one more, before that attempt is
 * cut short (the worker is stopping, or was found dead): the queue runs no job whose attempts
 * have reached their maximum, and the attempt never gets to record how it ended (an email
 * would stay `retrying` for ever, its admins never told).
 */
export async function extendLastAttempts(db: Db, workerIds: readonly string[]): Promise<void> {
  await sql`UPDATE graphile_worker._private_jobs SET max_attempts = attempts + 1
    WHERE locked_by = ANY(${workerIds}) AND attempts >= max_attempts`.execute(db);
}

/**
 * Unlocks the jobs of every worker not seen for `deadAfterSeconds`, so that another worker
 * runs them, and returns those workers' ids. A job locked that recently is left alone whatever
 * its worker: a worker takes its first job before its first report has committed. Workers
 * gone for a day are forgotten.
 * A job cut short on its last attempt gets one more (`extendLastAttempts`).
 */
export function unlockJobsOfDeadWorkers(db: Db, deadAfterSeconds: number): Promise<string[]> {
  const deadAfter = sql`make_interval(secs => ${deadAfterSeconds})`;
  return db.transaction().execute(async (tx) => {
    const { rows } = await sql<{ dead: string[] }>`
      WITH forgotten AS (
        DELETE FROM job_workers WHERE seen_at < now() - interval '1 day'
      )
      SELECT coalesce(array_agg(DISTINCT j.locked_by), '{}') AS dead
      FROM graphile_worker._private_jobs j
      WHERE j.locked_by IS NOT NULL AND j.locked_at < now() - ${deadAfter}
        AND NOT EXISTS (SELECT FROM job_workers w
                        WHERE w.id = j.locked_by AND w.seen_at >= now() - ${deadAfter})`.execute(
      tx,
    );
    const dead = rows[0]?.dead ?? [];
    if (dead.length === 0) return dead;
    await extendLastAttempts(tx, dead);
    await sql`SELECT graphile_worker.force_unlock_workers(${dead})`.execute(tx);
    return dead;
  });
}

/**
 * Gives one more attempt, at once, to each job whose last attempt ended without recording its
 * outcome (`OutcomeNotRecorded`), and returns how many.
 */
export async function retryUnrecordedOutcomes(db: Db): Promise<number> {
  const result = await sql`UPDATE graphile_worker._private_jobs
    SET max_attempts = attempts + 1, run_at = now()
    WHERE locked_at IS NULL AND attempts >= max_attempts
      AND starts_with(last_error, ${OutcomeNotRecorded.PREFIX})`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
