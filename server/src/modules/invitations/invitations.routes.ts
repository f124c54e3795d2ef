import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { contextOf } from '../../http/context.js';
import {
  Email,
  errors,
  OrgSchema,
  Password,
  SessionSchema,
  UserSchema,
  Uuid,
  VisibleText,
} from '../../http/schemas.js';
import { setRefreshCookie } from '../auth/auth.routes.js';
import * as invitations from './invitations.service.js';

const InvitedRole = Type.Union([Type.Literal('admin'), Type.Literal('member')]);
const Token = Type.String({
  minLength: 1,
  maxLength: 200,
  description: 'From the invitation link',
  examples: ['0f8fad5b-d9cb-469f-a165-70867728950e.Zq2w8d0rJk4xYp7mV3sB1nT6cL9hF5aE2uG0oR8iW4Q'],
});
const DateTime = Type.String({ format: 'date-time' });

/** Managing invitations: admins and owners of the current organization. */
export const invitationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const security = [{ bearerAuth: [] }];

  app.post(
    '/invitations',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Invite someone by email',
        description:
          'Emails a link valid for 7 days (kept in the outbox when no SMTP server is configured). Inviting an email with a pending invitation replaces it: the earlier link stops working.',
        security,
        body: Type.Object({ email: Email, role: InvitedRole }, { additionalProperties: false }),
        response: {
          201: Type.Object({
            id: Uuid,
            email: Type.String(),
            role: InvitedRole,
            expires_at: DateTime,
            link: Type.String({ description: 'The link emailed to the invitee' }),
          }),
          ...errors(401, 403, 409, 422),
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await invitations.createInvitation(contextOf(request), request.body)),
  );

  app.get(
    '/invitations',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Invitations not yet accepted or revoked, newest first',
        security,
        response: {
          200: Type.Object({
            data: Type.Array(
              Type.Object({
                id: Uuid,
                email: Type.String(),
                role: InvitedRole,
                created_at: DateTime,
                expires_at: DateTime,
                expired: Type.Boolean(),
              }),
            ),
          }),
          ...errors(401, 403),
        },
      },
    },
    async (request) => ({ data: await invitations.listInvitations(contextOf(request)) }),
  );

  app.delete(
    '/invitations/:invitation_id',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Revoke an invitation; its link stops working',
        security,
        params: Type.Object({ invitation_id: Uuid }),
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await invitations.revokeInvitation(contextOf(request), request.params.invitation_id);
      return reply.status(204).send(null);
    },
  );
};

/** Answering an invitation: no account or session needed, the link's token is the key. */
export const publicInvitationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { config } = app.deps;
  const rateLimit = { max: config.authRateLimitPerMinute, timeWindow: '1 minute' };
  const publicContext = (request: FastifyRequest) => ({ deps: app.deps, ip: request.ip });

  app.get(
    '/invitations/preview',
    {
      config: { rateLimit },
      schema: {
        tags: ['invitations'],
        summary: 'What an invitation link invites to',
        description:
          'The same answer whether or not the invited email has an account: the accept page offers both signing in and creating the account.',
        querystring: Type.Object({ token: Token }),
        response: {
          200: Type.Object({
            org: Type.Object({ name: Type.String() }),
            email: Type.String(),
            role: InvitedRole,
          }),
          ...errors(400, 429),
        },
      },
    },
    async (request) => invitations.previewInvitation(publicContext(request), request.query.token),
  );

  app.post(
    '/invitations/accept',
    {
      config: { rateLimit },
      schema: {
        tags: ['invitations'],
        summary: 'Accept an invitation and sign in to its organization',
        description:
          'To join with the existing account of the invited email, send its password; to create the account, send a name and a new password. The server decides: with an account, the password must be its password (a name sent along changes nothing); without one, a name creates it. Signing in without an account is answered exactly as a wrong password (401).',
        body: Type.Object(
          {
            token: Token,
            name: Type.Optional(VisibleText({ maxLength: 200, examples: ['Grace Hopper'] })),
            password: Password,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ ...SessionSchema.properties, user: UserSchema, org: OrgSchema }),
          ...errors(400, 401, 409, 422, 429),
        },
      },
    },
    async (request, reply) => {
      const result = await invitations.acceptInvitation(publicContext(request), request.body);
      setRefreshCookie(reply, config, result.refresh_token);
      return result;
    },
  );
};
