import http from 'node:http';
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, unavailableError } from '../src/db/transient.js';
import { appOnDatabase, appThroughProxy, untilSleeping } from './support/database-faults.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

let t: TestApp;
let a: SignedUp;

/**
 * A lead whose last name is `fault <SQLSTATE> <n>` fails with that SQLSTATE in its first `n`
 * attempts (a sequence counts them: it is not rolled back with the failed transaction); one named
 * `slow…` takes two seconds to insert, long enough to cut its connection meanwhile.
 */
const FAULTS = `
  CREATE SEQUENCE fault_attempts;
  GRANT USAGE ON SEQUENCE fault_attempts TO PUBLIC;
  CREATE FUNCTION inject_fault() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW.last_name LIKE 'slow%' THEN
      PERFORM pg_sleep(2);
    ELSIF NEW.last_name LIKE 'fault %' AND
        nextval('fault_attempts') <= split_part(NEW.last_name, ' ', 3)::int THEN
      RAISE EXCEPTION 'injected fault' USING ERRCODE = split_part(NEW.last_name, ' ', 2);
    END IF;
    RETURN NEW;
  END $$;
  CREATE TRIGGER inject_fault BEFORE INSERT ON leads FOR EACH ROW EXECUTE FUNCTION inject_fault();`;

beforeAll(async () => {
  t = await createTestApp();
  a = await signUp(t.app, 'faults');
  await t.ownerQuery(FAULTS);
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  await t.ownerQuery("SELECT setval('fault_attempts', 1, false)");
});

const createLead = (app: FastifyInstance, lastName: string) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/leads',
    headers: a.auth,
    payload: { last_name: lastName },
  });

async function storedLeads(lastName: string): Promise<number> {
  const [row] = await t.ownerQuery<{ n: number }>(
    'SELECT count(*)::int AS n FROM leads WHERE org_id = $1 AND last_name = $2',
    [a.orgId, lastName],
  );
  return row!.n;
}

async function attempts(): Promise<number> {
  const [row] = await t.ownerQuery<{ n: number }>(
    'SELECT CASE WHEN is_called THEN last_value ELSE 0 END::int AS n FROM fault_attempts',
  );
  return row!.n;
}

function expectUnavailable(response: {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
  json(): unknown;
}): void {
  expect(response.statusCode, response.body).toBe(503);
  expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  expect(response.json()).toMatchObject({
    error: { code: 'unavailable', details: { retry_after_seconds: expect.any(Number) } },
  });
}

describe('transient database errors', () => {
  it.each(['40P01', '40001'])(
    'runs a transaction again after a %s and answers as if nothing happened',
    async (code) => {
      const name = `fault ${code} 2`;
      const response = await createLead(t.app, name);
      expect(response.statusCode, response.body).toBe(201);
      expect(await attempts()).toBe(3);
      expect(await storedLeads(name)).toBe(1);
    },
  );

  it.each(['40P01', '40001'])(
    'gives up on a %s after a bounded number of attempts with 503 and Retry-After',
    async (code) => {
      const name = `fault ${code} 1000`;
      const response = await createLead(t.app, name);
      expectUnavailable(response);
      expect(await attempts()).toBe(MAX_ATTEMPTS);
      expect(await storedLeads(name)).toBe(0);
    },
  );

  // Out of connections, disk or memory; starting, stopping; a session ended by an idle timeout.
  it.each(['53300', '53100', '53200', '57P03', '57P01', '57P05', '25P03', '08006'])(
    'answers %s with 503 and Retry-After, without retrying and without writing',
    async (code) => {
      const name = `fault ${code} 1`;
      const response = await createLead(t.app, name);
      expectUnavailable(response);
      expect(await attempts()).toBe(1);
      expect(await storedLeads(name)).toBe(0);
    },
  );

  it('answers 503 when an administrator terminates the connection mid-request', async () => {
    const pending = createLead(t.app, 'slow');
    await untilSleeping(t);
    await t.ownerQuery(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event = 'PgSleep'`,
    );
    expectUnavailable(await pending);
    expect(await storedLeads('slow')).toBe(0);
  });

  it('answers 503 when the connection ends under an upload of an import, and keeps nothing', async () => {
    // Over a real connection: an injected request's body reaches the upload otherwise.
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const file = new PassThrough();
    const pending = new Promise<Parameters<typeof expectUnavailable>[0]>((resolve, reject) => {
      const request = http.request(
        `${address}/api/v1/imports?kind=lead&file_name=cut.csv`,
        {
          method: 'POST',
          agent: false,
          headers: { ...a.auth, 'content-type': 'text/csv', connection: 'close' },
        },
        (response) => {
          let body = '';
          response.on('data', (piece: Buffer) => (body += piece.toString()));
          response.on('end', () =>
            resolve({
              statusCode: response.statusCode ?? 0,
              headers: response.headers,
              body,
              json: () => JSON.parse(body),
            }),
          );
        },
      );
      request.on('error', reject);
      file.pipe(request);
    });
    const rows = (from: number) =>
      Array.from({ length: 3_000 }, (_, i) => `Cut ${from + i},cut${from + i}@example.com\n`);
    file.write('Last name,Email\n');
    for (const row of rows(0)) file.write(row);
    let copying = 0;
    for (let tries = 0; tries < 200 && copying === 0; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      const found = await t.ownerQuery<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_progress_copy
         WHERE datid = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      copying = found[0]!.n;
    }
    expect(copying).toBe(1);
    await t.ownerQuery(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = current_database() AND query LIKE 'COPY %'`,
    );
    for (const row of rows(3_000)) file.write(row);
    file.end();
    expectUnavailable(await pending);
    expect(
      await t.ownerQuery('SELECT count(*)::int AS n FROM imports WHERE org_id = $1', [a.orgId]),
    ).toEqual([{ n: 0 }]);
  });

  it('answers 503 when the connection broke while its transaction was between statements', async () => {
    // What pg answers for a connection whose server ended while it was idle in a transaction
    // (a restart, a failover, an administrator): a plain error, with no SQLSTATE.
    const client = await t.database.pool.connect();
    try {
      await client.query('BEGIN');
      const broken = new Promise((resolve) => client.once('error', resolve));
      await t.ownerQuery('SELECT pg_terminate_backend($1)', [
        (client as unknown as { processID: number }).processID,
      ]);
      await broken;
      const error = await client.query('SELECT 1').catch((caught: unknown) => caught);
      expect(unavailableError(error)?.retryAfterSeconds).toBeGreaterThan(0);
    } finally {
      client.release(true);
    }
  });

  it('answers 503 while the name of the database host does not resolve', async () => {
    const nowhere = new URL(t.testDb.appUrl);
    nowhere.hostname = 'database.invalid';
    const { app, close } = await appOnDatabase(t, nowhere.toString(), 1);
    try {
      expectUnavailable(await createLead(app, 'unresolved'));
    } finally {
      await close();
    }
  });

  describe('with the connection cut between the API and the database', () => {
    let through: Awaited<ReturnType<typeof appThroughProxy>>;

    beforeAll(async () => {
      through = await appThroughProxy(t, 2);
    });
    afterAll(async () => {
      await through.close();
    });

    it('answers 503 when the connection is lost mid-request, and writes nothing', async () => {
      const pending = createLead(through.app, 'slow and cut');
      await untilSleeping(t);
      through.proxy.cut();
      expectUnavailable(await pending);
      expect(await storedLeads('slow and cut')).toBe(0);
    });

    it('answers 503 while the database cannot be reached at all', async () => {
      through.proxy.refuse();
      expectUnavailable(await createLead(through.app, 'unreachable'));
    });
  });
});
