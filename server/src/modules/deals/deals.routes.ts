import { LIST_QUERIES } from '../records/filters.js';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../http/context.js';
import { IfMatchHeaders, ifMatchOf } from '../../http/versions.js';
import { errors } from '../../http/schemas.js';
import { pageOf, OWNER_CHANGE_RULE } from '../records/schemas.js';
import { boardRoutes } from './board.routes.js';
import {
  DealCreate,
  DealParams,
  DealSchema,
  DealUpdate,
  StageVisitSchema,
} from './deals.schemas.js';
import * as deals from './deals.service.js';

export const dealRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const security = [{ bearerAuth: [] }];
  const tags = ['deals'];

  await app.register(boardRoutes);

  app.get(
    '/deals',
    {
      schema: {
        tags,
        security,
        summary: 'List deals, filtered, searched and sorted, a page at a time',
        description: 'Pass `next_cursor` back as `cursor` for the next page.',
        querystring: LIST_QUERIES.deal,
        response: { 200: pageOf(DealSchema), ...errors(400, 401) },
      },
    },
    async (request) => {
      const { limit, cursor, sort, q, count, ...filters } = request.query;
      return deals.listDeals(contextOf(request), { limit, cursor, sort, q, count }, filters);
    },
  );

  app.post(
    '/deals',
    {
      schema: {
        tags,
        security,
        summary: 'Create a deal; its owner defaults to you, its stage to the first open one',
        body: DealCreate,
        response: { 201: DealSchema, ...errors(401, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await deals.createDeal(contextOf(request), request.body)),
  );

  app.get(
    '/deals/:deal_id',
    {
      schema: {
        tags,
        security,
        summary: 'One deal',
        params: DealParams,
        response: { 200: DealSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) => deals.getDeal(contextOf(request), request.params.deal_id),
  );

  app.patch(
    '/deals/:deal_id',
    {
      schema: {
        tags,
        security,
        summary: 'Change some fields of a deal; `tag_ids` and `contact_ids` replace their lists',
        description: `A new stage sets the probability to its own (unless \`probability\` is sent too) and closes the deal in a won or lost stage, reopens it in an open one. A new \`pipeline_id\` without \`stage_id\` puts the deal in that pipeline’s first open stage. ${OWNER_CHANGE_RULE}`,
        params: DealParams,
        headers: IfMatchHeaders,
        body: DealUpdate,
        response: { 200: DealSchema, ...errors(400, 401, 403, 404, 409, 412, 422) },
      },
    },
    async (request) =>
      deals.updateDeal(
        contextOf(request),
        request.params.deal_id,
        request.body,
        ifMatchOf(request),
      ),
  );

  app.delete(
    '/deals/:deal_id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete a deal (its owner or an admin)',
        params: DealParams,
        headers: IfMatchHeaders,
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404, 412) },
      },
    },
    async (request, reply) => {
      await deals.deleteDeal(contextOf(request), request.params.deal_id, ifMatchOf(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/deals/:deal_id/stage-history',
    {
      schema: {
        tags,
        security,
        summary: 'Every stage the deal has been in, oldest first; the current one has no left_at',
        params: DealParams,
        response: {
          200: Type.Object({ data: Type.Array(StageVisitSchema) }),
          ...errors(400, 401, 404),
        },
      },
    },
    async (request) => ({
      data: await deals.stageHistory(contextOf(request), request.params.deal_id),
    }),
  );
};
