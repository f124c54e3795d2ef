import { sql, type Selectable } from 'kysely';
import type { NotesTable } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';
import {
  runList,
  type AnyQuery,
  type ListDefinition,
  type ListPage,
  type ListParams,
} from '../../lib/list-query.js';
import type { AttachmentColumns } from '../records/attachments.js';

export const NOTE_COLUMNS = [
  'id',
  'body',
  'lead_id',
  'account_id',
  'contact_id',
  'deal_id',
  'created_at',
  'updated_at',
  'created_by',
] as const;

/** A note with its author's name; null once the author has left the organization. */
export type NoteRow = Pick<Selectable<NotesTable>, (typeof NOTE_COLUMNS)[number]> & {
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
    .select([...NOTE_COLUMNS.map((c) => `n.${c}` as const), 'u.name as author_name']);
}

/** The notes of one record: `record` names its column and id. */
export function listNotes(
  tx: Tx,
  params: ListParams,
  record: { column: keyof AttachmentColumns; id: string },
): Promise<ListPage<NoteRow>> {
  return runList<NoteRow>(tx, noteList, params, {
    select: withAuthor,
    filter: (query: AnyQuery) => query.where(sql.ref(`n.${record.column}`), '=', record.id),
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
