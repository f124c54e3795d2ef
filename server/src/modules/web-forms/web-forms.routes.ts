import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../http/context.js';
import { errors, Timestamp, Uuid, VisibleText } from '../../http/schemas.js';
import { Nullable } from '../records/schemas.js';
import { FORM_FIELD_NAMES, MAX_FORM_CUSTOM_FIELDS } from './form-fields.js';
import * as webForms from './web-forms.service.js';

const BuiltInFormField = Type.Object(
  {
    field: Type.Enum(FORM_FIELD_NAMES, { description: 'A lead field' }),
    required: Type.Boolean(),
  },
  { additionalProperties: false },
);

const customField = {
  custom_field: Type.String({
    pattern: '^[a-z][a-z0-9_]{0,49}$',
    examples: ['budget'],
    description:
      "The key of one of the lead's active custom fields; posted by a visitor as `cf.<key>`",
  }),
  required: Type.Boolean(),
};

const FormField = Type.Union([
  BuiltInFormField,
  Type.Object(customField, { additionalProperties: false }),
]);

const ShownFormField = Type.Union([
  BuiltInFormField,
  Type.Object({
    ...customField,
    label: Type.String({ description: "The custom field's label, as the form shows it" }),
    archived: Type.Boolean({
      description: 'Archived since the form was built: left out of the form until restored',
    }),
  }),
]);

const WebFormSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  fields: Type.Array(ShownFormField),
  thank_you_message: Type.String(),
  redirect_url: Nullable(Type.String()),
  owner_id: Nullable(Uuid),
  team_id: Nullable(Uuid),
  active: Type.Boolean(),
  submission_count: Type.Integer(),
  last_submitted_at: Nullable(Timestamp),
  endpoint: Type.String({ description: 'The public address the form posts to' }),
  embed_html: Type.String({ description: 'A plain HTML form to paste into a web page' }),
  created_at: Timestamp,
  updated_at: Timestamp,
});

const writable = {
  name: VisibleText({ maxLength: 200, examples: ['Contact us'] }),
  fields: Type.Array(FormField, {
    minItems: 1,
    maxItems: FORM_FIELD_NAMES.length + MAX_FORM_CUSTOM_FIELDS,
    description:
      'The lead fields and custom fields the form asks for, in order; the last name is always asked for',
  }),
  thank_you_message: Type.String({
    maxLength: 2000,
    examples: ['Thank you! We will be in touch within a day.'],
  }),
  redirect_url: Nullable(
    Type.String({
      maxLength: 2000,
      pattern: '^https?://[^\\s]+$',
      description: 'Where a visitor is sent after submitting, instead of the thank-you page',
      examples: ['https://example.com/thanks'],
    }),
  ),
  owner_id: Nullable(Uuid),
  team_id: Nullable(Uuid),
  active: Type.Boolean(),
};

const FormParams = Type.Object({ form_id: Uuid });

/** Building and managing the organization's web-to-lead forms: admins and owners. */
export const webFormRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const security = [{ bearerAuth: [] }];
  const tags = ['web forms'];

  app.get(
    '/web-forms',
    {
      schema: {
        tags,
        security,
        summary: "The organization's web-to-lead forms (admins)",
        response: { 200: Type.Object({ data: Type.Array(WebFormSchema) }), ...errors(401, 403) },
      },
    },
    async (request) => ({ data: await webForms.listForms(contextOf(request)) }),
  );

  app.get(
    '/web-forms/:form_id',
    {
      schema: {
        tags,
        security,
        summary: 'One web form, with its embed snippet (admins)',
        params: FormParams,
        response: { 200: WebFormSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => webForms.getForm(contextOf(request), request.params.form_id),
  );

  app.post(
    '/web-forms',
    {
      schema: {
        tags,
        security,
        summary: 'Build a web form (admins)',
        description:
          'Leads it creates go to `owner_id`, or in turn to each member of `team_id`, who are notified; with neither they have no owner.',
        body: Type.Object(
          {
            name: writable.name,
            fields: writable.fields,
            thank_you_message: Type.Optional(writable.thank_you_message),
            redirect_url: Type.Optional(writable.redirect_url),
            owner_id: Type.Optional(writable.owner_id),
            team_id: Type.Optional(writable.team_id),
            active: Type.Optional(writable.active),
          },
          { additionalProperties: false },
        ),
        response: { 201: WebFormSchema, ...errors(401, 403, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await webForms.createForm(contextOf(request), request.body)),
  );

  app.patch(
    '/web-forms/:form_id',
    {
      schema: {
        tags,
        security,
        summary: 'Change or deactivate a web form (admins)',
        params: FormParams,
        body: Type.Partial(Type.Object(writable), {
          additionalProperties: false,
          minProperties: 1,
        }),
        response: { 200: WebFormSchema, ...errors(400, 401, 403, 404, 422) },
      },
    },
    async (request) =>
      webForms.updateForm(contextOf(request), request.params.form_id, request.body),
  );

  app.post(
    '/web-forms/:form_id/secret',
    {
      schema: {
        tags,
        security,
        summary: "Rotate a web form's secret (admins)",
        description: 'The old address, and every page that embeds it, stops working at once.',
        params: FormParams,
        response: { 200: WebFormSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => webForms.rotateSecret(contextOf(request), request.params.form_id),
  );

  app.delete(
    '/web-forms/:form_id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete a web form (admins); its leads stay',
        params: FormParams,
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await webForms.deleteForm(contextOf(request), request.params.form_id);
      return reply.status(204).send(null);
    },
  );
};
