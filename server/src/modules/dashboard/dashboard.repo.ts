import { sql } from 'kysely';
import type { LeadStatus, RecordType, Source } from '../../db/schema.js';
import { orgOf, type Tx } from '../../db/tenant.js';
import { RECORD_KIND_LIST } from '../records/registry.js';

/** A half-open interval of time, `[from, to)`, as ISO strings the database parses. */
export interface Period {
  from: string;
  to: string;
}

export interface DashboardClock {
  period: { from: Date; to: Date };
  today: { from: Date; to: Date };
}

/**
 * The period, `from` and `to` each defaulting to the current month's bounds, and today, both in
 * the time zone `tz`, which the caller has checked is a zone name.
 */
export async function clock(
  tx: Tx,
  input: { from?: string; to?: string; tz: string },
): Promise<DashboardClock> {
  const { rows } = await sql<{ from: Date; to: Date; today_from: Date; today_to: Date }>`
    SELECT coalesce(${input.from ?? null}::timestamptz, month_start) AS "from",
      coalesce(${input.to ?? null}::timestamptz, month_start + interval '1 month') AS "to",
      day_start AS today_from, day_start + interval '1 day' AS today_to
    FROM (SELECT date_trunc('month', now(), ${input.tz}) AS month_start,
                 date_trunc('day', now(), ${input.tz}) AS day_start) bounds`.execute(tx);
  const row = rows[0]!;
  return {
    period: { from: row.from, to: row.to },
    today: { from: row.today_from, to: row.today_to },
  };
}

/** The pipeline asked for, or the organization's default one (else its first). */
export function findPipeline(
  tx: Tx,
  pipelineId: string | undefined,
): Promise<{ id: string; name: string } | undefined> {
  let query = tx.selectFrom('pipelines').select(['id', 'name']);
  query = pipelineId
    ? query.where('id', '=', pipelineId)
    : query.orderBy('is_default', 'desc').orderBy('position').orderBy('created_at');
  return query.limit(1).executeTakeFirst();
}

export interface StageValue {
  stage_id: string;
  name: string;
  count: number;
  /** numeric, as text */
  amount: string;
}

/** Every open stage of the pipeline, in board order, with the number and value of its deals. */
export async function openStageValues(tx: Tx, pipelineId: string): Promise<StageValue[]> {
  const { rows } = await sql<StageValue>`
    SELECT s.id AS stage_id, s.name, count(o.id)::int AS count, coalesce(sum(o.amount), 0) AS amount
    FROM pipeline_stages s
    LEFT JOIN deals o
      ON o.org_id = s.org_id AND o.pipeline_id = s.pipeline_id AND o.stage_id = s.id
    WHERE s.org_id = ${orgOf(tx)} AND s.pipeline_id = ${pipelineId} AND s.kind = 'open'
    GROUP BY s.id, s.name, s.position
    ORDER BY s.position, s.id`.execute(tx);
  return rows;
}

export interface ClosedDeals {
  kind: 'won' | 'lost';
  count: number;
  amount: string;
}

/** Deals of the pipeline closed in the period and now in a won or lost stage. */
export async function closedDeals(
  tx: Tx,
  pipelineId: string,
  period: DashboardClock['period'],
): Promise<ClosedDeals[]> {
  const { rows } = await sql<ClosedDeals>`
    SELECT kind.kind, count(o.id)::int AS count, coalesce(sum(o.amount), 0) AS amount
    FROM (VALUES ('won'), ('lost')) AS kind (kind)
    LEFT JOIN pipeline_stages s
      ON s.org_id = ${orgOf(tx)} AND s.pipeline_id = ${pipelineId} AND s.kind = kind.kind
    LEFT JOIN deals o
      ON o.org_id = s.org_id AND o.pipeline_id = s.pipeline_id AND o.stage_id = s.id
      AND o.closed_at >= ${period.from} AND o.closed_at < ${period.to}
    GROUP BY kind.kind`.execute(tx);
  return rows;
}

/** Leads created in the period, counted by one of their columns, every possible value listed. */
async function leadCounts<V extends string>(
  tx: Tx,
  column: 'status' | 'source',
  values: ReadonlyArray<V | null>,
  period: DashboardClock['period'],
): Promise<Array<{ value: V | null; count: number }>> {
  const { rows } = await sql<{ value: V | null; count: number }>`
    SELECT v.value, coalesce(counted.count, 0) AS count
    FROM unnest(${values}::text[]) WITH ORDINALITY AS v (value, position)
    LEFT JOIN (
      SELECT ${sql.ref(column)} AS value, count(*)::int AS count
      FROM leads
      WHERE org_id = ${orgOf(tx)} AND created_at >= ${period.from} AND created_at < ${period.to}
      GROUP BY 1
    ) counted ON counted.value IS NOT DISTINCT FROM v.value
    ORDER BY v.position`.execute(tx);
  return rows;
}

export const leadsByStatus = (
  tx: Tx,
  statuses: readonly LeadStatus[],
  period: DashboardClock['period'],
) => leadCounts(tx, 'status', statuses, period);

export const leadsBySource = (
  tx: Tx,
  sources: ReadonlyArray<Source | null>,
  period: DashboardClock['period'],
) => leadCounts(tx, 'source', sources, period);

export interface TaskDue {
  id: string;
  title: string;
  due_at: Date;
  priority: string;
  status: string;
  record_type: RecordType | null;
  record_id: string | null;
  /** How many tasks matched before the limit. */
  total: number;
}

/** The user's unfinished tasks due in `[from, to)` (`from` null: any time before `to`). */
export async function tasksDue(
  tx: Tx,
  userId: string,
  window: { from: Date | null; to: Date },
  limit: number,
): Promise<TaskDue[]> {
  const { rows } = await sql<TaskDue>`
    SELECT id, title, due_at, priority, status,
      CASE ${sql.join(
        RECORD_KIND_LIST.map(
          (kind) =>
            sql`WHEN ${sql.ref(kind.attachmentField)} IS NOT NULL THEN ${sql.lit(kind.kind)}`,
        ),
        sql` `,
      )} END AS record_type,
      coalesce(${sql.join(RECORD_KIND_LIST.map((kind) => sql.ref(kind.attachmentField)))}) AS record_id,
      count(*) OVER ()::int AS total
    FROM tasks
    WHERE org_id = ${orgOf(tx)} AND assignee_id = ${userId} AND status IN ('open', 'in_progress')
      AND due_at >= coalesce(${window.from}::timestamptz, '-infinity') AND due_at < ${window.to}
    ORDER BY due_at, id
    LIMIT ${limit}`.execute(tx);
  return rows;
}

export interface ForecastMonth {
  /** The first day of the month, YYYY-MM-DD. */
  month: string;
  count: number;
  /** numeric, as text */
  amount: string;
  /** numeric, as text: the sum of amount × the probability of each deal's stage */
  weighted: string;
}

/**
 * Open deals in `currency` by the month of their expected close date, the current month and
 * the `months - 1` after it in the time zone `tz`, each month listed. Deals in another
 * currency are counted apart, not converted. Read by ranges on (org_id, expected_close_date)
 * and stages by their full key.
 */
export async function weightedForecast(
  tx: Tx,
  orgId: string,
  input: { currency: string; tz: string; months: number },
): Promise<{ months: ForecastMonth[]; other_currency: number }> {
  const { rows } = await sql<ForecastMonth & { other_currency: number }>`
    WITH bounds AS (
      SELECT (date_trunc('month', now(), ${input.tz}) AT TIME ZONE ${input.tz})::date AS first_month
    ), open_deals AS (
      SELECT date_trunc('month', d.expected_close_date)::date AS month, d.currency, d.amount,
        s.probability
      FROM bounds b
      JOIN deals d ON d.org_id = ${orgId}
        AND d.expected_close_date >= b.first_month
        AND d.expected_close_date < (b.first_month + make_interval(months => ${input.months}))::date
      JOIN pipeline_stages s ON s.org_id = d.org_id AND s.id = d.stage_id AND s.kind = 'open'
    )
    SELECT to_char(m.month, 'YYYY-MM-DD') AS month,
      count(o.amount) FILTER (WHERE o.currency = ${input.currency})::int AS count,
      coalesce(sum(o.amount) FILTER (WHERE o.currency = ${input.currency}), 0) AS amount,
      coalesce(round(sum(o.amount * o.probability / 100.0)
        FILTER (WHERE o.currency = ${input.currency}), 2), 0) AS weighted,
      (SELECT count(*) FROM open_deals x WHERE x.currency <> ${input.currency})::int AS other_currency
    FROM bounds b
    CROSS JOIN LATERAL generate_series(0, ${input.months} - 1) AS step (n)
    CROSS JOIN LATERAL (SELECT (b.first_month + make_interval(months => step.n))::date AS month) m
    LEFT JOIN open_deals o ON o.month = m.month
    GROUP BY m.month
    ORDER BY m.month`.execute(tx);
  return {
    months: rows.map(({ other_currency: _other, ...month }) => month),
    other_currency: rows[0]?.other_currency ?? 0,
  };
}
