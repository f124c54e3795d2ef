import { call, client, type ApiBody, type ApiResult } from '$lib/api';
import type { Tone } from '$lib/components/Badge.svelte';
import { directory } from '$lib/directory.svelte';
import { formatDate, formatMoney } from '$lib/format';
import { labelOf } from '$lib/leads';
import { createdColumn, tagsColumn, type Column as ListColumn } from '$lib/list.svelte';
import { session } from '$lib/session.svelte';

// The generated schema marks the shared Deal object nullable (a convert answer may have none).
export type Deal = NonNullable<ApiResult<'/api/v1/deals/{deal_id}', 'get'>>;
export type DealInput = ApiBody<'/api/v1/deals', 'post'>;
export type DealPatch = ApiBody<'/api/v1/deals/{deal_id}', 'patch'>;
export type Pipeline = ApiResult<'/api/v1/pipelines', 'get'>['data'][number];
export type Stage = Pipeline['stages'][number];
type RawBoard = ApiResult<'/api/v1/pipelines/{pipeline_id}/board', 'get'>;
export type Column = Omit<RawBoard['stages'][number], 'deals'> & { deals: Deal[] };
export type Board = Omit<RawBoard, 'stages'> & { stages: Column[] };
export type StageKind = Stage['kind'];
export type AccountOption = ApiResult<'/api/v1/accounts', 'get'>['data'][number];
export type ContactOption = ApiResult<'/api/v1/contacts', 'get'>['data'][number];

export const statusOptions: { value: StageKind; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'won', label: 'Won' },
  { value: 'lost', label: 'Lost' },
];

/** The organization's pipelines, read once per organization and shared by the deal pages. */
let pipelines: { orgId: string | undefined; list: Promise<Pipeline[]> } | null = null;

export function loadPipelines(fresh = false): Promise<Pipeline[]> {
  const orgId = session.me?.org.id;
  if (!pipelines || fresh || pipelines.orgId !== orgId) {
    const list = call(client.GET('/api/v1/pipelines')).then((answer) => answer.data);
    const entry = { orgId, list };
    pipelines = entry;
    list.catch(() => {
      if (pipelines === entry) pipelines = null;
    });
  }
  return pipelines.list;
}

/** Accounts to choose from in a form (the first 200 by name). */
export function loadAccounts(): Promise<AccountOption[]> {
  return call(
    client.GET('/api/v1/accounts', { params: { query: { limit: 200, sort: 'name' } } }),
  ).then((answer) => answer.data);
}

/** Contacts to choose from, those of one account when it is given. */
export function loadContacts(accountId: string | null): Promise<ContactOption[]> {
  const query = { limit: 200, ...(accountId ? { account_id: accountId } : {}) };
  return call(client.GET('/api/v1/contacts', { params: { query } })).then((answer) => answer.data);
}

export function contactName(contact: { first_name: string; last_name: string }): string {
  return `${contact.first_name} ${contact.last_name}`.trim();
}

/** A column's or a badge's colours by the kind of stage: won green, lost red. */
export function kindTone(kind: StageKind): string {
  if (kind === 'won')
    return 'border-emerald-300 bg-emerald-50/70 dark:border-emerald-800 dark:bg-emerald-950/30';
  if (kind === 'lost') return 'border-red-300 bg-red-50/70 dark:border-red-900 dark:bg-red-950/30';
  return 'border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900/60';
}

/** A badge's tone by the kind of stage: won good, lost bad. */
export function kindBadge(kind: StageKind): Tone {
  if (kind === 'won') return 'good';
  if (kind === 'lost') return 'bad';
  return 'accent';
}

/** The deals list's columns; stages are named from the `pipelines` known when shown. */
export function dealColumns(pipelines: () => Pipeline[]): ListColumn<Deal>[] {
  const stageName = (id: string) =>
    pipelines()
      .flatMap((p) => p.stages)
      .find((s) => s.id === id)?.name ?? '';
  return [
    { key: 'name', label: 'Name', sort: 'name', value: (deal) => deal.name },
    {
      key: 'account',
      label: 'Account',
      value: (deal) => deal.account_name ?? '',
    },
    {
      key: 'amount',
      label: 'Amount',
      sort: 'amount',
      value: (deal) => formatMoney(deal.amount, deal.currency),
      exportAs: ['amount', 'currency'],
    },
    {
      key: 'stage',
      label: 'Stage',
      value: (deal) => stageName(deal.stage_id),
      exportAs: ['pipeline', 'stage'],
    },
    { key: 'status', label: 'Status', value: (deal) => labelOf(statusOptions, deal.status) },
    { key: 'owner', label: 'Owner', value: (deal) => directory.memberName(deal.owner_id) },
    {
      key: 'close',
      label: 'Close date',
      sort: 'expected_close_date',
      value: (deal) => formatDate(deal.expected_close_date),
      exportAs: ['expected_close_date'],
    },
    {
      key: 'probability',
      label: 'Probability',
      value: (deal) => `${deal.probability}%`,
      visible: false,
    },
    tagsColumn(),
    createdColumn({ visible: false }),
  ];
}
