import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './support/pgbouncer.js';
import {
  childrenOf,
  ensureServerBuilt,
  startRampart,
  steadyLoad,
  waitUntilOk,
  type RampartProcess,
} from './support/processes.js';
import { createTestDatabase, type TestDatabase } from './support/test-app.js';

describe('several API processes on one machine (API_PROCESSES)', () => {
  let testDb: TestDatabase;
  let app: RampartProcess | undefined;

  beforeAll(async () => {
    await ensureServerBuilt();
    testDb = await createTestDatabase();
  }, 240_000);
  afterAll(async () => {
    await app?.stop('SIGKILL').catch(() => undefined);
    await testDb?.drop();
  });

  it('serves from each process, reloads them one at a time on SIGHUP without a failed request, and replaces one that dies', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    app = startRampart([], {
      DATABASE_URL: testDb.ownerUrl,
      APP_DATABASE_URL: testDb.appUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      JWT_SECRET: 'c'.repeat(40),
      API_PROCESSES: '2',
      DRAIN_SECONDS: '1',
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    });
    await waitUntilOk(`${base}/api/ready`, 60_000, app);
    await app.waitForLog(/^2 API processes running: open http/);
    const primary = app.child.pid!;
    const serving = () => childrenOf(primary);
    expect(serving()).toHaveLength(2);

    const signUp = await fetch(`${base}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'processes@example.com',
        password: 'a long enough password',
        name: 'Processes',
        org_name: 'Processes org',
      }),
    });
    expect(signUp.status).toBe(201);
    const { access_token: token } = (await signUp.json()) as { access_token: string };

    const load = steadyLoad(`${base}/api/v1/leads`, token, 6, 10);
    const results = load.results;
    await sleep(500);
    const before = serving();
    const reloadedAt = Date.now();
    process.kill(primary, 'SIGHUP');
    await app.waitForLog(/^API processes reloaded$/, 60_000);
    const reloadMs = Date.now() - reloadedAt;
    await sleep(500);
    await load.stop();
    const after = serving();
    expect(after).toHaveLength(2);
    expect(after.filter((pid) => before.includes(pid))).toEqual([]);
    console.log(
      `API_PROCESSES=2 reload: ${results.ok + results.failed.length} requests, ` +
        `${results.failed.length} failed, in ${reloadMs} ms`,
    );
    expect(results.failed.slice(0, 5)).toEqual([]);
    expect(results.ok).toBeGreaterThan(50);

    // One killed is replaced.
    process.kill(after[0]!, 'SIGKILL');
    await app.waitForLog(/^an API process exited; starting another$/);
    for (let waited = 0; serving().length < 2 || serving().includes(after[0]!); waited += 100) {
      if (waited > 30_000) throw new Error(`not replaced: ${app.output()}`);
      await sleep(100);
    }
    await waitUntilOk(`${base}/api/ready`, 30_000, app);

    expect(await app.stop('SIGTERM')).toBe(0);
    expect(serving()).toEqual([]);
    app = undefined;
  }, 180_000);
});
