import { sql, type Selectable } from 'kysely';
import type { NotificationKind, NotificationsTable, RecordType } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';
import {
  runList,
  type AnyQuery,
  type ListDefinition,
  type ListPage,
  type ListParams,
} from '../../lib/list-query.js';

export const NOTIFICATION_COLUMNS = [
  'id',
  'kind',
  'title',
  'body',
  'record_type',
  'record_id',
  'read_at',
  'created_at',
  'created_by',
] as const;

export type NotificationRow = Pick<
  Selectable<NotificationsTable>,
  (typeof NOTIFICATION_COLUMNS)[number]
>;

export interface Preferences {
  email_on_assignment: boolean;
  email_on_task_due: boolean;
  daily_digest: boolean;
}

export const DEFAULT_PREFERENCES: Preferences = {
  email_on_assignment: true,
  email_on_task_due: true,
  daily_digest: true,
};

const notificationList: ListDefinition = {
  table: 'notifications',
  alias: 'n',
  sorts: { created_at: { column: 'created_at' } },
  defaultSort: '-created_at',
};

/** A person's own notifications, newest first; every query here is scoped to `userId`. */
export function listNotifications(
  tx: Tx,
  userId: string,
  params: Pick<ListParams, 'limit' | 'cursor'>,
  filters: { unread?: boolean },
): Promise<ListPage<NotificationRow>> {
  return runList<NotificationRow>(tx, notificationList, params, {
    select: (query: AnyQuery) => query.select(NOTIFICATION_COLUMNS.map((c) => `n.${c}` as const)),
    filter: (query: AnyQuery) => {
      const own = query.where(sql.ref('n.user_id'), '=', userId);
      return filters.unread ? own.where(sql.ref('n.read_at'), 'is', null) : own;
    },
  });
}

export async function countUnread(tx: Tx, userId: string): Promise<number> {
  const { count } = await tx
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return count;
}

export function findNotification(
  tx: Tx,
  userId: string,
  id: string,
): Promise<NotificationRow | undefined> {
  return tx
    .selectFrom('notifications')
    .select(NOTIFICATION_COLUMNS)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Marks one unread notification read; undefined when it is not unread or not theirs. */
export function markRead(tx: Tx, userId: string, id: string): Promise<NotificationRow | undefined> {
  return tx
    .updateTable('notifications')
    .set({ read_at: sql<Date>`now()` })
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .where('read_at', 'is', null)
    .returning(NOTIFICATION_COLUMNS)
    .executeTakeFirst();
}

export async function markAllRead(tx: Tx, userId: string): Promise<void> {
  await tx
    .updateTable('notifications')
    .set({ read_at: sql<Date>`now()` })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
}

export async function findPreferences(tx: Tx, userId: string): Promise<Preferences | undefined> {
  return tx
    .selectFrom('notification_preferences')
    .select(['email_on_assignment', 'email_on_task_due', 'daily_digest'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export function savePreferences(
  tx: Tx,
  member: { orgId: string; userId: string },
  preferences: Preferences,
): Promise<Preferences> {
  return tx
    .insertInto('notification_preferences')
    .values({
      org_id: member.orgId,
      user_id: member.userId,
      created_by: member.userId,
      ...preferences,
    })
    .onConflict((oc) => oc.columns(['org_id', 'user_id']).doUpdateSet(preferences))
    .returning(['email_on_assignment', 'email_on_task_due', 'daily_digest'])
    .executeTakeFirstOrThrow();
}

// The daily digest ------------------------------------------------------------------------------

/** Whether a preferences row (or its absence) lets a digest go out on `day`. */
function notDigestedOn(column: string, day: string) {
  const last = sql.ref(column);
  return sql<boolean>`(${last} IS NULL OR ${last} < ${day}::date)`;
}

export interface DigestTask {
  user_id: string;
  email: string;
  name: string;
  id: string;
  title: string;
  due_at: Date;
  priority: string;
}

/**
 * Open tasks due before `dueBefore`, of the members who want a digest and have not had one on
 * `day`, ordered by member and due time.
 */
export function dueTasksForDigest(tx: Tx, day: string, dueBefore: Date): Promise<DigestTask[]> {
  return tx
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('notification_preferences as p', 'p.user_id', 'm.user_id')
    .innerJoin('tasks as t', 't.assignee_id', 'm.user_id')
    .select(['m.user_id', 'u.email', 'u.name', 't.id', 't.title', 't.priority'])
    .select(sql<Date>`t.due_at`.as('due_at'))
    .where('t.status', 'in', ['open', 'in_progress'])
    .where('t.due_at', '<', dueBefore)
    .where((eb) => eb.fn.coalesce('p.daily_digest', eb.lit(true)), '=', true)
    .where(notDigestedOn('p.last_digest_on', day))
    .orderBy('m.user_id')
    .orderBy('t.due_at')
    .orderBy('t.id')
    .execute();
}

/**
 * Records that `userId` gets their digest for `day`. False when they already had it, or
 * turned it off meanwhile: the row lock makes a concurrent second run wait and then skip.
 */
export async function claimDigest(
  tx: Tx,
  orgId: string,
  userId: string,
  day: string,
): Promise<boolean> {
  const claimed = await tx
    .insertInto('notification_preferences')
    .values({ org_id: orgId, user_id: userId, last_digest_on: day, created_by: null })
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'user_id'])
        .doUpdateSet({ last_digest_on: day })
        .where('notification_preferences.daily_digest', '=', true)
        .where(notDigestedOn('notification_preferences.last_digest_on', day)),
    )
    .returning('user_id')
    .executeTakeFirst();
  return claimed !== undefined;
}

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  title: string;
  /** None for news about the organization rather than a record (an export is ready). */
  recordType: RecordType | 'task' | null;
  recordId: string | null;
}

/** `createdBy` is null when no person caused it (a reminder the worker sends). */
export async function insertNotification(
  tx: Tx,
  orgId: string,
  createdBy: string | null,
  notification: NewNotification,
): Promise<string> {
  const { id } = await tx
    .insertInto('notifications')
    .values({
      org_id: orgId,
      user_id: notification.userId,
      kind: notification.kind,
      title: notification.title,
      record_type: notification.recordType,
      record_id: notification.recordId,
      created_by: createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * One notification with its recipient's address and email preferences (defaults when they
 * never chose), locked while it is emailed. Joined on the organization as well as the user.
 */
export function notificationToEmail(tx: Tx, orgId: string, notificationId: string) {
  return tx
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .leftJoin('notification_preferences as p', (join) =>
      join.onRef('p.org_id', '=', 'n.org_id').onRef('p.user_id', '=', 'n.user_id'),
    )
    .select([
      'n.id',
      'n.kind',
      'n.title',
      'n.body',
      'n.emailed_at',
      'n.record_type',
      'n.record_id',
      'u.email',
      'u.name',
    ])
    .select((eb) => [
      eb.fn.coalesce('p.email_on_assignment', eb.lit(true)).as('on_assignment'),
      eb.fn.coalesce('p.email_on_task_due', eb.lit(true)).as('on_task_due'),
    ])
    .where('n.org_id', '=', orgId)
    .where('n.id', '=', notificationId)
    .forUpdate('n')
    .executeTakeFirst();
}

export async function markEmailed(tx: Tx, orgId: string, id: string): Promise<void> {
  await tx
    .updateTable('notifications')
    .set({ emailed_at: new Date() })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}
