import { setTimeout as sleep } from 'node:timers/promises';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { trackConnection, type CancellableConnection } from './request-scope.js';
import type { Database } from './schema.js';

// int8 counts (count(*)) become numbers, which is safe for anything Rampart counts.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  pool: pg.Pool;
  db: Db;
  close(): Promise<void>;
}

/**
 * Kysely's view of the pg pool. A message holding several statements (the tenant context's
 * opening: BEGIN plus a SELECT) answers with one result per statement; Kysely is given the
 * last one, the only one that returns rows.
 */
function lastResultPool(pool: pg.Pool): PostgresPool {
  return {
    connect: async () => {
      const client = await pool.connect();
      const untrack = trackConnection(client as unknown as CancellableConnection);
      const adapted = {
        query: (text: unknown, parameters?: ReadonlyArray<unknown>) => {
          if (typeof text !== 'string') return client.query(text as pg.Submittable);
          return client
            .query(text, parameters as unknown[])
            .then((result: pg.QueryResult | pg.QueryResult[]) =>
              Array.isArray(result) ? result.at(-1) : result,
            );
        },
        release: (destroy?: boolean) => {
          untrack();
          client.release(destroy);
        },
      };
      return adapted as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}

const poolOfDb = new WeakMap<Db, pg.Pool>();

/**
 * The pg pool beneath a Kysely instance, for what Kysely cannot stream: `COPY ... TO STDOUT`
 * and cursors read as a stream.
 */
export function poolOf(db: Db): pg.Pool {
  const pool = poolOfDb.get(db);
  if (!pool) throw new TypeError('not a database opened by openDatabase()');
  return pool;
}

/** A pool plus a Kysely instance on top of it. Kysely sends unnamed statements only. */
export function openDatabase(
  connectionString: string,
  max: number,
  /** How long a caller waits for a free connection before the pool gives up. */
  waitMs = 5_000,
): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: waitMs,
    application_name: 'rampart',
  });
  // An idle client that loses its server (restart, PgBouncer recycle) must not crash the process.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: lastResultPool(pool) }) });
  poolOfDb.set(db, pool);
  return {
    pool,
    db,
    close: async () => {
      await db.destroy();
    },
  };
}

/** Errors that waiting does not cure: wrong password, unknown role or database. */
const PERMANENT_ERRORS = new Set(['28P01', '28000', '3D000', '42501']);

/** `host:port/database`, for logs: never the credentials. */
export function describeDatabase(connectionString: string): string {
  const url = new URL(connectionString);
  return `${url.hostname}:${url.port || 5432}${url.pathname}`;
}

export interface WaitOptions {
  /** Give up (throw) after this long. */
  timeoutMs: number;
  log: (message: string) => void;
  firstDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Waits until PostgreSQL (or PgBouncer in front of it) answers a query, retrying with a
 * growing delay. Containers and service managers often start the app before the database is
 * up; exiting then would only make them restart it in a loop.
 */
export async function waitForDatabase(
  connectionString: string,
  options: WaitOptions,
): Promise<void> {
  const where = describeDatabase(connectionString);
  const startedAt = Date.now();
  let delay = options.firstDelayMs ?? 250;
  for (let attempt = 1; ; attempt += 1) {
    const client = new pg.Client({
      connectionString,
      connectionTimeoutMillis: 5000,
      // Through PgBouncer the connection opens at once and the query waits for a server.
      query_timeout: 5000,
      application_name: 'rampart-wait',
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      if (attempt > 1) options.log(`PostgreSQL at ${where} answers`);
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      const code = (error as { code?: string }).code;
      if (code && PERMANENT_ERRORS.has(code)) throw error;
      const reason = code ?? (error instanceof Error ? error.message : String(error));
      const waited = Date.now() - startedAt;
      if (waited + delay > options.timeoutMs) {
        throw new Error(
          `PostgreSQL at ${where} did not answer within ${Math.round(waited / 1000)} s (${reason})`,
          { cause: error },
        );
      }
      options.log(`waiting for PostgreSQL at ${where} (${reason}); trying again in ${delay} ms`);
      await sleep(delay);
      delay = Math.min(delay * 2, options.maxDelayMs ?? 5000);
    }
  }
}
