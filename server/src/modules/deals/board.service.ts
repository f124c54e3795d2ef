import { withTenant } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import { loadPipeline, type Pipeline, type Stage } from '../pipelines/pipelines.service.js';
import * as board from './board.repo.js';
import type { DealFilters } from '../records/filters.js';
import { deals as dealRecords, type Deal } from './deals.service.js';

export interface BoardColumn extends Pick<
  Stage,
  'id' | 'name' | 'kind' | 'probability' | 'position'
> {
  /** Every deal of the column that passes the filters, not only those returned. */
  count: number;
  amount_total: number;
  deals: Deal[];
}

export interface Board {
  pipeline: Omit<Pipeline, 'stages'>;
  stages: BoardColumn[];
}

export function getBoard(
  ctx: RequestContext,
  pipelineId: string,
  filters: Omit<DealFilters, 'pipeline_id'>,
  options: { q?: string; perStage: number },
): Promise<Board> {
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const { stages, ...pipeline } = await loadPipeline(tx, pipelineId);
    const deals = await dealRecords.presentAll(
      tx,
      await board.columnDeals(tx, pipelineId, filters, options),
    );
    const totals = new Map(
      (await board.columnTotals(tx, pipelineId, filters, options.q)).map((t) => [t.stage_id, t]),
    );
    return {
      pipeline,
      stages: stages.map(({ id, name, kind, probability, position }) => ({
        id,
        name,
        kind,
        probability,
        position,
        count: totals.get(id)?.count ?? 0,
        amount_total: Number(totals.get(id)?.amount_total ?? 0),
        deals: deals.filter((deal) => deal.stage_id === id),
      })),
    };
  });
}
