import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded.js';
import { migrate } from '../../src/db/migrate.js';
import { ensureAppRole } from '../../src/db/roles.js';

export const TEMPLATE_DATABASE = 'rampart_test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    templateAppUrl: string;
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
    adminUrl = embedded.url;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  // Leftovers of interrupted runs.
  const { rows } = await admin.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname LIKE 'rampart_test\\_%' AND datname <> $1",
    [TEMPLATE_DATABASE],
  );
  for (const row of rows) await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
  await admin.end();

  const templateUrl = withDatabase(adminUrl, TEMPLATE_DATABASE);
  await migrate(templateUrl, () => undefined);
  const templateAppUrl = await ensureAppRole(templateUrl);
  project.provide('adminUrl', adminUrl);
  project.provide('templateAppUrl', templateAppUrl);

  return async () => {
    await embedded?.stop();
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
