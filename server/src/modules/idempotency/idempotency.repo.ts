import { sql } from 'kysely';
import type { Tx } from '../../db/tenant.js';

export interface StoredKey {
  fingerprint: Buffer;
  /** Null while the first request with the key has not answered. */
  response_status: number | null;
  response_body: string | null;
}

/** Removes the organization's keys older than `hours`, so a key can be used again after. */
export async function deleteExpiredKeys(tx: Tx, hours: number): Promise<void> {
  await tx
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', sql<Date>`now() - make_interval(hours => ${hours})`)
    .execute();
}

/**
 * Claims a key for a request; false when its sender already has it in the organization. A
 * second claim of the same key waits on the first one's transaction, then finds it.
 */
export async function insertKey(
  tx: Tx,
  orgId: string,
  key: { key: string; fingerprint: Buffer; userId: string },
): Promise<boolean> {
  const inserted = await tx
    .insertInto('idempotency_keys')
    .values({
      org_id: orgId,
      key: key.key,
      fingerprint: key.fingerprint,
      created_by: key.userId,
    })
    .onConflict((conflict) => conflict.columns(['org_id', 'created_by', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Who sent a key, and the key: keys of different people never meet. */
export interface KeyOf {
  userId: string;
  key: string;
}

export function findKey(tx: Tx, { userId, key }: KeyOf): Promise<StoredKey | undefined> {
  return tx
    .selectFrom('idempotency_keys')
    .select(['fingerprint', 'response_status', 'response_body'])
    .where('created_by', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();
}

export async function storeResponse(
  tx: Tx,
  { userId, key }: KeyOf,
  response: { status: number; body: string; fingerprint?: Buffer },
): Promise<void> {
  await tx
    .updateTable('idempotency_keys')
    .set({
      response_status: response.status,
      response_body: response.body,
      ...(response.fingerprint ? { fingerprint: response.fingerprint } : {}),
    })
    .where('created_by', '=', userId)
    .where('key', '=', key)
    .execute();
}

export async function deleteKey(tx: Tx, { userId, key }: KeyOf): Promise<void> {
  await tx
    .deleteFrom('idempotency_keys')
    .where('created_by', '=', userId)
    .where('key', '=', key)
    .execute();
}
