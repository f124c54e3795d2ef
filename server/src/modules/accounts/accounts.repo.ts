import { sql, type Selectable, type Updateable } from 'kysely';
import type { AccountsTable } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';
import { runList, type AnyQuery, type ListPage, type ListParams } from '../../lib/list-query.js';
import { applyCommonFilters, type CommonFilters } from '../records/filters.js';
import { RECORD_KINDS } from '../records/registry.js';

export const ACCOUNT_COLUMNS = [
  'id',
  'name',
  'website',
  'domain',
  'industry',
  'phone',
  'email',
  'employees',
  'annual_revenue',
  'billing_address',
  'shipping_address',
  'description',
  'owner_id',
  'created_at',
  'updated_at',
  'created_by',
] as const;

export type AccountRow = Pick<Selectable<AccountsTable>, (typeof ACCOUNT_COLUMNS)[number]>;

type Address = Record<string, string>;

export type AccountWrite = Omit<
  Updateable<AccountsTable>,
  | 'id'
  | 'org_id'
  | 'created_at'
  | 'updated_at'
  | 'created_by'
  | 'billing_address'
  | 'shipping_address'
  | 'annual_revenue'
> & {
  billing_address?: Address;
  shipping_address?: Address;
  annual_revenue?: number | null;
};

export interface AccountFilters extends CommonFilters {
  industry?: string;
}

export interface AccountSummaryRow {
  contacts: number;
  open_deals: number;
  open_deals_amount: string;
  open_tasks: number;
}

function toWrite(values: AccountWrite) {
  const { billing_address, shipping_address, ...rest } = values;
  return {
    ...rest,
    ...(billing_address !== undefined && { billing_address: JSON.stringify(billing_address) }),
    ...(shipping_address !== undefined && { shipping_address: JSON.stringify(shipping_address) }),
  };
}

/** The account filters, on a query over `accounts as a`; the list and its export share them. */
export function applyAccountFilters(query: AnyQuery, filters: AccountFilters): AnyQuery {
  const q = applyCommonFilters(query, 'a', 'account', filters);
  return filters.industry ? q.where(sql.ref('a.industry'), '=', filters.industry) : q;
}

export function listAccounts(
  tx: Tx,
  params: ListParams,
  filters: AccountFilters,
): Promise<ListPage<AccountRow>> {
  return runList<AccountRow>(tx, RECORD_KINDS.account.list, params, {
    select: (query: AnyQuery) => query.select(ACCOUNT_COLUMNS.map((c) => `a.${c}` as const)),
    filter: (query: AnyQuery) => applyAccountFilters(query, filters),
  });
}

export function findAccount(
  tx: Tx,
  id: string,
  options: { lock?: boolean } = {},
): Promise<AccountRow | undefined> {
  let query = tx.selectFrom('accounts').select(ACCOUNT_COLUMNS).where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst() as Promise<AccountRow | undefined>;
}

export function insertAccount(
  tx: Tx,
  orgId: string,
  userId: string,
  values: AccountWrite & { name: string },
): Promise<AccountRow> {
  return tx
    .insertInto('accounts')
    .values({ ...toWrite(values), name: values.name, org_id: orgId, created_by: userId })
    .returning(ACCOUNT_COLUMNS)
    .executeTakeFirstOrThrow() as Promise<AccountRow>;
}

export function updateAccount(
  tx: Tx,
  id: string,
  values: AccountWrite,
): Promise<AccountRow | undefined> {
  return tx
    .updateTable('accounts')
    .set(toWrite(values))
    .where('id', '=', id)
    .returning(ACCOUNT_COLUMNS)
    .executeTakeFirst() as Promise<AccountRow | undefined>;
}

export async function deleteAccount(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom('accounts').where('id', '=', id).execute();
}

/**
 * The figures an account's page shows, in one statement. A deal is open while its stage is of
 * kind `open` (the stage, not `closed_at`, is what moves a deal on the board); a task while it
 * is not done.
 */
export function accountSummary(tx: Tx, id: string): Promise<AccountSummaryRow> {
  const openDeals = tx
    .selectFrom('deals as o')
    .innerJoin('pipeline_stages as s', (join) =>
      join.onRef('s.org_id', '=', 'o.org_id').onRef('s.id', '=', 'o.stage_id'),
    )
    .where('o.account_id', '=', id)
    .where('s.kind', '=', 'open')
    .select([
      sql<number>`count(*)::int`.as('open_deals'),
      sql<string>`coalesce(sum(o.amount), 0)`.as('open_deals_amount'),
    ])
    .as('d');
  return tx
    .selectFrom(openDeals)
    .select((eb) => [
      'd.open_deals',
      'd.open_deals_amount',
      eb
        .selectFrom('contacts')
        .where('account_id', '=', id)
        .select(sql<number>`count(*)::int`.as('n'))
        .$asScalar()
        .as('contacts'),
      eb
        .selectFrom('tasks')
        .where('account_id', '=', id)
        .where('status', '<>', 'done')
        .select(sql<number>`count(*)::int`.as('n'))
        .$asScalar()
        .as('open_tasks'),
    ])
    .executeTakeFirstOrThrow() as Promise<AccountSummaryRow>;
}
