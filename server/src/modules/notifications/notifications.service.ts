import { withTenant } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import { NotFoundError } from '../../lib/errors.js';
import type { ListPage, ListParams } from '../../lib/list-query.js';
import * as repo from './notifications.repo.js';

/** A signed-in person's own inbox in the current organization: nobody else's is reachable. */

export function listNotifications(
  ctx: RequestContext,
  params: Pick<ListParams, 'limit' | 'cursor'>,
  filters: { unread?: boolean },
): Promise<ListPage<repo.NotificationRow>> {
  return withTenant(ctx.deps.db, ctx, (tx) =>
    repo.listNotifications(tx, ctx.userId, params, filters),
  );
}

export async function unreadCount(ctx: RequestContext): Promise<{ count: number }> {
  return { count: await withTenant(ctx.deps.db, ctx, (tx) => repo.countUnread(tx, ctx.userId)) };
}

export function markRead(ctx: RequestContext, id: string): Promise<repo.NotificationRow> {
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const notification =
      (await repo.markRead(tx, ctx.userId, id)) ??
      (await repo.findNotification(tx, ctx.userId, id));
    if (!notification) throw new NotFoundError('Notification');
    return notification;
  });
}

export function markAllRead(ctx: RequestContext): Promise<void> {
  return withTenant(ctx.deps.db, ctx, (tx) => repo.markAllRead(tx, ctx.userId));
}

export function getPreferences(ctx: RequestContext): Promise<repo.Preferences> {
  return withTenant(
    ctx.deps.db,
    ctx,
    async (tx) => (await repo.findPreferences(tx, ctx.userId)) ?? repo.DEFAULT_PREFERENCES,
  );
}

export function savePreferences(
  ctx: RequestContext,
  preferences: repo.Preferences,
): Promise<repo.Preferences> {
  return withTenant(ctx.deps.db, ctx, (tx) => repo.savePreferences(tx, ctx, preferences));
}
