import { Type } from 'typebox';
import { IMPORT_STATUSES } from '../../db/schema.js';
import { Timestamp, Uuid, VisibleText } from '../../http/schemas.js';
import { ENCODINGS } from './csv-reader.js';
import { IMPORT_FIELDS } from './fields.js';
import { DATE_FORMATS } from './values.js';

const literals = <T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], description });

export const ImportKind = literals(
  Object.keys(IMPORT_FIELDS) as (keyof typeof IMPORT_FIELDS)[],
  'The kind of record each row becomes',
);

const FieldName = Type.String({
  minLength: 1,
  maxLength: 53,
  description: `A field of the kind: ${Object.entries(IMPORT_FIELDS)
    .map(([kind, fields]) => `${kind}: ${Object.keys(fields).join(', ')}`)
    .join('; ')}; or one of its active custom fields as \`cf.<key>\` (see the import's \`fields\`)`,
});

const Count = Type.Integer({ minimum: 0 });

export const CountsSchema = Type.Object({
  created: Count,
  updated: Count,
  skipped: Count,
  rejected: Count,
});

export const ImportParams = Type.Object({ import_id: Uuid });

export const UploadQuery = Type.Object({
  kind: ImportKind,
  file_name: Type.String({ minLength: 1, maxLength: 255, description: 'Shown in the history' }),
  encoding: Type.Optional(
    literals([...ENCODINGS, 'auto'], 'The file\'s encoding; "auto" (the default) detects it'),
  ),
});

export const SettingsSchema = Type.Object(
  {
    mapping: Type.Array(
      Type.Object(
        {
          column: Type.Integer({ minimum: 0, description: 'The column, from 0' }),
          field: FieldName,
        },
        { additionalProperties: false },
      ),
      {
        minItems: 1,
        maxItems: 500,
        description: 'Columns left out are not imported',
      },
    ),
    duplicates: literals(
      ['skip', 'update', 'create'],
      'What a row matching an existing record or an earlier row does: update writes only its mapped, non-empty fields',
    ),
    date_format: Type.Optional(
      literals(DATE_FORMATS, 'How to read dates such as 03/04/2026, which could be either'),
    ),
    account_match: Type.Optional(
      literals(
        ['domain', 'name', 'domain_or_name'],
        'How account rows find their duplicates (default: domain, then name)',
      ),
    ),
  },
  { additionalProperties: false, $id: 'ImportSettings' },
);

const RejectionSchema = Type.Object({
  line: Type.Integer({ description: 'The line of the file the row starts on' }),
  problems: Type.Array(Type.Object({ column: Type.String(), reason: Type.String() })),
});

const NoticeSchema = Type.Object({
  line: Type.Integer({ description: 'The line of the file the row starts on' }),
  column: Type.String(),
  message: Type.String({ description: 'What the cell held, and how it was read' }),
});

export const DryRunSchema = Type.Object(
  {
    counts: CountsSchema,
    rejected: Type.Array(RejectionSchema, { description: 'The first 100 rejected rows' }),
    rejected_total: Count,
    notices: Type.Array(NoticeSchema, {
      description:
        'The first 100 cells of the rows to be written that are stored in other words than ' +
        'they were typed in, each saying how it was read: a two-digit year given its century',
    }),
    notices_total: Count,
    left_out: Type.Array(
      Type.Object({
        column: Type.Integer({ description: 'The column, from 0' }),
        header: Type.String(),
        fill_rate: Type.Number({ description: 'Share of rows with something in it, 0 to 1' }),
      }),
      {
        description:
          'The columns of the file the mapping leaves out, whose values will not be imported: ' +
          'left out by choice, or for want of a field to take them',
      },
    ),
  },
  { $id: 'ImportDryRun' },
);

export const ImportSchema = Type.Object(
  {
    id: Uuid,
    kind: ImportKind,
    file_name: Type.String(),
    status: literals([...IMPORT_STATUSES], 'uploaded: ready for a dry run and a run'),
    encoding: Type.String(),
    delimiter: Type.String(),
    row_count: Count,
    columns: Type.Array(
      Type.Object({
        index: Count,
        header: Type.String(),
        fill_rate: Type.Number({ minimum: 0, maximum: 1 }),
        samples: Type.Array(Type.String()),
        suggested_field: Type.Union([Type.String(), Type.Null()]),
      }),
    ),
    fields: Type.Array(
      Type.Object({
        name: Type.String({
          examples: ['last_name'],
          description: 'A built-in field, or a custom field as `cf.<key>`',
        }),
        label: Type.Optional(Type.String({ description: "A custom field's label" })),
        required: Type.Boolean({ description: 'A new record needs it' }),
      }),
      { description: "The fields this import's columns can go to, in the mapping's `field`" },
    ),
    ragged_count: Type.Integer({ description: 'Rows with more or fewer cells than the header' }),
    ragged_lines: Type.Array(Type.Integer(), { description: 'The first 100 of them' }),
    settings: Type.Union([SettingsSchema, Type.Null()]),
    dry_run: Type.Union([
      Type.Object({ counts: CountsSchema, checked_at: Timestamp }),
      Type.Null(),
    ]),
    counts: Type.Union([CountsSchema, Type.Null()]),
    notices: Type.Array(NoticeSchema, {
      description:
        'The first 100 cells of the rows the run wrote that it stored in other words than they ' +
        "were typed in, each saying how it was read, as the dry run's `notices` said before the " +
        'run: empty until the run writes such a row',
    }),
    notices_total: Count,
    progress: Type.Object({
      rows_done: Count,
      percent: Type.Integer({ minimum: 0, maximum: 100 }),
      seconds_left: Type.Union([Count, Type.Null()]),
    }),
    differs_from_dry_run: Type.Boolean({
      description: 'The run did not do what the dry run said: the data changed in between',
    }),
    started_at: Type.Union([Timestamp, Type.Null()]),
    finished_at: Type.Union([Timestamp, Type.Null()]),
    error: Type.Union([Type.String(), Type.Null()]),
    undone_at: Type.Union([Timestamp, Type.Null()]),
    created_by: Type.Union([Uuid, Type.Null()]),
    created_at: Timestamp,
  },
  { $id: 'Import' },
);

export const UndoBody = Type.Object(
  {
    delete_edited: Type.Optional(
      Type.Boolean({
        description:
          'Also delete created records someone edited since, and give updated records someone edited since their values from before the import (refused with 409 otherwise, naming them in `edited_since` and `changed_since`)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const UndoSchema = Type.Object({
  deleted: Count,
  restored: Count,
  edited_since: Type.Array(Uuid),
});

export const TemplateSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    kind: ImportKind,
    mapping: Type.Array(Type.Object({ header: Type.String(), field: Type.String() })),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { $id: 'ImportTemplate' },
);

export const TemplateBody = Type.Object(
  {
    name: VisibleText({ maxLength: 100, examples: ['HubSpot contacts'] }),
    kind: ImportKind,
    mapping: Type.Array(
      Type.Object(
        { header: Type.String({ maxLength: 500 }), field: FieldName },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500, description: 'Which header goes to which field' },
    ),
  },
  { additionalProperties: false },
);

export const TemplateParams = Type.Object({ template_id: Uuid });

export const RejectionsQuery = Type.Object({
  phase: Type.Optional(literals(['dry_run', 'run'], 'Which report (default: dry_run)')),
});
