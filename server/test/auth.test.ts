import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

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

  it('locks an email out with growing waits after repeated failures, known or not', async () => {
    const a = await signUp(t.app, 'locked');
    for (const email of [a.email, 'ghost@example.com']) {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i += 1) {
        statuses.push(
          (await post('/api/v1/auth/login', { email, password: 'wrong password' })).statusCode,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      const locked = await post('/api/v1/auth/login', { email, password: 'wrong password' });
      expect(locked.statusCode).toBe(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    }
    // Even the right password waits out the lock.
    const right = await post('/api/v1/auth/login', { email: a.email, password: a.password });
    expect(right.statusCode).toBe(429);
  });

  it('rate-limits sign-in attempts per client address', async () => {
    const limited = await createTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        const response = await limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: `someone${i}@example.com`, password: 'whatever it is' },
        });
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
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
