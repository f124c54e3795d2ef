import { sql, type Selectable } from 'kysely';
import type { SavedViewsTable } from '../../db/schema.js';
import { orgOf, type Tx } from '../../db/tenant.js';
import type { RecordKind } from '../records/registry.js';

export type ViewRow = Omit<
  Selectable<SavedViewsTable>,
  'org_id' | 'kind' | 'filter' | 'columns'
> & {
  kind: RecordKind;
  filter: Record<string, unknown>;
  columns: string[] | null;
  creator_name: string | null;
  org_default: boolean;
  is_default: boolean;
};

export interface ViewValues {
  kind?: string;
  name?: string;
  filter?: Record<string, unknown>;
  sort?: string | null;
  columns?: string[] | null;
  user_id?: string | null;
  org_default?: boolean;
}

/** Views as `v`, with their creator's name and whether they are `userId`'s default. */
function views(tx: Tx, userId: string) {
  return tx
    .selectFrom('saved_views as v')
    .leftJoin('users as u', 'u.id', 'v.created_by')
    .leftJoin('saved_view_defaults as d', (join) =>
      join
        .onRef('d.kind', '=', 'v.kind')
        .onRef('d.view_id', '=', 'v.id')
        .on('d.user_id', '=', userId),
    )
    .select([
      'v.id',
      'v.kind',
      'v.name',
      'v.filter',
      'v.sort',
      'v.columns',
      'v.user_id',
      'v.org_default',
      'v.created_by',
      'v.created_at',
      'v.updated_at',
      'u.name as creator_name',
      sql<boolean>`d.view_id IS NOT NULL`.as('is_default'),
    ]);
}

/** The views a person sees: the shared ones and their own. */
export function listViews(tx: Tx, userId: string, kind?: string): Promise<ViewRow[]> {
  let query = views(tx, userId).where((eb) =>
    eb.or([eb('v.user_id', 'is', null), eb('v.user_id', '=', userId)]),
  );
  if (kind) query = query.where('v.kind', '=', kind);
  return query.orderBy('v.kind').orderBy('v.name').orderBy('v.id').execute() as Promise<ViewRow[]>;
}

/** One view, whoever may see it: the service decides that. */
export async function findView(
  tx: Tx,
  userId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<ViewRow | undefined> {
  let query = views(tx, userId).where('v.id', '=', id);
  if (options.lock) query = query.forUpdate('v');
  return (await query.executeTakeFirst()) as ViewRow | undefined;
}

function stored(values: ViewValues) {
  const { filter, columns, ...rest } = values;
  return {
    ...rest,
    ...(filter !== undefined && { filter: JSON.stringify(filter) }),
    ...(columns !== undefined && { columns: columns && JSON.stringify(columns) }),
  };
}

export async function insertView(
  tx: Tx,
  orgId: string,
  userId: string,
  values: ViewValues & { kind: string; name: string },
): Promise<string> {
  const { id } = await tx
    .insertInto('saved_views')
    .values({
      ...stored(values),
      kind: values.kind,
      name: values.name,
      org_id: orgId,
      created_by: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateView(tx: Tx, id: string, values: ViewValues): Promise<void> {
  if (Object.keys(values).length === 0) return;
  await tx.updateTable('saved_views').set(stored(values)).where('id', '=', id).execute();
}

export async function deleteView(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom('saved_views').where('id', '=', id).execute();
}

/**
 * The kind's organization default, if any other than `id`, stops being one. Two admins choosing
 * one at once take turns: each would clear the default the other has not committed yet, and the
 * second to write one would be refused by the index that allows one default per kind.
 */
export async function clearOrgDefault(tx: Tx, kind: string, id: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`org-default-view:${orgOf(tx)}:${kind}`}, 0))`.execute(
    tx,
  );
  await tx
    .updateTable('saved_views')
    .set({ org_default: false })
    .where('kind', '=', kind)
    .where('org_default', '=', true)
    .where('id', '<>', id)
    .execute();
}

/** The organization's default view of a kind. */
export async function orgDefaultOf(tx: Tx, kind: string): Promise<string | null> {
  const row = await tx
    .selectFrom('saved_views')
    .select('id')
    .where('kind', '=', kind)
    .where('org_default', '=', true)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function setDefault(
  tx: Tx,
  orgId: string,
  userId: string,
  kind: string,
  viewId: string,
): Promise<void> {
  await tx
    .insertInto('saved_view_defaults')
    .values({ org_id: orgId, user_id: userId, kind, view_id: viewId })
    .onConflict((oc) => oc.columns(['org_id', 'user_id', 'kind']).doUpdateSet({ view_id: viewId }))
    .execute();
}

export async function clearDefault(tx: Tx, userId: string, viewId: string): Promise<void> {
  await tx
    .deleteFrom('saved_view_defaults')
    .where('user_id', '=', userId)
    .where('view_id', '=', viewId)
    .execute();
}

/** Others' choice of a view as their default, once they may no longer see it. */
export async function clearOthersDefaults(tx: Tx, userId: string, viewId: string): Promise<void> {
  await tx
    .deleteFrom('saved_view_defaults')
    .where('user_id', '<>', userId)
    .where('view_id', '=', viewId)
    .execute();
}
