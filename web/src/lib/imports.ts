import { call, client, type ApiResult } from './api';

export type Import = ApiResult<'/api/v1/imports/{import_id}', 'get'>;
export type ImportKind = Import['kind'];
export type DryRun = ApiResult<'/api/v1/imports/{import_id}/dry-run', 'post'>;
export type Template = ApiResult<'/api/v1/import-templates', 'get'>['data'][number];

export const kindOptions: { value: ImportKind; label: string; list: string }[] = [
  { value: 'lead', label: 'Leads', list: '/leads' },
  { value: 'account', label: 'Accounts', list: '/accounts' },
  { value: 'contact', label: 'Contacts', list: '/contacts' },
  { value: 'deal', label: 'Deals', list: '/deals' },
];

/** The fields a column can go to, by kind, as the import API names them (docs/import-export.md). */
export const importFields: Record<ImportKind, readonly string[]> = {
  lead: [
    'first_name',
    'last_name',
    'email',
    'phone',
    'company',
    'job_title',
    'website',
    'status',
    'source',
    'rating',
    'estimated_value',
    'description',
    'last_contacted_at',
    'next_follow_up_at',
    'owner',
    'tags',
  ],
  account: [
    'name',
    'website',
    'domain',
    'industry',
    'phone',
    'email',
    'employees',
    'annual_revenue',
    'description',
    'owner',
    'tags',
  ],
  contact: [
    'first_name',
    'last_name',
    'email',
    'phone',
    'mobile',
    'job_title',
    'department',
    'account',
    'do_not_contact',
    'description',
    'owner',
    'tags',
  ],
  deal: [
    'name',
    'amount',
    'account',
    'primary_contact',
    'pipeline',
    'stage',
    'expected_close_date',
    'source',
    'description',
    'owner',
    'tags',
  ],
};

/** `first_name` -> `First name` */
export function fieldLabel(field: string): string {
  const words = field.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function isKind(value: string | null): value is ImportKind {
  return kindOptions.some((kind) => kind.value === value);
}

/** Sends the file as the request body, the way the API reads it: as a stream, not a form. */
export function uploadImport(kind: ImportKind, file: File): Promise<Import> {
  return call(
    client.POST('/api/v1/imports', {
      params: { query: { kind, file_name: file.name } },
      body: file as never,
      bodySerializer: (body: unknown) => body as File,
      headers: { 'content-type': 'text/csv' },
    }),
  );
}

/** An import still moving: the page asks for its progress until it stops. */
export function isActive(status: Import['status']): boolean {
  return status === 'queued' || status === 'running';
}

export const statusLabels: Record<Import['status'], string> = {
  uploaded: 'Not run yet',
  queued: 'Queued',
  running: 'Running',
  completed: 'Completed',
  cancelled: 'Cancelled',
  failed: 'Failed',
  undone: 'Undone',
};
