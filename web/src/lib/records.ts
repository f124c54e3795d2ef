import { call, client } from './api';
import { RECORD_KINDS, type RecordKind, type RecordType } from './api/record-kinds';

/** The kinds of record, as the API lists them (generated from its OpenAPI document). */
export { RECORD_KINDS, type RecordType };

const byType = Object.fromEntries(RECORD_KINDS.map((kind) => [kind.kind, kind])) as Record<
  RecordType,
  RecordKind
>;

export function recordKind(type: RecordType): RecordKind {
  return byType[type];
}

/** Query keys that say how a list is shown, not which records it holds. */
const NOT_FILTERS = new Set(['sort', 'limit', 'cursor', 'count']);

/**
 * A list's query (text, as the address holds it) as the `filter` of the kind's bulk route, in
 * the JSON types the API takes: `status=new` becomes `["new"]`, `true` becomes `true`.
 */
export function bulkFilter(
  path: RecordKind['path'],
  query: Record<string, string | string[] | undefined>,
): Record<string, string | string[] | boolean> {
  const types: Record<string, string> = RECORD_KINDS.find((kind) => kind.path === path)!.filters;
  const filter: Record<string, string | string[] | boolean> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '' || NOT_FILTERS.has(key)) continue;
    const values = Array.isArray(value) ? value : [value];
    if (types[key] === 'array') filter[key] = values;
    else if (types[key] === 'boolean') filter[key] = values[0] === 'true';
    else filter[key] = values[0]!;
  }
  return filter;
}

/** The address of one record's page. */
export function recordPath(type: RecordType, id: string): string {
  return `/${byType[type].path}/${id}`;
}

export const recordLabel = Object.fromEntries(
  RECORD_KINDS.map((kind) => [kind.kind, kind.label.one]),
) as Record<RecordType, string>;

const person = (r: { first_name: string; last_name: string }) =>
  `${r.first_name} ${r.last_name}`.trim();

const names = new Map<string, Promise<string>>();

/** The name of a record, read once and remembered ('' when it cannot be read). */
export function recordName(type: RecordType, id: string): Promise<string> {
  let name = names.get(id);
  if (!name) {
    name = readName(type, id).catch(() => {
      names.delete(id);
      return '';
    });
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
