import type { TaskPriority, TaskStatus, TaskType } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';

export interface FeedRow {
  id: string;
  user_id: string;
  created_at: Date;
}

export interface DueTaskRow {
  id: string;
  title: string;
  description: string;
  due_at: Date;
  type: TaskType;
  status: TaskStatus;
  priority: TaskPriority;
  updated_at: Date;
}

/** The person's feed that still works, if any. */
export function findActiveFeed(tx: Tx, userId: string): Promise<FeedRow | undefined> {
  return tx
    .selectFrom('calendar_feeds')
    .select(['id', 'user_id', 'created_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function findActiveFeedByHash(tx: Tx, hash: Buffer): Promise<FeedRow | undefined> {
  return tx
    .selectFrom('calendar_feeds')
    .select(['id', 'user_id', 'created_at'])
    .where('token_hash', '=', hash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function insertFeed(
  tx: Tx,
  feed: { id: string; orgId: string; userId: string; tokenHash: Buffer },
): Promise<FeedRow> {
  return tx
    .insertInto('calendar_feeds')
    .values({
      id: feed.id,
      org_id: feed.orgId,
      user_id: feed.userId,
      token_hash: feed.tokenHash,
      created_by: feed.userId,
    })
    .returning(['id', 'user_id', 'created_at'])
    .executeTakeFirstOrThrow();
}

/** Revokes the person's feeds; answers how many were still working. */
export async function revokeFeeds(tx: Tx, userId: string): Promise<number> {
  const result = await tx
    .updateTable('calendar_feeds')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The person's tasks due in [from, to), by due time, at most `limit`. */
export function dueTasks(
  tx: Tx,
  userId: string,
  range: { from: Date; to: Date; limit: number },
): Promise<DueTaskRow[]> {
  return tx
    .selectFrom('tasks')
    .select(['id', 'title', 'description', 'due_at', 'type', 'status', 'priority', 'updated_at'])
    .where('assignee_id', '=', userId)
    .where('due_at', '>=', range.from)
    .where('due_at', '<', range.to)
    .orderBy('due_at')
    .orderBy('id')
    .limit(range.limit)
    .execute() as Promise<DueTaskRow[]>;
}
