import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRoutes, tableFacts } from '../../bench/lib/plans.mjs';
import { encodeCursor } from '../src/lib/cursor.js';
import {
  createTestApp,
  signUp,
  testContextKey,
  type SignedUp,
  type TestApp,
} from './support/test-app.js';

const RECORDS = 100_000;

// The duplicates page at the size of a large organization: 100,000 contacts, a fifth of them
// sharing a name, a third of them with a phone number. Its queries stay index scans under the
// tenant policy (asserted); how long a page takes is printed, not asserted (machines differ).
describe('groups of likely duplicates at 100,000 records', () => {
  let t: TestApp;
  let who: SignedUp;
  const clients: pg.Client[] = [];
  const connect = async (url: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    t = await createTestApp();
    who = await signUp(t.app, 'scale');
    const other = await signUp(t.app, 'scale-other');
    for (const [org, count] of [
      [who.orgId, RECORDS],
      [other.orgId, RECORDS / 4],
    ] as const) {
      await t.ownerQuery(
        `INSERT INTO contacts (org_id, first_name, last_name, email, phone)
         SELECT $1, 'Person', 'Number ' || (n % ($2 * 4 / 5)), 'p' || n || '@scale.example',
           CASE WHEN n % 3 = 0 THEN '+1 555 ' || lpad((n % ($2 / 4))::text, 7, '0') END
         FROM generate_series(1, $2::int) AS n`,
        [org, count],
      );
    }
    await t.ownerQuery('VACUUM ANALYZE contacts');
  }, 300_000);
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end()));
    await t?.close();
  });

  it('reads a page of groups by index, and prints how long it takes', async () => {
    const routes = [
      '/api/v1/contacts/duplicates/groups',
      `/api/v1/contacts/duplicates/groups?cursor=${encodeCursor([0, 'person number 5'])}`,
      `/api/v1/contacts/duplicates/groups?cursor=${encodeCursor([1, ''])}`,
    ];
    const inject = async (url: string) => {
      const response = await t.app.inject({ method: 'GET', url, headers: who.auth });
      return { statusCode: response.statusCode, body: response.body };
    };
    // The plan gate follows next_cursor on its own: the first page and the next.
    const results = await checkRoutes({
      routes: routes.slice(0, 1),
      inject,
      explainClient: await connect(t.testDb.appUrl),
      org: { id: who.orgId, userId: who.userId },
      facts: await tableFacts(await connect(t.testDb.ownerUrl)),
      proveContext: (orgId: string, userId: string) => testContextKey.proveContext(orgId, userId),
    });
    expect(results.flatMap((r) => r.problems.map((p: string) => `${r.url}: ${p}`))).toEqual([]);

    for (const url of routes) {
      const times: number[] = [];
      let groups = 0;
      for (let i = 0; i < 5; i += 1) {
        const started = performance.now();
        const { body } = await inject(url);
        times.push(performance.now() - started);
        groups = (JSON.parse(body) as { data: unknown[] }).data.length;
      }
      times.sort((x, y) => x - y);
      console.log(
        `${url}: ${groups} groups, median ${times[2]!.toFixed(1)} ms over ${RECORDS} contacts`,
      );
      expect(groups).toBe(25);
    }
  }, 120_000);
});
