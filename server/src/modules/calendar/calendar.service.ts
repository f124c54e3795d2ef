import { randomUUID } from 'node:crypto';
import ical from 'ical-generator';
import { withContext, withTenant } from '../../db/tenant.js';
import type { AppDeps, RequestContext } from '../../http/context.js';
import { invalidField, NotFoundError } from '../../lib/errors.js';
import { derivedScopedToken, parseScopedToken } from '../../lib/scoped-tokens.js';
import type { PublicContext } from '../auth/auth.service.js';
import * as repo from './calendar.repo.js';

/** The longest range the calendar view asks for at once: a month view with its edge weeks. */
export const MAX_RANGE_DAYS = 45;
/** What a feed holds: the recent past, and the year ahead. */
const FEED_PAST_DAYS = 90;
const FEED_FUTURE_DAYS = 366;
const FEED_MAX_EVENTS = 2000;
const DAY_MS = 86_400_000;

export interface Feed {
  id: string;
  url: string;
  created_at: Date;
}

/** The feed's address, made again from its id and the server's key: never stored. */
function feedUrl(deps: AppDeps, orgId: string, feedId: string): string {
  const token = derivedScopedToken(orgId, deps.config.jwtSecret, 'calendar-feed', feedId).token;
  return `${deps.config.publicUrl}/api/public/calendar/${token}.ics`;
}

export function getFeed(ctx: RequestContext): Promise<Feed | null> {
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const feed = await repo.findActiveFeed(tx, ctx.userId);
    return feed ? { ...feed, url: feedUrl(ctx.deps, ctx.orgId, feed.id) } : null;
  });
}

/** A new feed address for the caller; the one before it, if any, stops working. */
export function createFeed(ctx: RequestContext): Promise<Feed> {
  const id = randomUUID();
  const { hash } = derivedScopedToken(ctx.orgId, ctx.deps.config.jwtSecret, 'calendar-feed', id);
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    await repo.revokeFeeds(tx, ctx.userId);
    const feed = await repo.insertFeed(tx, {
      id,
      orgId: ctx.orgId,
      userId: ctx.userId,
      tokenHash: hash,
    });
    return { ...feed, url: feedUrl(ctx.deps, ctx.orgId, id) };
  });
}

export function revokeFeed(ctx: RequestContext): Promise<void> {
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    if ((await repo.revokeFeeds(tx, ctx.userId)) === 0) throw new NotFoundError('Calendar feed');
  });
}

/** The caller's tasks due in [from, to): what the week and month views show. */
export function listDueTasks(
  ctx: RequestContext,
  range: { from: Date; to: Date },
): Promise<repo.DueTaskRow[]> {
  if (range.to <= range.from) throw invalidField('to', 'must be after from', 'malformed');
  if (range.to.getTime() - range.from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    throw invalidField('to', `must be at most ${MAX_RANGE_DAYS} days after from`, 'malformed');
  }
  return withTenant(ctx.deps.db, ctx, (tx) =>
    repo.dueTasks(tx, ctx.userId, { ...range, limit: 1000 }),
  );
}

/**
 * Tasks have a due time only; one due at midnight UTC was given as a day (a date picked
 * without a time), and is shown as an all-day event.
 */
function isAllDay(due: Date): boolean {
  return due.getTime() % DAY_MS === 0;
}

/**
 * The feed as iCalendar text (RFC 5545: CRLF lines folded at 75 octets, text escaped; the
 * library writes it). Each task is one event whose UID is the task's id, so a calendar that
 * polls again updates it in place. A revoked or unknown feed is 404, like one that never was.
 */
export async function feedCalendar(ctx: PublicContext, token: string): Promise<string> {
  const parsed = parseScopedToken(token);
  if (!parsed) throw new NotFoundError('Calendar feed');
  const orgId = parsed.scopeId;
  const { tasks, orgName } = await withContext(ctx.deps.db, { orgId, userId: null }, async (tx) => {
    const feed = await repo.findActiveFeedByHash(tx, parsed.hash);
    if (!feed) throw new NotFoundError('Calendar feed');
    const now = Date.now();
    const org = await tx
      .selectFrom('orgs')
      .select('name')
      .where('id', '=', orgId)
      .executeTakeFirst();
    return {
      orgName: org?.name ?? 'Rampart',
      tasks: await repo.dueTasks(tx, feed.user_id, {
        from: new Date(now - FEED_PAST_DAYS * DAY_MS),
        to: new Date(now + FEED_FUTURE_DAYS * DAY_MS),
        limit: FEED_MAX_EVENTS,
      }),
    };
  });
  const calendar = ical({
    name: `${orgName} tasks`,
    prodId: { company: 'Rampart', product: 'CRM', language: 'EN' },
    ttl: 15 * 60,
  });
  const host = new URL(ctx.deps.config.publicUrl).host;
  for (const task of tasks) {
    const allDay = isAllDay(task.due_at);
    calendar.createEvent({
      id: `task-${task.id}@${host}`,
      start: task.due_at,
      end: allDay ? null : new Date(task.due_at.getTime() + 30 * 60_000),
      allDay,
      summary: task.status === 'done' ? `✓ ${task.title}` : task.title,
      description: task.description || null,
      stamp: task.updated_at,
      url: `${ctx.deps.config.publicUrl}/tasks`,
    });
  }
  return calendar.toString();
}
