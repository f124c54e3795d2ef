import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded.js';
import { migrate } from '../../src/db/migrate.js';
import { ContextKey, installContextKey } from '../../src/db/context-key.js';
import { DEFAULT_WORKER_ROLE, ensureAppRole, WORKER_GROUPS } from '../../src/db/roles.js';

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    templateDatabase: string;
    templateAppUrl: string;
    templateWorkerUrl: string;
  }
}

/**
 * Tests run against a real PostgreSQL: the server named by DATABASE_URL (CI's local one), or
 * an embedded one under data/test-postgres. The schema is migrated once into a template
 * database; every test file gets its own copy of it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let embedded: EmbeddedDatabase | undefined;
  let adminUrl = process.env['DATABASE_URL'];
  if (!adminUrl) {
    const dataDir = path.resolve(import.meta.dirname, '../../../data/test');
    embedded = await startEmbeddedPostgres(
      dataDir,
      Number(process.env['TEST_PG_PORT'] ?? 5489),
      () => undefined,
    );
    adminUrl = embedded.superuserUrl;
  }
  // Named per run, so that several runs can share one server.
  const templateDatabase = `rampart_test_tpl_${process.pid}`;
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${templateDatabase} WITH (FORCE)`);
  await adminQuery(adminUrl, `CREATE DATABASE ${templateDatabase}`);
  const templateUrl = withDatabase(adminUrl, templateDatabase);
  await migrate(templateUrl, () => undefined);
  await installContextKey(templateUrl, new ContextKey(TEST_JWT_SECRET));
  const templateAppUrl = await ensureAppRole(templateUrl);
  const templateWorkerUrl = await ensureAppRole(
    templateUrl,
    DEFAULT_WORKER_ROLE,
    undefined,
    undefined,
    WORKER_GROUPS,
  );
  project.provide('adminUrl', adminUrl);
  project.provide('templateDatabase', templateDatabase);
  project.provide('templateAppUrl', templateAppUrl);
  project.provide('templateWorkerUrl', templateWorkerUrl);

  return async () => {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${templateDatabase} WITH (FORCE)`);
    await embedded?.stop();
  };
}

/** The secret of every test configuration, from which the tenant-context key is derived. */
export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
