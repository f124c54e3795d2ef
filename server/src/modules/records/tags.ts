import { sql } from 'kysely';
import type { RecordType } from '../../db/schema.js';
import { orgOf, subquery, type Tx } from '../../db/tenant.js';
import { invalidField } from '../../lib/errors.js';
import type { PageSet } from '../../lib/list-query.js';
import { RECORD_KINDS } from './registry.js';

export interface TagRef {
  id: string;
  name: string;
  color: string;
}

/** The tags of each of `recordIds`, by record id. */
export async function tagsOf(
  tx: Tx,
  type: RecordType,
  recordIds: string[],
): Promise<Map<string, TagRef[]>> {
  const byRecord = new Map<string, TagRef[]>(recordIds.map((id) => [id, []]));
  if (recordIds.length === 0) return byRecord;
  const column = RECORD_KINDS[type].attachmentField;
  const rows = await tx
    .selectFrom('record_tags as rt')
    .innerJoin('tags as t', 't.id', 'rt.tag_id')
    .select([sql<string>`${sql.ref(`rt.${column}`)}`.as('record_id'), 't.id', 't.name', 't.color'])
    .where(sql.ref(`rt.${column}`), 'in', recordIds)
    .orderBy('t.name')
    .execute();
  for (const { record_id, ...tag } of rows) byRecord.get(record_id)?.push(tag);
  return byRecord;
}

/**
 * The tags of a list's page (`tags`, in name order) as one set, by the `(org_id, <kind>_id)`
 * index, for `pageWith`.
 */
export function tagsOfPage(tx: Tx, type: RecordType): PageSet {
  const column = sql.ref(`rt.${RECORD_KINDS[type].attachmentField}`);
  const org = orgOf(tx);
  return {
    name: 'tags',
    empty: sql`'[]'::json`,
    rows: sql`SELECT ${column} AS key,
        json_agg(json_build_object('id', t.id, 'name', t.name, 'color', t.color)
          ORDER BY t.name, t.id) AS value
      FROM record_tags rt JOIN tags t ON t.org_id = ${org} AND t.id = rt.tag_id
      WHERE rt.org_id = ${org} AND ${column} IN (SELECT p.id FROM p)
      GROUP BY ${column}`,
  };
}

/**
 * The tags of each of `rows`, by record id: those the page's statement read with them
 * (`tagsOfPage`), else read now.
 */
export function tagsOfRows(
  tx: Tx,
  type: RecordType,
  rows: ReadonlyArray<{ id: string; tags?: TagRef[] }>,
): Promise<Map<string, TagRef[]>> {
  if (rows.length > 0 && rows.every((row) => Array.isArray(row.tags))) {
    return Promise.resolve(new Map(rows.map((row) => [row.id, row.tags!])));
  }
  return tagsOf(
    tx,
    type,
    rows.map((row) => row.id),
  );
}

/** Refuses tag ids that are not tags of this organization, naming the field. */
export async function assertTagsExist(tx: Tx, tagIds: string[], field = 'tag_ids'): Promise<void> {
  const unique = [...new Set(tagIds)];
  if (unique.length === 0) return;
  const found = await tx.selectFrom('tags').select('id').where('id', 'in', unique).execute();
  if (found.length !== unique.length)
    throw invalidField(field, 'contains a tag that does not exist');
}

/** Makes the record's tags exactly `tagIds`. */
export async function setTags(
  tx: Tx,
  target: { orgId: string; userId: string | null; type: RecordType; recordId: string },
  tagIds: string[],
): Promise<void> {
  await assertTagsExist(tx, tagIds);
  const column = RECORD_KINDS[target.type].attachmentField;
  const wanted = [...new Set(tagIds)];
  let removal = tx.deleteFrom('record_tags').where(sql.ref(column), '=', target.recordId);
  if (wanted.length > 0) removal = removal.where('tag_id', 'not in', wanted);
  await removal.execute();
  await addTags(tx, { ...target, recordIds: [target.recordId] }, wanted);
}

/** Adds tags to records; tags already there stay as they are. */
export async function addTags(
  tx: Tx,
  target: { orgId: string; userId: string | null; type: RecordType; recordIds: string[] },
  tagIds: string[],
): Promise<void> {
  const column = RECORD_KINDS[target.type].attachmentField;
  const rows = target.recordIds.flatMap((recordId) =>
    tagIds.map((tagId) => ({
      org_id: target.orgId,
      tag_id: tagId,
      created_by: target.userId,
      [column]: recordId,
    })),
  );
  if (rows.length === 0) return;
  await tx
    .insertInto('record_tags')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['org_id', 'tag_id', column]).where(sql.ref(column), 'is not', null).doNothing(),
    )
    .execute();
}

export async function removeTags(
  tx: Tx,
  type: RecordType,
  recordIds: string[],
  tagIds: string[],
): Promise<void> {
  if (recordIds.length === 0 || tagIds.length === 0) return;
  await tx
    .deleteFrom('record_tags')
    .where(sql.ref(RECORD_KINDS[type].attachmentField), 'in', recordIds)
    .where('tag_id', 'in', tagIds)
    .execute();
}

/** Ids of the records of one kind that carry a tag, for list filters. */
export function taggedWith(type: RecordType, tagId: string) {
  const column = sql.ref<string>(RECORD_KINDS[type].attachmentField);
  return subquery
    .selectFrom('record_tags')
    .select(column.as('id'))
    .where('tag_id', '=', tagId)
    .where(column, 'is not', null);
}
