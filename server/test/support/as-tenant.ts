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
