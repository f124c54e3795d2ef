import type { RawBuilder } from 'kysely';
import type { Tx } from '../../db/tenant.js';
import { allOfList, type AnyQuery, type ListParams } from '../../lib/list-query.js';
import { applyAccountFilters } from '../accounts/accounts.repo.js';
import { applyContactFilters } from '../contacts/contacts.repo.js';
import { applyDealFilters } from '../deals/deals.repo.js';
import { applyLeadFilters } from '../leads/leads.repo.js';
import { RECORD_KINDS, type RecordKind } from '../records/registry.js';
import { LIST_COLUMNS } from './list-columns.js';

/** Each kind's list filters, the same functions its list route applies. */
const LIST_FILTERS = {
  lead: applyLeadFilters,
  account: applyAccountFilters,
  contact: applyContactFilters,
  deal: applyDealFilters,
} satisfies { [K in RecordKind]: (query: AnyQuery, filters: never) => AnyQuery };

/** Every row of a kind's list, in its order, with `columns` (names from LIST_COLUMNS). */
export function listExport(
  tx: Tx,
  kind: RecordKind,
  params: Pick<ListParams, 'sort' | 'q'>,
  filters: Record<string, unknown>,
  columns: string[],
): AnyQuery {
  const definition = RECORD_KINDS[kind].list;
  const sqlOf = LIST_COLUMNS[kind] as Record<string, (alias: string) => RawBuilder<unknown>>;
  return allOfList(tx, definition, params, {
    select: (query) => query.select(columns.map((name) => sqlOf[name]!(definition.alias).as(name))),
    filter: (query) => LIST_FILTERS[kind](query, filters as never),
  });
}
