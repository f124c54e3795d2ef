import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './support/pgbouncer.js';
import {
  ensureServerBuilt,
  forwardPort,
  startRampart,
  waitUntilOk,
  type RampartProcess,
} from './support/processes.js';
import { createTestDatabase, type TestDatabase } from './support/test-app.js';

function atPort(url: string, port: number): string {
  const parsed = new URL(url);
  parsed.port = String(port);
  return parsed.toString();
}

describe('start-up before PostgreSQL is up', () => {
  let testDb: TestDatabase;
  const children: RampartProcess[] = [];
  let forwarder: { close(): Promise<void> } | undefined;

  // Compiling the server on a busy machine can take longer than the default hook timeout.
  beforeAll(async () => {
    await ensureServerBuilt();
    testDb = await createTestDatabase();
  }, 240_000);
  afterAll(async () => {
    await Promise.all(children.map((child) => child.stop('SIGKILL').catch(() => undefined)));
    await forwarder?.close();
    await testDb?.drop();
  });

  it('waits with a growing delay, saying so, and starts once PostgreSQL answers', async () => {
    // Nothing listens on this port yet: PostgreSQL "starts" there three seconds later.
    const pgPort = await freePort();
    const httpPort = await freePort();
    const startedAt = Date.now();
    const app = startRampart([], {
      DATABASE_URL: atPort(testDb.ownerUrl, pgPort),
      APP_DATABASE_URL: atPort(testDb.appUrl, pgPort),
      PORT: String(httpPort),
      HOST: '127.0.0.1',
      WORKER: 'false',
      JWT_SECRET: 'x'.repeat(40),
    });
    children.push(app);
    // PostgreSQL appears once the app has tried at least twice and three seconds have passed.
    const waits = () => app.lines.filter((line) => /^waiting for PostgreSQL/.test(line.msg));
    await app.waitForLog(/waiting for PostgreSQL at 127\.0\.0\.1:\d+\/rampart_test_/, 30_000);
    while (waits().length < 2 || Date.now() - startedAt < 3000) {
      if (app.child.exitCode !== null) throw new Error(app.output());
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(app.child.exitCode).toBeNull();
    forwarder = await forwardPort(pgPort, {
      host: '127.0.0.1',
      port: Number(new URL(testDb.ownerUrl).port || 5432),
    });

    await waitUntilOk(`http://127.0.0.1:${httpPort}/api/ready`, 30_000, app);
    const delays = waits().map((line) => Number(/again in (\d+) ms/.exec(line.msg)?.[1]));
    console.log(
      `Start-up wait: ${waits().length} tries before PostgreSQL appeared after 3 s, delays ${delays.join(', ')} ms; ready after ${Date.now() - startedAt} ms`,
    );
    expect(waits().length).toBeGreaterThanOrEqual(2);
    // The delay grows.
    expect(delays[1]).toBeGreaterThan(delays[0] ?? 0);
    // The password never shows in the log.
    expect(app.output()).not.toContain(new URL(testDb.appUrl).password);
    await app.waitForLog(/answers$/);
    expect(await app.stop('SIGTERM')).toBe(0);
  });

  it('gives up with the reason once DB_WAIT_SECONDS has passed', async () => {
    const pgPort = await freePort();
    const started = startRampart([], {
      DATABASE_URL: atPort(testDb.ownerUrl, pgPort),
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      WORKER: 'false',
      JWT_SECRET: 'x'.repeat(40),
      DB_WAIT_SECONDS: '2',
    });
    children.push(started);
    const { code } = await Promise.race([
      started.exited,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('still waiting')), 15_000),
      ),
    ]);
    expect(code).toBe(1);
    const fatal = started.lines.find((line) => line.level === 60);
    expect(fatal?.msg).toMatch(/did not answer within \d+ s \(ECONNREFUSED\)/);
  });
});
