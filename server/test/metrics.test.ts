import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, retryingConflicts } from '../src/db/transient.js';
import { BUSIEST_ORGANIZATIONS } from '../src/modules/metrics/metrics.service.js';
import { createTestApp, signUp, type TestApp } from './support/test-app.js';

const TOKEN = 'a-metrics-token-that-is-long-enough-0123456789';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ env: { METRICS_TOKEN: TOKEN } });
});
afterAll(async () => {
  await t?.close();
});

async function scrape(): Promise<string> {
  const response = await t.app.inject({
    method: 'GET',
    url: '/metrics',
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toContain('text/plain');
  return response.body;
}

/** Every sample of one metric: its labels and value. */
function samples(text: string, name: string): { labels: Record<string, string>; value: number }[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .map((line) => {
      const match = /^[^{ ]+(?:\{(.*)\})? (\S+)$/.exec(line)!;
      const labels = Object.fromEntries(
        [...(match[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
      );
      return { labels, value: Number(match[2]) };
    });
}

function value(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  return samples(text, name).find((s) =>
    Object.entries(labels).every(([key, wanted]) => s.labels[key] === wanted),
  )?.value;
}

describe('GET /metrics', () => {
  it('is refused without the token, or with another one', async () => {
    for (const headers of [
      {},
      { authorization: 'Bearer not-the-token' },
      { authorization: TOKEN },
    ]) {
      const response = await t.app.inject({ method: 'GET', url: '/metrics', headers });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ error: { code: 'unauthorized' } });
      expect(response.body).not.toContain('rampart_http_requests_total');
    }
  });

  it('does not exist when no token is configured', async () => {
    const plain = await createTestApp();
    try {
      const response = await plain.app.inject({ method: 'GET', url: '/metrics' });
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('# HELP');
    } finally {
      await plain.close();
    }
  });

  it('reports requests by route pattern and status, the pool, the jobs, the outbox and the process', async () => {
    const user = await signUp(t.app, 'watched');
    for (let i = 0; i < 3; i += 1)
      await t.app.inject({ method: 'GET', url: '/api/v1/leads', headers: user.auth });
    const missing = randomUUID();
    const notFound = await t.app.inject({
      method: 'GET',
      url: `/api/v1/leads/${missing}`,
      headers: user.auth,
    });
    expect(notFound.statusCode).toBe(404);

    await t.ownerQuery(
      `SELECT graphile_worker.add_job('email__send', '{}'::json, run_at := now() - interval '90 seconds')`,
    );
    await t.ownerQuery(`SELECT graphile_worker.add_job('email__send', '{}'::json)`);
    await t.ownerQuery(
      `UPDATE graphile_worker._private_jobs SET attempts = max_attempts, last_error = 'gone'
       WHERE id = (SELECT max(id) FROM graphile_worker._private_jobs)`,
    );
    await t.ownerQuery(
      `INSERT INTO email_outbox (org_id, to_address, subject, text_body, kind, status)
       VALUES ($1, 'a@example.com', 's', 't', 'invitation', 'kept'),
              ($1, 'b@example.com', 's', 't', 'invitation', 'kept'),
              ($1, 'c@example.com', 's', 't', 'invitation', 'failed')`,
      [user.orgId],
    );

    const text = await scrape();
    const list = { method: 'GET', route: '/api/v1/leads', status: '200' };
    expect(value(text, 'rampart_http_requests_total', list)).toBe(3);
    expect(value(text, 'rampart_http_request_duration_seconds_count', list)).toBe(3);
    expect(
      value(text, 'rampart_http_requests_total', {
        route: '/api/v1/leads/:lead_id',
        status: '404',
      }),
    ).toBe(1);
    expect(text).not.toContain(missing);
    expect(value(text, 'rampart_org_http_requests_total', { org: user.orgId })).toBe(4);

    expect(value(text, 'rampart_db_pool_total')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'rampart_db_pool_idle')).toBeGreaterThanOrEqual(0);
    expect(value(text, 'rampart_db_pool_waiting')).toBe(0);

    expect(value(text, 'rampart_jobs', { state: 'waiting' })).toBeGreaterThanOrEqual(1);
    expect(value(text, 'rampart_jobs', { state: 'failed' })).toBe(1);
    expect(value(text, 'rampart_jobs_oldest_waiting_seconds')).toBeGreaterThanOrEqual(89);
    expect(value(text, 'rampart_email_outbox_messages', { status: 'kept' })).toBe(2);
    expect(value(text, 'rampart_email_outbox_messages', { status: 'failed' })).toBe(1);
    expect(value(text, 'rampart_email_outbox_messages', { status: 'sent' })).toBe(0);

    expect(value(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(value(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(value(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  it('counts transactions run again after a conflict, and those that gave up', async () => {
    const before = await scrape();
    const retried = value(before, 'rampart_db_transaction_retries_total', { outcome: 'retried' })!;
    const gaveUp = value(before, 'rampart_db_transaction_retries_total', { outcome: 'gave_up' })!;
    const deadlock = () => Object.assign(new Error('deadlock detected'), { code: '40P01' });
    // One unit of work that meets a deadlock once, then one that always does.
    let attempts = 0;
    await retryingConflicts(async () => {
      attempts += 1;
      if (attempts === 1) throw deadlock();
    });
    await expect(
      retryingConflicts(async () => {
        throw deadlock();
      }),
    ).rejects.toMatchObject({ code: '40P01' });

    const after = await scrape();
    expect(value(after, 'rampart_db_transaction_retries_total', { outcome: 'retried' })).toBe(
      retried + 1 + (MAX_ATTEMPTS - 1),
    );
    expect(value(after, 'rampart_db_transaction_retries_total', { outcome: 'gave_up' })).toBe(
      gaveUp + 1,
    );
  });

  it(`names only the ${BUSIEST_ORGANIZATIONS} busiest organizations when 50 make requests`, async () => {
    const before = await scrape();
    const routesBefore = samples(before, 'rampart_http_requests_total').length;
    const users = [];
    for (let i = 0; i < 50; i += 1) users.push(await signUp(t.app, `tenant${i}`));
    // Organization i makes i + 1 requests, each to a different record: the busiest are the last.
    for (const [i, user] of users.entries())
      for (let n = 0; n <= i; n += 1)
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/leads/${randomUUID()}`,
          headers: user.auth,
        });

    const text = await scrape();
    const perOrg = samples(text, 'rampart_org_http_requests_total');
    expect(perOrg).toHaveLength(BUSIEST_ORGANIZATIONS + 1);
    const named = perOrg.filter((s) => s.labels.org !== 'other').map((s) => s.labels.org);
    expect(new Set(named)).toEqual(
      new Set(users.slice(-BUSIEST_ORGANIZATIONS).map((user) => user.orgId)),
    );
    expect(value(text, 'rampart_org_http_requests_total', { org: users[49]!.orgId })).toBe(50);
    const everyRequest = users.reduce((sum, _user, i) => sum + i + 1, 0);
    const counted = perOrg.reduce((sum, s) => sum + s.value, 0);
    // The earlier test's organization is among the rest.
    expect(counted).toBe(everyRequest + 4);

    // 1,275 requests to 1,275 addresses, and the routes add no series but sign-up's and this one's.
    const routes = samples(text, 'rampart_http_requests_total');
    expect(routes.length - routesBefore).toBeLessThanOrEqual(2);
    expect(
      value(text, 'rampart_http_requests_total', {
        route: '/api/v1/leads/:lead_id',
        status: '404',
      }),
    ).toBe(everyRequest + 1);
  }, 120_000);
});
