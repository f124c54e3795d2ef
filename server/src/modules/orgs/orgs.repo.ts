import type { Tx } from '../../db/tenant.js';

export interface OrgRow {
  id: string;
  name: string;
  currency: string;
  locale: string;
  max_file_bytes: number;
  created_at: Date;
  updated_at: Date;
}

export type OrgChanges = Partial<Pick<OrgRow, 'name' | 'currency' | 'locale' | 'max_file_bytes'>>;

const columns = [
  'id',
  'name',
  'currency',
  'locale',
  'max_file_bytes',
  'created_at',
  'updated_at',
] as const;

export function findOrg(tx: Tx, orgId: string): Promise<OrgRow | undefined> {
  return tx.selectFrom('orgs').select(columns).where('id', '=', orgId).executeTakeFirst();
}

/** The currency the organization's amounts are stored in unless they name another. */
export async function orgCurrency(tx: Tx, orgId: string): Promise<string> {
  const row = await tx
    .selectFrom('orgs')
    .select('currency')
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  return row.currency;
}

export function updateOrg(tx: Tx, orgId: string, changes: OrgChanges): Promise<OrgRow | undefined> {
  return tx
    .updateTable('orgs')
    .set(changes)
    .where('id', '=', orgId)
    .returning(columns)
    .executeTakeFirst();
}
