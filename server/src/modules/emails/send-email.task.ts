import nodemailer from 'nodemailer';
import { withContext, type Tx } from '../../db/tenant.js';
import { OutcomeNotRecorded, type JobDeps } from '../../jobs/context.js';
import type { TaskPayloads } from '../../jobs/queue.js';
import { isPermanentRefusal, type OutgoingMessage } from '../../mail/mailer.js';
import { transportOf, type OrgTransport } from './email-settings.service.js';
import * as repo from './emails.repo.js';

/** Through the organization's own server when it has one, else the instance's. */
async function deliver(
  deps: JobDeps,
  transport: OrgTransport,
  message: OutgoingMessage,
): Promise<void> {
  if (!transport.smtp) {
    await deps.mailer.send(message);
    return;
  }
  const smtp = nodemailer.createTransport({
    ...transport.smtp,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  try {
    await smtp.sendMail(message);
  } finally {
    smtp.close();
  }
}

/**
 * Delivers one email sent from a record. As with the outbox, the SMTP conversation happens
 * between two short transactions, never inside one. A refusal leaves the email `queued` with
 * the server's answer in `error` and is thrown, so the queue retries it with its backoff; the
 * last attempt marks it `failed`, as does a refusal for good (5xx to RCPT or DATA) at once. An
 * email no longer queued (sent, or failed) is left alone.
 */
export async function sendRecordEmail(
  deps: JobDeps,
  payload: TaskPayloads['emails__send'],
): Promise<void> {
  const inOrg = <T>(work: (tx: Tx) => Promise<T>) =>
    withContext(deps.db, { orgId: payload.org_id, userId: null }, work);
  const found = await inOrg(async (tx) => {
    const email = await repo.findQueued(tx, payload.email_id);
    return email && { email, transport: await transportOf(deps, tx) };
  });
  if (!found) return;
  const { email, transport } = found;
  const record = (work: (tx: Tx) => Promise<void>) =>
    inOrg(work).catch((error: unknown) => {
      throw new OutcomeNotRecorded(error);
    });
  try {
    await deliver(deps, transport, {
      from: email.from_address,
      to: email.to_addresses.join(', '),
      subject: email.subject,
      text: email.body_text,
      ...(email.message_id && { messageId: email.message_id }),
    });
  } catch (error) {
    const refusedForGood = isPermanentRefusal(error);
    const lastAttempt =
      refusedForGood || deps.job === undefined || deps.job.attempts >= deps.job.max_attempts;
    await record((tx) =>
      repo.markAttempt(tx, email.id, {
        status: lastAttempt ? 'failed' : 'queued',
        error: error instanceof Error ? error.message : String(error),
      }),
    );
    // A refusal for good ends the job: the queue has nothing to retry.
    if (refusedForGood) return;
    throw error;
  }
  await record((tx) => repo.markAttempt(tx, email.id, { status: 'sent', error: null }));
}
