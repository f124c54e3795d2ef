import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CUSTOM_FIELD_TYPES, RECORD_TYPES } from '../../db/schema.js';
import { contextOf } from '../../http/context.js';
import { errors, optional, Timestamp, Uuid, VisibleText } from '../../http/schemas.js';
import { CustomFieldValueSchema, Nullable } from '../records/schemas.js';
import * as fields from './custom-fields.service.js';

const Color = Type.String({
  pattern: '^#[0-9a-fA-F]{6}$',
  examples: ['#0ea5e9'],
  description: '`#rrggbb`',
});

const OptionSchema = Type.Object({
  id: Uuid,
  label: Type.String(),
  color: Type.String(),
  position: Type.Integer(),
});

export const CustomFieldSchema = Type.Object(
  {
    id: Uuid,
    record_type: Type.Enum(RECORD_TYPES),
    key: Type.String({ description: 'Stable: the name of the field in `custom_fields`' }),
    label: Type.String(),
    field_type: Type.Enum(CUSTOM_FIELD_TYPES),
    required: Type.Boolean(),
    default_value: CustomFieldValueSchema,
    description: Type.String(),
    position: Type.Integer(),
    archived_at: Nullable(Timestamp),
    options: Type.Array(OptionSchema, { description: "A select's options, in their order" }),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { $id: 'CustomField' },
);

const Label = VisibleText({
  maxLength: 100,
  examples: ['Region'],
  description: 'Unique among the active fields of the kind, whatever the case',
});

const OptionInput = Type.Object(
  {
    id: Type.Optional(
      Type.Union([Uuid], { description: 'An existing option, renamed or recoloured in place' }),
    ),
    label: VisibleText({ maxLength: 100, examples: ['EMEA'] }),
    color: Type.Optional(Color),
  },
  { additionalProperties: false },
);

const Options = Type.Array(OptionInput, {
  maxItems: 200,
  description:
    "A select's options in their order. On update the list replaces the options: those named by `id` keep their values whatever their new label or colour, those without an `id` are added, and options left out are removed with their values.",
});

const common = {
  label: Label,
  required: Type.Boolean({ description: 'A record cannot be saved without a value' }),
  default_value: CustomFieldValueSchema,
  description: Type.String({ maxLength: 1000, examples: ['Sales region of the account'] }),
  position: Type.Integer({
    minimum: 0,
    maximum: 100000,
    description: 'Where the field goes among the fields of its kind, from 0; the others move along',
  }),
  options: Options,
};

const FieldCreate = Type.Object(
  {
    ...optional(common),
    record_type: Type.Enum(RECORD_TYPES),
    key: Type.String({
      pattern: '^[a-z][a-z0-9_]{0,49}$',
      examples: ['region'],
      description: 'Lower-case letters, digits and `_`; never changes',
    }),
    label: Label,
    field_type: Type.Enum(CUSTOM_FIELD_TYPES),
  },
  { additionalProperties: false },
);

const FieldUpdate = Type.Object(
  {
    ...optional(common),
    archived: Type.Optional(
      Type.Boolean({
        description:
          'Archived fields are hidden from records and keep their values; `false` restores',
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

const FieldParams = Type.Object({ field_id: Uuid });

export const customFieldRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const security = [{ bearerAuth: [] }];
  const tags = ['custom fields'];

  app.get(
    '/custom-fields',
    {
      schema: {
        tags,
        security,
        summary: "The organization's custom fields, by kind and position",
        querystring: Type.Object(
          {
            record_type: Type.Optional(Type.Enum(RECORD_TYPES)),
            include_archived: Type.Optional(Type.Boolean({ default: false })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ data: Type.Array(CustomFieldSchema) }),
          ...errors(400, 401),
        },
      },
    },
    async (request) => ({
      data: await fields.listCustomFields(contextOf(request), request.query),
    }),
  );

  app.get(
    '/custom-fields/:field_id',
    {
      schema: {
        tags,
        security,
        summary: 'One custom field',
        params: FieldParams,
        response: { 200: CustomFieldSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) => fields.getCustomField(contextOf(request), request.params.field_id),
  );

  app.post(
    '/custom-fields',
    {
      schema: {
        tags,
        security,
        summary: 'Define a custom field on a kind of record (admins)',
        description:
          'A row, not a change of the schema: the field appears at once in `custom_fields` of every record of the kind.',
        body: FieldCreate,
        response: { 201: CustomFieldSchema, ...errors(401, 403, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await fields.createCustomField(contextOf(request), request.body)),
  );

  app.patch(
    '/custom-fields/:field_id',
    {
      schema: {
        tags,
        security,
        summary: 'Change, reorder, archive or restore a custom field (admins)',
        description: 'Its key and type never change.',
        params: FieldParams,
        body: FieldUpdate,
        response: { 200: CustomFieldSchema, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      fields.updateCustomField(contextOf(request), request.params.field_id, request.body),
  );
};
