import {
  CompiledQuery,
  createQueryId,
  PostgresQueryCompiler,
  type KyselyPlugin,
  type RootOperationNode,
} from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withContext } from '../src/db/tenant.js';
import { listRecords } from '../src/modules/records/owned.repo.js';
import {
  createTestApp,
  signUp,
  testContextKey,
  type SignedUp,
  type TestApp,
} from './support/test-app.js';

let t: TestApp;
let a: SignedUp;

beforeAll(async () => {
  t = await createTestApp();
  a = await signUp(t.app, 'list-a');
  const b = await signUp(t.app, 'list-b');
  // Two tenants of some size, so that the planner weighs a page against a sort of thousands.
  for (const [who, count] of [
    [a, 5000],
    [b, 15000],
  ] as const) {
    await t.ownerQuery(
      `BEGIN;
       SELECT set_config('app.tenant_proof', '${testContextKey.proveContext(who.orgId, who.userId)}', true);
       INSERT INTO leads (org_id, last_name, created_at)
       SELECT '${who.orgId}', 'Lead ' || n, now() - make_interval(secs => n)
       FROM generate_series(1, ${count}) AS n;
       COMMIT;`,
    );
  }
  await t.ownerQuery('ANALYZE leads');
});
afterAll(async () => {
  await t.close();
});

/** The plan of the first query `run` sends, made as `who` beneath the tenant policy. */
async function planOf(who: SignedUp, run: Parameters<typeof withContext>[2]): Promise<string> {
  return withContext(t.deps.db, { orgId: who.orgId, userId: who.userId }, async (tx) => {
    const sent: RootOperationNode[] = [];
    const capture: KyselyPlugin = {
      transformQuery: ({ node }) => {
        sent.push(node);
        return node;
      },
      transformResult: async ({ result }) => result,
    };
    await run(tx.withPlugin(capture));
    const query = new PostgresQueryCompiler().compileQuery(sent[0]!, createQueryId());
    const result = await tx.executeQuery<{ 'QUERY PLAN': string }>(
      CompiledQuery.raw(`EXPLAIN ${query.sql}`, [...query.parameters]),
    );
    return result.rows.map((row) => row['QUERY PLAN']).join('\n');
  });
}

describe('list pages', () => {
  it('read a page of a NOT NULL sort straight from its index, newest first or oldest first', async () => {
    for (const sort of ['-created_at', 'created_at', '-updated_at', 'updated_at']) {
      const plan = await planOf(a, (tx) => listRecords(tx, 'lead', { sort, limit: 50 }, {}));
      // A Sort node here would mean reading and sorting every lead of the tenant for one page.
      expect(plan, `${sort}:\n${plan}`).not.toMatch(/Sort/);
      expect(plan, `${sort}:\n${plan}`).toMatch(
        /Index (Only )?Scan (Backward )?using leads_\w+_idx/,
      );
    }
  });
});
