import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { joinByInvitation } from './support/members.js';
import { createTestApp, signUp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/** Moves every use of the user's used tokens back past the grace window, as if time had passed. */
function outsideGraceWindow(userId: string) {
  return t.ownerQuery(
    "UPDATE refresh_tokens SET used_at = used_at - interval '31 seconds' WHERE user_id = $1 AND used_at IS NOT NULL",
    [userId],
  );
}

function post(url: string, payload: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url, payload: payload as object, headers });
}

describe('sign-up and sign-in', () => {
  it('registers a user, their organization and an owner membership', async () => {
    const response = await post('/api/v1/auth/register', {
      email: 'Grace@Example.COM',
      password: 'a long enough password',
      name: 'Grace Hopper',
      org_name: 'Navy',
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.user).toMatchObject({ email: 'grace@example.com', name: 'Grace Hopper' });
    expect(body.org).toMatchObject({ name: 'Navy' });
    expect(typeof body.access_token).toBe('string');
    expect(response.cookies.find((c) => c.name === 'rampart_refresh')).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
    });

    const me = await t.app.inject({
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${body.access_token}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { id: body.user.id },
      org: { id: body.org.id },
      role: 'owner',
    });
  });

  it('refuses a second account with the same email in any case', async () => {
    const a = await signUp(t.app, 'dup');
    const response = await post('/api/v1/auth/register', {
      email: a.email.toUpperCase(),
      password: 'a long enough password',
      name: 'Someone',
      org_name: 'Other',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.details.fields[0].field).toBe('email');
  });

  it('names the field on bad input', async () => {
    const cases: Array<[unknown, string]> = [
      [
        { email: 'not-an-email', password: 'a long enough password', name: 'N', org_name: 'O' },
        'email',
      ],
      [{ email: 'x@example.com', password: 'short', name: 'N', org_name: 'O' }, 'password'],
      [{ email: 'x@example.com', password: 'a long enough password', org_name: 'O' }, 'name'],
      [
        { email: 'x@example.com', password: 'a long enough password', name: '   ', org_name: 'O' },
        'name',
      ],
      [
        {
          email: 'x@example.com',
          password: 'a long enough password',
          name: 'N',
          org_name: 'O',
          org_id: 'x',
        },
        'org_id',
      ],
    ];
    for (const [payload, field] of cases) {
      const response = await post('/api/v1/auth/register', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(422);
      expect(response.json().error.details.fields[0].field).toBe(field);
    }
    const notJson = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.code).toBe('bad_request');
  });

  it('signs in, and answers an unknown email exactly like a wrong password', async () => {
    const a = await signUp(t.app, 'login');
    const ok = await post('/api/v1/auth/login', { email: a.email, password: a.password });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().orgs).toEqual([expect.objectContaining({ id: a.orgId, role: 'owner' })]);

    const wrong = await post('/api/v1/auth/login', {
      email: a.email,
      password: 'not the password',
    });
    const unknown = await post('/api/v1/auth/login', {
      email: 'nobody-here@example.com',
      password: 'not the password',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toBe(unknown.body);
  });

  it('slows an address guessing an account, known or not, without keeping the owner out', async () => {
    const a = await signUp(t.app, 'locked');
    const from = (remoteAddress: string, email: string, password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password },
        remoteAddress,
      });
    for (const email of [a.email, 'ghost@example.com']) {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i += 1) {
        statuses.push((await from('203.0.113.7', email, 'wrong password')).statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      const waiting = await from('203.0.113.7', email, 'wrong password');
      expect(waiting.statusCode).toBe(429);
      expect(Number(waiting.headers['retry-after'])).toBeGreaterThan(0);
    }
    // The owner, from their own address, signs in while the guesser waits.
    expect((await from('198.51.100.20', a.email, a.password)).statusCode).toBe(200);
  });

  it('slows an account guessed from many addresses by at most a minute', async () => {
    const a = await signUp(t.app, 'spread');
    const from = (remoteAddress: string, password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: a.email, password },
        remoteAddress,
      });
    const statuses: number[] = [];
    for (let i = 0; i < 22; i += 1) {
      statuses.push((await from(`192.0.2.${i + 1}`, 'wrong password')).statusCode);
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    const waiting = await from('198.51.100.21', a.password);
    expect(waiting.statusCode).toBe(429);
    expect(Number(waiting.headers['retry-after'])).toBeLessThanOrEqual(60);
    // However long the guessing goes on, the account's wait never grows past a minute.
    await t.ownerQuery('UPDATE login_attempts SET failures = 500, updated_at = now()');
    await t.ownerQuery('UPDATE login_attempts SET locked_until = NULL');
    await from('192.0.2.200', 'wrong password');
    const capped = await from('198.51.100.21', a.password);
    expect(Number(capped.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('rate-limits sign-in attempts per client address', async () => {
    const limited = await createTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const responses = [];
      for (let i = 0; i < 4; i += 1) {
        responses.push(
          await limited.app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { email: `someone${i}@example.com`, password: 'whatever it is' },
          }),
        );
      }
      expect(responses.map((response) => response.statusCode)).toEqual([401, 401, 401, 429]);
      // Said as every other answer to repeat later says it: in the header and in the body.
      const refused = responses[3]!;
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(refused.json()).toMatchObject({
        error: { code: 'rate_limited', details: { retry_after_seconds: retryAfter } },
      });
    } finally {
      await limited.close();
    }
  });
});

describe('refresh tokens', () => {
  it('rotates on every use', async () => {
    const a = await signUp(t.app, 'rotate');
    const first = await post('/api/v1/auth/refresh', { refresh_token: a.refreshToken });
    expect(first.statusCode).toBe(200);
    const next = first.json();
    expect(next.refresh_token).not.toBe(a.refreshToken);
    const me = await t.app.inject({
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${next.access_token}` },
    });
    expect(me.json().org.id).toBe(a.orgId);
    const second = await post('/api/v1/auth/refresh', { refresh_token: next.refresh_token });
    expect(second.statusCode).toBe(200);
  });

  it('accepts the httpOnly cookie instead of the body', async () => {
    const a = await signUp(t.app, 'cookie');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      cookies: { rampart_refresh: a.refreshToken },
    });
    expect(response.statusCode, response.body).toBe(200);
  });

  it('revokes the whole family when a used token is presented again', async () => {
    const a = await signUp(t.app, 'reuse');
    const rotated = (await post('/api/v1/auth/refresh', { refresh_token: a.refreshToken })).json();
    await outsideGraceWindow(a.userId);

    const replay = await post('/api/v1/auth/refresh', { refresh_token: a.refreshToken });
    expect(replay.statusCode).toBe(401);
    // The legitimate holder's newer token is dead too: the thief and the victim both sign in again.
    const victim = await post('/api/v1/auth/refresh', { refresh_token: rotated.refresh_token });
    expect(victim.statusCode).toBe(401);

    const events = await t.ownerQuery(
      "SELECT action FROM audit_log WHERE org_id = $1 AND action = 'auth.refresh_reuse'",
      [a.orgId],
    );
    expect(events).toHaveLength(1);
  });

  it('gives a refresh retried within the grace window the same successor, and keeps the session', async () => {
    const a = await signUp(t.app, 'retried');
    const first = await post('/api/v1/auth/refresh', { refresh_token: a.refreshToken });
    const retry = await post('/api/v1/auth/refresh', { refresh_token: a.refreshToken });
    expect(first.statusCode).toBe(200);
    expect(retry.statusCode, retry.body).toBe(200);
    expect(retry.json().refresh_token).toBe(first.json().refresh_token);
    const me = await t.app.inject({
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${retry.json().access_token}` },
    });
    expect(me.statusCode).toBe(200);
    // The successor both answers carried still works, once.
    const next = await post('/api/v1/auth/refresh', { refresh_token: first.json().refresh_token });
    expect(next.statusCode).toBe(200);
    const events = await t.ownerQuery(
      "SELECT 1 FROM audit_log WHERE org_id = $1 AND action = 'auth.refresh_reuse'",
      [a.orgId],
    );
    expect(events).toEqual([]);
  });

  it('lets two tabs refresh with the same token at once and keeps both signed in', async () => {
    const a = await signUp(t.app, 'raced');
    const answers = await Promise.all([
      post('/api/v1/auth/refresh', { refresh_token: a.refreshToken }),
      post('/api/v1/auth/refresh', { refresh_token: a.refreshToken }),
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200]);
    const [one, two] = answers.map((r) => r.json().refresh_token);
    expect(one).toBe(two);
    const next = await post('/api/v1/auth/refresh', { refresh_token: one });
    expect(next.statusCode).toBe(200);
  });

  it('gives a refresh retried within the grace window nothing once its member was removed', async () => {
    const admin = await signUp(t.app, 'remover');
    const member = await joinByInvitation(t.app, admin, 'member', 'removed-retrier');
    const first = await post('/api/v1/auth/refresh', { refresh_token: member.refreshToken });
    expect(first.statusCode, first.body).toBe(200);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/members/${member.userId}`,
      headers: admin.auth,
    });
    expect(removed.statusCode, removed.body).toBe(204);
    const retry = await post('/api/v1/auth/refresh', { refresh_token: member.refreshToken });
    expect(retry.statusCode, retry.body).toBe(401);
    expect(
      (await post('/api/v1/auth/refresh', { refresh_token: first.json().refresh_token }))
        .statusCode,
    ).toBe(401);
  });

  it('treats a used token as stolen within the grace window once its successor was used', async () => {
    const a = await signUp(t.app, 'replayed');
    const rotated = (await post('/api/v1/auth/refresh', { refresh_token: a.refreshToken })).json();
    const newest = (
      await post('/api/v1/auth/refresh', { refresh_token: rotated.refresh_token })
    ).json();
    expect((await post('/api/v1/auth/refresh', { refresh_token: a.refreshToken })).statusCode).toBe(
      401,
    );
    expect(
      (await post('/api/v1/auth/refresh', { refresh_token: newest.refresh_token })).statusCode,
    ).toBe(401);
  });

  it('rejects forged, malformed and logged-out tokens', async () => {
    const a = await signUp(t.app, 'logout');
    for (const token of ['garbage', `${a.userId}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`]) {
      expect((await post('/api/v1/auth/refresh', { refresh_token: token })).statusCode).toBe(401);
    }
    const out = await post('/api/v1/auth/logout', { refresh_token: a.refreshToken });
    expect(out.statusCode).toBe(204);
    expect((await post('/api/v1/auth/refresh', { refresh_token: a.refreshToken })).statusCode).toBe(
      401,
    );
  });

  it('takes no body at all on refresh and logout (the cookie is enough), but refuses a body that is not an object', async () => {
    for (const url of ['/api/v1/auth/refresh', '/api/v1/auth/logout']) {
      const bodiless = await t.app.inject({ method: 'POST', url });
      expect(bodiless.statusCode, url).toBeLessThan(422);
      const refused = await t.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json' },
        payload: 'null',
      });
      expect(refused.statusCode, url).toBe(422);
      expect(refused.json().error.code, url).toBe('validation_failed');
    }
  });
});

describe('access tokens end with their session', () => {
  const me = (auth: Record<string, string>) => t.app.inject({ url: '/api/v1/me', headers: auth });

  it('stop working at once after signing out', async () => {
    const a = await signUp(t.app, 'out-now');
    expect((await me(a.auth)).statusCode).toBe(200);
    await post('/api/v1/auth/logout', { refresh_token: a.refreshToken });
    const refused = await me(a.auth);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('unauthorized');
  });

  it('stop working at once after a password change, except the new session', async () => {
    const a = await signUp(t.app, 'pw-now');
    const other = (
      await post('/api/v1/auth/login', { email: a.email, password: a.password })
    ).json();
    const otherAuth = { authorization: `Bearer ${other.access_token}` };
    const changed = await post(
      '/api/v1/me/password',
      { current_password: a.password, new_password: 'an entirely different passphrase 42' },
      a.auth,
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await me(otherAuth)).statusCode).toBe(401);
    expect((await me(a.auth)).statusCode).toBe(401);
    expect((await me({ authorization: `Bearer ${changed.json().access_token}` })).statusCode).toBe(
      200,
    );
  });

  it('stop working at once when a replayed refresh token revokes the session', async () => {
    const a = await signUp(t.app, 'replay-now');
    const rotated = (await post('/api/v1/auth/refresh', { refresh_token: a.refreshToken })).json();
    const rotatedAuth = { authorization: `Bearer ${rotated.access_token}` };
    expect((await me(rotatedAuth)).statusCode).toBe(200);
    await outsideGraceWindow(a.userId);
    await post('/api/v1/auth/refresh', { refresh_token: a.refreshToken });
    expect((await me(rotatedAuth)).statusCode).toBe(401);
  });

  it('refuses a token without an expiry, or naming anything but ids, with 401', async () => {
    const a = await signUp(t.app, 'claims');
    const key = new TextEncoder().encode(t.deps.config.jwtSecret);
    const sessionId = (
      await t.ownerQuery<{ family_id: string }>(
        'SELECT family_id FROM refresh_tokens WHERE user_id = $1',
        [a.userId],
      )
    )[0]!.family_id;
    const sign = (claims: Record<string, unknown>, expires: boolean) => {
      const jwt = new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuer('rampart')
        .setIssuedAt();
      return (expires ? jwt.setExpirationTime('5m') : jwt).sign(key);
    };
    const valid = { sub: a.userId, org: a.orgId, sid: sessionId };
    expect((await me({ authorization: `Bearer ${await sign(valid, true)}` })).statusCode).toBe(200);
    for (const [claims, expires] of [
      [valid, false],
      [{ ...valid, org: 'not-a-uuid' }, true],
      [{ ...valid, sub: "x' OR '1'='1" }, true],
      [{ sub: a.userId, org: a.orgId }, true],
    ] as const) {
      const response = await me({ authorization: `Bearer ${await sign(claims, expires)}` });
      expect(response.statusCode, JSON.stringify(claims)).toBe(401);
    }
  });
});

describe('organizations of a user', () => {
  it('switches organization only to one the user belongs to', async () => {
    const a = await signUp(t.app, 'switcher');
    const b = await signUp(t.app, 'other');
    // Make a a member of b's organization as well.
    await t.ownerQuery(
      "INSERT INTO memberships (org_id, user_id, role) VALUES ($1, $2, 'member')",
      [b.orgId, a.userId],
    );

    const orgs = await t.app.inject({ url: '/api/v1/me/orgs', headers: a.auth });
    expect(
      orgs
        .json()
        .data.map((o: { id: string }) => o.id)
        .sort(),
    ).toEqual([a.orgId, b.orgId].sort());

    const switched = await post('/api/v1/auth/switch-org', { org_id: b.orgId }, a.auth);
    expect(switched.statusCode).toBe(200);
    const me = await t.app.inject({
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${switched.json().access_token}` },
    });
    expect(me.json()).toMatchObject({ org: { id: b.orgId }, role: 'member' });

    const c = await signUp(t.app, 'stranger');
    const refused = await post('/api/v1/auth/switch-org', { org_id: c.orgId }, a.auth);
    expect(refused.statusCode).toBe(404);
    const nonexistent = await post(
      '/api/v1/auth/switch-org',
      { org_id: '00000000-0000-4000-8000-000000000000' },
      a.auth,
    );
    expect(nonexistent.statusCode).toBe(404);
    expect(nonexistent.json().error).toEqual(refused.json().error);
    // b's own view does not include a's organization.
    const bOrgs = await t.app.inject({ url: '/api/v1/me/orgs', headers: b.auth });
    expect(bOrgs.json().data.map((o: { id: string }) => o.id)).toEqual([b.orgId]);
  });

  it('lets a signed-in user create another organization of their own', async () => {
    const a = await signUp(t.app, 'founder');
    const stranger = await signUp(t.app, 'not-founder');
    const blank = await post('/api/v1/me/orgs', { name: '   ' }, a.auth);
    expect(blank.statusCode).toBe(422);
    expect(blank.json().error.details.fields[0].field).toBe('name');

    const created = await post('/api/v1/me/orgs', { name: 'Second venture' }, a.auth);
    expect(created.statusCode, created.body).toBe(201);
    const { org, access_token } = created.json();
    const meNow = await t.app.inject({
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(meNow.json()).toMatchObject({
      org: { id: org.id, name: 'Second venture' },
      role: 'owner',
    });
    expect(
      meNow
        .json()
        .orgs.map((o: { id: string }) => o.id)
        .sort(),
    ).toEqual([a.orgId, org.id].sort());
    // The organization the request came from is still there and still works.
    expect((await t.app.inject({ url: '/api/v1/me', headers: a.auth })).json().org.id).toBe(
      a.orgId,
    );
    // Nobody else sees it, nor can switch to it.
    const theirs = await t.app.inject({ url: '/api/v1/me/orgs', headers: stranger.auth });
    expect(theirs.json().data.map((o: { id: string }) => o.id)).toEqual([stranger.orgId]);
    expect(
      (await post('/api/v1/auth/switch-org', { org_id: org.id }, stranger.auth)).statusCode,
    ).toBe(404);
  });

  it('keeps each tab in the organization it shows when another tab switches', async () => {
    const a = await signUp(t.app, 'two-tabs');
    const b = await signUp(t.app, 'globex');
    await t.ownerQuery(
      "INSERT INTO memberships (org_id, user_id, role) VALUES ($1, $2, 'member')",
      [b.orgId, a.userId],
    );
    // Both tabs share the refresh cookie; tab B switches the sign-in to b's organization.
    const tabB = (await post('/api/v1/auth/switch-org', { org_id: b.orgId }, a.auth)).json();
    // Tab A, still showing a's organization, refreshes with the cookie tab B left behind.
    const refreshed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      cookies: { rampart_refresh: tabB.refresh_token },
      payload: { org_id: a.orgId },
    });
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    const tabA = { authorization: `Bearer ${refreshed.json().access_token}` };
    const lead = await post('/api/v1/leads', { last_name: 'Written in tab A' }, tabA);
    expect(lead.statusCode, lead.body).toBe(201);
    const where = await t.ownerQuery<{ org_id: string }>('SELECT org_id FROM leads WHERE id = $1', [
      lead.json().id,
    ]);
    expect(where).toEqual([{ org_id: a.orgId }]);

    // A token for one organization sent from a page showing another is refused, and writes nothing.
    const mismatched = await post(
      '/api/v1/leads',
      { last_name: 'Wrong organization' },
      { authorization: `Bearer ${tabB.access_token}`, 'x-rampart-org': a.orgId },
    );
    expect(mismatched.statusCode).toBe(409);
    expect(mismatched.json().error.code).toBe('organization_changed');
    expect(
      await t.ownerQuery("SELECT 1 FROM leads WHERE last_name = 'Wrong organization'"),
    ).toEqual([]);

    // A tab cannot refresh into an organization the user does not belong to.
    const stranger = await signUp(t.app, 'stranger-org');
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refresh_token: refreshed.json().refresh_token, org_id: stranger.orgId },
    });
    expect(refused.statusCode).toBe(401);
  });

  it('refuses a removed member at once, even with an unexpired access token', async () => {
    const owner = await signUp(t.app, 'owner');
    const member = await signUp(t.app, 'member');
    await t.ownerQuery(
      "INSERT INTO memberships (org_id, user_id, role) VALUES ($1, $2, 'member')",
      [owner.orgId, member.userId],
    );
    const switched = (
      await post('/api/v1/auth/switch-org', { org_id: owner.orgId }, member.auth)
    ).json();
    const auth = { authorization: `Bearer ${switched.access_token}` };
    expect((await t.app.inject({ url: '/api/v1/me', headers: auth })).statusCode).toBe(200);

    await t.ownerQuery('DELETE FROM memberships WHERE org_id = $1 AND user_id = $2', [
      owner.orgId,
      member.userId,
    ]);
    expect((await t.app.inject({ url: '/api/v1/me', headers: auth })).statusCode).toBe(401);
    // Nor can the session be refreshed into the organization.
    expect(
      (await post('/api/v1/auth/refresh', { refresh_token: switched.refresh_token })).statusCode,
    ).toBe(401);
  });

  // A verified token is remembered for the rest of its life (its signature is checked once):
  // remembering it must neither outlive its expiry nor outlive its session.
  it('refuses a token already used once it has expired', async () => {
    const a = await signUp(t.app, 'expiring');
    expect((await t.app.inject({ url: '/api/v1/me', headers: a.auth })).statusCode).toBe(200);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 16 * 60 * 1000);
      const late = await t.app.inject({ url: '/api/v1/me', headers: a.auth });
      expect(late.statusCode).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a token already used once its session is signed out', async () => {
    const a = await signUp(t.app, 'signed-out');
    expect((await t.app.inject({ url: '/api/v1/me', headers: a.auth })).statusCode).toBe(200);
    expect((await post('/api/v1/auth/logout', { refresh_token: a.refreshToken })).statusCode).toBe(
      204,
    );
    expect((await t.app.inject({ url: '/api/v1/me', headers: a.auth })).statusCode).toBe(401);
  });
});

describe('profile and password', () => {
  it('changes the password, signing out other sessions', async () => {
    const a = await signUp(t.app, 'pw');
    const wrong = await post(
      '/api/v1/me/password',
      { current_password: 'nope nope nope', new_password: 'a brand new password' },
      a.auth,
    );
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.details.fields[0].field).toBe('current_password');

    const changed = await post(
      '/api/v1/me/password',
      { current_password: a.password, new_password: 'a brand new password' },
      a.auth,
    );
    expect(changed.statusCode).toBe(200);
    expect((await post('/api/v1/auth/refresh', { refresh_token: a.refreshToken })).statusCode).toBe(
      401,
    );
    expect(
      (await post('/api/v1/auth/refresh', { refresh_token: changed.json().refresh_token }))
        .statusCode,
    ).toBe(200);
    expect(
      (await post('/api/v1/auth/login', { email: a.email, password: 'a brand new password' }))
        .statusCode,
    ).toBe(200);
  });

  it('throttles guesses of the current password', async () => {
    const a = await signUp(t.app, 'pw-guess');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const response = await post(
        '/api/v1/me/password',
        {
          current_password: `guess number ${i}`,
          new_password: 'an entirely different passphrase 42',
        },
        a.auth,
      );
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([422, 422, 422, 422, 422, 429]);
    const right = await post(
      '/api/v1/me/password',
      { current_password: a.password, new_password: 'an entirely different passphrase 42' },
      a.auth,
    );
    expect(right.statusCode).toBe(429);
  });

  it('refuses passwords that are easy to guess, naming the field', async () => {
    for (const password of ['1234567890', '          ', 'qwertyuiop']) {
      const email = `weak-${Math.random().toString(36).slice(2)}@example.com`;
      const response = await post('/api/v1/auth/register', {
        email,
        password,
        name: 'Weak Password',
        org_name: 'Weak org',
      });
      expect(response.statusCode, password).toBe(422);
      expect(response.json().error.details.fields[0].field).toBe('password');
    }
    const email = `itself-${Math.random().toString(36).slice(2)}@example.com`;
    const itself = await post('/api/v1/auth/register', {
      email,
      password: email,
      name: 'Own Email',
      org_name: 'Email org',
    });
    expect(itself.statusCode).toBe(422);
    const a = await signUp(t.app, 'weak-change');
    const change = await post(
      '/api/v1/me/password',
      { current_password: a.password, new_password: 'password123' },
      a.auth,
    );
    expect(change.statusCode).toBe(422);
    expect(change.json().error.details.fields[0].field).toBe('new_password');
    // Nothing changed: the old password still signs in.
    expect(
      (await post('/api/v1/auth/login', { email: a.email, password: a.password })).statusCode,
    ).toBe(200);
  });

  it('updates the name', async () => {
    const a = await signUp(t.app, 'named');
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      payload: { name: 'New Name' },
      headers: a.auth,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().name).toBe('New Name');
  });
});
