import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../http/context.js';
import { errors, Timestamp, Uuid, VisibleText } from '../../http/schemas.js';
import * as orgs from './orgs.service.js';

const OrgSettings = Type.Object({
  id: Uuid,
  name: Type.String(),
  currency: Type.String({ description: 'ISO 4217: the default of new deals and leads' }),
  locale: Type.String({ description: 'BCP 47: how the app writes numbers, money and dates' }),
  max_file_bytes: Type.Integer({
    description:
      'The largest file members may upload, set by admins (at most instance_max_file_bytes)',
  }),
  instance_max_file_bytes: Type.Integer({
    description: 'The largest file this installation takes, whatever the organization sets',
  }),
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
        summary:
          'Rename the current organization or set its currency, locale and file size limit (admins)',
        description:
          'New deals and leads take the organization currency unless they name another; amounts already stored keep theirs.',
        body: Type.Object(
          {
            name: Type.Optional(VisibleText({ maxLength: 200, examples: ['Acme Europe'] })),
            currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', examples: ['EUR'] })),
            locale: Type.Optional(
              Type.String({ minLength: 2, maxLength: 35, examples: ['de-DE'] }),
            ),
            max_file_bytes: Type.Optional(
              Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, examples: [10485760] }),
            ),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: OrgSettings, ...errors(401, 403, 422) },
      },
    },
    async (request) => orgs.updateOrg(contextOf(request), request.body),
  );
};
