import { call, client, type ApiBody, type ApiResult } from '$lib/api';
import { recordPath, type RecordType } from '$lib/records';

export type Task = ApiResult<'/api/v1/tasks', 'get'>['data'][number];
export type TaskInput = ApiBody<'/api/v1/tasks', 'post'>;
export type Priority = Task['priority'];

export const priorityOptions: { value: Priority; label: string }[] = [
  { value: 'low', label: 'Low' },
  { value: 'normal', label: 'Normal' },
  { value: 'high', label: 'High' },
  { value: 'urgent', label: 'Urgent' },
];

export function priorityBadge(priority: Priority): string {
  if (priority === 'urgent') return 'bg-red-100 text-red-800 dark:bg-red-500/20 dark:text-red-200';
  if (priority === 'high')
    return 'bg-amber-100 text-amber-900 dark:bg-amber-500/20 dark:text-amber-200';
  if (priority === 'low') return 'bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300';
  return 'bg-sky-100 text-sky-900 dark:bg-sky-500/20 dark:text-sky-200';
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

export interface RecordChoice {
  id: string;
  label: string;
}

const person = (r: { first_name: string; last_name: string }) =>
  `${r.first_name} ${r.last_name}`.trim();

/** Records of one kind to attach a task to (the first 100). */
export async function loadChoices(type: RecordType): Promise<RecordChoice[]> {
  const query = { limit: 100 };
  switch (type) {
    case 'lead':
      return (await call(client.GET('/api/v1/leads', { params: { query } }))).data.map((r) => ({
        id: r.id,
        label: person(r),
      }));
    case 'account':
      return (await call(client.GET('/api/v1/accounts', { params: { query } }))).data.map((r) => ({
        id: r.id,
        label: r.name,
      }));
    case 'contact':
      return (await call(client.GET('/api/v1/contacts', { params: { query } }))).data.map((r) => ({
        id: r.id,
        label: person(r),
      }));
    case 'deal':
      return (await call(client.GET('/api/v1/deals', { params: { query } }))).data.flatMap((r) =>
        r ? [{ id: r.id, label: r.name }] : [],
      );
  }
}

const names = new Map<string, Promise<string>>();

/** The name of a record a task is attached to, read once and remembered. */
export function recordName(type: RecordType, id: string): Promise<string> {
  let name = names.get(id);
  if (!name) {
    name = readName(type, id).catch(() => '');
    names.set(id, name);
  }
  return name;
}

async function readName(type: RecordType, id: string): Promise<string> {
  switch (type) {
    case 'lead':
      return person(
        await call(client.GET('/api/v1/leads/{lead_id}', { params: { path: { lead_id: id } } })),
      );
    case 'account':
      return (
        await call(
          client.GET('/api/v1/accounts/{account_id}', { params: { path: { account_id: id } } }),
        )
      ).name;
    case 'contact':
      return person(
        await call(
          client.GET('/api/v1/contacts/{contact_id}', { params: { path: { contact_id: id } } }),
        ),
      );
    case 'deal':
      return (
        (await call(client.GET('/api/v1/deals/{deal_id}', { params: { path: { deal_id: id } } })))
          ?.name ?? ''
      );
  }
}
