import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../http/context.js';
import { errors, Timestamp, Uuid, VisibleText } from '../../http/schemas.js';
import * as orgs from './orgs.service.js';

const OrgSettings = Type.Object({
  id: Uuid,
  name: Type.String(),
  created_at: Timestamp,
  updated_at: Timestamp,
});

/** The current organization's settings. */
export const orgRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const security = [{ bearerAuth: [] }];
  const tags = ['organization'];

  app.get(
    '/org',
    {
      schema: {
        tags,
        security,
        summary: 'The current organization',
        response: { 200: OrgSettings, ...errors(401) },
      },
    },
    async (request) => orgs.getOrg(contextOf(request)),
  );

  app.patch(
    '/org',
    {
      schema: {
        tags,
        security,
        summary: 'Rename the current organization (admins)',
        body: Type.Object(
          { name: VisibleText({ maxLength: 200, examples: ['Acme Europe'] }) },
          { additionalProperties: false },
        ),
        response: { 200: OrgSettings, ...errors(401, 403, 422) },
      },
    },
    async (request) => orgs.updateOrg(contextOf(request), request.body),
  );
};
