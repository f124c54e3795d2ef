import type { Tx } from '../../db/tenant.js';

export interface OrgRow {
  id: string;
  name: string;
  created_at: Date;
  updated_at: Date;
}

const columns = ['id', 'name', 'created_at', 'updated_at'] as const;

export function findOrg(tx: Tx, orgId: string): Promise<OrgRow | undefined> {
  return tx.selectFrom('orgs').select(columns).where('id', '=', orgId).executeTakeFirst();
}

export function renameOrg(tx: Tx, orgId: string, name: string): Promise<OrgRow | undefined> {
  return tx
    .updateTable('orgs')
    .set({ name })
    .where('id', '=', orgId)
    .returning(columns)
    .executeTakeFirst();
}
