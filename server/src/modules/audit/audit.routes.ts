import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../http/context.js';
import { errors, Uuid } from '../../http/schemas.js';
import * as audit from './audit.service.js';

const Limit = Type.Integer({
  minimum: 1,
  maximum: 200,
  default: audit.DEFAULT_PAGE_SIZE,
  description: 'Entries per page',
});
const Cursor = Type.String({
  minLength: 1,
  maxLength: 200,
  description: 'The next_cursor of the previous page',
});
const DateTime = Type.String({ format: 'date-time', examples: ['2026-01-31T09:00:00Z'] });

const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  occurred_at: Type.String({ format: 'date-time' }),
  actor: Type.Union([
    Type.Object({ id: Uuid, name: Type.Union([Type.String(), Type.Null()]) }),
    Type.Null(),
  ]),
  action: Type.String({
    description:
      'insert, update or delete for a change of a record; auth.login, member.removed... for a security event',
  }),
  table_name: Type.Union([Type.String(), Type.Null()]),
  record_id: Type.Union([Uuid, Type.Null()]),
  changes: Type.Record(Type.String(), Type.Unknown(), {
    description:
      'For a change of a record, { column: { old, new } }, secrets shown as "[redacted]"; for a security event, its details',
  }),
  import_id: Type.Union([Uuid, Type.Null()], {
    description: 'The import that made this change (`GET /imports/{import_id}`), if one did',
  }),
});

const AuditPageSchema = Type.Object({
  data: Type.Array(AuditEntrySchema),
  next_cursor: Type.Union([Type.String(), Type.Null()], {
    description: 'Pass as cursor for the next page; null on the last page',
  }),
});

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const security = [{ bearerAuth: [] }];

  app.get(
    '/audit-log',
    {
      schema: {
        tags: ['audit'],
        summary: "The organization's audit log, newest first (admins and owners)",
        description:
          'Changes of records and security events. Filters combine; `from` is inclusive and `to` exclusive.',
        security,
        querystring: Type.Object(
          {
            record_id: Type.Optional(Uuid),
            actor_id: Type.Optional(Uuid),
            action: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            table_name: Type.Optional(Type.String({ pattern: '^[a-z_][a-z0-9_]{0,62}$' })),
            from: Type.Optional(DateTime),
            to: Type.Optional(DateTime),
            limit: Type.Optional(Limit),
            cursor: Type.Optional(Cursor),
          },
          { additionalProperties: false },
        ),
        response: { 200: AuditPageSchema, ...errors(400, 401, 403) },
      },
    },
    async (request) => audit.listAuditLog(contextOf(request), request.query),
  );

  app.get(
    '/audit-log/records/:record_id',
    {
      schema: {
        tags: ['audit'],
        summary: 'The history of one record, oldest first',
        description:
          'Members read the history of leads, accounts, contacts, deals, tasks and notes; admins and owners that of any row. A record without history the caller may read, or of another organization, is 404.',
        security,
        params: Type.Object({ record_id: Uuid }),
        querystring: Type.Object(
          { limit: Type.Optional(Limit), cursor: Type.Optional(Cursor) },
          { additionalProperties: false },
        ),
        response: { 200: AuditPageSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) =>
      audit.recordHistory(contextOf(request), request.params.record_id, request.query),
  );
};
