import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../http/context.js';
import { errors, Timestamp, Uuid } from '../../http/schemas.js';
import { ListQueryBase, Nullable, pageOf } from '../records/schemas.js';
import * as notifications from './notifications.service.js';
import { RECORD_KIND_NAMES } from '../records/registry.js';

export const NotificationSchema = Type.Object(
  {
    id: Uuid,
    kind: Type.Enum(['record_assigned', 'task_assigned', 'task_due', 'export_ready']),
    title: Type.String(),
    body: Type.String(),
    record_type: Nullable(Type.Enum([...RECORD_KIND_NAMES, 'task'])),
    record_id: Nullable(Uuid),
    read_at: Nullable(Timestamp),
    created_at: Timestamp,
    created_by: Nullable(Uuid),
  },
  { $id: 'Notification' },
);

const preferenceFields = {
  email_on_assignment: Type.Boolean({
    examples: [true],
    description: 'Email me when someone assigns me a record or a task',
  }),
  email_on_task_due: Type.Boolean({
    examples: [true],
    description: 'Email me when a task of mine falls due',
  }),
  daily_digest: Type.Boolean({
    examples: [false],
    description: 'Email me each morning (07:00 UTC) my tasks due that day or overdue',
  }),
};

const PreferencesSchema = Type.Object(preferenceFields, { $id: 'NotificationPreferences' });
const PreferencesUpdate = Type.Object(preferenceFields, { additionalProperties: false });

const NotificationListQuery = Type.Object(
  {
    limit: ListQueryBase.limit,
    cursor: ListQueryBase.cursor,
    unread: Type.Optional(Type.Boolean({ description: 'Only notifications not read yet' })),
  },
  { additionalProperties: false },
);

const NotificationParams = Type.Object({ notification_id: Uuid });

export const notificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const security = [{ bearerAuth: [] }];
  const tags = ['notifications'];

  app.get(
    '/notifications',
    {
      schema: {
        tags,
        security,
        summary: 'Your notifications in this organization, newest first, a page at a time',
        description: 'Pass `next_cursor` back as `cursor` for the next page.',
        querystring: NotificationListQuery,
        response: { 200: pageOf(NotificationSchema), ...errors(400, 401) },
      },
    },
    async (request) => {
      const { limit, cursor, unread } = request.query;
      return notifications.listNotifications(contextOf(request), { limit, cursor }, { unread });
    },
  );

  app.get(
    '/notifications/unread-count',
    {
      schema: {
        tags,
        security,
        summary: 'How many of your notifications are unread',
        response: { 200: Type.Object({ count: Type.Integer() }), ...errors(401) },
      },
    },
    async (request) => notifications.unreadCount(contextOf(request)),
  );

  app.post(
    '/notifications/:notification_id/read',
    {
      schema: {
        tags,
        security,
        summary: 'Mark one of your notifications read',
        description: 'Marking a notification already read changes nothing.',
        params: NotificationParams,
        response: { 200: NotificationSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) => notifications.markRead(contextOf(request), request.params.notification_id),
  );

  app.post(
    '/notifications/read-all',
    {
      schema: {
        tags,
        security,
        summary: 'Mark all your notifications read',
        response: { 204: Type.Null(), ...errors(401) },
      },
    },
    async (request, reply) => {
      await notifications.markAllRead(contextOf(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/notifications/preferences',
    {
      schema: {
        tags,
        security,
        summary: 'Which emails you get from this organization',
        description: 'Everything is on until you change it.',
        response: { 200: PreferencesSchema, ...errors(401) },
      },
    },
    async (request) => notifications.getPreferences(contextOf(request)),
  );

  app.put(
    '/notifications/preferences',
    {
      schema: {
        tags,
        security,
        summary: 'Choose which emails you get from this organization',
        body: PreferencesUpdate,
        response: { 200: PreferencesSchema, ...errors(401, 422) },
      },
    },
    async (request) => notifications.savePreferences(contextOf(request), request.body),
  );
};
