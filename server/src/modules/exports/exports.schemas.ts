import { Type, type TObject } from 'typebox';
import { AccountListQuery } from '../accounts/accounts.routes.js';
import { ContactListQuery } from '../contacts/contacts.routes.js';
import { DealListQuery } from '../deals/deals.schemas.js';
import { LeadListQuery } from '../leads/leads.routes.js';
import type { RecordKind } from '../records/registry.js';
import { listColumnNames } from './list-columns.js';

/** Each kind's list query: an export of the list takes the same filters, sort and search. */
const LIST_QUERIES = {
  lead: LeadListQuery,
  account: AccountListQuery,
  contact: ContactListQuery,
  deal: DealListQuery,
} satisfies { [K in RecordKind]: TObject };

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
