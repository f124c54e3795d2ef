import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../http/context.js';
import { IfMatchHeaders, ifMatchOf } from '../../http/versions.js';
import { errors, Timestamp, Uuid } from '../../http/schemas.js';
import {
  ATTACHMENT_CHOICES,
  AttachmentProperties,
  AttachmentResponse,
} from '../records/attachments.js';
import { ListQueryBase, Nullable, pageOf, RecordVersion } from '../records/schemas.js';
import * as notes from './notes.service.js';

export const NoteSchema = Type.Object(
  {
    id: Uuid,
    body: Type.String({
      description: 'Markdown as written; a mention of a member is `@[Name](member:<user id>)`',
    }),
    body_html: Type.String({
      description:
        'The body rendered: no raw HTML, safe links (rel="noopener noreferrer"), mentions under the members\' current names',
    }),
    ...AttachmentResponse,
    created_by: Nullable(Uuid),
    author_name: Nullable(Type.String({ description: 'Null once the author has left' })),
    created_at: Timestamp,
    updated_at: Timestamp,
    version: RecordVersion,
  },
  { $id: 'Note' },
);

const Body = Type.String({
  minLength: 1,
  maxLength: 100000,
  description:
    'Markdown. Mention a member as `@[Name](member:<user id>)`: they get a notification (422 naming `body` for anyone who is not a member).',
  examples: ['Spoke with Ada: she wants a quote for **20 seats** by Friday.'],
});

const NoteCreate = Type.Object(
  { body: Body, ...AttachmentProperties },
  { additionalProperties: false },
);

const { limit, cursor, count } = ListQueryBase;

const NoteListQuery = Type.Object(
  {
    limit,
    cursor,
    count,
    lead_id: Type.Optional(Uuid),
    account_id: Type.Optional(Uuid),
    contact_id: Type.Optional(Uuid),
    deal_id: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

const NoteParams = Type.Object({ note_id: Uuid });

export const noteRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const security = [{ bearerAuth: [] }];
  const tags = ['notes'];

  app.get(
    '/notes',
    {
      schema: {
        tags,
        security,
        summary: "A record's notes, newest first, a page at a time",
        description: `Give exactly one of ${ATTACHMENT_CHOICES}. The notes of an account, contact or deal include those of the lead converted into it (their \`lead_id\` says so). Pass \`next_cursor\` back as \`cursor\` for the next page.`,
        querystring: NoteListQuery,
        response: { 200: pageOf(NoteSchema), ...errors(400, 401) },
      },
    },
    async (request) => {
      const { limit, cursor, count, ...record } = request.query;
      return notes.listNotes(contextOf(request), { limit, cursor, count }, record);
    },
  );

  app.post(
    '/notes',
    {
      schema: {
        tags,
        security,
        summary: `Write a note on exactly one record: one of ${ATTACHMENT_CHOICES}`,
        body: NoteCreate,
        response: { 201: NoteSchema, ...errors(401, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await notes.createNote(contextOf(request), request.body)),
  );

  app.get(
    '/notes/:note_id',
    {
      schema: {
        tags,
        security,
        summary: 'One note',
        params: NoteParams,
        response: { 200: NoteSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) => notes.getNote(contextOf(request), request.params.note_id),
  );

  app.patch(
    '/notes/:note_id',
    {
      schema: {
        tags,
        security,
        summary: 'Rewrite a note (its author or an admin)',
        params: NoteParams,
        headers: IfMatchHeaders,
        body: Type.Object({ body: Body }, { additionalProperties: false }),
        response: { 200: NoteSchema, ...errors(400, 401, 403, 404, 412, 422) },
      },
    },
    async (request) =>
      notes.updateNote(
        contextOf(request),
        request.params.note_id,
        request.body,
        ifMatchOf(request),
      ),
  );

  app.delete(
    '/notes/:note_id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete a note (its author or an admin)',
        params: NoteParams,
        headers: IfMatchHeaders,
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404, 412) },
      },
    },
    async (request, reply) => {
      await notes.deleteNote(contextOf(request), request.params.note_id, ifMatchOf(request));
      return reply.status(204).send(null);
    },
  );
};
