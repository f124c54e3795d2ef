import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../http/context.js';
import { IfMatchHeaders, ifMatchOf } from '../../http/versions.js';
import { errors, Uuid, VisibleText } from '../../http/schemas.js';
import {
  Address,
  Nullable,
  OWNER_CHANGE_RULE,
  pageOf,
  RecordMeta,
  TagIds,
  CustomFieldsInput,
} from '../records/schemas.js';
import * as contacts from './contacts.service.js';
import { LIST_QUERIES } from '../records/filters.js';

export const ContactSchema = Type.Object(
  {
    ...RecordMeta,
    first_name: Type.String(),
    last_name: Type.String(),
    email: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    mobile: Nullable(Type.String()),
    job_title: Nullable(Type.String()),
    department: Nullable(Type.String()),
    account_id: Nullable(Uuid),
    account_name: Nullable(Type.String({ description: "The account's name" })),
    do_not_contact: Type.Boolean(),
    address: Type.Record(Type.String(), Type.String()),
    description: Type.String(),
  },
  { $id: 'Contact' },
);

const LastName = VisibleText({ maxLength: 200, examples: ['Lovelace'] });

const writable = {
  first_name: Type.Optional(Type.String({ maxLength: 200, examples: ['Ada'] })),
  email: Type.Optional(
    Nullable(
      Type.String({
        format: 'email',
        maxLength: 320,
        examples: ['ada@acme.com'],
        description: 'Stored lower-case; unique within the organization',
      }),
    ),
  ),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 50, examples: ['+1 555 0100'] }))),
  mobile: Type.Optional(Nullable(Type.String({ maxLength: 50, examples: ['+1 555 0199'] }))),
  job_title: Type.Optional(Nullable(Type.String({ maxLength: 200, examples: ['CTO'] }))),
  department: Type.Optional(Nullable(Type.String({ maxLength: 200, examples: ['Engineering'] }))),
  account_id: Type.Optional(Nullable(Uuid)),
  do_not_contact: Type.Optional(
    Type.Boolean({ examples: [false], description: 'The person asked not to be contacted' }),
  ),
  address: Type.Optional(Address),
  description: Type.Optional(
    Type.String({ maxLength: 20000, examples: ['Met at the spring trade fair.'] }),
  ),
  owner_id: Type.Optional(Nullable(Uuid)),
  tag_ids: Type.Optional(TagIds),
  custom_fields: Type.Optional(CustomFieldsInput),
};

const ContactCreate = Type.Object(
  { ...writable, last_name: LastName },
  { additionalProperties: false },
);
const ContactUpdate = Type.Object(
  { ...writable, last_name: Type.Optional(LastName) },
  { additionalProperties: false, minProperties: 1 },
);

const ContactParams = Type.Object({ contact_id: Uuid });

export const contactRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const security = [{ bearerAuth: [] }];
  const tags = ['contacts'];

  app.get(
    '/contacts',
    {
      schema: {
        tags,
        security,
        summary: 'List contacts, filtered, searched and sorted, a page at a time',
        description:
          'Pass `next_cursor` back as `cursor` for the next page. `account_id` lists the contacts of one account.',
        querystring: LIST_QUERIES.contact,
        response: { 200: pageOf(ContactSchema), ...errors(400, 401) },
      },
    },
    async (request) => {
      const { limit, cursor, sort, q, count, ...filters } = request.query;
      return contacts.listContacts(contextOf(request), { limit, cursor, sort, q, count }, filters);
    },
  );

  app.post(
    '/contacts',
    {
      schema: {
        tags,
        security,
        summary: 'Create a contact; its owner defaults to you',
        body: ContactCreate,
        response: { 201: ContactSchema, ...errors(401, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await contacts.createContact(contextOf(request), request.body)),
  );

  app.get(
    '/contacts/:contact_id',
    {
      schema: {
        tags,
        security,
        summary: 'One contact',
        params: ContactParams,
        response: { 200: ContactSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) => contacts.getContact(contextOf(request), request.params.contact_id),
  );

  app.patch(
    '/contacts/:contact_id',
    {
      schema: {
        tags,
        security,
        summary: 'Change some fields of a contact; `tag_ids` replaces its tags',
        description: OWNER_CHANGE_RULE,
        params: ContactParams,
        headers: IfMatchHeaders,
        body: ContactUpdate,
        response: { 200: ContactSchema, ...errors(400, 401, 403, 404, 409, 412, 422) },
      },
    },
    async (request) =>
      contacts.updateContact(
        contextOf(request),
        request.params.contact_id,
        request.body,
        ifMatchOf(request),
      ),
  );

  app.delete(
    '/contacts/:contact_id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete a contact (its owner or an admin)',
        params: ContactParams,
        headers: IfMatchHeaders,
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404, 412) },
      },
    },
    async (request, reply) => {
      await contacts.deleteContact(
        contextOf(request),
        request.params.contact_id,
        ifMatchOf(request),
      );
      return reply.status(204).send(null);
    },
  );
};
