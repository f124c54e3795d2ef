import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../http/context.js';
import { errors, Timestamp, Uuid, VisibleText } from '../../http/schemas.js';
import * as tags from './tags.service.js';

export const TagSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    color: Type.String(),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { $id: 'Tag' },
);

const Name = VisibleText({
  maxLength: 100,
  examples: ['VIP'],
  description: 'Unique in the organization, whatever the case',
});
const Color = Type.String({
  pattern: '^#[0-9a-fA-F]{6}$',
  examples: ['#e11d48'],
  description: '`#rrggbb`',
});
const TagParams = Type.Object({ tag_id: Uuid });

export const tagRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const security = [{ bearerAuth: [] }];
  const routeTags = ['tags'];

  app.get(
    '/tags',
    {
      schema: {
        tags: routeTags,
        security,
        summary: "The organization's tags, by name",
        response: { 200: Type.Object({ data: Type.Array(TagSchema) }), ...errors(401) },
      },
    },
    async (request) => ({ data: await tags.listTags(contextOf(request)) }),
  );

  app.get(
    '/tags/:tag_id',
    {
      schema: {
        tags: routeTags,
        security,
        summary: 'One tag',
        params: TagParams,
        response: { 200: TagSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) => tags.getTag(contextOf(request), request.params.tag_id),
  );

  app.post(
    '/tags',
    {
      schema: {
        tags: routeTags,
        security,
        summary: 'Create a tag (admins)',
        body: Type.Object(
          { name: Name, color: Type.Optional(Color) },
          { additionalProperties: false },
        ),
        response: { 201: TagSchema, ...errors(401, 403, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await tags.createTag(contextOf(request), request.body)),
  );

  app.patch(
    '/tags/:tag_id',
    {
      schema: {
        tags: routeTags,
        security,
        summary: 'Rename or recolor a tag (admins)',
        params: TagParams,
        body: Type.Object(
          { name: Type.Optional(Name), color: Type.Optional(Color) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: TagSchema, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => tags.updateTag(contextOf(request), request.params.tag_id, request.body),
  );

  app.delete(
    '/tags/:tag_id',
    {
      schema: {
        tags: routeTags,
        security,
        summary: 'Delete a tag (admins); every record carrying it loses it',
        params: TagParams,
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await tags.deleteTag(contextOf(request), request.params.tag_id);
      return reply.status(204).send(null);
    },
  );
};
