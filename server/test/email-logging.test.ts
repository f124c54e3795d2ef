import nodemailer, { type SendMailOptions } from 'nodemailer';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmailReceiver, type EmailReceiver } from '../src/modules/emails/receiver.js';
import { callsOf } from './support/calls.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

let t: TestApp;
let receiver: EmailReceiver;
let org: SignedUp;
let other: SignedUp;
const { call, create } = callsOf(() => t);
const MAX_BYTES = 200_000;

beforeAll(async () => {
  t = await createTestApp({
    env: {
      SMTP_RECEIVER_PORT: '0',
      SMTP_RECEIVER_DOMAIN: 'log.rampart.test',
      SMTP_RECEIVER_MAX_BYTES: String(MAX_BYTES),
    },
  });
  receiver = await startEmailReceiver(t.deps, pino({ level: 'silent' }), 0, '127.0.0.1');
  org = await signUp(t.app, 'logger');
  other = await signUp(t.app, 'other-logger');
});
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

/** A real SMTP client, as a mail client or an MX would deliver. */
function send(message: SendMailOptions) {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: receiver.port,
    secure: false,
    ignoreTLS: true,
  });
  return transport.sendMail(message).finally(() => transport.close());
}

async function loggingAddress(who: SignedUp): Promise<string> {
  const settings = await call('GET', '/email-settings', who);
  expect(settings.statusCode, settings.body).toBe(200);
  return settings.json().logging_address;
}

describe('logging email by BCC', () => {
  it('keeps a BCC’d message on the right contact and lead, never on another organization’s', async () => {
    const address = await loggingAddress(org);
    expect(address).toMatch(/^log\+[0-9a-f-]{36}\.[0-9a-f]{22}@log\.rampart\.test$/);
    expect(address.split('@')[0]!.length).toBeLessThanOrEqual(64);
    const ada = await create(org, '/contacts', {
      last_name: 'Lovelace',
      email: 'ada@client.example',
    });
    const lead = await create(org, '/leads', { last_name: 'Byron', email: 'byron@client.example' });
    const theirs = await create(other, '/contacts', {
      last_name: 'Other',
      email: 'ada@client.example',
    });

    await send({
      from: 'Rep <rep@seller.example>',
      to: 'Ada <ADA@client.example>',
      cc: 'byron@client.example',
      bcc: address,
      subject: 'Our proposal',
      text: 'Please find the proposal attached.',
      html: '<p>Please find the <script>alert(1)</script>proposal attached.</p>',
      attachments: [{ filename: 'proposal.txt', content: 'the proposal' }],
    });

    const onAda = (await call('GET', `/emails?contact_id=${ada.id}`, org)).json().data;
    expect(onAda).toHaveLength(1);
    expect(onAda[0]).toMatchObject({
      direction: 'received',
      status: null,
      subject: 'Our proposal',
      to_addresses: ['ada@client.example'],
      cc_addresses: ['byron@client.example'],
    });
    expect(onAda[0].body_text.trim()).toBe('Please find the proposal attached.');
    const onLead = (await call('GET', `/emails?lead_id=${lead.id}`, org)).json().data;
    expect(onLead.map((email: { id: string }) => email.id)).toEqual([onAda[0].id]);

    const files = (await call('GET', `/files?contact_id=${ada.id}`, org)).json().data;
    expect(files).toMatchObject([{ name: 'proposal.txt', byte_size: 12 }]);
    const download = await call('GET', `/files/${files[0].id}/content`, org);
    expect(download.body).toBe('the proposal');

    expect((await call('GET', `/emails?contact_id=${theirs.id}`, other)).json().data).toEqual([]);
    expect((await call('GET', `/files?contact_id=${theirs.id}`, other)).json().data).toEqual([]);
    expect((await call('GET', `/emails/${onAda[0].id}`, other)).statusCode).toBe(404);
  });

  it('keeps a message delivered twice once', async () => {
    const address = await loggingAddress(org);
    const ada = await create(org, '/contacts', {
      last_name: 'Twice',
      email: 'twice@client.example',
    });
    const message = {
      from: 'rep@seller.example',
      to: 'twice@client.example',
      bcc: address,
      subject: 'Once',
      text: 'x',
      messageId: '<once-only@seller.example>',
    };
    await send(message);
    await send(message);
    expect((await call('GET', `/emails?contact_id=${ada.id}`, org)).json().data).toHaveLength(1);
  });

  it('refuses a wrong secret, another organization’s id, and a rotated address at RCPT', async () => {
    const address = await loggingAddress(org);
    const [local, domain] = address.split('@') as [string, string];
    const secret = local.split('.')[1]!;
    const wrongSecret = `${local.slice(0, -1)}${secret.endsWith('0') ? '1' : '0'}@${domain}`;
    const otherOrgsId = `log+${other.orgId}.${secret}@${domain}`;
    for (const to of [wrongSecret, otherOrgsId, `log+nothing@${domain}`]) {
      await expect(
        send({ from: 'a@b.example', to, subject: 'x', text: 'x' }),
      ).rejects.toMatchObject({
        responseCode: 550,
      });
    }
    const rotated = await call('POST', '/email-settings/logging-address', org);
    expect(rotated.json().logging_address).not.toBe(address);
    await expect(
      send({ from: 'a@b.example', to: address, subject: 'x', text: 'x' }),
    ).rejects.toMatchObject({ responseCode: 550 });
    await send({
      from: 'a@b.example',
      to: rotated.json().logging_address,
      subject: 'x',
      text: 'x',
    });
    // Nothing was kept for the refused recipients.
    const kept = await t.ownerQuery<{ org_id: string }>(
      "SELECT org_id FROM emails WHERE direction = 'received' AND subject = 'x'",
    );
    expect(kept).toEqual([{ org_id: org.orgId }]);
  });

  it('refuses a message over the size limit', async () => {
    const address = await loggingAddress(org);
    await create(org, '/contacts', { last_name: 'Big', email: 'big@client.example' });
    await expect(
      send({
        from: 'rep@seller.example',
        to: 'big@client.example',
        bcc: address,
        subject: 'Too big',
        text: 'x'.repeat(MAX_BYTES + 1000),
      }),
    ).rejects.toMatchObject({ responseCode: 552 });
    expect(await t.ownerQuery("SELECT 1 FROM emails WHERE subject = 'Too big'")).toEqual([]);
  });
});
