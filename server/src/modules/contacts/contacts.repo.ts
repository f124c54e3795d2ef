import { sql, type Selectable, type Updateable } from 'kysely';
import type { ContactsTable } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';
import { runList, type AnyQuery, type ListPage, type ListParams } from '../../lib/list-query.js';
import { applyCommonFilters, type CommonFilters } from '../records/filters.js';
import { RECORD_KINDS } from '../records/registry.js';

export const CONTACT_COLUMNS = [
  'id',
  'first_name',
  'last_name',
  'email',
  'phone',
  'mobile',
  'job_title',
  'department',
  'account_id',
  'do_not_contact',
  'address',
  'description',
  'owner_id',
  'created_at',
  'updated_at',
  'created_by',
] as const;

export type ContactRow = Pick<Selectable<ContactsTable>, (typeof CONTACT_COLUMNS)[number]> & {
  account_name: string | null;
};

/**
 * The contact's account by name, read in the same statement (`table` is the contacts' alias or
 * name): a list shows it without a request per row.
 */
function accountName(table: string) {
  return sql<string | null>`(SELECT a.name FROM accounts a
    WHERE a.org_id = ${sql.ref(`${table}.org_id`)} AND a.id = ${sql.ref(`${table}.account_id`)})`.as(
    'account_name',
  );
}

export type ContactWrite = Omit<
  Updateable<ContactsTable>,
  'id' | 'org_id' | 'created_at' | 'updated_at' | 'created_by' | 'address'
> & {
  address?: Record<string, string>;
};

export interface ContactFilters extends CommonFilters {
  account_id?: string;
  do_not_contact?: boolean;
}

function toWrite(values: ContactWrite) {
  const { address, ...rest } = values;
  return { ...rest, ...(address !== undefined && { address: JSON.stringify(address) }) };
}

/** The contact filters, on a query over `contacts as c`; the list and its export share them. */
export function applyContactFilters(query: AnyQuery, filters: ContactFilters): AnyQuery {
  let q = applyCommonFilters(query, 'c', 'contact', filters);
  if (filters.account_id) q = q.where(sql.ref('c.account_id'), '=', filters.account_id);
  if (filters.do_not_contact !== undefined)
    q = q.where(sql.ref('c.do_not_contact'), '=', filters.do_not_contact);
  return q;
}

export function listContacts(
  tx: Tx,
  params: ListParams,
  filters: ContactFilters,
): Promise<ListPage<ContactRow>> {
  return runList<ContactRow>(tx, RECORD_KINDS.contact.list, params, {
    select: (query: AnyQuery) =>
      query.select([...CONTACT_COLUMNS.map((c) => `c.${c}` as const), accountName('c')]),
    filter: (query: AnyQuery) => applyContactFilters(query, filters),
  });
}

export function findContact(
  tx: Tx,
  id: string,
  options: { lock?: boolean } = {},
): Promise<ContactRow | undefined> {
  let query = tx
    .selectFrom('contacts')
    .select([...CONTACT_COLUMNS, accountName('contacts')])
    .where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst() as Promise<ContactRow | undefined>;
}

export function insertContact(
  tx: Tx,
  orgId: string,
  userId: string,
  values: ContactWrite & { last_name: string },
): Promise<ContactRow> {
  return tx
    .insertInto('contacts')
    .values({ ...toWrite(values), last_name: values.last_name, org_id: orgId, created_by: userId })
    .returning([...CONTACT_COLUMNS, accountName('contacts')])
    .executeTakeFirstOrThrow() as Promise<ContactRow>;
}

export function updateContact(
  tx: Tx,
  id: string,
  values: ContactWrite,
): Promise<ContactRow | undefined> {
  return tx
    .updateTable('contacts')
    .set(toWrite(values))
    .where('id', '=', id)
    .returning([...CONTACT_COLUMNS, accountName('contacts')])
    .executeTakeFirst() as Promise<ContactRow | undefined>;
}

export async function deleteContact(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom('contacts').where('id', '=', id).execute();
}
