import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../http/context.js';
import {
  errors,
  CurrentOrgSchema,
  OrgSchema,
  OrgWithRoleSchema,
  Password,
  RoleSchema,
  SessionSchema,
  UserSchema,
  VisibleText,
} from '../../http/schemas.js';
import * as auth from './auth.service.js';

export const meRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const security = [{ bearerAuth: [] }];

  app.get(
    '/me',
    {
      schema: {
        tags: ['me'],
        summary: 'The signed-in user, the current organization and their role in it',
        security,
        response: {
          200: Type.Object({
            user: UserSchema,
            org: CurrentOrgSchema,
            role: RoleSchema,
            orgs: Type.Array(OrgWithRoleSchema),
          }),
          ...errors(401),
        },
      },
    },
    async (request) => auth.me(contextOf(request)),
  );

  app.get(
    '/me/orgs',
    {
      schema: {
        tags: ['me'],
        summary: 'The organizations the signed-in user belongs to',
        security,
        response: { 200: Type.Object({ data: Type.Array(OrgWithRoleSchema) }), ...errors(401) },
      },
    },
    async (request) => ({ data: await auth.listMyOrgs(contextOf(request)) }),
  );

  app.post(
    '/me/orgs',
    {
      config: {
        rateLimit: { max: app.deps.config.authRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['me'],
        summary: 'Create another organization, owned by the signed-in user, and work in it',
        description:
          'Answers with tokens for the new organization, as switch-org does; the session of the ' +
          'organization the request came from is left as it is.',
        security,
        body: Type.Object(
          { name: VisibleText({ maxLength: 200, examples: ['Acme Europe'] }) },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ ...SessionSchema.properties, org: OrgSchema }),
          ...errors(401, 422, 429),
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await auth.createOrganization(contextOf(request), request.body)),
  );

  app.patch(
    '/me',
    {
      schema: {
        tags: ['me'],
        summary: "Update the signed-in user's profile",
        security,
        body: Type.Object(
          { name: VisibleText({ maxLength: 200, examples: ['Ada Lovelace'] }) },
          { additionalProperties: false },
        ),
        response: { 200: UserSchema, ...errors(401, 422) },
      },
    },
    async (request) => auth.updateProfile(contextOf(request), request.body),
  );

  app.post(
    '/me/password',
    {
      schema: {
        tags: ['me'],
        summary: 'Change password; signs out every other session and ends reset links',
        description:
          'Wrong current passwords are throttled (429 with Retry-After after five). A new password that is easy to guess (common, a keyboard pattern, your email or name) is refused on `new_password`.',
        security,
        body: Type.Object(
          {
            current_password: Type.String({
              minLength: 1,
              maxLength: 200,
              examples: ['my old password'],
            }),
            new_password: Password,
          },
          { additionalProperties: false },
        ),
        response: { 200: SessionSchema, ...errors(401, 422, 429) },
      },
    },
    async (request) => auth.changePassword(contextOf(request), request.body),
  );
};
