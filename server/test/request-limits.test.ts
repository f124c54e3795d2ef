import { randomBytes } from 'node:crypto';
import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureAppRole } from '../src/db/roles.js';
import { withAppRoleSetting } from './support/database-faults.js';
import { adminQuery } from './support/global-setup.js';
import { createTestApp, signUp, type TestApp } from './support/test-app.js';

/**
 * What one client can hold of the server: how deep a body nests, how long its headers and its
 * body may take to arrive, how large it may be, and how long its statements may run.
 */

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp({
    env: {
      HTTP_HEADERS_TIMEOUT_MS: '600',
      HTTP_REQUEST_TIMEOUT_MS: '800',
      HTTP_UPLOAD_TIMEOUT_MS: '3000',
      HTTP_BODY_LIMIT_BYTES: '100000',
    },
  });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await t.close();
});

describe('bodies nested too deep', () => {
  it('are refused with a 400 naming the problem, before anything walks them', async () => {
    const deepArray = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const deepObject = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    for (const payload of [deepArray, deepObject, `{"email":${'['.repeat(33)}${']'.repeat(33)}}`]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error).toEqual({
        code: 'validation_failed',
        message: 'body: must not nest deeper than 32 levels',
        details: { fields: [{ field: 'body', message: 'must not nest deeper than 32 levels' }] },
      });
    }
  });

  it('counts brackets inside strings as text', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: '['.repeat(100), password: '{"\\'.repeat(50) }),
    });
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().error.details.fields[0].field).toBe('email');
  });
});

describe('bodies larger than the limit', () => {
  it('are refused with a 413 in the JSON error shape', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'a@example.com', password: 'x'.repeat(150_000) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('payload_too_large');
  });
});

/** One piece of a body sent with `Transfer-Encoding: chunked`. */
function chunk(text: string): string {
  return `${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n`;
}

/**
 * Opens a raw connection, writes `first`, then `drip` (or what it gives for the count of drips
 * sent so far) every 100 ms; resolves when the server closes it.
 */
async function timeUntilClosed(
  first: string,
  drip: string | ((sent: number) => string),
): Promise<{ ms: number; received: string }> {
  const { port } = new URL(base);
  const socket = net.connect(Number(port), '127.0.0.1');
  const started = performance.now();
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString()));
  socket.on('error', () => undefined);
  socket.write(first);
  let sent = 0;
  const dripping = setInterval(() => {
    const piece = typeof drip === 'string' ? drip : drip(sent);
    if (!socket.destroyed && piece) socket.write(piece);
    sent += 1;
  }, 100);
  const giveUp = setTimeout(() => socket.destroy(), 10_000);
  await new Promise<void>((resolve) => socket.once('close', () => resolve()));
  clearInterval(dripping);
  clearTimeout(giveUp);
  return { ms: performance.now() - started, received };
}

describe('slow clients', () => {
  it('lose the socket when the body trickles in past the request timeout', async () => {
    const { ms, received } = await timeUntilClosed(
      'POST /api/v1/auth/login HTTP/1.1\r\nHost: rampart.test\r\n' +
        'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"email":"',
      'a',
    );
    expect(ms).toBeLessThan(3_000);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(received).toContain('"code":"request_timeout"');
  });

  // Refused before its body is read (no one signed in): the rest of the body still may not hold
  // the connection past the request timeout, nor an upload's, whose longer time is for a file
  // being read.
  it.each([
    ['a form', 'POST /api/v1/leads', 'application/json', '{"last_name":"'],
    ['an upload', 'POST /api/v1/imports?kind=lead&file_name=refused.csv', 'text/csv', 'Name\n'],
  ])(
    'lose the socket when %s trickles in past the request timeout after an answer',
    async (_what, requestLine, type, start) => {
      const { ms, received } = await timeUntilClosed(
        `${requestLine} HTTP/1.1\r\nHost: rampart.test\r\n` +
          `Content-Type: ${type}\r\nContent-Length: 100000\r\n\r\n${start}`,
        'a',
      );
      expect(received).toMatch(/^HTTP\/1\.1 401/);
      expect(ms).toBeLessThan(2_000);
    },
  );

  it('may take longer over an upload, which is read as it arrives, up to the upload timeout', async () => {
    const owner = await signUp(t.app, 'uploader');
    const upload = (rows: number) =>
      timeUntilClosed(
        'POST /api/v1/imports?kind=lead&file_name=slow.csv HTTP/1.1\r\nHost: rampart.test\r\n' +
          `Authorization: ${owner.auth.authorization}\r\nContent-Type: text/csv\r\n` +
          'Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n' +
          chunk('Last name,Email\n'),
        // The last piece once, then nothing: more bytes would be read as another request.
        (sent) =>
          sent < rows
            ? chunk(`Slow ${sent},slow${sent}@example.com\n`)
            : sent === rows
              ? '0\r\n\r\n'
              : '',
      );
    // Twice the request timeout to arrive, well within the upload's.
    const slow = await upload(16);
    expect(slow.received).toMatch(/^HTTP\/1\.1 201/);
    expect(slow.received).toContain('"row_count":16');
    // A file that never ends is cut off at the upload timeout, and nothing is kept.
    const endless = await upload(Infinity);
    expect(endless.ms).toBeGreaterThan(2_900);
    expect(endless.ms).toBeLessThan(6_000);
    expect(endless.received).toMatch(/^HTTP\/1\.1 408/);
    const kept = await t.ownerQuery('SELECT count(*)::int AS n FROM imports WHERE org_id = $1', [
      owner.orgId,
    ]);
    expect(kept).toEqual([{ n: 1 }]);

    // The upload's COPY lasts as long as the file takes to arrive, past a statement's limit.
    await withAppRoleSetting(t, 'statement_timeout', 500, async () => {
      await expect(t.database.pool.query('SELECT pg_sleep(1)')).rejects.toMatchObject({
        code: '57014',
      });
      const long = await upload(16);
      expect(long.received).toMatch(/^HTTP\/1\.1 201/);
    });
  });

  it('lose the socket when the headers trickle in past the headers timeout', async () => {
    const { ms } = await timeUntilClosed(
      'GET /api/health HTTP/1.1\r\nHost: rampart.test\r\n',
      'X-A: b\r\n',
    );
    expect(ms).toBeLessThan(3_000);
  });
});

describe('the application role', () => {
  it('runs with statement, lock and idle-in-transaction timeouts', async () => {
    const { rows } = await t.database.pool.query<{ statement: string; idle: string }>(
      `SELECT current_setting('statement_timeout') AS statement,
              current_setting('idle_in_transaction_session_timeout') AS idle,
              current_setting('lock_timeout') AS lock`,
    );
    expect(rows[0]).toEqual({ statement: '30s', idle: '1min', lock: '10s' });
  });

  it('has a statement longer than the timeout cancelled', async () => {
    const role = `rampart_timeout_${randomBytes(4).toString('hex')}`;
    const url = await ensureAppRole(t.testDb.ownerUrl, role, {
      statementTimeoutMs: 200,
      idleInTransactionTimeoutMs: 300,
      lockTimeoutMs: 100,
    });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const started = performance.now();
      await expect(client.query('SELECT pg_sleep(5)')).rejects.toMatchObject({ code: '57014' });
      expect(performance.now() - started).toBeLessThan(2_000);
      await client.query('BEGIN');
      const ended = new Promise<void>((resolve) => client.once('error', () => resolve()));
      await ended;
      await expect(client.query('SELECT 1')).rejects.toThrow();
    } finally {
      await client.end().catch(() => undefined);
      await adminQuery(inject('adminUrl'), `DROP ROLE IF EXISTS ${role}`);
    }
  });
});
