import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinByInvitation } from './support/members.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

interface MemberBody {
  user_id: string;
  email: string;
  name: string;
  role: string;
  joined_at: string;
}

async function listMembers(who: SignedUp): Promise<MemberBody[]> {
  const response = await t.app.inject({ url: '/api/v1/members', headers: who.auth });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: MemberBody[] }>().data;
}

function patchRole(who: SignedUp, userId: string, role: unknown) {
  return t.app.inject({
    method: 'PATCH',
    url: `/api/v1/members/${userId}`,
    headers: who.auth,
    payload: { role },
  });
}

function remove(who: SignedUp, userId: string) {
  return t.app.inject({ method: 'DELETE', url: `/api/v1/members/${userId}`, headers: who.auth });
}

function roles(list: MemberBody[]): Record<string, string> {
  return Object.fromEntries(list.map((m) => [m.user_id, m.role]));
}

async function securityEvents(orgId: string, action: string) {
  return t.ownerQuery<{ actor_id: string; changes: Record<string, unknown> }>(
    'SELECT actor_id, changes FROM audit_log WHERE org_id = $1 AND action = $2 ORDER BY id',
    [orgId, action],
  );
}

describe('listing members', () => {
  it("shows every member of the caller's organization and nobody else's", async () => {
    const a = await signUp(t.app, 'list-a');
    const aMember = await joinByInvitation(t.app, a, 'member');
    const b = await signUp(t.app, 'list-b');

    const seenByMember = await listMembers(aMember);
    expect(seenByMember.map((m) => m.user_id)).toEqual([a.userId, aMember.userId]);
    expect(seenByMember[0]).toMatchObject({ email: a.email, role: 'owner' });
    expect(seenByMember[1]).toMatchObject({ email: aMember.email, role: 'member' });
    expect(Date.parse(seenByMember[0]!.joined_at)).not.toBeNaN();

    const seenByB = await listMembers(b);
    expect(seenByB.map((m) => m.user_id)).toEqual([b.userId]);
  });
});

describe('changing roles', () => {
  it('lets admins and owners change roles, keeping owner changes to owners', async () => {
    const owner = await signUp(t.app, 'roles');
    const admin = await joinByInvitation(t.app, owner, 'admin');
    const member = await joinByInvitation(t.app, owner, 'member');
    const other = await joinByInvitation(t.app, owner, 'member');

    // A plain member manages nobody.
    expect((await patchRole(member, other.userId, 'admin')).statusCode).toBe(403);
    expect((await patchRole(member, member.userId, 'admin')).statusCode).toBe(403);

    const promoted = await patchRole(admin, member.userId, 'admin');
    expect(promoted.statusCode, promoted.body).toBe(200);
    expect(promoted.json()).toMatchObject({
      user_id: member.userId,
      email: member.email,
      role: 'admin',
    });
    expect((await patchRole(admin, member.userId, 'member')).statusCode).toBe(200);

    // Only an owner makes or unmakes an owner.
    const adminMakesOwner = await patchRole(admin, other.userId, 'owner');
    expect(adminMakesOwner.statusCode).toBe(403);
    expect(adminMakesOwner.json().error.code).toBe('forbidden');
    expect((await patchRole(admin, owner.userId, 'admin')).statusCode).toBe(403);
    expect((await patchRole(owner, other.userId, 'owner')).statusCode).toBe(200);

    expect(roles(await listMembers(owner))).toEqual({
      [owner.userId]: 'owner',
      [admin.userId]: 'admin',
      [member.userId]: 'member',
      [other.userId]: 'owner',
    });

    const events = await securityEvents(owner.orgId, 'member.role_changed');
    expect(events.map((e) => [e.actor_id, e.changes])).toEqual([
      [
        admin.userId,
        expect.objectContaining({ user_id: member.userId, from: 'member', to: 'admin' }),
      ],
      [
        admin.userId,
        expect.objectContaining({ user_id: member.userId, from: 'admin', to: 'member' }),
      ],
      [
        owner.userId,
        expect.objectContaining({ user_id: other.userId, from: 'member', to: 'owner' }),
      ],
    ]);
  });

  it('never demotes the last owner', async () => {
    const owner = await signUp(t.app, 'last-owner');
    const admin = await joinByInvitation(t.app, owner, 'admin');

    const refused = await patchRole(owner, owner.userId, 'admin');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.fields[0].field).toBe('role');

    // With a second owner the first may step down, and then the second is the last one.
    expect((await patchRole(owner, admin.userId, 'owner')).statusCode).toBe(200);
    expect((await patchRole(owner, owner.userId, 'member')).statusCode).toBe(200);
    expect((await patchRole(admin, admin.userId, 'admin')).statusCode).toBe(422);
    expect(roles(await listMembers(admin))).toEqual({
      [owner.userId]: 'member',
      [admin.userId]: 'owner',
    });
  });

  it('keeps one owner when two owners demote each other at the same moment', async () => {
    const first = await signUp(t.app, 'race');
    const second = await joinByInvitation(t.app, first, 'admin');
    expect((await patchRole(first, second.userId, 'owner')).statusCode).toBe(200);

    const answers = await Promise.all([
      patchRole(first, second.userId, 'member'),
      patchRole(second, first.userId, 'member'),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 403]);
    const owners = (
      await t.ownerQuery<{ count: number }>(
        "SELECT count(*)::int AS count FROM memberships WHERE org_id = $1 AND role = 'owner'",
        [first.orgId],
      )
    )[0];
    expect(owners?.count).toBe(1);
  });

  it('answers 404 for a user of another organization, or no member at all', async () => {
    const a = await signUp(t.app, 'iso-a');
    const b = await signUp(t.app, 'iso-b');
    const bMember = await joinByInvitation(t.app, b, 'member');

    for (const userId of [bMember.userId, b.userId, '00000000-0000-4000-8000-000000000000']) {
      const patched = await patchRole(a, userId, 'admin');
      expect(patched.statusCode).toBe(404);
      expect(patched.json().error.code).toBe('not_found');
      expect((await remove(a, userId)).statusCode).toBe(404);
    }
    // Nothing changed on B's side, and A's list still holds A only.
    expect(roles(await listMembers(b))).toEqual({
      [b.userId]: 'owner',
      [bMember.userId]: 'member',
    });
    expect((await listMembers(a)).map((m) => m.user_id)).toEqual([a.userId]);
    expect(await securityEvents(b.orgId, 'member.role_changed')).toEqual([]);
    expect(await securityEvents(b.orgId, 'member.removed')).toEqual([]);
  });
});

describe('removing members', () => {
  it('refuses a removed member at once, even with an unexpired access token', async () => {
    const owner = await signUp(t.app, 'remove');
    const admin = await joinByInvitation(t.app, owner, 'admin');
    const member = await joinByInvitation(t.app, owner, 'member');
    expect((await t.app.inject({ url: '/api/v1/me', headers: member.auth })).statusCode).toBe(200);

    expect((await remove(admin, member.userId)).statusCode).toBe(204);

    const me = await t.app.inject({ url: '/api/v1/me', headers: member.auth });
    expect(me.statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/members', headers: member.auth })).statusCode).toBe(
      401,
    );
    const refreshed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refresh_token: member.refreshToken },
    });
    expect(refreshed.statusCode).toBe(401);
    expect((await listMembers(owner)).map((m) => m.user_id)).toEqual([owner.userId, admin.userId]);

    const events = await securityEvents(owner.orgId, 'member.removed');
    expect(events).toEqual([
      {
        actor_id: admin.userId,
        changes: expect.objectContaining({ user_id: member.userId, role: 'member', left: false }),
      },
    ]);
  });

  it('lets anyone leave, but only admins remove others and only owners remove owners', async () => {
    const owner = await signUp(t.app, 'leave');
    const admin = await joinByInvitation(t.app, owner, 'admin');
    const member = await joinByInvitation(t.app, owner, 'member');
    const leaver = await joinByInvitation(t.app, owner, 'member');

    expect((await remove(member, admin.userId)).statusCode).toBe(403);
    expect((await remove(admin, owner.userId)).statusCode).toBe(403);

    expect((await remove(leaver, leaver.userId)).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/me', headers: leaver.auth })).statusCode).toBe(401);

    const lastOwner = await remove(owner, owner.userId);
    expect(lastOwner.statusCode).toBe(422);
    expect(lastOwner.json().error.details.fields[0].field).toBe('user_id');

    // A second owner lets the first leave; an owner may remove another owner.
    expect((await patchRole(owner, admin.userId, 'owner')).statusCode).toBe(200);
    expect((await remove(admin, owner.userId)).statusCode).toBe(204);
    expect(roles(await listMembers(admin))).toEqual({
      [admin.userId]: 'owner',
      [member.userId]: 'member',
    });

    const events = await securityEvents(owner.orgId, 'member.removed');
    expect(events.map((e) => [e.actor_id, e.changes['user_id'], e.changes['left']])).toEqual([
      [leaver.userId, leaver.userId, true],
      [admin.userId, owner.userId, false],
    ]);
  });
});

describe('bad input', () => {
  it('names the field and never fails with 500', async () => {
    const owner = await signUp(t.app, 'bad');
    const member = await joinByInvitation(t.app, owner, 'member');

    const notUuid = await patchRole(owner, 'not-a-uuid', 'admin');
    expect(notUuid.statusCode).toBe(400);
    expect(notUuid.json().error.details.fields[0].field).toBe('user_id');
    const deleteNotUuid = await remove(owner, '12345');
    expect(deleteNotUuid.statusCode).toBe(400);
    expect(deleteNotUuid.json().error.details.fields[0].field).toBe('user_id');

    for (const [payload, field] of [
      [{ role: 'superuser' }, 'role'],
      [{ role: 42 }, 'role'],
      [{}, 'role'],
      [{ role: 'admin', email: 'x@example.com' }, 'email'],
    ] as const) {
      const response = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/members/${member.userId}`,
        headers: owner.auth,
        payload,
      });
      expect(response.statusCode, JSON.stringify(payload)).toBe(422);
      expect(response.json().error.code).toBe('validation_failed');
      expect(response.json().error.details.fields[0].field).toBe(field);
    }
    const noToken = await t.app.inject({ url: '/api/v1/members' });
    expect(noToken.statusCode).toBe(401);
    expect(noToken.json().error.code).toBe('unauthorized');
  });
});
