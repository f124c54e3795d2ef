import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchCaller, createOrganizations, type Organization } from '../../bench/lib/data.mjs';
import {
  checkRoutes,
  hotRoutes,
  pinningProblems,
  sampleIds,
  tableFacts,
  type RecordIds,
  WIDE_RANGE_LIST,
} from '../../bench/lib/plans.mjs';
import { TENANT_TABLES } from '../src/db/tenant-tables.js';
import { signAccessToken } from '../src/modules/auth/access-tokens.js';
import { asApiRole } from './support/as-tenant.js';
import { createTestApp, testContextKey, type TestApp } from './support/test-app.js';

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

  type Options = Pick<Parameters<typeof checkRoutes>[0], 'explainClient' | 'problemsOf'>;

  const readRoutes = async (routes: (ids: RecordIds) => string[], options: Options) => {
    const owner = await connect(t.testDb.ownerUrl);
    const org = orgs[0]!;
    const token = await signAccessToken(t.deps.config.jwtSecret, benchCaller(org));
    return checkRoutes({
      routes: routes(await sampleIds(owner, org)),
      inject: async (url) => {
        const response = await t.app.inject({
          method: 'GET',
          url,
          headers: { authorization: `Bearer ${token}` },
        });
        return { statusCode: response.statusCode, body: response.body };
      },
      org,
      facts: await tableFacts(owner),
      proveContext: (orgId, userId) => testContextKey.proveContext(orgId, userId),
      ...options,
    });
  };

  const readEveryRoute = async (options: Options) => {
    const results = await readRoutes(hotRoutes, options);
    expect(results.length).toBeGreaterThan(100);
    expect(results.reduce((sum, r) => sum + (r.statements ?? 0), 0)).toBeGreaterThan(200);
    return results.flatMap((r) => r.problems.map((p) => `${r.url}: ${p}`));
  };

  it('has no sequential scan of a tenant table and the policy as an index condition', async () => {
    expect(await readEveryRoute({ explainClient: await connect(t.testDb.appUrl) })).toEqual([]);
  }, 60_000);

  // The second layer beneath the wall: every statement names its organization, so that it
  // isolates tenants on its own and a distributed database can route it to one shard.
  it('pins every read of a tenant table to the organization, explained without the policies', async () => {
    const superuser = await connect(t.testDb.ownerUrl);
    const facts = await tableFacts(superuser);
    expect([...facts.tenant].sort()).toEqual([...TENANT_TABLES].sort());
    const org = orgs[0]!;
    expect(
      await readEveryRoute({
        explainClient: superuser,
        problemsOf: (plan) => pinningProblems(plan, facts, org.id),
      }),
    ).toEqual([]);
  }, 60_000);

  // Here memberships is small enough to be read whole, which hides how a large one is read:
  // with sequential scans off, the plan is the one a large instance gets.
  it("checks an organization's membership by its (org_id, user_id) key when it is read by id", async () => {
    const org = orgs[0]!;
    const plan = await asApiRole(t, { orgId: org.id, userId: org.userId }, async (client) => {
      await client.query('SET LOCAL enable_seqscan = off');
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(
        'EXPLAIN SELECT currency FROM orgs WHERE id = $1',
        [org.id],
      );
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(
      /Index Cond: \(\(org_id = orgs\.id\) AND \(user_id = verified_user\(\)\)\)/,
    );
    expect(plan).not.toMatch(/memberships_user_idx/);
  });

  // One table holds every field's values: the planner takes a range of one field's numbers for
  // its share of all values, most of them other fields' and empty in that column, and would
  // read and sort the whole range for a page of 50.
  it('walks the list order for a page of a range most records are in, sorting nothing', async () => {
    // The page read once as a CTE (with its tags and its records' values) is put back in its
    // order at the end: a sort of one page, over the CTE's rows and the values of those records
    // alone, so the CTE's own plan is not its input.
    const sorted = (plan: Plan): string[] => {
      const below = plan.Plans ?? [];
      const input = below.filter((child) => child['Parent Relationship'] !== 'InitPlan');
      return plan['Node Type'] === 'Sort' && input.some(readsValues)
        ? ['the values are read whole and sorted']
        : below.flatMap(sorted);
    };
    const results = await readRoutes(() => [WIDE_RANGE_LIST], {
      explainClient: await connect(t.testDb.appUrl),
      problemsOf: (plan) => sorted(plan as Plan),
    });
    expect(results.map((result) => result.problems)).toEqual([[], []]);
  }, 60_000);
});

interface Plan {
  'Node Type': string;
  'Relation Name'?: string;
  'Parent Relationship'?: string;
  'Index Cond'?: string;
  'Recheck Cond'?: string;
  Plans?: Plan[];
}

/** Reads values other than those of given records (`record_id = ANY(<the page's ids>)`). */
function readsValues(plan: Plan): boolean {
  const ofGivenRecords = /record_id = ANY/.test(`${plan['Index Cond']} ${plan['Recheck Cond']}`);
  return (
    (plan['Relation Name'] === 'custom_field_values' && !ofGivenRecords) ||
    (plan.Plans ?? []).some(readsValues)
  );
}
