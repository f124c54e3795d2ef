import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../http/context.js';
import { errors } from '../../http/schemas.js';
import { OrgRestoreSchema, RestoreParams, RestoreUploadQuery } from './exports.schemas.js';
import { RESTORE_LIMITS } from './restore-reader.js';
import * as service from './restores.service.js';

const ZIP_TYPES = ['application/zip', 'application/x-zip-compressed', 'application/octet-stream'];

const adminOnly =
  'For admins and owners of the organization (403 for other members); another ' +
  "organization's restore answers 404.";

/** The upload, in a scope of its own: only it takes a ZIP body, and up to the restore's limit. */
const uploadRoute: FastifyPluginAsyncTypebox = async (app) => {
  // The body is handed over as the stream it is: the service reads it as it arrives.
  app.addContentTypeParser(ZIP_TYPES, (_request, payload, done) => done(null, payload));

  app.post(
    '/restores',
    {
      bodyLimit: RESTORE_LIMITS.maxZipBytes,
      config: { upload: true },
      schema: {
        tags: ['exports'],
        security: [{ bearerAuth: [] }],
        summary: 'Restore an organization export into this organization (admins)',
        description:
          'The request body is the ZIP of an organization export (`GET /exports/{export_id}/download`), ' +
          `sent as \`application/zip\` and read as a stream (up to ${RESTORE_LIMITS.maxZipBytes / 1024 ** 2} MB). ` +
          'The organization must have no records (409 otherwise); its pipelines are replaced by the ' +
          "export's. Every CSV is checked against the manifest (format, schema version, SHA-256, " +
          'rows, header) before anything is kept: a file that is not an export, was changed or cut ' +
          'short, lacks a CSV or comes from a newer version is refused with 422 naming the file (and ' +
          'line and column where there is one). A background job then restores it; follow ' +
          '`GET /restores/{restore_id}`. ' +
          adminOnly,
        querystring: RestoreUploadQuery,
        response: { 202: OrgRestoreSchema, ...errors(400, 401, 403, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const body = request.body as AsyncIterable<Buffer> | undefined;
      const restore = await service.uploadRestore(
        contextOf(request),
        request.query,
        body ?? Readable.from([]),
      );
      return reply.status(202).send(restore);
    },
  );
};

export const restoreRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const security = [{ bearerAuth: [] }];
  const tags = ['exports'];

  await app.register(uploadRoute);

  app.get(
    '/restores',
    {
      schema: {
        tags,
        security,
        summary: "The organization's recent restores, newest first",
        description: adminOnly,
        response: {
          200: Type.Object({ data: Type.Array(OrgRestoreSchema) }),
          ...errors(401, 403),
        },
      },
    },
    async (request) => ({ data: await service.listRestores(contextOf(request)) }),
  );

  app.get(
    '/restores/:restore_id',
    {
      schema: {
        tags,
        security,
        summary: "A restore's progress and result",
        description:
          'While it runs: files read and rows written. Once completed: the rows restored by ' +
          'file, and the people of the export who are not members here, whose records now ' +
          'belong to the admin who restored. A failed restore kept nothing and says why. ' +
          adminOnly,
        params: RestoreParams,
        response: { 200: OrgRestoreSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => service.getRestore(contextOf(request), request.params.restore_id),
  );
};
