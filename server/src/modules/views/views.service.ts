import { withTenant, type Member, type Tx } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import {
  ForbiddenError,
  invalidField,
  NotFoundError,
  referenceNotFound,
  ValidationError,
  type FieldProblem,
} from '../../lib/errors.js';
import { isAdmin } from '../members/permissions.js';
import { listRecords } from '../records/owned.repo.js';
import type { RecordKind } from '../records/registry.js';
import * as repo from './views.repo.js';
import { followMerges, isSortOf, queryProblems, sortChoices } from './view-query.js';

export interface ViewInput {
  kind: RecordKind;
  name: string;
  filter?: Record<string, unknown>;
  sort?: string | null;
  columns?: string[] | null;
  shared?: boolean;
  is_default?: boolean;
  org_default?: boolean;
}

export type ViewChanges = Partial<Omit<ViewInput, 'kind'>>;

export interface View extends Omit<repo.ViewRow, 'user_id'> {
  shared: boolean;
  /** Whether the caller may rename, change, share or delete it. */
  can_edit: boolean;
  /** What of its filters no longer holds: the list shows this instead of failing. */
  problems: FieldProblem[];
}

export interface ViewList {
  data: View[];
  /** The view the list opens with: the caller's default, or the organization's. */
  default_view_id: string | null;
}

/** Personal views are their owner's alone: to anyone else they do not exist. */
function visible(member: Member, row: repo.ViewRow | undefined): repo.ViewRow {
  if (!row || (row.user_id !== null && row.user_id !== member.userId))
    throw new NotFoundError('View');
  return row;
}

/**
 * A shared view is changed by the one who made it or an admin, a personal one by its owner; the
 * organization's default, what everyone's list opens with, by admins alone (as they choose it).
 */
function mayEdit(member: Member, row: repo.ViewRow): boolean {
  if (row.user_id !== null) return row.user_id === member.userId;
  return isAdmin(member) || (row.created_by === member.userId && !row.org_default);
}

function requireEdit(member: Member, row: repo.ViewRow): void {
  if (mayEdit(member, row)) return;
  throw new ForbiddenError(
    row.org_default
      ? "Only an admin can change or delete the organization's default view"
      : 'Only the creator of a shared view or an admin can change or delete it',
  );
}

function requireAdminFor(member: Member, field: string): void {
  if (!isAdmin(member))
    throw new ForbiddenError('Only an admin sets the organization default', field);
}

interface ReadView {
  row: repo.ViewRow;
  problems: FieldProblem[];
  /** Whether the list would refuse its filter (see `readViews`). */
  filterRefused: boolean;
}

/**
 * The views as they are read: their filters following any record merged since they were saved,
 * with what they name that no longer holds, and whether the list would refuse the filter for it
 * (a filter of another shape, a custom condition it cannot read): a record or a member that is
 * gone, or a sort, leaves the list answering. Read for all the views together, so a list of
 * many costs the statements of one.
 */
async function readViews(tx: Tx, saved: readonly repo.ViewRow[]): Promise<ReadView[]> {
  const filters = await followMerges(
    tx,
    saved.map((row) => row.filter),
  );
  const rows = saved.map((row, at) => ({ ...row, filter: filters[at]! }));
  const found = await queryProblems(tx, rows);
  return rows.map((row, at) => {
    const { shape, missing, custom, departed } = found[at]!;
    const sort =
      row.sort && !isSortOf(row.kind, row.sort)
        ? [{ field: 'sort', message: 'is no longer a sort of this list' }]
        : [];
    return {
      row,
      problems: [...shape, ...sort, ...missing, ...custom, ...departed],
      filterRefused: shape.length > 0 || custom.some((problem) => problem.field === 'filter.cf'),
    };
  });
}

async function present(tx: Tx, member: Member, saved: readonly repo.ViewRow[]): Promise<View[]> {
  return (await readViews(tx, saved)).map(({ row, problems }) => {
    const { user_id, ...rest } = row;
    return { ...rest, shared: user_id === null, can_edit: mayEdit(member, row), problems };
  });
}

async function presentOne(tx: Tx, member: Member, saved: repo.ViewRow): Promise<View> {
  return (await present(tx, member, [saved]))[0]!;
}

/** The filter, sort and columns as they will be kept, or a refusal naming what is wrong. */
async function checkQuery(
  tx: Tx,
  kind: RecordKind,
  input: Pick<ViewInput, 'filter' | 'sort'>,
): Promise<void> {
  const [found] = await queryProblems(tx, [{ kind, filter: input.filter ?? {}, sort: input.sort }]);
  const { shape, missing, custom } = found!;
  if (shape.length) throw new ValidationError(`${shape[0]!.field}: ${shape[0]!.message}`, shape);
  if (missing.length) throw referenceNotFound(missing[0]!.field);
  // An empty sort is no sort of the list either: refused like any other, not taken for none.
  if (input.sort !== undefined && input.sort !== null && !isSortOf(kind, input.sort)) {
    throw invalidField(
      'sort',
      `must be one of ${sortChoices(kind).join(', ')}, or a custom field as cf.<key>`,
    );
  }
  if (custom.length)
    throw new ValidationError(`${custom[0]!.field}: ${custom[0]!.message}`, custom);
}

export function listViews(ctx: RequestContext, kind?: RecordKind): Promise<ViewList> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    const data = await present(tx, member, await repo.listViews(tx, ctx.userId, kind));
    const own = data.find((view) => view.is_default);
    return {
      data,
      default_view_id: kind ? (own?.id ?? (await repo.orgDefaultOf(tx, kind))) : null,
    };
  });
}

export function getView(ctx: RequestContext, id: string): Promise<View> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) =>
    presentOne(tx, member, visible(member, await repo.findView(tx, ctx.userId, id))),
  );
}

async function applyDefaults(
  tx: Tx,
  ctx: RequestContext,
  member: Member,
  view: { id: string; kind: string; shared: boolean },
  input: Pick<ViewChanges, 'is_default' | 'org_default'>,
): Promise<void> {
  if (input.is_default === true)
    await repo.setDefault(tx, ctx.orgId, ctx.userId, view.kind, view.id);
  if (input.is_default === false) await repo.clearDefault(tx, ctx.userId, view.id);
  if (input.org_default !== undefined) {
    requireAdminFor(member, 'org_default');
    if (input.org_default && !view.shared)
      throw invalidField('org_default', 'only a shared view can be the organization default');
    if (input.org_default) await repo.clearOrgDefault(tx, view.kind, view.id);
    await repo.updateView(tx, view.id, { org_default: input.org_default });
  }
}

export function createView(ctx: RequestContext, given: ViewInput): Promise<View> {
  const name = given.name.trim();
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    const filter = given.filter && (await followMerges(tx, [given.filter]))[0];
    const input = { ...given, filter };
    await checkQuery(tx, input.kind, input);
    if (input.org_default !== undefined) requireAdminFor(member, 'org_default');
    const shared = input.shared ?? false;
    const id = await repo.insertView(tx, ctx.orgId, ctx.userId, {
      kind: input.kind,
      name,
      filter: input.filter ?? {},
      sort: input.sort ?? null,
      columns: input.columns ?? null,
      user_id: shared ? null : ctx.userId,
    });
    await applyDefaults(tx, ctx, member, { id, kind: input.kind, shared }, input);
    return presentOne(tx, member, (await repo.findView(tx, ctx.userId, id))!);
  });
}

export function updateView(ctx: RequestContext, id: string, input: ViewChanges): Promise<View> {
  const { is_default, org_default, shared, ...fields } = input;
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    if (fields.filter) [fields.filter] = await followMerges(tx, [fields.filter]);
    const row = visible(member, await repo.findView(tx, ctx.userId, id, { lock: true }));
    const kind = row.kind;
    // Choosing one's own default is open to whoever sees the view; the rest is its editor's.
    if (Object.keys(fields).length || shared !== undefined) {
      requireEdit(member, row);
      await checkQuery(tx, kind, fields);
      const values: repo.ViewValues = {
        ...fields,
        ...(fields.name !== undefined && { name: fields.name.trim() }),
      };
      if (shared === true) values.user_id = null;
      if (shared === false && row.user_id === null) {
        // Unshared, the view is its creator's again (the admin's, when the creator has left),
        // and stops being anyone else's default or the organization's.
        values.user_id = row.created_by ?? ctx.userId;
        values.org_default = false;
        await repo.clearOthersDefaults(tx, values.user_id, id);
      }
      await repo.updateView(tx, id, values);
    }
    const nowShared = shared ?? row.user_id === null;
    await applyDefaults(
      tx,
      ctx,
      member,
      { id, kind, shared: nowShared },
      { is_default, org_default },
    );
    return presentOne(tx, member, (await repo.findView(tx, ctx.userId, id))!);
  });
}

export function deleteView(ctx: RequestContext, id: string): Promise<void> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    const row = visible(member, await repo.findView(tx, ctx.userId, id, { lock: true }));
    requireEdit(member, row);
    await repo.deleteView(tx, id);
  });
}

/**
 * How many records the view's list holds, counted by the list's own query. A view whose filters
 * no longer fit the list answers with its problems and no count rather than failing.
 */
export function countView(
  ctx: RequestContext,
  id: string,
): Promise<{ count: number | null; problems: FieldProblem[] }> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    const saved = visible(member, await repo.findView(tx, ctx.userId, id));
    const [{ row, problems, filterRefused }] = (await readViews(tx, [saved])) as [ReadView];
    if (filterRefused) return { count: null, problems };
    const { q, ...filters } = row.filter as { q?: string };
    const page = await listRecords(tx, row.kind, { limit: 1, q, count: true }, filters);
    return { count: Number(page.total ?? 0), problems };
  });
}
