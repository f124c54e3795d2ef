import { withTenant } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { bareDomain } from '../accounts/accounts.service.js';
import * as repo from './duplicates.repo.js';

export type DuplicateKind = repo.DuplicateKind;

export const DUPLICATES_LIMIT = 10;

export interface DuplicateQuery {
  email?: string;
  first_name?: string;
  last_name?: string;
  name?: string;
  domain?: string;
  phone?: string;
}

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * Records of a kind that are likely the one about to be created: the same email, the same
 * name (first and last for people), the same phone number, or for accounts the same name or
 * domain.
 */
export function findDuplicates(
  ctx: RequestContext,
  kind: repo.DuplicateKind,
  query: DuplicateQuery,
): Promise<repo.DuplicateRow[]> {
  const personName = [clean(query.first_name), clean(query.last_name)].filter(Boolean).join(' ');
  const probe: repo.DuplicateProbe = {
    email: clean(query.email)?.toLowerCase(),
    name: kind === 'account' ? clean(query.name) : clean(query.last_name) && personName,
    domain: bareDomain(query.domain) ?? undefined,
    phone: clean(query.phone),
  };
  return withTenant(ctx.deps.db, ctx, (tx) =>
    repo.findDuplicates(tx, ctx.orgId, kind, probe, DUPLICATES_LIMIT),
  );
}

export const GROUPS_PAGE_SIZE = 25;
/** Records listed per group; `size` says how many share the key. */
export const GROUP_RECORDS_LIMIT = 20;

export interface DuplicateGroup {
  reason: repo.GroupReason;
  /** The shared value as compared: an email, or a folded name, domain or phone number. */
  key: string;
  size: number;
  records: Array<Omit<repo.GroupMemberRow, 'key' | 'created_at'> & { created_at: string }>;
}

function readGroupPosition(decoded: unknown): repo.GroupPosition | undefined {
  if (!Array.isArray(decoded) || decoded.length !== 2) return undefined;
  const [reason, key] = decoded as unknown[];
  if (typeof reason !== 'number' || !Number.isInteger(reason) || reason < 0 || reason > 3)
    return undefined;
  if (typeof key !== 'string' || key.includes('\u0000')) return undefined;
  return { reason, key };
}

/**
 * The organization's groups of likely duplicates of a kind: records that share an email, a
 * name, a domain or a phone number, by reason and then by key.
 */
export function duplicateGroups(
  ctx: RequestContext,
  kind: repo.DuplicateKind,
  input: { limit?: number; cursor?: string },
): Promise<{ data: DuplicateGroup[]; next_cursor: string | null }> {
  const limit = input.limit ?? GROUPS_PAGE_SIZE;
  const after =
    input.cursor === undefined ? undefined : decodeCursor(input.cursor, readGroupPosition);
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const query = repo.duplicateGroupsQuery(ctx.orgId, kind, { limit: limit + 1, after });
    const keys = query ? (await query.execute(tx)).rows : [];
    const page = keys.slice(0, limit);
    const members = new Map<string, repo.GroupMemberRow[]>();
    for (const [rank, [reason, column]] of repo.GROUP_KEYS[kind].entries()) {
      const wanted = page.filter((group) => group.rank === rank).map((group) => group.key);
      const rows = await repo.groupMembers(
        tx,
        ctx.orgId,
        kind,
        column,
        wanted,
        GROUP_RECORDS_LIMIT,
      );
      for (const row of rows) {
        const list = members.get(`${reason}:${row.key}`) ?? [];
        list.push(row);
        members.set(`${reason}:${row.key}`, list);
      }
    }
    const last = page.at(-1);
    return {
      data: page.map(({ reason, key, size }) => ({
        reason,
        key,
        size,
        records: (members.get(`${reason}:${key}`) ?? []).map(({ key: _key, ...row }) => ({
          ...row,
          created_at: row.created_at.toISOString(),
        })),
      })),
      next_cursor: keys.length > limit && last ? encodeCursor([last.rank, last.key]) : null,
    };
  });
}
