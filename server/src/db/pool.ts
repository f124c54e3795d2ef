import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
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
      const adapted = {
        query: (text: unknown, parameters?: ReadonlyArray<unknown>) => {
          if (typeof text !== 'string') return client.query(text as pg.Submittable);
          return client
            .query(text, parameters as unknown[])
            .then((result: pg.QueryResult | pg.QueryResult[]) =>
              Array.isArray(result) ? result.at(-1) : result,
            );
        },
        release: (destroy?: boolean) => client.release(destroy),
      };
      return adapted as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}

/** A pool plus a Kysely instance on top of it. Kysely sends unnamed statements only. */
export function openDatabase(connectionString: string, max: number): DatabaseHandle {
  const pool = new pg.Pool({ connectionString, max, application_name: 'rampart' });
  // An idle client that loses its server (restart, PgBouncer recycle) must not crash the process.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: lastResultPool(pool) }) });
  return {
    pool,
    db,
    close: async () => {
      await db.destroy();
    },
  };
}
