import { sql, type Selectable, type Updateable } from 'kysely';
import type { TaskPriority, TasksTable, TaskStatus, TaskType } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';
import { runList, type AnyQuery, type ListPage, type ListParams } from '../../lib/list-query.js';
import { applyCommonFilters, type CommonFilters } from '../records/filters.js';
import { followingMerge } from '../merge/merge.service.js';
import { ATTACHMENT_FIELDS } from '../records/attachments.js';
import { rowVersion, type RowVersion } from '../records/owned.repo.js';
import { TASK_STATUSES, TASK_VIEWS, taskList } from './tasks.schemas.js';

export const TASK_COLUMNS = [
  'id',
  'title',
  'description',
  'due_at',
  'priority',
  'type',
  'status',
  'assignee_id',
  ...ATTACHMENT_FIELDS,
  'completed_at',
  'created_at',
  'updated_at',
  'created_by',
] as const;

export type TaskRow = Pick<Selectable<TasksTable>, (typeof TASK_COLUMNS)[number]> & RowVersion;

/** A task's columns and its version, as `tasks` returns them. */
const TASK_SELECTION = [...TASK_COLUMNS, rowVersion('tasks')];

export type TaskWrite = Omit<
  Updateable<TasksTable>,
  'id' | 'org_id' | 'created_at' | 'updated_at' | 'created_by' | 'completed_at'
>;

export interface TaskFilters extends Omit<CommonFilters, 'owner_id' | 'tag_id'> {
  assignee_id?: string;
  status?: TaskStatus[];
  priority?: TaskPriority;
  type?: TaskType[];
  due_from?: string;
  due_to?: string;
  /** With the time zone that decides where today starts and ends. */
  view?: { name: (typeof TASK_VIEWS)[number]; timeZone: string };
  lead_id?: string;
  account_id?: string;
  contact_id?: string;
  deal_id?: string;
}

const OPEN = TASK_STATUSES.filter((s) => s !== 'done');

/** Midnight in `timeZone`, `days` after today's, as a moment. */
function midnight(timeZone: string, days: number) {
  return sql<Date>`(date_trunc('day', now() AT TIME ZONE ${timeZone}) + make_interval(days => ${days})) AT TIME ZONE ${timeZone}`;
}

function applyView(query: AnyQuery, view: NonNullable<TaskFilters['view']>): AnyQuery {
  const due = sql.ref('t.due_at');
  switch (view.name) {
    case 'today':
      return query
        .where(due, '>=', midnight(view.timeZone, 0))
        .where(due, '<', midnight(view.timeZone, 1));
    case 'upcoming':
      return query.where(due, '>=', midnight(view.timeZone, 1));
    case 'overdue':
      return query.where(due, '<', sql<Date>`now()`).where(sql.ref('t.status'), 'in', OPEN);
  }
}

export function listTasks(
  tx: Tx,
  params: ListParams,
  filters: TaskFilters,
): Promise<ListPage<TaskRow>> {
  return runList<TaskRow>(tx, taskList, params, {
    select: (query: AnyQuery) =>
      query.select([...TASK_COLUMNS.map((c) => `t.${c}` as const), rowVersion('t')]),
    filter: (query: AnyQuery) => {
      const col = (name: string) => sql.ref(`t.${name}`);
      let q = applyCommonFilters(query, 't', null, filters, 'assignee_id');
      if (filters.assignee_id) q = q.where(col('assignee_id'), '=', filters.assignee_id);
      if (filters.status?.length) q = q.where(col('status'), 'in', filters.status);
      if (filters.priority) q = q.where(col('priority'), '=', filters.priority);
      if (filters.type?.length) q = q.where(col('type'), 'in', filters.type);
      if (filters.due_from) q = q.where(col('due_at'), '>=', filters.due_from);
      if (filters.due_to) q = q.where(col('due_at'), '<', filters.due_to);
      if (filters.view) q = applyView(q, filters.view);
      for (const column of ATTACHMENT_FIELDS) {
        const id = filters[column];
        if (id) q = q.where(col(column), '=', followingMerge(column, id));
      }
      return q;
    },
  });
}

export function findTask(
  tx: Tx,
  id: string,
  options: { lock?: boolean } = {},
): Promise<TaskRow | undefined> {
  let query = tx.selectFrom('tasks').select(TASK_SELECTION).where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Done tasks carry when they were completed; a task that stays done keeps its moment. */
function completedAt(status: TaskStatus | undefined) {
  if (status === undefined) return {};
  return {
    completed_at:
      status === 'done' ? sql<Date>`coalesce(completed_at, now())` : sql<Date | null>`NULL`,
  };
}

export function insertTask(
  tx: Tx,
  orgId: string,
  userId: string,
  values: TaskWrite & { title: string },
): Promise<TaskRow> {
  return tx
    .insertInto('tasks')
    .values({
      ...values,
      org_id: orgId,
      created_by: userId,
      completed_at: values.status === 'done' ? sql<Date>`now()` : null,
    })
    .returning(TASK_SELECTION)
    .executeTakeFirstOrThrow();
}

export function updateTask(tx: Tx, id: string, values: TaskWrite): Promise<TaskRow | undefined> {
  return tx
    .updateTable('tasks')
    .set({ ...values, ...completedAt(values.status) })
    .where('id', '=', id)
    .returning(TASK_SELECTION)
    .executeTakeFirst();
}

/** Marks a task done unless it already is; undefined when there was nothing to change. */
export function completeTask(tx: Tx, id: string): Promise<TaskRow | undefined> {
  return tx
    .updateTable('tasks')
    .set({ status: 'done', ...completedAt('done') })
    .where('id', '=', id)
    .where('status', '<>', 'done')
    .returning(TASK_SELECTION)
    .executeTakeFirst();
}

export async function deleteTask(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom('tasks').where('id', '=', id).execute();
}

/**
 * Claims a task's due reminder: records that it was sent, if the task is assigned, due, not
 * done and not reminded of yet. The row lock makes a second run of the same job find it claimed.
 */
export function claimDueReminder(
  tx: Tx,
  id: string,
): Promise<{ id: string; title: string; assignee_id: string } | undefined> {
  return tx
    .updateTable('tasks')
    .set({ due_notified_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('status', 'in', OPEN)
    .where('assignee_id', 'is not', null)
    .where('due_at', '<=', sql<Date>`now()`)
    .where('due_notified_at', 'is', null)
    .returning(['id', 'title', 'assignee_id'])
    .executeTakeFirst() as Promise<{ id: string; title: string; assignee_id: string } | undefined>;
}
