import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../http/context.js';
import { errors, Uuid } from '../../http/schemas.js';
import * as outbox from './outbox.service.js';
import { EMAIL_STATUSES } from '../../db/schema.js';

const Status = Type.Enum(EMAIL_STATUSES);

export const outboxRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const security = [{ bearerAuth: [] }];

  app.get(
    '/outbox',
    {
      schema: {
        tags: ['outbox'],
        summary: "The organization's outgoing email, newest first",
        description:
          'Admins and owners only. `queued`: not tried yet. `retrying`: the mail server refused or could not be reached; it is tried again at `next_attempt_at`. `sent`: the mail server accepted it. `failed`: every attempt failed, or the mail server refused the message for good (5xx to its recipient or content); the admins were notified. `kept`: no SMTP server is configured, so the message (an invitation link, say) is only here, for an admin to pass on.',
        security,
        querystring: Type.Object(
          {
            limit: Type.Optional(
              Type.Integer({ minimum: 1, maximum: 100, default: outbox.DEFAULT_PAGE_SIZE }),
            ),
            cursor: Type.Optional(
              Type.String({
                minLength: 1,
                maxLength: 200,
                description: 'next_cursor of the page before',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            data: Type.Array(
              Type.Object({
                id: Uuid,
                to: Type.String(),
                subject: Type.String(),
                text: Type.String(),
                kind: Type.String(),
                status: Status,
                attempts: Type.Integer({ minimum: 0, description: 'Delivery attempts so far' }),
                next_attempt_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
                  description: 'When a `retrying` message is tried again',
                }),
                last_error: Type.Union([Type.String(), Type.Null()], {
                  description:
                    'Why the last attempt failed, with the mail server’s answer, while the message is `retrying` or `failed`',
                }),
                created_at: Type.String({ format: 'date-time' }),
                sent_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
              }),
            ),
            next_cursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (request) => outbox.listOutbox(contextOf(request), request.query),
  );

  app.get(
    '/outbox/status',
    {
      schema: {
        tags: ['outbox'],
        summary: 'Whether email leaves the server, or is kept in the outbox',
        security,
        response: {
          200: Type.Object({ smtp_configured: Type.Boolean() }),
          ...errors(401, 403),
        },
      },
    },
    async (request) => outbox.outboxStatus(contextOf(request)),
  );
};
