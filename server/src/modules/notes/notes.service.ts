import { withTenant, type Member } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import { invalidField, NotFoundError, requireVersion } from '../../lib/errors.js';
import type { ListPage, ListParams } from '../../lib/list-query.js';
import {
  attachmentColumns,
  type AttachmentColumns,
  type AttachmentInput,
} from '../records/attachments.js';
import { requireAdminOr } from '../records/permissions.js';
import * as repo from './notes.repo.js';

export type Note = repo.NoteRow;

function requireBody(body: string): string {
  if (!body.trim()) throw invalidField('body', 'must not be blank');
  return body;
}

/** A note is changed or deleted by its author or an admin. */
function requireAuthorOrAdmin(member: Member, note: repo.NoteRow): void {
  requireAdminOr(
    member,
    [note.created_by],
    "Only the note's author or an admin can change or delete it",
  );
}

export function listNotes(
  ctx: RequestContext,
  params: ListParams,
  record: AttachmentInput,
): Promise<ListPage<Note>> {
  const columns = attachmentColumns(record, { required: true, problem: 'malformed' });
  const [column, id] = Object.entries(columns).find(([, value]) => value !== null) as [
    keyof AttachmentColumns,
    string,
  ];
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const page = await repo.listNotes(tx, ctx.orgId, params, { column, id });
    return { ...page, data: page.data };
  });
}

export function getNote(ctx: RequestContext, id: string): Promise<Note> {
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const note = await repo.findNote(tx, id);
    if (!note) throw new NotFoundError('Note');
    return note;
  });
}

export function createNote(
  ctx: RequestContext,
  input: AttachmentInput & { body: string },
): Promise<Note> {
  const { body, ...record } = input;
  const values = { ...attachmentColumns(record, { required: true }), body: requireBody(body) };
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const id = await repo.insertNote(tx, ctx.orgId, ctx.userId, values);
    return (await repo.findNote(tx, id))!;
  });
}

export function updateNote(
  ctx: RequestContext,
  id: string,
  input: { body: string },
  ifMatch?: readonly string[],
): Promise<Note> {
  const body = requireBody(input.body);
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    const note = await repo.findNote(tx, id, { lock: true });
    if (!note) throw new NotFoundError('Note');
    requireAuthorOrAdmin(member, note);
    await requireVersion(ifMatch, note, async () => note);
    await repo.updateNote(tx, id, body);
    return (await repo.findNote(tx, id))!;
  });
}

export function deleteNote(ctx: RequestContext, id: string): Promise<void> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    const note = await repo.findNote(tx, id, { lock: true });
    if (!note) throw new NotFoundError('Note');
    requireAuthorOrAdmin(member, note);
    await repo.deleteNote(tx, id);
  });
}
