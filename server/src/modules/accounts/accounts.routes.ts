import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../http/context.js';
import { IfMatchHeaders, ifMatchOf } from '../../http/versions.js';
import { errors, Uuid, VisibleText } from '../../http/schemas.js';
import {
  Address,
  Money,
  Nullable,
  OWNER_CHANGE_RULE,
  pageOf,
  RecordMeta,
  TagIds,
  CustomFieldsInput,
} from '../records/schemas.js';
import * as accounts from './accounts.service.js';
import { LIST_QUERIES } from '../records/filters.js';

export const AccountSchema = Type.Object(
  {
    ...RecordMeta,
    name: Type.String(),
    website: Nullable(Type.String()),
    domain: Nullable(Type.String()),
    industry: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    email: Nullable(Type.String()),
    employees: Nullable(Type.Integer()),
    annual_revenue: Nullable(Type.Number()),
    billing_address: Type.Record(Type.String(), Type.String()),
    shipping_address: Type.Record(Type.String(), Type.String()),
    description: Type.String(),
  },
  { $id: 'Account' },
);

const AccountDetailSchema = Type.Object(
  {
    ...AccountSchema.properties,
    summary: Type.Object({
      contacts: Type.Integer({ description: 'Contacts who work at the account' }),
      open_deals: Type.Integer({ description: 'Deals in a stage of kind `open`' }),
      open_deals_amount: Type.Number({
        description: 'Sum of the open deals’ amounts, whatever their currencies',
      }),
      open_tasks: Type.Integer({ description: 'Tasks on the account that are not done' }),
    }),
  },
  { $id: 'AccountDetail' },
);

const Name = VisibleText({ maxLength: 300, examples: ['Acme Inc.'] });

const writable = {
  website: Type.Optional(
    Nullable(Type.String({ maxLength: 500, examples: ['https://www.acme.com'] })),
  ),
  domain: Type.Optional(
    Nullable(
      Type.String({
        maxLength: accounts.MAX_DOMAIN,
        examples: ['acme.com'],
        description: `Kept bare and in lower case (\`https://www.Acme.com/about\` is \`acme.com\`), in which it may take at most ${accounts.MAX_DOMAIN} characters. Taken from \`website\` when not given.`,
      }),
    ),
  ),
  industry: Type.Optional(Nullable(Type.String({ maxLength: 100, examples: ['Manufacturing'] }))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 50, examples: ['+1 555 0100'] }))),
  email: Type.Optional(
    Nullable(Type.String({ format: 'email', maxLength: 320, examples: ['hello@acme.com'] })),
  ),
  employees: Type.Optional(
    Nullable(Type.Integer({ minimum: 0, maximum: 2_000_000_000, examples: [250] })),
  ),
  annual_revenue: Type.Optional(Nullable(Money)),
  billing_address: Type.Optional(Address),
  shipping_address: Type.Optional(Address),
  description: Type.Optional(
    Type.String({ maxLength: 20000, examples: ['Makes everything a coyote could want.'] }),
  ),
  owner_id: Type.Optional(Nullable(Uuid)),
  tag_ids: Type.Optional(TagIds),
  custom_fields: Type.Optional(CustomFieldsInput),
};

const AccountCreate = Type.Object({ ...writable, name: Name }, { additionalProperties: false });
const AccountUpdate = Type.Object(
  { ...writable, name: Type.Optional(Name) },
  { additionalProperties: false, minProperties: 1 },
);

const AccountParams = Type.Object({ account_id: Uuid });

export const accountRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const security = [{ bearerAuth: [] }];
  const tags = ['accounts'];

  app.get(
    '/accounts',
    {
      schema: {
        tags,
        security,
        summary: 'List accounts, filtered, searched and sorted, a page at a time',
        description: 'Pass `next_cursor` back as `cursor` for the next page.',
        querystring: LIST_QUERIES.account,
        response: { 200: pageOf(AccountSchema), ...errors(400, 401) },
      },
    },
    async (request) => {
      const { limit, cursor, sort, q, count, ...filters } = request.query;
      return accounts.listAccounts(contextOf(request), { limit, cursor, sort, q, count }, filters);
    },
  );

  app.post(
    '/accounts',
    {
      schema: {
        tags,
        security,
        summary: 'Create an account; its owner defaults to you',
        description: 'Names are unique within the organization, whatever their case.',
        body: AccountCreate,
        response: { 201: AccountSchema, ...errors(401, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await accounts.createAccount(contextOf(request), request.body)),
  );

  app.get(
    '/accounts/:account_id',
    {
      schema: {
        tags,
        security,
        summary: 'One account, with counts of its contacts, open deals and open tasks',
        params: AccountParams,
        response: { 200: AccountDetailSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) => accounts.getAccount(contextOf(request), request.params.account_id),
  );

  app.patch(
    '/accounts/:account_id',
    {
      schema: {
        tags,
        security,
        summary: 'Change some fields of an account; `tag_ids` replaces its tags',
        description: `Changing \`website\` without \`domain\` takes the domain from the new website again. ${OWNER_CHANGE_RULE}`,
        params: AccountParams,
        headers: IfMatchHeaders,
        body: AccountUpdate,
        response: { 200: AccountSchema, ...errors(400, 401, 403, 404, 409, 412, 422) },
      },
    },
    async (request) =>
      accounts.updateAccount(
        contextOf(request),
        request.params.account_id,
        request.body,
        ifMatchOf(request),
      ),
  );

  app.delete(
    '/accounts/:account_id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete an account (its owner or an admin)',
        description:
          'Its contacts and deals stay, no longer linked to it; its tasks and notes go with it.',
        params: AccountParams,
        headers: IfMatchHeaders,
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404, 412) },
      },
    },
    async (request, reply) => {
      await accounts.deleteAccount(
        contextOf(request),
        request.params.account_id,
        ifMatchOf(request),
      );
      return reply.status(204).send(null);
    },
  );
};
