import { withTenant, type Tx } from '../../db/tenant.js';
import type { Caller, RequestContext } from '../../http/context.js';
import { NotFoundError } from '../../http/errors.js';
import type { ListPage, ListParams } from '../../lib/list-query.js';
import { requireCanDelete } from '../records/permissions.js';
import { afterOwnedRecordWrite } from '../records/record-writes.js';
import { tagsOf, type TagRef } from '../records/tags.js';
import * as repo from './contacts.repo.js';

export type Contact = repo.ContactRow & { tags: TagRef[] };

export type ContactInput = repo.ContactWrite & { tag_ids?: string[] };

/** Contacts with their tags, in the order given. */
export async function withTags(tx: Tx, rows: repo.ContactRow[]): Promise<Contact[]> {
  const tags = await tagsOf(
    tx,
    'contact',
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({ ...row, tags: tags.get(row.id) ?? [] }));
}

function normalize(input: ContactInput): { values: repo.ContactWrite; tagIds?: string[] } {
  const { tag_ids, ...values } = input;
  return {
    values: {
      ...values,
      // Stored lower-case: the organization's contacts are unique by email.
      ...(values.email !== undefined && { email: values.email?.toLowerCase() ?? null }),
    },
    tagIds: tag_ids,
  };
}

const label = (contact: { first_name: string; last_name: string }) =>
  `Contact "${[contact.first_name, contact.last_name].filter(Boolean).join(' ')}"`;

/**
 * Creates a contact inside the caller's transaction, with its tags and its owner's
 * notification: the one way to create a contact, also used when a lead is converted.
 */
export async function insertContact(
  tx: Tx,
  actor: Caller,
  input: ContactInput & { last_name: string },
): Promise<Contact> {
  const { values, tagIds } = normalize(input);
  const row = await repo.insertContact(tx, actor.orgId, actor.userId, {
    ...values,
    last_name: input.last_name,
    owner_id: values.owner_id === undefined ? actor.userId : values.owner_id,
  });
  await afterOwnedRecordWrite(tx, actor, {
    type: 'contact',
    recordId: row.id,
    tagIds,
    label: label(row),
    ownerId: row.owner_id,
  });
  return (await withTags(tx, [row]))[0]!;
}

export function listContacts(
  ctx: RequestContext,
  params: ListParams,
  filters: repo.ContactFilters,
): Promise<ListPage<Contact>> {
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const page = await repo.listContacts(tx, params, filters);
    return { ...page, data: await withTags(tx, page.data) };
  });
}

export function getContact(ctx: RequestContext, id: string): Promise<Contact> {
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const row = await repo.findContact(tx, id);
    if (!row) throw new NotFoundError('Contact');
    return (await withTags(tx, [row]))[0]!;
  });
}

export function createContact(
  ctx: RequestContext,
  input: ContactInput & { last_name: string },
): Promise<Contact> {
  return withTenant(ctx.deps.db, ctx, (tx) => insertContact(tx, ctx, input));
}

export function updateContact(
  ctx: RequestContext,
  id: string,
  input: ContactInput,
): Promise<Contact> {
  const { values, tagIds } = normalize(input);
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const before = await repo.findContact(tx, id, { lock: true });
    if (!before) throw new NotFoundError('Contact');
    const row = Object.keys(values).length > 0 ? await repo.updateContact(tx, id, values) : before;
    if (!row) throw new NotFoundError('Contact');
    await afterOwnedRecordWrite(tx, ctx, {
      type: 'contact',
      recordId: id,
      tagIds,
      label: label(row),
      ownerId: row.owner_id,
      previousOwnerId: before.owner_id,
    });
    return (await withTags(tx, [row]))[0]!;
  });
}

export function deleteContact(ctx: RequestContext, id: string): Promise<void> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    const contact = await repo.findContact(tx, id, { lock: true });
    if (!contact) throw new NotFoundError('Contact');
    requireCanDelete(member, contact);
    await repo.deleteContact(tx, id);
  });
}
