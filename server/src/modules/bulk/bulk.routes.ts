import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../http/context.js';
import { errors, Uuid } from '../../http/schemas.js';
import { ifMatchOf } from '../../http/versions.js';
import { invalidField } from '../../lib/errors.js';
import { RECORD_KIND_LIST, type RecordKind } from '../records/registry.js';
import { KIND_FILTERS } from '../records/filters.js';
import {
  CustomFieldsInput,
  Nullable,
  RecordFilterBase,
  RecordVersions,
} from '../records/schemas.js';
import { BULK_ACTIONS, MAX_MATCHING, runBulkAction } from './bulk.service.js';

/** A kind's bulk body: its `filter` is what the kind's list filters by, from the same place. */
const bulkBody = (kind: RecordKind) =>
  Type.Object(
    {
      ids: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 500, uniqueItems: true })),
      filter: Type.Optional(
        Type.Object(
          { ...RecordFilterBase, ...KIND_FILTERS[kind].properties },
          {
            additionalProperties: false,
            description: `Every record the list would show with these filters, at most ${MAX_MATCHING}; instead of ids`,
          },
        ),
      ),
      versions: Type.Optional(
        RecordVersions(
          MAX_MATCHING,
          "The `version` the caller read of each record it selected, by id (a list's rows carry theirs).",
        ),
      ),
      action: Type.Enum(BULK_ACTIONS, { examples: ['assign_owner'] }),
      owner_id: Type.Optional(Nullable(Uuid)),
      tag_id: Type.Optional(Uuid),
      custom_fields: Type.Optional(CustomFieldsInput),
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
          summary: `Assign, tag, untag, set custom fields of or delete many ${path} at once, all or nothing`,
          description:
            'Give `ids`, or `filter` to act on every record the list shows with those filters ' +
            `(at most ${MAX_MATCHING}; more is refused with 422 and nothing changes). ` +
            'Every id must be a record of this organization (404 otherwise, and nothing changes). ' +
            '`assign_owner` takes `owner_id` (null for none), `add_tag` and `remove_tag` take `tag_id`, ' +
            '`set_custom_fields` takes `custom_fields` (the values to give every record, checked as on an update); ' +
            '`delete` needs the right to delete every one of them (owner or admin). ' +
            'To act only on records still as the caller read them, give their `versions`; ' +
            '`If-Match` names one record and is refused here with 400.',
          body: bulkBody(kind),
          response: { 200: BulkResult, ...errors(400, 401, 403, 404, 412, 422) },
        },
      },
      async (request) => {
        if (ifMatchOf(request) !== undefined)
          throw invalidField(
            'if-match',
            "names one record's version; give each record's version in `versions`",
            'malformed',
          );
        return runBulkAction(contextOf(request), kind, request.body);
      },
    );
  }
};
