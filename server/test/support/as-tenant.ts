import pg from 'pg';
import { testContextKey, type SignedUp, type TestApp } from './test-app.js';

/**
 * Runs SQL as the superuser in one transaction with `who`'s tenant context set, as a request
 * would have it: triggers index the rows for search and audit them as `who`'s doing. For
 * arranging many rows at once; the values are the test's own, written into the SQL.
 */
export async function asTenant(t: TestApp, who: SignedUp, statements: string): Promise<void> {
  await t.ownerQuery(
    `BEGIN;
     SELECT set_config('app.tenant_proof', '${testContextKey.proveContext(who.orgId, who.userId)}', true);
     ${statements};
     COMMIT;`,
  );
}

/**
 * Runs `work` on a connection of the API's role (RLS in force) inside `who`'s tenant context,
 * in a transaction rolled back afterwards: for explaining statements as a request runs them.
 */
export async function asApiRole<T>(
  t: TestApp,
  who: Pick<SignedUp, 'orgId' | 'userId'>,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: t.testDb.appUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query("SELECT set_config('app.tenant_proof', $1, true)", [
      testContextKey.proveContext(who.orgId, who.userId),
    ]);
    return await work(client);
  } finally {
    await client.query('ROLLBACK');
    await client.end();
  }
}
