import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureServerBuilt, startRampart, type RampartProcess } from './support/processes.js';
import { linkIn, startSmtpServer, type TestSmtpServer } from './support/smtp.js';
import { createTestApp, signUp, type TestApp } from './support/test-app.js';
import { drainJobs } from './support/worker.js';

let t: TestApp;
let smtp: TestSmtpServer;
const workers: RampartProcess[] = [];

beforeAll(async () => {
  await ensureServerBuilt();
  smtp = await startSmtpServer();
  t = await createTestApp();
}, 240_000);
afterAll(async () => {
  for (const worker of workers) await worker.stop('SIGKILL').catch(() => undefined);
  await t?.close();
  await smtp?.close();
});

/** A worker in a process of its own, as `npm run worker` starts it, with the default settings. */
function startWorkerProcess(): RampartProcess {
  const worker = startRampart(['--worker'], {
    APP_DATABASE_URL: t.testDb.appUrl,
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    NODE_ENV: 'test',
    SMTP_URL: smtp.url,
    PUBLIC_URL: 'http://rampart.test',
  });
  workers.push(worker);
  return worker;
}

describe('a worker killed while it sends email', () => {
  it('has its jobs done by another worker within a minute, each email sent once', async () => {
    const owner = await signUp(t.app, 'crash');
    const invitee = `invited-${Date.now()}@example.com`;
    // The mail server hangs on both messages: the worker is in the middle of sending them.
    smtp.holdNext(2);
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: owner.email },
    });
    expect(reset.statusCode).toBe(202);
    const invited = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations',
      headers: owner.auth,
      payload: { email: invitee, role: 'member' },
    });
    expect(invited.statusCode).toBe(201);

    const first = startWorkerProcess();
    for (let waited = 0; smtp.held() < 2; waited += 100) {
      if (waited > 60_000) throw new Error(`the worker never sent: ${first.output()}`);
      await sleep(100);
    }
    await first.stop('SIGKILL');
    const killedAt = Date.now();

    startWorkerProcess();
    const resetMail = await smtp.nextMessageTo(owner.email, 60_000);
    const invitation = await smtp.nextMessageTo(invitee, 60_000);
    expect(Date.now() - killedAt).toBeLessThan(60_000);
    expect(linkIn(invitation.text, '/accept-invite').toString()).toBe(invited.json().link);

    await drainJobs(t);
    await sleep(2_000);
    expect(smtp.received.filter((m) => m.to.includes(owner.email.toLowerCase()))).toHaveLength(1);
    expect(smtp.received.filter((m) => m.to.includes(invitee))).toHaveLength(1);
    const outbox = await t.app.inject({ url: '/api/v1/outbox', headers: owner.auth });
    expect(outbox.json().data).toEqual([
      expect.objectContaining({ to: invitee, status: 'sent', attempts: 1 }),
    ]);

    // The link the second worker sent works.
    const token = linkIn(resetMail.text, '/reset-password').searchParams.get('token');
    const confirmed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, password: 'a new password after the crash' },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(204);
  }, 180_000);
});
