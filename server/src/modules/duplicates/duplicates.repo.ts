import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/tenant.js';
import { RECORD_KINDS } from '../records/registry.js';

/**
 * How two records of a kind are likely the same, as equalities on columns of indexes that
 * lead with org_id: the email as stored (always lower case), and names and domains through
 * their folded copies (`name_fold()`: case, accents and spaces folded), phone numbers by their
 * digits (`phone_fold()`). Plain equality is
 * leakproof, so beneath the tenant policy each stays an index condition; ILIKE or lower()
 * would filter all of the tenant's rows.
 */
export type DuplicateKind = 'lead' | 'contact' | 'account';
export type MatchField = 'email' | 'name' | 'domain' | 'phone';

export interface DuplicateProbe {
  email?: string;
  /** A person's full name or an account's name, as typed. */
  name?: string;
  domain?: string;
  phone?: string;
}

const MATCHES: Record<DuplicateKind, Partial<Record<MatchField, string>>> = {
  lead: { email: 'email', name: 'name_folded', phone: 'phone_folded' },
  contact: { email: 'email', name: 'name_folded', phone: 'phone_folded' },
  account: { name: 'name_folded', domain: 'domain_folded', phone: 'phone_folded' },
};

export interface DuplicateRow {
  id: string;
  title: string;
  subtitle: string | null;
  matched_on: MatchField[];
}

function probeValue(field: MatchField, value: string): RawBuilder<string> {
  if (field === 'email') return sql<string>`${value}::text`;
  return field === 'phone' ? sql<string>`phone_fold(${value})` : sql<string>`name_fold(${value})`;
}

/** Records of the kind that share an email, a name or a domain with the probe, best first. */
export async function findDuplicates(
  tx: Tx,
  orgId: string,
  kind: DuplicateKind,
  probe: DuplicateProbe,
  limit: number,
): Promise<DuplicateRow[]> {
  const given = (Object.entries(MATCHES[kind]) as Array<[MatchField, string]>).filter(
    ([field]) => probe[field],
  );
  if (given.length === 0) return [];
  const { table, title, subtitle } = RECORD_KINDS[kind];
  const equal = (field: MatchField, column: string) =>
    sql<boolean>`${sql.ref(`r.${column}`)} = ${probeValue(field, probe[field]!)}`;
  const { rows } = await sql<DuplicateRow>`
    SELECT r.id, ${title('r')} AS title, ${subtitle('r')} AS subtitle,
      array_remove(ARRAY[${sql.join(
        given.map(([field, column]) => sql`CASE WHEN ${equal(field, column)} THEN ${field} END`),
      )}], NULL) AS matched_on
    FROM ${sql.table(table)} r
    WHERE r.org_id = ${orgId}
      AND (${sql.join(
        given.map(([field, column]) => equal(field, column)),
        sql` OR `,
      )})
    ORDER BY cardinality(array_remove(ARRAY[${sql.join(
      given.map(([field, column]) => sql`CASE WHEN ${equal(field, column)} THEN 1 END`),
    )}], NULL)) DESC, r.created_at DESC, r.id
    LIMIT ${limit}`.execute(tx);
  return rows;
}

/** Why the records of a group are likely one: the key they share. */
export type GroupReason = 'email' | 'name' | 'domain' | 'phone';

/**
 * The keys records of a kind are grouped by, each a plain column of an index led by org_id
 * (`WHERE <column> IS NOT NULL`), so that a GROUP BY reads the index in order and stops once a
 * page of groups is found. Contacts are not grouped by email: the organization's contacts are
 * unique by email, so no two ever share one.
 */
export const GROUP_KEYS: Record<DuplicateKind, ReadonlyArray<[GroupReason, string]>> = {
  lead: [
    ['email', 'email'],
    ['name', 'name_folded'],
    ['phone', 'phone_folded'],
  ],
  contact: [
    ['name', 'name_folded'],
    ['phone', 'phone_folded'],
  ],
  account: [
    ['domain', 'domain_folded'],
    ['name', 'name_folded'],
    ['phone', 'phone_folded'],
  ],
};

/** A place in the list of groups: the reason's position in GROUP_KEYS and the key. */
export interface GroupPosition {
  reason: number;
  key: string;
}

export interface GroupKeyRow {
  reason: GroupReason;
  rank: number;
  key: string;
  size: number;
}

/**
 * The next `limit` keys shared by two records or more, ordered by reason and key. Exposed for
 * the EXPLAIN test: each branch is an index-only scan of one (org_id, key) index.
 */
export function duplicateGroupsQuery(
  orgId: string,
  kind: DuplicateKind,
  page: { limit: number; after?: GroupPosition },
) {
  const { table } = RECORD_KINDS[kind];
  const { after } = page;
  const branches = GROUP_KEYS[kind].flatMap(([reason, column], rank) => {
    if (after && rank < after.reason) return [];
    const ref = sql.ref(column);
    const from = after && rank === after.reason ? sql`AND ${ref} > ${after.key}` : sql``;
    return [
      sql`(SELECT ${reason}::text AS reason, ${rank}::int AS rank, ${ref} AS key, count(*)::int AS size
        FROM ${sql.table(table)}
        WHERE org_id = ${orgId} AND ${ref} IS NOT NULL ${from}
        GROUP BY ${ref} HAVING count(*) > 1
        ORDER BY ${ref} LIMIT ${page.limit})`,
    ];
  });
  if (branches.length === 0) return undefined;
  return sql<GroupKeyRow>`SELECT reason, rank, key, size FROM (${sql.join(branches, sql` UNION ALL `)}) AS g
    ORDER BY rank, key LIMIT ${page.limit}`;
}

export interface GroupMemberRow {
  key: string;
  id: string;
  title: string;
  subtitle: string | null;
  owner_id: string | null;
  created_at: Date;
}

/** The first `perGroup` records of each group of one reason, oldest first. */
export async function groupMembers(
  tx: Tx,
  orgId: string,
  kind: DuplicateKind,
  column: string,
  keys: string[],
  perGroup: number,
): Promise<GroupMemberRow[]> {
  if (keys.length === 0) return [];
  const { table, title, subtitle } = RECORD_KINDS[kind];
  const { rows } = await sql<GroupMemberRow>`
    SELECT key, id, title, subtitle, owner_id, created_at FROM (
      SELECT ${sql.ref(`r.${column}`)} AS key, r.id, ${title('r')} AS title,
        ${subtitle('r')} AS subtitle, r.owner_id, r.created_at,
        row_number() OVER (PARTITION BY ${sql.ref(`r.${column}`)} ORDER BY r.created_at, r.id) AS n
      FROM ${sql.table(table)} r
      WHERE r.org_id = ${orgId} AND ${sql.ref(`r.${column}`)} = ANY(${keys}::text[])
    ) AS m
    WHERE n <= ${perGroup}
    ORDER BY key, created_at, id`.execute(tx);
  return rows;
}
