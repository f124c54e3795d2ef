import { withTenant } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import { ConflictError, NotFoundError } from '../../lib/errors.js';
import { requireAdmin } from '../members/permissions.js';
import { avoidCollisions, generateSampleData } from './sample-data.generator.js';
import * as repo from './sample-data.repo.js';

export interface SampleDataStatus {
  loaded: boolean;
  counts: Record<'accounts' | 'contacts' | 'leads' | 'deals' | 'tasks' | 'notes' | 'tags', number>;
}

function statusOf(ids: repo.SampleIds | undefined): SampleDataStatus {
  const count = (list: string[] | undefined) => list?.length ?? 0;
  return {
    loaded: ids !== undefined,
    counts: {
      accounts: count(ids?.account_ids),
      contacts: count(ids?.contact_ids),
      leads: count(ids?.lead_ids),
      deals: count(ids?.deal_ids),
      tasks: count(ids?.task_ids),
      notes: count(ids?.note_ids),
      tags: count(ids?.tag_ids),
    },
  };
}

export function getStatus(ctx: RequestContext): Promise<SampleDataStatus> {
  return withTenant(ctx.deps.db, ctx, async (tx) => statusOf(await repo.findSampleSet(tx)));
}

export function loadSampleData(ctx: RequestContext): Promise<SampleDataStatus> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    const stages = await repo.defaultPipelineStages(tx);
    if (stages.length === 0)
      throw new ConflictError('The organization needs a default pipeline with stages for deals');
    const generated = generateSampleData({
      orgId: ctx.orgId,
      userId: ctx.userId,
      now: new Date(),
      stages,
    });
    const records = avoidCollisions(
      generated,
      await repo.findTaken(tx, {
        accountNames: generated.accounts.map((a) => a.name),
        contactEmails: generated.contacts.flatMap((c) => c.email ?? []),
        tagNames: generated.tags.map((t) => t.name),
      }),
    );
    const ids: repo.SampleIds = {
      tag_ids: records.tags.map((r) => r.id),
      account_ids: records.accounts.map((r) => r.id),
      contact_ids: records.contacts.map((r) => r.id),
      lead_ids: records.leads.map((r) => r.id),
      deal_ids: records.deals.map((r) => r.id),
      task_ids: records.tasks.map((r) => r.id),
      note_ids: records.notes.map((r) => r.id),
    };
    if (!(await repo.claimSampleSet(tx, ctx, ids)))
      throw new ConflictError('Sample data is already loaded; remove it before loading it again');
    await repo.insertSampleRecords(tx, records);
    return statusOf(ids);
  });
}

export function removeSampleData(ctx: RequestContext): Promise<void> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    const ids = await repo.takeSampleSet(tx);
    if (!ids) throw new NotFoundError('Sample data');
    await repo.deleteSampleRecords(tx, ids);
  });
}
