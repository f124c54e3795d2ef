import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../http/context.js';
import { Email, errors, Timestamp, Uuid, VisibleText } from '../../http/schemas.js';
import { RECORD_EMAIL_DIRECTIONS, RECORD_EMAIL_STATUSES } from '../../db/schema.js';
import { ATTACHMENT_CHOICES, AttachmentProperties } from '../records/attachments.js';
import { RECORD_KIND_NAMES } from '../records/registry.js';
import { ListQueryBase, Nullable, pageOf } from '../records/schemas.js';
import * as settings from './email-settings.service.js';
import * as templates from './email-templates.service.js';
import * as emails from './emails.service.js';
import { MAX_BODY_LENGTH, MAX_SUBJECT_LENGTH } from './merge-fields.js';

export const EmailSchema = Type.Object(
  {
    id: Uuid,
    direction: Type.Enum(RECORD_EMAIL_DIRECTIONS),
    status: Nullable(
      Type.Enum(RECORD_EMAIL_STATUSES, {
        description:
          'Sent email: `queued` (waiting, or retrying after `error`), `sent` or `failed`. Null for received email.',
      }),
    ),
    from_address: Type.String(),
    to_addresses: Type.Array(Type.String()),
    cc_addresses: Type.Array(Type.String()),
    subject: Type.String(),
    body_text: Type.String({ description: 'The text of the message; HTML is never kept' }),
    message_id: Nullable(Type.String()),
    email_template_id: Nullable(Uuid),
    error: Nullable(Type.String({ description: "The mail server's last refusal" })),
    attempts: Type.Integer(),
    occurred_at: Timestamp,
    created_by: Nullable(Uuid),
    created_at: Timestamp,
    updated_at: Timestamp,
    links: Type.Array(Type.Object({ record_type: Type.Enum(RECORD_KIND_NAMES), record_id: Uuid }), {
      description: 'The records the email is on',
    }),
  },
  { $id: 'Email' },
);

const TemplateSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    subject: Type.String(),
    body: Type.String(),
    created_by: Nullable(Uuid),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { $id: 'EmailTemplate' },
);

const MERGE_HELP =
  'Merge fields: `{{contact.first_name}}`, `{{lead.company}}`, `{{deal.name}}`, `{{account.name}}`, `{{me.name}}`, custom fields `{{contact.cf.<key>}}`. An unknown field is refused (422) naming it, ' +
  `and so is a subject over ${MAX_SUBJECT_LENGTH} characters or a body over ${MAX_BODY_LENGTH.toLocaleString('en-US')} once its fields are filled in.`;

const Subject = Type.String({
  minLength: 1,
  maxLength: MAX_SUBJECT_LENGTH,
  examples: ['Hello {{contact.first_name}}'],
});
const Body = Type.String({
  minLength: 1,
  maxLength: 100000,
  examples: ['Hi {{contact.first_name}},\n\nThanks for your time today.\n\n{{me.name}}'],
});
const TemplateWrite = {
  name: VisibleText({ maxLength: 200, examples: ['Follow-up'] }),
  subject: Subject,
  body: Body,
};

const Draft = Type.Object(
  {
    ...AttachmentProperties,
    to: Type.Optional(Email),
    subject: Subject,
    body: Body,
    email_template_id: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);

const PreviewSchema = Type.Object({
  to: Nullable(Type.String()),
  subject: Type.String(),
  body: Type.String(),
});

const SettingsSchema = Type.Object(
  {
    smtp_host: Nullable(Type.String()),
    smtp_port: Nullable(Type.Integer()),
    smtp_secure: Type.Boolean(),
    smtp_username: Nullable(Type.String()),
    smtp_password_set: Type.Boolean(),
    from_address: Nullable(Type.String()),
    instance_smtp: Type.Boolean(),
    logging_address: Nullable(Type.String()),
  },
  { $id: 'EmailSettings' },
);

const SettingsUpdate = Type.Object(
  {
    smtp_host: Type.Optional(
      Nullable(
        Type.String({
          maxLength: 255,
          pattern: '^[A-Za-z0-9.:\\[\\]-]*$',
          examples: ['smtp.example.com'],
        }),
      ),
    ),
    smtp_port: Type.Optional(
      Nullable(Type.Integer({ minimum: 1, maximum: 65535, examples: [587] })),
    ),
    smtp_secure: Type.Optional(Type.Boolean({ description: 'TLS from the start (port 465)' })),
    smtp_username: Type.Optional(
      Nullable(Type.String({ maxLength: 255, examples: ['crm@example.com'] })),
    ),
    smtp_password: Type.Optional(
      Nullable(
        Type.String({
          maxLength: 1000,
          description: 'Kept sealed, never returned; null forgets it',
          examples: ['app-password-from-your-mail-provider'],
        }),
      ),
    ),
    from_address: Type.Optional(
      Nullable(
        Type.String({ minLength: 3, maxLength: 320, examples: ['Sales <sales@example.com>'] }),
      ),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

const { limit, cursor, count } = ListQueryBase;
const EmailListQuery = Type.Object(
  {
    limit,
    cursor,
    count,
    lead_id: Type.Optional(Uuid),
    account_id: Type.Optional(Uuid),
    contact_id: Type.Optional(Uuid),
    deal_id: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const emailRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const security = [{ bearerAuth: [] }];
  const tags = ['emails'];

  app.get(
    '/emails',
    {
      schema: {
        tags,
        security,
        summary: "A record's emails, sent and received, newest first",
        description: `Give exactly one of ${ATTACHMENT_CHOICES}.`,
        querystring: EmailListQuery,
        response: { 200: pageOf(EmailSchema), ...errors(400, 401) },
      },
    },
    async (request) => {
      const { limit, cursor, count, ...record } = request.query;
      return emails.listEmails(contextOf(request), { limit, cursor, count }, record);
    },
  );

  app.post(
    '/emails',
    {
      schema: {
        tags,
        security,
        summary: `Send an email from one record: one of ${ATTACHMENT_CHOICES}`,
        description: `Stored \`queued\` and sent by a job (retried with backoff), then \`sent\` or \`failed\`. \`to\` defaults to the record's address (a deal's primary contact). The email is logged on the record and on every lead and contact with that address. Refused (422 \`do_not_contact\`) when the person asked not to be contacted; 409 when no mail server is set. ${MERGE_HELP}`,
        body: Draft,
        response: { 201: EmailSchema, ...errors(401, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await emails.sendEmail(contextOf(request), request.body)),
  );

  app.post(
    '/emails/preview',
    {
      schema: {
        tags,
        security,
        summary: 'Render an email for a record without sending it',
        description: MERGE_HELP,
        body: Draft,
        response: { 200: PreviewSchema, ...errors(401, 422) },
      },
    },
    async (request) => emails.previewEmail(contextOf(request), request.body),
  );

  app.get(
    '/emails/:email_id',
    {
      schema: {
        tags,
        security,
        summary: 'One email',
        params: Type.Object({ email_id: Uuid }),
        response: { 200: EmailSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) => emails.getEmail(contextOf(request), request.params.email_id),
  );

  app.get(
    '/email-templates',
    {
      schema: {
        tags,
        security,
        summary: "The organization's email templates, by name",
        response: { 200: Type.Object({ data: Type.Array(TemplateSchema) }), ...errors(401) },
      },
    },
    async (request) => ({ data: await templates.listTemplates(contextOf(request)) }),
  );

  app.post(
    '/email-templates',
    {
      schema: {
        tags,
        security,
        summary: 'Write an email template (admins)',
        description: MERGE_HELP,
        body: Type.Object(TemplateWrite, { additionalProperties: false }),
        response: { 201: TemplateSchema, ...errors(401, 403, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await templates.createTemplate(contextOf(request), request.body)),
  );

  const TemplateParams = Type.Object({ email_template_id: Uuid });

  app.get(
    '/email-templates/:email_template_id',
    {
      schema: {
        tags,
        security,
        summary: 'One email template',
        params: TemplateParams,
        response: { 200: TemplateSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) => templates.getTemplate(contextOf(request), request.params.email_template_id),
  );

  app.patch(
    '/email-templates/:email_template_id',
    {
      schema: {
        tags,
        security,
        summary: 'Change an email template (admins)',
        params: TemplateParams,
        body: Type.Partial(Type.Object(TemplateWrite, { additionalProperties: false }), {
          minProperties: 1,
        }),
        response: { 200: TemplateSchema, ...errors(400, 401, 403, 404, 422) },
      },
    },
    async (request) =>
      templates.updateTemplate(contextOf(request), request.params.email_template_id, request.body),
  );

  app.delete(
    '/email-templates/:email_template_id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete an email template (admins)',
        params: TemplateParams,
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await templates.deleteTemplate(contextOf(request), request.params.email_template_id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/email-settings',
    {
      schema: {
        tags,
        security,
        summary: "The organization's mail server and logging address (admins)",
        response: { 200: SettingsSchema, ...errors(401, 403) },
      },
    },
    async (request) => settings.getEmailSettings(contextOf(request)),
  );

  app.patch(
    '/email-settings',
    {
      schema: {
        tags,
        security,
        summary: "Set the organization's mail server (admins)",
        description:
          'Without a host, email goes through the instance’s server (SMTP_URL). The password is kept sealed and never returned.',
        body: SettingsUpdate,
        response: { 200: SettingsSchema, ...errors(401, 403, 422) },
      },
    },
    async (request) => settings.updateEmailSettings(contextOf(request), request.body),
  );

  app.post(
    '/email-settings/logging-address',
    {
      schema: {
        tags,
        security,
        summary: 'Make a new logging address (admins); the old one is refused from now on',
        response: { 200: SettingsSchema, ...errors(401, 403) },
      },
    },
    async (request) => settings.rotateLoggingAddress(contextOf(request)),
  );
};
