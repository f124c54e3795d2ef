import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinByInvitation } from './support/members.js';
import { type TestSmtpServer } from './support/smtp.js';
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

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
const call = (
  method: Method,
  url: string,
  who: { auth: { authorization: string } },
  payload?: object,
) => t.app.inject({ method, url: `/api/v1${url}`, headers: who.auth, payload });

async function assignLead(by: SignedUp, to: SignedUp, lastName: string) {
  const response = await call('POST', '/leads', by, { last_name: lastName, owner_id: to.userId });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>();
}

interface Notification {
  id: string;
  kind: string;
  title: string;
  record_type: string | null;
  record_id: string | null;
  read_at: string | null;
  created_by: string | null;
}

async function inbox(who: SignedUp, query = ''): Promise<Notification[]> {
  const response = await call('GET', `/notifications${query}`, who);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().data;
}

/** The next email to `address` that is not its invitation to the organization. */
async function nextNotificationMail(address: string) {
  for (;;) {
    const mail = await smtp.nextMessageTo(address);
    if (!mail.subject.includes('invited you')) return mail;
  }
}

const unread = async (who: SignedUp) =>
  (await call('GET', '/notifications/unread-count', who)).json().count;

describe('the inbox', () => {
  it('lists your notifications newest first, a page at a time, and marks them read', async () => {
    const admin = await signUp(t.app, 'inbox');
    const rep = await joinByInvitation(t.app, admin, 'member');
    const leads = [];
    for (let i = 0; i < 5; i += 1) leads.push(await assignLead(admin, rep, `Prospect ${i}`));

    const titles: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await call(
        'GET',
        `/notifications?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        rep,
      );
      expect(page.statusCode, page.body).toBe(200);
      titles.push(...page.json().data.map((n: Notification) => n.title));
      cursor = page.json().next_cursor;
    } while (cursor);
    expect(titles).toEqual([4, 3, 2, 1, 0].map((i) => `Lead "Prospect ${i}" was assigned to you`));

    const [newest] = await inbox(rep);
    expect(newest).toMatchObject({
      kind: 'record_assigned',
      record_type: 'lead',
      record_id: leads[4]!.id,
      read_at: null,
      created_by: admin.userId,
    });
    expect(await unread(rep)).toBe(5);

    const read = await call('POST', `/notifications/${newest!.id}/read`, rep);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ id: newest!.id, read_at: expect.any(String) });
    const again = await call('POST', `/notifications/${newest!.id}/read`, rep);
    expect(again.json().read_at).toBe(read.json().read_at);
    expect(await unread(rep)).toBe(4);
    const unreadOnes = await inbox(rep, '?unread=true');
    expect(unreadOnes.map((n) => n.id)).not.toContain(newest!.id);
    expect(unreadOnes).toHaveLength(4);

    expect((await call('POST', '/notifications/read-all', rep)).statusCode).toBe(204);
    expect(await unread(rep)).toBe(0);
    expect(await inbox(rep, '?unread=true')).toEqual([]);
    expect(await inbox(rep)).toHaveLength(5);
    // The admin assigned the leads to someone else: nothing for them.
    expect(await inbox(admin)).toEqual([]);
  });

  it("never shows or touches another person's notifications, in this organization or another", async () => {
    const a = await signUp(t.app, 'inbox-a');
    const alice = await joinByInvitation(t.app, a, 'member', 'alice');
    const bob = await joinByInvitation(t.app, a, 'admin', 'bob');
    const b = await signUp(t.app, 'inbox-b');
    const bMember = await joinByInvitation(t.app, b, 'member');
    await assignLead(a, alice, 'For Alice');
    await assignLead(b, bMember, 'For B');
    const [alices] = await inbox(alice);
    const [bs] = await inbox(bMember);

    for (const outsider of [bob, a, b, bMember]) {
      const response = await call('POST', `/notifications/${alices!.id}/read`, outsider);
      expect(response.statusCode).toBe(404);
      expect((await inbox(outsider)).map((n) => n.id)).not.toContain(alices!.id);
    }
    expect((await call('POST', `/notifications/${bs!.id}/read`, alice)).statusCode).toBe(404);
    expect(await inbox(bob)).toEqual([]);
    expect(await unread(bob)).toBe(0);

    // Marking all read is one's own business too.
    await call('POST', '/notifications/read-all', bob);
    await call('POST', '/notifications/read-all', b);
    expect(await unread(alice)).toBe(1);
    expect(await unread(bMember)).toBe(1);
    expect((await inbox(alice)).map((n) => n.title)).toEqual([
      'Lead "For Alice" was assigned to you',
    ]);
  });

  it('answers bad parameters with 400 naming them', async () => {
    const user = await signUp(t.app, 'inbox-bad');
    for (const [url, field] of [
      ['/notifications?unread=perhaps', 'unread'],
      ['/notifications?limit=0', 'limit'],
      ['/notifications?limit=201', 'limit'],
      ['/notifications?cursor=not-a-cursor', 'cursor'],
      ['/notifications?sort=title', 'sort'],
    ]) {
      const response = await call('GET', url!, user);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.details.fields[0].field, url).toBe(field);
    }
    const badId = await call('POST', '/notifications/not-a-uuid/read', user);
    expect(badId.statusCode).toBe(400);
    expect(JSON.stringify(badId.json().error.details)).toContain('notification_id');
    const nothing = await call(
      'POST',
      '/notifications/00000000-0000-4000-8000-000000000000/read',
      user,
    );
    expect(nothing.statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/notifications' })).statusCode).toBe(401);
  });
});

describe('preferences', () => {
  const everything = { email_on_assignment: true, email_on_task_due: true, daily_digest: true };

  it('are all on until changed, and belong to one person in one organization', async () => {
    const a = await signUp(t.app, 'prefs-a');
    const colleague = await joinByInvitation(t.app, a, 'member');
    const b = await signUp(t.app, 'prefs-b');
    expect((await call('GET', '/notifications/preferences', a)).json()).toEqual(everything);

    const chosen = { email_on_assignment: false, email_on_task_due: true, daily_digest: false };
    const saved = await call('PUT', '/notifications/preferences', a, chosen);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual(chosen);
    expect((await call('GET', '/notifications/preferences', a)).json()).toEqual(chosen);
    const changed = { ...chosen, daily_digest: true };
    await call('PUT', '/notifications/preferences', a, changed);
    expect((await call('GET', '/notifications/preferences', a)).json()).toEqual(changed);

    expect((await call('GET', '/notifications/preferences', colleague)).json()).toEqual(everything);
    expect((await call('GET', '/notifications/preferences', b)).json()).toEqual(everything);
    const rows = await t.ownerQuery<{ org_id: string; user_id: string }>(
      'SELECT org_id, user_id FROM notification_preferences WHERE user_id = ANY($1)',
      [[a.userId, colleague.userId, b.userId]],
    );
    expect(rows).toEqual([{ org_id: a.orgId, user_id: a.userId }]);
  });

  it('refuses a body that is not the three choices with 422 naming the field', async () => {
    const user = await signUp(t.app, 'prefs-bad');
    for (const [body, field] of [
      [{ email_on_assignment: true, email_on_task_due: true }, 'daily_digest'],
      [{ ...everything, daily_digest: 'sometimes' }, 'daily_digest'],
      [{ ...everything, email_on_assignment: {} }, 'email_on_assignment'],
      [{ ...everything, org_id: user.orgId }, 'org_id'],
    ] as const) {
      const response = await call('PUT', '/notifications/preferences', user, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(422);
      expect(response.json().error.details.fields[0].field).toBe(field);
    }
    expect((await call('GET', '/notifications/preferences', user)).json()).toEqual(everything);
  });
});

describe('assignment emails', () => {
  it('emails the new owner of a lead, created or reassigned, through the real worker', async () => {
    const admin = await signUp(t.app, 'mail');
    const rep = await joinByInvitation(t.app, admin, 'member', 'rep');
    const other = await joinByInvitation(t.app, admin, 'member', 'other');
    const lead = await assignLead(admin, rep, 'Hopper');

    const mail = await nextNotificationMail(rep.email);
    expect(mail.subject).toBe('Lead "Hopper" was assigned to you');
    expect(mail.text).toContain(`http://rampart.test/leads/${lead.id}`);

    const moved = await call('PATCH', `/leads/${lead.id}`, admin, { owner_id: other.userId });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await nextNotificationMail(other.email)).subject).toBe(
      'Lead "Hopper" was assigned to you',
    );
    await drainJobs(t);
    const [notification] = await inbox(other);
    expect(notification).toMatchObject({ record_id: lead.id, kind: 'record_assigned' });
    const [emailed] = await t.ownerQuery<{ emailed_at: Date | null }>(
      'SELECT emailed_at FROM notifications WHERE id = $1',
      [notification!.id],
    );
    expect(emailed!.emailed_at).toBeInstanceOf(Date);
  });

  it("links a deal's and a task's assignment to pages that exist, in the bell and by email", async () => {
    const admin = await signUp(t.app, 'links');
    const rep = await joinByInvitation(t.app, admin, 'member', 'links-rep');
    const deal = await call('POST', '/deals', admin, { name: 'Renewal', owner_id: rep.userId });
    expect(deal.statusCode, deal.body).toBe(201);
    const dealId = deal.json<{ id: string }>().id;
    const dealMail = await nextNotificationMail(rep.email);
    expect(dealMail.subject).toBe('Deal "Renewal" was assigned to you');
    expect(dealMail.text).toContain(`http://rampart.test/deals/${dealId}`);

    const task = await call('POST', '/tasks', admin, {
      title: 'Call back',
      assignee_id: rep.userId,
    });
    expect(task.statusCode, task.body).toBe(201);
    const taskMail = await nextNotificationMail(rep.email);
    expect(taskMail.text).toMatch(/http:\/\/rampart\.test\/tasks\s/);

    await drainJobs(t);
    // The bell opens `/<kind's path>/<id>`: the kind must be one the app has pages for.
    const kinds = (await inbox(rep)).map((n) => [n.record_type, n.record_id]);
    expect(kinds).toEqual([
      ['task', task.json<{ id: string }>().id],
      ['deal', dealId],
    ]);
  });

  it('keeps the notification but sends no email when assignment emails are off', async () => {
    const admin = await signUp(t.app, 'quiet');
    const rep = await joinByInvitation(t.app, admin, 'member', 'quiet-rep');
    const off = await call('PUT', '/notifications/preferences', rep, {
      email_on_assignment: false,
      email_on_task_due: true,
      daily_digest: true,
    });
    expect(off.statusCode).toBe(200);

    const created = await assignLead(admin, rep, 'Silent');
    const patched = await call('PATCH', `/leads/${created.id}`, admin, { first_name: 'Still' });
    expect(patched.statusCode).toBe(200);
    await drainJobs(t);

    expect((await inbox(rep)).map((n) => n.title)).toEqual(['Lead "Silent" was assigned to you']);
    expect(await unread(rep)).toBe(1);
    const outbox = await t.ownerQuery<{ kind: string; status: string }>(
      'SELECT kind, status FROM email_outbox WHERE to_address = $1',
      [rep.email],
    );
    expect(outbox).toEqual([{ kind: 'invitation', status: 'sent' }]);
    expect(smtp.received.filter((m) => m.to.includes(rep.email))).toHaveLength(1);
  });
});
