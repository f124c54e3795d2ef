import { sql } from 'kysely';
import type { EmailStatus } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';

export interface OutboxRow {
  id: string;
  to: string;
  subject: string;
  text: string;
  kind: string;
  status: EmailStatus;
  attempts: number;
  next_attempt_at: Date | null;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
  /** created_at to the microsecond, as text: a JavaScript Date would round it. */
  position: string;
}

/** A page of the organization's messages, newest first, after `before` when given. */
export async function listMessages(
  tx: Tx,
  orgId: string,
  page: { limit: number; before?: { createdAt: string; id: string } | undefined },
): Promise<OutboxRow[]> {
  let query = tx
    .selectFrom('email_outbox')
    .select([
      'id',
      'to_address as to',
      'subject',
      'text_body as text',
      'kind',
      'status',
      'attempts',
      'next_attempt_at',
      'last_error',
      'created_at',
      'sent_at',
      sql<string>`to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        'position',
      ),
    ])
    .where('org_id', '=', orgId);
  if (page.before) {
    const { createdAt, id } = page.before;
    query = query.where(sql<boolean>`(created_at, id) < (${createdAt}::timestamptz, ${id}::uuid)`);
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
}

export async function insertMessage(
  tx: Tx,
  message: {
    orgId: string;
    to: string;
    subject: string;
    text: string;
    kind: string;
    createdBy: string | null;
  },
): Promise<string> {
  const { id } = await tx
    .insertInto('email_outbox')
    .values({
      org_id: message.orgId,
      to_address: message.to,
      subject: message.subject,
      text_body: message.text,
      kind: message.kind,
      created_by: message.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A message still to deliver: queued, or waiting for another attempt. */
export async function findUndelivered(
  tx: Tx,
  orgId: string,
  id: string,
): Promise<{ id: string; to: string; subject: string; text: string } | undefined> {
  return tx
    .selectFrom('email_outbox')
    .select(['id', 'to_address as to', 'subject', 'text_body as text'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'retrying'])
    .executeTakeFirst();
}

export async function markKept(tx: Tx, orgId: string, id: string): Promise<void> {
  await tx
    .updateTable('email_outbox')
    .set({ status: 'kept' })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/**
 * Records one delivery attempt: sent; or not, with the error and, when another attempt
 * follows, in how many seconds (`retrying`), else `failed` for good.
 */
export async function markDeliveryAttempt(
  tx: Tx,
  orgId: string,
  id: string,
  outcome: { sent: true } | { sent: false; error: string; retryInSeconds: number | null },
): Promise<void> {
  await tx
    .updateTable('email_outbox')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      ...(outcome.sent
        ? { status: 'sent' as const, sent_at: new Date(), last_error: null, next_attempt_at: null }
        : {
            status: outcome.retryInSeconds === null ? ('failed' as const) : ('retrying' as const),
            last_error: outcome.error,
            next_attempt_at:
              outcome.retryInSeconds === null
                ? null
                : sql<Date>`now() + make_interval(secs => ${outcome.retryInSeconds})`,
          }),
    }))
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** The organization's owners and admins: who hears of a message that could not be sent. */
export async function adminIds(tx: Tx, orgId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('memberships')
    .select('user_id')
    .where('org_id', '=', orgId)
    .where('role', 'in', ['owner', 'admin'])
    .execute();
  return rows.map((row) => row.user_id);
}
