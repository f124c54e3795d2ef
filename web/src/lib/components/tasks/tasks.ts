import { call, client, type ApiBody, type ApiResult } from '$lib/api';
import { activity } from '$lib/activity.svelte';
import { optimistic } from '$lib/optimistic';
import type { Tone } from '$lib/components/Badge.svelte';
import { recordPath, type RecordType } from '$lib/records';

export type Task = ApiResult<'/api/v1/tasks', 'get'>['data'][number];
export type TaskInput = ApiBody<'/api/v1/tasks', 'post'>;
export type TaskPatch = ApiBody<'/api/v1/tasks/{task_id}', 'patch'>;
export type Priority = Task['priority'];
export type TaskType = Task['type'];

export const typeOptions: { value: TaskType; label: string }[] = [
  { value: 'call', label: 'Call' },
  { value: 'meeting', label: 'Meeting' },
  { value: 'email', label: 'Email' },
  { value: 'todo', label: 'To-do' },
];

export const priorityOptions: { value: Priority; label: string }[] = [
  { value: 'low', label: 'Low' },
  { value: 'normal', label: 'Normal' },
  { value: 'high', label: 'High' },
  { value: 'urgent', label: 'Urgent' },
];

export type TaskTab = 'mine' | 'today' | 'overdue' | 'upcoming';

/** The tasks page's tabs: the API's `view`, and what each says when it is empty. */
export const taskTabs: { value: TaskTab; label: string; empty: string; hint: string }[] = [
  {
    value: 'mine',
    label: 'Mine',
    empty: 'Nothing on your list',
    hint: 'Tasks assigned to you that are not done yet show here. Create one to plan your next step.',
  },
  {
    value: 'today',
    label: 'Due today',
    empty: 'Nothing due today',
    hint: 'A clear day. Look at what is coming up, or plan a follow-up for today.',
  },
  {
    value: 'overdue',
    label: 'Overdue',
    empty: 'Nothing overdue',
    hint: 'You are on top of things: every task with a past due time is done.',
  },
  {
    value: 'upcoming',
    label: 'Upcoming',
    empty: 'Nothing planned after today',
    hint: 'Plan the next call or email so nothing slips.',
  },
];

export function priorityTone(priority: Priority): Tone {
  if (priority === 'urgent') return 'bad';
  if (priority === 'high') return 'warn';
  if (priority === 'low') return 'neutral';
  return 'info';
}

/** The record a task is attached to, if any. */
export function relatedOf(task: Task): { type: RecordType; id: string } | null {
  if (task.lead_id) return { type: 'lead', id: task.lead_id };
  if (task.account_id) return { type: 'account', id: task.account_id };
  if (task.contact_id) return { type: 'contact', id: task.contact_id };
  if (task.deal_id) return { type: 'deal', id: task.deal_id };
  return null;
}

export { recordPath };

/** Passes an answer on after telling the record's timeline that something changed. */
function touched<T>(answer: T): T {
  activity.touch();
  return answer;
}

/**
 * Takes the version a change answers into the task shown, so that what is done next with it
 * (a delete, an edit) names the version it now is, not one its own change left behind.
 */
function versioned(task: Task) {
  return (saved: Task): Task => {
    task.version = saved.version;
    return saved;
  };
}

/** Marks a task done at once; back as it was, with a message, when the API refuses. */
export function completeTask(task: Task): void {
  void optimistic(
    () => {
      const before = { status: task.status, completed_at: task.completed_at };
      task.status = 'done';
      task.completed_at = new Date().toISOString();
      return () => Object.assign(task, before);
    },
    () =>
      call(
        client.POST('/api/v1/tasks/{task_id}/complete', { params: { path: { task_id: task.id } } }),
      )
        .then(touched)
        .then(versioned(task)),
    'Could not complete the task',
  );
}

/** Opens a done task again, at once; back as it was when the API refuses. */
export function reopenTask(task: Task): void {
  void optimistic(
    () => {
      const before = { status: task.status, completed_at: task.completed_at };
      task.status = 'open';
      task.completed_at = null;
      return () => Object.assign(task, before);
    },
    () => updateTask(task.id, { status: 'open' }).then(versioned(task)),
    'Could not reopen the task',
  );
}

/** Changes a task; with `basedOn` (a version) only while the task is still at that version. */
export function updateTask(id: string, body: TaskPatch, basedOn?: string): Promise<Task> {
  const header = basedOn === undefined ? {} : { 'if-match': `"${basedOn}"` };
  return call(
    client.PATCH('/api/v1/tasks/{task_id}', {
      params: { path: { task_id: id }, header },
      body,
    }),
  ).then(touched);
}

/** Deletes a task while it is still at `version`, the one shown. */
export function deleteTask(id: string, version: string): Promise<unknown> {
  return call(
    client.DELETE('/api/v1/tasks/{task_id}', {
      params: { path: { task_id: id }, header: { 'if-match': `"${version}"` } },
    }),
  ).then(touched);
}
