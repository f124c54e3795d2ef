import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinByInvitation } from './support/members.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

let t: TestApp;
let a: SignedUp;
let b: SignedUp;

beforeAll(async () => {
  t = await createTestApp();
  a = await signUp(t.app, 'accounts-a');
  b = await signUp(t.app, 'accounts-b');
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

async function createAccount(who: SignedUp, fields: Record<string, unknown>) {
  const response = await call('POST', '/accounts', who, fields);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const ghost = '00000000-0000-4000-8000-000000000000';

describe('accounts', () => {
  it('creates, reads, updates and deletes an account', async () => {
    const account = await createAccount(a, {
      name: 'Acme Inc.',
      website: 'https://www.Acme.com/about',
      industry: 'Manufacturing',
      phone: '+1 555 0100',
      email: 'Hello@Acme.com',
      employees: 250,
      annual_revenue: 1250000.75,
      billing_address: { street: '1 Road Runner Way', city: 'Phoenix', country: 'US' },
      shipping_address: { city: 'Tucson' },
      description: 'Makes everything a coyote could want.',
    });
    expect(account).toMatchObject({
      name: 'Acme Inc.',
      website: 'https://www.Acme.com/about',
      domain: 'acme.com',
      email: 'hello@acme.com',
      employees: 250,
      annual_revenue: 1250000.75,
      billing_address: { street: '1 Road Runner Way', city: 'Phoenix', country: 'US' },
      shipping_address: { city: 'Tucson' },
      owner_id: a.userId,
      created_by: a.userId,
      tags: [],
    });

    const read = await call('GET', `/accounts/${account.id}`, a);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({
      ...account,
      summary: { contacts: 0, open_deals: 0, open_deals_amount: 0, open_tasks: 0 },
    });

    // JSON null clears a field: it must not become 0 or "" on the way in.
    const updated = await call('PATCH', `/accounts/${account.id}`, a, {
      industry: 'Retail',
      annual_revenue: null,
      employees: null,
      phone: null,
      shipping_address: {},
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({
      name: 'Acme Inc.',
      industry: 'Retail',
      annual_revenue: null,
      employees: null,
      phone: null,
      shipping_address: {},
      domain: 'acme.com',
    });

    expect((await call('DELETE', `/accounts/${account.id}`, a)).statusCode).toBe(204);
    expect((await call('GET', `/accounts/${account.id}`, a)).statusCode).toBe(404);
    expect((await call('PATCH', `/accounts/${account.id}`, a, { name: 'Gone' })).statusCode).toBe(
      404,
    );
    expect((await call('DELETE', `/accounts/${account.id}`, a)).statusCode).toBe(404);
  });

  it('takes the domain from the website unless one is given', async () => {
    const org = await signUp(t.app, 'domains');
    const cases: Array<[string | null, string | null]> = [
      ['https://www.example.com/x?y=1', 'example.com'],
      ['shop.example.org', 'shop.example.org'],
      ['HTTP://WWW.Example.NET:8080', 'example.net'],
      ['www.example.io/', 'example.io'],
      ['not a website', null],
      ['localhost', null],
      // A host longer than any domain DNS allows (253 characters).
      [`https://${`${'a'.repeat(60)}.`.repeat(5)}com`, null],
      [null, null],
    ];
    for (const [index, [website, domain]] of cases.entries()) {
      const account = await createAccount(org, { name: `Domain ${index}`, website });
      expect(account.domain, String(website)).toBe(domain);
    }

    const given = await createAccount(org, {
      name: 'Given',
      website: 'https://www.example.com',
      domain: ' Example.CO.uk ',
    });
    expect(given.domain).toBe('example.co.uk');

    const unchanged = await call('PATCH', `/accounts/${given.id}`, org, { phone: '1' });
    expect(unchanged.json().domain).toBe('example.co.uk');
    const moved = await call('PATCH', `/accounts/${given.id}`, org, {
      website: 'https://new.example.dev',
    });
    expect(moved.json()).toMatchObject({
      website: 'https://new.example.dev',
      domain: 'new.example.dev',
    });
    const cleared = await call('PATCH', `/accounts/${given.id}`, org, { website: null });
    expect(cleared.json()).toMatchObject({ website: null, domain: null });
    const explicit = await call('PATCH', `/accounts/${given.id}`, org, { domain: 'acme.test' });
    expect(explicit.json()).toMatchObject({ website: null, domain: 'acme.test' });

    // Lower case can be longer than what was typed: `İ` becomes `i` and a combining dot. The
    // limit holds for the domain as kept, which is never longer than 253 characters.
    const kept = await call('PATCH', `/accounts/${given.id}`, org, {
      domain: `${'İ'.repeat(124)}.com`,
    });
    expect(kept.json().domain).toBe(`${'i\u0307'.repeat(124)}.com`);
    for (const domain of [`${'İ'.repeat(125)}.com`, 'İ'.repeat(253)]) {
      const grown = await call('PATCH', `/accounts/${given.id}`, org, { domain });
      expect(grown.statusCode, grown.body).toBe(422);
      expect(grown.json().error.details.fields).toEqual([
        { field: 'domain', message: 'must be at most 253 characters once in lower case' },
      ]);
    }
    const after = await call('GET', `/accounts/${given.id}`, org);
    expect(after.json().domain).toBe(`${'i\u0307'.repeat(124)}.com`);
  });

  it('keeps names unique within an organization whatever their case', async () => {
    const org = await signUp(t.app, 'unique');
    const first = await createAccount(org, { name: 'Globex' });
    const second = await createAccount(org, { name: 'Initech' });
    for (const name of ['Globex', 'GLOBEX', '  globex ']) {
      const duplicate = await call('POST', '/accounts', org, { name });
      expect(duplicate.statusCode, name).toBe(409);
      expect(duplicate.json().error.details.fields[0].field).toBe('name');
    }
    const renamed = await call('PATCH', `/accounts/${second.id}`, org, { name: 'gLoBeX' });
    expect(renamed.statusCode).toBe(409);
    expect(renamed.json().error.details.fields[0].field).toBe('name');
    const ownRename = await call('PATCH', `/accounts/${first.id}`, org, { name: 'GLOBEX' });
    expect(ownRename.json().name).toBe('GLOBEX');
    // Another organization has its own names.
    await createAccount(b, { name: 'Globex' });
  });

  it('sums up contacts, open deals and open tasks on the account page', async () => {
    const org = await signUp(t.app, 'summary');
    const account = await createAccount(org, { name: 'Summed' });
    const other = await createAccount(org, { name: 'Elsewhere' });
    for (const last_name of ['One', 'Two', 'Three']) {
      const contact = await call('POST', '/contacts', org, { last_name, account_id: account.id });
      expect(contact.statusCode, contact.body).toBe(201);
    }
    await call('POST', '/contacts', org, { last_name: 'Other', account_id: other.id });
    await call('POST', '/contacts', org, { last_name: 'Nowhere' });

    const stages = await t.ownerQuery<{ id: string; pipeline_id: string; kind: string }>(
      'SELECT id, pipeline_id, kind FROM pipeline_stages WHERE org_id = $1 ORDER BY position',
      [org.orgId],
    );
    const stage = (kind: string) => stages.find((s) => s.kind === kind)!;
    const deal = (accountId: string, kind: string, amount: number) =>
      t.ownerQuery(
        `INSERT INTO deals (org_id, name, account_id, amount, pipeline_id, stage_id, probability)
         VALUES ($1, 'Deal', $2, $3, $4, $5, 10)`,
        [org.orgId, accountId, amount, stage(kind).pipeline_id, stage(kind).id],
      );
    await deal(account.id, 'open', 1000.25);
    await deal(account.id, 'open', 2500);
    await deal(account.id, 'won', 9999);
    await deal(account.id, 'lost', 8888);
    await deal(other.id, 'open', 7777);

    const task = (accountId: string, status: string) =>
      t.ownerQuery(
        `INSERT INTO tasks (org_id, title, status, completed_at, account_id)
         VALUES ($1, 'Call', $2, CASE WHEN $2 = 'done' THEN now() END, $3)`,
        [org.orgId, status, accountId],
      );
    await task(account.id, 'open');
    await task(account.id, 'in_progress');
    await task(account.id, 'done');
    await task(other.id, 'open');

    const read = await call('GET', `/accounts/${account.id}`, org);
    expect(read.json().summary).toEqual({
      contacts: 3,
      open_deals: 2,
      open_deals_amount: 3500.25,
      open_tasks: 2,
    });
    const listed = await call('GET', `/contacts?account_id=${account.id}&sort=last_name`, org);
    expect(listed.json().data.map((c: { last_name: string }) => c.last_name)).toEqual([
      'One',
      'Three',
      'Two',
    ]);
  });

  it('filters, searches, sorts and pages', async () => {
    const org = await signUp(t.app, 'list');
    const colleague = await joinByInvitation(t.app, org, 'member');
    const [tag] = await t.ownerQuery<{ id: string }>(
      "INSERT INTO tags (org_id, name) VALUES ($1, 'Key account') RETURNING id",
      [org.orgId],
    );
    await createAccount(org, {
      name: 'Umbrella',
      website: 'umbrella-corp.com',
      industry: 'Pharma',
      employees: 5000,
      annual_revenue: 900,
      tag_ids: [tag!.id],
    });
    await createAccount(org, {
      name: 'Cyberdyne',
      industry: 'Robotics',
      employees: 40,
      annual_revenue: 50000,
      owner_id: colleague.userId,
    });
    await createAccount(org, {
      name: 'Soylent',
      industry: 'Pharma',
      employees: 300,
      annual_revenue: 10000,
    });
    await createAccount(org, { name: 'Tyrell', email: 'replicants@tyrell.example' });

    const names = async (query: string) => {
      const response = await call('GET', `/accounts?${query}`, org);
      expect(response.statusCode, response.body).toBe(200);
      return response.json().data.map((x: { name: string }) => x.name);
    };
    expect(await names('')).toEqual(['Cyberdyne', 'Soylent', 'Tyrell', 'Umbrella']);
    expect(await names('sort=-name')).toEqual(['Umbrella', 'Tyrell', 'Soylent', 'Cyberdyne']);
    // Accounts without a figure come last both ways.
    expect(await names('sort=-annual_revenue')).toEqual([
      'Cyberdyne',
      'Soylent',
      'Umbrella',
      'Tyrell',
    ]);
    expect(await names('sort=annual_revenue')).toEqual([
      'Umbrella',
      'Soylent',
      'Cyberdyne',
      'Tyrell',
    ]);
    expect(await names('sort=-employees')).toEqual(['Umbrella', 'Soylent', 'Cyberdyne', 'Tyrell']);
    expect(await names('sort=created_at')).toEqual(['Umbrella', 'Cyberdyne', 'Soylent', 'Tyrell']);
    expect(await names('sort=-updated_at')).toEqual(['Tyrell', 'Soylent', 'Cyberdyne', 'Umbrella']);
    expect(await names('industry=Pharma')).toEqual(['Soylent', 'Umbrella']);
    expect(await names(`owner_id=${colleague.userId}`)).toEqual(['Cyberdyne']);
    expect(await names(`tag_id=${tag!.id}`)).toEqual(['Umbrella']);
    expect(await names('q=umbrella-corp')).toEqual(['Umbrella']);
    expect(await names('q=cyber')).toEqual(['Cyberdyne']);
    expect(await names('q=robot')).toEqual(['Cyberdyne']);
    expect(await names('q=tyrell.example')).toEqual(['Tyrell']);
    expect(await names('q=pharma&industry=Robotics')).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await call(
        'GET',
        `/accounts?sort=-annual_revenue&limit=1&count=true${cursor ? `&cursor=${cursor}` : ''}`,
        org,
      );
      expect(page.statusCode, page.body).toBe(200);
      expect(page.json().total).toBe(4);
      seen.push(...page.json().data.map((x: { name: string }) => x.name));
      cursor = page.json().next_cursor;
    } while (cursor);
    expect(seen).toEqual(['Cyberdyne', 'Soylent', 'Umbrella', 'Tyrell']);
  });

  it('sets tags as a set and tells a new owner', async () => {
    const org = await signUp(t.app, 'tags');
    const member = await joinByInvitation(t.app, org, 'member');
    const tags = await t.ownerQuery<{ id: string; name: string }>(
      "INSERT INTO tags (org_id, name) VALUES ($1, 'Alpha'), ($1, 'Beta') RETURNING id, name",
      [org.orgId],
    );
    const [alpha, beta] = tags;
    const account = await createAccount(org, {
      name: 'Tagged',
      tag_ids: [alpha!.id],
      owner_id: member.userId,
    });
    expect(account.tags.map((x: { name: string }) => x.name)).toEqual(['Alpha']);
    const both = await call('PATCH', `/accounts/${account.id}`, org, {
      tag_ids: [beta!.id, alpha!.id],
    });
    expect(both.json().tags.map((x: { name: string }) => x.name)).toEqual(['Alpha', 'Beta']);
    const none = await call('PATCH', `/accounts/${account.id}`, org, { tag_ids: [] });
    expect(none.json().tags).toEqual([]);

    // Giving it back to its owner tells nobody; the member heard once, when it was created.
    await call('PATCH', `/accounts/${account.id}`, org, { owner_id: org.userId });
    await call('PATCH', `/accounts/${account.id}`, member, { owner_id: member.userId });
    const notes = await t.ownerQuery<{ user_id: string; title: string; record_id: string }>(
      'SELECT user_id, title, record_id FROM notifications WHERE org_id = $1 ORDER BY created_at',
      [org.orgId],
    );
    expect(notes).toEqual([
      {
        user_id: member.userId,
        title: 'Account "Tagged" was assigned to you',
        record_id: account.id,
      },
    ]);
  });

  it('lets members create and edit, and only the owner or an admin delete', async () => {
    const member = await joinByInvitation(t.app, a, 'member');
    const admin = await joinByInvitation(t.app, a, 'admin');
    const ownersAccount = await createAccount(a, { name: 'Owner owned' });
    const membersAccount = await createAccount(member, { name: 'Member owned' });
    expect(membersAccount.owner_id).toBe(member.userId);

    const edited = await call('PATCH', `/accounts/${ownersAccount.id}`, member, {
      description: 'Edited by a member',
    });
    expect(edited.statusCode).toBe(200);
    const refused = await call('DELETE', `/accounts/${ownersAccount.id}`, member);
    expect(refused.statusCode).toBe(403);
    expect((await call('GET', `/accounts/${ownersAccount.id}`, a)).statusCode).toBe(200);

    expect((await call('DELETE', `/accounts/${membersAccount.id}`, member)).statusCode).toBe(204);
    expect((await call('DELETE', `/accounts/${ownersAccount.id}`, admin)).statusCode).toBe(204);
  });

  it('keeps a contact when its account is deleted, no longer linked to it', async () => {
    const account = await createAccount(a, { name: 'Short lived' });
    const contact = await call('POST', '/contacts', a, {
      last_name: 'Survivor',
      account_id: account.id,
    });
    expect((await call('DELETE', `/accounts/${account.id}`, a)).statusCode).toBe(204);
    const after = await call('GET', `/contacts/${contact.json().id}`, a);
    expect(after.json()).toMatchObject({ last_name: 'Survivor', account_id: null });
  });

  it('answers bad input with a 4xx naming the field', async () => {
    for (const [query, field] of [
      ['sort=domain', 'sort'],
      ['sort=-password', 'sort'],
      ['cursor=nonsense', 'cursor'],
      ['limit=0', 'limit'],
      ['owner_id=someone', 'owner_id'],
      ['industry=' + 'x'.repeat(101), 'industry'],
      ['colour=red', 'colour'],
    ]) {
      const response = await call('GET', `/accounts?${query}`, a);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.details.fields[0].field, query).toBe(field);
    }
    const existing = await createAccount(a, { name: 'Valid' });
    for (const [body, field] of [
      [{}, 'name'],
      [{ name: '' }, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(301) }, 'name'],
      [{ name: 'X', employees: -1 }, 'employees'],
      [{ name: 'X', employees: 1.5 }, 'employees'],
      [{ name: 'X', annual_revenue: -5 }, 'annual_revenue'],
      [{ name: 'X', annual_revenue: 'lots' }, 'annual_revenue'],
      [{ name: 'X', email: 'not-an-email' }, 'email'],
      [{ name: 'X', billing_address: { planet: 'Mars' } }, 'billing_address.planet'],
      [{ name: 'X', shipping_address: 'Main street' }, 'shipping_address'],
      [{ name: 'X', tag_ids: ['nope'] }, 'tag_ids.0'],
      [{ name: 'X', tag_ids: [ghost] }, 'tag_ids'],
      [{ name: 'X', owner_id: ghost }, 'owner_id'],
      [{ name: 'X', org_id: b.orgId }, 'org_id'],
    ] as const) {
      const response = await call('POST', '/accounts', a, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(422);
      expect(response.json().error.details.fields[0].field, JSON.stringify(body)).toBe(field);
    }
    const emptyPatch = await call('PATCH', `/accounts/${existing.id}`, a, {});
    expect(emptyPatch.statusCode).toBe(422);
    const badId = await call('GET', '/accounts/not-a-uuid', a);
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.details.fields[0].field).toBe('account_id');
  });

  it('refuses references to another organization like references to nothing', async () => {
    const [bTag] = await t.ownerQuery<{ id: string }>(
      "INSERT INTO tags (org_id, name) VALUES ($1, 'B tag') RETURNING id",
      [b.orgId],
    );
    const mine = await createAccount(a, { name: 'Reference target' });
    for (const [field, foreign, missing] of [
      ['owner_id', b.userId, ghost],
      ['tag_ids', [bTag!.id], [ghost]],
    ] as const) {
      const theirs = await call('POST', '/accounts', a, { name: 'X', [field]: foreign });
      const nothing = await call('POST', '/accounts', a, { name: 'X', [field]: missing });
      expect(theirs.statusCode, field).toBe(422);
      expect(theirs.json().error.details.fields[0].field).toBe(field);
      expect(theirs.json()).toEqual(nothing.json());
      const patched = await call('PATCH', `/accounts/${mine.id}`, a, { [field]: foreign });
      expect(patched.json()).toEqual(nothing.json());
    }
  });

  it('keeps accounts of one organization out of reach of the other', async () => {
    const account = await createAccount(a, {
      name: 'Hidden Holdings',
      website: 'hidden-holdings.example',
      industry: 'Secrets',
    });
    for (const [method, url, payload] of [
      ['GET', `/accounts/${account.id}`, undefined],
      ['PATCH', `/accounts/${account.id}`, { name: 'Taken over' }],
      ['DELETE', `/accounts/${account.id}`, undefined],
    ] as const) {
      const theirs = await call(method, url, b, payload);
      const nothing = await call(method, url.replace(account.id, ghost), b, payload);
      expect(theirs.statusCode, `${method} ${url}`).toBe(404);
      expect(theirs.json()).toEqual(nothing.json());
    }
    for (const query of ['q=hidden&count=true', 'industry=Secrets&count=true']) {
      const bList = await call('GET', `/accounts?${query}`, b);
      expect(bList.json(), query).toEqual({ data: [], next_cursor: null, total: 0 });
      const aList = await call('GET', `/accounts?${query}`, a);
      expect(
        aList.json().data.map((x: { id: string }) => x.id),
        query,
      ).toEqual([account.id]);
    }
    const still = await call('GET', `/accounts/${account.id}`, a);
    expect(still.json()).toMatchObject({ name: 'Hidden Holdings', industry: 'Secrets' });
  });
});
