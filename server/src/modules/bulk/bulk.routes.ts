import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../http/context.js';
import { errors, Uuid } from '../../http/schemas.js';
import { RECORD_KIND_LIST } from '../records/registry.js';
import { Nullable } from '../records/schemas.js';
import { BULK_ACTIONS, runBulkAction } from './bulk.service.js';

const BulkBody = Type.Object(
  {
    ids: Type.Array(Uuid, { minItems: 1, maxItems: 500, uniqueItems: true }),
    action: Type.Enum(BULK_ACTIONS, { examples: ['assign_owner'] }),
    owner_id: Type.Optional(Nullable(Uuid)),
    tag_id: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

const BulkResult = Type.Object({ updated: Type.Integer({ description: 'Records acted on' }) });

export const bulkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const security = [{ bearerAuth: [] }];

  for (const { path, kind } of RECORD_KIND_LIST) {
    app.post(
      `/${path}/bulk`,
      {
        schema: {
          tags: [path],
          security,
          summary: `Assign, tag, untag or delete many ${path} at once, all or nothing`,
          description:
            'Every id must be a record of this organization (404 otherwise, and nothing changes). ' +
            '`assign_owner` takes `owner_id` (null for none), `add_tag` and `remove_tag` take `tag_id`; ' +
            '`delete` needs the right to delete every one of them (owner or admin).',
          body: BulkBody,
          response: { 200: BulkResult, ...errors(401, 403, 404, 422) },
        },
      },
      async (request) => runBulkAction(contextOf(request), kind, request.body),
    );
  }
};
