import type { Runner } from 'graphile-worker';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remindTaskDue } from '../src/modules/tasks/task-due.task.js';
import { seedRecord } from './support/crm-records.js';
import { joinByInvitation } from './support/members.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';
import { startTestWorker } from './support/worker.js';

let t: TestApp;
let a: SignedUp;
let b: SignedUp;

beforeAll(async () => {
  t = await createTestApp({ poolSize: 10 });
  a = await signUp(t.app, 'tasks-a');
  b = await signUp(t.app, 'tasks-b');
});
afterAll(async () => {
  await t.close();
});

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const call = (
  method: Method,
  url: string,
  who: { auth: { authorization: string } },
  payload?: object,
) => t.app.inject({ method, url: `/api/v1${url}`, headers: who.auth, payload });

async function createTask(who: SignedUp, fields: Record<string, unknown>) {
  const response = await call('POST', '/tasks', who, fields);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const HOUR = 3_600_000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const ghost = '00000000-0000-4000-8000-000000000000';

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('tasks', () => {
  it('creates, reads, updates, completes, reopens and deletes a task', async () => {
    const leadId = await seedRecord(t, a, 'lead', 'Lovelace');
    const task = await createTask(a, {
      title: '  Call Ada  ',
      description: 'About the renewal',
      due_at: '2026-12-01T09:00:00Z',
      priority: 'high',
      lead_id: leadId,
    });
    expect(task).toMatchObject({
      title: 'Call Ada',
      description: 'About the renewal',
      due_at: '2026-12-01T09:00:00.000Z',
      priority: 'high',
      status: 'open',
      assignee_id: a.userId,
      lead_id: leadId,
      account_id: null,
      contact_id: null,
      deal_id: null,
      completed_at: null,
      created_by: a.userId,
    });
    expect(task).not.toHaveProperty('opportunity_id');
    expect((await call('GET', `/tasks/${task.id}`, a)).json()).toEqual(task);

    const dealId = await seedRecord(t, a, 'deal', 'Big deal');
    const moved = await call('PATCH', `/tasks/${task.id}`, a, {
      deal_id: dealId,
      status: 'in_progress',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ lead_id: null, deal_id: dealId, status: 'in_progress' });

    const done = await call('POST', `/tasks/${task.id}/complete`, a);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', completed_at: expect.any(String) });
    const again = await call('POST', `/tasks/${task.id}/complete`, a);
    expect(again.json()).toEqual(done.json());

    const reopened = await call('PATCH', `/tasks/${task.id}`, a, { status: 'open' });
    expect(reopened.json()).toMatchObject({ status: 'open', completed_at: null });
    const doneByPatch = await call('PATCH', `/tasks/${task.id}`, a, { status: 'done' });
    expect(doneByPatch.json().completed_at).not.toBeNull();

    const detached = await call('PATCH', `/tasks/${task.id}`, a, { deal_id: null });
    expect(detached.json()).toMatchObject({ deal_id: null, lead_id: null });

    expect((await call('DELETE', `/tasks/${task.id}`, a)).statusCode).toBe(204);
    expect((await call('GET', `/tasks/${task.id}`, a)).statusCode).toBe(404);
  });

  it('refuses bad input with 4xx naming the field', async () => {
    const leadId = await seedRecord(t, a, 'lead', 'Two');
    const accountId = await seedRecord(t, a, 'account', 'Two Inc');
    for (const [payload, status, field] of [
      [{}, 422, 'title'],
      [{ title: '   ' }, 422, 'title'],
      [{ title: 'x'.repeat(301) }, 422, 'title'],
      [{ title: 'X', priority: 'asap' }, 422, 'priority'],
      [{ title: 'X', status: 'archived' }, 422, 'status'],
      [{ title: 'X', due_at: 'tomorrow' }, 422, 'due_at'],
      [{ title: 'X', lead_id: leadId, account_id: accountId }, 422, 'account_id'],
      [{ title: 'X', assignee_id: ghost }, 422, 'assignee_id'],
      [{ title: 'X', lead_id: ghost }, 422, 'lead_id'],
      [{ title: 'X', deal_id: ghost }, 422, 'deal_id'],
      [{ title: 'X', owner_id: a.userId }, 422, 'owner_id'],
    ] as const) {
      const response = await call('POST', '/tasks', a, payload);
      const label = JSON.stringify(payload);
      expect(response.statusCode, `${label}: ${response.body}`).toBe(status);
      expect(response.json().error.details.fields[0].field, label).toBe(field);
    }
    const task = await createTask(a, { title: 'Patch me' });
    const empty = await call('PATCH', `/tasks/${task.id}`, a, {});
    expect(empty.statusCode).toBe(422);
    const two = await call('PATCH', `/tasks/${task.id}`, a, {
      lead_id: leadId,
      deal_id: ghost,
    });
    expect(two.statusCode).toBe(422);
    expect(two.json().error.details.fields[0].field).toBe('deal_id');
  });

  it('answers bad list parameters with 400 naming them', async () => {
    const cursorOf = (v: unknown, sort: string) =>
      Buffer.from(JSON.stringify({ v, id: ghost, s: sort })).toString('base64url');
    for (const [query, field] of [
      ['sort=title', 'sort'],
      ['cursor=nope', 'cursor'],
      ['status=archived', 'status'],
      ['priority=asap', 'priority'],
      ['view=someday', 'view'],
      ['view=today&tz=Mars/Olympus_Mons', 'tz'],
      ['view=today&tz=%2B01:00', 'tz'],
      ['due_from=soon', 'due_from'],
      ['mine=perhaps', 'mine'],
      ['deal_id=42', 'deal_id'],
      ['tag_id=' + ghost, 'tag_id'],
      // A priority's rank, and a due time, of no task.
      [`sort=priority&cursor=${cursorOf(2147483648, 'priority')}`, 'cursor'],
      [`sort=priority&cursor=${cursorOf('urgent', 'priority')}`, 'cursor'],
      [`sort=due_at&cursor=${cursorOf('yesterday', 'due_at')}`, 'cursor'],
    ]) {
      const response = await call('GET', `/tasks?${query}`, a);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.details.fields[0].field, query).toMatch(
        new RegExp(`^${field}(\\.|$)`),
      );
    }
  });

  it('filters by assignee, status, priority, due dates and related record', async () => {
    const org = await signUp(t.app, 'task-filters');
    const colleague = await joinByInvitation(t.app, org, 'member');
    const leadId = await seedRecord(t, org, 'lead', 'Hopper');
    const dealId = await seedRecord(t, org, 'deal', 'Navy');
    const [team] = await t.ownerQuery<{ id: string }>(
      "INSERT INTO teams (org_id, name) VALUES ($1, 'North') RETURNING id",
      [org.orgId],
    );
    await t.ownerQuery('INSERT INTO team_members (org_id, team_id, user_id) VALUES ($1, $2, $3)', [
      org.orgId,
      team!.id,
      colleague.userId,
    ]);
    await createTask(org, { title: 'Mine open', due_at: '2026-03-01T00:00:00Z', lead_id: leadId });
    await createTask(org, { title: 'Mine done', status: 'done', priority: 'low' });
    await createTask(org, {
      title: 'Theirs',
      assignee_id: colleague.userId,
      status: 'in_progress',
      priority: 'urgent',
      due_at: '2026-05-01T00:00:00Z',
      deal_id: dealId,
    });
    const titles = async (query: string, who: SignedUp = org) => {
      const response = await call('GET', `/tasks?${query}`, who);
      expect(response.statusCode, response.body).toBe(200);
      return response.json().data.map((task: { title: string }) => task.title);
    };
    const sorted = async (query: string) => (await titles(query)).sort();

    expect(await sorted('mine=true')).toEqual(['Mine done', 'Mine open']);
    expect(await titles('mine=true', colleague)).toEqual(['Theirs']);
    expect(await sorted(`assignee_id=${colleague.userId}`)).toEqual(['Theirs']);
    expect(await sorted(`team_id=${team!.id}`)).toEqual(['Theirs']);
    expect(await sorted('status=open&status=in_progress')).toEqual(['Mine open', 'Theirs']);
    expect(await sorted('status=done')).toEqual(['Mine done']);
    expect(await sorted('priority=urgent')).toEqual(['Theirs']);
    expect(await sorted('due_from=2026-04-01T00:00:00Z')).toEqual(['Theirs']);
    expect(await sorted('due_to=2026-04-01T00:00:00Z')).toEqual(['Mine open']);
    expect(await sorted(`lead_id=${leadId}`)).toEqual(['Mine open']);
    expect(await sorted(`deal_id=${dealId}`)).toEqual(['Theirs']);
    expect(await sorted(`account_id=${ghost}`)).toEqual([]);
    expect(await sorted('created_to=2000-01-01T00:00:00Z')).toEqual([]);

    // Due dates ascending with the undated last, whichever the direction.
    expect(await titles('sort=due_at')).toEqual(['Mine open', 'Theirs', 'Mine done']);
    expect(await titles('sort=-due_at')).toEqual(['Theirs', 'Mine open', 'Mine done']);
    // Priority in its own order, not alphabetical.
    expect(await titles('sort=-priority')).toEqual(['Theirs', 'Mine open', 'Mine done']);
    expect(await titles('sort=priority')).toEqual(['Mine done', 'Mine open', 'Theirs']);
    expect(await titles('sort=-created_at')).toEqual(['Theirs', 'Mine done', 'Mine open']);
    const counted = await call('GET', '/tasks?count=true&limit=1', org);
    expect(counted.json()).toMatchObject({ total: 3, next_cursor: expect.any(String) });
  });

  it('has a type: call, meeting, email or to-do (the default), set, changed and filtered', async () => {
    const plain = await createTask(a, { title: 'Plain' });
    expect(plain.type).toBe('todo');
    const call1 = await createTask(a, { title: 'Ring Ada', type: 'call' });
    const meeting = await createTask(a, { title: 'Demo', type: 'meeting' });
    expect(call1.type).toBe('call');
    const changed = await call('PATCH', `/tasks/${meeting.id}`, a, { type: 'email' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().type).toBe('email');
    const calls = (await call('GET', '/tasks?type=call&limit=100', a)).json();
    expect(calls.data.map((x: { id: string }) => x.id)).toContain(call1.id);
    expect(calls.data.every((x: { type: string }) => x.type === 'call')).toBe(true);
    const some = (await call('GET', '/tasks?type=call&type=email&limit=100', a)).json();
    expect(some.data.map((x: { id: string }) => x.id)).toEqual(
      expect.arrayContaining([call1.id, meeting.id]),
    );
    expect(some.data.map((x: { id: string }) => x.id)).not.toContain(plain.id);
    const bad = await call('POST', '/tasks', a, { title: 'x', type: 'lunch' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.fields[0].field).toBe('type');
    expect((await call('GET', '/tasks?type=lunch', a)).statusCode).toBe(400);
  });

  it('pages by priority and by due date without losing or repeating tasks', async () => {
    const org = await signUp(t.app, 'task-paging');
    const priorities = ['low', 'normal', 'high', 'urgent'];
    for (let i = 0; i < 9; i += 1) {
      await createTask(org, {
        title: `Task ${i}`,
        priority: priorities[i % 4],
        ...(i % 3 !== 0 && { due_at: at((i - 4) * HOUR) }),
      });
    }
    for (const sort of ['priority', '-priority', 'due_at', '-due_at']) {
      const all = (await call('GET', `/tasks?sort=${sort}&limit=100`, org)).json().data;
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await call(
          'GET',
          `/tasks?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
          org,
        );
        expect(page.statusCode, page.body).toBe(200);
        seen.push(...page.json().data.map((task: { id: string }) => task.id));
        cursor = page.json().next_cursor;
      } while (cursor);
      expect(seen, sort).toEqual(all.map((task: { id: string }) => task.id));
      expect(new Set(seen).size).toBe(9);
    }
  });

  it("shows today's, overdue and upcoming tasks, today being the caller's day", async () => {
    const org = await signUp(t.app, 'task-views');
    // Kiritimati is UTC+14 all year round: its day starts at 10:00 UTC the day before.
    const offset = 14 * HOUR;
    const local = new Date(Date.now() + offset);
    const midnight =
      Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - offset;
    const moment = (ms: number) => new Date(ms).toISOString();
    await createTask(org, { title: 'Yesterday there', due_at: moment(midnight - HOUR) });
    await createTask(org, { title: 'First hour there', due_at: moment(midnight + HOUR) });
    await createTask(org, { title: 'Last hour there', due_at: moment(midnight + 23.5 * HOUR) });
    await createTask(org, { title: 'Tomorrow there', due_at: moment(midnight + 25 * HOUR) });
    await createTask(org, { title: 'Undated' });
    const titles = async (query: string) =>
      (await call('GET', `/tasks?${query}`, org))
        .json()
        .data.map((task: { title: string }) => task.title);

    expect(await titles('view=today&tz=Pacific/Kiritimati')).toEqual([
      'First hour there',
      'Last hour there',
    ]);
    expect(await titles('view=upcoming&tz=Pacific/Kiritimati')).toEqual(['Tomorrow there']);

    const utc = await signUp(t.app, 'task-views-utc');
    const now = Date.now();
    const utcMidnight = now - (now % (24 * HOUR));
    await createTask(utc, { title: 'Overdue', due_at: moment(now - 60_000) });
    await createTask(utc, { title: 'Done', due_at: moment(now - 120_000), status: 'done' });
    await createTask(utc, { title: 'Yesterday', due_at: moment(utcMidnight - HOUR) });
    await createTask(utc, { title: 'Tomorrow', due_at: moment(utcMidnight + 25 * HOUR) });
    await createTask(utc, { title: 'Late tonight', due_at: moment(utcMidnight + 24 * HOUR - 1) });
    const utcTitles = async (query: string) =>
      (await call('GET', `/tasks?${query}`, utc))
        .json()
        .data.map((task: { title: string }) => task.title);
    expect(await utcTitles('view=today')).toEqual(['Done', 'Overdue', 'Late tonight']);
    expect(await utcTitles('view=today&tz=utc')).toEqual(await utcTitles('view=today'));
    expect(await utcTitles('view=overdue')).toEqual(['Yesterday', 'Overdue']);
    expect(await utcTitles('view=upcoming')).toEqual(['Tomorrow']);
    expect(await utcTitles('view=overdue&sort=-due_at')).toEqual(['Overdue', 'Yesterday']);
  });

  it('notifies the assignee and refuses a non-member as assignee', async () => {
    const member = await joinByInvitation(t.app, a, 'member');
    const task = await createTask(a, { title: 'For the member', assignee_id: member.userId });
    await call('PATCH', `/tasks/${task.id}`, a, { title: 'Still for the member' });
    const notifications = () =>
      t.ownerQuery<{ kind: string; title: string; record_type: string; record_id: string }>(
        'SELECT kind, title, record_type, record_id FROM notifications WHERE user_id = $1 ORDER BY created_at',
        [member.userId],
      );
    expect(await notifications()).toEqual([
      {
        kind: 'task_assigned',
        title: 'Task "For the member" was assigned to you',
        record_type: 'task',
        record_id: task.id,
      },
    ]);
    const mine = await createTask(a, { title: 'Mine first' });
    await call('PATCH', `/tasks/${mine.id}`, a, { assignee_id: member.userId });
    expect((await notifications()).map((n) => n.title)).toEqual([
      'Task "For the member" was assigned to you',
      'Task "Mine first" was assigned to you',
    ]);

    const outsider = await call('POST', '/tasks', a, { title: 'X', assignee_id: b.userId });
    const nobody = await call('POST', '/tasks', a, { title: 'X', assignee_id: ghost });
    expect(outsider.statusCode).toBe(422);
    expect(outsider.json().error.details.fields[0].field).toBe('assignee_id');
    expect(outsider.json()).toEqual(nobody.json());
    const unassigned = await createTask(a, { title: 'Nobody', assignee_id: null });
    expect(unassigned.assignee_id).toBeNull();
  });

  it('lets the creator, the assignee or an admin delete a task, and no one else', async () => {
    const creator = await joinByInvitation(t.app, a, 'member');
    const assignee = await joinByInvitation(t.app, a, 'member');
    const bystander = await joinByInvitation(t.app, a, 'member');
    const admin = await joinByInvitation(t.app, a, 'admin');
    const task = () => createTask(creator, { title: 'Shared', assignee_id: assignee.userId });

    const first = await task();
    expect((await call('DELETE', `/tasks/${first.id}`, bystander)).statusCode).toBe(403);
    expect((await call('GET', `/tasks/${first.id}`, bystander)).statusCode).toBe(200);
    expect(
      (await call('PATCH', `/tasks/${first.id}`, bystander, { priority: 'low' })).statusCode,
    ).toBe(200);
    for (const who of [creator, assignee, admin]) {
      const one = await task();
      expect((await call('DELETE', `/tasks/${one.id}`, who)).statusCode).toBe(204);
    }
  });

  it('keeps tasks of one organization out of reach of the other', async () => {
    const leadId = await seedRecord(t, a, 'lead', 'Secret lead');
    const dealId = await seedRecord(t, a, 'deal', 'Secret deal');
    const task = await createTask(a, { title: 'Secret task', lead_id: leadId });
    for (const [method, url, payload] of [
      ['GET', `/tasks/${task.id}`, undefined],
      ['PATCH', `/tasks/${task.id}`, { title: 'Mine now' }],
      ['POST', `/tasks/${task.id}/complete`, undefined],
      ['DELETE', `/tasks/${task.id}`, undefined],
    ] as const) {
      expect((await call(method, url, b, payload)).statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await call('GET', `/tasks/${task.id}`, a)).json()).toMatchObject({
      title: 'Secret task',
      status: 'open',
    });
    const bList = await call('GET', `/tasks?count=true&lead_id=${leadId}`, b);
    expect(bList.json()).toEqual({ data: [], next_cursor: null, total: 0 });
    const bAll = await call('GET', '/tasks?limit=200', b);
    expect(bAll.json().data.map((x: { id: string }) => x.id)).not.toContain(task.id);
    const aList = await call('GET', `/tasks?lead_id=${leadId}`, a);
    expect(aList.json().data.map((x: { id: string }) => x.id)).toEqual([task.id]);

    for (const [field, theirs] of [
      ['lead_id', leadId],
      ['deal_id', dealId],
      ['assignee_id', a.userId],
    ] as const) {
      const foreign = await call('POST', '/tasks', b, { title: 'X', [field]: theirs });
      const nothing = await call('POST', '/tasks', b, { title: 'X', [field]: ghost });
      expect(foreign.statusCode, field).toBe(422);
      expect(foreign.json().error.details.fields[0].field).toBe(field);
      expect(foreign.json()).toEqual(nothing.json());
    }
  });
});

describe('due-task reminders', () => {
  let worker: Runner;
  beforeAll(async () => {
    worker = await startTestWorker(t);
  });
  afterAll(async () => {
    await worker?.stop();
  });

  const dueNotices = (taskId: string) =>
    t.ownerQuery<{ user_id: string; title: string; emailed_at: Date | null }>(
      "SELECT user_id, title, emailed_at FROM notifications WHERE kind = 'task_due' AND record_id = $1",
      [taskId],
    );
  const pendingJobs = (taskId: string) =>
    t.ownerQuery<{ run_at: Date }>(
      // The queue keys each organization's jobs within it: `<org id>/task-due:<task id>`.
      "SELECT run_at FROM graphile_worker._private_jobs WHERE key LIKE '%/' || $1",
      [`task-due:${taskId}`],
    );

  it('reminds the assignee of a task already due, by notification and email, once', async () => {
    const member = await joinByInvitation(t.app, a, 'member');
    const task = await createTask(a, {
      title: 'Send the quote',
      due_at: at(-HOUR),
      assignee_id: member.userId,
    });
    const [notice] = await eventually(
      () => dueNotices(task.id),
      (rows) => rows[0]?.emailed_at != null,
    );
    expect(notice).toEqual({
      user_id: member.userId,
      title: 'Task "Send the quote" is due',
      emailed_at: expect.any(Date),
    });
    const emails = await eventually(
      () =>
        t.ownerQuery<{ subject: string }>(
          'SELECT subject FROM email_outbox WHERE org_id = $1 AND to_address = $2',
          [a.orgId, member.email],
        ),
      (rows) => rows.some((row) => row.subject === 'Task "Send the quote" is due'),
    );
    expect(emails.map((e) => e.subject)).toContain('Task "Send the quote" is due');
    const [row] = await t.ownerQuery<{ due_notified_at: Date | null }>(
      'SELECT due_notified_at FROM tasks WHERE id = $1',
      [task.id],
    );
    expect(row!.due_notified_at).toBeInstanceOf(Date);

    // The same job running again, as after a crash between its commit and its acknowledgement.
    const deps = { ...t.deps, log: pino({ level: 'silent' }) };
    await remindTaskDue(deps, { org_id: a.orgId, task_id: task.id });
    await remindTaskDue(deps, { org_id: a.orgId, task_id: task.id });
    expect(await dueNotices(task.id)).toHaveLength(1);
  });

  it('reminds when a task falls due a second from now', async () => {
    const task = await createTask(a, { title: 'Imminent', due_at: at(1_000) });
    expect(await dueNotices(task.id)).toEqual([]);
    const notices = await eventually(
      () => dueNotices(task.id),
      (rows) => rows[0]?.emailed_at != null,
    );
    // A reminder is for the assignee even when they assigned the task to themselves.
    expect(notices).toEqual([
      { user_id: a.userId, title: 'Task "Imminent" is due', emailed_at: expect.any(Date) },
    ]);
  });

  it('moves the reminder with the due date, and sends none for a completed task', async () => {
    const moved = await createTask(a, { title: 'Moved', due_at: at(1_500) });
    const later = at(2 * HOUR);
    await call('PATCH', `/tasks/${moved.id}`, a, { due_at: later });
    const jobs = await pendingJobs(moved.id);
    expect(jobs.map((job) => job.run_at.toISOString())).toEqual([later]);

    const completed = await createTask(a, { title: 'Done early', due_at: at(1_000) });
    await call('POST', `/tasks/${completed.id}/complete`, a);

    // Both would have fired by now had the reminders not been moved or been re-checked.
    await eventually(
      () => pendingJobs(completed.id),
      (rows) => rows.length === 0,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await dueNotices(moved.id)).toEqual([]);
    expect(await dueNotices(completed.id)).toEqual([]);
  });

  it('reminds a new assignee of a task already due', async () => {
    const member = await joinByInvitation(t.app, a, 'member');
    const task = await createTask(a, { title: 'Handed over', due_at: at(-HOUR) });
    await eventually(
      () => dueNotices(task.id),
      (rows) => rows.length === 1,
    );
    await call('PATCH', `/tasks/${task.id}`, a, { assignee_id: member.userId });
    const notices = await eventually(
      () => dueNotices(task.id),
      (rows) => rows.length === 2,
    );
    expect(notices.map((n) => n.user_id).sort()).toEqual([a.userId, member.userId].sort());
  });
});
