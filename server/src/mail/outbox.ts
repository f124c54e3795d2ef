import { withContext, type Tx } from '../db/tenant.js';
import type { JobDeps } from '../jobs/context.js';
import { enqueueJob, type TaskPayloads } from '../jobs/queue.js';

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
  const { id } = await tx
    .insertInto('email_outbox')
    .values({
      org_id: orgId,
      to_address: email.to,
      subject: email.subject,
      text_body: email.text,
      kind: email.kind,
      created_by: email.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await enqueueJob(tx, 'email__send', { org_id: orgId, email_id: id });
  return id;
}

/** Delivers one queued outbox message. A message already sent or kept is left alone. */
export async function sendOrgEmail(
  deps: JobDeps,
  payload: TaskPayloads['email__send'],
): Promise<void> {
  const failure = await withContext(
    deps.db,
    { orgId: payload.org_id, userId: null },
    async (tx) => {
      const email = await tx
        .selectFrom('email_outbox')
        .select(['id', 'to_address', 'subject', 'text_body'])
        .where('id', '=', payload.email_id)
        .where('status', 'in', ['queued', 'failed'])
        .forUpdate()
        .executeTakeFirst();
      if (!email) return null;
      if (!deps.mailer.configured) {
        await tx
          .updateTable('email_outbox')
          .set({ status: 'kept' })
          .where('id', '=', email.id)
          .execute();
        return null;
      }
      try {
        await deps.mailer.send({
          to: email.to_address,
          subject: email.subject,
          text: email.text_body,
        });
      } catch (error) {
        await tx
          .updateTable('email_outbox')
          .set((eb) => ({
            status: 'failed',
            attempts: eb('attempts', '+', 1),
            last_error: String(error),
          }))
          .where('id', '=', email.id)
          .execute();
        return error;
      }
      await tx
        .updateTable('email_outbox')
        .set((eb) => ({
          status: 'sent',
          sent_at: new Date(),
          attempts: eb('attempts', '+', 1),
          last_error: null,
        }))
        .where('id', '=', email.id)
        .execute();
      return null;
    },
  );
  // Recorded first, thrown after: the worker retries with backoff.
  if (failure) throw failure;
}
