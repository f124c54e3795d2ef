import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../http/context.js';
import { errors, Uuid } from '../../http/schemas.js';
import { RECORD_KIND_NAMES } from '../records/registry.js';
import { Nullable } from '../records/schemas.js';
import * as searching from './search.service.js';

const typeNames = RECORD_KIND_NAMES.join('|');

const SearchQuery = Type.Object(
  {
    q: Type.String({
      maxLength: 200,
      description:
        'Words every result must contain, as prefixes of a word of its name, email, company, domain, phone or job title',
      examples: ['ada love'],
    }),
    types: Type.Optional(
      Type.String({
        pattern: `^(${typeNames})(,(${typeNames}))*$`,
        description: 'Kinds of record to search, comma-separated; all of them when absent',
        examples: ['lead,contact'],
      }),
    ),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 50, default: searching.DEFAULT_LIMIT, examples: [10] }),
    ),
  },
  { additionalProperties: false },
);

const SearchHitSchema = Type.Object(
  {
    type: Type.Enum(RECORD_KIND_NAMES),
    id: Uuid,
    title: Type.String(),
    subtitle: Nullable(Type.String()),
    score: Type.Integer({
      description:
        "Sum over the query's words of the best match's weight: 3 a name, 2 an email, company or domain, 1 anything else; doubled when the word matches a whole word",
    }),
  },
  { $id: 'SearchHit' },
);

export const searchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        security: [{ bearerAuth: [] }],
        summary: 'Search leads, accounts, contacts and deals at once, best matches first',
        description:
          'Ties are ordered by type (account, contact, deal, lead), then title. Subtitles: a lead its company, an account its domain, a contact its email, a deal its amount and stage.',
        querystring: SearchQuery,
        response: { 200: Type.Object({ data: Type.Array(SearchHitSchema) }), ...errors(400, 401) },
      },
    },
    async (request) => searching.search(contextOf(request), request.query),
  );
};
