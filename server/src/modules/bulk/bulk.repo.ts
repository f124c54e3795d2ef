import { sql, type RawBuilder } from 'kysely';
import type { RecordType } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';
import { RECORD_TABLE } from '../records/record-types.js';

export interface LockedRecord {
  id: string;
  owner_id: string | null;
  /** What a person calls the record: a lead's or contact's full name, an account's or deal's name. */
  name: string;
}

const PERSON_NAME = sql<string>`concat_ws(' ', nullif(first_name, ''), last_name)`;
const DISPLAY_NAME: Record<RecordType, RawBuilder<string>> = {
  lead: PERSON_NAME,
  contact: PERSON_NAME,
  account: sql<string>`name`,
  opportunity: sql<string>`name`,
};

/**
 * Locks the records among `ids` that belong to this organization. In id order, so that two bulk
 * actions over overlapping records queue behind each other instead of deadlocking.
 */
export function lockRecords(tx: Tx, type: RecordType, ids: string[]): Promise<LockedRecord[]> {
  return tx
    .selectFrom(RECORD_TABLE[type])
    .select(['id', 'owner_id', DISPLAY_NAME[type].as('name')])
    .where('id', 'in', ids)
    .orderBy('id')
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
    .updateTable(RECORD_TABLE[type])
    .set({ owner_id: ownerId })
    .where('id', 'in', ids)
    .execute();
}

export async function deleteRecords(tx: Tx, type: RecordType, ids: string[]): Promise<void> {
  await tx.deleteFrom(RECORD_TABLE[type]).where('id', 'in', ids).execute();
}
