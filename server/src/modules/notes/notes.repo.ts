import { sql, type Selectable } from 'kysely';
import type { LeadsTable, NotesTable } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';
import {
  runList,
  type AnyQuery,
  type ListDefinition,
  type ListPage,
  type ListParams,
} from '../../lib/list-query.js';
import { rowVersion, type RowVersion } from '../records/owned.repo.js';
import { followingMerge } from '../merge/merge.service.js';
import { ATTACHMENT_FIELDS, type AttachmentColumns } from '../records/attachments.js';

export const NOTE_COLUMNS = [
  'id',
  'body',
  ...ATTACHMENT_FIELDS,
  'created_at',
  'updated_at',
  'created_by',
] as const;

/** A note with its author's name; null once the author has left the organization. */
export type NoteRow = Pick<Selectable<NotesTable>, (typeof NOTE_COLUMNS)[number]> &
  RowVersion & {
    author_name: string | null;
  };

export const noteList: ListDefinition = {
  table: 'notes',
  alias: 'n',
  sorts: { created_at: { column: 'created_at' } },
  defaultSort: '-created_at',
};

function withAuthor(query: AnyQuery): AnyQuery {
  return query
    .leftJoin('users as u', 'u.id', 'n.created_by')
    .select([
      ...NOTE_COLUMNS.map((c) => `n.${c}` as const),
      rowVersion('n'),
      'u.name as author_name',
    ]);
}

/**
 * Where the notes of a converted lead are read. A note belongs to the one record it was
 * written on, so the lead keeps its notes when it converts: copying them to the account,
 * contact and deal would make three notes that drift apart on the first edit, and moving them
 * to one record hides them from the others. Instead the note list of a record that a lead
 * became also holds that lead's notes; each note still says, by its own `lead_id`, where it
 * was written.
 */
const CONVERTED_INTO: Partial<Record<keyof AttachmentColumns, keyof LeadsTable>> = {
  account_id: 'converted_account_id',
  contact_id: 'converted_contact_id',
  deal_id: 'converted_deal_id',
};

/** The notes of one record (and of the lead it came from): `record` names its column and id. */
export function listNotes(
  tx: Tx,
  orgId: string,
  params: ListParams,
  record: { column: keyof AttachmentColumns; id: string },
): Promise<ListPage<NoteRow>> {
  const converted = CONVERTED_INTO[record.column];
  const id = followingMerge(record.column, record.id);
  const own = sql<boolean>`${sql.ref(`n.${record.column}`)} = ${id}`;
  // The leads' ids are read first (ARRAY(...) runs once), so both sides stay index conditions.
  const ofRecord = converted
    ? sql<boolean>`(${own} OR n.lead_id = ANY (ARRAY(
        SELECT l.id FROM leads l
        WHERE l.org_id = ${orgId} AND ${sql.ref(`l.${converted}`)} = ${id})))`
    : own;
  return runList<NoteRow>(tx, noteList, params, {
    select: withAuthor,
    filter: (query: AnyQuery) => query.where(sql.ref('n.org_id'), '=', orgId).where(ofRecord),
  });
}

export function findNote(
  tx: Tx,
  id: string,
  options: { lock?: boolean } = {},
): Promise<NoteRow | undefined> {
  let query = withAuthor(tx.selectFrom('notes as n')).where(sql.ref('n.id'), '=', id);
  if (options.lock) query = query.forUpdate('n');
  return query.executeTakeFirst() as Promise<NoteRow | undefined>;
}

export async function insertNote(
  tx: Tx,
  orgId: string,
  userId: string,
  values: AttachmentColumns & { body: string },
): Promise<string> {
  const { id } = await tx
    .insertInto('notes')
    .values({ ...values, org_id: orgId, created_by: userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateNote(tx: Tx, id: string, body: string): Promise<void> {
  await tx.updateTable('notes').set({ body }).where('id', '=', id).execute();
}

export async function deleteNote(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom('notes').where('id', '=', id).execute();
}
