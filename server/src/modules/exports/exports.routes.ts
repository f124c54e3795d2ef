import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { contextOf } from '../../http/context.js';
import { errors } from '../../http/schemas.js';
import { RECORD_KIND_LIST } from '../records/registry.js';
import { CsvFile, listExportQuery } from './exports.schemas.js';
import { exportList, type ListExportQuery } from './exports.service.js';

/** `leads-2026-11-27.csv`: what the file is and when it was taken. */
function fileName(what: string): string {
  return `${what}-${new Date().toISOString().slice(0, 10)}.csv`;
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
            'streamed as CSV with a header row. Owners, tags, accounts, pipelines and stages are ' +
            'written by name. A cell that would start with `=`, `+`, `-`, `@`, a tab or a ' +
            "carriage return starts with `'` instead, so a spreadsheet shows it as text.",
          querystring: listExportQuery(kind),
          response: { 200: CsvFile, ...errors(400, 401) },
        },
      },
      async (request, reply) => {
        await exportList(contextOf(request), kind, request.query as ListExportQuery, (csv) => {
          void reply
            .header('content-type', 'text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${fileName(path)}"`)
            // The schema describes the file; the stream is its body, written as it is read.
            .send(csv as never);
        });
        return reply;
      },
    );
  }
};
