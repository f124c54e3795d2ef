import { sql } from 'kysely';
import { orgOf, subquery, type Tx } from '../../db/tenant.js';
import { matchingText, type AnyQuery } from '../../lib/list-query.js';
import { applyDealFilters, type DealFilters } from '../records/filters.js';
import { selectDeal, type DealRow } from './deals.repo.js';

export interface ColumnTotal {
  stage_id: string;
  count: number;
  /** numeric: a string from pg. */
  amount_total: string;
}

/**
 * A pipeline's deals that pass the filters and match the text query, read from `deals` as the
 * caller builds it: a transaction's builder to run it, the unbound `subquery` to embed it in
 * another statement (which pins it once, with that statement).
 */
function matching(
  deals: AnyQuery,
  pipelineId: string,
  filters: DealFilters,
  q: string | undefined,
) {
  const query = applyDealFilters(deals, {
    ...filters,
    pipeline_id: pipelineId,
  });
  const text = q?.trim();
  return text ? matchingText(query, 'o', 'deal', text) : query;
}

/**
 * The first `perStage` matching deals of each of the pipeline's columns, in board order: one
 * index range per stage on (pipeline, stage, rank), however many deals the pipeline holds.
 */
export async function columnDeals(
  tx: Tx,
  pipelineId: string,
  filters: DealFilters,
  options: { q?: string; perStage: number },
): Promise<DealRow[]> {
  const column = selectDeal(
    matching(subquery.selectFrom('deals as o') as AnyQuery, pipelineId, filters, options.q),
  )
    .where(sql<boolean>`o.stage_id = s.id`)
    .orderBy('o.stage_rank')
    .orderBy('o.id')
    .limit(options.perStage);
  const { rows } = await sql<DealRow>`
    SELECT d.* FROM pipeline_stages s CROSS JOIN LATERAL ${column} d
    WHERE s.org_id = ${orgOf(tx)} AND s.pipeline_id = ${pipelineId}
    ORDER BY s.position, s.id, d.stage_rank, d.id`.execute(tx);
  return rows;
}

/** How many matching deals each column holds and what they add up to. */
export function columnTotals(
  tx: Tx,
  pipelineId: string,
  filters: DealFilters,
  q: string | undefined,
): Promise<ColumnTotal[]> {
  return matching(tx.selectFrom('deals as o') as AnyQuery, pipelineId, filters, q)
    .select([
      'o.stage_id',
      sql<number>`count(*)`.as('count'),
      sql<string>`coalesce(sum(o.amount), 0)`.as('amount_total'),
    ])
    .groupBy('o.stage_id')
    .execute() as Promise<ColumnTotal[]>;
}
