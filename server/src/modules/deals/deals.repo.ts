import { sql, type Updateable } from 'kysely';
import type { DealsTable, Source, StageKind } from '../../db/schema.js';
import { orgOf, subquery, type Tx } from '../../db/tenant.js';
import type { AnyQuery } from '../../lib/list-query.js';
import { recordSelection } from '../records/owned.repo.js';
import { RANK_STEP } from './board-order.js';

export interface DealRow {
  id: string;
  name: string;
  account_id: string | null;
  /** The account's name, read in the same statement as the deal. */
  account_name: string | null;
  primary_contact_id: string | null;
  /** numeric: a string from pg. */
  amount: string;
  currency: string;
  pipeline_id: string;
  stage_id: string;
  /** The kind of the deal's stage. */
  status: StageKind;
  stage_rank: number;
  stage_entered_at: Date;
  /** `YYYY-MM-DD`. */
  expected_close_date: string | null;
  probability: number;
  source: Source | null;
  closed_at: Date | null;
  lost_reason: string | null;
  description: string;
  owner_id: string | null;
  created_at: Date;
  updated_at: Date;
  created_by: string | null;
  version: string;
}

/** What a caller may write; the columns that follow a stage change are the repository's. */
export type DealWrite = Omit<
  Updateable<DealsTable>,
  'id' | 'org_id' | 'created_at' | 'updated_at' | 'created_by' | 'stage_entered_at' | 'closed_at'
>;

/** A deal entering a stage of this kind, at `rank` in its column (default: last). */
export interface StageEntry {
  kind: StageKind;
  rank?: number;
}

/** Where a deal sits on the board: a stage of a pipeline. */
export interface Column {
  pipelineId: string;
  stageId: string;
}

/** Selects a deal's columns on a query over `deals as o`. */
export function selectDeal(query: AnyQuery): AnyQuery {
  return query.select(recordSelection('deal', 'o'));
}

/** The rank after the last deal of a column. */
export function endOfColumn(column: Column) {
  return sql<number>`(${subquery
    .selectFrom('deals')
    .select(sql<number>`coalesce(max(stage_rank), 0) + ${RANK_STEP}::float8`.as('rank'))
    .where('pipeline_id', '=', column.pipelineId)
    .where('stage_id', '=', column.stageId)})`;
}

/**
 * The columns that change when a deal enters a stage: closed exactly while the stage is won or
 * lost, with the transaction's time so that the history row and closed_at agree.
 */
function entering(entry: StageEntry & Column) {
  return {
    stage_entered_at: sql<Date>`now()`,
    closed_at: entry.kind === 'open' ? null : sql<Date>`now()`,
    stage_rank: entry.rank ?? endOfColumn(entry),
  };
}

export function insertDeal(
  tx: Tx,
  orgId: string,
  userId: string,
  values: DealWrite & { name: string; probability: number },
  entry: StageEntry & Column,
): Promise<DealRow> {
  return tx
    .insertInto('deals')
    .values({
      ...values,
      amount: values.amount ?? 0,
      pipeline_id: entry.pipelineId,
      stage_id: entry.stageId,
      ...entering(entry),
      org_id: orgId,
      created_by: userId,
    })
    .returning(recordSelection('deal', 'deals'))
    .executeTakeFirstOrThrow() as unknown as Promise<DealRow>;
}

/** Writes a deal; with `entry`, it enters the stage `values` name. */
export function updateDeal(
  tx: Tx,
  id: string,
  values: DealWrite,
  entry?: StageEntry & Column,
): Promise<DealRow | undefined> {
  return tx
    .updateTable('deals')
    .set({
      ...values,
      ...(entry && { pipeline_id: entry.pipelineId, stage_id: entry.stageId, ...entering(entry) }),
    })
    .where('id', '=', id)
    .returning(recordSelection('deal', 'deals'))
    .executeTakeFirst() as unknown as Promise<DealRow | undefined>;
}

// Other contacts ------------------------------------------------------------------------------

export async function contactIdsOf(tx: Tx, dealIds: string[]): Promise<Map<string, string[]>> {
  const byDeal = new Map<string, string[]>(dealIds.map((id) => [id, []]));
  if (dealIds.length === 0) return byDeal;
  const rows = await tx
    .selectFrom('deal_contacts')
    .select(['deal_id', 'contact_id'])
    .where('deal_id', 'in', dealIds)
    // Contacts linked in one request share created_at; the contact id keeps the order stable.
    .orderBy('created_at')
    .orderBy('contact_id')
    .execute();
  for (const row of rows) byDeal.get(row.deal_id)?.push(row.contact_id);
  return byDeal;
}

/** Makes the deal's other contacts exactly `contactIds`. */
export async function setContacts(
  tx: Tx,
  target: { orgId: string; userId: string; dealId: string },
  contactIds: string[],
): Promise<void> {
  let removal = tx.deleteFrom('deal_contacts').where('deal_id', '=', target.dealId);
  if (contactIds.length > 0) removal = removal.where('contact_id', 'not in', contactIds);
  await removal.execute();
  if (contactIds.length === 0) return;
  await tx
    .insertInto('deal_contacts')
    .values(
      contactIds.map((contactId) => ({
        org_id: target.orgId,
        deal_id: target.dealId,
        contact_id: contactId,
        created_by: target.userId,
      })),
    )
    .onConflict((oc) => oc.columns(['org_id', 'deal_id', 'contact_id']).doNothing())
    .execute();
}

// Stage history -------------------------------------------------------------------------------

export interface StageVisit {
  id: string;
  stage_id: string;
  stage_name: string;
  kind: StageKind;
  pipeline_id: string;
  entered_at: Date;
  left_at: Date | null;
}

/** Ends the deal's current stage visit, if any, and starts one in `stageId`. */
export async function recordStageEntry(
  tx: Tx,
  target: { orgId: string; userId: string; dealId: string },
  stageId: string,
): Promise<void> {
  await tx
    .updateTable('deal_stage_history')
    .set({ left_at: sql<Date>`now()` })
    .where('deal_id', '=', target.dealId)
    .where('left_at', 'is', null)
    .execute();
  await tx
    .insertInto('deal_stage_history')
    .values({
      org_id: target.orgId,
      deal_id: target.dealId,
      stage_id: stageId,
      created_by: target.userId,
    })
    .execute();
}

export function stageHistory(tx: Tx, dealId: string): Promise<StageVisit[]> {
  return tx
    .selectFrom('deal_stage_history as h')
    .innerJoin('pipeline_stages as s', 's.id', 'h.stage_id')
    .select([
      'h.id',
      'h.stage_id',
      's.name as stage_name',
      's.kind',
      's.pipeline_id',
      'h.entered_at',
      'h.left_at',
    ])
    .where('h.deal_id', '=', dealId)
    .orderBy('h.entered_at')
    .orderBy('h.created_at')
    .orderBy('h.id')
    .execute();
}

// Board order ---------------------------------------------------------------------------------

export interface Ranked {
  id: string;
  stage_rank: number;
}

/** A deal of the column, with its rank; undefined when the column holds no such deal. */
export function rankIn(tx: Tx, column: Column, dealId: string): Promise<Ranked | undefined> {
  return tx
    .selectFrom('deals')
    .select(['id', 'stage_rank'])
    .where('pipeline_id', '=', column.pipelineId)
    .where('stage_id', '=', column.stageId)
    .where('id', '=', dealId)
    .executeTakeFirst();
}

/**
 * The deal next to `from` in board order (rank, then id), leaving out `skip`: the one after it,
 * or before it when `backwards`. Without `from`, the last deal of the column.
 */
export function neighbourIn(
  tx: Tx,
  column: Column,
  options: { from?: Ranked; backwards: boolean; skip: string },
): Promise<Ranked | undefined> {
  const direction = options.backwards ? 'desc' : 'asc';
  let query = tx
    .selectFrom('deals')
    .select(['id', 'stage_rank'])
    .where('pipeline_id', '=', column.pipelineId)
    .where('stage_id', '=', column.stageId)
    .where('id', '<>', options.skip);
  if (options.from) {
    const beyond = options.backwards ? sql.raw('<') : sql.raw('>');
    query = query.where(
      sql<boolean>`(stage_rank, id) ${beyond} (${options.from.stage_rank}::float8, ${options.from.id}::uuid)`,
    );
  }
  return query
    .orderBy('stage_rank', direction)
    .orderBy('id', direction)
    .limit(1)
    .executeTakeFirst();
}

/**
 * Spreads a column's deals evenly again, keeping their order. Their locks are taken first in id
 * order, the order in which bulk actions take them.
 */
export async function renumberColumn(tx: Tx, column: Column): Promise<void> {
  const orgId = orgOf(tx);
  await tx
    .selectFrom('deals')
    .select('id')
    .where('pipeline_id', '=', column.pipelineId)
    .where('stage_id', '=', column.stageId)
    .orderBy('id')
    .forUpdate()
    .execute();
  await sql`
    UPDATE deals o SET stage_rank = r.rank
    FROM (SELECT id, row_number() OVER (ORDER BY stage_rank, id) * ${RANK_STEP}::float8 AS rank
          FROM deals
          WHERE org_id = ${orgId} AND pipeline_id = ${column.pipelineId}
            AND stage_id = ${column.stageId}) r
    WHERE o.org_id = ${orgId} AND o.id = r.id AND o.stage_rank <> r.rank`.execute(tx);
}

/**
 * Takes the locks of a pipeline's columns, in id order, so that two moves into them cannot pick
 * the same place and two movers never wait for each other's column.
 */
export async function lockColumns(tx: Tx, pipelineId: string, stageIds: string[]): Promise<void> {
  await tx
    .selectFrom('pipeline_stages')
    .select('id')
    .where('pipeline_id', '=', pipelineId)
    .where('id', 'in', stageIds)
    .orderBy('id')
    .forNoKeyUpdate()
    .execute();
}
