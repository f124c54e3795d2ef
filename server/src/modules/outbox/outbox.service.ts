import { withTenant } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import { decodeCursor, encodeCursor, isCursorMoment } from '../../lib/cursor.js';
import { requireAdmin } from '../members/permissions.js';
import * as repo from './outbox.repo.js';

export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  kind: string;
  status: repo.OutboxRow['status'];
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An outbox cursor: the last message's exact time and id. */
function readPosition(decoded: unknown): { createdAt: string; id: string } | undefined {
  if (!Array.isArray(decoded) || decoded.length !== 2) return undefined;
  const [createdAt, id] = decoded as unknown[];
  if (!isCursorMoment(createdAt) || typeof id !== 'string' || !UUID.test(id)) return undefined;
  return { createdAt, id };
}

/**
 * The organization's outgoing email, newest first. Without SMTP this is where admins read
 * invitation links, so only admins and owners see it.
 */
export async function listOutbox(
  ctx: RequestContext,
  input: { limit?: number | undefined; cursor?: string | undefined },
): Promise<{ data: OutboxMessage[]; next_cursor: string | null }> {
  const limit = input.limit ?? DEFAULT_PAGE_SIZE;
  const before = input.cursor === undefined ? undefined : decodeCursor(input.cursor, readPosition);
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    // One row more than asked tells whether another page follows.
    const rows = await repo.listMessages(tx, ctx.orgId, { limit: limit + 1, before });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      data: page.map(({ position: _position, created_at, sent_at, next_attempt_at, ...rest }) => ({
        ...rest,
        next_attempt_at: next_attempt_at?.toISOString() ?? null,
        created_at: created_at.toISOString(),
        sent_at: sent_at?.toISOString() ?? null,
      })),
      next_cursor: rows.length > limit && last ? encodeCursor([last.position, last.id]) : null,
    };
  });
}

export async function outboxStatus(ctx: RequestContext): Promise<{ smtp_configured: boolean }> {
  return withTenant(ctx.deps.db, ctx, async (_tx, member) => {
    requireAdmin(member);
    return { smtp_configured: ctx.deps.mailer.configured };
  });
}
