import { withTenant, type Tx } from '../../db/tenant.js';
import { StaleReadError } from '../../db/transient.js';
import type { Caller, RequestContext } from '../../http/context.js';
import { invalidField, referenceNotFound, requireVersion } from '../../lib/errors.js';
import type { ListPage, ListParams } from '../../lib/list-query.js';
import { entryStage, type Stage } from '../pipelines/pipelines.service.js';
import type { DealFilters } from '../records/filters.js';
import { ownedRecords, type WithCustomFields } from '../records/owned.service.js';
import { tagsOfRows, type TagRef } from '../records/tags.js';
import { RANK_STEP } from './board-order.js';
import * as repo from './deals.repo.js';

/** What the kind shows of a record, before its custom fields. */
type DealShown = Omit<repo.DealRow, 'amount'> & {
  amount: number;
  contact_ids: string[];
  tags: TagRef[];
};
export type Deal = WithCustomFields<DealShown>;

export type DealInput = Omit<repo.DealWrite, 'amount' | 'stage_rank'> & {
  amount?: number;
  contact_ids?: string[];
  tag_ids?: string[];
  custom_fields?: Record<string, unknown>;
};

export interface MoveInput {
  stage_id: string;
  before_deal_id?: string;
  after_deal_id?: string;
}

/** Below this gap between neighbours, a column is renumbered before a deal goes between them. */
const MIN_RANK_GAP = 1e-6;

/** Deals with their tags and other contacts, in the order given. */
export async function withDetails(tx: Tx, rows: repo.DealRow[]): Promise<DealShown[]> {
  const ids = rows.map((r) => r.id);
  const tags = await tagsOfRows(tx, 'deal', rows);
  const contacts = await repo.contactIdsOf(tx, ids);
  return rows.map((row) => ({
    ...row,
    amount: Number(row.amount),
    contact_ids: contacts.get(row.id) ?? [],
    tags: tags.get(row.id) ?? [],
  }));
}

export const deals = ownedRecords<repo.DealRow, DealShown>({
  kind: 'deal',
  name: (deal) => deal.name,
  present: withDetails,
});

function normalize(input: DealInput) {
  const { contact_ids, tag_ids, custom_fields, pipeline_id, stage_id, ...values } = input;
  if (values.name !== undefined) {
    values.name = values.name.trim();
    if (!values.name) throw invalidField('name', 'must not be blank');
  }
  return {
    values,
    contactIds: contact_ids,
    tagIds: tag_ids,
    customFields: custom_fields,
    pipelineId: pipeline_id,
    stageId: stage_id,
  };
}

function entryInto(stage: Stage, rank?: number): repo.StageEntry & repo.Column {
  return { pipelineId: stage.pipeline_id, stageId: stage.id, kind: stage.kind, rank };
}

/** Other contacts that are not contacts of this organization are reported on the field sent. */
async function setContacts(
  tx: Tx,
  ctx: Caller,
  dealId: string,
  contactIds: string[] | undefined,
): Promise<void> {
  if (!contactIds) return;
  await repo
    .setContacts(tx, { ...ctx, dealId }, contactIds)
    .catch((error: { code?: string; constraint?: string }) => {
      if (error.constraint === 'deal_contacts_org_id_contact_id_fkey')
        throw referenceNotFound('contact_ids');
      throw error;
    });
}

/**
 * Creates a deal inside the caller's transaction, with everything that comes with it: its first
 * stage visit, other contacts, tags and the new owner's notification. Lead conversion uses it.
 */
export async function insertDeal(
  tx: Tx,
  ctx: Caller,
  input: DealInput & { name: string },
): Promise<Deal> {
  const { values, contactIds, tagIds, customFields, pipelineId, stageId } = normalize(input);
  const stage = await entryStage(tx, pipelineId, stageId);
  const row = await repo.insertDeal(
    tx,
    ctx.orgId,
    ctx.userId,
    {
      ...values,
      name: values.name ?? input.name,
      probability: values.probability ?? stage.probability,
      owner_id: values.owner_id === undefined ? ctx.userId : values.owner_id,
    },
    entryInto(stage),
  );
  await repo.recordStageEntry(tx, { ...ctx, dealId: row.id }, stage.id);
  await setContacts(tx, ctx, row.id, contactIds);
  await deals.afterWrite(tx, ctx, row, { tagIds, customFields });
  return deals.present(tx, row);
}

/**
 * Writes changes to a locked deal. Entering another stage brings that stage's probability
 * (unless the same request set one), closes or reopens the deal and starts a history row.
 */
async function writeDeal(
  tx: Tx,
  ctx: Caller,
  before: repo.DealRow,
  values: repo.DealWrite,
  target?: { stage: Stage; rank?: number },
): Promise<repo.DealRow> {
  if (target && target.stage.id !== before.stage_id) {
    const row = await repo.updateDeal(
      tx,
      before.id,
      { ...values, probability: values.probability ?? target.stage.probability },
      entryInto(target.stage, target.rank),
    );
    await repo.recordStageEntry(tx, { ...ctx, dealId: before.id }, target.stage.id);
    return row!;
  }
  const changes = target?.rank === undefined ? values : { ...values, stage_rank: target.rank };
  if (Object.keys(changes).length === 0) return before;
  return (await repo.updateDeal(tx, before.id, changes))!;
}

export function listDeals(
  ctx: RequestContext,
  params: ListParams,
  filters: DealFilters,
): Promise<ListPage<Deal>> {
  return deals.list(ctx, params, filters);
}

export const getDeal = (ctx: RequestContext, id: string) => deals.get(ctx, id);

export function createDeal(
  ctx: RequestContext,
  input: DealInput & { name: string },
): Promise<Deal> {
  return withTenant(ctx.deps.db, ctx, (tx) => insertDeal(tx, ctx, input));
}

export function updateDeal(
  ctx: RequestContext,
  id: string,
  input: DealInput,
  ifMatch?: readonly string[],
): Promise<Deal> {
  const { values, contactIds, tagIds, customFields, pipelineId, stageId } = normalize(input);
  return deals.update(
    ctx,
    id,
    { values, tagIds, customFields, ifMatch },
    {
      write: async (tx, before) => {
        const pipeline = pipelineId ?? before.pipeline_id;
        const stays =
          pipeline === before.pipeline_id && (stageId ?? before.stage_id) === before.stage_id;
        const target = stays ? undefined : { stage: await entryStage(tx, pipeline, stageId) };
        return writeDeal(tx, ctx, before, values, target);
      },
      after: (tx, row) => setContacts(tx, ctx, row.id, contactIds),
    },
  );
}

export const deleteDeal = (ctx: RequestContext, id: string, ifMatch?: readonly string[]) =>
  deals.remove(ctx, id, ifMatch);

export function stageHistory(ctx: RequestContext, id: string): Promise<repo.StageVisit[]> {
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    await deals.find(tx, id);
    return repo.stageHistory(tx, id);
  });
}

/** A deal named as a neighbour: another deal of the column the deal moves to. */
async function anchor(
  tx: Tx,
  column: repo.Column,
  movingId: string,
  field: 'before_deal_id' | 'after_deal_id',
  id: string,
): Promise<repo.Ranked> {
  if (id === movingId) throw invalidField(field, 'must be another deal than the one moving');
  const ranked = await repo.rankIn(tx, column, id);
  if (!ranked) throw invalidField(field, 'is not a deal in the stage the deal moves to');
  return ranked;
}

function precedes(a: repo.Ranked, b: repo.Ranked): boolean {
  return a.stage_rank < b.stage_rank || (a.stage_rank === b.stage_rank && a.id < b.id);
}

/** The deals the moving one goes between; either is missing at an end of the column. */
async function neighbours(
  tx: Tx,
  column: repo.Column,
  movingId: string,
  input: MoveInput,
): Promise<{ lower?: repo.Ranked; upper?: repo.Ranked }> {
  const after = input.after_deal_id
    ? await anchor(tx, column, movingId, 'after_deal_id', input.after_deal_id)
    : undefined;
  const before = input.before_deal_id
    ? await anchor(tx, column, movingId, 'before_deal_id', input.before_deal_id)
    : undefined;
  const skip = movingId;
  if (after && before) {
    if (!precedes(after, before))
      throw invalidField('before_deal_id', 'must come after after_deal_id on the board');
    return { lower: after, upper: before };
  }
  if (after)
    return {
      lower: after,
      upper: await repo.neighbourIn(tx, column, { from: after, backwards: false, skip }),
    };
  if (before)
    return {
      lower: await repo.neighbourIn(tx, column, { from: before, backwards: true, skip }),
      upper: before,
    };
  return { lower: await repo.neighbourIn(tx, column, { backwards: true, skip }) };
}

/** A rank between the neighbours, renumbering the column first when they are too close. */
async function rankBetween(
  tx: Tx,
  column: repo.Column,
  movingId: string,
  input: MoveInput,
): Promise<number> {
  let { lower, upper } = await neighbours(tx, column, movingId, input);
  if (lower && upper && upper.stage_rank - lower.stage_rank < MIN_RANK_GAP) {
    await repo.renumberColumn(tx, column);
    ({ lower, upper } = await neighbours(tx, column, movingId, input));
  }
  if (lower && upper) return (lower.stage_rank + upper.stage_rank) / 2;
  if (lower) return lower.stage_rank + RANK_STEP;
  if (upper) return upper.stage_rank - RANK_STEP;
  return RANK_STEP;
}

/**
 * Puts a deal in a stage of its pipeline, between two deals of that column or at its end.
 *
 * Locks are taken in one order by every mover: the column the deal leaves and the one it
 * enters (by id), then the deal. So whoever holds a column's lock knows that no other mover
 * holds, or waits to take, a deal of that column, and renumbering the column cannot deadlock
 * with the moves of its deals.
 */
export function moveDeal(
  ctx: RequestContext,
  id: string,
  input: MoveInput,
  ifMatch?: readonly string[],
): Promise<Deal> {
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const seen = await deals.find(tx, id);
    const stage = await entryStage(tx, seen.pipeline_id, input.stage_id);
    await repo.lockColumns(tx, seen.pipeline_id, [seen.stage_id, stage.id]);
    const before = await deals.find(tx, id, { lock: true });
    if (before.pipeline_id !== seen.pipeline_id || before.stage_id !== seen.stage_id) {
      throw new StaleReadError('deal moved to another column before its lock was taken');
    }
    // A board drawn before someone else's change must not move the deal over it.
    await requireVersion(ifMatch, before, () => deals.present(tx, before));
    const column = { pipelineId: stage.pipeline_id, stageId: stage.id };
    const rank = await rankBetween(tx, column, id, input);
    return deals.present(tx, await writeDeal(tx, ctx, before, {}, { stage, rank }));
  });
}
