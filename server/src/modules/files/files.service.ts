import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { withTenant, type Member, type Tx } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import { invalidField, NotFoundError, referenceNotFound } from '../../lib/errors.js';
import type { ListPage, ListParams } from '../../lib/list-query.js';
import { requireAdminOr } from '../records/permissions.js';
import { RECORD_KIND_LIST } from '../records/registry.js';
import {
  contentTypeOf,
  displayName,
  FileTooLargeError,
  PREVIEWABLE_TYPES,
  UploadMeter,
} from './file-content.js';
import { fileStoreOf } from './file-store.js';
import * as repo from './files.repo.js';

/** What a file can be attached to: a record of any kind, or a note. */
export const FILE_OWNER_FIELDS = repo.FILE_OWNER_FIELDS;

export type StoredFile = repo.FileRow & { previewable: boolean };
export type FileOwnerInput = { [F in repo.FileOwnerField]?: string | null };

function described(row: repo.FileRow): StoredFile {
  return { ...row, previewable: PREVIEWABLE_TYPES.has(row.content_type) };
}

const OWNER_TABLES: Record<repo.FileOwnerField, string> = {
  ...(Object.fromEntries(
    RECORD_KIND_LIST.map((kind) => [kind.attachmentField, kind.table]),
  ) as Record<repo.FileOwnerField, string>),
  note_id: 'notes',
};

/** The one record or note the input names, or a problem on the field that broke the rule. */
function ownerOf(
  input: FileOwnerInput,
  problem?: 'malformed',
): { column: repo.FileOwnerField; table: string; id: string; columns: repo.FileOwnerColumns } {
  const given = repo.FILE_OWNER_FIELDS.filter((field) => input[field] != null);
  const choices = repo.FILE_OWNER_FIELDS.join(', ');
  if (given.length !== 1) {
    const field = given[1] ?? repo.FILE_OWNER_FIELDS[0];
    const message =
      given.length > 1 ? `only one of ${choices} may be given` : `one of ${choices} is required`;
    throw invalidField(field, message, problem);
  }
  const column = given[0]!;
  const columns = Object.fromEntries(
    repo.FILE_OWNER_FIELDS.map((field) => [field, input[field] ?? null]),
  ) as repo.FileOwnerColumns;
  return { column, table: OWNER_TABLES[column], id: input[column]!, columns };
}

export function listFiles(
  ctx: RequestContext,
  params: ListParams,
  input: FileOwnerInput,
): Promise<ListPage<StoredFile>> {
  const owner = ownerOf(input, 'malformed');
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const page = await repo.listFiles(tx, ctx.orgId, params, owner);
    return { ...page, data: page.data.map(described) };
  });
}

export function getFile(ctx: RequestContext, id: string): Promise<StoredFile> {
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const file = await repo.findFile(tx, id);
    if (!file) throw new NotFoundError('File');
    return described(file);
  });
}

/** The largest file this organization takes: its own setting, capped by the instance's. */
function effectiveLimit(ctx: RequestContext, orgLimit: number): number {
  return Math.min(orgLimit, ctx.deps.config.fileMaxBytes);
}

/**
 * Stores an upload on one record or note, streamed: the bytes go through the size limit and
 * SHA-256 to the store and never sit in memory whole. The record is checked first (another
 * organization's is refused like one that does not exist, and nothing is read), and the row is
 * written once the bytes are stored; if that fails, the bytes are removed again.
 */
export async function uploadFile(
  ctx: RequestContext,
  input: FileOwnerInput & { name: string },
  upload: { body: Readable; contentType: string | undefined; contentLength: number | undefined },
): Promise<StoredFile> {
  const { name, ...ownerInput } = input;
  const owner = ownerOf(ownerInput);
  const limit = await withTenant(ctx.deps.db, ctx, async (tx) => {
    if (!(await repo.ownerExists(tx, owner))) throw referenceNotFound(owner.column);
    return effectiveLimit(ctx, await repo.maxFileBytes(tx, ctx.orgId));
  });
  if (upload.contentLength !== undefined && upload.contentLength > limit)
    throw new FileTooLargeError(limit);
  const store = fileStoreOf(ctx.deps.config);
  const meter = new UploadMeter(limit);
  // A failure on either side reaches the store through the meter, which then keeps nothing.
  // Past the limit the rest of the body is read and dropped, not cut off: the client then
  // gets the 413 rather than a broken connection.
  upload.body.on('error', (error) => meter.destroy(error));
  meter.on('error', () => {
    upload.body.unpipe(meter);
    upload.body.resume();
  });
  const key = await store.put(upload.body.pipe(meter));
  try {
    if (meter.bytes === 0) throw invalidField('file', 'must not be empty');
    return await withTenant(ctx.deps.db, ctx, async (tx) => {
      const id = await repo.insertFile(tx, ctx.orgId, ctx.userId, {
        ...owner.columns,
        name: displayName(name),
        content_type: contentTypeOf(meter.head, upload.contentType),
        byte_size: meter.bytes,
        sha256: meter.sha256(),
        blob_key: key,
      });
      return described((await repo.findFile(tx, id))!);
    });
  } catch (error) {
    await store.delete(key);
    throw error;
  }
}

/** A file's metadata and its bytes, for the organization's members only. */
export async function openFile(
  ctx: RequestContext,
  id: string,
): Promise<{ file: StoredFile; content: Readable }> {
  const found = await withTenant(ctx.deps.db, ctx, async (tx) => {
    const file = await repo.findFile(tx, id);
    const key = file && (await repo.blobKeyOf(tx, id));
    return file && key ? { file, key } : undefined;
  });
  const content = found && (await fileStoreOf(ctx.deps.config).get(found.key));
  if (!found || !content) throw new NotFoundError('File');
  return { file: described(found.file), content };
}

/** A file is deleted by whoever uploaded it or an admin. */
function requireUploaderOrAdmin(member: Member, file: repo.FileRow): void {
  requireAdminOr(
    member,
    [file.created_by],
    'Only the person who uploaded a file or an admin can delete it',
  );
}

export function deleteFile(ctx: RequestContext, id: string): Promise<void> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    // A file is never changed, so who uploaded it cannot change before the delete: no lock.
    const file = await repo.findFile(tx, id);
    if (!file) throw new NotFoundError('File');
    requireUploaderOrAdmin(member, file);
    await repo.deleteFile(tx, id);
  });
}

/**
 * Records bytes already in the store as a file on one record, in the caller's transaction, with
 * no person as its uploader: how a received email's attachments are kept.
 */
export async function keepStoredFile(
  tx: Tx,
  orgId: string,
  owner: { column: repo.FileOwnerField; id: string },
  file: { name: string; declaredType: string | undefined; content: Buffer; blobKey: string },
): Promise<void> {
  const columns = Object.fromEntries(
    repo.FILE_OWNER_FIELDS.map((field) => [field, field === owner.column ? owner.id : null]),
  ) as repo.FileOwnerColumns;
  await repo.insertFile(tx, orgId, null, {
    ...columns,
    name: displayName(file.name),
    content_type: contentTypeOf(file.content.subarray(0, 64), file.declaredType),
    byte_size: file.content.length,
    sha256: createHash('sha256').update(file.content).digest('hex'),
    blob_key: file.blobKey,
  });
}
