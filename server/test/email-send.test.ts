import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../src/mail/mailer.js';
import { sendRecordEmail } from '../src/modules/emails/send-email.task.js';
import { callsOf } from './support/calls.js';
import { joinByInvitation } from './support/members.js';
import { startSmtpServer, type TestSmtpServer } from './support/smtp.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';
import { drainJobs, startTestWorker } from './support/worker.js';

let t: TestApp;
let smtp: TestSmtpServer;
let org: SignedUp;
let other: SignedUp;
const { call, create } = callsOf(() => t);

beforeAll(async () => {
  smtp = await startSmtpServer();
  const mailer = createMailer({ smtpUrl: smtp.url, mailFrom: 'Rampart <crm@rampart.test>' });
  t = await createTestApp({ mailer, poolSize: 10 });
  org = await signUp(t.app, 'sender');
  other = await signUp(t.app, 'other-sender');
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const patch = (who: SignedUp, url: string, payload: object) =>
  t.app.inject({ method: 'PATCH', url: `/api/v1${url}`, headers: who.auth, payload });

function problem(body: string): {
  code: string;
  fields: Array<{ field: string; message: string }>;
} {
  const { error } = JSON.parse(body);
  return { code: error.code, fields: error.details?.fields ?? [] };
}

/** The emails of the organization stored to an address. */
const emailsTo = (address: string) =>
  t.ownerQuery('SELECT id FROM emails WHERE org_id = $1 AND $2 = ANY (to_addresses)', [
    org.orgId,
    address,
  ]);

async function contact(who: SignedUp, values: Record<string, unknown>) {
  return create(who, '/contacts', { last_name: 'Lovelace', first_name: 'Ada', ...values });
}

describe('merge fields and preview', () => {
  it('renders a template for a record, with its account, custom fields and the sender', async () => {
    await create(org, '/custom-fields', {
      record_type: 'contact',
      key: 'tier',
      label: 'Tier',
      field_type: 'text',
    });
    const account = await create(org, '/accounts', { name: 'Analytical Engines' });
    const ada = await contact(org, {
      email: 'ada.merge@example.com',
      account_id: account.id,
      custom_fields: { tier: 'gold' },
    });
    const template = await create(org, '/email-templates', {
      name: 'Welcome',
      subject: 'Hello {{contact.first_name}} at {{account.name}}',
      body: 'Dear {{contact.first_name}} <{{contact.email}}>, you are {{contact.cf.tier}}.\n{{me.name}}',
    });
    const preview = await call('POST', '/emails/preview', org, {
      contact_id: ada.id,
      subject: template.subject,
      body: template.body,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const me = (await call('GET', '/me', org)).json();
    expect(preview.json()).toEqual({
      to: 'ada.merge@example.com',
      subject: 'Hello Ada at Analytical Engines',
      // Plain text: nothing is HTML-escaped.
      body: `Dear Ada <ada.merge@example.com>, you are gold.\n${me.name ?? me.user?.name}`,
    });
  });

  it('refuses an unknown or unavailable merge field, naming it, instead of leaving it blank', async () => {
    const ada = await contact(org, { email: 'ada.unknown@example.com' });
    const response = await call('POST', '/emails/preview', org, {
      contact_id: ada.id,
      subject: 'Hi {{contact.nickname}}',
      body: 'About {{deal.name}} and {{contact.cf.missing}}',
    });
    expect(response.statusCode).toBe(422);
    expect(problem(response.body).fields).toEqual([
      { field: 'subject', message: 'unknown merge field {{contact.nickname}}' },
      { field: 'body', message: 'unknown merge field {{deal.name}}' },
      { field: 'body', message: 'unknown merge field {{contact.cf.missing}}' },
    ]);
    const sent = await call('POST', '/emails', org, {
      contact_id: ada.id,
      subject: 'Hi {{contact.nickname}}',
      body: 'x',
    });
    expect(sent.statusCode).toBe(422);
    expect(
      await t.ownerQuery('SELECT 1 FROM emails WHERE org_id = $1 AND subject LIKE $2', [
        org.orgId,
        'Hi%',
      ]),
    ).toEqual([]);
  });

  it('refuses a subject that grows past 998 characters once its fields are filled in, naming it', async () => {
    const long = await contact(org, { first_name: 'A'.repeat(200), email: 'long@example.com' });
    const draft = {
      contact_id: long.id,
      subject: '{{contact.first_name}} '.repeat(5),
      body: 'Hi',
    };
    const preview = await call('POST', '/emails/preview', org, draft);
    expect(preview.statusCode, preview.body).toBe(422);
    expect(problem(preview.body).fields).toEqual([
      {
        field: 'subject',
        message:
          'is 1,005 characters once its merge fields are filled in; a subject holds at most 998',
      },
    ]);
    const sent = await call('POST', '/emails', org, draft);
    expect(sent.statusCode, sent.body).toBe(422);
    expect(problem(sent.body).fields.map((field) => field.field)).toEqual(['subject']);
    expect(await emailsTo('long@example.com')).toEqual([]);
  });

  it('bounds what a template renders: a body that repeats a long value is refused, not built', async () => {
    const long = await contact(org, { first_name: 'B'.repeat(200), email: 'grow@example.com' });
    const draft = (times: number) => ({
      contact_id: long.id,
      subject: 'Hello',
      body: '{{contact.first_name}}'.repeat(times),
    });
    // 4,000 copies of a 22-character field make an 88,000-character template (under the
    // template's limit) and would make an 800,000-character body.
    const amplified = await call('POST', '/emails/preview', org, draft(4000));
    expect(amplified.statusCode).toBe(422);
    expect(amplified.body.length).toBeLessThan(1000);
    expect(problem(amplified.body).fields).toEqual([
      {
        field: 'body',
        message:
          'is 800,000 characters once its merge fields are filled in; an email body holds at most 200,000',
      },
    ]);
    const sent = await call('POST', '/emails', org, draft(4000));
    expect(sent.statusCode).toBe(422);
    expect(problem(sent.body).fields.map((field) => field.field)).toEqual(['body']);
    expect(await emailsTo('grow@example.com')).toEqual([]);
    // Up to the limit, the body is rendered whole.
    const longest = await call('POST', '/emails/preview', org, draft(1000));
    expect(longest.statusCode).toBe(200);
    expect(longest.json().body).toBe('B'.repeat(200_000));
  });

  it('lets members use templates but only admins write them', async () => {
    const member = await joinByInvitation(t.app, org, 'member');
    const refused = await call('POST', '/email-templates', member, {
      name: 'Mine',
      subject: 's',
      body: 'b',
    });
    expect(refused.statusCode).toBe(403);
    const listed = await call('GET', '/email-templates', member);
    expect(listed.json().data.map((row: { name: string }) => row.name)).toContain('Welcome');
  });
});

describe('do not contact', () => {
  it('refuses to send to a contact or lead who asked not to be contacted, naming why', async () => {
    const quiet = await contact(org, { email: 'quiet@example.com', do_not_contact: true });
    const refused = await call('POST', '/emails', org, {
      contact_id: quiet.id,
      subject: 'Hello',
      body: 'Hi',
    });
    expect(refused.statusCode).toBe(422);
    expect(problem(refused.body)).toMatchObject({
      code: 'do_not_contact',
      fields: [{ field: 'to' }],
    });

    // A lead with the address asked too: the contact with the same address is not sent to.
    await create(org, '/leads', {
      last_name: 'Quiet',
      email: 'shy@example.com',
      do_not_contact: true,
    });
    const shy = await contact(org, { email: 'shy@example.com' });
    const alsoRefused = await call('POST', '/emails', org, {
      contact_id: shy.id,
      subject: 'Hello',
      body: 'Hi',
    });
    expect(alsoRefused.statusCode).toBe(422);
    expect(problem(alsoRefused.body).code).toBe('do_not_contact');
    expect(
      await t.ownerQuery('SELECT 1 FROM emails WHERE org_id = $1 AND to_addresses && $2', [
        org.orgId,
        ['quiet@example.com', 'shy@example.com'],
      ]),
    ).toEqual([]);
  });
});

describe('sending', () => {
  it('marks an email failed, with the server’s answer, after its last attempt', async () => {
    const sender = await signUp(t.app, 'failing-sender');
    // The organization's own server, which nothing answers on.
    const settings = await patch(sender, '/email-settings', {
      smtp_host: '127.0.0.1',
      smtp_port: 1,
      smtp_password: 'secret password',
      smtp_username: 'crm',
      from_address: 'Sales <sales@failing.example>',
    });
    expect(settings.statusCode, settings.body).toBe(200);
    expect(settings.json()).toMatchObject({ smtp_password_set: true, smtp_host: '127.0.0.1' });
    expect(settings.body).not.toContain('secret password');
    const bob = await contact(sender, { first_name: 'Bob', email: 'bob.fail@example.com' });
    const queued = await create(sender, '/emails', {
      contact_id: bob.id,
      subject: 'Hi {{contact.first_name}}',
      body: 'Hello',
    });
    expect(queued).toMatchObject({
      status: 'queued',
      subject: 'Hi Bob',
      from_address: 'Sales <sales@failing.example>',
    });

    const deps = { ...t.deps, log: pino({ level: 'silent' }) };
    const payload = { org_id: sender.orgId, email_id: queued.id };
    await expect(
      sendRecordEmail({ ...deps, job: { attempts: 1, max_attempts: 2 } }, payload),
    ).rejects.toThrow();
    const retrying = (await call('GET', `/emails/${queued.id}`, sender)).json();
    expect(retrying).toMatchObject({ status: 'queued', attempts: 1 });
    expect(retrying.error).toMatch(/ECONNREFUSED/);
    await expect(
      sendRecordEmail({ ...deps, job: { attempts: 2, max_attempts: 2 } }, payload),
    ).rejects.toThrow();
    const failed = (await call('GET', `/emails/${queued.id}`, sender)).json();
    expect(failed).toMatchObject({ status: 'failed', attempts: 2 });
    expect(failed.error).toMatch(/ECONNREFUSED/);
  });

  it('marks an email the server refuses for good (5xx) failed at once, with its answer', async () => {
    const nobody = await contact(org, { first_name: 'Nobody', email: 'nobody@example.com' });
    const queued = await create(org, '/emails', {
      contact_id: nobody.id,
      subject: 'Hello',
      body: 'Hello',
    });
    smtp.refuseNext(1, 550);
    const deps = { ...t.deps, log: pino({ level: 'silent' }) };
    // Done on the first attempt: nothing is left for the queue to retry.
    await sendRecordEmail(
      { ...deps, job: { attempts: 1, max_attempts: 8 } },
      { org_id: org.orgId, email_id: queued.id },
    );
    const failed = (await call('GET', `/emails/${queued.id}`, org)).json();
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.error).toMatch(/550 No such mailbox here/);
  });

  it('says when a delivery could not be recorded, so that even a last attempt is tried again', async () => {
    const ann = await contact(org, { first_name: 'Ann', email: 'ann.unrecorded@example.com' });
    const queued = await create(org, '/emails', { contact_id: ann.id, subject: 'Hi', body: 'Hi' });
    const locker = new pg.Client({ connectionString: t.testDb.ownerUrl });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('SELECT FROM emails WHERE id = $1 FOR UPDATE', [queued.id]);
      const deps = { ...t.deps, log: pino({ level: 'silent' }) };
      await expect(
        sendRecordEmail(
          { ...deps, job: { attempts: 1, max_attempts: 1 } },
          { org_id: org.orgId, email_id: queued.id },
        ),
      ).rejects.toThrow(/^The outcome of the delivery could not be recorded: /);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    await smtp.nextMessageTo('ann.unrecorded@example.com');
  });

  it('sends through the job, retried after a refusal, and logs it on every matching record', async () => {
    const worker = await startTestWorker(t);
    try {
      const grace = await contact(org, { first_name: 'Grace', email: 'grace@example.com' });
      const lead = await create(org, '/leads', { last_name: 'Hopper', email: 'grace@example.com' });
      const deal = await create(org, '/deals', { name: 'Compiler', primary_contact_id: grace.id });
      // The other organization has a contact with the same address: never linked.
      const theirs = await contact(other, { email: 'grace@example.com' });

      // Mail queued by earlier tests (a member's welcome) goes first, so that the refusal
      // falls on this email.
      await drainJobs(t, 20_000);
      smtp.refuseNext(1);
      const queued = await call('POST', '/emails', org, {
        deal_id: deal.id,
        subject: '{{deal.name}} for {{contact.first_name}}',
        body: 'Hello {{contact.first_name}}',
      });
      expect(queued.statusCode, queued.body).toBe(201);
      expect(queued.json()).toMatchObject({
        status: 'queued',
        to_addresses: ['grace@example.com'],
      });

      const mail = await smtp.nextMessageTo('grace@example.com', 20_000);
      expect(mail.subject).toBe('Compiler for Grace');
      expect(mail.text.trim()).toBe('Hello Grace');
      await drainJobs(t, 20_000);
      const sent = (await call('GET', `/emails/${queued.json().id}`, org)).json();
      expect(sent).toMatchObject({ status: 'sent', attempts: 2, error: null });

      for (const query of [`deal_id=${deal.id}`, `contact_id=${grace.id}`, `lead_id=${lead.id}`]) {
        const listed = (await call('GET', `/emails?${query}`, org)).json();
        expect(
          listed.data.map((email: { id: string }) => email.id),
          query,
        ).toEqual([sent.id]);
      }
      const theirList = await call('GET', `/emails?contact_id=${theirs.id}`, other);
      expect(theirList.json().data).toEqual([]);
    } finally {
      await worker.stop();
    }
  });
});

describe('two organizations', () => {
  it('keeps emails, templates and settings within their organization', async () => {
    const ada = await contact(org, { email: 'ada.private@example.com' });
    const email = await create(org, '/emails', {
      contact_id: ada.id,
      subject: 'Private',
      body: 'x',
    });
    const template = (await call('GET', '/email-templates', org)).json().data[0];

    expect((await call('GET', `/emails/${email.id}`, other)).statusCode).toBe(404);
    expect((await call('GET', `/email-templates/${template.id}`, other)).statusCode).toBe(404);
    expect((await call('GET', `/emails?contact_id=${ada.id}`, other)).json().data).toEqual([]);
    const intoTheirs = await call('POST', '/emails', other, {
      contact_id: ada.id,
      subject: 'Hi',
      body: 'x',
    });
    expect(intoTheirs.statusCode).toBe(422);
    expect(problem(intoTheirs.body).code).toBe('invalid_reference');
    expect((await call('GET', '/email-templates', other)).json().data).toEqual([]);
    const theirSettings = (await call('GET', '/email-settings', other)).json();
    expect(theirSettings.smtp_host).toBeNull();
    // Still visible to its own organization.
    expect((await call('GET', `/emails/${email.id}`, org)).statusCode).toBe(200);
  });
});

describe('the emails of a merged record', () => {
  it("lists by a merged contact's id the survivor's emails, and nothing to another organization", async () => {
    const survivor = await contact(org, { email: 'ada.survivor@example.com' });
    const merged = await contact(org, { email: 'ada.merged@example.com' });
    const write = (to: { id: string }, subject: string) =>
      create(org, '/emails', { contact_id: to.id, subject, body: 'x' });
    const kept = await write(survivor, 'To the survivor');
    const moved = await write(merged, 'To the merged one');
    const merge = await call('POST', '/contacts/merge', org, {
      survivor_id: survivor.id,
      merged_ids: [merged.id],
    });
    expect(merge.statusCode, merge.body).toBe(200);

    const idsOf = async (who: SignedUp, id: string) => {
      const listed = await call('GET', `/emails?contact_id=${id}`, who);
      expect(listed.statusCode, listed.body).toBe(200);
      return listed
        .json()
        .data.map((email: { id: string }) => email.id)
        .sort();
    };
    const both = [kept.id, moved.id].sort();
    expect(await idsOf(org, survivor.id)).toEqual(both);
    // A link saved before the merge goes on showing that person's emails, as other lists do.
    expect(await idsOf(org, merged.id)).toEqual(both);
    expect(await idsOf(other, merged.id)).toEqual([]);
  });
});
