import { Type } from 'typebox';
import { RESTORE_STATUSES } from '../../db/schema.js';
import { Timestamp, Uuid } from '../../http/schemas.js';
import { Nullable } from '../records/schemas.js';
import { LIST_QUERIES } from '../records/filters.js';
import type { RecordKind } from '../records/registry.js';
import { CUSTOM_COLUMN_PREFIX } from '../custom-fields/custom-columns.js';
import { listColumnNames } from './list-columns.js';

/** How many custom fields one export may name. */
const MAX_CUSTOM_COLUMNS = 200;

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
        Type.Array(
          Type.Union([
            Type.Enum(names),
            Type.String({
              pattern: `^${CUSTOM_COLUMN_PREFIX.replace('.', '\\.')}[a-z][a-z0-9_]{0,49}$`,
              description: 'A custom field of the kind, by its key, written under its label',
            }),
          ]),
          {
            minItems: 1,
            maxItems: names.length + MAX_CUSTOM_COLUMNS,
            uniqueItems: true,
            description:
              `Columns to write, in this order (default: all, then every active custom field); ` +
              `may repeat: \`?columns=${names[0]}&columns=${names[1]}&columns=cf.<key>\`. ` +
              'A custom field (`cf.<key>`) is headed by its label and written as people typed ' +
              'it: options and members by name, several options joined by "; ", a checkbox as ' +
              'yes or no.',
          },
        ),
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

export const RestoreUploadQuery = Type.Object({
  file_name: Type.String({
    minLength: 1,
    maxLength: 255,
    description: 'The name of the uploaded ZIP, shown with the restore',
  }),
});

export const RestoreParams = Type.Object({ restore_id: Uuid });

const PersonNotMemberSchema = Type.Object({
  email: Nullable(
    Type.String({ description: 'Null for people who had left before the export was made' }),
  ),
  name: Nullable(Type.String()),
  records: Type.Integer({
    description: 'Records they owned or were assigned, now owned by the admin who restored',
  }),
  left_out: Type.Integer({
    description: 'Rows that were theirs alone (team memberships, default views), not restored',
  }),
});

export const OrgRestoreSchema = Type.Object(
  {
    id: Uuid,
    status: Type.Enum([...RESTORE_STATUSES]),
    percent: Type.Integer({ minimum: 0, maximum: 100 }),
    file_name: Type.String(),
    source_organization_id: Uuid,
    schema_version: Type.String({ description: 'The database schema the export was made with' }),
    exported_at: Timestamp,
    files_done: Type.Integer({ description: 'CSVs read into the restore so far' }),
    files_total: Type.Integer(),
    rows_done: Type.Integer({ description: 'Rows written so far' }),
    rows_total: Type.Integer(),
    result: Nullable(
      Type.Object({
        rows: Type.Record(Type.String(), Type.Integer(), {
          description: 'Rows restored, by file',
        }),
        reassigned_to: Uuid,
        files_without_bytes: Type.Integer({
          description:
            'Files listed in files.csv whose bytes the export does not hold (deleted while it was written): left out',
        }),
        people_not_members: Type.Array(PersonNotMemberSchema, {
          description:
            'People of the export who are not members of this organization (matched by email): their records now belong to `reassigned_to`',
        }),
        personal_views_left_out: Type.Optional(
          Type.Integer({
            description:
              'Personal saved views of people who are not members of this organization: left out (absent from restores made before views were restored)',
          }),
        ),
        web_forms_to_embed: Type.Optional(
          Type.Array(Type.Object({ id: Uuid, name: Type.String() }), {
            description:
              'The web forms restored, turned off and with a new secret: each needs its new embed code on the site before it is turned on (absent from restores made before forms were restored)',
          }),
        ),
      }),
    ),
    error: Nullable(Type.String()),
    started_at: Nullable(Timestamp),
    finished_at: Nullable(Timestamp),
    created_at: Timestamp,
    created_by: Nullable(Uuid),
  },
  { $id: 'OrgRestore' },
);
