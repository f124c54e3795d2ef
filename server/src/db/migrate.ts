import { readdirSync } from 'node:fs';
import path from 'node:path';
import { runMigrations as runWorkerMigrations } from 'graphile-worker';
import { runner } from 'node-pg-migrate';
import pg from 'pg';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../db/migrations');

/** The newest migration this build knows: what `/api/ready` waits for, an export's schema version. */
/** Every migration's name, oldest first: the schema versions this build knows. */
export const MIGRATIONS: readonly string[] = readdirSync(MIGRATIONS_DIR)
  .filter((file) => file.endsWith('.sql'))
  .map((file) => file.replace(/\.sql$/, ''))
  .sort();

export const LATEST_MIGRATION = MIGRATIONS.at(-1) ?? '';

/** The group role every API connection belongs to; migrations grant privileges to it. */
export const API_GROUP_ROLE = 'rampart_api';

/** The group role of the worker's connections, on top of the API's: the job queue. */
export const WORKER_GROUP_ROLE = 'rampart_jobs';

/**
 * Applies Rampart's forward-only SQL migrations and graphile-worker's own schema, as the owner,
 * under an advisory lock, so processes that start together apply each migration once.
 */
export async function migrate(
  ownerUrl: string,
  log: (message: string) => void,
  options: { upTo?: string | undefined } = {},
): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl, application_name: 'rampart-migrate' });
  await client.connect();
  try {
    // One lock around everything below (our migrations, the worker's schema, the grants):
    // processes that start together wait here and then find nothing left to do.
    await client.query("SELECT pg_advisory_lock(hashtext('rampart:migrate'))");
    await runner({
      dbClient: client,
      dir: MIGRATIONS_DIR,
      direction: 'up',
      migrationsTable: 'schema_migrations',
      checkOrder: true,
      advisoryLockMode: 'wait',
      // A restore first builds the schema its backup was taken at, then the newer ones apply.
      ...(options.upTo === undefined ? {} : { count: MIGRATIONS.indexOf(options.upTo) + 1 }),
      log: (message: string) => {
        if (message.startsWith('> Migrating')) log(message.replace(/^> /, ''));
      },
    });
    await runWorkerMigrations({ connectionString: ownerUrl });
    // The worker's queue lives in its own schema. Only the worker's group reads and runs jobs;
    // the API role enqueues through enqueue_job() (migration 0018) and reads nothing back.
    await client.query(`
      GRANT SELECT ON schema_migrations TO ${API_GROUP_ROLE};
      REVOKE ALL ON ALL TABLES IN SCHEMA graphile_worker FROM ${API_GROUP_ROLE};
      REVOKE ALL ON ALL SEQUENCES IN SCHEMA graphile_worker FROM ${API_GROUP_ROLE};
      REVOKE ALL ON ALL FUNCTIONS IN SCHEMA graphile_worker FROM ${API_GROUP_ROLE}, PUBLIC;
      REVOKE ALL ON SCHEMA graphile_worker FROM ${API_GROUP_ROLE};
      GRANT USAGE ON SCHEMA graphile_worker TO ${WORKER_GROUP_ROLE};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA graphile_worker TO ${WORKER_GROUP_ROLE};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA graphile_worker TO ${WORKER_GROUP_ROLE};
      GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA graphile_worker TO ${WORKER_GROUP_ROLE};
    `);
    // graphile-worker enables row-level security on its tables without any policy (so that a
    // database-exposing API cannot touch them), which leaves a non-owner role unable to run a
    // job. The worker's group gets the whole queue; the policy once given to the API role goes.
    await client.query(`
      DO $$
      DECLARE
        queue_table regclass;
      BEGIN
        FOR queue_table IN
          SELECT c.oid::regclass FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'graphile_worker' AND c.relkind = 'r' AND c.relrowsecurity
        LOOP
          EXECUTE format('DROP POLICY IF EXISTS rampart_api_queue ON %s', queue_table);
          IF NOT EXISTS (SELECT FROM pg_policy p
                         WHERE p.polrelid = queue_table AND p.polname = 'rampart_worker_queue') THEN
            EXECUTE format('CREATE POLICY rampart_worker_queue ON %s FOR ALL TO ${WORKER_GROUP_ROLE} '
              'USING (true) WITH CHECK (true)', queue_table);
          END IF;
        END LOOP;
      END
      $$;
    `);
  } finally {
    // Ending the session releases the advisory lock.
    await client.end();
  }
}
