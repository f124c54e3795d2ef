import { setTimeout as sleep } from 'node:timers/promises';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { trackConnection, type CancellableConnection } from './request-scope.js';
import type { ContextKey } from './context-key.js';
import type { Database } from './schema.js';

// int8 counts (count(*)) become numbers, which is safe for anything Rampart counts.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  pool: pg.Pool;
  db: Db;
  close(): Promise<void>;
}

/** Leading statements without parameters (`BEGIN ...;`, `SET LOCAL ...;`), then the last one. */
const LEADING_STATEMENTS = /^((?:(?:BEGIN|SET LOCAL)\b[^;'$]*;\s*)+)([\s\S]+)$/i;

/**
 * A parameterized statement preceded by statements that open a transaction, sent as one
 * pipeline of the extended protocol: every Parse, Bind and Execute, then one Sync. One round
 * trip, like a simple-protocol message holding several statements, but the last statement's
 * values travel as parameters, never in the query text that `pg_stat_activity` shows to every
 * session of the same role. PostgreSQL refuses several statements in one extended-protocol
 * statement, so such a text has no other meaning.
 */
class LeadingStatementsQuery extends pg.Query {
  readonly leading: readonly string[];

  constructor(leading: readonly string[], text: string, values: unknown[]) {
    super(text, values);
    this.leading = leading;
  }

  // pg's Query writes its own Parse, Bind, Describe, Execute and Sync here; ours go first.
  prepare(connection: unknown): void {
    const wire = connection as {
      parse(query: { text: string }): void;
      bind(config: Record<string, never>): void;
      execute(config: Record<string, never>): void;
    };
    for (const text of this.leading) {
      wire.parse({ text });
      wire.bind({});
      wire.execute({});
    }
    (pg.Query.prototype as unknown as { prepare(c: unknown): void }).prepare.call(this, connection);
  }
}

/**
 * Runs `text` on `client`, pipelined when it opens a transaction and has values. A text of
 * several statements answers with one result per statement.
 */
export function queryOn(
  client: pg.ClientBase,
  text: string,
  values: unknown[] = [],
): Promise<pg.QueryResult | pg.QueryResult[]> {
  const match = values.length > 0 ? LEADING_STATEMENTS.exec(text) : null;
  if (!match) return client.query(text, values);
  const leading = match[1]!
    .split(';')
    .map((statement) => statement.trim())
    .filter(Boolean);
  const query = new LeadingStatementsQuery(leading, match[2]!, values);
  return new Promise((resolve, reject) => {
    (query as unknown as { callback: (error: Error | null, result: unknown) => void }).callback = (
      error,
      result,
    ) => (error ? reject(error) : resolve(result as pg.QueryResult[]));
    client.query(query);
  });
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
      const release = trackConnection(client as unknown as CancellableConnection);
      const adapted = {
        query: (text: unknown, parameters?: ReadonlyArray<unknown>) => {
          if (typeof text !== 'string') return client.query(text as pg.Submittable);
          return queryOn(client, text, (parameters ?? []) as unknown[]).then(
            (result: pg.QueryResult | pg.QueryResult[]) =>
              Array.isArray(result) ? result.at(-1) : result,
          );
        },
        release: (destroy?: boolean) => {
          const mustClose = release();
          client.release(destroy === true || mustClose);
        },
      };
      return adapted as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}

const poolOfDb = new WeakMap<Db, pg.Pool>();
const keyOfDb = new WeakMap<Db, ContextKey>();

/**
 * The pg pool beneath a Kysely instance, for what Kysely cannot stream: `COPY ... TO STDOUT`
 * and cursors read as a stream.
 */
export function poolOf(db: Db): pg.Pool {
  const pool = poolOfDb.get(db);
  if (!pool) throw new TypeError('not a database opened by openDatabase()');
  return pool;
}

/** The key that signs the tenant contexts of units of work on `db`. */
export function contextKeyOf(db: Db): ContextKey {
  const key = keyOfDb.get(db);
  if (!key) throw new TypeError('not a database opened by openDatabase()');
  return key;
}

/**
 * A pool plus a Kysely instance on top of it. Kysely sends unnamed statements only. `key`
 * signs the tenant context of every unit of work opened on it.
 */
export function openDatabase(
  connectionString: string,
  max: number,
  key: ContextKey,
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
  keyOfDb.set(db, key);
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
