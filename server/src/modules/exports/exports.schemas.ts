import { Type } from 'typebox';
import { Timestamp, Uuid } from '../../http/schemas.js';
import { Nullable } from '../records/schemas.js';
import { LIST_QUERIES } from '../records/filters.js';
import type { RecordKind } from '../records/registry.js';
import { listColumnNames } from './list-columns.js';

/** The list's query without its paging, and the columns to write. */
export function listExportQuery(kind: RecordKind) {
  const {
    limit: _limit,
    cursor: _cursor,
    count: _count,
    ...filters
  } = LIST_QUERIES[kind].properties as Record<string, Parameters<typeof Type.Optional>[0]>;
  const names = listColumnNames(kind);
  return Type.Object(
    {
      ...filters,
      columns: Type.Optional(
        Type.Array(Type.Enum(names), {
          minItems: 1,
          maxItems: names.length,
          uniqueItems: true,
          description: `Columns to write, in this order (default: all); may repeat: \`?columns=${names[0]}&columns=${names[1]}\``,
        }),
      ),
    },
    { additionalProperties: false },
  );
}

export const CsvFile = {
  description: 'A CSV file (UTF-8, comma-separated, a header row)',
  content: { 'text/csv': { schema: Type.String() } },
};

export const OrgExportSchema = Type.Object(
  {
    id: Uuid,
    status: Type.Enum(['queued', 'running', 'ready', 'failed', 'expired']),
    percent: Type.Integer({ minimum: 0, maximum: 100 }),
    files_done: Type.Integer(),
    files_total: Type.Integer(),
    rows_done: Type.Integer(),
    byte_size: Nullable(Type.Integer({ description: 'Size of the ZIP, once ready' })),
    sha256: Nullable(Type.String({ description: 'SHA-256 of the ZIP, once ready' })),
    error: Nullable(Type.String()),
    started_at: Nullable(Timestamp),
    finished_at: Nullable(Timestamp),
    expires_at: Nullable(Timestamp),
    created_at: Timestamp,
    created_by: Nullable(Uuid),
  },
  { $id: 'OrgExport' },
);

export const ExportParams = Type.Object({ export_id: Uuid });

export const ZipFile = {
  description: 'The ZIP: one CSV per kind of data and manifest.json',
  content: { 'application/zip': { schema: Type.String({ format: 'binary' }) } },
};
