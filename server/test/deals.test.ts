import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../src/db/tenant.js';
import { insertDeal } from '../src/modules/deals/deals.service.js';
import { joinByInvitation } from './support/members.js';
import { tenantChecksOf } from './support/page-plans.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

let t: TestApp;
let a: SignedUp;
let b: SignedUp;

beforeAll(async () => {
  t = await createTestApp();
  a = await signUp(t.app, 'deals-a');
  b = await signUp(t.app, 'deals-b');
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

const GHOST = '00000000-0000-4000-8000-000000000000';

interface Stage {
  id: string;
  name: string;
  probability: number;
  kind: string;
}
interface Pipeline {
  id: string;
  is_default: boolean;
  stages: Stage[];
}

async function salesPipeline(who: SignedUp): Promise<Pipeline> {
  const all: Pipeline[] = (await call('GET', '/pipelines', who)).json().data;
  return all.find((p) => p.is_default)!;
}

async function createDeal(who: SignedUp, fields: Record<string, unknown>) {
  const response = await call('POST', '/deals', who, fields);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function insertRow(table: 'accounts' | 'tags', orgId: string, name: string) {
  const [row] = await t.ownerQuery<{ id: string }>(
    `INSERT INTO ${table} (org_id, name) VALUES ($1, $2) RETURNING id`,
    [orgId, name],
  );
  return row!.id;
}

async function insertContact(orgId: string, lastName: string) {
  const [row] = await t.ownerQuery<{ id: string }>(
    'INSERT INTO contacts (org_id, last_name) VALUES ($1, $2) RETURNING id',
    [orgId, lastName],
  );
  return row!.id;
}

async function history(who: SignedUp, dealId: string) {
  const response = await call('GET', `/deals/${dealId}/stage-history`, who);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().data as Array<{
    stage_id: string;
    stage_name: string;
    kind: string;
    entered_at: string;
    left_at: string | null;
  }>;
}

describe('deals', () => {
  it('creates a deal in the default pipeline’s first open stage, then reads, updates and deletes it', async () => {
    const sales = await salesPipeline(a);
    const deal = await createDeal(a, { name: 'Acme renewal', amount: 12500.5, currency: 'EUR' });
    expect(deal).toMatchObject({
      name: 'Acme renewal',
      amount: 12500.5,
      currency: 'EUR',
      pipeline_id: sales.id,
      stage_id: sales.stages[0]!.id,
      status: 'open',
      probability: sales.stages[0]!.probability,
      owner_id: a.userId,
      created_by: a.userId,
      closed_at: null,
      expected_close_date: null,
      contact_ids: [],
      tags: [],
    });
    expect((await call('GET', `/deals/${deal.id}`, a)).json()).toEqual(deal);
    expect(await history(a, deal.id)).toEqual([
      expect.objectContaining({
        stage_id: sales.stages[0]!.id,
        stage_name: 'Prospecting',
        left_at: null,
      }),
    ]);

    const updated = await call('PATCH', `/deals/${deal.id}`, a, {
      expected_close_date: '2026-06-30',
      description: 'Three years',
      lost_reason: null,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({
      expected_close_date: '2026-06-30',
      description: 'Three years',
      stage_id: sales.stages[0]!.id,
      amount: 12500.5,
    });
    expect(await history(a, deal.id)).toHaveLength(1);

    expect((await call('DELETE', `/deals/${deal.id}`, a)).statusCode).toBe(204);
    expect((await call('GET', `/deals/${deal.id}`, a)).statusCode).toBe(404);
    expect((await call('GET', `/deals/${deal.id}/stage-history`, a)).statusCode).toBe(404);
  });

  it("names each deal's account in the list itself, however many accounts there are", async () => {
    const org = await signUp(t.app, 'deal-account-names');
    await t.ownerQuery(
      `INSERT INTO accounts (org_id, name) SELECT $1, 'Account ' || n FROM generate_series(1, 250) n`,
      [org.orgId],
    );
    const [last] = await t.ownerQuery<{ id: string }>(
      `SELECT id FROM accounts WHERE org_id = $1 AND name = 'Account 250'`,
      [org.orgId],
    );
    const deal = await createDeal(org, { name: 'Far down the list', account_id: last!.id });
    expect(deal.account_name).toBe('Account 250');
    const list = await call('GET', '/deals', org);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().data.map((d: { account_name: string | null }) => d.account_name)).toEqual([
      'Account 250',
    ]);
  });

  it("reads a page's accounts and stages once for the page, not once per deal", async () => {
    const org = await signUp(t.app, 'deal-page-sets');
    const other = await signUp(t.app, 'deal-page-sets-other');
    const [north, south] = [
      await insertRow('accounts', org.orgId, 'North'),
      await insertRow('accounts', org.orgId, 'South'),
    ];
    const theirs = await insertRow('accounts', other.orgId, 'Theirs');
    const won = (await salesPipeline(org)).stages.find((stage) => stage.kind === 'won')!;
    await createDeal(org, { name: 'One', account_id: north });
    await createDeal(org, { name: 'Two', account_id: south, stage_id: won.id });
    await createDeal(org, { name: 'Three', account_id: north });
    await createDeal(org, { name: 'Alone' });
    await createDeal(other, { name: 'Theirs', account_id: theirs });

    const list = await call('GET', '/deals?sort=name', org);
    expect(
      list
        .json()
        .data.map((d: { name: string; account_name: string | null; status: string }) => [
          d.name,
          d.account_name,
          d.status,
        ]),
    ).toEqual([
      ['Alone', null, 'open'],
      ['One', 'North', 'open'],
      ['Three', 'North', 'open'],
      ['Two', 'South', 'won'],
    ]);
    // The deals, their tags, stages and accounts: each checked once for the page.
    const checks = await tenantChecksOf(t, org, () => call('GET', '/deals?sort=name', org), [
      'accounts',
      'pipeline_stages',
      'record_tags',
    ]);
    expect(checks.length).toBeGreaterThanOrEqual(4);
    expect(new Set(checks)).toEqual(new Set([1]));
  });

  it('links an account, a primary contact, other contacts and tags', async () => {
    const account = await insertRow('accounts', a.orgId, 'Linked Inc');
    const primary = await insertContact(a.orgId, 'Primary');
    const other1 = await insertContact(a.orgId, 'Other one');
    const other2 = await insertContact(a.orgId, 'Other two');
    const tag = await insertRow('tags', a.orgId, 'Strategic');
    const deal = await createDeal(a, {
      name: 'Linked',
      account_id: account,
      primary_contact_id: primary,
      contact_ids: [other1, other2],
      tag_ids: [tag],
      source: 'referral',
    });
    expect(deal).toMatchObject({
      account_id: account,
      primary_contact_id: primary,
      contact_ids: [other1, other2].sort(),
      tags: [expect.objectContaining({ id: tag, name: 'Strategic' })],
      source: 'referral',
    });
    const replaced = await call('PATCH', `/deals/${deal.id}`, a, {
      contact_ids: [other2],
      tag_ids: [],
    });
    expect(replaced.json()).toMatchObject({ contact_ids: [other2], tags: [] });
  });

  it('moves a deal across stages: probability follows the stage, closed_at and history follow the moves', async () => {
    const sales = await salesPipeline(a);
    const [prospecting, qualification, , , won] = sales.stages;
    const deal = await createDeal(a, { name: 'Journey' });

    const qualified = (
      await call('PATCH', `/deals/${deal.id}`, a, { stage_id: qualification!.id })
    ).json();
    expect(qualified).toMatchObject({ probability: qualification!.probability, closed_at: null });

    const closed = await call('PATCH', `/deals/${deal.id}`, a, { stage_id: won!.id });
    expect(closed.json()).toMatchObject({ status: 'won', probability: 100 });
    expect(closed.json().closed_at).toEqual(expect.any(String));

    // A probability sent with the stage wins over the stage's own.
    const reopened = await call('PATCH', `/deals/${deal.id}`, a, {
      stage_id: prospecting!.id,
      probability: 33,
    });
    expect(reopened.json()).toMatchObject({ status: 'open', probability: 33, closed_at: null });

    // Without a new stage, the probability is just set.
    const reweighed = await call('PATCH', `/deals/${deal.id}`, a, { probability: 40 });
    expect(reweighed.json()).toMatchObject({ probability: 40, stage_id: prospecting!.id });

    const visits = await history(a, deal.id);
    expect(visits.map((v) => v.stage_name)).toEqual([
      'Prospecting',
      'Qualification',
      'Closed won',
      'Prospecting',
    ]);
    expect(visits.map((v) => v.left_at === null)).toEqual([false, false, false, true]);
    for (let i = 1; i < visits.length; i += 1) {
      expect(visits[i]!.entered_at).toBe(visits[i - 1]!.left_at);
    }
    expect(visits[2]!.entered_at).toBe(closed.json().closed_at);
  });

  it('moves a deal to another pipeline, into its first open stage unless a stage is given', async () => {
    const org = await signUp(t.app, 'other-pipeline');
    const created = await call('POST', '/pipelines', org, {
      name: 'Partners',
      stages: [
        { name: 'Lost early', kind: 'lost' },
        { name: 'Intro', probability: 15 },
        { name: 'Signed', kind: 'won' },
      ],
    });
    const partners: Pipeline = created.json();
    const deal = await createDeal(org, { name: 'Wanderer' });
    const moved = await call('PATCH', `/deals/${deal.id}`, org, { pipeline_id: partners.id });
    expect(moved.json()).toMatchObject({
      pipeline_id: partners.id,
      stage_id: partners.stages[1]!.id,
      probability: 15,
    });

    const sales = await salesPipeline(org);
    const wrongPair = await call('PATCH', `/deals/${deal.id}`, org, {
      pipeline_id: partners.id,
      stage_id: sales.stages[1]!.id,
    });
    expect(wrongPair.statusCode).toBe(422);
    expect(wrongPair.json().error.details.fields[0].field).toBe('stage_id');

    // A stage alone is a stage of the deal's pipeline: one of another pipeline is refused.
    const otherPipelineStage = await call('PATCH', `/deals/${deal.id}`, org, {
      stage_id: sales.stages[1]!.id,
    });
    expect(otherPipelineStage.statusCode).toBe(422);
    expect(otherPipelineStage.json().error.details.fields[0].field).toBe('stage_id');
    const onCreate = await call('POST', '/deals', org, {
      name: 'Mismatch',
      pipeline_id: sales.id,
      stage_id: partners.stages[2]!.id,
    });
    expect(onCreate.statusCode).toBe(422);
    expect(onCreate.json().error.details.fields[0].field).toBe('stage_id');

    const back = await call('PATCH', `/deals/${deal.id}`, org, {
      pipeline_id: sales.id,
      stage_id: sales.stages[4]!.id,
    });
    expect(back.json()).toMatchObject({ stage_id: sales.stages[4]!.id, status: 'won' });
  });

  it('filters by pipeline, stage, status, account, contact, close date, owner, tag and text', async () => {
    const org = await signUp(t.app, 'filters');
    const colleague = await joinByInvitation(t.app, org, 'member');
    const sales = await salesPipeline(org);
    const [prospecting, qualification, , , won, lost] = sales.stages;
    const account = await insertRow('accounts', org.orgId, 'Filter Co');
    const primary = await insertContact(org.orgId, 'Main');
    const other = await insertContact(org.orgId, 'Side');
    const tag = await insertRow('tags', org.orgId, 'Hot');

    await createDeal(org, {
      name: 'Alpha rollout',
      stage_id: prospecting!.id,
      account_id: account,
      expected_close_date: '2026-01-15',
      primary_contact_id: primary,
    });
    await createDeal(org, {
      name: 'Beta pilot',
      stage_id: qualification!.id,
      contact_ids: [primary, other],
      expected_close_date: '2026-03-31',
      owner_id: colleague.userId,
    });
    await createDeal(org, {
      name: 'Gamma expansion',
      stage_id: won!.id,
      tag_ids: [tag],
      expected_close_date: '2026-04-01',
    });
    await createDeal(org, { name: 'Delta lost', stage_id: lost!.id });

    const partners = (await call('POST', '/pipelines', org, { name: 'Partners' })).json();
    await createDeal(org, { name: 'Epsilon partner', pipeline_id: partners.id });

    const list = async (query: string) => {
      const response = await call('GET', `/deals?${query}`, org);
      expect(response.statusCode, `${query}: ${response.body}`).toBe(200);
      return response
        .json()
        .data.map((d: { name: string }) => d.name.split(' ')[0])
        .sort();
    };
    expect(await list(`pipeline_id=${sales.id}`)).toEqual(['Alpha', 'Beta', 'Delta', 'Gamma']);
    expect(await list(`pipeline_id=${partners.id}`)).toEqual(['Epsilon']);
    expect(await list(`stage_id=${qualification!.id}`)).toEqual(['Beta']);
    expect(await list('status=open')).toEqual(['Alpha', 'Beta', 'Epsilon']);
    expect(await list('status=won&status=lost')).toEqual(['Delta', 'Gamma']);
    expect(await list(`account_id=${account}`)).toEqual(['Alpha']);
    expect(await list(`contact_id=${primary}`)).toEqual(['Alpha', 'Beta']);
    expect(await list(`contact_id=${other}`)).toEqual(['Beta']);
    expect(await list('close_from=2026-01-15&close_to=2026-03-31')).toEqual(['Alpha', 'Beta']);
    expect(await list('close_from=2026-02-01')).toEqual(['Beta', 'Gamma']);
    expect(await list(`owner_id=${colleague.userId}`)).toEqual(['Beta']);
    expect(await list(`tag_id=${tag}`)).toEqual(['Gamma']);
    expect(await list('q=expan')).toEqual(['Gamma']);
    expect(await list('q=pilot%20beta')).toEqual(['Beta']);
    expect(await list(`status=open&account_id=${account}`)).toEqual(['Alpha']);
  });

  it('sorts by amount, name and expected close date, and pages without repeating rows', async () => {
    const org = await signUp(t.app, 'sorting');
    const specs = [
      { name: 'C', amount: 300, expected_close_date: '2026-02-01' },
      { name: 'A', amount: 100 },
      { name: 'D', amount: 50, expected_close_date: '2026-01-01' },
      { name: 'B', amount: 200, expected_close_date: '2026-03-01' },
    ];
    for (const spec of specs) await createDeal(org, spec);
    const order = async (query: string) =>
      (await call('GET', `/deals?${query}`, org)).json().data.map((d: { name: string }) => d.name);
    expect(await order('sort=amount')).toEqual(['D', 'A', 'B', 'C']);
    expect(await order('sort=-amount')).toEqual(['C', 'B', 'A', 'D']);
    expect(await order('sort=name')).toEqual(['A', 'B', 'C', 'D']);
    expect(await order('sort=expected_close_date')).toEqual(['D', 'C', 'B', 'A']);
    expect(await order('sort=-created_at')).toEqual(['B', 'D', 'A', 'C']);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await call(
        'GET',
        `/deals?sort=-amount&limit=3&count=true${cursor ? `&cursor=${cursor}` : ''}`,
        org,
      );
      expect(page.json().total).toBe(4);
      seen.push(...page.json().data.map((d: { name: string }) => d.name));
      cursor = page.json().next_cursor;
    } while (cursor);
    expect(seen).toEqual(['C', 'B', 'A', 'D']);
  });

  it('answers bad list parameters and bad bodies with 4xx naming the field', async () => {
    for (const [query, field] of [
      ['sort=probability', 'sort'],
      ['status=pending', 'status'],
      ['close_from=2026-02-30', 'close_from'],
      ['close_to=soon', 'close_to'],
      ['pipeline_id=nope', 'pipeline_id'],
      ['cursor=zzz', 'cursor'],
    ]) {
      const response = await call('GET', `/deals?${query}`, a);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.details.fields[0].field, query).toMatch(
        new RegExp(`^${field}(\\.|$)`),
      );
    }
    for (const [body, field] of [
      [{}, 'name'],
      [{ name: ' ' }, 'name'],
      [{ name: 'X', amount: -1 }, 'amount'],
      [{ name: 'X', amount: 10.125 }, 'amount'],
      [{ name: 'X', currency: 'euro' }, 'currency'],
      [{ name: 'X', probability: 101 }, 'probability'],
      [{ name: 'X', expected_close_date: '31/12/2026' }, 'expected_close_date'],
      [{ name: 'X', source: 'billboard' }, 'source'],
      [{ name: 'X', contact_ids: [GHOST, GHOST] }, 'contact_ids'],
      [{ name: 'X', stage_rank: 3 }, 'stage_rank'],
      [{ name: 'X', closed_at: '2026-01-01T00:00:00Z' }, 'closed_at'],
    ] as const) {
      const response = await call('POST', '/deals', a, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(422);
      expect(response.json().error.details.fields[0].field, JSON.stringify(body)).toMatch(
        new RegExp(`^${field}(\\.|$)`),
      );
    }
  });

  it('keeps an amount as typed to the cent, and refuses one past it rather than rounding', async () => {
    // Amounts whose cents are no exact binary fraction: a division by 0.01 leaves a remainder.
    for (const amount of [0.07, 10.13, 19999.99, 9999999999999.99]) {
      const created = await call('POST', '/deals', a, { name: `Cents ${amount}`, amount });
      expect(created.statusCode, String(amount)).toBe(201);
      expect(created.json().amount, String(amount)).toBe(amount);
    }
    const lead = await call('POST', '/leads', a, { last_name: 'Cents', estimated_value: 10.125 });
    expect(lead.statusCode).toBe(422);
    expect(lead.json().error.details.fields[0].field).toBe('estimated_value');
    const account = await call('POST', '/accounts', a, { name: 'Cents', annual_revenue: 0.001 });
    expect(account.statusCode).toBe(422);
    expect(account.json().error.details.fields[0].field).toBe('annual_revenue');
  });

  it("refuses another organization's pipeline, stage, account, contact, owner and tag like nothing at all", async () => {
    const bSales = await salesPipeline(b);
    const aSales = await salesPipeline(a);
    const bAccount = await insertRow('accounts', b.orgId, 'B account');
    const bContact = await insertContact(b.orgId, 'B contact');
    const bTag = await insertRow('tags', b.orgId, 'B tag');
    const aDeal = await createDeal(a, { name: 'Target' });

    const cases: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
      ['pipeline_id', { pipeline_id: bSales.id }, { pipeline_id: GHOST }],
      ['stage_id', { stage_id: bSales.stages[1]!.id }, { stage_id: GHOST }],
      [
        'stage_id',
        { pipeline_id: aSales.id, stage_id: bSales.stages[1]!.id },
        { pipeline_id: aSales.id, stage_id: GHOST },
      ],
      [
        'stage_id',
        { pipeline_id: bSales.id, stage_id: bSales.stages[1]!.id },
        { pipeline_id: GHOST, stage_id: GHOST },
      ],
      ['account_id', { account_id: bAccount }, { account_id: GHOST }],
      ['primary_contact_id', { primary_contact_id: bContact }, { primary_contact_id: GHOST }],
      ['contact_ids', { contact_ids: [bContact] }, { contact_ids: [GHOST] }],
      ['owner_id', { owner_id: b.userId }, { owner_id: GHOST }],
      ['tag_ids', { tag_ids: [bTag] }, { tag_ids: [GHOST] }],
    ];
    for (const [field, theirs, nothing] of cases) {
      for (const [method, url] of [
        ['POST', '/deals'],
        ['PATCH', `/deals/${aDeal.id}`],
      ] as const) {
        const extra = method === 'POST' ? { name: 'Probe' } : {};
        const withTheirs = await call(method, url, a, { ...extra, ...theirs });
        const withNothing = await call(method, url, a, { ...extra, ...nothing });
        const label = `${method} ${field} ${JSON.stringify(theirs)}`;
        expect(withTheirs.statusCode, label).toBe(422);
        expect(withTheirs.json().error.details.fields[0].field, label).toBe(field);
        expect(withTheirs.json(), label).toEqual(withNothing.json());
      }
    }
    expect((await call('GET', '/deals?q=probe&count=true', a)).json().total).toBe(0);
    expect((await call('GET', `/deals/${aDeal.id}`, a)).json()).toEqual(aDeal);
  });

  it("keeps one organization's deals out of reach of the other", async () => {
    const deal = await createDeal(a, { name: 'Confidential merger' });
    const bSales = await salesPipeline(b);
    for (const [method, url, payload] of [
      ['GET', `/deals/${deal.id}`, undefined],
      ['PATCH', `/deals/${deal.id}`, { name: 'Stolen' }],
      ['DELETE', `/deals/${deal.id}`, undefined],
      ['GET', `/deals/${deal.id}/stage-history`, undefined],
    ] as const) {
      expect((await call(method, url, b, payload)).statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await call('GET', '/deals?q=confidential&count=true', b)).json()).toEqual({
      data: [],
      next_cursor: null,
      total: 0,
    });
    expect((await call('GET', `/deals?pipeline_id=${bSales.id}`, a)).json().data).toEqual([]);
    const mine = (await call('GET', '/deals?q=confidential', a)).json().data;
    expect(mine.map((d: { id: string }) => d.id)).toEqual([deal.id]);
    expect((await call('GET', `/deals/${deal.id}`, a)).json().name).toBe('Confidential merger');
  });

  it('lets only the owner or an admin delete a deal, and notifies a new owner', async () => {
    const member = await joinByInvitation(t.app, a, 'member');
    const deal = await createDeal(a, { name: 'Handover' });
    expect((await call('DELETE', `/deals/${deal.id}`, member)).statusCode).toBe(403);
    const assigned = await call('PATCH', `/deals/${deal.id}`, a, { owner_id: member.userId });
    expect(assigned.statusCode).toBe(200);
    const notes = await t.ownerQuery<{ kind: string; title: string; record_type: string }>(
      'SELECT kind, title, record_type FROM notifications WHERE org_id = $1 AND user_id = $2',
      [a.orgId, member.userId],
    );
    expect(notes).toEqual([
      {
        kind: 'record_assigned',
        title: 'Deal "Handover" was assigned to you',
        record_type: 'deal',
      },
    ]);
    expect((await call('DELETE', `/deals/${deal.id}`, member)).statusCode).toBe(204);

    const byMember = await createDeal(member, { name: 'Mine' });
    expect(byMember.owner_id).toBe(member.userId);
    expect((await call('DELETE', `/deals/${byMember.id}`, a)).statusCode).toBe(204);
  });

  it('creates a deal inside a caller’s transaction, with its history, tags and notification', async () => {
    const member = await joinByInvitation(t.app, a, 'member');
    const tag = await insertRow('tags', a.orgId, 'From a lead');
    const sales = await salesPipeline(a);
    const deal = await withTenant(t.deps.db, a, (tx) =>
      insertDeal(tx, a, {
        name: 'Converted',
        owner_id: member.userId,
        tag_ids: [tag],
        amount: 900,
      }),
    );
    expect(deal).toMatchObject({
      name: 'Converted',
      amount: 900,
      pipeline_id: sales.id,
      stage_id: sales.stages[0]!.id,
      tags: [expect.objectContaining({ id: tag })],
    });
    expect(await history(a, deal.id)).toHaveLength(1);
    const notes = await t.ownerQuery(
      'SELECT 1 FROM notifications WHERE org_id = $1 AND user_id = $2 AND record_id = $3',
      [a.orgId, member.userId, deal.id],
    );
    expect(notes).toHaveLength(1);

    // A failure later in the caller's transaction takes the deal and its side effects with it.
    await expect(
      withTenant(t.deps.db, a, async (tx) => {
        await insertDeal(tx, a, { name: 'Rolled back', owner_id: member.userId });
        throw new Error('conversion failed');
      }),
    ).rejects.toThrow('conversion failed');
    expect((await call('GET', '/deals?q=rolled', a)).json().data).toEqual([]);
  });
});
