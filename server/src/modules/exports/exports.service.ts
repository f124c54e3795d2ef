import { Transform, type Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { CompiledQuery } from 'kysely';
import { stringify } from 'csv-stringify';
import type pg from 'pg';
import QueryStream from 'pg-query-stream';
import { runOn, withTenant, withTenantClient } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import { ConflictError, NotFoundError } from '../../lib/errors.js';
import { enqueueJob } from '../../jobs/queue.js';
import { requireAdmin } from '../members/permissions.js';
import type { RecordKind } from '../records/registry.js';
import * as repo from './exports.repo.js';
import { runOrganizationExport } from './org-export.task.js';
import type { Logger } from 'pino';
import { resolveCustomFilters, resolveCustomSort } from '../custom-fields/custom-filters.js';
import { exportColumns } from './list-columns.js';
import { activeFields } from '../custom-fields/custom-fields.service.js';

export interface ListExportQuery {
  sort?: string;
  q?: string;
  columns?: string[];
  [filter: string]: unknown;
}

/**
 * A CSV writer for files people open in a spreadsheet. It starts with a UTF-8 byte-order mark:
 * without one, Excel reads the file in the computer's legacy encoding and shows `José` as
 * `JosÃ©`. A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed
 * with `'`, so the spreadsheet shows it as text instead of running it as a formula (OWASP,
 * "CSV injection").
 */
export function spreadsheetCsv(columns: ReadonlyArray<string | { key: string; header: string }>) {
  return stringify({
    bom: true,
    header: true,
    columns: [...columns],
    escape_formulas: true,
    cast: {
      date: (value) => value.toISOString(),
      boolean: (value) => (value ? 'true' : 'false'),
    },
  });
}

/** The rows of a statement as a stream of arrays, read `batchSize` at a time by a cursor. */
function streamRows(
  client: pg.PoolClient,
  query: { compile(): CompiledQuery },
  batchSize: number,
): Readable {
  const { sql, parameters } = query.compile();
  return client.query(new QueryStream(sql, [...parameters], { rowMode: 'array', batchSize }));
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
  // Read before the export's own transaction, whose builder only compiles what its cursor runs.
  const { custom, chosen, byValue } = await withTenant(ctx.deps.db, ctx, async (tx) => {
    const fields = await activeFields(tx, kind);
    return {
      custom: await resolveCustomFilters(tx, kind, filters.cf as string[] | undefined),
      chosen: exportColumns(kind, columns, fields),
      byValue: await resolveCustomSort(tx, kind, sort, fields),
    };
  });
  await withTenantClient(ctx.deps.db, ctx, { checkMembership: true }, async (client, _m, tx) => {
    const rows = streamRows(
      client,
      repo.listExport(
        tx,
        kind,
        { sort, q },
        filters,
        custom,
        chosen.map((column) => column.sql),
        byValue,
      ),
      500,
    );
    const csv = spreadsheetCsv(
      chosen.map((column, i) => ({ key: String(i), header: column.header })),
    );
    send(csv);
    await pipeline(rows, csv);
  });
}

export type OrgExport = repo.ExportRow & { percent: number };

function withPercent(row: repo.ExportRow): OrgExport {
  const percent =
    row.status === 'ready' || row.status === 'expired'
      ? 100
      : row.files_total > 0
        ? Math.floor((100 * row.files_done) / row.files_total)
        : 0;
  return { ...row, percent };
}

/**
 * Starts an export of the whole organization (admins only): the job that writes it is
 * enqueued in the same transaction. One export is written at a time.
 */
export function startOrganizationExport(ctx: RequestContext): Promise<OrgExport> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    const running = await repo.findUnfinishedExport(tx);
    if (running) {
      throw new ConflictError('An export of this organization is already being written', {
        export_id: running.id,
      });
    }
    const row = await repo.insertExport(tx, ctx.orgId, ctx.userId);
    await enqueueJob(
      tx,
      'exports__organization',
      { org_id: ctx.orgId, export_id: row.id },
      { maxAttempts: 3 },
    );
    return withPercent(row);
  });
}

export function listOrganizationExports(ctx: RequestContext): Promise<OrgExport[]> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    return (await repo.recentExports(tx, 20)).map(withPercent);
  });
}

export function getOrganizationExport(ctx: RequestContext, id: string): Promise<OrgExport> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    const row = await repo.findExport(tx, id);
    if (!row) throw new NotFoundError('Export');
    return withPercent(row);
  });
}

/**
 * Writes an export of the organization in this process, without the job queue, into `sink`
 * (the operator's `rampart org export`), and then removes the stored copy: the file on the
 * operator's disk is the only one. The same writer and the same ZIP as an admin's export.
 */
export async function exportOrganizationTo(
  ctx: RequestContext,
  log: Logger,
  sink: Writable,
): Promise<repo.ExportRow> {
  const started = await withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    return repo.insertExport(tx, ctx.orgId, ctx.userId);
  });
  try {
    await runOrganizationExport({ ...ctx.deps, log }, { org_id: ctx.orgId, export_id: started.id });
    let written: Promise<void> = Promise.resolve();
    let ready = started;
    await downloadOrganizationExport(ctx, started.id, (zip, row) => {
      ready = row;
      written = pipeline(zip, sink);
    });
    await written;
    return ready;
  } finally {
    await withTenant(ctx.deps.db, ctx, (tx) => repo.deleteExport(tx, started.id));
  }
}

/** Streams a ready export's ZIP from its stored pieces, a few megabytes at a time. */
export async function downloadOrganizationExport(
  ctx: RequestContext,
  id: string,
  send: (zip: Readable, row: repo.ExportRow) => void,
): Promise<void> {
  await withTenantClient(
    ctx.deps.db,
    ctx,
    { checkMembership: true },
    async (client, member, tx) => {
      requireAdmin(member!);
      const [row] = await runOn(client, repo.selectExport(tx, id).compile());
      if (!row) throw new NotFoundError('Export');
      if (row.status === 'expired')
        throw new ConflictError('This export has expired; start a new one', { status: row.status });
      if (row.status !== 'ready')
        throw new ConflictError('This export is not ready yet', { status: row.status });
      const pieces = streamRows(client, repo.exportChunks(tx, id), 4);
      const zip = new Transform({
        readableObjectMode: false,
        writableObjectMode: true,
        transform(piece: [Buffer], _encoding, done) {
          done(null, piece[0]);
        },
      });
      send(zip, row);
      await pipeline(pieces, zip);
    },
  );
}
