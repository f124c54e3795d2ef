import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TProperties } from 'typebox';
import { contextOf } from '../../http/context.js';
import { errors, Uuid } from '../../http/schemas.js';
import { RECORD_KINDS } from '../records/registry.js';
import { Nullable } from '../records/schemas.js';
import * as duplicates from './duplicates.service.js';

const Text = (maxLength: number, example: string) =>
  Type.Optional(Type.String({ maxLength, examples: [example] }));

const person = {
  email: Text(320, 'ada@analytical.example'),
  first_name: Text(200, 'Ada'),
  last_name: Text(200, 'Lovelace'),
  phone: Text(50, '+44 20 7946 0000'),
};

/** What each kind is matched on, as query parameters. */
const QUERIES: Record<duplicates.DuplicateKind, { properties: TProperties; description: string }> =
  {
    lead: {
      properties: { ...person, company: Text(300, 'Analytical Engines Ltd') },
      description:
        'Leads with the same email, the same first and last name (case, accents and spacing aside), or the same phone number (its digits). `company` is accepted and not matched on: many people share one.',
    },
    contact: {
      properties: person,
      description:
        'Contacts with the same email, the same first and last name (case, accents and spacing aside), or the same phone number (its digits).',
    },
    account: {
      properties: {
        name: Text(300, 'Analytical Engines'),
        domain: Text(500, 'analytical.example'),
        phone: Text(50, '+44 20 7946 0000'),
      },
      description:
        'Accounts with the same name (case, accents and spacing aside), the same domain (`https://www.` and paths aside) or the same phone number (its digits).',
    },
  };

const DuplicateSchema = Type.Object(
  {
    id: Uuid,
    title: Type.String(),
    subtitle: Nullable(Type.String()),
    matched_on: Type.Array(Type.Enum(['email', 'name', 'domain', 'phone'])),
  },
  { $id: 'Duplicate' },
);

const GroupSchema = Type.Object(
  {
    reason: Type.Enum(['email', 'name', 'domain', 'phone']),
    key: Type.String({
      description: 'The shared value as compared: an email, or a folded name, domain or phone',
    }),
    size: Type.Integer({ description: 'How many records share the key' }),
    records: Type.Array(
      Type.Object({
        id: Uuid,
        title: Type.String(),
        subtitle: Nullable(Type.String()),
        owner_id: Nullable(Uuid),
        created_at: Type.String(),
      }),
      { description: `The oldest ${duplicates.GROUP_RECORDS_LIMIT} records of the group` },
    ),
  },
  { $id: 'DuplicateGroup' },
);

const GROUP_REASONS: Record<duplicates.DuplicateKind, string> = {
  lead: 'the same email, name or phone number',
  contact:
    'the same name or phone number (not email: contacts are unique by email within the organization)',
  account: 'the same domain, name or phone number',
};

export const duplicateRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const security = [{ bearerAuth: [] }];
  for (const [kind, query] of Object.entries(QUERIES) as Array<
    [duplicates.DuplicateKind, (typeof QUERIES)[duplicates.DuplicateKind]]
  >) {
    const { path, label } = RECORD_KINDS[kind];
    app.get(
      `/${path}/duplicates`,
      {
        schema: {
          tags: [path],
          security,
          summary: `Likely duplicates of a ${label.one.toLowerCase()} about to be created, best first (at most ${duplicates.DUPLICATES_LIMIT})`,
          description: `${query.description} Nothing given, nothing found.`,
          querystring: Type.Object(query.properties, { additionalProperties: false }),
          response: {
            200: Type.Object({ data: Type.Array(DuplicateSchema) }),
            ...errors(400, 401),
          },
        },
      },
      async (request) => ({
        data: await duplicates.findDuplicates(
          contextOf(request),
          kind,
          request.query as duplicates.DuplicateQuery,
        ),
      }),
    );
    app.get(
      `/${path}/duplicates/groups`,
      {
        schema: {
          tags: [path],
          security,
          summary: `Groups of ${label.many} that are likely the same`,
          description: `${label.one}s with ${GROUP_REASONS[kind]} (case, accents, spacing and phone punctuation aside), by reason and then by the shared value. A record may be in several groups.`,
          querystring: Type.Object(
            {
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
              cursor: Type.Optional(
                Type.String({ maxLength: 2000, description: 'next_cursor of the previous page' }),
              ),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              data: Type.Array(GroupSchema),
              next_cursor: Nullable(Type.String()),
            }),
            ...errors(400, 401),
          },
        },
      },
      async (request) => duplicates.duplicateGroups(contextOf(request), kind, request.query),
    );
  }
};
