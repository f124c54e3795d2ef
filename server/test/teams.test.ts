import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

let t: TestApp;
let a: SignedUp;
let b: SignedUp;
let aMember: { auth: { authorization: string }; userId: string };

beforeAll(async () => {
  t = await createTestApp();
  a = await signUp(t.app, 'teams-a');
  b = await signUp(t.app, 'teams-b');
  const member = await signUp(t.app, 'teams-member');
  await t.ownerQuery("INSERT INTO memberships (org_id, user_id, role) VALUES ($1, $2, 'member')", [
    a.orgId,
    member.userId,
  ]);
  const switched = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/switch-org',
    headers: member.auth,
    payload: { org_id: a.orgId },
  });
  aMember = {
    auth: { authorization: `Bearer ${switched.json().access_token}` },
    userId: member.userId,
  };
});
afterAll(async () => {
  await t.close();
});

const call = (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  auth: { authorization: string },
  payload?: object,
) => t.app.inject({ method, url: `/api/v1${url}`, headers: auth, payload });

describe('teams', () => {
  it('lets admins create teams and put members in them', async () => {
    const created = await call('POST', '/teams', a.auth, {
      name: 'EMEA',
      description: 'Europe and beyond',
    });
    expect(created.statusCode).toBe(201);
    const team = created.json();
    expect(team).toMatchObject({ name: 'EMEA', description: 'Europe and beyond', members: [] });

    const added = await call('PUT', `/teams/${team.id}/members/${aMember.userId}`, a.auth);
    expect(added.statusCode).toBe(200);
    expect(added.json().members).toEqual([expect.objectContaining({ user_id: aMember.userId })]);
    // Adding twice changes nothing.
    expect(
      (await call('PUT', `/teams/${team.id}/members/${aMember.userId}`, a.auth)).json().members,
    ).toHaveLength(1);

    const list = await call('GET', '/teams', aMember.auth);
    expect(list.json().data.map((x: { name: string }) => x.name)).toContain('EMEA');

    const renamed = await call('PATCH', `/teams/${team.id}`, a.auth, { name: 'EMEA North' });
    expect(renamed.json()).toMatchObject({
      name: 'EMEA North',
      members: [expect.objectContaining({ user_id: aMember.userId })],
    });

    expect(
      (await call('DELETE', `/teams/${team.id}/members/${aMember.userId}`, a.auth)).statusCode,
    ).toBe(204);
    expect((await call('DELETE', `/teams/${team.id}`, a.auth)).statusCode).toBe(204);
    expect((await call('GET', `/teams/${team.id}`, a.auth)).statusCode).toBe(404);

    const history = await t.ownerQuery<{ action: string; table_name: string }>(
      'SELECT action, table_name FROM audit_log WHERE org_id = $1 AND record_id = $2 ORDER BY id',
      [a.orgId, team.id],
    );
    expect(history.map((h) => h.action)).toEqual(['insert', 'update', 'delete']);
  });

  it('refuses team management to plain members', async () => {
    expect((await call('POST', '/teams', aMember.auth, { name: 'Rogue' })).statusCode).toBe(403);
  });

  it('keeps team names unique per organization, whatever their case, but not across organizations', async () => {
    expect((await call('POST', '/teams', a.auth, { name: 'Inside Sales' })).statusCode).toBe(201);
    const duplicate = await call('POST', '/teams', a.auth, { name: 'inside sales' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.details.fields[0].field).toBe('name');
    expect((await call('POST', '/teams', b.auth, { name: 'Inside Sales' })).statusCode).toBe(201);
  });

  it("keeps each organization's teams out of reach of the other", async () => {
    const aTeam = (await call('POST', '/teams', a.auth, { name: 'A only' })).json();
    const bTeam = (await call('POST', '/teams', b.auth, { name: 'B only' })).json();

    const bList = (await call('GET', '/teams', b.auth))
      .json()
      .data.map((x: { id: string }) => x.id);
    expect(bList).toContain(bTeam.id);
    expect(bList).not.toContain(aTeam.id);
    const aList = (await call('GET', '/teams', a.auth))
      .json()
      .data.map((x: { id: string }) => x.id);
    expect(aList).toContain(aTeam.id);
    expect(aList).not.toContain(bTeam.id);

    for (const [method, url, body] of [
      ['GET', `/teams/${aTeam.id}`, undefined],
      ['PATCH', `/teams/${aTeam.id}`, { name: 'hijacked' }],
      ['DELETE', `/teams/${aTeam.id}`, undefined],
      ['PUT', `/teams/${aTeam.id}/members/${b.userId}`, undefined],
      // A's user into B's own team: not a member of B, so not found either.
      ['PUT', `/teams/${bTeam.id}/members/${a.userId}`, undefined],
    ] as const) {
      const response = await call(method, url, b.auth, body);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    const still = await t.ownerQuery<{ name: string }>('SELECT name FROM teams WHERE id = $1', [
      aTeam.id,
    ]);
    expect(still).toEqual([{ name: 'A only' }]);
    const bMembers = await t.ownerQuery('SELECT 1 FROM team_members WHERE team_id = $1', [
      bTeam.id,
    ]);
    expect(bMembers).toHaveLength(0);
  });

  it('ignores an org_id smuggled into a body', async () => {
    const response = await call('POST', '/teams', b.auth, { name: 'Smuggler', org_id: a.orgId });
    expect(response.statusCode).toBe(422);
    const inA = await t.ownerQuery("SELECT 1 FROM teams WHERE org_id = $1 AND name = 'Smuggler'", [
      a.orgId,
    ]);
    expect(inA).toHaveLength(0);
  });
});

describe('organization settings', () => {
  it('lets admins rename the organization, and nobody else', async () => {
    expect((await call('GET', '/org', aMember.auth)).json()).toMatchObject({ id: a.orgId });
    expect((await call('PATCH', '/org', aMember.auth, { name: 'Taken over' })).statusCode).toBe(
      403,
    );
    const renamed = await call('PATCH', '/org', a.auth, { name: '  Acme Europe ' });
    expect(renamed.json()).toMatchObject({ id: a.orgId, name: 'Acme Europe' });
    expect((await call('PATCH', '/org', a.auth, { name: '   ' })).statusCode).toBe(422);
    // B renames only B.
    await call('PATCH', '/org', b.auth, { name: 'B renamed' });
    expect((await call('GET', '/org', a.auth)).json().name).toBe('Acme Europe');
    const history = await t.ownerQuery<{ org_id: string }>(
      "SELECT org_id FROM audit_log WHERE table_name = 'orgs' AND action = 'update'",
    );
    expect(history.map((h) => h.org_id).sort()).toEqual([a.orgId, b.orgId].sort());
  });
});
