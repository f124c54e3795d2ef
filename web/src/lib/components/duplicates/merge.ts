import { call, client } from '$lib/api';

/** The kinds whose records are grouped as likely duplicates and merged. */
export type MergeKind = 'lead' | 'contact' | 'account';

export interface DuplicateGroup {
  reason: 'email' | 'name' | 'domain' | 'phone';
  key: string;
  size: number;
  records: Array<{ id: string; title: string; subtitle: string | null; owner_id: string | null }>;
}

export type MergeRecord = { id: string; version: string } & Record<string, unknown>;

/** Fields that say how a record came to be, not what it says: not chosen in a merge. */
const NOT_CHOSEN = new Set([
  'id',
  'version',
  'tags',
  'created_at',
  'updated_at',
  'created_by',
  'account_name',
  'converted_at',
  'converted_account_id',
  'converted_contact_id',
  'converted_deal_id',
  // Chosen one field at a time, as `cf.<key>` (see customKey).
  'custom_fields',
]);

/** A custom field among the fields a person chooses from: `cf.<key>`. */
export const customKey = (key: string) => `cf.${key}`;

const differ = (values: unknown[]) =>
  new Set(values.map((value) => JSON.stringify(value ?? null))).size > 1;

/**
 * The fields whose values differ between the records: what a person chooses among. Custom
 * fields are each a field of their own (`cf.<key>`), as the merge takes them one by one.
 */
export function differingFields(records: MergeRecord[]): string[] {
  const fields = Object.keys(records[0] ?? {}).filter((field) => !NOT_CHOSEN.has(field));
  const customOf = (record: MergeRecord) => (record.custom_fields ?? {}) as Record<string, unknown>;
  const keys = Object.keys(records[0] ? customOf(records[0]) : {});
  return [
    ...fields.filter((field) => differ(records.map((record) => record[field]))),
    ...keys.filter((key) => differ(records.map((record) => customOf(record)[key]))).map(customKey),
  ];
}

/** A field's value in a record, a custom field's (`cf.<key>`) included. */
export function valueOf(record: MergeRecord, field: string): unknown {
  if (!field.startsWith('cf.')) return record[field];
  return (record.custom_fields as Record<string, unknown> | undefined)?.[field.slice(3)];
}

/**
 * The merge's `values`: for each field taken from another record than the survivor, that
 * record; custom fields under `custom_fields` by key.
 */
export function chosenValues(taken: Array<[field: string, from: string]>): MergeValues {
  const values: MergeValues = {};
  for (const [field, from] of taken) {
    if (field.startsWith('cf.'))
      values.custom_fields = { ...values.custom_fields, [field.slice(3)]: from };
    else values[field] = from;
  }
  return values;
}

type MergeValues = Record<string, string> & { custom_fields?: Record<string, string> };

export function groupsOf(
  path: string,
  cursor?: string,
): Promise<{ data: DuplicateGroup[]; next_cursor: string | null }> {
  return call(
    client.GET(`/api/v1/${path}/duplicates/groups` as '/api/v1/contacts/duplicates/groups', {
      params: { query: { limit: 25, ...(cursor && { cursor }) } },
    }),
  ) as Promise<{ data: DuplicateGroup[]; next_cursor: string | null }>;
}

export function readRecord(path: string, id: string): Promise<MergeRecord> {
  return call(
    client.GET(`/api/v1/${path}/{contact_id}` as '/api/v1/contacts/{contact_id}', {
      params: { path: { contact_id: id } },
    }),
  ) as Promise<MergeRecord>;
}

export function mergeRecords(
  path: string,
  body: {
    survivor_id: string;
    merged_ids: string[];
    values: MergeValues;
    versions: Record<string, string>;
  },
): Promise<{ survivor_id: string }> {
  return call(client.POST(`/api/v1/${path}/merge` as '/api/v1/contacts/merge', { body }));
}
