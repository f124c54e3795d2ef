import { sql, type Selectable } from 'kysely';
import type { FilesTable } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';
import {
  runList,
  type AnyQuery,
  type ListDefinition,
  type ListPage,
  type ListParams,
} from '../../lib/list-query.js';
import { ATTACHMENT_FIELDS } from '../records/attachments.js';

/** What a file can be attached to: a record of any kind, or a note. */
export const FILE_OWNER_FIELDS = [...ATTACHMENT_FIELDS, 'note_id'] as const;
export type FileOwnerField = (typeof FILE_OWNER_FIELDS)[number];
export type FileOwnerColumns = { [F in FileOwnerField]: string | null };

export const FILE_COLUMNS = [
  'id',
  'name',
  'content_type',
  'byte_size',
  'sha256',
  ...FILE_OWNER_FIELDS,
  'created_at',
  'created_by',
] as const;

/** A file with its uploader's name; null once the uploader has left the organization. */
export type FileRow = Pick<Selectable<FilesTable>, (typeof FILE_COLUMNS)[number]> & {
  uploader_name: string | null;
};

export const fileList: ListDefinition = {
  table: 'files',
  alias: 'f',
  sorts: { created_at: { column: 'created_at' } },
  defaultSort: '-created_at',
};

function withUploader(query: AnyQuery): AnyQuery {
  return query
    .leftJoin('users as u', 'u.id', 'f.created_by')
    .select([...FILE_COLUMNS.map((c) => `f.${c}` as const), 'u.name as uploader_name']);
}

export function listFiles(
  tx: Tx,
  orgId: string,
  params: ListParams,
  owner: { column: FileOwnerField; id: string },
): Promise<ListPage<FileRow>> {
  return runList<FileRow>(tx, fileList, params, {
    select: withUploader,
    filter: (query: AnyQuery) =>
      query
        .where(sql.ref('f.org_id'), '=', orgId)
        .where(sql.ref(`f.${owner.column}`), '=', owner.id),
  });
}

export function findFile(tx: Tx, id: string): Promise<FileRow | undefined> {
  return withUploader(tx.selectFrom('files as f'))
    .where(sql.ref('f.id'), '=', id)
    .executeTakeFirst() as Promise<FileRow | undefined>;
}

/** Where a file's bytes are: read only to serve them, never sent to a client. */
export async function blobKeyOf(tx: Tx, id: string): Promise<string | undefined> {
  const row = await tx
    .selectFrom('files')
    .select('blob_key')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.blob_key;
}

/** Whether the record or note a file is to be attached to is one of this organization's. */
export async function ownerExists(
  tx: Tx,
  owner: { column: FileOwnerField; table: string; id: string },
): Promise<boolean> {
  const row = await tx
    .selectFrom(owner.table as 'notes')
    .select('id')
    .where('id', '=', owner.id)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertFile(
  tx: Tx,
  orgId: string,
  /** Null for a file no person uploaded: an attachment of a received email. */
  userId: string | null,
  values: FileOwnerColumns & {
    name: string;
    content_type: string;
    byte_size: number;
    sha256: string;
    blob_key: string;
  },
): Promise<string> {
  const { id } = await tx
    .insertInto('files')
    .values({ ...values, org_id: orgId, created_by: userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Deletes the file's row; the table's trigger queues its bytes for removal after commit. */
export async function deleteFile(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom('files').where('id', '=', id).execute();
}

/** Keys of deleted files whose bytes are still to be removed, oldest first. */
export async function pendingRemovals(tx: Tx, limit: number): Promise<string[]> {
  const rows = await tx
    .selectFrom('file_blob_removals')
    .select('blob_key')
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return rows.map((row) => row.blob_key);
}

export async function forgetRemovals(tx: Tx, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.deleteFrom('file_blob_removals').where('blob_key', 'in', keys).execute();
}

/** The organization's own limit on one file. */
export async function maxFileBytes(tx: Tx, orgId: string): Promise<number> {
  const row = await tx
    .selectFrom('orgs')
    .select('max_file_bytes')
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  return Number(row.max_file_bytes);
}
