import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureServerBuilt, startRampart, type RampartProcess } from './support/processes.js';
import { TEST_JWT_SECRET } from './support/global-setup.js';
import { linkIn, startSmtpServer, type TestSmtpServer } from './support/smtp.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';
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

/** A worker in a process of its own, as `npm run worker` starts it, by default with the defaults. */
function startWorkerProcess(env: Record<string, string> = {}): RampartProcess {
  const worker = startRampart(['--worker'], {
    WORKER_DATABASE_URL: t.testDb.workerUrl,
    JWT_SECRET: TEST_JWT_SECRET,
    NODE_ENV: 'test',
    SMTP_URL: smtp.url,
    PUBLIC_URL: 'http://rampart.test',
    ...env,
  });
  workers.push(worker);
  return worker;
}

/** Invites `email` to the owner's organization: an email job is queued with the invitation. */
async function invite(owner: SignedUp, email: string) {
  const invited = await t.app.inject({
    method: 'POST',
    url: '/api/v1/invitations',
    headers: owner.auth,
    payload: { email, role: 'member' },
  });
  expect(invited.statusCode).toBe(201);
  return invited;
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
    const invited = await invite(owner, invitee);

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

describe('a worker killed on the last attempt of a job', () => {
  it('gives the job the attempt its death cut short, so that its email still goes', async () => {
    for (const worker of workers.splice(0)) await worker.stop('SIGKILL');
    const owner = await signUp(t.app, 'last-attempt');
    const invitee = `last-attempt-${Date.now()}@example.com`;
    const heldBefore = smtp.held();
    smtp.holdNext(1);
    await invite(owner, invitee);
    // Its last attempt: the queue runs a job no more once its attempts reach the maximum.
    await t.ownerQuery(
      `UPDATE graphile_worker._private_jobs j SET max_attempts = 1 FROM email_outbox e
       WHERE j.payload ->> 'email_id' = e.id::text AND e.to_address = $1`,
      [invitee],
    );
    const quickly = { WORKER_DEAD_AFTER_SECONDS: '2' };
    const first = startWorkerProcess(quickly);
    for (let waited = 0; smtp.held() === heldBefore; waited += 100) {
      if (waited > 60_000) throw new Error(`the worker never sent: ${first.output()}`);
      await sleep(100);
    }
    await first.stop('SIGKILL');
    startWorkerProcess(quickly);
    await smtp.nextMessageTo(invitee, 30_000);
    const outbox = await t.app.inject({ url: '/api/v1/outbox', headers: owner.auth });
    expect(outbox.json().data[0]).toMatchObject({ to: invitee, status: 'sent' });
  }, 120_000);
});

describe('a worker stopped while it sends email', () => {
  async function inviteWhileTheServerHangs(label: string, acceptAfterMs?: number) {
    // No worker of an earlier test may take the job.
    for (const worker of workers.splice(0)) await worker.stop('SIGKILL');
    const owner = await signUp(t.app, label);
    const invitee = `${label}-${Date.now()}@example.com`;
    const heldBefore = smtp.held();
    smtp.holdNext(1, acceptAfterMs);
    await invite(owner, invitee);
    return { owner, invitee, held: () => smtp.held() > heldBefore };
  }

  async function until(done: () => boolean, what: string) {
    for (let waited = 0; !done(); waited += 100) {
      if (waited > 60_000) throw new Error(`never ${what}`);
      await sleep(100);
    }
  }

  it('lets the running job finish within the grace period before it exits', async () => {
    const { owner, invitee, held } = await inviteWhileTheServerHangs('graceful', 3_000);
    const worker = startWorkerProcess({ WORKER_SHUTDOWN_GRACE_SECONDS: '20' });
    await until(held, 'sent');
    expect(await worker.stop('SIGTERM', 30_000)).toBe(0);
    expect(smtp.received.filter((m) => m.to.includes(invitee))).toHaveLength(1);
    const outbox = await t.app.inject({ url: '/api/v1/outbox', headers: owner.auth });
    expect(outbox.json().data[0]).toMatchObject({ to: invitee, status: 'sent' });
  }, 120_000);

  it.each([
    ['', null],
    [', even on its last attempt', 1],
  ])(
    'hands a job still running after the grace period back to the queue for another worker%s',
    async (_when, maxAttempts) => {
      const { invitee, held } = await inviteWhileTheServerHangs('handed-back');
      if (maxAttempts !== null)
        await t.ownerQuery(
          `UPDATE graphile_worker._private_jobs j SET max_attempts = $2 FROM email_outbox e
         WHERE j.payload ->> 'email_id' = e.id::text AND e.to_address = $1`,
          [invitee, maxAttempts],
        );
      const worker = startWorkerProcess({ WORKER_SHUTDOWN_GRACE_SECONDS: '1' });
      await until(held, 'sent');
      const stoppedAt = Date.now();
      await worker.stop('SIGTERM', 15_000);
      expect(Date.now() - stoppedAt).toBeLessThan(10_000);
      const jobs = await t.ownerQuery(
        `SELECT j.locked_by, j.attempts FROM graphile_worker._private_jobs j
       JOIN email_outbox e ON j.payload ->> 'email_id' = e.id::text WHERE e.to_address = $1`,
        [invitee],
      );
      expect(jobs).toEqual([{ locked_by: null, attempts: 1 }]);

      // Not left to the dead-worker sweep (30 s): the next worker takes it after the retry delay.
      startWorkerProcess();
      await smtp.nextMessageTo(invitee, 20_000);
      expect(Date.now() - stoppedAt).toBeLessThan(25_000);
    },
    120_000,
  );
});
