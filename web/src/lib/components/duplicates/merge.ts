import { call, client } from '$lib/api';

/** The kinds whose records are grouped as likely duplicates and merged. */
export type MergeKind = 'lead' | 'contact' | 'account';

export interface DuplicateGroup {
  reason: 'email' | 'name' | 'domain' | 'phone';
  key: string;
  size: number;
  records: Array<{ id: string; title: string; subtitle: string | null; owner_id: string | null }>;
}

export type MergeRecord = { id: string } & Record<string, unknown>;

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
]);

/** The fields whose values differ between the records: what a person chooses among. */
export function differingFields(records: MergeRecord[]): string[] {
  const fields = Object.keys(records[0] ?? {}).filter((field) => !NOT_CHOSEN.has(field));
  return fields.filter(
    (field) => new Set(records.map((record) => JSON.stringify(record[field] ?? null))).size > 1,
  );
}

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
  body: { survivor_id: string; merged_ids: string[]; values: Record<string, string> },
): Promise<{ survivor_id: string }> {
  return call(client.POST(`/api/v1/${path}/merge` as '/api/v1/contacts/merge', { body }));
}
