import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TProperties } from 'typebox';
import { contextOf } from '../../http/context.js';
import { errors, Timestamp, Uuid } from '../../http/schemas.js';
import { ListQueryBase, Nullable, pageOf } from '../records/schemas.js';
import { downloadHeaders } from './file-content.js';
import * as files from './files.service.js';

const { FILE_OWNER_FIELDS } = files;

const OWNER_CHOICES = FILE_OWNER_FIELDS.map((field) => `\`${field}\``).join(', ');

/** One optional query parameter per thing a file can be attached to: each record kind, notes. */
const OwnerQuery = Object.fromEntries(
  FILE_OWNER_FIELDS.map((field) => [field, Type.Optional(Uuid)]),
) as unknown as Record<
  (typeof FILE_OWNER_FIELDS)[number],
  ReturnType<typeof Type.Optional<typeof Uuid>>
> &
  TProperties;

export const FileSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String({ description: 'The name it was uploaded with, shown as given' }),
    content_type: Type.String({
      description:
        'Images (PNG, JPEG, GIF, WebP) and PDFs as their bytes show them; otherwise the type the upload declared, or application/octet-stream',
    }),
    byte_size: Type.Integer(),
    sha256: Type.String({ description: 'Hex SHA-256 of the bytes' }),
    previewable: Type.Boolean({ description: 'An image or PDF the browser may show inline' }),
    ...Object.fromEntries(FILE_OWNER_FIELDS.map((field) => [field, Nullable(Uuid)])),
    created_by: Nullable(Uuid),
    uploader_name: Nullable(Type.String({ description: 'Null once the uploader has left' })),
    created_at: Timestamp,
  },
  { $id: 'File' },
);

const FileParams = Type.Object({ file_id: Uuid });

const UploadQuery = Type.Object(
  {
    ...OwnerQuery,
    name: Type.String({
      minLength: 1,
      maxLength: 1000,
      examples: ['proposal.pdf'],
      description:
        'The file name to show; kept as text only (control characters dropped, cut to 255 characters)',
    }),
  },
  { additionalProperties: false },
);

const { limit, cursor, count } = ListQueryBase;
const ListQuery = Type.Object(
  { limit, cursor, count, ...OwnerQuery },
  { additionalProperties: false },
);

const ContentQuery = Type.Object(
  {
    disposition: Type.Optional(
      Type.Union([Type.Literal('attachment'), Type.Literal('inline')], {
        default: 'attachment',
        description: 'inline: shown in the browser, for images and PDFs only (others download)',
      }),
    ),
  },
  { additionalProperties: false },
);

const FileBytes = {
  description:
    'The bytes, with Content-Disposition, X-Content-Type-Options: nosniff and a sandboxing Content-Security-Policy',
  content: { 'application/octet-stream': { schema: Type.String({ format: 'binary' }) } },
};

/** The upload, in a scope of its own: it takes a body of any type, as the stream it is. */
const uploadRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

  app.post(
    '/files',
    {
      bodyLimit: app.deps.config.fileMaxBytes,
      config: { upload: true },
      schema: {
        tags: ['files'],
        security: [{ bearerAuth: [] }],
        summary: `Upload a file onto exactly one record or note: one of ${OWNER_CHOICES}`,
        description:
          'The request body is the file itself, sent with its own Content-Type and read as a stream. ' +
          "Up to the organization's limit (`max_file_bytes` of `GET /org`, capped by the instance): a larger file " +
          'is refused with 413 and nothing is kept; an empty body is 422. A record or note of another organization ' +
          'is refused exactly like one that does not exist.',
        querystring: UploadQuery,
        response: { 201: FileSchema, ...errors(400, 401, 413, 422) },
      },
    },
    async (request, reply) => {
      const length = request.headers['content-length'];
      const file = await files.uploadFile(contextOf(request), request.query, {
        body: (request.body as Readable | undefined) ?? Readable.from([]),
        contentType: request.headers['content-type'],
        contentLength: length === undefined ? undefined : Number(length),
      });
      return reply.status(201).send(file);
    },
  );
};

export const fileRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const security = [{ bearerAuth: [] }];
  const tags = ['files'];

  await app.register(uploadRoute);

  app.get(
    '/files',
    {
      schema: {
        tags,
        security,
        summary: "A record's or a note's files, newest first, a page at a time",
        description: `Give exactly one of ${OWNER_CHOICES}. Pass \`next_cursor\` back as \`cursor\` for the next page.`,
        querystring: ListQuery,
        response: { 200: pageOf(FileSchema), ...errors(400, 401) },
      },
    },
    async (request) => {
      const { limit, cursor, count, ...owner } = request.query;
      return files.listFiles(contextOf(request), { limit, cursor, count }, owner);
    },
  );

  app.get(
    '/files/:file_id',
    {
      schema: {
        tags,
        security,
        summary: "One file's details",
        params: FileParams,
        response: { 200: FileSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) => files.getFile(contextOf(request), request.params.file_id),
  );

  app.get(
    '/files/:file_id/content',
    {
      schema: {
        tags,
        security,
        summary: "A file's bytes",
        description:
          'Downloads (`Content-Disposition: attachment`) unless `disposition=inline` is asked for an image or PDF, which is then served in a sandbox.',
        params: FileParams,
        querystring: ContentQuery,
        response: { 200: FileBytes, ...errors(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const { file, content } = await files.openFile(contextOf(request), request.params.file_id);
      return reply
        .headers(downloadHeaders(file, request.query.disposition ?? 'attachment'))
        .send(content as never);
    },
  );

  app.delete(
    '/files/:file_id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete a file (whoever uploaded it, or an admin)',
        description: 'Its bytes are removed from the store once the deletion has committed.',
        params: FileParams,
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await files.deleteFile(contextOf(request), request.params.file_id);
      return reply.status(204).send(null);
    },
  );
};
