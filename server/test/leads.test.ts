import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureQueries, classify } from '../../bench/lib/plans.mjs';
import { joinByInvitation } from './support/members.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

let t: TestApp;
let a: SignedUp;
let b: SignedUp;

beforeAll(async () => {
  t = await createTestApp();
  a = await signUp(t.app, 'leads-a');
  b = await signUp(t.app, 'leads-b');
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

async function createLead(who: SignedUp, fields: Record<string, unknown>) {
  const response = await call('POST', '/leads', who, fields);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('leads', () => {
  it('creates, reads, updates and deletes a lead', async () => {
    const lead = await createLead(a, {
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'Ada@Analytical.Engine',
      company: 'Analytical Engines',
      status: 'contacted',
      source: 'referral',
      rating: 'hot',
      estimated_value: 12500.5,
      currency: 'GBP',
      address: { city: 'London', country: 'UK' },
      next_follow_up_at: '2026-12-01T09:00:00Z',
    });
    expect(lead).toMatchObject({
      first_name: 'Ada',
      email: 'ada@analytical.engine',
      status: 'contacted',
      estimated_value: 12500.5,
      owner_id: a.userId,
      address: { city: 'London', country: 'UK' },
      next_follow_up_at: '2026-12-01T09:00:00.000Z',
      tags: [],
    });

    const read = await call('GET', `/leads/${lead.id}`, a);
    expect(read.json()).toEqual(lead);

    const updated = await call('PATCH', `/leads/${lead.id}`, a, {
      status: 'qualified',
      phone: '+44 20 7946 0000',
    });
    expect(updated.json()).toMatchObject({
      status: 'qualified',
      phone: '+44 20 7946 0000',
      company: 'Analytical Engines',
    });

    expect((await call('DELETE', `/leads/${lead.id}`, a)).statusCode).toBe(204);
    expect((await call('GET', `/leads/${lead.id}`, a)).statusCode).toBe(404);
  });

  it('takes back the cursors it gives, whatever the sort value holds', async () => {
    const org = await signUp(t.app, 'paging-long');
    // The longest last names there are, in Chinese (600 bytes): a cursor of 860 characters.
    const names = [0, 1, 2].map((n) =>
      Array.from({ length: 200 }, (_, i) => String.fromCodePoint(0x4e00 + n + i * 97)).join(''),
    );
    for (const name of names) await createLead(org, { last_name: name });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await call(
        'GET',
        `/leads?sort=last_name&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        org,
      );
      expect(page.statusCode, page.body).toBe(200);
      seen.push(...page.json().data.map((l: { last_name: string }) => l.last_name));
      cursor = page.json().next_cursor;
    } while (cursor);
    // Each once, whatever order the database's collation gives them.
    expect([...seen].sort()).toEqual([...names].sort());
  });

  it('pages through a list without losing or repeating rows while rows are inserted', async () => {
    const org = await signUp(t.app, 'paging');
    for (let i = 0; i < 7; i += 1) await createLead(org, { last_name: `Page ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    let inserted = false;
    do {
      const page = await call('GET', `/leads?limit=3${cursor ? `&cursor=${cursor}` : ''}`, org);
      expect(page.statusCode, page.body).toBe(200);
      const body = page.json();
      seen.push(...body.data.map((l: { last_name: string }) => l.last_name));
      cursor = body.next_cursor;
      if (!inserted) {
        // A new lead sorts first (newest first) and must not shift the pages that follow.
        await createLead(org, { last_name: 'Late arrival' });
        inserted = true;
      }
    } while (cursor);
    expect(seen).toEqual(['Page 6', 'Page 5', 'Page 4', 'Page 3', 'Page 2', 'Page 1', 'Page 0']);

    const byName = await call('GET', '/leads?sort=last_name&limit=2&count=true', org);
    expect(byName.json().data.map((l: { last_name: string }) => l.last_name)).toEqual([
      'Late arrival',
      'Page 0',
    ]);
    expect(byName.json().total).toBe(8);
  });

  it('filters by status, owner, team, tag and text', async () => {
    const org = await signUp(t.app, 'filters');
    const colleague = await joinByInvitation(t.app, org, 'member');
    const [tag] = await t.ownerQuery<{ id: string }>(
      "INSERT INTO tags (org_id, name) VALUES ($1, 'VIP') RETURNING id",
      [org.orgId],
    );
    const [team] = await t.ownerQuery<{ id: string }>(
      "INSERT INTO teams (org_id, name) VALUES ($1, 'North') RETURNING id",
      [org.orgId],
    );
    await t.ownerQuery('INSERT INTO team_members (org_id, team_id, user_id) VALUES ($1, $2, $3)', [
      org.orgId,
      team!.id,
      colleague.userId,
    ]);

    const grace = await createLead(org, {
      first_name: 'Grace',
      last_name: 'Hopper',
      company: 'Navy',
      status: 'qualified',
      tag_ids: [tag!.id],
    });
    const alan = await createLead(org, {
      first_name: 'Alan',
      last_name: 'Turing',
      email: 'alan@bletchley.uk',
      owner_id: colleague.userId,
    });
    const names = async (query: string) =>
      (await call('GET', `/leads?${query}`, org))
        .json()
        .data.map((l: { last_name: string }) => l.last_name)
        .sort();

    expect(await names('status=qualified')).toEqual(['Hopper']);
    expect(await names('status=new&status=qualified')).toEqual(['Hopper', 'Turing']);
    expect(await names(`owner_id=${colleague.userId}`)).toEqual(['Turing']);
    expect(await names(`team_id=${team!.id}`)).toEqual(['Turing']);
    expect(await names(`tag_id=${tag!.id}`)).toEqual(['Hopper']);
    expect(await names('q=gra')).toEqual(['Hopper']);
    expect(await names('q=bletch')).toEqual(['Turing']);
    expect(await names('q=alan%20tur')).toEqual(['Turing']);
    expect(await names('q=alan%20hopper')).toEqual([]);
    expect(grace.tags).toEqual([expect.objectContaining({ id: tag!.id, name: 'VIP' })]);
    expect(alan.owner_id).toBe(colleague.userId);
  });

  it('lists each lead with its own tags, read in the statement of the page', async () => {
    const tagsOf = async (who: SignedUp, names: string[]) =>
      Promise.all(
        names.map(async (name) => {
          const [tag] = await t.ownerQuery<{ id: string }>(
            'INSERT INTO tags (org_id, name) VALUES ($1, $2) RETURNING id',
            [who.orgId, name],
          );
          return tag!.id;
        }),
      );
    const org = await signUp(t.app, 'page-tags');
    const other = await signUp(t.app, 'page-tags-other');
    const [zeta, alpha] = await tagsOf(org, ['Zeta', 'Alpha']);
    const [theirs] = await tagsOf(other, ['Alpha']);
    await createLead(org, { last_name: 'Tagged', tag_ids: [zeta, alpha] });
    await createLead(org, { last_name: 'Bare' });
    await createLead(other, { last_name: 'Theirs', tag_ids: [theirs] });

    const { result, calls } = await captureQueries(() => call('GET', '/leads?limit=50', org));
    const tags = Object.fromEntries(
      result
        .json()
        .data.map((lead: { last_name: string; tags: Array<{ name: string }> }) => [
          lead.last_name,
          lead.tags.map((tag) => tag.name),
        ]),
    );
    expect(tags).toEqual({ Tagged: ['Alpha', 'Zeta'], Bare: [] });
    // The page with its tags, and no statement for the tags alone (the kind's fields, read by
    // the creates before, are known).
    const reads = calls.filter((c) => classify(c) === 'data').map((c) => c.text);
    expect(reads).toHaveLength(1);
    expect(reads.filter((text) => /record_tags/.test(text))).toEqual([
      expect.stringMatching(/"leads"/),
    ]);
  });

  it('answers bad list parameters with 400 naming them', async () => {
    for (const [query, field] of [
      ['sort=password', 'sort'],
      ['cursor=not-a-cursor', 'cursor'],
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['status=archived', 'status'],
      ['created_from=yesterday', 'created_from'],
    ]) {
      const response = await call('GET', `/leads?${query}`, a);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.details.fields[0].field, query).toMatch(
        new RegExp(`^${field}(\\.|$)`),
      );
    }
  });

  it('refuses a hand-made cursor whose value is not of its sort, naming the cursor', async () => {
    const org = await signUp(t.app, 'leads-cursors');
    const fields = { score: 'number', met_on: 'date', hot: 'checkbox' };
    for (const [key, field_type] of Object.entries(fields)) {
      const field = { record_type: 'lead', key, label: key, field_type };
      expect((await call('POST', '/custom-fields', org, field)).statusCode).toBe(201);
    }
    await createLead(org, {
      last_name: 'Paged',
      estimated_value: 10,
      custom_fields: { score: 1, met_on: '2026-01-02', hot: true },
    });
    const id = '00000000-0000-4000-8000-000000000000';
    // As JSON text: 1e400 is a number to JSON, and Infinity once read.
    const cursor = (v: string, sort: string, rowId = id) =>
      Buffer.from(`{"v":${v},"id":"${rowId}","s":"${sort}"}`).toString('base64url');
    for (const [sort, v, rowId] of [
      ['-created_at', '"yesterday"'],
      ['-created_at', '5'],
      ['-created_at', '"Infinity"'],
      ['-created_at', 'null'],
      ['estimated_value', '"lots"'],
      ['estimated_value', '1e400'],
      ['last_name', '"\\u0000"'],
      ['last_name', '"Paged"', '-'.repeat(36)],
      ['cf.score', '1e400'],
      ['cf.score', '"one"'],
      ['cf.met_on', '"soon"'],
      ['cf.met_on', '"2026-02-30"'],
      // Year 0 is a date to JavaScript and none to PostgreSQL.
      ['-created_at', '"0000-01-01T00:00:00.000Z"'],
      ['cf.met_on', '"0000-01-01"'],
      ['cf.hot', '"yes"'],
    ]) {
      const response = await call(
        'GET',
        `/leads?sort=${sort}&cursor=${cursor(v!, sort!, rowId)}`,
        org,
      );
      const label = `${sort} ${v} ${rowId ?? ''}`;
      expect(response.statusCode, `${label}: ${response.body}`).toBe(400);
      expect(response.json().error.details.fields, label).toEqual([
        { field: 'cursor', message: 'is not a cursor this list returned' },
      ]);
    }
    // Cursors of the right type are taken, as the list gives them.
    for (const [sort, v] of [
      ['-created_at', '"2026-01-01T00:00:00.000Z"'],
      ['estimated_value', '"10.00"'],
      ['cf.score', '0.5'],
      ['cf.met_on', '"2026-01-01"'],
      ['cf.hot', '"false"'],
      ['cf.score', 'null'],
    ]) {
      const response = await call('GET', `/leads?sort=${sort}&cursor=${cursor(v!, sort!)}`, org);
      expect(response.statusCode, `${sort} ${v}: ${response.body}`).toBe(200);
    }
  });

  it('refuses the cursor of one sort in another, even where their values have the same type', async () => {
    const org = await signUp(t.app, 'leads-cursor-sorts');
    for (const [last_name, company] of [
      ['Adams', 'Zeta'],
      ['Baker', 'Young'],
      ['Clark', 'Xenon'],
    ]) {
      await createLead(org, { last_name, company });
    }
    const first = await call('GET', '/leads?sort=last_name&limit=1', org);
    const cursor = first.json<{ next_cursor: string }>().next_cursor;
    // In the order of the company, the place after Adams would skip Young and Xenon.
    for (const sort of ['company', '-last_name']) {
      const other = await call('GET', `/leads?sort=${sort}&limit=1&cursor=${cursor}`, org);
      expect(other.statusCode, `${sort}: ${other.body}`).toBe(400);
      expect(other.json().error.details.fields).toEqual([
        {
          field: 'cursor',
          message: 'was returned for another sort (last_name): ask for the first page again',
        },
      ]);
    }
    const next = await call('GET', `/leads?sort=last_name&limit=1&cursor=${cursor}`, org);
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json<{ data: Array<{ last_name: string }> }>().data[0]!.last_name).toBe('Baker');
  });

  it('refuses references to another organization like references to nothing', async () => {
    const [bTag] = await t.ownerQuery<{ id: string }>(
      "INSERT INTO tags (org_id, name) VALUES ($1, 'B tag') RETURNING id",
      [b.orgId],
    );
    const ghost = '00000000-0000-4000-8000-000000000000';
    for (const [field, foreign] of [
      ['owner_id', b.userId],
      ['tag_ids', [bTag!.id]],
    ] as const) {
      const theirs = await call('POST', '/leads', a, { last_name: 'X', [field]: foreign });
      const nothing = await call('POST', '/leads', a, {
        last_name: 'X',
        [field]: Array.isArray(foreign) ? [ghost] : ghost,
      });
      expect(theirs.statusCode, field).toBe(422);
      expect(theirs.json().error.details.fields[0].field).toBe(field);
      expect(theirs.json()).toEqual(nothing.json());
    }
  });

  it('keeps leads of one organization out of reach of the other', async () => {
    const lead = await createLead(a, { last_name: 'Secret', email: 'secret@a.example' });
    for (const [method, url, payload] of [
      ['GET', `/leads/${lead.id}`, undefined],
      ['PATCH', `/leads/${lead.id}`, { status: 'contacted' }],
      ['DELETE', `/leads/${lead.id}`, undefined],
    ] as const) {
      expect((await call(method, url, b, payload)).statusCode, `${method} ${url}`).toBe(404);
    }
    const bList = await call('GET', '/leads?q=secret&count=true', b);
    expect(bList.json()).toEqual({ data: [], next_cursor: null, total: 0 });
    const aList = await call('GET', '/leads?q=secret', a);
    expect(aList.json().data.map((l: { id: string }) => l.id)).toEqual([lead.id]);
  });

  it('lets only the owner or an admin delete a lead, and notifies a new owner', async () => {
    const member = await joinByInvitation(t.app, a, 'member');
    const lead = await createLead(a, { last_name: 'Owned by owner' });
    expect((await call('DELETE', `/leads/${lead.id}`, member)).statusCode).toBe(403);
    const assigned = await call('PATCH', `/leads/${lead.id}`, a, { owner_id: member.userId });
    expect(assigned.statusCode).toBe(200);
    const notes = await t.ownerQuery<{ kind: string; title: string }>(
      'SELECT kind, title FROM notifications WHERE org_id = $1 AND user_id = $2',
      [a.orgId, member.userId],
    );
    expect(notes).toEqual([
      { kind: 'record_assigned', title: 'Lead "Owned by owner" was assigned to you' },
    ]);
    expect((await call('DELETE', `/leads/${lead.id}`, member)).statusCode).toBe(204);
  });
});
