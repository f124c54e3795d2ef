import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../http/context.js';
import { IfMatchHeaders, ifMatchOf } from '../../http/versions.js';
import { errors, optional, Timestamp, Uuid, VisibleText } from '../../http/schemas.js';
import {
  Address,
  Currency,
  DateTimeInput,
  LeadRating as Rating,
  LeadStatus as Status,
  Money,
  Nullable,
  pageOf,
  RecordMeta,
  Source,
  TagIds,
  CustomFieldsInput,
  OWNER_CHANGE_RULE,
} from '../records/schemas.js';
import { AccountSchema } from '../accounts/accounts.routes.js';
import { ContactSchema } from '../contacts/contacts.routes.js';
import { DealSchema } from '../deals/deals.schemas.js';
import * as conversion from './convert.service.js';
import * as leads from './leads.service.js';
import { LIST_QUERIES } from '../records/filters.js';
import { LEAD_STATUSES } from '../../db/schema.js';

/** A lead becomes `converted` only by being converted, never by an edit. */
const OpenStatus = Type.Enum(LEAD_STATUSES.filter((status) => status !== 'converted'));

export const LeadSchema = Type.Object(
  {
    ...RecordMeta,
    first_name: Type.String(),
    last_name: Type.String(),
    email: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    company: Nullable(Type.String()),
    job_title: Nullable(Type.String()),
    website: Nullable(Type.String()),
    status: Status,
    source: Nullable(Source),
    rating: Nullable(Rating),
    estimated_value: Nullable(Type.Number()),
    currency: Type.String(),
    address: Type.Record(Type.String(), Type.String()),
    description: Type.String(),
    last_contacted_at: Nullable(Timestamp),
    next_follow_up_at: Nullable(Timestamp),
    converted_at: Nullable(Timestamp),
    converted_account_id: Nullable(Uuid),
    converted_contact_id: Nullable(Uuid),
    converted_deal_id: Nullable(Uuid),
    do_not_contact: Type.Boolean(),
  },
  { $id: 'Lead' },
);

const writable = {
  first_name: Type.String({ maxLength: 200, examples: ['Ada'] }),
  email: Nullable(
    Type.String({ format: 'email', maxLength: 320, examples: ['ada@analytical.example'] }),
  ),
  phone: Nullable(Type.String({ maxLength: 50, examples: ['+44 20 7946 0000'] })),
  company: Nullable(Type.String({ maxLength: 300, examples: ['Analytical Engines Ltd'] })),
  job_title: Nullable(Type.String({ maxLength: 200, examples: ['Head of Research'] })),
  website: Nullable(Type.String({ maxLength: 500, examples: ['https://analytical.example'] })),
  status: OpenStatus,
  source: Nullable(Source),
  rating: Nullable(Rating),
  estimated_value: Nullable(Money),
  currency: Currency,
  address: Address,
  description: Type.String({
    maxLength: 20000,
    examples: ['Met at the London trade fair; interested in a pilot.'],
  }),
  do_not_contact: Type.Boolean({
    examples: [false],
    description: 'The person asked not to be contacted: no email is sent to them from the CRM',
  }),
  owner_id: Nullable(Uuid),
  last_contacted_at: Nullable(DateTimeInput),
  next_follow_up_at: Nullable(DateTimeInput),
  tag_ids: TagIds,
  custom_fields: CustomFieldsInput,
};

const LeadCreate = Type.Object(
  {
    ...optional(writable),
    last_name: VisibleText({ maxLength: 200, examples: ['Lovelace'] }),
  },
  { additionalProperties: false },
);
const LeadUpdate = Type.Object(
  {
    ...optional(writable),
    last_name: Type.Optional(VisibleText({ maxLength: 200, examples: ['Lovelace'] })),
  },
  { additionalProperties: false, minProperties: 1 },
);

const LeadParams = Type.Object({ lead_id: Uuid });

export const leadRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const security = [{ bearerAuth: [] }];
  const tags = ['leads'];

  app.get(
    '/leads',
    {
      schema: {
        tags,
        security,
        summary: 'List leads, filtered, searched and sorted, a page at a time',
        description:
          'Pass `next_cursor` back as `cursor` for the next page. `status` may repeat: `?status=new&status=contacted`.',
        querystring: LIST_QUERIES.lead,
        response: { 200: pageOf(LeadSchema), ...errors(400, 401) },
      },
    },
    async (request) => {
      const { limit, cursor, sort, q, count, ...filters } = request.query;
      return leads.listLeads(contextOf(request), { limit, cursor, sort, q, count }, filters);
    },
  );

  app.post(
    '/leads',
    {
      schema: {
        tags,
        security,
        summary: 'Create a lead; its owner defaults to you',
        body: LeadCreate,
        response: { 201: LeadSchema, ...errors(401, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await leads.createLead(contextOf(request), request.body)),
  );

  app.get(
    '/leads/:lead_id',
    {
      schema: {
        tags,
        security,
        summary: 'One lead',
        params: LeadParams,
        response: { 200: LeadSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) => leads.getLead(contextOf(request), request.params.lead_id),
  );

  app.patch(
    '/leads/:lead_id',
    {
      schema: {
        tags,
        security,
        summary: 'Change some fields of a lead; `tag_ids` replaces its tags',
        description: OWNER_CHANGE_RULE,
        params: LeadParams,
        headers: IfMatchHeaders,
        body: LeadUpdate,
        response: { 200: LeadSchema, ...errors(400, 401, 403, 404, 409, 412, 422) },
      },
    },
    async (request) =>
      leads.updateLead(
        contextOf(request),
        request.params.lead_id,
        request.body,
        ifMatchOf(request),
      ),
  );

  app.delete(
    '/leads/:lead_id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete a lead (its owner or an admin)',
        params: LeadParams,
        headers: IfMatchHeaders,
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404, 412) },
      },
    },
    async (request, reply) => {
      await leads.deleteLead(contextOf(request), request.params.lead_id, ifMatchOf(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/leads/:lead_id/convert',
    {
      config: { creates: true },
      schema: {
        tags,
        security,
        summary: 'Convert a lead into an account, a contact and optionally a deal, in one step',
        description:
          'Creates the account (or attaches `account_id`), a contact from the lead (or attaches `contact_id`) and, when `deal` is given, a deal on the default pipeline unless `deal.pipeline_id`/`deal.stage_id` say otherwise. The lead keeps links to all of them; its tasks and tags move to the contact; its notes stay on the lead and are listed with the account, the contact and the deal. A lead converts once. When a new account would take the name of an existing one (whatever its case), or a new contact the email of an existing one, the answer is 409 naming the field (`account_name`, `contact_id`) with the existing record in `details.existing` (`account_id` or `contact_id`), to attach to instead. `deal.stage_id` must be a stage of `deal.pipeline_id` (default: the default pipeline; its first open stage).',
        params: LeadParams,
        body: Type.Object(
          {
            account_id: Type.Optional(Uuid),
            account_name: Type.Optional(
              VisibleText({ maxLength: 300, examples: ['Analytical Engines Ltd'] }),
            ),
            contact_id: Type.Optional(Uuid),
            deal: Type.Optional(
              Type.Object(
                {
                  name: Type.Optional(
                    VisibleText({ maxLength: 300, examples: ['Difference engine upgrade'] }),
                  ),
                  amount: Type.Optional(Money),
                  currency: Type.Optional(Currency),
                  pipeline_id: Type.Optional(Uuid),
                  stage_id: Type.Optional(Uuid),
                  expected_close_date: Type.Optional(
                    Nullable(Type.String({ format: 'date', examples: ['2027-03-31'] })),
                  ),
                },
                { additionalProperties: false },
              ),
            ),
            custom_fields: Type.Optional(
              Type.Object(
                {
                  account: Type.Optional(CustomFieldsInput),
                  contact: Type.Optional(CustomFieldsInput),
                  deal: Type.Optional(CustomFieldsInput),
                },
                {
                  additionalProperties: false,
                  description:
                    "The custom fields of each record the conversion creates, as on that record's create (required ones included); refused for a record it attaches (`account_id`, `contact_id`) or does not create (no `deal`).",
                },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            lead: LeadSchema,
            account: AccountSchema,
            contact: ContactSchema,
            deal: Nullable(DealSchema),
          }),
          ...errors(400, 401, 404, 409, 422),
        },
      },
    },
    async (request) =>
      conversion.convertLead(contextOf(request), request.params.lead_id, request.body),
  );
};
