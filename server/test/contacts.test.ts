import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinByInvitation } from './support/members.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

let t: TestApp;
let a: SignedUp;
let b: SignedUp;

beforeAll(async () => {
  t = await createTestApp();
  a = await signUp(t.app, 'contacts-a');
  b = await signUp(t.app, 'contacts-b');
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

async function create(who: SignedUp, url: string, fields: Record<string, unknown>) {
  const response = await call('POST', url, who, fields);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}
const createContact = (who: SignedUp, fields: Record<string, unknown>) =>
  create(who, '/contacts', fields);

const ghost = '00000000-0000-4000-8000-000000000000';

describe('contacts', () => {
  it('creates, reads, updates and deletes a contact', async () => {
    const account = await create(a, '/accounts', { name: 'Analytical Engines' });
    const contact = await createContact(a, {
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'Ada@Analytical.Engine',
      phone: '+44 20 7946 0000',
      mobile: '+44 7700 900000',
      job_title: 'Programmer',
      department: 'Engineering',
      account_id: account.id,
      address: { city: 'London', country: 'UK' },
      description: 'Wrote the first program.',
    });
    expect(contact).toMatchObject({
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'ada@analytical.engine',
      account_id: account.id,
      do_not_contact: false,
      address: { city: 'London', country: 'UK' },
      owner_id: a.userId,
      created_by: a.userId,
      tags: [],
    });

    const read = await call('GET', `/contacts/${contact.id}`, a);
    expect(read.json()).toEqual(contact);

    const updated = await call('PATCH', `/contacts/${contact.id}`, a, {
      do_not_contact: true,
      account_id: null,
      mobile: null,
      email: 'ADA@example.com',
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({
      do_not_contact: true,
      account_id: null,
      mobile: null,
      email: 'ada@example.com',
      phone: '+44 20 7946 0000',
    });

    expect((await call('DELETE', `/contacts/${contact.id}`, a)).statusCode).toBe(204);
    expect((await call('GET', `/contacts/${contact.id}`, a)).statusCode).toBe(404);
    expect((await call('PATCH', `/contacts/${contact.id}`, a, { phone: '1' })).statusCode).toBe(
      404,
    );
    expect((await call('DELETE', `/contacts/${contact.id}`, a)).statusCode).toBe(404);
  });

  it("shows each contact's account by name, in the list and on the contact", async () => {
    const org = await signUp(t.app, 'contact-account-names');
    const account = await create(org, '/accounts', { name: 'Initech' });
    const contact = await createContact(org, { last_name: 'Lumbergh', account_id: account.id });
    expect(contact.account_name).toBe('Initech');
    await createContact(org, { last_name: 'Gibbons' });
    const list = await call('GET', '/contacts?sort=last_name', org);
    expect(list.statusCode, list.body).toBe(200);
    expect(
      list
        .json()
        .data.map((c: { last_name: string; account_name: string | null }) => [
          c.last_name,
          c.account_name,
        ]),
    ).toEqual([
      ['Gibbons', null],
      ['Lumbergh', 'Initech'],
    ]);
  });

  it('keeps emails unique within an organization, whatever their case', async () => {
    const org = await signUp(t.app, 'emails');
    await createContact(org, { last_name: 'First', email: 'same@example.com' });
    const other = await createContact(org, { last_name: 'Second', email: 'other@example.com' });
    const duplicate = await call('POST', '/contacts', org, {
      last_name: 'Third',
      email: 'SAME@Example.com',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.details.fields[0].field).toBe('email');
    const changed = await call('PATCH', `/contacts/${other.id}`, org, {
      email: 'Same@example.com',
    });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error.details.fields[0].field).toBe('email');

    // Contacts without an email are not duplicates of each other.
    await createContact(org, { last_name: 'No email' });
    await createContact(org, { last_name: 'No email either', email: null });
    // Another organization has its own contacts.
    await createContact(b, { last_name: 'Elsewhere', email: 'same@example.com' });
  });

  it('lists an account’s contacts, filtered, searched, sorted and paged', async () => {
    const org = await signUp(t.app, 'list');
    const colleague = await joinByInvitation(t.app, org, 'member');
    const [tag] = await t.ownerQuery<{ id: string }>(
      "INSERT INTO tags (org_id, name) VALUES ($1, 'Champion') RETURNING id",
      [org.orgId],
    );
    const acme = await create(org, '/accounts', { name: 'Acme' });
    const globex = await create(org, '/accounts', { name: 'Globex' });
    await createContact(org, {
      first_name: 'Wile',
      last_name: 'Coyote',
      account_id: acme.id,
      mobile: '+1 (555) 123-4567',
      tag_ids: [tag!.id],
    });
    await createContact(org, {
      first_name: 'Road',
      last_name: 'Runner',
      account_id: acme.id,
      do_not_contact: true,
      job_title: 'Sprinter',
    });
    await createContact(org, {
      first_name: 'Hank',
      last_name: 'Scorpio',
      account_id: globex.id,
      email: 'hank@globex.example',
      owner_id: colleague.userId,
    });
    await createContact(org, { first_name: 'Nobody', last_name: 'Atall' });

    const names = async (query: string) => {
      const response = await call('GET', `/contacts?${query}`, org);
      expect(response.statusCode, response.body).toBe(200);
      return response.json().data.map((c: { last_name: string }) => c.last_name);
    };
    expect(await names('')).toEqual(['Atall', 'Coyote', 'Runner', 'Scorpio']);
    expect(await names('sort=-last_name')).toEqual(['Scorpio', 'Runner', 'Coyote', 'Atall']);
    expect(await names('sort=created_at')).toEqual(['Coyote', 'Runner', 'Scorpio', 'Atall']);
    expect(await names('sort=-updated_at')).toEqual(['Atall', 'Scorpio', 'Runner', 'Coyote']);
    expect(await names(`account_id=${acme.id}`)).toEqual(['Coyote', 'Runner']);
    expect(await names(`account_id=${acme.id}&do_not_contact=false`)).toEqual(['Coyote']);
    expect(await names('do_not_contact=true')).toEqual(['Runner']);
    expect(await names(`account_id=${ghost}`)).toEqual([]);
    expect(await names(`owner_id=${colleague.userId}`)).toEqual(['Scorpio']);
    expect(await names(`tag_id=${tag!.id}`)).toEqual(['Coyote']);
    expect(await names('q=wile%20coy')).toEqual(['Coyote']);
    expect(await names('q=1555123')).toEqual(['Coyote']);
    expect(await names('q=globex.example')).toEqual(['Scorpio']);
    expect(await names('q=sprint')).toEqual(['Runner']);
    expect(await names('q=road%20scorpio')).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await call(
        'GET',
        `/contacts?limit=3&count=true${cursor ? `&cursor=${cursor}` : ''}`,
        org,
      );
      expect(page.statusCode, page.body).toBe(200);
      expect(page.json().total).toBe(4);
      seen.push(...page.json().data.map((c: { last_name: string }) => c.last_name));
      cursor = page.json().next_cursor;
    } while (cursor);
    expect(seen).toEqual(['Atall', 'Coyote', 'Runner', 'Scorpio']);
  });

  it('sets tags as a set and tells a new owner', async () => {
    const org = await signUp(t.app, 'tags');
    const member = await joinByInvitation(t.app, org, 'member');
    const [alpha, beta] = await t.ownerQuery<{ id: string }>(
      "INSERT INTO tags (org_id, name) VALUES ($1, 'Alpha'), ($1, 'Beta') RETURNING id",
      [org.orgId],
    );
    const contact = await createContact(org, {
      first_name: 'Grace',
      last_name: 'Hopper',
      tag_ids: [alpha!.id, beta!.id],
    });
    expect(contact.tags.map((x: { name: string }) => x.name)).toEqual(['Alpha', 'Beta']);
    const swapped = await call('PATCH', `/contacts/${contact.id}`, org, { tag_ids: [beta!.id] });
    expect(swapped.json().tags.map((x: { name: string }) => x.name)).toEqual(['Beta']);

    await call('PATCH', `/contacts/${contact.id}`, org, { owner_id: member.userId });
    await call('PATCH', `/contacts/${contact.id}`, org, { owner_id: member.userId, phone: '1' });
    const notes = await t.ownerQuery<{ user_id: string; kind: string; title: string }>(
      'SELECT user_id, kind, title FROM notifications WHERE org_id = $1',
      [org.orgId],
    );
    expect(notes).toEqual([
      {
        user_id: member.userId,
        kind: 'record_assigned',
        title: 'Contact "Grace Hopper" was assigned to you',
      },
    ]);
  });

  it('lets members create and edit, and only the owner or an admin delete', async () => {
    const member = await joinByInvitation(t.app, a, 'member');
    const admin = await joinByInvitation(t.app, a, 'admin');
    const ownersContact = await createContact(a, { last_name: 'Owner owned' });
    const membersContact = await createContact(member, { last_name: 'Member owned' });
    expect(membersContact.owner_id).toBe(member.userId);
    const edited = await call('PATCH', `/contacts/${ownersContact.id}`, member, {
      job_title: 'Edited by a member',
    });
    expect(edited.statusCode).toBe(200);
    expect((await call('DELETE', `/contacts/${ownersContact.id}`, member)).statusCode).toBe(403);
    expect((await call('DELETE', `/contacts/${membersContact.id}`, member)).statusCode).toBe(204);
    expect((await call('DELETE', `/contacts/${ownersContact.id}`, admin)).statusCode).toBe(204);
  });

  it('answers bad input with a 4xx naming the field', async () => {
    for (const [query, field] of [
      ['sort=email', 'sort'],
      ['cursor=nonsense', 'cursor'],
      ['limit=500', 'limit'],
      ['account_id=acme', 'account_id'],
      ['do_not_contact=perhaps', 'do_not_contact'],
      ['tag_id=1', 'tag_id'],
    ]) {
      const response = await call('GET', `/contacts?${query}`, a);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.details.fields[0].field, query).toBe(field);
    }
    const existing = await createContact(a, { last_name: 'Valid' });
    for (const [body, field] of [
      [{}, 'last_name'],
      [{ first_name: 'Only' }, 'last_name'],
      [{ last_name: ' ' }, 'last_name'],
      [{ last_name: 'x'.repeat(201) }, 'last_name'],
      [{ last_name: 'X', email: 'nope' }, 'email'],
      [{ last_name: 'X', account_id: 'acme' }, 'account_id'],
      [{ last_name: 'X', do_not_contact: 'maybe' }, 'do_not_contact'],
      [{ last_name: 'X', address: { moon: 'base' } }, 'address.moon'],
      [{ last_name: 'X', tag_ids: [ghost, ghost] }, 'tag_ids'],
      [{ last_name: 'X', owner_id: ghost }, 'owner_id'],
      [{ last_name: 'X', account_id: ghost }, 'account_id'],
      [{ last_name: 'X', id: ghost }, 'id'],
    ] as const) {
      const response = await call('POST', '/contacts', a, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(422);
      expect(response.json().error.details.fields[0].field, JSON.stringify(body)).toBe(field);
    }
    expect((await call('PATCH', `/contacts/${existing.id}`, a, {})).statusCode).toBe(422);
    const badId = await call('DELETE', '/contacts/42', a);
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.details.fields[0].field).toBe('contact_id');
  });

  it('refuses another organization’s account, owner or tag like a record that does not exist', async () => {
    const theirAccount = await create(b, '/accounts', { name: 'B Corp' });
    const [theirTag] = await t.ownerQuery<{ id: string }>(
      "INSERT INTO tags (org_id, name) VALUES ($1, 'B tag') RETURNING id",
      [b.orgId],
    );
    const mine = await createContact(a, { last_name: 'Mine' });
    for (const [field, foreign, missing] of [
      ['account_id', theirAccount.id, ghost],
      ['owner_id', b.userId, ghost],
      ['tag_ids', [theirTag!.id], [ghost]],
    ] as const) {
      const theirs = await call('POST', '/contacts', a, { last_name: 'X', [field]: foreign });
      const nothing = await call('POST', '/contacts', a, { last_name: 'X', [field]: missing });
      expect(theirs.statusCode, field).toBe(422);
      expect(theirs.json().error.details.fields[0].field).toBe(field);
      expect(theirs.json()).toEqual(nothing.json());
      const patched = await call('PATCH', `/contacts/${mine.id}`, a, { [field]: foreign });
      const patchedNothing = await call('PATCH', `/contacts/${mine.id}`, a, { [field]: missing });
      expect(patched.statusCode, field).toBe(422);
      expect(patched.json()).toEqual(patchedNothing.json());
    }
    const unchanged = await call('GET', `/contacts/${mine.id}`, a);
    expect(unchanged.json()).toMatchObject({ account_id: null, owner_id: a.userId, tags: [] });
    // Their account lists none of our contacts, and ours do not show up in their lists.
    const theirContacts = await call('GET', `/contacts?account_id=${theirAccount.id}`, a);
    expect(theirContacts.json().data).toEqual([]);
  });

  it('keeps contacts of one organization out of reach of the other', async () => {
    const account = await create(a, '/accounts', { name: 'Secretive' });
    const contact = await createContact(a, {
      first_name: 'Secret',
      last_name: 'Agent',
      email: 'agent@secretive.example',
      account_id: account.id,
    });
    for (const [method, url, payload] of [
      ['GET', `/contacts/${contact.id}`, undefined],
      ['PATCH', `/contacts/${contact.id}`, { last_name: 'Turned' }],
      ['DELETE', `/contacts/${contact.id}`, undefined],
    ] as const) {
      const theirs = await call(method, url, b, payload);
      const nothing = await call(method, url.replace(contact.id, ghost), b, payload);
      expect(theirs.statusCode, `${method} ${url}`).toBe(404);
      expect(theirs.json()).toEqual(nothing.json());
    }
    for (const query of ['q=agent&count=true', `account_id=${account.id}&count=true`]) {
      const bList = await call('GET', `/contacts?${query}`, b);
      expect(bList.json(), query).toEqual({ data: [], next_cursor: null, total: 0 });
      const aList = await call('GET', `/contacts?${query}`, a);
      expect(
        aList.json().data.map((c: { id: string }) => c.id),
        query,
      ).toEqual([contact.id]);
    }
    expect((await call('GET', `/accounts/${account.id}`, b)).statusCode).toBe(404);
    const summary = await call('GET', `/accounts/${account.id}`, a);
    expect(summary.json().summary.contacts).toBe(1);
    expect((await call('GET', `/contacts/${contact.id}`, a)).json().last_name).toBe('Agent');
  });
});
