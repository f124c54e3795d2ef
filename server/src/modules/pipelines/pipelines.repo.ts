import { sql, type Selectable } from 'kysely';
import type { PipelinesTable, PipelineStagesTable, StageKind } from '../../db/schema.js';
import { orgOf, type Tx } from '../../db/tenant.js';

const PIPELINE_COLUMNS = [
  'id',
  'name',
  'is_default',
  'position',
  'created_at',
  'updated_at',
  'created_by',
] as const;

const STAGE_COLUMNS = [
  'id',
  'pipeline_id',
  'name',
  'position',
  'probability',
  'kind',
  'created_at',
  'updated_at',
] as const;

export type PipelineRow = Pick<Selectable<PipelinesTable>, (typeof PIPELINE_COLUMNS)[number]>;
export type StageRow = Pick<Selectable<PipelineStagesTable>, (typeof STAGE_COLUMNS)[number]>;

export interface StageWrite {
  name: string;
  probability: number;
  kind: StageKind;
}

export function listPipelines(tx: Tx): Promise<PipelineRow[]> {
  return tx
    .selectFrom('pipelines')
    .select(PIPELINE_COLUMNS)
    .orderBy('position')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function findPipeline(
  tx: Tx,
  id: string,
  options: { lock?: boolean } = {},
): Promise<PipelineRow | undefined> {
  let query = tx.selectFrom('pipelines').select(PIPELINE_COLUMNS).where('id', '=', id);
  // Structural changes to a pipeline's stages take this lock, so they happen one at a time.
  if (options.lock) query = query.forNoKeyUpdate();
  return query.executeTakeFirst();
}

export async function defaultPipelineId(tx: Tx): Promise<string | undefined> {
  const row = await tx
    .selectFrom('pipelines')
    .select('id')
    .where('is_default', '=', true)
    .executeTakeFirst();
  return row?.id;
}

export function insertPipeline(
  tx: Tx,
  values: { orgId: string; userId: string; name: string; isDefault: boolean },
): Promise<PipelineRow> {
  return tx
    .insertInto('pipelines')
    .values({
      org_id: values.orgId,
      name: values.name,
      is_default: values.isDefault,
      position: sql<number>`(SELECT coalesce(max(position), -1) + 1 FROM pipelines
        WHERE org_id = ${values.orgId})`,
      created_by: values.userId,
    })
    .returning(PIPELINE_COLUMNS)
    .executeTakeFirstOrThrow();
}

export function renamePipeline(tx: Tx, id: string, name: string): Promise<PipelineRow | undefined> {
  return tx
    .updateTable('pipelines')
    .set({ name })
    .where('id', '=', id)
    .returning(PIPELINE_COLUMNS)
    .executeTakeFirst();
}

/** Makes `id` the default pipeline; the previous default stops being one. */
export async function makeDefault(tx: Tx, id: string): Promise<void> {
  // Every pipeline is locked first, so two admins switching the default at once queue up
  // instead of colliding on the one-default index.
  await tx.selectFrom('pipelines').select('id').forUpdate().execute();
  await tx
    .updateTable('pipelines')
    .set({ is_default: false })
    .where('is_default', '=', true)
    .where('id', '<>', id)
    .execute();
  await tx
    .updateTable('pipelines')
    .set({ is_default: true })
    .where('id', '=', id)
    .where('is_default', '=', false)
    .execute();
}

export async function deletePipeline(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom('pipelines').where('id', '=', id).execute();
}

/** Stages of the pipelines, in board order. */
export function listStages(tx: Tx, pipelineIds: string[]): Promise<StageRow[]> {
  if (pipelineIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('pipeline_stages')
    .select(STAGE_COLUMNS)
    .where('pipeline_id', 'in', pipelineIds)
    .orderBy('pipeline_id')
    .orderBy('position')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function findStage(
  tx: Tx,
  pipelineId: string,
  stageId: string,
): Promise<StageRow | undefined> {
  return tx
    .selectFrom('pipeline_stages')
    .select(STAGE_COLUMNS)
    .where('pipeline_id', '=', pipelineId)
    .where('id', '=', stageId)
    .executeTakeFirst();
}

/** The open stage a deal enters a pipeline at: the first in board order. */
export function firstOpenStage(tx: Tx, pipelineId: string): Promise<StageRow | undefined> {
  return tx
    .selectFrom('pipeline_stages')
    .select(STAGE_COLUMNS)
    .where('pipeline_id', '=', pipelineId)
    .where('kind', '=', 'open')
    .orderBy('position')
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

/** Appends stages after the pipeline's last one, in the order given. */
export function insertStages(
  tx: Tx,
  target: { orgId: string; userId: string; pipelineId: string },
  stages: StageWrite[],
): Promise<StageRow[]> {
  return tx
    .insertInto('pipeline_stages')
    .values(
      stages.map((stage, index) => ({
        ...stage,
        org_id: target.orgId,
        pipeline_id: target.pipelineId,
        created_by: target.userId,
        position: sql<number>`(SELECT coalesce(max(position), -1) + 1 + ${index}::int
          FROM pipeline_stages
          WHERE org_id = ${target.orgId} AND pipeline_id = ${target.pipelineId})`,
      })),
    )
    .returning(STAGE_COLUMNS)
    .execute();
}

export function updateStage(
  tx: Tx,
  id: string,
  values: Partial<StageWrite>,
): Promise<StageRow | undefined> {
  return tx
    .updateTable('pipeline_stages')
    .set(values)
    .where('id', '=', id)
    .returning(STAGE_COLUMNS)
    .executeTakeFirst();
}

export async function deleteStage(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom('pipeline_stages').where('id', '=', id).execute();
}

/** Numbers the stages 0, 1, 2… in the order of `ids`, touching only those that move. */
export async function renumberStages(tx: Tx, ids: string[]): Promise<void> {
  await sql`
    UPDATE pipeline_stages s SET position = o.position
    FROM (SELECT id, ordinality - 1 AS position
          FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS t(id, ordinality)) o
    WHERE s.org_id = ${orgOf(tx)} AND s.id = o.id AND s.position <> o.position`.execute(tx);
}

/** How many deals sit in a pipeline, or in one of its stages. */
export async function countDeals(
  tx: Tx,
  where: { pipelineId: string; stageId?: string },
): Promise<number> {
  let query = tx
    .selectFrom('deals')
    .select(sql<number>`count(*)`.as('n'))
    .where('pipeline_id', '=', where.pipelineId);
  if (where.stageId) query = query.where('stage_id', '=', where.stageId);
  return (await query.executeTakeFirstOrThrow()).n;
}

/**
 * Keeps the deals of a stage whose kind changed closed exactly when the stage is won or lost.
 */
export async function syncClosedAt(tx: Tx, stage: { id: string; kind: StageKind }): Promise<void> {
  let query = tx.updateTable('deals').where('stage_id', '=', stage.id);
  query =
    stage.kind === 'open'
      ? query.set({ closed_at: null }).where('closed_at', 'is not', null)
      : query.set({ closed_at: sql<Date>`now()` }).where('closed_at', 'is', null);
  await query.execute();
}
