import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../http/context.js';
import { errors, Timestamp, Uuid, VisibleText } from '../../http/schemas.js';
import { RECORD_KIND_NAMES } from '../records/registry.js';
import { Nullable } from '../records/schemas.js';
import * as views from './views.service.js';

const Kind = Type.Enum(RECORD_KIND_NAMES, { examples: ['lead'] });

const Problem = Type.Object({
  field: Type.String({ examples: ['filter.tag_id'] }),
  message: Type.String({ examples: ['the tag no longer exists'] }),
});

const Filter = Type.Record(Type.String(), Type.Unknown(), {
  maxProperties: 50,
  examples: [{ status: ['new', 'contacted'], owner_id: '2f1c6a3e-7d4b-4a8e-9c1d-5b6f7a8e9d0c' }],
  description:
    "The list's filters as the kind's bulk `filter` takes them (and `q`): checked against the kind's list query when saved. An `account_id` or `contact_id` naming a record merged into another names the one it was merged into instead.",
});

const Sort = Type.String({
  maxLength: 100,
  examples: ['-created_at'],
  description: "The list's `sort` parameter",
});

// A custom field's column is `cf.<key>`, as its sort is: the web list keeps them by that name.
const Columns = Type.Array(Type.String({ pattern: '^(cf\\.)?[a-z][a-z0-9_]{0,63}$' }), {
  maxItems: 50,
  uniqueItems: true,
  examples: [['name', 'status', 'owner', 'cf.region']],
  description:
    "The columns the web list shows, in order (a custom field's as `cf.<key>`); null for its own",
});

const Name = VisibleText({ maxLength: 100, examples: ['My hot leads'] });

export const ViewSchema = Type.Object(
  {
    id: Uuid,
    kind: Kind,
    name: Type.String(),
    filter: Filter,
    sort: Nullable(Type.String()),
    columns: Nullable(Type.Array(Type.String())),
    shared: Type.Boolean({
      description: "Seen by the whole organization; otherwise its creator's",
    }),
    is_default: Type.Boolean({ description: "The caller's default view of the kind" }),
    org_default: Type.Boolean({ description: "The organization's default view of the kind" }),
    can_edit: Type.Boolean({ description: 'Whether the caller may change, share or delete it' }),
    problems: Type.Array(Problem, {
      description: 'Its filters that no longer hold (an archived field, a deleted tag)',
    }),
    created_by: Nullable(Uuid),
    creator_name: Nullable(Type.String()),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { $id: 'SavedView' },
);

const Settings = {
  filter: Type.Optional(Filter),
  sort: Type.Optional(Nullable(Sort)),
  columns: Type.Optional(Nullable(Columns)),
  shared: Type.Optional(Type.Boolean()),
  is_default: Type.Optional(
    Type.Boolean({ description: 'Open the list with this view (for the caller)' }),
  ),
  org_default: Type.Optional(
    Type.Boolean({ description: "Open everyone's list with it unless they chose one (admins)" }),
  ),
};

const ViewCreate = Type.Object(
  { kind: Kind, name: Name, ...Settings },
  { additionalProperties: false },
);

const ViewUpdate = Type.Object(
  { name: Type.Optional(Name), ...Settings },
  { additionalProperties: false, minProperties: 1 },
);

const ViewParams = Type.Object({ view_id: Uuid });

export const viewRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const security = [{ bearerAuth: [] }];
  const tags = ['views'];

  app.get(
    '/views',
    {
      schema: {
        tags,
        security,
        summary: 'The saved views of record lists the caller sees: shared ones and their own',
        description:
          "With `kind`, `default_view_id` is the view its list opens with: the caller's default, or else the organization's.",
        querystring: Type.Object({ kind: Type.Optional(Kind) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ data: Type.Array(ViewSchema), default_view_id: Nullable(Uuid) }),
          ...errors(400, 401),
        },
      },
    },
    async (request) => views.listViews(contextOf(request), request.query.kind),
  );

  app.post(
    '/views',
    {
      schema: {
        tags,
        security,
        summary: "Save a list's filters, sort and columns as a view, personal or shared",
        body: ViewCreate,
        response: { 201: ViewSchema, ...errors(401, 403, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await views.createView(contextOf(request), request.body)),
  );

  app.get(
    '/views/:view_id',
    {
      schema: {
        tags,
        security,
        summary: 'One saved view, with what of its filters no longer holds',
        params: ViewParams,
        response: { 200: ViewSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) => views.getView(contextOf(request), request.params.view_id),
  );

  app.get(
    '/views/:view_id/count',
    {
      schema: {
        tags,
        security,
        summary: "How many records the view's list holds",
        description:
          "Counted by the list's own query. `count` is null when a filter of the view no longer fits the list (see `problems`).",
        params: ViewParams,
        response: {
          200: Type.Object({ count: Nullable(Type.Integer()), problems: Type.Array(Problem) }),
          ...errors(400, 401, 404),
        },
      },
    },
    async (request) => views.countView(contextOf(request), request.params.view_id),
  );

  app.patch(
    '/views/:view_id',
    {
      schema: {
        tags,
        security,
        summary: 'Rename, change, share or make a view the default',
        description:
          "`is_default` is open to whoever sees the view; the other fields to its creator, or for a shared view also an admin. `org_default` is for admins, on shared views; while a view is the organization's default, only admins change it.",
        params: ViewParams,
        body: ViewUpdate,
        response: { 200: ViewSchema, ...errors(400, 401, 403, 404, 422) },
      },
    },
    async (request) => views.updateView(contextOf(request), request.params.view_id, request.body),
  );

  app.delete(
    '/views/:view_id',
    {
      schema: {
        tags,
        security,
        summary:
          "Delete a view (its creator, or for a shared view also an admin; the organization's default, admins only)",
        params: ViewParams,
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await views.deleteView(contextOf(request), request.params.view_id);
      return reply.status(204).send(null);
    },
  );
};
