import { sql, type Selectable, type Updateable } from 'kysely';
import type { TagsTable } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';

export const TAG_COLUMNS = ['id', 'name', 'color', 'created_at', 'updated_at'] as const;

export type TagRow = Pick<Selectable<TagsTable>, (typeof TAG_COLUMNS)[number]>;

export type TagWrite = Pick<Updateable<TagsTable>, 'name' | 'color'>;

/** By name, case aside: `cold` before `VIP`. */
export function listTags(tx: Tx): Promise<TagRow[]> {
  return tx
    .selectFrom('tags')
    .select(TAG_COLUMNS)
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .execute();
}

export function findTag(tx: Tx, id: string): Promise<TagRow | undefined> {
  return tx.selectFrom('tags').select(TAG_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export function insertTag(
  tx: Tx,
  orgId: string,
  userId: string,
  values: TagWrite & { name: string },
): Promise<TagRow> {
  return tx
    .insertInto('tags')
    .values({ ...values, org_id: orgId, created_by: userId })
    .returning(TAG_COLUMNS)
    .executeTakeFirstOrThrow();
}

export function updateTag(tx: Tx, id: string, values: TagWrite): Promise<TagRow | undefined> {
  return tx
    .updateTable('tags')
    .set(values)
    .where('id', '=', id)
    .returning(TAG_COLUMNS)
    .executeTakeFirst();
}

/** Deletes a tag; its links to records go with it (the foreign key cascades). */
export async function deleteTag(tx: Tx, id: string): Promise<boolean> {
  const result = await tx.deleteFrom('tags').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
