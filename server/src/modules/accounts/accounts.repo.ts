import { sql } from 'kysely';
import type { Tx } from '../../db/tenant.js';

export interface AccountSummaryRow {
  contacts: number;
  open_deals: number;
  open_deals_amount: string;
  open_tasks: number;
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
