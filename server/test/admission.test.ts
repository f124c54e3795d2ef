import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Admission } from '../src/http/admission.js';
import { UnavailableError } from '../src/lib/errors.js';
import { appThroughProxy, slowLeadInserts, untilSleeping } from './support/database-faults.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

const never = new AbortController().signal;

describe('admission control', () => {
  const limits = { active: 4, perOrganization: 2, perUser: 2, queue: 4, waitMs: 200 };

  it('lets another organization pass an organization waiting behind its own share', async () => {
    const admission = new Admission(limits);
    const a1 = await admission.enter('A', 'a1', never);
    await admission.enter('A', 'a2', never);
    let aThird = false;
    void admission.enter('A', 'a3', never).then(() => (aThird = true));
    // B arrives after A's third request, and still runs at once.
    const b = await admission.enter('B', 'b1', never);
    expect(admission.active).toBe(3);
    expect(aThird).toBe(false);
    b();
    expect(aThird).toBe(false);
    a1();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(aThird).toBe(true);
  });

  it('holds one person to their share within the organization', async () => {
    const admission = new Admission(limits);
    await admission.enter('A', 'same', never);
    await admission.enter('A', 'same', never);
    const third = admission.enter('C', 'same', never);
    await expect(third).rejects.toBeInstanceOf(UnavailableError);
  });

  it('refuses with 503 what waited too long, and at once what finds the line full', async () => {
    const admission = new Admission({ ...limits, active: 1, queue: 2 });
    await admission.enter('A', 'a1', never);
    const started = Date.now();
    const waited = admission.enter('B', 'b1', never);
    const alsoWaiting = admission.enter('C', 'c1', never);
    await expect(admission.enter('D', 'd1', never)).rejects.toMatchObject({
      problem: 'unavailable',
      retryAfterSeconds: 1,
    });
    expect(Date.now() - started).toBeLessThan(100);
    await expect(waited).rejects.toMatchObject({ problem: 'unavailable' });
    await expect(alsoWaiting).rejects.toMatchObject({ problem: 'unavailable' });
    expect(admission.waiting).toBe(0);
  });

  it('drops a waiter whose client went away, so it never runs', async () => {
    const admission = new Admission({ ...limits, active: 1 });
    const release = await admission.enter('A', 'a1', never);
    const gone = new AbortController();
    const waiting = admission.enter('B', 'b1', gone.signal);
    gone.abort();
    await expect(waiting).rejects.toThrow('went away');
    release();
    expect(admission.active).toBe(0);
    expect(admission.waiting).toBe(0);
  });
});

/** An app with six pooled connections, of which each organization may use two at once. */
const withSixConnections = (env: Record<string, string>) =>
  createTestApp({
    poolSize: 6,
    env: { DB_POOL_SIZE: '6', ORG_MAX_ACTIVE: '2', ADMISSION_QUEUE: '40', ...env },
  });

describe('one noisy organization beside a quiet one', { timeout: 60_000 }, () => {
  let t: TestApp;
  let noisy: SignedUp;
  let quiet: SignedUp;
  let base: string;
  let leadId: string;
  let locker: pg.Client;

  beforeAll(async () => {
    t = await withSixConnections({ USER_MAX_ACTIVE: '2', ADMISSION_WAIT_MS: '1500' });
    noisy = await signUp(t.app, 'noisy');
    quiet = await signUp(t.app, 'quiet');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads',
      headers: noisy.auth,
      payload: { last_name: 'Contended' },
    });
    leadId = created.json<{ id: string }>().id;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    locker = new pg.Client({ connectionString: t.testDb.ownerUrl });
    await locker.connect();
  });
  afterAll(async () => {
    await locker?.end();
    await t?.close();
  });

  /** Holds the noisy organization's lead locked: every edit of it waits in the database. */
  async function lockLead(): Promise<() => Promise<void>> {
    await locker.query('BEGIN');
    await locker.query('SELECT 1 FROM leads WHERE id = $1 FOR UPDATE', [leadId]);
    return async () => {
      await locker.query('ROLLBACK');
    };
  }

  /** Statements of this database waiting for a lock. */
  const lockWaiters = async () =>
    (
      await t.ownerQuery<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      )
    )[0]?.n;

  const edit = (company: string) =>
    fetch(`${base}/api/v1/leads/${leadId}`, {
      method: 'PATCH',
      headers: { ...noisy.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ company }),
    });

  it('serves the quiet organization and readiness while the noisy one is stuck', async () => {
    const unlock = await lockLead();
    // Twelve edits that cannot finish while the row is locked: before admission control they
    // took every pooled connection, and everyone else waited with them.
    const stuck = Array.from({ length: 12 }, () => edit('Edited while locked'));
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const started = performance.now();
      const list = await fetch(`${base}/api/v1/leads`, { headers: quiet.auth });
      await list.text();
      const listMs = performance.now() - started;
      expect(list.status).toBe(200);
      expect(listMs).toBeLessThan(1_000);
      const ready = await fetch(`${base}/api/ready`);
      expect(await ready.json()).toEqual({ status: 'ready' });

      // The noisy organization's own excess waited its turn at most ADMISSION_WAIT_MS, then was
      // refused with a reason and Retry-After.
      await new Promise((resolve) => setTimeout(resolve, 1_700));
      await unlock();
      const answers = await Promise.all(
        stuck.map(async (answer) => {
          const response = await answer;
          return {
            status: response.status,
            retryAfter: response.headers.get('retry-after'),
            body: (await response.json()) as unknown,
          };
        }),
      );
      const refused = answers.filter((answer) => answer.status === 503);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused[0]).toMatchObject({
        retryAfter: '1',
        body: { error: { code: 'unavailable' } },
      });
      expect(answers.every((answer) => answer.status === 200 || answer.status === 503)).toBe(true);
    } finally {
      await unlock().catch(() => undefined);
      await Promise.allSettled(stuck);
    }
  });

  it('cancels the database work of a client that went away, and commits none of it', async () => {
    const unlock = await lockLead();
    // A client on its own connection, which it closes while the edit waits.
    const url = new URL(`${base}/api/v1/leads/${leadId}`);
    const request = http.request(url, {
      method: 'PATCH',
      agent: false,
      headers: { ...noisy.auth, 'content-type': 'application/json' },
    });
    const abandoned = new Promise((resolve) => request.once('error', () => resolve('aborted')));
    request.end(JSON.stringify({ company: 'Abandoned edit' }));
    try {
      // The edit is waiting on the lock inside its transaction.
      await expect.poll(lockWaiters, { timeout: 5_000 }).toBe(1);
      request.destroy();
      expect(await abandoned).toBe('aborted');
      // Cancelled in the database at once, not left running until the lock frees.
      await expect.poll(lockWaiters, { timeout: 5_000 }).toBe(0);
    } finally {
      await unlock();
    }
    const [lead] = await t.ownerQuery<{ company: string | null }>(
      'SELECT company FROM leads WHERE id = $1',
      [leadId],
    );
    expect(lead?.company).not.toBe('Abandoned edit');
  });
});

describe('signed-out requests beside signed-in organizations', { timeout: 60_000 }, () => {
  let t: TestApp;
  let quiet: SignedUp;
  let formPath: string;

  beforeAll(async () => {
    // A person (and so a signed-out address) may use one connection at a time.
    t = await withSixConnections({
      USER_MAX_ACTIVE: '1',
      ADMISSION_WAIT_MS: '500',
      WEB_FORM_RATE_LIMIT_PER_MINUTE: '100000',
    });
    const owner = await signUp(t.app, 'form-owner');
    quiet = await signUp(t.app, 'signed-in-beside');
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/v1/web-forms',
      headers: owner.auth,
      payload: { name: 'Contact us', fields: [{ field: 'last_name', required: true }] },
    });
    expect(form.statusCode, form.body).toBe(201);
    formPath = new URL(form.json<{ endpoint: string }>().endpoint).pathname;
    // Each submission then holds its database connection for two seconds.
    await slowLeadInserts(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A public web-form submission, signed out, from `address`: two seconds of work. */
  const submit = (address: string) =>
    t.app.inject({
      method: 'POST',
      url: formPath,
      remoteAddress: address,
      payload: { last_name: 'slow submission' },
    });

  const statuses = async (answers: Array<ReturnType<typeof submit>>) =>
    (await Promise.all(answers)).map((answer) => answer.statusCode).sort();

  it('holds one address to one person’s share, and refuses the rest with 503', async () => {
    const answers = Array.from({ length: 6 }, () => submit('203.0.113.7'));
    // Before admission saw signed-out requests, all six ran at once, one connection each.
    expect(await statuses(answers)).toEqual([200, 503, 503, 503, 503, 503]);
    const refused = (await Promise.all(answers)).find((answer) => answer.statusCode === 503);
    expect(refused?.headers['retry-after']).toBe('1');
    expect(refused?.json()).toMatchObject({ error: { code: 'unavailable' } });
  });

  it('holds every signed-out request together to one organization’s share', async () => {
    // Addresses are as cheap to change as a forwarded header can be: one flood from many of
    // them still takes no more than one organization could.
    const answers = Array.from({ length: 6 }, (_, i) => submit(`198.51.100.${i + 1}`));
    expect(await statuses(answers)).toEqual([200, 200, 503, 503, 503, 503]);
  });

  it('serves a signed-in organization at once while one address floods a signed-out route', async () => {
    const flood = Array.from({ length: 12 }, () => submit('203.0.113.9'));
    try {
      await untilSleeping(t);
      const started = performance.now();
      const list = await t.app.inject({ method: 'GET', url: '/api/v1/leads', headers: quiet.auth });
      expect(list.statusCode, list.body).toBe(200);
      // Before, the flood held every pooled connection for its two seconds.
      expect(performance.now() - started).toBeLessThan(1_000);
    } finally {
      await Promise.allSettled(flood);
    }
  });
});

describe('a client that goes away between statements', { timeout: 30_000 }, () => {
  let t: TestApp;
  let who: SignedUp;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp({ poolSize: 2 });
    who = await signUp(t.app, 'gone-between');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('has nothing of its request committed after it went away, and its key released', async () => {
    const key = randomUUID();
    const { pool } = t.database;
    // Every pooled connection taken: the request is let in, claims its key once a connection
    // frees, then waits for another for its work, with no statement of it running in the
    // database that a cancel could stop.
    const held = [await pool.connect(), await pool.connect()];
    const request = http.request(new URL(`${base}/api/v1/leads`), {
      method: 'POST',
      agent: false,
      headers: { ...who.auth, 'content-type': 'application/json', 'idempotency-key': key },
    });
    const abandoned = new Promise((resolve) => request.once('error', () => resolve('aborted')));
    request.end(JSON.stringify({ last_name: 'Nobody waits for me' }));
    try {
      await expect.poll(() => pool.waitingCount, { timeout: 5_000 }).toBe(1);
      // Next in line after the claim: the connection the claim gives back comes here.
      const next = pool.connect();
      held.shift()!.release();
      held.push(await next);
      await expect.poll(() => pool.waitingCount, { timeout: 5_000 }).toBe(1);
      request.destroy();
      expect(await abandoned).toBe('aborted');
    } finally {
      for (const client of held) client.release();
    }
    await expect.poll(() => pool.idleCount, { timeout: 5_000 }).toBe(2);
    const stored = () =>
      t.ownerQuery('SELECT 1 FROM leads WHERE org_id = $1 AND last_name = $2', [
        who.orgId,
        'Nobody waits for me',
      ]);
    expect(await stored()).toEqual([]);
    // Its repeat does the work, once: the key was not left claimed by the request that left.
    const repeated = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads',
      headers: { ...who.auth, 'idempotency-key': key },
      payload: { last_name: 'Nobody waits for me' },
    });
    expect(repeated.statusCode, repeated.body).toBe(201);
    expect(await stored()).toHaveLength(1);
  });
});

describe('a cancel that reaches the database late', { timeout: 30_000 }, () => {
  let t: TestApp;
  let who: SignedUp;
  let through: Awaited<ReturnType<typeof appThroughProxy>>;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp();
    who = await signUp(t.app, 'late-cancel');
    // Two seconds to insert: long enough for a late cancel to land in the middle.
    await slowLeadInserts(t);
    // One connection, so that the next request gets the one the abandoned request used.
    through = await appThroughProxy(t, 1);
    base = await through.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await through?.close();
    await t?.close();
  });

  it("never stops the statement of the next request on the abandoned request's connection", async () => {
    const create = (lastName: string) =>
      through.app.inject({
        method: 'POST',
        url: '/api/v1/leads',
        headers: who.auth,
        payload: { last_name: lastName },
      });
    expect((await create('Warm-up')).statusCode).toBe(201);
    const request = http.request(new URL(`${base}/api/v1/leads`), {
      method: 'POST',
      agent: false,
      headers: { ...who.auth, 'content-type': 'application/json' },
    });
    const abandoned = new Promise((resolve) => request.once('error', () => resolve('aborted')));
    request.end(JSON.stringify({ last_name: 'slow and abandoned' }));
    await untilSleeping(t);
    // The cancel request is a new connection: it reaches the database late, after the abandoned
    // insert has finished (within two seconds) and the next request's insert has begun.
    through.proxy.delayNew(2_500);
    request.destroy();
    expect(await abandoned).toBe('aborted');
    const next = await create('slow and wanted');
    expect(next.statusCode, next.body).toBe(201);
  });
});

describe('readiness', { timeout: 30_000 }, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers within its own timeout while the database does not', async () => {
    const locker = new pg.Client({ connectionString: t.testDb.ownerUrl });
    await locker.connect();
    try {
      // The readiness query reads schema_migrations, which this lock freezes.
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE schema_migrations IN ACCESS EXCLUSIVE MODE');
      const started = performance.now();
      const response = await t.app.inject({ method: 'GET', url: '/api/ready' });
      expect(performance.now() - started).toBeLessThan(2_500);
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({ status: 'database not answering' });
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    const after = await t.app.inject({ method: 'GET', url: '/api/ready' });
    expect(after.json()).toEqual({ status: 'ready' });
  });

  it('says busy, not that the database does not answer, while every pooled connection is taken', async () => {
    const { pool } = t.database;
    const held = await Promise.all(Array.from({ length: pool.options.max }, () => pool.connect()));
    try {
      const started = performance.now();
      const response = await t.app.inject({ method: 'GET', url: '/api/ready' });
      expect(performance.now() - started).toBeLessThan(2_500);
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({ status: 'busy' });
    } finally {
      for (const client of held) client.release();
    }
    const after = await t.app.inject({ method: 'GET', url: '/api/ready' });
    expect(after.json()).toEqual({ status: 'ready' });
  });

  it('says busy while requests are being turned away for lack of room', async () => {
    const admission = t.app.admission;
    const held = await Promise.all(
      Array.from({ length: admission.limits.active }, (_, i) =>
        admission.enter(`org-${i}`, `user-${i}`, never),
      ),
    );
    const waiting = Array.from({ length: Math.ceil(admission.limits.queue / 2) }, (_, i) =>
      admission.enter(`waiting-${i}`, `waiting-user-${i}`, never).then((release) => release()),
    );
    try {
      const response = await t.app.inject({ method: 'GET', url: '/api/ready' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({ status: 'busy' });
    } finally {
      for (const release of held) release();
      await Promise.allSettled(waiting);
    }
    const after = await t.app.inject({ method: 'GET', url: '/api/ready' });
    expect(after.json()).toEqual({ status: 'ready' });
  });
});

describe('a process whose event loop lags', { timeout: 30_000 }, () => {
  let t: TestApp;
  let who: SignedUp;
  beforeAll(async () => {
    t = await createTestApp({ env: { MAX_EVENT_LOOP_DELAY_MS: '50' } });
    // Starting the app is itself work enough to lag: sign up once the loop has settled.
    for (let tries = 0; ; tries += 1) {
      try {
        who = await signUp(t.app, 'lagging');
        break;
      } catch (error) {
        if (tries > 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Keeps the event loop busy for 100 ms at a time, as a process with too much to do is. */
  async function lagFor(ms: number): Promise<void> {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      const busyUntil = Date.now() + 100;
      while (Date.now() < busyUntil);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  it('refuses API requests with 503 before working on them, then serves again', async () => {
    await lagFor(1_200);
    const refused = await t.app.inject({ method: 'GET', url: '/api/v1/leads', headers: who.auth });
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.json()).toMatchObject({ error: { code: 'unavailable' } });

    await expect
      .poll(
        async () =>
          (await t.app.inject({ method: 'GET', url: '/api/v1/leads', headers: who.auth }))
            .statusCode,
        { timeout: 10_000 },
      )
      .toBe(200);
  });

  it('says busy on readiness while it refuses for lag, so that a balancer sends requests elsewhere', async () => {
    await lagFor(1_200);
    const ready = await t.app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'busy' });
    await expect
      .poll(async () => (await t.app.inject({ method: 'GET', url: '/api/ready' })).json(), {
        timeout: 10_000,
      })
      .toEqual({ status: 'ready' });
  });
});
