import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../http/context.js';
import { errors, RoleSchema, Uuid } from '../../http/schemas.js';
import * as members from './members.service.js';

const MemberSchema = Type.Object({
  user_id: Uuid,
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  joined_at: Type.String({ format: 'date-time' }),
});

const MemberParams = Type.Object({ user_id: Uuid });

export const memberRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const security = [{ bearerAuth: [] }];

  app.get(
    '/members',
    {
      schema: {
        tags: ['members'],
        summary: 'The members of the current organization, oldest first',
        security,
        response: { 200: Type.Object({ data: Type.Array(MemberSchema) }), ...errors(401) },
      },
    },
    async (request) => ({ data: await members.listMembers(contextOf(request)) }),
  );

  app.patch(
    '/members/:user_id',
    {
      schema: {
        tags: ['members'],
        summary: "Change a member's role",
        description:
          'Admins and owners only. Only an owner can make or unmake an owner, and the last owner cannot be demoted (422).',
        security,
        params: MemberParams,
        body: Type.Object({ role: RoleSchema }, { additionalProperties: false }),
        response: { 200: MemberSchema, ...errors(400, 401, 403, 404, 422) },
      },
    },
    async (request) => members.changeRole(contextOf(request), request.params.user_id, request.body),
  );

  app.delete(
    '/members/:user_id',
    {
      schema: {
        tags: ['members'],
        summary: 'Remove a member, or leave the organization (your own user id)',
        description:
          'Admins and owners remove members; only an owner removes an owner; the last owner cannot be removed (422). The removed member is refused from their next request on.',
        security,
        params: MemberParams,
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      await members.removeMember(contextOf(request), request.params.user_id);
      return reply.status(204).send(null);
    },
  );
};
