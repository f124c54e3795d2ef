import type { StageKind } from '../../db/schema.js';
import { withTenant, type Tx } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import { ConflictError, invalidField, NotFoundError, referenceNotFound } from '../../lib/errors.js';
import { requireAdmin } from '../members/permissions.js';
import * as repo from './pipelines.repo.js';

export type Stage = repo.StageRow;
export type Pipeline = repo.PipelineRow & { stages: Stage[] };

/**
 * The stage a deal goes to: `stageId` of the pipeline (the default pipeline unless one is
 * named), or the pipeline's first open stage. Both are read under the tenant's policies, so
 * another organization's ids fail like unknown ones.
 */
export async function entryStage(
  tx: Tx,
  pipelineId: string | undefined,
  stageId: string | undefined,
): Promise<Stage> {
  const pipeline = pipelineId ?? (await repo.defaultPipelineId(tx));
  if (!pipeline) throw referenceNotFound('pipeline_id');
  if (stageId) {
    const stage = await repo.findStage(tx, pipeline, stageId);
    if (!stage) throw referenceNotFound('stage_id');
    return stage;
  }
  const first = await repo.firstOpenStage(tx, pipeline);
  if (!first) throw referenceNotFound('pipeline_id');
  return first;
}

export interface StageInput {
  name: string;
  probability?: number;
  kind?: StageKind;
}

/** A won deal is certain and a lost one is not; an open stage is a coin toss until told. */
const DEFAULT_PROBABILITY: Record<StageKind, number> = { open: 50, won: 100, lost: 0 };

const DEFAULT_STAGES: repo.StageWrite[] = [
  { name: 'Prospecting', probability: 10, kind: 'open' },
  { name: 'Qualification', probability: 25, kind: 'open' },
  { name: 'Proposal', probability: 50, kind: 'open' },
  { name: 'Negotiation', probability: 75, kind: 'open' },
  { name: 'Closed won', probability: 100, kind: 'won' },
  { name: 'Closed lost', probability: 0, kind: 'lost' },
];

const KEEP_AN_OPEN_STAGE = 'A pipeline keeps at least one open stage';

function requiredName(name: string, field: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw invalidField(field, 'must not be blank');
  return trimmed;
}

function toStageWrite(input: StageInput, nameField: string): repo.StageWrite {
  const kind = input.kind ?? 'open';
  return {
    name: requiredName(input.name, nameField),
    kind,
    probability: input.probability ?? DEFAULT_PROBABILITY[kind],
  };
}

async function withStages(tx: Tx, pipelines: repo.PipelineRow[]): Promise<Pipeline[]> {
  const stages = await repo.listStages(
    tx,
    pipelines.map((p) => p.id),
  );
  return pipelines.map((p) => ({ ...p, stages: stages.filter((s) => s.pipeline_id === p.id) }));
}

/** A pipeline with its stages, inside the caller's transaction; 404 when there is none. */
export async function loadPipeline(tx: Tx, id: string): Promise<Pipeline> {
  const pipeline = await repo.findPipeline(tx, id);
  if (!pipeline) throw new NotFoundError('Pipeline');
  return (await withStages(tx, [pipeline]))[0]!;
}

/** The pipeline, locked against concurrent changes to its stages, with its stages. */
async function lockPipeline(tx: Tx, id: string): Promise<Pipeline> {
  const pipeline = await repo.findPipeline(tx, id, { lock: true });
  if (!pipeline) throw new NotFoundError('Pipeline');
  return (await withStages(tx, [pipeline]))[0]!;
}

function stageOf(pipeline: Pipeline, stageId: string): Stage {
  const stage = pipeline.stages.find((s) => s.id === stageId);
  if (!stage) throw new NotFoundError('Stage');
  return stage;
}

/** Puts `stageId` at `position` (clamped to the pipeline) and closes the gaps behind it. */
async function placeStage(
  tx: Tx,
  stages: Stage[],
  stageId: string,
  position: number,
): Promise<void> {
  const others = stages.map((s) => s.id).filter((id) => id !== stageId);
  others.splice(Math.min(position, others.length), 0, stageId);
  await repo.renumberStages(tx, others);
}

export function listPipelines(ctx: RequestContext): Promise<Pipeline[]> {
  return withTenant(ctx.deps.db, ctx, async (tx) => withStages(tx, await repo.listPipelines(tx)));
}

export function getPipeline(ctx: RequestContext, id: string): Promise<Pipeline> {
  return withTenant(ctx.deps.db, ctx, (tx) => loadPipeline(tx, id));
}

export function createPipeline(
  ctx: RequestContext,
  input: { name: string; stages?: StageInput[]; is_default?: boolean },
): Promise<Pipeline> {
  const name = requiredName(input.name, 'name');
  const stages = input.stages?.map((s, i) => toStageWrite(s, `stages.${i}.name`)) ?? DEFAULT_STAGES;
  if (!stages.some((s) => s.kind === 'open'))
    throw invalidField('stages', 'must include at least one open stage');
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    const pipeline = await repo.insertPipeline(tx, {
      orgId: ctx.orgId,
      userId: ctx.userId,
      name,
      isDefault: false,
    });
    await repo.insertStages(tx, { ...ctx, pipelineId: pipeline.id }, stages);
    if (input.is_default) await repo.makeDefault(tx, pipeline.id);
    return loadPipeline(tx, pipeline.id);
  });
}

export function updatePipeline(
  ctx: RequestContext,
  id: string,
  input: { name?: string; is_default?: boolean },
): Promise<Pipeline> {
  const name = input.name === undefined ? undefined : requiredName(input.name, 'name');
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    const pipeline = await repo.findPipeline(tx, id);
    if (!pipeline) throw new NotFoundError('Pipeline');
    if (input.is_default === false && pipeline.is_default)
      throw invalidField(
        'is_default',
        'the organization always has a default pipeline: make another one the default instead',
      );
    if (name !== undefined) await repo.renamePipeline(tx, id, name);
    if (input.is_default) await repo.makeDefault(tx, id);
    return loadPipeline(tx, id);
  });
}

export function deletePipeline(ctx: RequestContext, id: string): Promise<void> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    const pipeline = await repo.findPipeline(tx, id, { lock: true });
    if (!pipeline) throw new NotFoundError('Pipeline');
    if (pipeline.is_default)
      throw new ConflictError(
        'The default pipeline cannot be deleted; make another pipeline the default first',
      );
    const deals = await repo.countDeals(tx, { pipelineId: id });
    if (deals > 0)
      throw new ConflictError(
        `This pipeline holds ${deals} deal${deals === 1 ? '' : 's'}; move or delete them first`,
        { deals },
      );
    await repo.deletePipeline(tx, id);
  });
}

export function createStage(
  ctx: RequestContext,
  pipelineId: string,
  input: StageInput & { position?: number },
): Promise<Pipeline> {
  const values = toStageWrite(input, 'name');
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    const pipeline = await lockPipeline(tx, pipelineId);
    const [stage] = await repo.insertStages(tx, { ...ctx, pipelineId }, [values]);
    if (input.position !== undefined)
      await placeStage(tx, [...pipeline.stages, stage!], stage!.id, input.position);
    return loadPipeline(tx, pipelineId);
  });
}

export function updateStage(
  ctx: RequestContext,
  pipelineId: string,
  stageId: string,
  input: Partial<StageInput> & { position?: number },
): Promise<Pipeline> {
  const { position, ...changes } = input;
  if (changes.name !== undefined) changes.name = requiredName(changes.name, 'name');
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    const pipeline = await lockPipeline(tx, pipelineId);
    const stage = stageOf(pipeline, stageId);
    if (changes.kind && changes.kind !== stage.kind) {
      if (!pipeline.stages.some((s) => s.kind === 'open' && s.id !== stageId))
        throw new ConflictError(KEEP_AN_OPEN_STAGE);
      await repo.syncClosedAt(tx, { id: stageId, kind: changes.kind });
    }
    if (Object.keys(changes).length > 0) await repo.updateStage(tx, stageId, changes);
    if (position !== undefined) await placeStage(tx, pipeline.stages, stageId, position);
    return loadPipeline(tx, pipelineId);
  });
}

export function deleteStage(
  ctx: RequestContext,
  pipelineId: string,
  stageId: string,
): Promise<void> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    const pipeline = await lockPipeline(tx, pipelineId);
    stageOf(pipeline, stageId);
    const deals = await repo.countDeals(tx, { pipelineId, stageId });
    if (deals > 0)
      throw new ConflictError(
        `This stage holds ${deals} deal${deals === 1 ? '' : 's'}; move them to another stage first`,
        { deals },
      );
    const rest = pipeline.stages.filter((s) => s.id !== stageId);
    if (!rest.some((s) => s.kind === 'open')) throw new ConflictError(KEEP_AN_OPEN_STAGE);
    await repo.deleteStage(tx, stageId);
    await repo.renumberStages(
      tx,
      rest.map((s) => s.id),
    );
  });
}
