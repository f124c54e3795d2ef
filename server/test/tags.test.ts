import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRecord } from './support/crm-records.js';
import { joinByInvitation } from './support/members.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

let t: TestApp;
let a: SignedUp;
let b: SignedUp;

beforeAll(async () => {
  t = await createTestApp();
  a = await signUp(t.app, 'tags-a');
  b = await signUp(t.app, 'tags-b');
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

async function createTag(who: SignedUp, fields: Record<string, unknown>) {
  const response = await call('POST', '/tags', who, fields);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('tags', () => {
  it('creates, lists, renames, recolors and deletes tags', async () => {
    const org = await signUp(t.app, 'tag-crud');
    const vip = await createTag(org, { name: '  VIP ', color: '#E11D48' });
    expect(vip).toMatchObject({ name: 'VIP', color: '#e11d48' });
    const cold = await createTag(org, { name: 'cold' });
    expect(cold.color).toBe('#64748b');

    const listed = await call('GET', '/tags', org);
    expect(listed.json().data.map((tag: { name: string }) => tag.name)).toEqual(['cold', 'VIP']);
    expect((await call('GET', `/tags/${vip.id}`, org)).json()).toEqual(vip);

    const renamed = await call('PATCH', `/tags/${vip.id}`, org, { name: 'Key account' });
    expect(renamed.json()).toMatchObject({ id: vip.id, name: 'Key account', color: '#e11d48' });
    const recolored = await call('PATCH', `/tags/${vip.id}`, org, { color: '#0ea5e9' });
    expect(recolored.json()).toMatchObject({ name: 'Key account', color: '#0ea5e9' });
    // Changing only the case of a name is not a clash with itself.
    const recased = await call('PATCH', `/tags/${cold.id}`, org, { name: 'Cold' });
    expect(recased.statusCode, recased.body).toBe(200);

    expect((await call('DELETE', `/tags/${vip.id}`, org)).statusCode).toBe(204);
    expect((await call('GET', `/tags/${vip.id}`, org)).statusCode).toBe(404);
    expect((await call('DELETE', `/tags/${vip.id}`, org)).statusCode).toBe(404);
    expect((await call('GET', '/tags', org)).json().data).toHaveLength(1);
  });

  it('refuses a second tag of the same name, whatever its case, with 409 naming name', async () => {
    const org = await signUp(t.app, 'tag-unique');
    await createTag(org, { name: 'Partner' });
    for (const name of ['Partner', 'PARTNER', ' partner ']) {
      const clash = await call('POST', '/tags', org, { name });
      expect(clash.statusCode, name).toBe(409);
      expect(clash.json().error.details.fields[0].field).toBe('name');
    }
    const other = await createTag(org, { name: 'Reseller' });
    const renamed = await call('PATCH', `/tags/${other.id}`, org, { name: 'partner' });
    expect(renamed.statusCode).toBe(409);
    expect(renamed.json().error.details.fields[0].field).toBe('name');
    // Another organization may use the same name.
    await createTag(b, { name: 'Partner' });
  });

  it('refuses bad input with 4xx naming the field', async () => {
    const tag = await createTag(a, { name: 'Valid' });
    for (const [method, url, payload, field] of [
      ['POST', '/tags', {}, 'name'],
      ['POST', '/tags', { name: '' }, 'name'],
      ['POST', '/tags', { name: '   ' }, 'name'],
      ['POST', '/tags', { name: 'x'.repeat(101) }, 'name'],
      ['POST', '/tags', { name: 'Red', color: 'red' }, 'color'],
      ['POST', '/tags', { name: 'Red', color: '#ff000' }, 'color'],
      ['POST', '/tags', { name: 'Red', color: '#ff0000', icon: 'star' }, 'icon'],
      ['PATCH', `/tags/${tag.id}`, { color: '#ggg000' }, 'color'],
      ['PATCH', `/tags/${tag.id}`, { name: ' ' }, 'name'],
    ] as const) {
      const response = await call(method, url, a, payload);
      const label = `${method} ${JSON.stringify(payload)}`;
      expect(response.statusCode, `${label}: ${response.body}`).toBe(422);
      expect(response.json().error.details.fields[0].field, label).toBe(field);
    }
    expect((await call('PATCH', `/tags/${tag.id}`, a, {})).statusCode).toBe(422);
    const badId = await call('GET', '/tags/not-a-uuid', a);
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.details.fields[0].field).toBe('tag_id');
  });

  it('lets every member read tags and only admins manage them', async () => {
    const member = await joinByInvitation(t.app, a, 'member');
    const admin = await joinByInvitation(t.app, a, 'admin');
    const tag = await createTag(admin, { name: 'By an admin' });

    const seen = await call('GET', '/tags', member);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().data.map((x: { id: string }) => x.id)).toContain(tag.id);
    expect((await call('GET', `/tags/${tag.id}`, member)).statusCode).toBe(200);
    for (const [method, url, payload] of [
      ['POST', '/tags', { name: 'By a member' }],
      ['PATCH', `/tags/${tag.id}`, { name: 'Renamed by a member' }],
      ['DELETE', `/tags/${tag.id}`, undefined],
    ] as const) {
      expect((await call(method, url, member, payload)).statusCode, `${method} ${url}`).toBe(403);
    }
    expect((await call('GET', `/tags/${tag.id}`, a)).json().name).toBe('By an admin');
    expect((await call('DELETE', `/tags/${tag.id}`, admin)).statusCode).toBe(204);
  });

  it('untags every record when a tag is deleted', async () => {
    const org = await signUp(t.app, 'tag-delete');
    const doomed = await createTag(org, { name: 'Doomed' });
    const kept = await createTag(org, { name: 'Kept' });
    const lead = await call('POST', '/leads', org, {
      last_name: 'Tagged',
      tag_ids: [doomed.id, kept.id],
    });
    expect(lead.statusCode, lead.body).toBe(201);
    const accountId = await seedRecord(t, org, 'account', 'Tagged Inc');
    await t.ownerQuery(
      'INSERT INTO record_tags (org_id, tag_id, account_id) VALUES ($1, $2, $3), ($1, $4, $3)',
      [org.orgId, doomed.id, accountId, kept.id],
    );

    expect((await call('DELETE', `/tags/${doomed.id}`, org)).statusCode).toBe(204);
    const after = await call('GET', `/leads/${lead.json().id}`, org);
    expect(after.json().tags.map((tag: { name: string }) => tag.name)).toEqual(['Kept']);
    const links = await t.ownerQuery<{ tag_id: string }>(
      'SELECT tag_id FROM record_tags WHERE org_id = $1',
      [org.orgId],
    );
    expect(links.map((link) => link.tag_id)).toEqual([kept.id, kept.id]);
    const filtered = await call('GET', `/leads?tag_id=${doomed.id}`, org);
    expect(filtered.json().data).toEqual([]);
  });

  it('keeps tags of one organization out of reach of the other', async () => {
    const tag = await createTag(a, { name: 'Secret tag' });
    for (const [method, url, payload] of [
      ['GET', `/tags/${tag.id}`, undefined],
      ['PATCH', `/tags/${tag.id}`, { name: 'Stolen' }],
      ['DELETE', `/tags/${tag.id}`, undefined],
    ] as const) {
      expect((await call(method, url, b, payload)).statusCode, `${method} ${url}`).toBe(404);
    }
    const theirs = await call('GET', '/tags', b);
    expect(theirs.json().data.map((x: { id: string }) => x.id)).not.toContain(tag.id);
    expect((await call('GET', `/tags/${tag.id}`, a)).json().name).toBe('Secret tag');
    // The same name is free in the other organization: names never clash across the wall.
    const same = await call('POST', '/tags', b, { name: 'Secret tag' });
    expect(same.statusCode).toBe(201);
    expect(same.json().id).not.toBe(tag.id);
  });
});
