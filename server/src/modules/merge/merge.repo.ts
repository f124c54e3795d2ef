import { sql, type RawBuilder } from 'kysely';
import { subquery, type Tx } from '../../db/tenant.js';
import { RECORD_KINDS } from '../records/registry.js';

export type MergeKind = 'lead' | 'contact' | 'account';

/**
 * A column that points at a record of the kind (each a foreign key that includes org_id), and,
 * where at most one row may point at a record per value of another column, that column: of
 * two tag links to the same tag, or two deal contacts of the same deal, one is kept. A test
 * compares this list with the foreign keys of the catalog, so a new reference cannot be left
 * pointing at a deleted record.
 */
export interface Reference {
  table: string;
  column: string;
  uniqueWith?: string;
}

const attached = (field: string): Reference[] => [
  { table: 'notes', column: field },
  { table: 'tasks', column: field },
  { table: 'files', column: field },
  { table: 'record_tags', column: field, uniqueWith: 'tag_id' },
  { table: 'email_links', column: field, uniqueWith: 'email_id' },
];

export const REFERENCES: Record<MergeKind, readonly Reference[]> = {
  lead: attached('lead_id'),
  contact: [
    ...attached('contact_id'),
    { table: 'deals', column: 'primary_contact_id' },
    { table: 'deal_contacts', column: 'contact_id', uniqueWith: 'deal_id' },
    { table: 'leads', column: 'converted_contact_id' },
  ],
  account: [
    ...attached('account_id'),
    { table: 'contacts', column: 'account_id' },
    { table: 'deals', column: 'account_id' },
    { table: 'leads', column: 'converted_account_id' },
  ],
};

/**
 * Points every reference to the merged records at the survivor. Where only one row may point
 * at a record per value (a tag, a deal), the survivor's own row is kept, else the oldest.
 */
export async function moveReferences(
  tx: Tx,
  orgId: string,
  kind: MergeKind,
  survivorId: string,
  mergedIds: string[],
): Promise<void> {
  const all = [survivorId, ...mergedIds];
  for (const { table, column, uniqueWith } of REFERENCES[kind]) {
    const t = sql.table(table);
    const ref = sql.ref(column);
    if (uniqueWith) {
      const other = sql.ref(uniqueWith);
      await sql`DELETE FROM ${t} WHERE org_id = ${orgId} AND ${ref} = ANY(${mergedIds}::uuid[])
        AND id NOT IN (
          SELECT DISTINCT ON (${other}) id FROM ${t}
          WHERE org_id = ${orgId} AND ${ref} = ANY(${all}::uuid[])
          ORDER BY ${other}, ${ref} = ${survivorId} DESC, created_at, id)`.execute(tx);
    }
    await sql`UPDATE ${t} SET ${ref} = ${survivorId}
      WHERE org_id = ${orgId} AND ${ref} = ANY(${mergedIds}::uuid[])`.execute(tx);
  }
}

/**
 * Remembers where the merged records went, also for records merged into them before: their
 * addresses then lead to the survivor, and its history includes theirs.
 */
export async function recordMerge(
  tx: Tx,
  orgId: string,
  kind: MergeKind,
  survivorId: string,
  mergedIds: string[],
  userId: string,
): Promise<void> {
  await tx
    .updateTable('merged_records')
    .set({ survivor_id: survivorId })
    .where('survivor_id', 'in', mergedIds)
    .execute();
  await tx
    .insertInto('merged_records')
    .values(
      mergedIds.map((id) => ({
        org_id: orgId,
        id,
        record_type: kind,
        survivor_id: survivorId,
        merged_by: userId,
      })),
    )
    .execute();
}

/** The record each of `ids` was merged into, for those that were. */
export async function survivorsOf(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .selectFrom('merged_records')
    .select(['id', 'survivor_id'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row.survivor_id]));
}

/**
 * `id`, or the record it was merged into when it was: worked out by the statement that embeds
 * it, which sends no statement of its own.
 */
export function survivorOrSelf(id: string): RawBuilder<string> {
  return sql<string>`coalesce((${subquery
    .selectFrom('merged_records')
    .select('survivor_id')
    .where('id', '=', id)}), ${id}::uuid)`;
}

/** The records merged into `survivorId`, whose history is now its history. */
export async function mergedInto(tx: Tx, survivorId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('merged_records')
    .select('id')
    .where('survivor_id', '=', survivorId)
    .execute();
  return rows.map((row) => row.id);
}

/** The merge's one entry in the trail, on the survivor. */
export async function auditMerge(
  tx: Tx,
  kind: MergeKind,
  survivorId: string,
  details: object,
): Promise<void> {
  await sql`SELECT audit_record_merged(${RECORD_KINDS[kind].table}, ${survivorId}::uuid,
    ${JSON.stringify(details)}::jsonb)`.execute(tx);
}
