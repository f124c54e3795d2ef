import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../http/context.js';
import { errors, Timestamp, Uuid } from '../../http/schemas.js';
import { DateTimeInput } from '../records/schemas.js';
import { TASK_PRIORITIES, TASK_STATUSES, TASK_TYPES } from '../tasks/tasks.schemas.js';
import * as calendar from './calendar.service.js';

const tags = ['calendar'];

const FeedSchema = Type.Object({
  id: Uuid,
  url: Type.String({ description: 'The secret address calendar applications subscribe to' }),
  created_at: Timestamp,
});

const DueTaskSchema = Type.Object({
  id: Uuid,
  title: Type.String(),
  description: Type.String(),
  due_at: Timestamp,
  type: Type.Enum(TASK_TYPES),
  status: Type.Enum(TASK_STATUSES),
  priority: Type.Enum(TASK_PRIORITIES),
  updated_at: Timestamp,
});

/** The caller's calendar: their tasks by due time, and their personal feed address. */
export const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const security = [{ bearerAuth: [] }];

  app.get(
    '/calendar/tasks',
    {
      schema: {
        tags,
        security,
        summary: "The caller's tasks due in a range (a week or a month view)",
        description: `\`to\` is exclusive, and at most ${calendar.MAX_RANGE_DAYS} days after \`from\`.`,
        querystring: Type.Object({ from: DateTimeInput, to: DateTimeInput }),
        response: { 200: Type.Object({ data: Type.Array(DueTaskSchema) }), ...errors(400, 401) },
      },
    },
    async (request) => ({
      data: await calendar.listDueTasks(contextOf(request), {
        from: new Date(request.query.from),
        to: new Date(request.query.to),
      }),
    }),
  );

  app.get(
    '/calendar/feed',
    {
      schema: {
        tags,
        security,
        summary: "The caller's calendar feed in this organization, if there is one",
        response: {
          200: Type.Object({ feed: Type.Union([FeedSchema, Type.Null()]) }),
          ...errors(401),
        },
      },
    },
    async (request) => ({ feed: await calendar.getFeed(contextOf(request)) }),
  );

  app.post(
    '/calendar/feed',
    {
      schema: {
        tags,
        security,
        summary: 'Make a new calendar feed address (ICS) of the caller’s tasks',
        description:
          'Anyone with the address can read the tasks: it is a secret. A new address replaces the previous one, which stops working.',
        response: { 201: FeedSchema, ...errors(401) },
      },
    },
    async (request, reply) => reply.status(201).send(await calendar.createFeed(contextOf(request))),
  );

  app.delete(
    '/calendar/feed',
    {
      schema: {
        tags,
        security,
        summary: 'Revoke the caller’s calendar feed: its address stops working',
        response: { 204: Type.Null(), ...errors(401, 404) },
      },
    },
    async (request, reply) => {
      await calendar.revokeFeed(contextOf(request));
      return reply.status(204).send(null);
    },
  );
};

/** The feed itself, read by calendar applications: the address's secret is the only key. */
export const publicCalendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const rateLimit = { max: app.deps.config.webFormRateLimitPerMinute, timeWindow: '1 minute' };
  app.get(
    '/calendar/:file',
    {
      config: { rateLimit },
      schema: {
        tags,
        summary: 'A calendar feed (iCalendar) of one person’s tasks',
        params: Type.Object({
          file: Type.String({ maxLength: 200, pattern: '\\.ics$', description: '`<token>.ics`' }),
        }),
        response: {
          200: Type.String({ description: 'text/calendar' }),
          ...errors(400, 404, 429),
        },
      },
    },
    async (request, reply) => {
      const token = request.params.file.slice(0, -'.ics'.length);
      const text = await calendar.feedCalendar({ deps: app.deps, ip: request.ip }, token);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(text);
    },
  );
};
