import { withTenant, type Member, type Tx } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import { invalidField, NotFoundError } from '../../lib/errors.js';
import { decodeCursor, encodeCursor, isCursorMoment } from '../../lib/cursor.js';
import { isAdmin, requireAdmin } from '../members/permissions.js';
import { CRM_TABLES } from '../records/registry.js';
import { mergedInto } from '../merge/merge.service.js';
import * as repo from './audit.repo.js';
import { withCustomFieldLabels } from './custom-history.js';

export const DEFAULT_PAGE_SIZE = 50;

export interface AuditEntry {
  id: number;
  occurred_at: string;
  actor: { id: string; name: string | null } | null;
  action: string;
  table_name: string | null;
  record_id: string | null;
  changes: Record<string, unknown>;
  import_id: string | null;
}

export interface AuditPage {
  data: AuditEntry[];
  next_cursor: string | null;
}

export interface PageInput {
  limit?: number;
  cursor?: string;
}

export interface AuditLogInput extends PageInput {
  record_id?: string;
  actor_id?: string;
  action?: string;
  table_name?: string;
  from?: string;
  to?: string;
}

/** An audit cursor: the last row's exact time and id. */
function readPosition(decoded: unknown): repo.AuditPosition | undefined {
  if (!Array.isArray(decoded) || decoded.length !== 2) return undefined;
  const [occurredAt, id] = decoded as unknown[];
  if (!isCursorMoment(occurredAt)) return undefined;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) return undefined;
  return { occurredAt, id };
}

function checkDate(field: 'from' | 'to', value: string | undefined): string | undefined {
  // PostgreSQL counts no year 0: 0000-01-01 would be refused there without naming the field.
  if (value !== undefined && (Number.isNaN(Date.parse(value)) || value.startsWith('0000'))) {
    throw invalidField(field, 'must be an ISO 8601 date-time', 'malformed');
  }
  return value;
}

function requireAuditReader(member: Member): void {
  requireAdmin(member, "Only admins and owners can read the organization's audit log");
}

async function toPage(
  tx: Parameters<typeof repo.actorNames>[0],
  rows: repo.AuditRow[],
  limit: number,
): Promise<AuditPage> {
  const page = rows.slice(0, limit);
  const actorIds = [...new Set(page.flatMap((row) => (row.actor_id ? [row.actor_id] : [])))];
  const names = await repo.actorNames(tx, actorIds);
  const last = page.at(-1);
  return {
    data: page.map((row) => ({
      id: row.id,
      occurred_at: row.occurred_at.toISOString(),
      actor: row.actor_id ? { id: row.actor_id, name: names.get(row.actor_id) ?? null } : null,
      action: row.action,
      table_name: row.table_name,
      record_id: row.record_id,
      changes: row.changes,
      import_id: row.import_id,
    })),
    next_cursor: rows.length > limit && last ? encodeCursor([last.position_at, last.id]) : null,
  };
}

/**
 * The organization's last changes to rows of `tables`, with the names of who acted, inside the
 * caller's transaction. No role check: the caller chooses tables every member may see.
 */
export async function recentChanges(
  tx: Tx,
  orgId: string,
  tables: readonly string[],
  limit: number,
): Promise<AuditEntry[]> {
  return (await toPage(tx, await repo.recentChanges(tx, orgId, tables, limit), limit)).data;
}

/** The organization's audit log, newest first: admins and owners only. */
export async function listAuditLog(ctx: RequestContext, input: AuditLogInput): Promise<AuditPage> {
  const limit = input.limit ?? DEFAULT_PAGE_SIZE;
  const after = input.cursor === undefined ? undefined : decodeCursor(input.cursor, readPosition);
  const filter: repo.AuditFilter = {
    recordId: input.record_id,
    actorId: input.actor_id,
    action: input.action,
    tableName: input.table_name,
    from: checkDate('from', input.from),
    to: checkDate('to', input.to),
  };
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAuditReader(member);
    // One row more than asked tells whether there is a next page.
    const rows = await repo.listAuditLog(tx, filter, { limit: limit + 1, after });
    return toPage(tx, rows, limit);
  });
}

/**
 * The history of one record of the organization, oldest first. Members read the history of the
 * records they may open (leads, accounts, contacts, deals, tasks, notes); admins, who read the
 * whole audit log, that of any row. A record with no history the caller may read is not found,
 * like a record of another organization.
 */
export async function recordHistory(
  ctx: RequestContext,
  recordId: string,
  input: PageInput,
): Promise<AuditPage> {
  const limit = input.limit ?? DEFAULT_PAGE_SIZE;
  const after = input.cursor === undefined ? undefined : decodeCursor(input.cursor, readPosition);
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    // A record's history includes that of the records merged into it.
    const ids = [recordId, ...(await mergedInto(tx, recordId))];
    const rows = await repo.listRecordHistory(tx, ids, {
      limit: limit + 1,
      after,
      tables: isAdmin(member) ? undefined : [...CRM_TABLES, 'custom_field_values'],
    });
    if (rows.length === 0 && !after) throw new NotFoundError('Record history');
    const page = await toPage(tx, rows, limit);
    return { ...page, data: await withCustomFieldLabels(tx, page.data, repo.actorNames) };
  });
}

/** The names of people who acted in the organization, those who left it since included. */
export function actorNames(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  return repo.actorNames(tx, ids);
}
