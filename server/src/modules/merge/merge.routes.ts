import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../http/context.js';
import { errors, Uuid } from '../../http/schemas.js';
import { RECORD_KINDS } from '../records/registry.js';
import { RecordVersions } from '../records/schemas.js';
import * as merge from './merge.service.js';

export const mergeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const security = [{ bearerAuth: [] }];
  for (const kind of merge.MERGE_KINDS) {
    const { path, label } = RECORD_KINDS[kind];
    const fields = merge.mergeableFields(kind);
    const Values = Type.Object(
      {
        ...Object.fromEntries(fields.map((field) => [field, Type.Optional(Uuid)])),
        custom_fields: Type.Optional(
          Type.Record(Type.String({ maxLength: 100 }), Uuid, {
            description:
              "For each custom field (by key), the id of the record whose value the survivor keeps; a field not named keeps the survivor's value.",
          }),
        ),
      },
      {
        additionalProperties: false,
        description:
          "For each field, the id of the record whose value the survivor keeps (survivor_id or one of merged_ids); a field not named keeps the survivor's value.",
      },
    );
    app.post(
      `/${path}/merge`,
      {
        schema: {
          tags: [path],
          security,
          summary: `Merge ${label.many} into one`,
          description: `The survivor takes the chosen values; the notes, tasks, tags and every other record that pointed at the merged ${label.many} move to it; the merged ${label.many} are deleted, their history is read with the survivor's, and their addresses answer 404 with \`error.details.merged_into\` naming the survivor. One \`record.merged\` entry in the audit log. Admins and owners may merge any ${label.many}; members the ones they own. To merge only records still as the caller read them, give their \`versions\`. Merging again what was merged already changes nothing.`,
          body: Type.Object(
            {
              survivor_id: Uuid,
              merged_ids: Type.Array(Uuid, {
                minItems: 1,
                maxItems: merge.MERGE_LIMIT,
                uniqueItems: true,
              }),
              values: Type.Optional(Values),
              versions: Type.Optional(
                RecordVersions(
                  merge.MERGE_LIMIT + 1,
                  `The \`version\` the caller read of each of the ${label.many} it merges (survivor_id and merged_ids), by id: the values it chose from are those it saw.`,
                ),
              ),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({ survivor_id: Uuid, merged_ids: Type.Array(Uuid) }),
            ...errors(400, 401, 403, 404, 409, 412, 422),
          },
        },
      },
      async (request) =>
        merge.mergeRecords(contextOf(request), kind, request.body as merge.MergeInput),
    );
  }
};
