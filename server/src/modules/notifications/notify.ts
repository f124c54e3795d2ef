import type { NotificationKind, RecordType } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';
import { enqueueJob } from '../../jobs/queue.js';
import { insertNotification, type NewNotification } from './notifications.repo.js';

export interface Assignment {
  kind: Extract<NotificationKind, 'record_assigned' | 'task_assigned'>;
  recordType: RecordType | 'task';
  recordId: string;
  /** What the person sees, e.g. `Lead "Ada Lovelace" was assigned to you`. */
  title: string;
  assigneeId: string | null;
  previousAssigneeId?: string | null;
}

/**
 * Tells a person that a record or task was assigned to them by someone else: an in-app
 * notification, and an email job enqueued in the same transaction (it checks their
 * preferences when it runs).
 */
export async function notifyAssignment(
  tx: Tx,
  actor: { orgId: string; userId: string | null },
  assignment: Assignment,
): Promise<void> {
  const { assigneeId } = assignment;
  if (!assigneeId || assigneeId === actor.userId || assigneeId === assignment.previousAssigneeId)
    return;
  await notify(tx, actor, { ...assignment, userId: assigneeId });
}

/**
 * Puts a notification in a person's inbox and enqueues its email in the caller's transaction.
 * `actor.userId` is null when no person caused it (a reminder the worker sends).
 */
export async function notify(
  tx: Tx,
  actor: { orgId: string; userId: string | null },
  notification: NewNotification,
): Promise<void> {
  const id = await insertNotification(tx, actor.orgId, actor.userId, notification);
  await enqueueJob(tx, 'notification__email', { org_id: actor.orgId, notification_id: id });
}

/** Puts a notification in a person's inbox only, for news that needs no email (an export ready). */
export async function notifyInApp(
  tx: Tx,
  actor: { orgId: string; userId: string | null },
  notification: NewNotification,
): Promise<void> {
  await insertNotification(tx, actor.orgId, actor.userId, notification);
}
