import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganizations, type Organization } from '../../bench/lib/data.mjs';
import { checkRoutes, hotRoutes, sampleIds, tableFacts } from '../../bench/lib/plans.mjs';
import { signAccessToken } from '../src/modules/auth/access-tokens.js';
import { createTestApp, type TestApp } from './support/test-app.js';

// The plan gate of the benchmark suite (bench/benchmarks/plans.mjs) on a smaller data set: the
// SQL every hot read really sends, captured at the driver and explained as the API's role in
// the same tenant context, never scans a tenant table whole nor leaves the policy as a filter.
describe('query plans of the hot reads under RLS', () => {
  let t: TestApp;
  let orgs: Organization[];
  const clients: pg.Client[] = [];

  const connect = async (url: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    t = await createTestApp();
    // Several organizations, the measured one a modest share of every table, as in production.
    orgs = await createOrganizations(t.testDb.ownerUrl, [
      { name: 'Measured', leads: 2_000 },
      ...Array.from({ length: 5 }, (_, i) => ({ name: `Other ${i + 1}`, leads: 2_500 })),
    ]);
    await t.ownerQuery('VACUUM ANALYZE');
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end()));
    await t?.close();
  });

  it('has no sequential scan of a tenant table and the policy as an index condition', async () => {
    const owner = await connect(t.testDb.ownerUrl);
    const org = orgs[0]!;
    const token = await signAccessToken(t.deps.config.jwtSecret, {
      userId: org.userId,
      orgId: org.id,
    });
    const results = await checkRoutes({
      routes: hotRoutes(await sampleIds(owner, org)),
      inject: async (url) => {
        const response = await t.app.inject({
          method: 'GET',
          url,
          headers: { authorization: `Bearer ${token}` },
        });
        return { statusCode: response.statusCode, body: response.body };
      },
      explainClient: await connect(t.testDb.appUrl),
      org,
      facts: await tableFacts(owner),
    });
    expect(results.length).toBeGreaterThan(100);
    expect(results.reduce((sum, r) => sum + (r.statements ?? 0), 0)).toBeGreaterThan(200);
    expect(results.flatMap((r) => r.problems.map((p) => `${r.url}: ${p}`))).toEqual([]);
  }, 60_000);
});
