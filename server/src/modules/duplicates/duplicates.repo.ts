import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/tenant.js';
import { RECORD_KINDS } from '../records/registry.js';

/**
 * How two records of a kind are likely the same, as equalities on columns of indexes that
 * lead with org_id: the email as stored (always lower case), and names and domains through
 * their folded copies (`name_fold()`: case, accents and spaces folded). Plain equality is
 * leakproof, so beneath the tenant policy each stays an index condition; ILIKE or lower()
 * would filter all of the tenant's rows.
 */
export type DuplicateKind = 'lead' | 'contact' | 'account';
export type MatchField = 'email' | 'name' | 'domain';

export interface DuplicateProbe {
  email?: string;
  /** A person's full name or an account's name, as typed. */
  name?: string;
  domain?: string;
}

const MATCHES: Record<DuplicateKind, Partial<Record<MatchField, string>>> = {
  lead: { email: 'email', name: 'name_folded' },
  contact: { email: 'email', name: 'name_folded' },
  account: { name: 'name_folded', domain: 'domain_folded' },
};

export interface DuplicateRow {
  id: string;
  title: string;
  subtitle: string | null;
  matched_on: MatchField[];
}

function probeValue(field: MatchField, value: string): RawBuilder<string> {
  return field === 'email' ? sql<string>`${value}::text` : sql<string>`name_fold(${value})`;
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
