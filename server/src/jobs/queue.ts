import { sql } from 'kysely';
import type { Tx } from '../db/tenant.js';

/**
 * The background tasks and their payloads. Payloads carry ids only: a task reads the current
 * state of the records when it runs, inside the tenant context the ids name.
 */
export interface TaskPayloads {
  email__send: { org_id: string; email_id: string };
  /** An email sent from a record (`emails`), not the outbox's. */
  emails__send: { org_id: string; email_id: string };
  auth__send_password_reset: { user_id: string; reset_id: string };
  /** `user_id`: the id the account of the pending sign-up will get. */
  auth__send_signup_email: { user_id: string };
  notification__email: { org_id: string; notification_id: string };
  notifications__daily_digest: { org_id: string };
  task__due: { org_id: string; task_id: string };
  exports__organization: { org_id: string; export_id: string };
  exports__expire: { org_id: string; export_id: string };
  exports__restore: { org_id: string; restore_id: string };
  import__run: { org_id: string; import_id: string };
  /** `since`: which check of the import this is (its `checking_since`). */
  import__check: { org_id: string; import_id: string; since: string };
  files__remove_blobs: { org_id: string };
}

export type TaskName = keyof TaskPayloads;

/**
 * Enqueues a job in the caller's transaction: if the change that causes it rolls back, the job
 * was never queued. The database accepts a job only for the organization (or the user) of the
 * transaction's context, and keys it within that scope.
 */
export async function enqueueJob<T extends TaskName>(
  tx: Tx,
  task: T,
  payload: TaskPayloads[T],
  options: { jobKey?: string; runAt?: Date; maxAttempts?: number } = {},
): Promise<void> {
  await sql`SELECT enqueue_job(
    ${task},
    ${JSON.stringify(payload)}::jsonb,
    ${options.jobKey ?? null}::text,
    ${options.runAt ?? null}::timestamptz,
    ${options.maxAttempts ?? 10}::int
  )`.execute(tx);
}
