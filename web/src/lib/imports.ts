import { call, client, type ApiQuery, type ApiResult } from './api';
import { RECORD_KINDS } from './records';

export type Import = ApiResult<'/api/v1/imports/{import_id}', 'get'>;
export type ImportKind = Import['kind'];
export type DryRun = ApiResult<'/api/v1/imports/{import_id}/dry-run', 'get'>;
export type Template = ApiResult<'/api/v1/import-templates', 'get'>['data'][number];

/** The kinds a file can be imported as, with the list each lands in. */
export const kindOptions: { value: ImportKind; label: string; list: string }[] = RECORD_KINDS.map(
  (kind) => ({
    value: kind.kind,
    label: kind.label.many.charAt(0).toUpperCase() + kind.label.many.slice(1),
    list: `/${kind.path}`,
  }),
);

export type ImportEncoding = NonNullable<ApiQuery<'/api/v1/imports', 'post'>['encoding']>;

/** The encodings a file can be read in: detected, or chosen when detection gets it wrong. */
export const encodingOptions: { value: ImportEncoding; label: string }[] = [
  { value: 'auto', label: 'Detect it' },
  { value: 'utf-8', label: 'UTF-8' },
  { value: 'utf-16le', label: 'UTF-16 (little-endian, Windows "Unicode text")' },
  { value: 'utf-16be', label: 'UTF-16 (big-endian)' },
  { value: 'windows-1252', label: 'Windows-1252 (Western European, older Excel "CSV")' },
];

export function isKind(value: string | null): value is ImportKind {
  return kindOptions.some((kind) => kind.value === value);
}

/** Sends the file as the request body, the way the API reads it: as a stream, not a form. */
export function uploadImport(
  kind: ImportKind,
  file: File,
  encoding: ImportEncoding = 'auto',
): Promise<Import> {
  return call(
    client.POST('/api/v1/imports', {
      params: { query: { kind, file_name: file.name, encoding } },
      body: file as never,
      bodySerializer: (body: unknown) => body as File,
      headers: { 'content-type': 'text/csv' },
    }),
  );
}

/** An import still moving (a large file's dry run, or the run): the page follows its progress. */
export function isActive(status: Import['status']): boolean {
  return status === 'checking' || status === 'queued' || status === 'running';
}

export const statusLabels: Record<Import['status'], string> = {
  uploaded: 'Not run yet',
  checking: 'Being checked',
  queued: 'Queued',
  running: 'Running',
  completed: 'Completed',
  cancelled: 'Cancelled',
  failed: 'Failed',
  undone: 'Undone',
};
