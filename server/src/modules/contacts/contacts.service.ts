import type { Selectable, Updateable } from 'kysely';
import type { ContactsTable } from '../../db/schema.js';
import type { Caller, RequestContext } from '../../http/context.js';
import type { ListPage, ListParams } from '../../lib/list-query.js';
import type { Tx } from '../../db/tenant.js';
import type { ContactFilters } from '../records/filters.js';
import {
  fullName,
  ownedRecords,
  withTagsOf,
  type WithCustomFields,
} from '../records/owned.service.js';
import type { RowVersion } from '../records/owned.repo.js';
import type { RECORD_KINDS } from '../records/registry.js';
import type { TagRef } from '../records/tags.js';

export type ContactRow = Pick<
  Selectable<ContactsTable>,
  (typeof RECORD_KINDS.contact.columns)[number]
> &
  RowVersion & { account_name: string | null };

/** What the kind shows of a record, before its custom fields. */
type ContactShown = ContactRow & { tags: TagRef[] };
export type Contact = WithCustomFields<ContactShown>;

export type ContactInput = Omit<
  Updateable<ContactsTable>,
  'id' | 'org_id' | 'created_at' | 'updated_at' | 'created_by' | 'address'
> & {
  address?: Record<string, string>;
  tag_ids?: string[];
  custom_fields?: Record<string, unknown>;
};

export const contacts = ownedRecords<ContactRow, ContactShown>({
  kind: 'contact',
  name: fullName,
  present: withTagsOf('contact', (row: ContactRow, tags) => ({ ...row, tags })),
});

function normalize({ tag_ids, custom_fields, ...values }: ContactInput) {
  return {
    values: {
      ...values,
      // Stored lower-case: the organization's contacts are unique by email.
      ...(values.email !== undefined && { email: values.email?.toLowerCase() ?? null }),
    },
    tagIds: tag_ids,
    customFields: custom_fields,
  };
}

/** Creates a contact inside the caller's transaction; lead conversion uses it. */
export function insertContact(
  tx: Tx,
  actor: Caller,
  input: ContactInput & { last_name: string },
): Promise<Contact> {
  return contacts.insert(tx, actor, normalize(input));
}

export function listContacts(
  ctx: RequestContext,
  params: ListParams,
  filters: ContactFilters,
): Promise<ListPage<Contact>> {
  return contacts.list(ctx, params, filters);
}

export const getContact = (ctx: RequestContext, id: string) => contacts.get(ctx, id);

export const createContact = (ctx: RequestContext, input: ContactInput & { last_name: string }) =>
  contacts.create(ctx, normalize(input));

export const updateContact = (
  ctx: RequestContext,
  id: string,
  input: ContactInput,
  ifMatch?: readonly string[],
) => contacts.update(ctx, id, { ...normalize(input), ifMatch });

export const deleteContact = (ctx: RequestContext, id: string, ifMatch?: readonly string[]) =>
  contacts.remove(ctx, id, ifMatch);
