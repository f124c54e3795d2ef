import { withContext, type Tx } from '../db/tenant.js';
import { OutcomeNotRecorded, type JobDeps } from '../jobs/context.js';
import { enqueueJob, type TaskPayloads } from '../jobs/queue.js';
import { isPermanentRefusal } from './mailer.js';
import { notifyInApp } from '../modules/notifications/notify.js';
import * as repo from '../modules/outbox/outbox.repo.js';

export interface OrgEmail {
  to: string;
  subject: string;
  text: string;
  /** What the message is for, e.g. `invitation`; shown in the admins' outbox. */
  kind: string;
  createdBy: string | null;
}

/**
 * Puts an email of the current organization in its outbox and enqueues its delivery, in the
 * caller's transaction. Without SMTP the message stays in the outbox, where admins read it.
 */
export async function queueOrgEmail(tx: Tx, orgId: string, email: OrgEmail): Promise<string> {
  const id = await repo.insertMessage(tx, { orgId, ...email });
  await enqueueJob(tx, 'email__send', { org_id: orgId, email_id: id });
  return id;
}

/**
 * How long the queue waits before attempt `attempts + 1` of a failed job: graphile-worker's
 * backoff, exp(min(attempts, 10)) seconds.
 */
function retryDelaySeconds(attempts: number): number {
  return Math.exp(Math.min(attempts, 10));
}

/**
 * Delivers one queued outbox message; one already sent or kept is left alone. The SMTP
 * conversation happens between two short transactions, never inside one: a slow mail server
 * must not hold a database connection (or a PgBouncer server connection) while it answers.
 * Each message has one job and the queue runs a job once at a time, so no lock is needed. A
 * job stopped after the server accepted the message but before it is marked sent sends it
 * again: a duplicate in that instant, never a loss.
 *
 * A refused attempt leaves the message `retrying`, with the time of the queue's next attempt;
 * after the last one, or at once when the server refuses the message for good (5xx), it is
 * `failed` and the organization's admins are told in the app.
 */
export async function sendOrgEmail(
  deps: JobDeps,
  payload: TaskPayloads['email__send'],
): Promise<void> {
  const orgId = payload.org_id;
  const inOrg = <T>(work: (tx: Tx) => Promise<T>) =>
    withContext(deps.db, { orgId, userId: null }, work);
  const record = (work: (tx: Tx) => Promise<void>) =>
    inOrg(work).catch((error: unknown) => {
      throw new OutcomeNotRecorded(error);
    });

  const email = await inOrg((tx) => repo.findUndelivered(tx, orgId, payload.email_id));
  if (!email) return;
  if (!deps.mailer.configured) {
    await inOrg((tx) => repo.markKept(tx, orgId, email.id));
    return;
  }
  try {
    await deps.mailer.send({ to: email.to, subject: email.subject, text: email.text });
  } catch (error) {
    const attempts = deps.job?.attempts ?? 1;
    const refusedForGood = isPermanentRefusal(error);
    const lastAttempt =
      refusedForGood || (deps.job !== undefined && attempts >= deps.job.max_attempts);
    await record(async (tx) => {
      await repo.markDeliveryAttempt(tx, orgId, email.id, {
        sent: false,
        error: String(error),
        retryInSeconds: lastAttempt ? null : retryDelaySeconds(attempts),
      });
      if (!lastAttempt) return;
      for (const userId of await repo.adminIds(tx, orgId)) {
        await notifyInApp(
          tx,
          { orgId, userId: null },
          {
            userId,
            kind: 'email_failed',
            title: `An email to ${email.to} could not be sent: “${email.subject}” (see Settings › Outbox)`,
            recordType: null,
            recordId: null,
          },
        );
      }
    });
    // A refusal for good ends the job: the queue has nothing to retry.
    if (refusedForGood) return;
    // Thrown after recording: the queue retries with backoff, or gives up after the last attempt.
    throw error;
  }
  await record((tx) => repo.markDeliveryAttempt(tx, orgId, email.id, { sent: true }));
}
