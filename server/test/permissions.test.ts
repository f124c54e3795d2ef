import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordType } from '../src/db/schema.js';
import { RECORD_KIND_LIST, RECORD_KINDS } from '../src/modules/records/registry.js';
import { seedRecord } from './support/crm-records.js';
import { joinByInvitation } from './support/members.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

let t: TestApp;
let owner: SignedUp;
let admin: SignedUp;
let member: SignedUp;
let colleague: SignedUp;

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUp(t.app, 'perm-owner');
  admin = await joinByInvitation(t.app, owner, 'admin', 'perm-admin');
  member = await joinByInvitation(t.app, owner, 'member', 'perm-member');
  colleague = await joinByInvitation(t.app, owner, 'member', 'perm-colleague');
});
afterAll(async () => {
  await t.close();
});

function send(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  who: SignedUp,
  payload?: object,
) {
  return t.app.inject({ method, url: `/api/v1${url}`, headers: who.auth, payload });
}

async function ownerOf(type: RecordType, id: string): Promise<string | null> {
  const table = RECORD_KINDS[type].table;
  const [row] = await t.ownerQuery<{ owner_id: string | null }>(
    `SELECT owner_id FROM ${table} WHERE id = $1`,
    [id],
  );
  return row!.owner_id;
}

function expectRefusedOn(
  response: { statusCode: number; json: () => unknown },
  field: string,
): void {
  expect(response.statusCode).toBe(403);
  expect(response.json()).toMatchObject({
    error: { code: 'forbidden', details: { fields: [{ field }] } },
  });
}

describe('who may give a record another owner', () => {
  for (const { kind: type, path } of RECORD_KIND_LIST) {
    it(`a member cannot take a colleague's ${type} to delete it, but hands over their own`, async () => {
      const theirs = await seedRecord(t, owner, type, `Colleague's ${type}`, colleague.userId);

      expectRefusedOn(
        await send('PATCH', `/${path}/${theirs}`, member, { owner_id: member.userId }),
        'owner_id',
      );
      expectRefusedOn(
        await send('PATCH', `/${path}/${theirs}`, member, { owner_id: null }),
        'owner_id',
      );
      expect(await ownerOf(type, theirs)).toBe(colleague.userId);
      expect((await send('DELETE', `/${path}/${theirs}`, member)).statusCode).toBe(403);

      // Sending the owner it already has is no change: an edit form sends every field.
      const unchanged = await send('PATCH', `/${path}/${theirs}`, member, {
        owner_id: colleague.userId,
      });
      expect(unchanged.statusCode, unchanged.body).toBe(200);

      const mine = await seedRecord(t, owner, type, `Member's ${type}`, member.userId);
      const handed = await send('PATCH', `/${path}/${mine}`, member, {
        owner_id: colleague.userId,
      });
      expect(handed.statusCode, handed.body).toBe(200);
      expect(await ownerOf(type, mine)).toBe(colleague.userId);
      // Once handed over, it is the colleague's to give back.
      expect(
        (await send('PATCH', `/${path}/${mine}`, member, { owner_id: member.userId })).statusCode,
      ).toBe(403);

      const byAdmin = await send('PATCH', `/${path}/${theirs}`, admin, { owner_id: member.userId });
      expect(byAdmin.statusCode, byAdmin.body).toBe(200);
      expect(await ownerOf(type, theirs)).toBe(member.userId);
    });
  }

  it('a member cannot claim an unowned record; an admin can give it an owner', async () => {
    const unowned = await seedRecord(t, owner, 'lead', 'Nobody’s', null);
    expectRefusedOn(
      await send('PATCH', `/leads/${unowned}`, member, { owner_id: member.userId }),
      'owner_id',
    );
    expect(await ownerOf('lead', unowned)).toBeNull();
    expect(
      (await send('PATCH', `/leads/${unowned}`, owner, { owner_id: member.userId })).statusCode,
    ).toBe(200);
  });

  it('in bulk, by ids or by filter, all or nothing', async () => {
    const mine = await seedRecord(t, owner, 'contact', 'Bulk mine', member.userId);
    const theirs = await seedRecord(t, owner, 'contact', 'Bulk theirs', colleague.userId);

    const byIds = await send('POST', '/contacts/bulk', member, {
      ids: [mine, theirs],
      action: 'assign_owner',
      owner_id: member.userId,
    });
    expectRefusedOn(byIds, 'owner_id');
    const byFilter = await send('POST', '/contacts/bulk', member, {
      filter: { owner_id: colleague.userId },
      action: 'assign_owner',
      owner_id: member.userId,
    });
    expectRefusedOn(byFilter, 'owner_id');
    expect(await ownerOf('contact', theirs)).toBe(colleague.userId);
    expect(
      (await send('POST', '/contacts/bulk', member, { ids: [theirs], action: 'delete' }))
        .statusCode,
    ).toBe(403);

    const handed = await send('POST', '/contacts/bulk', member, {
      filter: { owner_id: member.userId },
      action: 'assign_owner',
      owner_id: colleague.userId,
    });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(await ownerOf('contact', mine)).toBe(colleague.userId);

    const byAdmin = await send('POST', '/contacts/bulk', admin, {
      ids: [mine, theirs],
      action: 'assign_owner',
      owner_id: member.userId,
    });
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    expect([await ownerOf('contact', mine), await ownerOf('contact', theirs)]).toEqual([
      member.userId,
      member.userId,
    ]);
  });

  it("converting a colleague's lead leaves what it becomes with the lead's owner", async () => {
    const lead = await seedRecord(t, owner, 'lead', 'Converted by a member', colleague.userId);
    const converted = await send('POST', `/leads/${lead}/convert`, member, { deal: {} });
    expect(converted.statusCode, converted.body).toBe(200);
    const { account, contact, deal } = converted.json();
    for (const [type, made] of [
      ['account', account],
      ['contact', contact],
      ['deal', deal],
    ] as const) {
      expect(made.owner_id).toBe(colleague.userId);
      expect((await send('DELETE', `/${type}s/${made.id}`, member)).statusCode).toBe(403);
    }
  });
});

describe('who may give a task to someone else', () => {
  async function taskOf(creator: SignedUp, assigneeId: string | null): Promise<string> {
    const created = await send('POST', '/tasks', creator, {
      title: 'Call back',
      assignee_id: assigneeId,
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json<{ id: string }>().id;
  }
  const assigneeOf = async (id: string) =>
    (await send('GET', `/tasks/${id}`, owner)).json<{ assignee_id: string | null }>().assignee_id;

  it('a member cannot take a task of others to delete it', async () => {
    const task = await taskOf(colleague, colleague.userId);
    expectRefusedOn(
      await send('PATCH', `/tasks/${task}`, member, { assignee_id: member.userId }),
      'assignee_id',
    );
    expect(await assigneeOf(task)).toBe(colleague.userId);
    expect((await send('DELETE', `/tasks/${task}`, member)).statusCode).toBe(403);
    // Other changes stay open to every member.
    expect(
      (await send('PATCH', `/tasks/${task}`, member, { title: 'Call back soon' })).statusCode,
    ).toBe(200);
  });

  it('its creator, its assignee and admins may reassign it', async () => {
    const delegated = await taskOf(member, colleague.userId);
    expect(
      (await send('PATCH', `/tasks/${delegated}`, member, { assignee_id: admin.userId }))
        .statusCode,
    ).toBe(200);
    const assigned = await taskOf(colleague, member.userId);
    expect(
      (await send('PATCH', `/tasks/${assigned}`, member, { assignee_id: colleague.userId }))
        .statusCode,
    ).toBe(200);
    const others = await taskOf(colleague, colleague.userId);
    expect(
      (await send('PATCH', `/tasks/${others}`, admin, { assignee_id: member.userId })).statusCode,
    ).toBe(200);
    expect(await assigneeOf(others)).toBe(member.userId);
  });
});

describe('the API document', () => {
  it('documents the refusal of a new owner or assignee on every update that can give one', async () => {
    const { paths } = (await t.app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    }>();
    const updates = [
      ...RECORD_KIND_LIST.map(({ kind, path }) => `/api/v1/${path}/{${kind}_id}`),
      '/api/v1/tasks/{task_id}',
    ];
    for (const path of updates)
      expect(Object.keys(paths[path]!['patch']!.responses), path).toContain('403');
  });
});

describe('the history of a record', () => {
  it('serves a member the history of CRM records only; admins read the rest in the audit log', async () => {
    const lead = await seedRecord(t, owner, 'lead', 'History visible', colleague.userId);
    const invited = await send('POST', '/invitations', owner, {
      email: 'history-secret@example.com',
      role: 'admin',
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const [invitation] = await t.ownerQuery<{ id: string }>(
      "SELECT id FROM invitations WHERE email = 'history-secret@example.com'",
    );
    const [membership] = await t.ownerQuery<{ id: string }>(
      'SELECT record_id AS id FROM audit_log WHERE org_id = $1 AND table_name = $2 LIMIT 1',
      [owner.orgId, 'memberships'],
    );
    const task = await send('POST', '/tasks', colleague, { title: 'History of a task' });

    for (const who of [member, admin]) {
      const history = await send('GET', `/audit-log/records/${lead}`, who);
      expect(history.statusCode).toBe(200);
      expect(history.json().data).toEqual([
        expect.objectContaining({ action: 'insert', table_name: 'leads', record_id: lead }),
      ]);
      const ofTask = await send('GET', `/audit-log/records/${task.json().id}`, who);
      expect(ofTask.statusCode).toBe(200);
    }
    for (const hidden of [invitation!.id, membership!.id]) {
      const refused = await send('GET', `/audit-log/records/${hidden}`, member);
      expect(refused.statusCode).toBe(404);
      expect(refused.body).not.toContain('history-secret');
    }
    // The admin reads the invitation's history where the whole trail is: the audit log.
    const trail = await send('GET', `/audit-log?record_id=${invitation!.id}`, admin);
    expect(trail.json().data[0].changes.email.new).toBe('history-secret@example.com');
  });
});
