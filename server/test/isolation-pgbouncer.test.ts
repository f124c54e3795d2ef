import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../src/db/pool.js';
import { withTenant } from '../src/db/tenant.js';
import { buildApp } from '../src/http/app.js';
import { createMailer } from '../src/mail/mailer.js';
import { findPgBouncer, startPgBouncer, type PgBouncer } from './support/pgbouncer.js';
import {
  checkForLeaks,
  readTeamsWithSessionSet,
  runConcurrently,
  type Observation,
  type TenantFingerprint,
} from './support/tenant-leaks.js';
import {
  createTestDatabase,
  signUp,
  testConfig,
  testContextKey,
  type SignedUp,
  type TestDatabase,
} from './support/test-app.js';

const ORGANIZATIONS = 6;
const TEAMS_PER_ORG = 3;
const REQUESTS = 600;
const CONCURRENCY = 50;

const binary = findPgBouncer();
if (!binary && !process.env['CI']) {
  console.warn(
    '\n*** SKIPPED: the PgBouncer isolation proof needs the pgbouncer binary ***\n' +
      '*** install it with: apt-get install pgbouncer (CI fails without it)   ***\n',
  );
}

interface Tenant extends TenantFingerprint {
  session: SignedUp;
  teamIds: string[];
}

describe.skipIf(!binary && !process.env['CI'])('tenant isolation through PgBouncer', () => {
  let testDb: TestDatabase;
  let bouncer: PgBouncer;
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let baseUrl: string;
  const tenants: Tenant[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    bouncer = await startPgBouncer({ serverUrl: testDb.appUrl, poolSize: 3 });
    // 20 client connections sharing 3 server connections.
    database = openDatabase(bouncer.url, 20, testContextKey);
    const config = testConfig();
    app = await buildApp(
      { config, db: database.db, mailer: createMailer(config) },
      { logger: false },
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    baseUrl = `http://127.0.0.1:${address.port}`;

    for (let index = 1; index <= ORGANIZATIONS; index += 1) {
      const marker = `tenant${index}`;
      const session = await signUp(app, marker);
      const teamIds = await withTenant(
        database.db,
        { orgId: session.orgId, userId: session.userId },
        async (tx) => {
          const rows = await tx
            .insertInto('teams')
            .values(
              Array.from({ length: TEAMS_PER_ORG }, (_, k) => ({
                org_id: session.orgId,
                name: `${marker} team ${k + 1}`,
                description: `Only ${marker} may read this`,
                created_by: session.userId,
              })),
            )
            .returning('id')
            .execute();
          await tx
            .updateTable('teams')
            .set({ description: `Renamed by ${marker}` })
            .where('id', '=', rows[0]?.id ?? '')
            .execute();
          return rows.map((row) => row.id);
        },
      );
      tenants.push({
        session,
        teamIds,
        marker,
        orgId: session.orgId,
        userId: session.userId,
        ids: teamIds,
      });
    }
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
    await bouncer?.stop();
    await testDb?.drop();
  });

  it('never shows an organization another one’s rows, under concurrent load', async () => {
    // Leave every server connection dirty with a session-level tenant, as a careless client
    // sharing the bouncer would: the application's transaction-local context must not care.
    const careless = new pg.Pool({ connectionString: bouncer.url, max: 10 });
    await Promise.all(
      tenants.map((tenant) =>
        careless.query("SELECT set_config('app.tenant_proof', $1, false)", [
          testContextKey.proveContext(tenant.orgId, tenant.userId),
        ]),
      ),
    );
    const leftovers = await Promise.all(
      tenants.map(() => careless.query<{ org: string | null }>('SELECT verified_org() AS org')),
    );
    await careless.end();
    const orgIds = tenants.map((tenant) => tenant.orgId);
    expect(leftovers.some((result) => orgIds.includes(result.rows[0]?.org ?? ''))).toBe(true);

    // Routes other modules add are exercised as soon as they exist.
    const endpoints = [
      '/api/v1/me',
      '/api/v1/audit-log?limit=20',
      '/api/v1/audit-log?table_name=teams',
      '/api/v1/audit-log/records/:team_id',
      '/api/v1/members',
      '/api/v1/teams',
    ].filter((url) => app.hasRoute({ method: 'GET', url: url.split('?')[0] ?? url }));
    const observations: Observation[] = [];
    const failures: string[] = [];
    const tasks = Array.from({ length: REQUESTS }, (_, n) => async () => {
      const tenant = tenants[n % tenants.length] as Tenant;
      const endpoint = endpoints[Math.floor(n / tenants.length) % endpoints.length] ?? '';
      const teamId = tenant.teamIds[n % tenant.teamIds.length] ?? '';
      const url = endpoint.replace(':team_id', teamId);
      const response = await fetch(`${baseUrl}${url}`, { headers: tenant.session.auth });
      const body = await response.text();
      if (response.status !== 200) failures.push(`${response.status} GET ${url}: ${body}`);
      observations.push({ label: `GET ${url}`, expected: tenant, body });
    });

    const started = performance.now();
    await runConcurrently(tasks, CONCURRENCY);
    const elapsed = Math.round(performance.now() - started);
    const report = checkForLeaks(tenants, observations);
    console.log(
      `PgBouncer isolation: ${observations.length} requests to ${endpoints.length} endpoints for ` +
        `${tenants.length} organizations, ${CONCURRENCY} at a time over 3 server connections, ` +
        `in ${elapsed} ms: ${report.leaks.length} leaks, ${report.wrongTenant.length} wrong-tenant reads, ` +
        `${failures.length} failures`,
    );

    expect(observations).toHaveLength(REQUESTS);
    expect(failures.slice(0, 5)).toEqual([]);
    expect(report.checked).toBe(REQUESTS);
    expect(report.leaks.slice(0, 5)).toEqual([]);
    expect(report.wrongTenant.slice(0, 5)).toEqual([]);
    // The bouncer really multiplexed: it was not one server connection per client.
    const { rows } = await database.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND usename = current_user',
    );
    expect(rows[0]?.n).toBeLessThanOrEqual(3);
  });

  it('catches a tenant set with a session-level SET: the checker can fail', async () => {
    const broken = new pg.Pool({ connectionString: bouncer.url, max: CONCURRENCY });
    const observations: Observation[] = [];
    try {
      const tasks = Array.from({ length: 300 }, (_, n) => async () => {
        const tenant = tenants[n % tenants.length] as Tenant;
        const rows = await readTeamsWithSessionSet(broken, tenant);
        observations.push({ label: 'SET; SELECT teams', expected: tenant, body: rows });
      });
      await runConcurrently(tasks, CONCURRENCY);
    } finally {
      await broken.end();
    }
    const report = checkForLeaks(tenants, observations);
    console.log(
      `Session-level SET through PgBouncer: ${report.checked} reads, ${report.leaks.length} ` +
        `showed another organization's rows, ${report.wrongTenant.length} ran as the wrong tenant`,
    );
    expect(report.checked).toBe(300);
    expect(report.leaks.length + report.wrongTenant.length).toBeGreaterThan(0);
    expect(report.leaks.length).toBeGreaterThan(0);
  });
});
