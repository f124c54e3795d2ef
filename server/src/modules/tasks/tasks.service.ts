import { withTenant, type Tx } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import { invalidField, NotFoundError, requireVersion } from '../../lib/errors.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { ListPage, ListParams } from '../../lib/list-query.js';
import { notifyAssignment } from '../notifications/notify.js';
import {
  attachmentColumns,
  mentionsAttachment,
  splitAttachment,
  type AttachmentField,
  type AttachmentInput,
} from '../records/attachments.js';
import { timeZoneNamed, unknownTimeZone } from '../../lib/time-zones.js';
import { requireCanManageTask } from '../records/permissions.js';
import * as repo from './tasks.repo.js';
import { TASK_VIEWS } from './tasks.schemas.js';

export type Task = repo.TaskRow;

export type TaskInput = Omit<repo.TaskWrite, AttachmentField | 'due_notified_at'> & AttachmentInput;

export type TaskListFilters = Omit<repo.TaskFilters, 'view' | 'deal_id'> & {
  mine?: boolean;
  view?: (typeof TASK_VIEWS)[number];
  tz?: string;
  deal_id?: string;
};

/** Columns from the API's fields; naming any record replaces the attachment. */
function normalize(input: TaskInput): repo.TaskWrite {
  const { attachment, rest: values } = splitAttachment(input);
  const title = values.title?.trim();
  if (title === '') throw invalidField('title', 'must not be blank');
  return {
    ...values,
    ...(title !== undefined && { title }),
    ...(mentionsAttachment(attachment) && attachmentColumns(attachment, { required: false })),
  };
}

const assignedTitle = (task: { title: string }) => `Task "${task.title}" was assigned to you`;

/** A task's pending due reminder is keyed by this and the task's id: one per task. */
export const DUE_REMINDER_KEY = 'task-due:';

/**
 * Schedules the reminder for when the task falls due. The job key makes a later change of the
 * due date or the assignee move the one pending reminder instead of adding another.
 */
function scheduleDueReminder(tx: Tx, orgId: string, task: repo.TaskRow): Promise<void> {
  if (!task.due_at || !task.assignee_id) return Promise.resolve();
  return enqueueJob(
    tx,
    'task__due',
    { org_id: orgId, task_id: task.id },
    { runAt: task.due_at, jobKey: `${DUE_REMINDER_KEY}${task.id}` },
  );
}

function sameMoment(value: string | Date | null | undefined, moment: Date | null): boolean {
  if (value == null || moment === null) return value == null && moment === null;
  return new Date(value).getTime() === moment.getTime();
}

export function listTasks(
  ctx: RequestContext,
  params: ListParams,
  query: TaskListFilters,
): Promise<ListPage<Task>> {
  const { mine, view, tz, deal_id, ...filters } = query;
  const timeZone = timeZoneNamed(tz ?? 'UTC');
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const page = await repo.listTasks(tx, params, {
      ...filters,
      ...(deal_id && { deal_id: deal_id }),
      ...(view && { view: { name: view, timeZone } }),
      ...(mine && { assignee_id: ctx.userId }),
    });
    return { ...page, data: page.data };
  }).catch((error: { code?: string }) => {
    // Node and PostgreSQL each carry their own copy of the time zone database, and the two
    // can disagree about a zone added recently; the time zone is the only parameter of
    // this query PostgreSQL answers with invalid_parameter_value.
    if (error.code === '22023') throw unknownTimeZone();
    throw error;
  });
}

export function getTask(ctx: RequestContext, id: string): Promise<Task> {
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const row = await repo.findTask(tx, id);
    if (!row) throw new NotFoundError('Task');
    return row;
  });
}

export function createTask(
  ctx: RequestContext,
  input: TaskInput & { title: string },
): Promise<Task> {
  const values = normalize(input);
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const row = await repo.insertTask(tx, ctx.orgId, ctx.userId, {
      ...values,
      title: input.title.trim(),
      assignee_id: values.assignee_id === undefined ? ctx.userId : values.assignee_id,
    });
    await notifyAssignment(tx, ctx, {
      kind: 'task_assigned',
      recordType: 'task',
      recordId: row.id,
      title: assignedTitle(row),
      assigneeId: row.assignee_id,
    });
    await scheduleDueReminder(tx, ctx.orgId, row);
    return row;
  });
}

export function updateTask(
  ctx: RequestContext,
  id: string,
  input: TaskInput,
  ifMatch?: readonly string[],
): Promise<Task> {
  const values = normalize(input);
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    const before = await repo.findTask(tx, id, { lock: true });
    if (!before) throw new NotFoundError('Task');
    await requireVersion(ifMatch, before, async () => before);
    if (values.assignee_id !== undefined && values.assignee_id !== before.assignee_id)
      requireCanManageTask(member, before, 'reassign');
    const reschedule =
      (values.due_at !== undefined && !sameMoment(values.due_at, before.due_at)) ||
      (values.assignee_id !== undefined && values.assignee_id !== before.assignee_id);
    const row = await repo.updateTask(tx, id, {
      ...values,
      // A new date or a new assignee deserves its own reminder.
      ...(reschedule && { due_notified_at: null }),
    });
    if (!row) throw new NotFoundError('Task');
    await notifyAssignment(tx, ctx, {
      kind: 'task_assigned',
      recordType: 'task',
      recordId: id,
      title: assignedTitle(row),
      assigneeId: row.assignee_id,
      previousAssigneeId: before.assignee_id,
    });
    if (reschedule) await scheduleDueReminder(tx, ctx.orgId, row);
    return row;
  });
}

/** Marks a task done; with `ifMatch`, only while it is still at one of those versions. */
export function completeTask(
  ctx: RequestContext,
  id: string,
  ifMatch?: readonly string[],
): Promise<Task> {
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    // Locked when a version is named, so that the version checked is the one completed.
    const before = await repo.findTask(tx, id, { lock: ifMatch !== undefined });
    if (!before) throw new NotFoundError('Task');
    await requireVersion(ifMatch, before, async () => before);
    return (await repo.completeTask(tx, id)) ?? before;
  });
}

export function deleteTask(
  ctx: RequestContext,
  id: string,
  ifMatch?: readonly string[],
): Promise<void> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    const task = await repo.findTask(tx, id, { lock: true });
    if (!task) throw new NotFoundError('Task');
    await requireVersion(ifMatch, task, async () => task);
    requireCanManageTask(member, task, 'delete');
    await repo.deleteTask(tx, id);
  });
}
