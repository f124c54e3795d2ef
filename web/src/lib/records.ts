import { RECORD_KINDS, type RecordKind, type RecordType } from './api/record-kinds';

/** The kinds of record, as the API lists them (generated from its OpenAPI document). */
export { RECORD_KINDS, type RecordType };

const byType = Object.fromEntries(RECORD_KINDS.map((kind) => [kind.kind, kind])) as Record<
  RecordType,
  RecordKind
>;

/** The address of one record's page. */
export function recordPath(type: RecordType, id: string): string {
  return `/${byType[type].path}/${id}`;
}

export const recordLabel = Object.fromEntries(
  RECORD_KINDS.map((kind) => [kind.kind, kind.label.one]),
) as Record<RecordType, string>;
