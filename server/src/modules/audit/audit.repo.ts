import { sql } from 'kysely';
import type { Tx } from '../../db/tenant.js';

/** A position in the audit log: the last row of a page, to the microsecond. */
export interface AuditPosition {
  occurredAt: string;
  id: number;
}

export interface AuditFilter {
  recordId?: string;
  actorId?: string;
  action?: string;
  tableName?: string;
  from?: string;
  to?: string;
}

export interface AuditRow {
  id: number;
  occurred_at: Date;
  /** occurred_at as text with microseconds, for cursors: a Date keeps milliseconds only. */
  position_at: string;
  actor_id: string | null;
  action: string;
  table_name: string | null;
  record_id: string | null;
  changes: Record<string, unknown>;
  import_id: string | null;
}

/*
 * Every filter is an equality or a range on plain uuid, text, timestamptz and bigint
 * columns: their operators are leakproof, so under the tenant policy they stay index
 * conditions of the (org_id, <filter>, occurred_at DESC, id DESC) indexes.
 */

function selectRows(tx: Tx) {
  return tx
    .selectFrom('audit_log')
    .select([
      'id',
      'occurred_at',
      sql<string>`to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        'position_at',
      ),
      'actor_id',
      'action',
      'table_name',
      'record_id',
      'changes',
      'import_id',
    ]);
}

/** The newest entries first; `limit` rows from after `after`. Exposed for the EXPLAIN test. */
export function auditLogQuery(
  tx: Tx,
  filter: AuditFilter,
  page: { limit: number; after?: AuditPosition },
) {
  let query = selectRows(tx);
  if (filter.recordId !== undefined) query = query.where('record_id', '=', filter.recordId);
  if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
  if (filter.action !== undefined) query = query.where('action', '=', filter.action);
  if (filter.tableName !== undefined) query = query.where('table_name', '=', filter.tableName);
  if (filter.from !== undefined)
    query = query.where(sql<boolean>`occurred_at >= ${filter.from}::timestamptz`);
  if (filter.to !== undefined)
    query = query.where(sql<boolean>`occurred_at < ${filter.to}::timestamptz`);
  const { after } = page;
  if (after) {
    query = query.where(
      sql<boolean>`(occurred_at, id) < (${after.occurredAt}::timestamptz, ${after.id}::bigint)`,
    );
  }
  return query.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(page.limit);
}

export async function listAuditLog(
  tx: Tx,
  filter: AuditFilter,
  page: { limit: number; after?: AuditPosition },
): Promise<AuditRow[]> {
  return (await auditLogQuery(tx, filter, page).execute()) as AuditRow[];
}

export interface HistoryPage {
  limit: number;
  after?: AuditPosition;
  /** Only rows of these tables, when given. */
  tables?: readonly string[];
}

/** One record's history (with that of records merged into it), oldest first. Exposed for the EXPLAIN test. */
export function recordHistoryQuery(tx: Tx, recordIds: string[], page: HistoryPage) {
  let query =
    recordIds.length === 1
      ? selectRows(tx).where('record_id', '=', recordIds[0]!)
      : selectRows(tx).where('record_id', 'in', recordIds);
  if (page.tables) query = query.where('table_name', 'in', page.tables);
  const { after } = page;
  if (after) {
    query = query.where(
      sql<boolean>`(occurred_at, id) > (${after.occurredAt}::timestamptz, ${after.id}::bigint)`,
    );
  }
  return query.orderBy('occurred_at', 'asc').orderBy('id', 'asc').limit(page.limit);
}

export async function listRecordHistory(
  tx: Tx,
  recordIds: string[],
  page: HistoryPage,
): Promise<AuditRow[]> {
  return (await recordHistoryQuery(tx, recordIds, page).execute()) as AuditRow[];
}

/**
 * Display names of the users who acted in the current organization, including those who have
 * left it since (whose accounts the API role can no longer read).
 */
export async function actorNames(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql<{
    id: string;
    name: string;
  }>`SELECT id, name FROM audit_actor_names(${ids}::uuid[])`.execute(tx);
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The organization's last changes to rows of `tables`, newest first. */
export async function recentChanges(
  tx: Tx,
  orgId: string,
  tables: readonly string[],
  limit: number,
): Promise<AuditRow[]> {
  return (await auditLogQuery(tx, {}, { limit })
    .where('org_id', '=', orgId)
    .where('table_name', 'in', tables)
    .execute()) as AuditRow[];
}
