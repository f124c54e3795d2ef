import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TProperties } from 'typebox';
import { contextOf } from '../../http/context.js';
import { errors, Timestamp, Uuid } from '../../http/schemas.js';
import { NoteSchema } from '../notes/notes.routes.js';
import { RECORD_KIND_LIST, RECORD_KIND_NAMES } from '../records/registry.js';
import { Nullable } from '../records/schemas.js';
import {
  RECORD_EMAIL_DIRECTIONS,
  RECORD_EMAIL_STATUSES,
  TASK_TYPES,
  TASK_STATUSES,
} from '../../db/schema.js';
import * as timeline from './timeline.service.js';

const typeChoice = timeline.TIMELINE_TYPES.join('|');

const TimelineQuery = Type.Object(
  {
    types: Type.Optional(
      Type.String({
        pattern: `^(${typeChoice})(,(${typeChoice}))*$`,
        maxLength: 200,
        description: `Only items of these types, comma-separated: ${timeline.TIMELINE_TYPES.join(', ')}. All when absent.`,
        examples: ['note,task'],
      }),
    ),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 100, default: timeline.DEFAULT_PAGE_SIZE }),
    ),
    cursor: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 300,
        description: 'next_cursor of the previous page',
      }),
    ),
  },
  { additionalProperties: false },
);

const Actor = Nullable(
  Type.Object({
    id: Uuid,
    name: Nullable(Type.String({ description: 'Null when the person cannot be named' })),
  }),
);

const item = (type: string, description: string, detail: TProperties) =>
  Type.Object(
    {
      id: Type.String({ description: 'Unique within the timeline' }),
      type: Type.Literal(type),
      occurred_at: Timestamp,
      actor: Actor,
      record: Type.Object(
        {
          type: Type.Enum(RECORD_KIND_NAMES),
          id: Uuid,
          title: Nullable(Type.String({ description: 'Null for a record merged into this one' })),
        },
        { description: 'The record the item is on: this one, or one whose activity it includes' },
      ),
      ...detail,
    },
    { description },
  );

const Change = Type.Object({
  field: Type.String({ description: 'The column, e.g. `stage_id` or `last_name`' }),
  old: Type.Unknown(),
  new: Type.Unknown(),
});
const MadeByImport = Nullable(
  Type.Object(
    { id: Uuid, file_name: Type.String() },
    { description: 'The import that made this change (`GET /imports/{import_id}`), if one did' },
  ),
);
const Stage = Nullable(Type.Object({ id: Uuid, name: Nullable(Type.String()) }));

const TimelineItem = Type.Union([
  item('note', 'A note written on the record', {
    note: Type.Object({
      id: Uuid,
      body: NoteSchema.properties.body,
      body_html: NoteSchema.properties.body_html,
    }),
  }),
  item('task', 'A task created on the record (a call or meeting logged), or completed', {
    event: Type.Union([Type.Literal('created'), Type.Literal('completed')]),
    task: Type.Object({
      id: Uuid,
      title: Type.String(),
      type: Type.Enum(TASK_TYPES),
      status: Type.Enum(TASK_STATUSES),
      due_at: Nullable(Timestamp),
    }),
  }),
  item('file', 'A file attached to the record', {
    file: Type.Object({
      id: Uuid,
      name: Type.String(),
      content_type: Type.String(),
      byte_size: Type.Integer(),
    }),
  }),
  item('change', "The record's creation or a change of its fields, old and new values", {
    action: Type.Union([Type.Literal('created'), Type.Literal('updated')]),
    changes: Type.Array(Change),
    import: MadeByImport,
  }),
  item('stage', "A deal's move to another stage", {
    action: Type.Union([Type.Literal('created'), Type.Literal('updated')]),
    changes: Type.Array(Change),
    from: Stage,
    to: Stage,
    import: MadeByImport,
  }),
  item('conversion', "A lead's conversion (its changes name the account, contact and deal)", {
    action: Type.Union([Type.Literal('created'), Type.Literal('updated')]),
    changes: Type.Array(Change),
    import: MadeByImport,
  }),
  item('merge', 'Records merged into this one', { merged_ids: Type.Array(Uuid) }),
  item('email', 'An email sent from the record or received by the logging address', {
    email: Type.Object({
      id: Uuid,
      direction: Type.Enum(RECORD_EMAIL_DIRECTIONS),
      status: Nullable(
        Type.Enum(RECORD_EMAIL_STATUSES, { description: 'Null for email received' }),
      ),
      subject: Type.String(),
      from: Type.String(),
      to: Type.Array(Type.String()),
      preview: Type.String({
        description: `The text's first ${timeline.EMAIL_PREVIEW_LENGTH} characters, runs of whitespace as one space`,
      }),
    }),
  }),
]);

const TimelinePage = Type.Object({
  data: Type.Array(TimelineItem),
  next_cursor: Nullable(Type.String({ description: 'Pass as cursor for the next page' })),
});

export const timelineRoutes: FastifyPluginAsyncTypebox = async (app) => {
  for (const { kind, path, label, attachmentField } of RECORD_KIND_LIST) {
    app.get(
      `/${path}/:${attachmentField}/timeline`,
      {
        schema: {
          tags: [path],
          security: [{ bearerAuth: [] }],
          summary: `A ${label.one.toLowerCase()}'s activity, newest first, a page at a time`,
          description:
            'Notes, tasks (created and completed), files, emails, changes of fields, stage moves, conversion and merges, ' +
            'with those of the records merged into it, of the lead it was converted from and of the records of other kinds ' +
            'that belong to it (an account: its contacts and deals); `record` says which. Pass `next_cursor` back as `cursor`.',
          params: Type.Object({ [attachmentField]: Uuid }),
          querystring: TimelineQuery,
          response: { 200: TimelinePage, ...errors(400, 401, 404) },
        },
      },
      async (request) =>
        timeline.recordTimeline(
          contextOf(request),
          kind,
          (request.params as Record<string, string>)[attachmentField]!,
          request.query,
        ),
    );
  }
};
