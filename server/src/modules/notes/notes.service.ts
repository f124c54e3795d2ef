import { withTenant, type Member, type Tx } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import { invalidField, NotFoundError, requireVersion } from '../../lib/errors.js';
import type { ListPage, ListParams } from '../../lib/list-query.js';
import {
  attachmentColumns,
  type AttachmentColumns,
  type AttachmentInput,
} from '../records/attachments.js';
import { requireAdminOr } from '../records/permissions.js';
import { RECORD_KIND_LIST } from '../records/registry.js';
import { notifyMentioned, renderNotes, requireMembersMentioned } from './mentions.js';
import { mentionedIds } from './note-text.js';
import * as repo from './notes.repo.js';

/** A note with its Markdown rendered (see `note-text.ts`). */
export type Note = repo.NoteRow & { body_html: string };

/** The record a note is on: the one attachment column it fills. */
function recordOf(note: AttachmentColumns): {
  kind: (typeof RECORD_KIND_LIST)[number]['kind'];
  id: string;
} {
  const kind = RECORD_KIND_LIST.find((k) => note[k.attachmentField] !== null)!;
  return { kind: kind.kind, id: note[kind.attachmentField]! };
}

async function present(tx: Tx, note: repo.NoteRow): Promise<Note> {
  return (await renderNotes(tx, [note]))[0]!;
}

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
    return { ...page, data: await renderNotes(tx, page.data) };
  });
}

export function getNote(ctx: RequestContext, id: string): Promise<Note> {
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const note = await repo.findNote(tx, id);
    if (!note) throw new NotFoundError('Note');
    return present(tx, note);
  });
}

export function createNote(
  ctx: RequestContext,
  input: AttachmentInput & { body: string },
): Promise<Note> {
  const { body, ...record } = input;
  const values = { ...attachmentColumns(record, { required: true }), body: requireBody(body) };
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const mentioned = await requireMembersMentioned(tx, values.body);
    const id = await repo.insertNote(tx, ctx.orgId, ctx.userId, values);
    await notifyMentioned(tx, ctx, { record: recordOf(values), mentioned, before: [] });
    return present(tx, (await repo.findNote(tx, id))!);
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
    await requireVersion(ifMatch, note, () => present(tx, note));
    const mentioned = await requireMembersMentioned(tx, body);
    await repo.updateNote(tx, id, body);
    // Only those the edit adds hear of it: the others were told when they were mentioned.
    await notifyMentioned(tx, ctx, {
      record: recordOf(note),
      mentioned,
      before: mentionedIds(note.body),
    });
    return present(tx, (await repo.findNote(tx, id))!);
  });
}

export function deleteNote(
  ctx: RequestContext,
  id: string,
  ifMatch?: readonly string[],
): Promise<void> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    const note = await repo.findNote(tx, id, { lock: true });
    if (!note) throw new NotFoundError('Note');
    requireAuthorOrAdmin(member, note);
    await requireVersion(ifMatch, note, () => present(tx, note));
    await repo.deleteNote(tx, id);
  });
}
