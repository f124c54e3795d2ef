import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../http/context.js';
import { errors } from '../../http/schemas.js';
import { RECORD_KIND_LIST } from '../records/registry.js';
import {
  CsvFile,
  ExportParams,
  listExportQuery,
  OrgExportSchema,
  ZipFile,
} from './exports.schemas.js';
import * as service from './exports.service.js';

/** `leads-2026-11-27.csv`: what the file is and when it was taken. */
function fileName(what: string, extension: string, at = new Date()): string {
  return `${what}-${at.toISOString().slice(0, 10)}.${extension}`;
}

export const exportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const security = [{ bearerAuth: [] }];

  for (const { kind, path, label } of RECORD_KIND_LIST) {
    app.get(
      `/${path}/export`,
      {
        schema: {
          tags: [path],
          security,
          summary: `The list of ${label.many} as a CSV file`,
          description:
            `Every ${label.one.toLowerCase()} the list shows with the same filters, search (\`q\`) and sort, ` +
            'streamed as CSV with a header row. Tags, accounts, pipelines and stages are written ' +
            'by name, owners by email. A cell that would start with `=`, `+`, `-`, `@`, a tab or a ' +
            "carriage return starts with `'` instead, so a spreadsheet shows it as text.",
          querystring: listExportQuery(kind),
          response: { 200: CsvFile, ...errors(400, 401) },
        },
      },
      async (request, reply) => {
        const query = request.query as service.ListExportQuery;
        await service.exportList(contextOf(request), kind, query, (csv) => {
          void reply
            .header('content-type', 'text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${fileName(path, 'csv')}"`)
            // The schema describes the file; the stream is its body, written as it is read.
            .send(csv as never);
        });
        return reply;
      },
    );
  }

  const tags = ['exports'];
  const adminOnly =
    'For admins and owners of the organization (403 for other members); another ' +
    "organization's export answers 404.";

  app.post(
    '/exports',
    {
      schema: {
        tags,
        security,
        summary: 'Start an export of the whole organization',
        description:
          'A background job writes a ZIP with one CSV per kind of data and a manifest; follow ' +
          '`GET /exports/{export_id}` for its progress. The admin who started it is notified ' +
          'when it is ready. One export is written at a time (409 while another is). ' +
          adminOnly,
        response: { 202: OrgExportSchema, ...errors(401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await service.startOrganizationExport(contextOf(request))),
  );

  app.get(
    '/exports',
    {
      schema: {
        tags,
        security,
        summary: "The organization's recent exports, newest first",
        description: adminOnly,
        response: {
          200: Type.Object({ data: Type.Array(OrgExportSchema) }),
          ...errors(401, 403),
        },
      },
    },
    async (request) => ({ data: await service.listOrganizationExports(contextOf(request)) }),
  );

  app.get(
    '/exports/:export_id',
    {
      schema: {
        tags,
        security,
        summary: "An export's progress",
        description: adminOnly,
        params: ExportParams,
        response: { 200: OrgExportSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => service.getOrganizationExport(contextOf(request), request.params.export_id),
  );

  app.get(
    '/exports/:export_id/download',
    {
      schema: {
        tags,
        security,
        summary: "A ready export's ZIP",
        description: `409 until the export is ready, and once it has expired. ${adminOnly}`,
        params: ExportParams,
        response: { 200: ZipFile, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await service.downloadOrganizationExport(
        contextOf(request),
        request.params.export_id,
        (zip, row) => {
          void reply
            .header('content-type', 'application/zip')
            .header('content-length', String(row.byte_size))
            .header(
              'content-disposition',
              `attachment; filename="${fileName('organization-export', 'zip', row.created_at)}"`,
            )
            .send(zip as never);
        },
      );
      return reply;
    },
  );
};
