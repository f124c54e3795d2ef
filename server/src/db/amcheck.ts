import type { Queryable } from './tenant-wall.js';

export interface StorageFinding {
  /** The index or table. */
  subject: string;
  message: string;
}

/** Schemas whose tables and indexes are Rampart's: its own and graphile-worker's queue. */
const SCHEMAS = ['public', 'graphile_worker'];

/**
 * Checks every btree index (each entry points at a heap tuple, and every heap tuple has its
 * entry: `bt_index_check(..., heapallindexed => true)`) and every table's heap
 * (`verify_heapam`) with PostgreSQL's amcheck extension. Copying a running cluster's folder
 * once gave exactly such corruption here (DESIGN.md). Read-only, and taking only the locks a
 * SELECT takes; `client` must be inside a transaction, which the caller rolls back so the
 * extension, created for the check if it was missing, is not left behind.
 */
export async function findStorageCorruption(client: Queryable): Promise<StorageFinding[]> {
  await client.query('CREATE EXTENSION IF NOT EXISTS amcheck');
  const { rows: located } = await client.query(
    `SELECT quote_ident(n.nspname) AS schema FROM pg_extension e
     JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'amcheck'`,
  );
  const amcheck = (located[0] as { schema: string }).schema;
  const findings: StorageFinding[] = [];

  const { rows: indexes } = await client.query(
    `SELECT i.indexrelid::regclass::text AS name, i.indisvalid AND i.indisready AS usable
     FROM pg_index i
     JOIN pg_class c ON c.oid = i.indexrelid
     JOIN pg_am am ON am.oid = c.relam
     WHERE am.amname = 'btree' AND c.relnamespace::regnamespace::text = ANY ($1)
       AND c.relpersistence <> 't'
     ORDER BY 1`,
    [SCHEMAS],
  );
  for (const index of indexes as Array<{ name: string; usable: boolean }>) {
    if (!index.usable) {
      findings.push({
        subject: index.name,
        message: `index ${index.name} is not valid (a failed CREATE INDEX CONCURRENTLY?): rebuild it with REINDEX`,
      });
      continue;
    }
    const problem = await attempt(client, `SELECT ${amcheck}.bt_index_check($1::regclass, true)`, [
      index.name,
    ]);
    if (problem) findings.push({ subject: index.name, message: `index ${index.name}: ${problem}` });
  }

  const { rows: tables } = await client.query(
    `SELECT c.oid::regclass::text AS name FROM pg_class c
     WHERE c.relkind IN ('r', 'm') AND c.relnamespace::regnamespace::text = ANY ($1)
       AND c.relpersistence <> 't'
     ORDER BY 1`,
    [SCHEMAS],
  );
  for (const table of tables as Array<{ name: string }>) {
    const { rows: damaged } = await client.query(
      `SELECT blkno, offnum, msg FROM ${amcheck}.verify_heapam($1::regclass) LIMIT 5`,
      [table.name],
    );
    for (const row of damaged as Array<{ blkno: number; offnum: number | null; msg: string }>) {
      findings.push({
        subject: table.name,
        message: `table ${table.name}, block ${row.blkno}${row.offnum ? `, item ${row.offnum}` : ''}: ${row.msg}`,
      });
    }
  }
  return findings;
}

/** Runs one check in a savepoint: a corrupt index raises an error that must not end the rest. */
async function attempt(
  client: Queryable,
  text: string,
  values: unknown[],
): Promise<string | undefined> {
  await client.query('SAVEPOINT amcheck_one');
  try {
    await client.query(text, values);
    await client.query('RELEASE SAVEPOINT amcheck_one');
    return undefined;
  } catch (error) {
    await client.query('ROLLBACK TO SAVEPOINT amcheck_one');
    return (error as Error).message;
  }
}
