import { withTenant, type Tx } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import { NotFoundError } from '../../http/errors.js';
import type { ListPage, ListParams } from '../../lib/list-query.js';
import { requireCanDelete } from '../records/permissions.js';
import { afterOwnedRecordWrite } from '../records/record-writes.js';
import { tagsOf, type TagRef } from '../records/tags.js';
import * as repo from './leads.repo.js';

export type Lead = Omit<repo.LeadRow, 'estimated_value'> & {
  estimated_value: number | null;
  tags: TagRef[];
};

export type LeadInput = repo.LeadWrite & { tag_ids?: string[] };

function toLead(row: repo.LeadRow, tags: TagRef[]): Lead {
  return {
    ...row,
    estimated_value: row.estimated_value === null ? null : Number(row.estimated_value),
    tags,
  };
}

/** Leads with their tags, in the order given. */
export async function withTags(tx: Tx, rows: repo.LeadRow[]): Promise<Lead[]> {
  const tags = await tagsOf(
    tx,
    'lead',
    rows.map((r) => r.id),
  );
  return rows.map((row) => toLead(row, tags.get(row.id) ?? []));
}

function displayName(lead: { first_name: string; last_name: string }): string {
  return [lead.first_name, lead.last_name].filter(Boolean).join(' ');
}

function normalize(input: LeadInput): { values: repo.LeadWrite; tagIds: string[] | undefined } {
  const { tag_ids, ...values } = input;
  return {
    values: {
      ...values,
      ...(values.email !== undefined && { email: values.email?.trim().toLowerCase() || null }),
    },
    tagIds: tag_ids,
  };
}

export function listLeads(
  ctx: RequestContext,
  params: ListParams,
  filters: repo.LeadFilters,
): Promise<ListPage<Lead>> {
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const page = await repo.listLeads(tx, params, filters);
    return { ...page, data: await withTags(tx, page.data) };
  });
}

export function getLead(ctx: RequestContext, id: string): Promise<Lead> {
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const row = await repo.findLead(tx, id);
    if (!row) throw new NotFoundError('Lead');
    return (await withTags(tx, [row]))[0]!;
  });
}

export function createLead(
  ctx: RequestContext,
  input: LeadInput & { last_name: string },
): Promise<Lead> {
  const { values, tagIds } = normalize(input);
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const ownerId = values.owner_id === undefined ? ctx.userId : values.owner_id;
    const row = await repo.insertLead(tx, ctx.orgId, ctx.userId, {
      ...values,
      last_name: input.last_name,
      owner_id: ownerId,
    });
    await afterOwnedRecordWrite(tx, ctx, {
      type: 'lead',
      recordId: row.id,
      tagIds,
      label: `Lead "${displayName(row)}"`,
      ownerId: row.owner_id,
    });
    return (await withTags(tx, [row]))[0]!;
  });
}

export function updateLead(ctx: RequestContext, id: string, input: LeadInput): Promise<Lead> {
  const { values, tagIds } = normalize(input);
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const before = await repo.findLead(tx, id, { lock: true });
    if (!before) throw new NotFoundError('Lead');
    const row = Object.keys(values).length > 0 ? await repo.updateLead(tx, id, values) : before;
    if (!row) throw new NotFoundError('Lead');
    await afterOwnedRecordWrite(tx, ctx, {
      type: 'lead',
      recordId: id,
      tagIds,
      label: `Lead "${displayName(row)}"`,
      ownerId: row.owner_id,
      previousOwnerId: before.owner_id,
    });
    return (await withTags(tx, [row]))[0]!;
  });
}

export function deleteLead(ctx: RequestContext, id: string): Promise<void> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    const lead = await repo.findLead(tx, id, { lock: true });
    if (!lead) throw new NotFoundError('Lead');
    requireCanDelete(member, lead);
    await repo.deleteLeads(tx, [id]);
  });
}
