import { sql } from 'kysely';
import type { RecordType } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';
import { RECORD_KINDS } from '../records/registry.js';

export interface LockedRecord {
  id: string;
  owner_id: string | null;
  /** What a person calls the record: a lead's or contact's full name, an account's or deal's name. */
  name: string;
}

/**
 * Locks the records among `ids` that belong to this organization. In id order, so that two bulk
 * actions over overlapping records queue behind each other instead of deadlocking.
 */
export function lockRecords(tx: Tx, type: RecordType, ids: string[]): Promise<LockedRecord[]> {
  return tx
    .selectFrom(sql.table(RECORD_KINDS[type].table).as('r'))
    .select([
      sql<string>`r.id`.as('id'),
      sql<string | null>`r.owner_id`.as('owner_id'),
      RECORD_KINDS[type].title('r').as('name'),
    ])
    .where(sql.ref('r.id'), 'in', ids)
    .orderBy(sql.ref('r.id'))
    .forUpdate()
    .execute();
}

export async function setOwner(
  tx: Tx,
  type: RecordType,
  ids: string[],
  ownerId: string | null,
): Promise<void> {
  await tx
    .updateTable(RECORD_KINDS[type].table)
    .set({ owner_id: ownerId })
    .where('id', 'in', ids)
    .execute();
}

export async function deleteRecords(tx: Tx, type: RecordType, ids: string[]): Promise<void> {
  await tx.deleteFrom(RECORD_KINDS[type].table).where('id', 'in', ids).execute();
}
