import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../http/context.js';
import { IfMatchHeaders, ifMatchOf } from '../../http/versions.js';
import { errors, Timestamp, Uuid, VisibleText } from '../../http/schemas.js';
import {
  ATTACHMENT_CHOICES,
  AttachmentProperties,
  AttachmentResponse,
} from '../records/attachments.js';
import {
  DateTimeInput,
  ListQueryBase,
  Nullable,
  pageOf,
  RecordVersion,
} from '../records/schemas.js';
import {
  TASK_PRIORITIES,
  TASK_STATUSES,
  TASK_TYPES,
  TASK_VIEWS,
  taskList,
} from './tasks.schemas.js';
import * as tasks from './tasks.service.js';

const Priority = Type.Enum(TASK_PRIORITIES, { examples: ['high'] });
const Status = Type.Enum(TASK_STATUSES, { examples: ['open'] });
const Kind = Type.Enum(TASK_TYPES, {
  examples: ['call'],
  description: 'What kind of work: a call, a meeting, an email, or anything else to do',
});

export const TaskSchema = Type.Object(
  {
    id: Uuid,
    title: Type.String(),
    description: Type.String(),
    due_at: Nullable(Timestamp),
    priority: Priority,
    type: Kind,
    status: Status,
    assignee_id: Nullable(Uuid),
    ...AttachmentResponse,
    completed_at: Nullable(Timestamp),
    created_at: Timestamp,
    updated_at: Timestamp,
    created_by: Nullable(Uuid),
    version: RecordVersion,
  },
  { $id: 'Task' },
);

const Title = VisibleText({
  maxLength: 300,
  examples: ['Call Ada about the renewal'],
});

const writable = {
  description: Type.Optional(
    Type.String({ maxLength: 20000, examples: ['Ask which plan fits the new team'] }),
  ),
  due_at: Type.Optional(Nullable(DateTimeInput)),
  priority: Type.Optional(Priority),
  type: Type.Optional(Kind),
  status: Type.Optional(Status),
  assignee_id: Type.Optional(Nullable(Uuid)),
  ...AttachmentProperties,
};

const TaskCreate = Type.Object({ ...writable, title: Title }, { additionalProperties: false });
const TaskUpdate = Type.Object(
  { ...writable, title: Type.Optional(Title) },
  { additionalProperties: false, minProperties: 1 },
);

const { limit, cursor, count, created_from, created_to, updated_from, updated_to } = ListQueryBase;

const TaskListQuery = Type.Object(
  {
    limit,
    cursor,
    count,
    created_from,
    created_to,
    updated_from,
    updated_to,
    sort: Type.Optional(
      Type.Enum(
        Object.keys(taskList.sorts).flatMap((s) => [s, `-${s}`]),
        { default: taskList.defaultSort },
      ),
    ),
    assignee_id: Type.Optional(Uuid),
    team_id: Type.Optional(
      Type.Union([Uuid], { description: 'Tasks assigned to a member of this team' }),
    ),
    mine: Type.Optional(
      Type.Boolean({ description: 'Only tasks assigned to you (in place of `assignee_id`)' }),
    ),
    status: Type.Optional(Type.Array(Status, { maxItems: TASK_STATUSES.length })),
    priority: Type.Optional(Priority),
    type: Type.Optional(Type.Array(Kind, { maxItems: TASK_TYPES.length })),
    due_from: Type.Optional(DateTimeInput),
    due_to: Type.Optional(DateTimeInput),
    view: Type.Optional(
      Type.Enum(TASK_VIEWS, {
        description:
          '`today`: due today; `upcoming`: due after today; `overdue`: due before now and not done',
      }),
    ),
    tz: Type.Optional(
      Type.String({
        maxLength: 64,
        pattern: '^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$',
        default: 'UTC',
        examples: ['Europe/Paris'],
        description: 'IANA time zone that decides when today starts and ends for `view`',
      }),
    ),
    lead_id: Type.Optional(Uuid),
    account_id: Type.Optional(Uuid),
    contact_id: Type.Optional(Uuid),
    deal_id: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

const TaskParams = Type.Object({ task_id: Uuid });

export const taskRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const security = [{ bearerAuth: [] }];
  const tags = ['tasks'];

  app.get(
    '/tasks',
    {
      schema: {
        tags,
        security,
        summary: 'List tasks, filtered and sorted, a page at a time',
        description:
          'Pass `next_cursor` back as `cursor` for the next page. `status` may repeat: `?status=open&status=in_progress`. ' +
          'Sorting by `due_at` puts tasks without a due date last.',
        querystring: TaskListQuery,
        response: { 200: pageOf(TaskSchema), ...errors(400, 401) },
      },
    },
    async (request) => {
      const { limit, cursor, sort, count, ...filters } = request.query;
      return tasks.listTasks(
        contextOf(request),
        { limit, cursor, sort, count },
        filters as tasks.TaskListFilters,
      );
    },
  );

  app.post(
    '/tasks',
    {
      schema: {
        tags,
        security,
        summary: 'Create a task, attached to at most one record; it is assigned to you by default',
        body: TaskCreate,
        response: { 201: TaskSchema, ...errors(401, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await tasks.createTask(contextOf(request), request.body)),
  );

  app.get(
    '/tasks/:task_id',
    {
      schema: {
        tags,
        security,
        summary: 'One task',
        params: TaskParams,
        response: { 200: TaskSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) => tasks.getTask(contextOf(request), request.params.task_id),
  );

  app.patch(
    '/tasks/:task_id',
    {
      schema: {
        tags,
        security,
        summary: `Change some fields of a task; naming one of ${ATTACHMENT_CHOICES} replaces what it is attached to`,
        description:
          'Only the task’s creator, its assignee or an admin may give it another `assignee_id` (or none); anyone else is refused with 403 naming the field.',
        params: TaskParams,
        headers: IfMatchHeaders,
        body: TaskUpdate,
        response: { 200: TaskSchema, ...errors(400, 401, 403, 404, 412, 422) },
      },
    },
    async (request) =>
      tasks.updateTask(
        contextOf(request),
        request.params.task_id,
        request.body,
        ifMatchOf(request),
      ),
  );

  app.post(
    '/tasks/:task_id/complete',
    {
      schema: {
        tags,
        security,
        summary: 'Mark a task done; a task already done stays as it is',
        params: TaskParams,
        headers: IfMatchHeaders,
        response: { 200: TaskSchema, ...errors(400, 401, 404, 412) },
      },
    },
    async (request) =>
      tasks.completeTask(contextOf(request), request.params.task_id, ifMatchOf(request)),
  );

  app.delete(
    '/tasks/:task_id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete a task (its creator, its assignee or an admin)',
        params: TaskParams,
        headers: IfMatchHeaders,
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404, 412) },
      },
    },
    async (request, reply) => {
      await tasks.deleteTask(contextOf(request), request.params.task_id, ifMatchOf(request));
      return reply.status(204).send(null);
    },
  );
};
