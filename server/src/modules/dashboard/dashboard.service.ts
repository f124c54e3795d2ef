import { LEAD_STATUSES, type LeadStatus, type Source } from '../../db/schema.js';
import { withTenant, type Member, type Tx } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import { invalidField, NotFoundError } from '../../lib/errors.js';
import { timeZoneNamed } from '../../lib/time-zones.js';
import { recentChanges } from '../audit/audit.service.js';
import { Source as SourceSchema } from '../records/schemas.js';
import { orgCurrency } from '../orgs/orgs.service.js';
import { CRM_TABLES, type RecordKind } from '../records/registry.js';
import * as repo from './dashboard.repo.js';

/** Every source a lead can have, then none. */
const LEAD_SOURCES: ReadonlyArray<Source | null> = [...(SourceSchema.enum as Source[]), null];

export const TASK_LIST_LIMIT = 20;
export const ACTIVITY_LIMIT = 20;
export const FORECAST_MONTHS = 6;

export interface DashboardInput {
  from?: string;
  to?: string;
  pipeline_id?: string;
  tz?: string;
}

interface Total {
  count: number;
  amount: number;
}

interface TaskItem {
  id: string;
  title: string;
  due_at: Date;
  priority: string;
  status: string;
  record: { type: RecordKind; id: string } | null;
}

interface TaskList {
  data: TaskItem[];
  total: number;
}

interface Activity {
  id: number;
  occurred_at: string;
  actor: { id: string; name: string | null } | null;
  action: string;
  table_name: string | null;
  record_id: string | null;
  fields: string[];
}

export interface Dashboard {
  period: { from: Date; to: Date; tz: string };
  pipeline: {
    id: string;
    name: string;
    stages: Array<{ stage_id: string; name: string; count: number; amount: number }>;
  } | null;
  deals: { won: Total; lost: Total };
  forecast: {
    currency: string;
    months: Array<{ month: string; count: number; amount: number; weighted: number }>;
    other_currency_deals: number;
  };
  leads: {
    created: { from: Date; to: Date };
    by_status: Array<{ status: LeadStatus; count: number }>;
    by_source: Array<{ source: Source | null; count: number }>;
  };
  tasks: { due_today: TaskList; overdue: TaskList };
  recent_activity: Activity[];
}

function checkDate(field: 'from' | 'to', value: string | undefined): string | undefined {
  // PostgreSQL counts no year 0: it would refuse 0000-01-01 without naming the field.
  if (value?.startsWith('0000'))
    throw invalidField(field, 'must be a date from year 1 on', 'malformed');
  return value;
}

function taskList(rows: repo.TaskDue[]): TaskList {
  return {
    data: rows.map(({ total: _total, record_type, record_id, ...task }) => ({
      ...task,
      record: record_type && record_id ? { type: record_type, id: record_id } : null,
    })),
    total: rows[0]?.total ?? 0,
  };
}

/**
 * The organization's last changes to the records every member may open (leads, accounts,
 * contacts, deals, tasks, notes), with the names of who acted. Memberships, invitations, the
 * outbox, notifications and security events are for the admins who read the audit log.
 */
async function recentActivity(tx: Tx, member: Member): Promise<Activity[]> {
  const entries = await recentChanges(tx, member.orgId, CRM_TABLES, ACTIVITY_LIMIT);
  return entries.map(({ changes, ...entry }) => ({ ...entry, fields: Object.keys(changes) }));
}

const total = (row: { count: number; amount: string } | undefined): Total => ({
  count: row?.count ?? 0,
  amount: Number(row?.amount ?? 0),
});

export function dashboard(ctx: RequestContext, input: DashboardInput): Promise<Dashboard> {
  const tz = timeZoneNamed(input.tz ?? 'UTC');
  const from = checkDate('from', input.from);
  const to = checkDate('to', input.to);
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    const { period, today } = await repo.clock(tx, { from, to, tz });
    if (period.from >= period.to)
      throw invalidField(
        to === undefined ? 'from' : 'to',
        'the period must not be empty',
        'malformed',
      );
    const pipeline = await repo.findPipeline(tx, input.pipeline_id);
    if (!pipeline && input.pipeline_id) throw new NotFoundError('Pipeline');

    const stages = pipeline ? await repo.openStageValues(tx, pipeline.id) : [];
    const closed = pipeline ? await repo.closedDeals(tx, pipeline.id, period) : [];
    const byStatus = await repo.leadsByStatus(tx, LEAD_STATUSES, period);
    const bySource = await repo.leadsBySource(tx, LEAD_SOURCES, period);
    const currency = await orgCurrency(tx, ctx.orgId);
    const forecast = await repo.weightedForecast(tx, ctx.orgId, {
      currency,
      tz,
      months: FORECAST_MONTHS,
    });
    const dueToday = await repo.tasksDue(tx, ctx.userId, today, TASK_LIST_LIMIT);
    const overdue = await repo.tasksDue(
      tx,
      ctx.userId,
      { from: null, to: today.from },
      TASK_LIST_LIMIT,
    );

    return {
      period: { ...period, tz },
      pipeline: pipeline
        ? {
            ...pipeline,
            stages: stages.map((stage) => ({ ...stage, amount: Number(stage.amount) })),
          }
        : null,
      deals: {
        won: total(closed.find((row) => row.kind === 'won')),
        lost: total(closed.find((row) => row.kind === 'lost')),
      },
      forecast: {
        currency,
        months: forecast.months.map((month) => ({
          ...month,
          amount: Number(month.amount),
          weighted: Number(month.weighted),
        })),
        other_currency_deals: forecast.other_currency,
      },
      leads: {
        created: period,
        by_status: byStatus.map(({ value, count }) => ({ status: value!, count })),
        by_source: bySource.map(({ value, count }) => ({ source: value, count })),
      },
      tasks: { due_today: taskList(dueToday), overdue: taskList(overdue) },
      recent_activity: await recentActivity(tx, member),
    };
  });
}
