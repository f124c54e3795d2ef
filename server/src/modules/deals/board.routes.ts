import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../http/context.js';
import { errors, Uuid } from '../../http/schemas.js';
import { IfMatchHeaders, ifMatchOf } from '../../http/versions.js';
import { PipelineFields, StageSchema } from '../pipelines/pipelines.routes.js';
import { ListQueryBase } from '../records/schemas.js';
import * as board from './board.service.js';
import { DealFilterProperties } from '../records/filters.js';
import { DealParams, DealSchema } from './deals.schemas.js';
import * as deals from './deals.service.js';

// A board shows every column at once, so the list's paging parameters do not apply.
const { limit: _limit, cursor: _cursor, count: _count, ...boardFilters } = ListQueryBase;

const BoardQuery = Type.Object(
  {
    ...boardFilters,
    ...DealFilterProperties,
    per_stage: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 200,
        default: 50,
        examples: [50],
        description: 'Most deals returned per column; `count` and `amount_total` cover them all',
      }),
    ),
  },
  { additionalProperties: false },
);

const BoardSchema = Type.Object({
  pipeline: Type.Object(PipelineFields),
  stages: Type.Array(
    Type.Object({
      id: Uuid,
      name: StageSchema.properties.name,
      kind: StageSchema.properties.kind,
      probability: Type.Integer(),
      position: Type.Integer(),
      count: Type.Integer({ description: 'Deals in the column that pass the filters' }),
      amount_total: Type.Number({
        description: 'Sum of their amounts, whatever their currencies',
      }),
      deals: Type.Array(DealSchema),
    }),
  ),
});

const MoveBody = Type.Object(
  {
    stage_id: Type.Union([Uuid], { description: "A stage of the deal's pipeline" }),
    before_deal_id: Type.Optional(
      Type.Union([Uuid], { description: 'Put the deal just before this deal of the stage' }),
    ),
    after_deal_id: Type.Optional(
      Type.Union([Uuid], { description: 'Put the deal just after this deal of the stage' }),
    ),
  },
  { additionalProperties: false },
);

export const boardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const security = [{ bearerAuth: [] }];
  const tags = ['kanban'];

  app.get(
    '/pipelines/:pipeline_id/board',
    {
      schema: {
        tags,
        security,
        summary: "A pipeline's deals as a kanban board: one column per stage, in board order",
        description: 'Takes the filters of the deal list; the totals count every matching deal.',
        params: Type.Object({ pipeline_id: Uuid }),
        querystring: BoardQuery,
        response: { 200: BoardSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      const { q, per_stage, ...filters } = request.query;
      return board.getBoard(contextOf(request), request.params.pipeline_id, filters, {
        q,
        perStage: per_stage ?? 50,
      });
    },
  );

  app.post(
    '/deals/:deal_id/move',
    {
      schema: {
        tags,
        security,
        summary: 'Move a deal to a stage and a place in its column, in one call',
        description:
          'Without `before_deal_id` or `after_deal_id` the deal goes to the end of the column. Entering a won or lost stage closes the deal; the stage history records the move.',
        params: DealParams,
        headers: IfMatchHeaders,
        body: MoveBody,
        response: { 200: DealSchema, ...errors(400, 401, 404, 412, 422) },
      },
    },
    async (request) =>
      deals.moveDeal(contextOf(request), request.params.deal_id, request.body, ifMatchOf(request)),
  );
};
