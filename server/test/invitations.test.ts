import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinByInvitation } from './support/members.js';
import { linkIn, type TestSmtpServer } from './support/smtp.js';
import { createMailer } from '../src/mail/mailer.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';
import {
  createMailingTestApp,
  drainJobs,
  startTestWorker,
  type MailingTestApp,
} from './support/worker.js';

const MAIL_FROM = 'Rampart <no-reply@rampart.test>';

let mailing: MailingTestApp;
let smtp: TestSmtpServer;
let t: TestApp;

beforeAll(async () => {
  mailing = await createMailingTestApp(MAIL_FROM);
  ({ smtp, t } = mailing);
});
afterAll(async () => {
  await mailing?.close();
});

let counter = 0;
function newEmail(label: string): string {
  counter += 1;
  return `${label}-${counter}-${Date.now()}@example.com`;
}

function invite(app: TestApp, who: SignedUp, payload: unknown) {
  return app.app.inject({
    method: 'POST',
    url: '/api/v1/invitations',
    headers: who.auth,
    payload: payload as object,
  });
}

function preview(app: TestApp, token: string) {
  return app.app.inject({
    url: `/api/v1/invitations/preview?token=${encodeURIComponent(token)}`,
  });
}

function accept(app: TestApp, payload: unknown) {
  return app.app.inject({
    method: 'POST',
    url: '/api/v1/invitations/accept',
    payload: payload as object,
  });
}

function tokenOf(link: string): string {
  const token = new URL(link).searchParams.get('token');
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}

async function eventsOf(app: TestApp, orgId: string, prefix: string) {
  return app.ownerQuery<{
    action: string;
    actor_id: string | null;
    changes: Record<string, unknown>;
  }>(
    'SELECT action, actor_id, changes FROM audit_log WHERE org_id = $1 AND action LIKE $2 ORDER BY id',
    [orgId, `${prefix}%`],
  );
}

describe('inviting by email over SMTP', () => {
  it('emails a link with which a new person creates an account and joins', async () => {
    const admin = await signUp(t.app, 'inviter');
    const email = newEmail('newcomer');
    const created = await invite(t, admin, { email: email.toUpperCase(), role: 'member' });
    expect(created.statusCode, created.body).toBe(201);
    const invitation = created.json();
    expect(invitation).toMatchObject({ email, role: 'member' });
    const days = (Date.parse(invitation.expires_at) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const mail = await smtp.nextMessageTo(email);
    expect(mail.from).toBe('no-reply@rampart.test');
    expect(mail.subject).toContain('inviter');
    const link = linkIn(mail.text, '/accept-invite');
    expect(link.origin).toBe('http://rampart.test');
    expect(link.toString()).toBe(invitation.link);
    const token = link.searchParams.get('token')!;

    const previewed = await preview(t, token);
    expect(previewed.statusCode, previewed.body).toBe(200);
    expect(previewed.json()).toEqual({
      org: { name: expect.stringContaining('inviter org') },
      email,
      role: 'member',
    });

    const password = 'the newcomer password';
    const joined = await accept(t, { token, name: '  New Comer ', password });
    expect(joined.statusCode, joined.body).toBe(200);
    const session = joined.json();
    expect(session.user).toMatchObject({ email, name: 'New Comer' });
    expect(session.org).toEqual({ id: admin.orgId, name: previewed.json().org.name });
    expect(joined.cookies.find((c) => c.name === 'rampart_refresh')).toMatchObject({
      httpOnly: true,
    });

    const me = await t.app.inject({
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${session.access_token}` },
    });
    expect(me.json()).toMatchObject({ org: { id: admin.orgId }, role: 'member' });

    // The new account signs in like any other and lands in the organization.
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().orgs).toEqual([
      { id: admin.orgId, name: session.org.name, role: 'member' },
    ]);
    const members = await t.app.inject({ url: '/api/v1/members', headers: admin.auth });
    expect(members.json().data.map((m: { email: string }) => m.email)).toContain(email);

    // The link works once.
    const again = await accept(t, {
      token,
      name: 'Someone Else',
      password: 'another password here',
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details.fields[0].field).toBe('token');
    expect((await preview(t, token)).statusCode).toBe(400);

    await drainJobs(t);
    const outbox = await t.app.inject({ url: '/api/v1/outbox', headers: admin.auth });
    expect(outbox.json().data).toEqual([
      expect.objectContaining({
        to: email,
        kind: 'invitation',
        status: 'sent',
        sent_at: expect.any(String),
        subject: mail.subject,
      }),
    ]);

    expect(
      (await eventsOf(t, admin.orgId, 'invitation.')).map((e) => [e.action, e.actor_id]),
    ).toEqual([
      ['invitation.created', admin.userId],
      ['invitation.accepted', session.user.id],
    ]);
  });

  it('lets someone with an account in another organization join with their password', async () => {
    const admin = await signUp(t.app, 'host');
    const guest = await signUp(t.app, 'guest');
    expect((await invite(t, admin, { email: guest.email, role: 'admin' })).statusCode).toBe(201);
    const token = linkIn(
      (await smtp.nextMessageTo(guest.email)).text,
      '/accept-invite',
    ).searchParams.get('token')!;

    expect((await preview(t, token)).json()).toEqual({
      org: { name: expect.stringContaining('host org') },
      email: guest.email,
      role: 'admin',
    });

    const wrong = await accept(t, { token, password: 'not the right password' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('unauthorized');
    // Guessing through an invitation counts towards the same lock-out as signing in.
    const [attempts] = await t.ownerQuery<{ failures: number }>(
      "SELECT failures FROM login_attempts WHERE email_key = sha256(convert_to('login' || chr(10) || $1, 'UTF8'))",
      [guest.email],
    );
    expect(attempts?.failures).toBe(1);

    // A name sent along does not rename the existing account.
    const joined = await accept(t, { token, name: 'Renamed', password: guest.password });
    expect(joined.statusCode, joined.body).toBe(200);
    expect(joined.json().user).toMatchObject({ id: guest.userId, email: guest.email });
    expect(joined.json().user.name).not.toBe('Renamed');
    expect(joined.json().org.id).toBe(admin.orgId);

    const orgs = await t.app.inject({
      url: '/api/v1/me/orgs',
      headers: { authorization: `Bearer ${joined.json().access_token}` },
    });
    expect(orgs.json().data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: guest.orgId, role: 'owner' }),
        expect.objectContaining({ id: admin.orgId, role: 'admin' }),
      ]),
    );
    expect(orgs.json().data).toHaveLength(2);
    // The guest's own organization did not gain the host's members.
    const guestMembers = await t.app.inject({ url: '/api/v1/members', headers: guest.auth });
    expect(guestMembers.json().data.map((m: { user_id: string }) => m.user_id)).toEqual([
      guest.userId,
    ]);
  });
});

describe('what an invitation tells about the invited email', () => {
  async function invitedToken(admin: SignedUp, email: string): Promise<string> {
    expect((await invite(t, admin, { email, role: 'member' })).statusCode).toBe(201);
    return linkIn((await smtp.nextMessageTo(email)).text, '/accept-invite').searchParams.get(
      'token',
    )!;
  }

  it('previews the same for an invitee with an account and one without', async () => {
    const admin = await signUp(t.app, 'prober');
    const known = await signUp(t.app, 'known-invitee');
    const unknownEmail = newEmail('unknown-invitee');
    const withAccount = await preview(t, await invitedToken(admin, known.email));
    const without = await preview(t, await invitedToken(admin, unknownEmail));
    expect(withAccount.statusCode).toBe(200);
    expect(without.statusCode).toBe(200);
    // Byte for byte, but for the address each invitation names.
    expect(withAccount.body.replace(known.email, '<email>')).toBe(
      without.body.replace(unknownEmail, '<email>'),
    );
    expect(Object.keys(without.json()).sort()).toEqual(['email', 'org', 'role']);
  });

  it('answers signing in without an account exactly as a wrong password', async () => {
    const admin = await signUp(t.app, 'gatekeeper');
    const known = await signUp(t.app, 'signs-in');
    const unknownEmail = newEmail('never-registered');
    const knownToken = await invitedToken(admin, known.email);
    const unknownToken = await invitedToken(admin, unknownEmail);
    const wrong = await accept(t, { token: knownToken, password: 'not the right password' });
    const missing = await accept(t, { token: unknownToken, password: 'not the right password' });
    expect(wrong.statusCode).toBe(401);
    expect(missing.statusCode).toBe(401);
    expect(missing.body).toBe(wrong.body);
    // Creating the account with a name for an email that has one is a sign-in, and fails so too.
    const create = await accept(t, {
      token: knownToken,
      name: 'Intruder',
      password: 'x'.repeat(12),
    });
    expect(create.body).toBe(wrong.body);

    // The same links still work for their invitees, each the way that fits.
    expect((await accept(t, { token: knownToken, password: known.password })).statusCode).toBe(200);
    const created = await accept(t, {
      token: unknownToken,
      name: 'New Person',
      password: 'the new person password',
    });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json().user).toMatchObject({ email: unknownEmail, name: 'New Person' });
  });
});

describe('without an SMTP server', () => {
  let bare: TestApp;
  let bareWorker: Runner;
  beforeAll(async () => {
    bare = await createTestApp({
      mailer: createMailer({ smtpUrl: undefined, mailFrom: MAIL_FROM }),
      poolSize: 10,
    });
    bareWorker = await startTestWorker(bare);
  });
  afterAll(async () => {
    await bareWorker?.stop();
    await bare?.close();
  });

  it('keeps the invitation in the outbox, where an admin reads the link', async () => {
    const admin = await signUp(bare.app, 'no-smtp');
    const status = await bare.app.inject({ url: '/api/v1/outbox/status', headers: admin.auth });
    expect(status.json()).toEqual({ smtp_configured: false });

    const email = newEmail('offline');
    expect((await invite(bare, admin, { email, role: 'member' })).statusCode).toBe(201);
    await drainJobs(bare);

    const outbox = await bare.app.inject({ url: '/api/v1/outbox', headers: admin.auth });
    expect(outbox.statusCode).toBe(200);
    const [message] = outbox.json().data;
    expect(message).toMatchObject({ to: email, kind: 'invitation', status: 'kept', sent_at: null });
    const token = linkIn(message.text, '/accept-invite').searchParams.get('token')!;

    const joined = await accept(bare, {
      token,
      name: 'Offline Person',
      password: 'offline password',
    });
    expect(joined.statusCode, joined.body).toBe(200);
    expect(joined.json().org.id).toBe(admin.orgId);
  });

  it('says whether SMTP is configured', async () => {
    const admin = await signUp(t.app, 'smtp-status');
    const status = await t.app.inject({ url: '/api/v1/outbox/status', headers: admin.auth });
    expect(status.json()).toEqual({ smtp_configured: true });
  });
});

describe('who may invite', () => {
  it('keeps invitations and the outbox to admins and owners', async () => {
    const owner = await signUp(t.app, 'perm');
    const admin = await joinByInvitation(t.app, owner, 'admin');
    const member = await joinByInvitation(t.app, owner, 'member');

    const byMember = await invite(t, member, { email: newEmail('nope'), role: 'member' });
    expect(byMember.statusCode).toBe(403);
    expect(byMember.json().error.code).toBe('forbidden');
    for (const url of ['/api/v1/invitations', '/api/v1/outbox', '/api/v1/outbox/status']) {
      const response = await t.app.inject({ url, headers: member.auth });
      expect(response.statusCode, url).toBe(403);
    }

    const byAdmin = await invite(t, admin, { email: newEmail('ok'), role: 'admin' });
    expect(byAdmin.statusCode).toBe(201);
    const revokedByMember = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/invitations/${byAdmin.json().id}`,
      headers: member.auth,
    });
    expect(revokedByMember.statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/outbox', headers: admin.auth })).statusCode).toBe(
      200,
    );
  });

  it('refuses to invite someone who is already a member', async () => {
    const owner = await signUp(t.app, 'dupe');
    const member = await joinByInvitation(t.app, owner, 'member');
    for (const email of [member.email, owner.email.toUpperCase()]) {
      const response = await invite(t, owner, { email, role: 'member' });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.details.fields[0].field).toBe('email');
    }
  });
});

describe('managing invitations', () => {
  it('replaces a pending invitation when the same email is invited again', async () => {
    const admin = await signUp(t.app, 'reinvite');
    const email = newEmail('twice');
    const first = (await invite(t, admin, { email, role: 'member' })).json();
    const second = (await invite(t, admin, { email, role: 'admin' })).json();
    expect(second.id).not.toBe(first.id);

    const list = await t.app.inject({ url: '/api/v1/invitations', headers: admin.auth });
    expect(list.json().data).toEqual([
      {
        id: second.id,
        email,
        role: 'admin',
        created_at: expect.any(String),
        expires_at: second.expires_at,
        expired: false,
      },
    ]);
    expect(JSON.stringify(list.json())).not.toContain('token');

    expect((await preview(t, tokenOf(first.link))).statusCode).toBe(400);
    const joined = await accept(t, {
      token: tokenOf(second.link),
      name: 'Twice',
      password: 'a long enough password',
    });
    expect(joined.statusCode).toBe(200);
    const me = await t.app.inject({
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${joined.json().access_token}` },
    });
    expect(me.json().role).toBe('admin');
    expect(
      (await t.app.inject({ url: '/api/v1/invitations', headers: admin.auth })).json().data,
    ).toEqual([]);
  });

  it('revokes an invitation, after which its link is dead', async () => {
    const admin = await signUp(t.app, 'revoker');
    const invitation = (
      await invite(t, admin, { email: newEmail('revoked'), role: 'member' })
    ).json();
    const url = `/api/v1/invitations/${invitation.id}`;

    expect((await t.app.inject({ method: 'DELETE', url, headers: admin.auth })).statusCode).toBe(
      204,
    );
    expect((await t.app.inject({ method: 'DELETE', url, headers: admin.auth })).statusCode).toBe(
      404,
    );
    const dead = await accept(t, {
      token: tokenOf(invitation.link),
      name: 'Late',
      password: 'a long enough password',
    });
    expect(dead.statusCode).toBe(400);
    expect(dead.json().error.details.fields[0].field).toBe('token');
    expect(
      (await t.app.inject({ url: '/api/v1/invitations', headers: admin.auth })).json().data,
    ).toEqual([]);
    expect((await eventsOf(t, admin.orgId, 'invitation.revoked')).map((e) => e.changes)).toEqual([
      expect.objectContaining({ invitation_id: invitation.id }),
    ]);

    // An accepted invitation is not revoked: the member is removed instead.
    const accepted = (await invite(t, admin, { email: newEmail('kept'), role: 'member' })).json();
    await accept(t, {
      token: tokenOf(accepted.link),
      name: 'Kept',
      password: 'a long enough password',
    });
    const late = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/invitations/${accepted.id}`,
      headers: admin.auth,
    });
    expect(late.statusCode).toBe(409);
  });

  it('lists an expired invitation as expired and refuses its link', async () => {
    const admin = await signUp(t.app, 'expiry');
    const invitation = (
      await invite(t, admin, { email: newEmail('expired'), role: 'member' })
    ).json();
    await t.ownerQuery(
      "UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1",
      [invitation.id],
    );
    const list = await t.app.inject({ url: '/api/v1/invitations', headers: admin.auth });
    expect(list.json().data).toEqual([
      expect.objectContaining({ id: invitation.id, expired: true }),
    ]);
    const previewed = await preview(t, tokenOf(invitation.link));
    expect(previewed.statusCode).toBe(400);
    expect(previewed.json().error.details.fields[0].field).toBe('token');
    const accepted = await accept(t, {
      token: tokenOf(invitation.link),
      name: 'Late',
      password: 'a long enough password',
    });
    expect(accepted.statusCode).toBe(400);
  });
});

describe('isolation between organizations', () => {
  it("never shows or touches another organization's invitations and email", async () => {
    const a = await signUp(t.app, 'iso-a');
    const b = await signUp(t.app, 'iso-b');
    const aEmail = newEmail('for-a');
    const aInvitation = (await invite(t, a, { email: aEmail, role: 'member' })).json();
    const bInvitation = (await invite(t, b, { email: newEmail('for-b'), role: 'member' })).json();
    await drainJobs(t);

    const bList = await t.app.inject({ url: '/api/v1/invitations', headers: b.auth });
    expect(bList.json().data.map((i: { id: string }) => i.id)).toEqual([bInvitation.id]);
    const aList = await t.app.inject({ url: '/api/v1/invitations', headers: a.auth });
    expect(aList.json().data.map((i: { id: string }) => i.id)).toEqual([aInvitation.id]);

    const crossRevoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/invitations/${aInvitation.id}`,
      headers: b.auth,
    });
    expect(crossRevoke.statusCode).toBe(404);
    expect((await preview(t, tokenOf(aInvitation.link))).statusCode).toBe(200);

    const bOutbox = (await t.app.inject({ url: '/api/v1/outbox', headers: b.auth })).json().data;
    expect(bOutbox.map((m: { to: string }) => m.to)).not.toContain(aEmail);
    expect(bOutbox).toHaveLength(1);
    const aOutbox = (await t.app.inject({ url: '/api/v1/outbox', headers: a.auth })).json().data;
    expect(aOutbox.map((m: { to: string }) => m.to)).toEqual([aEmail]);

    // A's secret presented under B's organization id finds nothing.
    const secret = tokenOf(aInvitation.link).split('.')[1];
    const forged = await preview(t, `${b.orgId}.${secret}`);
    expect(forged.statusCode).toBe(400);
    const forgedAccept = await accept(t, {
      token: `${b.orgId}.${secret}`,
      name: 'Forger',
      password: 'a long enough password',
    });
    expect(forgedAccept.statusCode).toBe(400);
    const bMembers = await t.app.inject({ url: '/api/v1/members', headers: b.auth });
    expect(bMembers.json().data).toHaveLength(1);
  });
});

describe('the outbox', () => {
  it('pages newest first with a cursor', async () => {
    const admin = await signUp(t.app, 'pager');
    const emails = [newEmail('p1'), newEmail('p2'), newEmail('p3')];
    for (const email of emails) await invite(t, admin, { email, role: 'member' });

    const first = await t.app.inject({ url: '/api/v1/outbox?limit=2', headers: admin.auth });
    expect(first.statusCode).toBe(200);
    expect(first.json().data.map((m: { to: string }) => m.to)).toEqual([emails[2], emails[1]]);
    const cursor = first.json().next_cursor;
    expect(typeof cursor).toBe('string');

    const second = await t.app.inject({
      url: `/api/v1/outbox?limit=2&cursor=${encodeURIComponent(cursor)}`,
      headers: admin.auth,
    });
    expect(second.json().data.map((m: { to: string }) => m.to)).toEqual([emails[0]]);
    expect(second.json().next_cursor).toBeNull();
  });
});

describe('bad input', () => {
  it('names the field and never fails with 500', async () => {
    const admin = await signUp(t.app, 'bad-input');
    const cases: Array<[unknown, string]> = [
      [{ email: 'not-an-email', role: 'member' }, 'email'],
      [{ email: 'x@example.com', role: 'owner' }, 'role'],
      [{ email: 'x@example.com' }, 'role'],
      [{ role: 'member' }, 'email'],
      [{ email: 'x@example.com', role: 'member', org_id: admin.orgId }, 'org_id'],
    ];
    for (const [payload, field] of cases) {
      const response = await invite(t, admin, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(422);
      expect(response.json().error.details.fields[0].field).toBe(field);
    }

    const invitation = (await invite(t, admin, { email: newEmail('bad'), role: 'member' })).json();
    const token = tokenOf(invitation.link);
    const acceptCases: Array<[unknown, number, string]> = [
      [{ token, name: 'N' }, 422, 'password'],
      [{ token, name: 'N', password: 'short' }, 422, 'password'],
      [{ password: 'a long enough password' }, 422, 'token'],
      [{ token, name: '   ', password: 'a long enough password' }, 422, 'name'],
      [{ token: 'garbage', name: 'N', password: 'a long enough password' }, 400, 'token'],
      [
        {
          token: `${admin.orgId}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`,
          name: 'N',
          password: 'a long enough password',
        },
        400,
        'token',
      ],
    ];
    for (const [payload, status, field] of acceptCases) {
      const response = await accept(t, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(response.json().error.details.fields[0].field).toBe(field);
    }

    const getCases: Array<[string, string]> = [
      ['/api/v1/invitations/preview', 'token'],
      ['/api/v1/invitations/preview?token=', 'token'],
      ['/api/v1/invitations/preview?token=not.a.token', 'token'],
      ['/api/v1/outbox?limit=0', 'limit'],
      ['/api/v1/outbox?limit=abc', 'limit'],
      ['/api/v1/outbox?limit=101', 'limit'],
      ['/api/v1/outbox?cursor=bm9wZQ', 'cursor'],
      ['/api/v1/outbox?sort=asc', 'sort'],
    ];
    for (const [url, field] of getCases) {
      const response = await t.app.inject({ url, headers: admin.auth });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.details.fields[0].field, url).toBe(field);
    }
    const notUuid = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/invitations/nope',
      headers: admin.auth,
    });
    expect(notUuid.statusCode).toBe(400);
    expect(notUuid.json().error.details.fields[0].field).toBe('invitation_id');
    const unknown = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/invitations/00000000-0000-4000-8000-000000000000',
      headers: admin.auth,
    });
    expect(unknown.statusCode).toBe(404);
  });
});
