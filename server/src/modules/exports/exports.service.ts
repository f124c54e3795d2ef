import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import QueryStream from 'pg-query-stream';
import { withTenantClient } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import type { RecordKind } from '../records/registry.js';
import * as repo from './exports.repo.js';
import { listColumnNames } from './list-columns.js';

export interface ListExportQuery {
  sort?: string;
  q?: string;
  columns?: string[];
  [filter: string]: unknown;
}

/**
 * A CSV writer for files people open in a spreadsheet. A cell that starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return is prefixed with `'`, so the spreadsheet shows it as text
 * instead of running it as a formula (OWASP, "CSV injection").
 */
export function spreadsheetCsv(columns: string[]) {
  return stringify({
    header: true,
    columns,
    escape_formulas: true,
    cast: {
      date: (value) => value.toISOString(),
      boolean: (value) => (value ? 'true' : 'false'),
    },
  });
}

/**
 * Streams every row of a kind's list, with the list's filters, search and sort, as CSV.
 * `send` is handed the file before the first row is read; the transaction, and the cursor in
 * it, stay open until the file has been written out, so memory holds a batch, not the list.
 */
export async function exportList(
  ctx: RequestContext,
  kind: RecordKind,
  query: ListExportQuery,
  send: (csv: Readable) => void,
): Promise<void> {
  const { sort, q, columns, ...filters } = query;
  const chosen = columns?.length ? columns : listColumnNames(kind);
  await withTenantClient(ctx.deps.db, ctx, { checkMembership: true }, async (client, _m, tx) => {
    const statement = repo.listExport(tx, kind, { sort, q }, filters, chosen).compile();
    const rows = client.query(
      new QueryStream(statement.sql, [...statement.parameters], {
        rowMode: 'array',
        batchSize: 500,
      }),
    );
    const csv = spreadsheetCsv(chosen);
    send(csv);
    await pipeline(rows, csv);
  });
}
