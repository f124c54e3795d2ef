import type { Selectable, Updateable } from 'kysely';
import type { LeadsTable } from '../../db/schema.js';
import type { RequestContext } from '../../http/context.js';
import type { ListPage, ListParams } from '../../lib/list-query.js';
import type { LeadFilters } from '../records/filters.js';
import {
  fullName,
  ownedRecords,
  withTagsOf,
  type WithCustomFields,
} from '../records/owned.service.js';
import type { RowVersion } from '../records/owned.repo.js';
import type { RECORD_KINDS } from '../records/registry.js';
import type { TagRef } from '../records/tags.js';

export type LeadRow = Pick<Selectable<LeadsTable>, (typeof RECORD_KINDS.lead.columns)[number]> &
  RowVersion;

/** What the kind shows of a record, before its custom fields. */
type LeadShown = Omit<LeadRow, 'estimated_value'> & {
  estimated_value: number | null;
  tags: TagRef[];
};
export type Lead = WithCustomFields<LeadShown>;

export type LeadInput = Omit<
  Updateable<LeadsTable>,
  'id' | 'org_id' | 'created_at' | 'updated_at' | 'created_by' | 'address' | 'estimated_value'
> & {
  address?: Record<string, string>;
  estimated_value?: number | null;
  tag_ids?: string[];
  custom_fields?: Record<string, unknown>;
};

export const leads = ownedRecords<LeadRow, LeadShown>({
  kind: 'lead',
  name: fullName,
  present: withTagsOf('lead', (row: LeadRow, tags) => ({
    ...row,
    estimated_value: row.estimated_value === null ? null : Number(row.estimated_value),
    tags,
  })),
});

function normalize({ tag_ids, custom_fields, ...values }: LeadInput) {
  return {
    values: {
      ...values,
      ...(values.email !== undefined && { email: values.email?.trim().toLowerCase() || null }),
    },
    tagIds: tag_ids,
    customFields: custom_fields,
  };
}

export function listLeads(
  ctx: RequestContext,
  params: ListParams,
  filters: LeadFilters,
): Promise<ListPage<Lead>> {
  return leads.list(ctx, params, filters);
}

export const getLead = (ctx: RequestContext, id: string) => leads.get(ctx, id);

export const createLead = (ctx: RequestContext, input: LeadInput & { last_name: string }) =>
  leads.create(ctx, normalize(input));

export const updateLead = (
  ctx: RequestContext,
  id: string,
  input: LeadInput,
  ifMatch?: readonly string[],
) => leads.update(ctx, id, { ...normalize(input), ifMatch });

export const deleteLead = (ctx: RequestContext, id: string, ifMatch?: readonly string[]) =>
  leads.remove(ctx, id, ifMatch);
