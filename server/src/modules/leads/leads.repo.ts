import { sql, type Selectable, type Updateable } from 'kysely';
import type { LeadsTable, LeadStatus, Source } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';
import { runList, type AnyQuery, type ListPage, type ListParams } from '../../lib/list-query.js';
import { applyCommonFilters, type CommonFilters } from '../records/filters.js';
import { RECORD_KINDS } from '../records/registry.js';

export const LEAD_COLUMNS = [
  'id',
  'first_name',
  'last_name',
  'email',
  'phone',
  'company',
  'job_title',
  'website',
  'status',
  'source',
  'rating',
  'estimated_value',
  'currency',
  'address',
  'description',
  'owner_id',
  'last_contacted_at',
  'next_follow_up_at',
  'converted_at',
  'converted_account_id',
  'converted_contact_id',
  'converted_deal_id',
  'created_at',
  'updated_at',
  'created_by',
] as const;

export type LeadRow = Pick<Selectable<LeadsTable>, (typeof LEAD_COLUMNS)[number]>;

export type LeadWrite = Omit<
  Updateable<LeadsTable>,
  'id' | 'org_id' | 'created_at' | 'updated_at' | 'created_by' | 'address' | 'estimated_value'
> & {
  address?: Record<string, string>;
  estimated_value?: number | null;
};

export interface LeadFilters extends CommonFilters {
  status?: LeadStatus[];
  source?: Source;
  rating?: NonNullable<LeadRow['rating']>;
}

function toWrite(values: LeadWrite) {
  const { address, ...rest } = values;
  return { ...rest, ...(address !== undefined && { address: JSON.stringify(address) }) };
}

/** The lead filters, on a query over `leads as l`; the list and its export share them. */
export function applyLeadFilters(query: AnyQuery, filters: LeadFilters): AnyQuery {
  let q = applyCommonFilters(query, 'l', 'lead', filters);
  if (filters.status?.length) q = q.where(sql.ref('l.status'), 'in', filters.status);
  if (filters.source) q = q.where(sql.ref('l.source'), '=', filters.source);
  if (filters.rating) q = q.where(sql.ref('l.rating'), '=', filters.rating);
  return q;
}

export function listLeads(
  tx: Tx,
  params: ListParams,
  filters: LeadFilters,
): Promise<ListPage<LeadRow>> {
  return runList<LeadRow>(tx, RECORD_KINDS.lead.list, params, {
    select: (query: AnyQuery) => query.select(LEAD_COLUMNS.map((c) => `l.${c}` as const)),
    filter: (query: AnyQuery) => applyLeadFilters(query, filters),
  });
}

export function findLead(
  tx: Tx,
  id: string,
  options: { lock?: boolean } = {},
): Promise<LeadRow | undefined> {
  let query = tx.selectFrom('leads').select(LEAD_COLUMNS).where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst() as Promise<LeadRow | undefined>;
}

export function insertLead(
  tx: Tx,
  orgId: string,
  userId: string,
  values: LeadWrite & { last_name: string },
): Promise<LeadRow> {
  return tx
    .insertInto('leads')
    .values({ ...toWrite(values), last_name: values.last_name, org_id: orgId, created_by: userId })
    .returning(LEAD_COLUMNS)
    .executeTakeFirstOrThrow() as Promise<LeadRow>;
}

export function updateLead(tx: Tx, id: string, values: LeadWrite): Promise<LeadRow | undefined> {
  return tx
    .updateTable('leads')
    .set(toWrite(values))
    .where('id', '=', id)
    .returning(LEAD_COLUMNS)
    .executeTakeFirst() as Promise<LeadRow | undefined>;
}

export async function deleteLeads(tx: Tx, ids: string[]): Promise<number> {
  const result = await tx.deleteFrom('leads').where('id', 'in', ids).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Ids among `ids` that exist in this organization, with their owners. */
export function findOwners(
  tx: Tx,
  ids: string[],
): Promise<Array<{ id: string; owner_id: string | null }>> {
  return tx
    .selectFrom('leads')
    .select(['id', 'owner_id'])
    .where('id', 'in', ids)
    .forUpdate()
    .execute();
}

export function markConverted(
  tx: Tx,
  id: string,
  links: { accountId: string; contactId: string; dealId: string | null },
): Promise<LeadRow | undefined> {
  return tx
    .updateTable('leads')
    .set({
      status: 'converted',
      converted_at: sql<Date>`now()`,
      converted_account_id: links.accountId,
      converted_contact_id: links.contactId,
      converted_deal_id: links.dealId,
    })
    .where('id', '=', id)
    .returning(LEAD_COLUMNS)
    .executeTakeFirst() as Promise<LeadRow | undefined>;
}
