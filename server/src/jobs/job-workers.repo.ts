import { sql } from 'kysely';
import type { Db } from '../db/pool.js';

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
 * Unlocks the jobs of every worker not seen for `deadAfterSeconds`, so that another worker
 * runs them, and returns those workers' ids. A job locked that recently is left alone whatever
 * its worker: a worker takes its first job before its first report has committed. Workers
 * gone for a day are forgotten.
 */
export async function unlockJobsOfDeadWorkers(db: Db, deadAfterSeconds: number): Promise<string[]> {
  const deadAfter = sql`make_interval(secs => ${deadAfterSeconds})`;
  const { rows } = await sql<{ dead: string[] }>`
    WITH dead AS (
      SELECT coalesce(array_agg(DISTINCT j.locked_by), '{}') AS ids
      FROM graphile_worker._private_jobs j
      WHERE j.locked_by IS NOT NULL AND j.locked_at < now() - ${deadAfter}
        AND NOT EXISTS (SELECT FROM job_workers w
                        WHERE w.id = j.locked_by AND w.seen_at >= now() - ${deadAfter})
    ), forgotten AS (
      DELETE FROM job_workers WHERE seen_at < now() - interval '1 day'
    )
    SELECT ids AS dead, graphile_worker.force_unlock_workers(ids) FROM dead`.execute(db);
  return rows[0]?.dead ?? [];
}
