import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextDigestAt, sendDailyDigests } from '../src/modules/notifications/daily-digest.task.js';
import { joinByInvitation } from './support/members.js';
import { type ReceivedMail, type TestSmtpServer } from './support/smtp.js';
import { signUp, type SignedUp, type TestApp } from './support/test-app.js';
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

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = new Date();
const startOfToday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const runDigest = (orgId: string, at = now) =>
  sendDailyDigests({ ...t.deps, log: pino({ level: 'silent' }) }, { org_id: orgId }, at);

async function addTask(
  who: SignedUp,
  title: string,
  dueAt: number,
  status: 'open' | 'in_progress' | 'done' = 'open',
): Promise<string> {
  const [row] = await t.ownerQuery<{ id: string }>(
    `INSERT INTO tasks (org_id, title, due_at, assignee_id, status, completed_at)
     VALUES ($1, $2, $3, $4, $5, CASE WHEN $5 = 'done' THEN now() END) RETURNING id`,
    [who.orgId, title, new Date(dueAt), who.userId, status],
  );
  return row!.id;
}

const digestsTo = (who: SignedUp): ReceivedMail[] =>
  smtp.received.filter((m) => m.to.includes(who.email) && m.subject.startsWith('Your tasks'));

async function digestJobs(orgId: string) {
  return t.ownerQuery<{ run_at: Date; identifier: string; payload: unknown; attempts: number }>(
    `SELECT j.run_at, k.identifier, j.payload, j.attempts
     FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks k ON k.id = j.task_id
     WHERE j.key = $1`,
    // The queue keys each organization's jobs within it.
    [`${orgId}/daily-digest:${orgId}`],
  );
}

describe('the daily digest', () => {
  it('emails each member who wants one their tasks due today or overdue, once a day, within their organization', async () => {
    const a = await signUp(t.app, 'digest-a');
    const quiet = await joinByInvitation(t.app, a, 'member', 'quiet');
    const idle = await joinByInvitation(t.app, a, 'member', 'idle');
    const b = await signUp(t.app, 'digest-b');

    const overdue = await addTask(
      a,
      'Renew the Globex contract',
      startOfToday - 2 * DAY + 9 * HOUR,
    );
    const today = await addTask(
      a,
      'Call Ada about the pilot',
      startOfToday + 60_000,
      'in_progress',
    );
    await addTask(a, 'Plan the offsite', startOfToday + DAY + 9 * HOUR);
    await addTask(a, 'Send the old invoice', startOfToday - DAY, 'done');
    await addTask(quiet, 'Quiet task', startOfToday - DAY);
    await addTask(b, 'B secret task', startOfToday - DAY);
    const off = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      headers: quiet.auth,
      payload: { email_on_assignment: true, email_on_task_due: true, daily_digest: false },
    });
    expect(off.statusCode).toBe(200);

    await runDigest(a.orgId);
    const mail = await smtp.nextMessageTo(a.email);
    expect(mail.subject).toBe(`Your tasks for ${isoDay(startOfToday)}: 1 overdue, 1 due today`);
    expect(mail.text).toContain('Renew the Globex contract');
    expect(mail.text).toContain(`http://rampart.test/tasks/${overdue}`);
    expect(mail.text).toContain('Call Ada about the pilot');
    expect(mail.text).toContain(`http://rampart.test/tasks/${today}`);
    expect(mail.text.indexOf('Overdue')).toBeLessThan(mail.text.indexOf('Due today'));
    for (const absent of ['Plan the offsite', 'Send the old invoice', 'Quiet task', 'B secret'])
      expect(mail.text).not.toContain(absent);

    // Twice the same day: nothing more.
    await runDigest(a.orgId);
    await runDigest(a.orgId, new Date(Math.min(now.getTime() + HOUR, startOfToday + DAY - 1)));
    await drainJobs(t);
    expect(digestsTo(a)).toHaveLength(1);
    for (const nobody of [quiet, idle, b]) expect(digestsTo(nobody)).toEqual([]);
    const outbox = await t.ownerQuery<{ org_id: string; status: string }>(
      "SELECT org_id, status FROM email_outbox WHERE kind = 'daily_digest' AND to_address = $1",
      [a.email],
    );
    expect(outbox).toEqual([{ org_id: a.orgId, status: 'sent' }]);

    // The next day, tomorrow's task is due today and the rest are overdue.
    await runDigest(a.orgId, new Date(startOfToday + DAY + 7 * HOUR));
    const next = await smtp.nextMessageTo(a.email);
    expect(next.subject).toBe(
      `Your tasks for ${isoDay(startOfToday + DAY)}: 2 overdue, 1 due today`,
    );
    expect(next.text).toContain('Plan the offsite');

    // The other organization's digest is its own.
    await runDigest(b.orgId);
    const bMail = await smtp.nextMessageTo(b.email);
    expect(bMail.text).toContain('B secret task');
    expect(bMail.text).not.toContain('Globex');
    await drainJobs(t);
    expect(digestsTo(a)).toHaveLength(2);
    expect(digestsTo(quiet)).toEqual([]);
  });

  it('is scheduled when an organization is created, one pending run per organization', async () => {
    const before = new Date();
    const org = await signUp(t.app, 'digest-schedule');
    const [scheduled, ...others] = await digestJobs(org.orgId);
    expect(others).toEqual([]);
    expect(scheduled).toMatchObject({
      identifier: 'notifications__daily_digest',
      payload: { org_id: org.orgId },
      attempts: 0,
    });
    expect(scheduled!.run_at.getUTCHours()).toBe(7);
    expect(scheduled!.run_at.getTime()).toBeGreaterThan(before.getTime());
    expect(scheduled!.run_at.getTime() - before.getTime()).toBeLessThanOrEqual(DAY);

    const later = new Date(startOfToday + 3 * DAY + 12 * HOUR);
    await runDigest(org.orgId, later);
    await runDigest(org.orgId, later);
    const rescheduled = await digestJobs(org.orgId);
    expect(rescheduled.map((job) => job.run_at)).toEqual([
      new Date(startOfToday + 4 * DAY + 7 * HOUR),
    ]);
  });

  it('runs in the real worker when due, then schedules the next day', async () => {
    const org = await signUp(t.app, 'digest-worker');
    await addTask(org, 'Worker-run task', startOfToday - 3 * DAY);
    await t.ownerQuery('UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key = $1', [
      `${org.orgId}/daily-digest:${org.orgId}`,
    ]);

    const mail = await smtp.nextMessageTo(org.email);
    expect(mail.subject).toMatch(/^Your tasks for \d{4}-\d{2}-\d{2}: 1 overdue, 0 due today$/);
    expect(mail.text).toContain('Worker-run task');
    await drainJobs(t);
    const [next, ...others] = await digestJobs(org.orgId);
    expect(others).toEqual([]);
    expect(next!.attempts).toBe(0);
    expect(next!.run_at.getTime()).toBe(nextDigestAt(new Date()).getTime());
  });
});

describe('nextDigestAt', () => {
  it('is the first 07:00 UTC after the moment given', () => {
    expect(nextDigestAt(new Date('2026-03-01T06:59:59Z'))).toEqual(
      new Date('2026-03-01T07:00:00Z'),
    );
    expect(nextDigestAt(new Date('2026-03-01T07:00:00Z'))).toEqual(
      new Date('2026-03-02T07:00:00Z'),
    );
    expect(nextDigestAt(new Date('2026-12-31T23:30:00Z'))).toEqual(
      new Date('2027-01-01T07:00:00Z'),
    );
  });
});
