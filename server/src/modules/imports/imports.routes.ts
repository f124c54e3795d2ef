import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../http/context.js';
import { errors } from '../../http/schemas.js';
import { CSV_LIMITS } from './csv-reader.js';
import * as imports from './imports.service.js';
import { ROWS_CHECKED_IN_REQUEST } from './imports.service.js';
import {
  DryRunSchema,
  ImportParams,
  ImportSchema,
  RejectionsQuery,
  SettingsSchema,
  TemplateBody,
  TemplateParams,
  TemplateSchema,
  UndoBody,
  UndoSchema,
  UploadQuery,
} from './imports.schemas.js';

const CSV_TYPES = [
  'text/csv',
  'application/csv',
  'application/vnd.ms-excel',
  'application/octet-stream',
];

/** The upload, in a scope of its own: only it takes a CSV body, and up to the import's limit. */
const uploadRoute: FastifyPluginAsyncTypebox = async (app) => {
  // The body is handed over as the stream it is: the service reads it as it arrives.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(CSV_TYPES, (_request, payload, done) => done(null, payload));
  // Any other body (JSON, a form) is no file: refused before anything is read or kept.
  app.addContentTypeParser('*', (_request, _payload, done) =>
    done(
      Object.assign(new Error(`Send the file itself as ${CSV_TYPES.slice(0, 2).join(' or ')}`), {
        statusCode: 415,
      }),
    ),
  );

  app.post(
    '/imports',
    {
      bodyLimit: CSV_LIMITS.maxBytes,
      config: { upload: true },
      schema: {
        tags: ['imports'],
        security: [{ bearerAuth: [] }],
        summary: 'Upload a CSV file to import (admins)',
        description: `The request body is the file itself, sent as \`text/csv\` (or \`application/octet-stream\`), read as a stream: up to ${CSV_LIMITS.maxBytes / 1024 / 1024} MB, ${CSV_LIMITS.maxColumns} columns and ${CSV_LIMITS.maxCellChars} characters a cell. The encoding (UTF-8 with or without BOM, UTF-16, Windows-1252) and the delimiter (comma, semicolon, tab) are detected. Answers each column's fill rate, sample values and suggested field. A file that cannot be read (binary, empty, header only, cut short, wrong encoding, formula cells) is refused with 422 naming the line and column, and nothing is kept.`,
        querystring: UploadQuery,
        response: { 201: ImportSchema, ...errors(400, 401, 403, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const body = request.body as AsyncIterable<Buffer> | undefined;
      const upload = await imports.uploadImport(
        contextOf(request),
        { ...request.query, encoding: request.query.encoding ?? 'auto' },
        body ?? Readable.from([]),
      );
      return reply.status(201).send(upload);
    },
  );
};

export const importRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const security = [{ bearerAuth: [] }];
  const tags = ['imports'];

  await app.register(uploadRoute);

  app.get(
    '/imports',
    {
      schema: {
        tags,
        security,
        summary: 'Import history: the latest 100, newest first',
        response: { 200: Type.Object({ data: Type.Array(ImportSchema) }), ...errors(401) },
      },
    },
    async (request) => ({ data: await imports.listImports(contextOf(request)) }),
  );

  app.get(
    '/imports/:import_id',
    {
      schema: {
        tags,
        security,
        summary: 'One import: its columns, settings, dry run, progress and counts',
        params: ImportParams,
        response: { 200: ImportSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) => imports.getImport(contextOf(request), request.params.import_id),
  );

  app.post(
    '/imports/:import_id/dry-run',
    {
      schema: {
        tags,
        security,
        summary: 'What the import would do with this mapping, with nothing written (admins)',
        description: `Counts of records created, updated, skipped and rejected, and the first 100 rejected rows with line, column and reason (all of them: \`GET /imports/{import_id}/rejections\`). The settings are kept: the run uses them. A file of more than ${ROWS_CHECKED_IN_REQUEST.toLocaleString('en')} rows is checked in the background: the answer is then 202 with the import, \`checking\`, whose progress \`GET /imports/{import_id}\` follows; once it is \`uploaded\` again, \`GET /imports/{import_id}/dry-run\` gives the report. \`POST /imports/{import_id}/cancel\` stops the check.`,
        params: ImportParams,
        body: SettingsSchema,
        response: {
          200: DryRunSchema,
          202: ImportSchema,
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const result = await imports.dryRun(
        contextOf(request),
        request.params.import_id,
        request.body,
      );
      if ('report' in result) return result.report;
      return reply.status(202).send(result.checking);
    },
  );

  app.get(
    '/imports/:import_id/dry-run',
    {
      schema: {
        tags,
        security,
        summary: "The last dry run's report: counts and the first 100 rejected rows",
        description: '409 when the import has not been checked, or is being checked.',
        params: ImportParams,
        response: { 200: DryRunSchema, ...errors(400, 401, 404, 409) },
      },
    },
    async (request) => imports.dryRunReport(contextOf(request), request.params.import_id),
  );

  app.get(
    '/imports/:import_id/rejections',
    {
      schema: {
        tags,
        security,
        summary:
          "Every rejected row of the dry run or the run, as CSV: its line, why, and its cells under the file's headers",
        params: ImportParams,
        querystring: RejectionsQuery,
        produces: ['text/csv'],
        response: { 200: Type.String(), ...errors(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const lines = await imports.rejectionsCsv(
        contextOf(request),
        request.params.import_id,
        request.query.phase ?? 'dry_run',
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="rejected-rows.csv"')
        .send(Readable.from(lines) as unknown as string);
    },
  );

  app.post(
    '/imports/:import_id/run',
    {
      schema: {
        tags,
        security,
        summary: 'Run the import in the background with the settings of its dry run (admins)',
        description:
          'Follow it with `GET /imports/{import_id}`: rows done, percent and seconds left. 409 before a dry run, when it already ran, or (`nothing_to_import`) when its dry run found no row to create or update.',
        params: ImportParams,
        response: { 202: ImportSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(await imports.startImport(contextOf(request), request.params.import_id)),
  );

  app.post(
    '/imports/:import_id/cancel',
    {
      schema: {
        tags,
        security,
        summary: 'Stop a queued or running import after its current batch (admins)',
        description: 'What it wrote so far stays, and can be undone.',
        params: ImportParams,
        response: { 200: ImportSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => imports.cancelImport(contextOf(request), request.params.import_id),
  );

  app.post(
    '/imports/:import_id/undo',
    {
      schema: {
        tags,
        security,
        summary: 'Undo an import (admins)',
        description:
          'Deletes the records it created and gives the records it updated their previous values. When records it created were edited since, answers 409 listing them (`details.edited_since`), unless `delete_edited` is true.',
        params: ImportParams,
        body: UndoBody,
        response: { 200: UndoSchema, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      imports.undoImport(contextOf(request), request.params.import_id, {
        delete_edited: request.body.delete_edited ?? false,
      }),
  );

  app.get(
    '/import-templates',
    {
      schema: {
        tags,
        security,
        summary: "The organization's saved mappings",
        response: { 200: Type.Object({ data: Type.Array(TemplateSchema) }), ...errors(401) },
      },
    },
    async (request) => ({ data: await imports.listTemplates(contextOf(request)) }),
  );

  app.post(
    '/import-templates',
    {
      schema: {
        tags,
        security,
        summary: 'Save a mapping, by header name, for the next file (admins)',
        body: TemplateBody,
        response: { 201: TemplateSchema, ...errors(401, 403, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await imports.createTemplate(contextOf(request), request.body)),
  );

  app.delete(
    '/import-templates/:template_id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete a saved mapping (admins)',
        params: TemplateParams,
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await imports.deleteTemplate(contextOf(request), request.params.template_id);
      return reply.status(204).send(null);
    },
  );
};
