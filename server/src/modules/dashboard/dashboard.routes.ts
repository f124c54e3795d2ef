import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../http/context.js';
import { errors, Timestamp, Uuid } from '../../http/schemas.js';
import { Nullable, Source } from '../records/schemas.js';
import { RECORD_KIND_NAMES } from '../records/registry.js';
import * as dashboards from './dashboard.service.js';
import { LEAD_STATUSES } from '../../db/schema.js';

const DashboardQuery = Type.Object(
  {
    from: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'Start of the period (inclusive); the start of the current month by default',
        examples: ['2026-01-01T00:00:00Z'],
      }),
    ),
    to: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'End of the period (exclusive); the start of next month by default',
        examples: ['2026-02-01T00:00:00Z'],
      }),
    ),
    pipeline_id: Type.Optional(
      Type.String({
        format: 'uuid',
        description: "The pipeline to show; the organization's default one when absent",
        examples: ['0f8fad5b-d9cb-469f-a165-70867728950e'],
      }),
    ),
    tz: Type.Optional(
      Type.String({
        maxLength: 64,
        description: 'Time zone of "today" and of the default month (IANA name); UTC by default',
        examples: ['Europe/Paris'],
      }),
    ),
  },
  { additionalProperties: false },
);

const Total = Type.Object({ count: Type.Integer(), amount: Type.Number() });

const TaskList = Type.Object({
  data: Type.Array(
    Type.Object({
      id: Uuid,
      title: Type.String(),
      due_at: Timestamp,
      priority: Type.String(),
      status: Type.String(),
      record: Nullable(
        Type.Object(
          { type: Type.Enum(RECORD_KIND_NAMES), id: Uuid },
          {
            description: 'The record the task is about',
          },
        ),
      ),
    }),
  ),
  total: Type.Integer({ description: 'How many there are in all' }),
});

const DashboardSchema = Type.Object(
  {
    period: Type.Object({ from: Timestamp, to: Timestamp, tz: Type.String() }),
    pipeline: Nullable(
      Type.Object({
        id: Uuid,
        name: Type.String(),
        stages: Type.Array(
          Type.Object({
            stage_id: Uuid,
            name: Type.String(),
            count: Type.Integer(),
            amount: Type.Number(),
          }),
          { description: 'Open stages in board order: their deals and the sum of their amounts' },
        ),
      }),
    ),
    deals: Type.Object(
      { won: Total, lost: Total },
      { description: "The pipeline's deals closed in the period, by the kind of their stage" },
    ),
    forecast: Type.Object(
      {
        currency: Type.String({ description: 'The organization currency (ISO 4217)' }),
        months: Type.Array(
          Type.Object({
            month: Type.String({ format: 'date', description: 'First day of the month' }),
            count: Type.Integer(),
            amount: Type.Number(),
            weighted: Type.Number({
              description: "Sum of each deal's amount × its stage's win probability",
            }),
          }),
          { description: `This month and the next ${dashboards.FORECAST_MONTHS - 1}, each listed` },
        ),
        other_currency_deals: Type.Integer({
          description: 'Open deals of these months in another currency, left out (not converted)',
        }),
      },
      {
        description:
          'Weighted forecast: open deals of every pipeline in the organization currency, by the month (in `tz`) of their expected close date',
      },
    ),
    leads: Type.Object(
      {
        created: Type.Object(
          { from: Timestamp, to: Timestamp },
          { description: 'The period the counts cover: leads created in [from, to)' },
        ),
        by_status: Type.Array(
          Type.Object({ status: Type.Enum(LEAD_STATUSES), count: Type.Integer() }),
        ),
        by_source: Type.Array(Type.Object({ source: Nullable(Source), count: Type.Integer() })),
      },
      {
        description:
          'Leads created in the period (`created`), by their status and source now; every status and source listed',
      },
    ),
    tasks: Type.Object(
      { due_today: TaskList, overdue: TaskList },
      { description: `Your unfinished tasks, the first ${dashboards.TASK_LIST_LIMIT} by due time` },
    ),
    recent_activity: Type.Array(
      Type.Object({
        id: Type.Integer(),
        occurred_at: Timestamp,
        actor: Nullable(Type.Object({ id: Uuid, name: Nullable(Type.String()) })),
        action: Type.String(),
        table_name: Nullable(Type.String()),
        record_id: Nullable(Uuid),
        fields: Type.Array(Type.String(), { description: 'The columns the change touched' }),
      }),
      {
        description: `The last ${dashboards.ACTIVITY_LIMIT} changes to leads, accounts, contacts, deals, tasks and notes, newest first`,
      },
    ),
  },
  { $id: 'Dashboard' },
);

export const dashboardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/dashboard',
    {
      schema: {
        tags: ['dashboard'],
        security: [{ bearerAuth: [] }],
        summary:
          'Pipeline value, weighted forecast, deals won and lost, leads, your tasks and recent activity',
        description:
          'Pipeline and won/lost amounts are summed as stored, whatever their currency; the forecast counts the organization currency only. A pipeline of another organization is 404.',
        querystring: DashboardQuery,
        response: { 200: DashboardSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) => dashboards.dashboard(contextOf(request), request.query),
  );
};
