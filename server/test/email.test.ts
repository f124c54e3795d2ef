import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinByInvitation } from './support/members.js';
import { linkIn, type TestSmtpServer } from './support/smtp.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';
import { createMailingTestApp, drainJobs, type MailingTestApp } from './support/worker.js';

let mailing: MailingTestApp;
let smtp: TestSmtpServer;
let t: TestApp;

beforeAll(async () => {
  mailing = await createMailingTestApp();
  ({ smtp, t } = mailing);
});
afterAll(async () => {
  await mailing?.close();
});

async function outboxStatusOf(admin: SignedUp, email: string) {
  const outbox = await t.app.inject({ url: '/api/v1/outbox', headers: admin.auth });
  return outbox
    .json<{ data: { to: string; status: string }[] }>()
    .data.find((message) => message.to === email)?.status;
}

function post(url: string, payload: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url, payload: payload as object, headers });
}

describe('password reset by email', () => {
  it('emails a link that sets a new password once and signs out every session', async () => {
    const user = await signUp(t.app, 'forgetful');
    const requested = await post('/api/v1/auth/password-reset', {
      email: user.email.toUpperCase(),
    });
    expect(requested.statusCode).toBe(202);
    expect(requested.json()).toEqual({
      status: 'If an account exists for this email, a reset link is on its way',
      email_configured: true,
    });

    const mail = await smtp.nextMessageTo(user.email);
    expect(mail.subject).toBe('Reset your Rampart password');
    const link = linkIn(mail.text, '/reset-password');
    expect(link.origin).toBe('http://rampart.test');
    const token = link.searchParams.get('token')!;

    const newPassword = 'a completely new password';
    const confirmed = await post('/api/v1/auth/password-reset/confirm', {
      token,
      password: newPassword,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(204);

    const login = (password: string) => post('/api/v1/auth/login', { email: user.email, password });
    expect((await login(newPassword)).statusCode).toBe(200);
    expect((await login(user.password)).statusCode).toBe(401);
    const oldSession = await post('/api/v1/auth/refresh', { refresh_token: user.refreshToken });
    expect(oldSession.statusCode).toBe(401);

    const reused = await post('/api/v1/auth/password-reset/confirm', {
      token,
      password: 'yet another new password',
    });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.details.fields[0].field).toBe('token');
    expect((await login(newPassword)).statusCode).toBe(200);

    const events = await t.ownerQuery(
      "SELECT 1 FROM audit_log WHERE org_id = $1 AND action = 'auth.password_reset'",
      [user.orgId],
    );
    expect(events).toHaveLength(1);
    // A reset link is the user's alone: it never passes through an organization's outbox.
    const kept = await t.ownerQuery('SELECT 1 FROM email_outbox WHERE to_address = $1', [
      user.email,
    ]);
    expect(kept).toEqual([]);
  });

  it('ends every reset link when the password is changed', async () => {
    const user = await signUp(t.app, 'changed-mind');
    await post('/api/v1/auth/password-reset', { email: user.email });
    const token = linkIn(
      (await smtp.nextMessageTo(user.email)).text,
      '/reset-password',
    ).searchParams.get('token')!;
    const changed = await post(
      '/api/v1/me/password',
      { current_password: user.password, new_password: 'remembered it after all, 2026' },
      user.auth,
    );
    expect(changed.statusCode, changed.body).toBe(200);
    const late = await post('/api/v1/auth/password-reset/confirm', {
      token,
      password: 'a takeover password nobody knows',
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.details.fields[0].field).toBe('token');
    const login = await post('/api/v1/auth/login', {
      email: user.email,
      password: 'remembered it after all, 2026',
    });
    expect(login.statusCode).toBe(200);
  });

  it('answers before looking the email up, so the answer cannot be timed', async () => {
    const user = await signUp(t.app, 'timed');
    // Hold every read of users: an answer that waited for the lookup would wait for this.
    const blocker = new pg.Client({ connectionString: t.testDb.ownerUrl });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
    try {
      const answered = await Promise.race([
        post('/api/v1/auth/password-reset', { email: user.email }),
        new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 5_000)),
      ]);
      expect(answered === 'waited' ? answered : answered.statusCode).toBe(202);
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
    // The link still goes out once the lookup can run.
    const mail = await smtp.nextMessageTo(user.email);
    expect(linkIn(mail.text, '/reset-password').searchParams.get('token')).toBeTruthy();
  });

  it('answers an unknown email the same way and sends nothing', async () => {
    const known = await signUp(t.app, 'known');
    const unknownEmail = `nobody-${Date.now()}@example.com`;
    const unknown = await post('/api/v1/auth/password-reset', { email: unknownEmail });
    const knownAnswer = await post('/api/v1/auth/password-reset', { email: known.email });
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(knownAnswer.body);

    await smtp.nextMessageTo(known.email);
    await drainJobs(t);
    expect(smtp.received.filter((m) => m.to.includes(unknownEmail))).toEqual([]);
  });

  it('does not retry a reset email the server refuses for good (5xx), and still retries a 4xx', async () => {
    const refused = await signUp(t.app, 'no-such-mailbox');
    await drainJobs(t);
    smtp.refuseNext(1, 550);
    await post('/api/v1/auth/password-reset', { email: refused.email });
    const resetsOf = () =>
      t.ownerQuery('SELECT sent_at FROM password_resets WHERE user_id = $1', [refused.userId]);
    // The reset is made after the answer: its job is enqueued with it.
    const deadline = Date.now() + 5_000;
    while ((await resetsOf()).length === 0) {
      if (Date.now() > deadline) throw new Error('no password reset was made');
      await sleep(50);
    }
    // A job being retried stays queued, so this waits for a retry, which would be accepted.
    await drainJobs(t);
    expect(smtp.received.filter((m) => m.to.includes(refused.email))).toEqual([]);
    expect(await resetsOf()).toEqual([{ sent_at: null }]);

    const busy = await signUp(t.app, 'busy-mailbox');
    smtp.refuseNext(1, 451);
    await post('/api/v1/auth/password-reset', { email: busy.email });
    const mail = await smtp.nextMessageTo(busy.email, 20_000);
    expect(mail.subject).toBe('Reset your Rampart password');
  }, 40_000);

  it('refuses a token that was never issued, or is malformed', async () => {
    const user = await signUp(t.app, 'forger');
    for (const token of ['garbage', `${user.userId}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`]) {
      const response = await post('/api/v1/auth/password-reset/confirm', {
        token,
        password: 'a long enough password',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details.fields[0].field).toBe('token');
    }
  });
});

describe('outbox delivery', () => {
  const outboxOf = async (admin: SignedUp, email: string) =>
    (await t.app.inject({ url: '/api/v1/outbox', headers: admin.auth }))
      .json<{ data: { to: string; status: string; [key: string]: unknown }[] }>()
      .data.find((message) => message.to === email);
  const untilStatus = async (admin: SignedUp, email: string, status: string) => {
    const deadline = Date.now() + 15_000;
    while ((await outboxOf(admin, email))?.status !== status) {
      if (Date.now() > deadline) throw new Error(`${email} never ${status}`);
      await sleep(50);
    }
    return (await outboxOf(admin, email))!;
  };

  it('shows a refused delivery as retrying, with its next attempt, until it is sent', async () => {
    const admin = await signUp(t.app, 'retry');
    const email = `retried-${Date.now()}@example.com`;
    smtp.refuseNext(1);
    const invited = await post('/api/v1/invitations', { email, role: 'member' }, admin.auth);
    expect(invited.statusCode).toBe(201);

    const refusedAt = Date.now();
    const retrying = await untilStatus(admin, email, 'retrying');
    expect(retrying).toMatchObject({ attempts: 1, sent_at: null });
    // The queue's first retry comes e (2.7) seconds after the refusal.
    const nextAttempt = Date.parse(retrying['next_attempt_at'] as string);
    expect(nextAttempt).toBeGreaterThan(refusedAt);
    expect(nextAttempt).toBeLessThan(Date.now() + 10_000);
    expect(retrying['last_error']).toContain('451 Try again later');

    // graphile-worker retries after a short backoff; the server accepts this time.
    const mail = await smtp.nextMessageTo(email, 20_000);
    expect(linkIn(mail.text, '/accept-invite').toString()).toBe(invited.json().link);
    await drainJobs(t);
    expect(await outboxOf(admin, email)).toMatchObject({
      status: 'sent',
      attempts: 2,
      next_attempt_at: null,
      sent_at: expect.any(String),
    });
    expect(await outboxOf(admin, email)).toMatchObject({ last_error: null });
    expect(smtp.received.filter((m) => m.to.includes(email))).toHaveLength(1);
    // Nobody is told of a failure that did not last.
    const bell = await t.app.inject({ url: '/api/v1/notifications', headers: admin.auth });
    expect(bell.json().data).toEqual([]);
  });

  it("marks a message failed after its last attempt and tells the organization's admins", async () => {
    const owner = await signUp(t.app, 'given-up');
    const admin = await joinByInvitation(t.app, owner, 'admin');
    const member = await joinByInvitation(t.app, owner, 'member');
    const elsewhere = await signUp(t.app, 'elsewhere');
    await drainJobs(t);
    const email = `unreachable-${Date.now()}@example.com`;
    smtp.refuseNext(2);
    const invited = await post('/api/v1/invitations', { email, role: 'member' }, owner.auth);
    expect(invited.statusCode).toBe(201);
    await untilStatus(owner, email, 'retrying');
    // Two attempts in all, so that the second is the last.
    await t.ownerQuery(
      `UPDATE graphile_worker._private_jobs SET max_attempts = 2 WHERE payload ->> 'email_id' = $1`,
      [
        (
          await t.ownerQuery<{ id: string }>('SELECT id FROM email_outbox WHERE to_address = $1', [
            email,
          ])
        )[0]!.id,
      ],
    );
    const failed = await untilStatus(owner, email, 'failed');
    expect(failed).toMatchObject({ attempts: 2, next_attempt_at: null, sent_at: null });

    const bellOf = async (who: SignedUp) =>
      (await t.app.inject({ url: '/api/v1/notifications', headers: who.auth }))
        .json<{ data: { kind: string; title: string }[] }>()
        .data.filter((n) => n.kind === 'email_failed');
    for (const told of [owner, admin]) {
      const notes = await bellOf(told);
      expect(notes).toHaveLength(1);
      expect(notes[0]!.title).toContain(email);
    }
    expect(await bellOf(member)).toEqual([]);
    expect(await bellOf(elsewhere)).toEqual([]);
    expect(smtp.received.filter((m) => m.to.includes(email))).toEqual([]);
  });

  const jobsOf = async (email: string) =>
    (
      await t.ownerQuery(
        `SELECT FROM graphile_worker._private_jobs j JOIN email_outbox o
           ON o.id::text = j.payload ->> 'email_id' WHERE o.to_address = $1`,
        [email],
      )
    ).length;

  it('marks a message the server refuses for good (5xx) failed at once, with its answer', async () => {
    const owner = await signUp(t.app, 'refused-for-good');
    const email = `no-such-mailbox-${Date.now()}@example.com`;
    smtp.refuseNext(1, 550);
    const invited = await post('/api/v1/invitations', { email, role: 'member' }, owner.auth);
    expect(invited.statusCode).toBe(201);

    const failed = await untilStatus(owner, email, 'failed');
    expect(failed).toMatchObject({ attempts: 1, next_attempt_at: null, sent_at: null });
    expect(failed['last_error']).toContain('550 No such mailbox here');
    // Not retried: the job is done, and the admins are told once.
    const deadline = Date.now() + 5_000;
    while ((await jobsOf(email)) > 0) {
      if (Date.now() > deadline) throw new Error(`the job of ${email} is still queued`);
      await sleep(50);
    }
    const bell = await t.app.inject({ url: '/api/v1/notifications', headers: owner.auth });
    const told = bell
      .json<{ data: { kind: string; title: string }[] }>()
      .data.filter((n) => n.kind === 'email_failed');
    expect(told).toHaveLength(1);
    expect(told[0]!.title).toContain(email);
    expect(smtp.received.filter((m) => m.to.includes(email))).toEqual([]);
  });
});

describe('a delivery whose outcome cannot be recorded', () => {
  it('is tried again, even on its last attempt, instead of left unsent for good', async () => {
    const owner = await signUp(t.app, 'unrecorded');
    const email = `unrecorded-${Date.now()}@example.com`;
    const heldBefore = smtp.held();
    smtp.holdNext(1, 1_000);
    await post('/api/v1/invitations', { email, role: 'member' }, owner.auth);
    const [message] = await t.ownerQuery<{ id: string }>(
      'SELECT id FROM email_outbox WHERE to_address = $1',
      [email],
    );
    await t.ownerQuery(
      `UPDATE graphile_worker._private_jobs SET max_attempts = 1 WHERE payload ->> 'email_id' = $1`,
      [message!.id],
    );
    const deadline = Date.now() + 15_000;
    while (smtp.held() === heldBefore) {
      if (Date.now() > deadline) throw new Error('the message never reached the mail server');
      await sleep(50);
    }
    // The message is locked while the server accepts it: marking it sent waits past
    // lock_timeout and fails, on the job's last attempt.
    const locker = new pg.Client({ connectionString: t.testDb.ownerUrl });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('SELECT FROM email_outbox WHERE id = $1 FOR UPDATE', [message!.id]);
      await smtp.nextMessageTo(email);
      const failedFor = Date.now() + 20_000;
      while (
        (
          await t.ownerQuery(
            `SELECT FROM graphile_worker._private_jobs
         WHERE payload ->> 'email_id' = $1 AND locked_at IS NULL AND attempts >= max_attempts`,
            [message!.id],
          )
        ).length === 0
      ) {
        if (Date.now() > failedFor) throw new Error('the attempt never failed');
        await sleep(100);
      }
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    // Sent again (the documented duplicate), then recorded as sent.
    await smtp.nextMessageTo(email, 30_000);
    const sentBy = Date.now() + 10_000;
    let outbox = await outboxStatusOf(owner, email);
    while (outbox !== 'sent') {
      if (Date.now() > sentBy) throw new Error(`${email} stayed ${outbox}`);
      await sleep(100);
      outbox = await outboxStatusOf(owner, email);
    }
  }, 90_000);
});

describe('a slow mail server', () => {
  it('is waited for outside any database transaction', async () => {
    const user = await signUp(t.app, 'slow');
    const invitee = `slowly-${Date.now()}@example.com`;
    const heldBefore = smtp.held();
    smtp.holdNext(2, 4_000);
    await post('/api/v1/auth/password-reset', { email: user.email });
    await post('/api/v1/invitations', { email: invitee, role: 'member' }, user.auth);
    const deadline = Date.now() + 15_000;
    while (smtp.held() < heldBefore + 2) {
      if (Date.now() > deadline) throw new Error('the messages never reached the mail server');
      await sleep(50);
    }
    // Both messages wait for the server's answer now: no transaction may be open meanwhile.
    const open: unknown[] = [];
    for (let sample = 0; sample < 12; sample += 1) {
      open.push(
        ...(await t.ownerQuery(
          `SELECT state, query FROM pg_stat_activity
           WHERE datname = current_database() AND pid <> pg_backend_pid()
             AND xact_start < now() - interval '500 milliseconds'`,
        )),
      );
      await sleep(150);
    }
    expect(open).toEqual([]);
    await smtp.nextMessageTo(user.email);
    await smtp.nextMessageTo(invitee);
  });
});

describe('password reset on an instance without email', () => {
  it('says that no link can be emailed and whom to ask, instead of "on its way"', async () => {
    const unmailed = await createTestApp();
    try {
      const user = await signUp(unmailed.app, 'stranded');
      const response = await unmailed.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset',
        payload: { email: user.email },
      });
      expect(response.statusCode).toBe(202);
      const answer = response.json<{ status: string; email_configured: boolean }>();
      expect(answer.email_configured).toBe(false);
      expect(answer.status).toContain('no email configured');
      expect(answer.status).toContain('Ask the person who runs this instance');
      expect(answer.status).not.toContain('on its way');
    } finally {
      await unmailed.close();
    }
  });
});
