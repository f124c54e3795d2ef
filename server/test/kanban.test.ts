import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinByInvitation } from './support/members.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

let t: TestApp;
let a: SignedUp;
let b: SignedUp;

beforeAll(async () => {
  // Enough connections for every mover of the concurrency test to hold one at once.
  t = await createTestApp({ poolSize: 8 });
  a = await signUp(t.app, 'kanban-a');
  b = await signUp(t.app, 'kanban-b');
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
  kind: string;
}
interface Column extends Stage {
  count: number;
  amount_total: number;
  deals: Array<{ id: string; name: string; amount: number }>;
}

async function sales(who: SignedUp): Promise<{ id: string; stages: Stage[] }> {
  const all = (await call('GET', '/pipelines', who)).json().data;
  return all.find((p: { is_default: boolean }) => p.is_default);
}

async function createDeal(who: SignedUp, fields: Record<string, unknown>) {
  const response = await call('POST', '/deals', who, fields);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; name: string };
}

async function board(who: SignedUp, pipelineId: string, query = ''): Promise<Column[]> {
  const response = await call('GET', `/pipelines/${pipelineId}/board?${query}`, who);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().stages;
}

async function move(who: SignedUp, dealId: string, body: Record<string, unknown>) {
  const response = await call('POST', `/deals/${dealId}/move`, who, body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const dealNames = (column: Column | undefined) => column!.deals.map((d) => d.name);

describe('kanban board', () => {
  it('shows every stage in order with its deals in board order, counts and totals', async () => {
    const org = await signUp(t.app, 'board');
    const pipeline = await sales(org);
    const [prospecting, qualification] = pipeline.stages;
    for (const [name, amount] of [
      ['One', 100],
      ['Two', 250.25],
      ['Three', 50],
    ] as const)
      await createDeal(org, { name, amount, stage_id: prospecting!.id });
    await createDeal(org, { name: 'Four', amount: 1000, stage_id: qualification!.id });

    const response = await call('GET', `/pipelines/${pipeline.id}/board`, org);
    expect(response.json().pipeline).toMatchObject({ id: pipeline.id, name: 'Sales' });
    const columns: Column[] = response.json().stages;
    expect(columns.map((c) => c.name)).toEqual(pipeline.stages.map((s) => s.name));
    expect(columns[0]).toMatchObject({
      id: prospecting!.id,
      kind: 'open',
      position: 0,
      probability: 10,
      count: 3,
      amount_total: 400.25,
    });
    expect(dealNames(columns[0])).toEqual(['One', 'Two', 'Three']);
    expect(columns[1]).toMatchObject({ count: 1, amount_total: 1000 });
    expect(columns[5]).toMatchObject({ count: 0, amount_total: 0, deals: [] });

    // per_stage caps the deals shown, never the totals.
    const capped = await board(org, pipeline.id, 'per_stage=2');
    expect(dealNames(capped[0])).toEqual(['One', 'Two']);
    expect(capped[0]).toMatchObject({ count: 3, amount_total: 400.25 });
  });

  it('computes counts and totals over the deals that pass the filters', async () => {
    const org = await signUp(t.app, 'board-filters');
    const colleague = await joinByInvitation(t.app, org, 'member');
    const pipeline = await sales(org);
    const [first, second] = pipeline.stages;
    const [tag] = await t.ownerQuery<{ id: string }>(
      "INSERT INTO tags (org_id, name) VALUES ($1, 'Focus') RETURNING id",
      [org.orgId],
    );
    const [account] = await t.ownerQuery<{ id: string }>(
      "INSERT INTO accounts (org_id, name) VALUES ($1, 'Board Co') RETURNING id",
      [org.orgId],
    );
    await createDeal(org, { name: 'Mine small', amount: 10, stage_id: first!.id });
    await createDeal(org, {
      name: 'Theirs big',
      amount: 500,
      stage_id: first!.id,
      owner_id: colleague.userId,
      tag_ids: [tag!.id],
    });
    await createDeal(org, {
      name: 'Theirs medium',
      amount: 70,
      stage_id: second!.id,
      owner_id: colleague.userId,
      account_id: account!.id,
      expected_close_date: '2026-05-01',
    });
    await createDeal(org, {
      name: 'Mine tagged',
      amount: 3,
      stage_id: second!.id,
      tag_ids: [tag!.id],
    });

    const totals = async (query: string) =>
      (await board(org, pipeline.id, query))
        .slice(0, 2)
        .map((c) => [c.count, c.amount_total, dealNames(c).sort()]);
    expect(await totals('')).toEqual([
      [2, 510, ['Mine small', 'Theirs big']],
      [2, 73, ['Mine tagged', 'Theirs medium']],
    ]);
    expect(await totals(`owner_id=${colleague.userId}`)).toEqual([
      [1, 500, ['Theirs big']],
      [1, 70, ['Theirs medium']],
    ]);
    expect(await totals(`tag_id=${tag!.id}`)).toEqual([
      [1, 500, ['Theirs big']],
      [1, 3, ['Mine tagged']],
    ]);
    expect(await totals('q=theirs')).toEqual([
      [1, 500, ['Theirs big']],
      [1, 70, ['Theirs medium']],
    ]);
    expect(await totals(`account_id=${account!.id}`)).toEqual([
      [0, 0, []],
      [1, 70, ['Theirs medium']],
    ]);
    expect(await totals('close_to=2026-12-31')).toEqual([
      [0, 0, []],
      [1, 70, ['Theirs medium']],
    ]);
    expect(await totals(`owner_id=${org.userId}&per_stage=1&q=mine`)).toEqual([
      [1, 10, ['Mine small']],
      [1, 3, ['Mine tagged']],
    ]);
  });

  it('moves a deal to a place in its column, between two neighbours or at either end', async () => {
    const org = await signUp(t.app, 'reorder');
    const pipeline = await sales(org);
    const stage = pipeline.stages[0]!;
    const deals: Record<string, { id: string }> = {};
    for (const name of ['A', 'B', 'C', 'D']) deals[name] = await createDeal(org, { name });
    const order = async () => dealNames((await board(org, pipeline.id))[0]);

    await move(org, deals.D!.id, { stage_id: stage.id, before_deal_id: deals.B!.id });
    expect(await order()).toEqual(['A', 'D', 'B', 'C']);
    await move(org, deals.A!.id, { stage_id: stage.id, after_deal_id: deals.C!.id });
    expect(await order()).toEqual(['D', 'B', 'C', 'A']);
    await move(org, deals.A!.id, { stage_id: stage.id, before_deal_id: deals.D!.id });
    expect(await order()).toEqual(['A', 'D', 'B', 'C']);
    await move(org, deals.A!.id, { stage_id: stage.id });
    expect(await order()).toEqual(['D', 'B', 'C', 'A']);
    await move(org, deals.C!.id, {
      stage_id: stage.id,
      after_deal_id: deals.D!.id,
      before_deal_id: deals.B!.id,
    });
    expect(await order()).toEqual(['D', 'C', 'B', 'A']);

    // Moving within a column is no stage change: nothing new in the history.
    const visits = (await call('GET', `/deals/${deals.C!.id}/stage-history`, org)).json().data;
    expect(visits).toHaveLength(1);
  });

  it('renumbers a column when the gap between two neighbours runs out', async () => {
    const org = await signUp(t.app, 'renumber');
    const pipeline = await sales(org);
    const stage = pipeline.stages[0]!;
    const first = await createDeal(org, { name: 'First' });
    await createDeal(org, { name: 'Last' });
    const inserted: string[] = [];
    // Each new deal goes right after the first: the gap halves every time.
    for (let i = 0; i < 40; i += 1) {
      const deal = await createDeal(org, { name: `N${i}` });
      await move(org, deal.id, { stage_id: stage.id, after_deal_id: first.id });
      inserted.unshift(`N${i}`);
    }
    const column = (await board(org, pipeline.id, 'per_stage=200'))[0]!;
    expect(dealNames(column)).toEqual(['First', ...inserted, 'Last']);
    // Forty halvings of the initial gap would leave neighbours about 1e-9 apart; a renumbered
    // column keeps them far wider.
    const ranks = (
      await t.ownerQuery<{ stage_rank: number }>(
        'SELECT stage_rank FROM deals WHERE org_id = $1 ORDER BY stage_rank',
        [org.orgId],
      )
    ).map((r) => r.stage_rank);
    const gaps = ranks.slice(1).map((rank, i) => rank - ranks[i]!);
    expect(Math.min(...gaps)).toBeGreaterThan(1e-3);
  });

  it('moves a deal across stages, recording history and setting then clearing closed_at', async () => {
    const org = await signUp(t.app, 'across');
    const pipeline = await sales(org);
    const [prospecting, qualification, , , won] = pipeline.stages;
    const deal = await createDeal(org, { name: 'Traveller' });
    const neighbour = await createDeal(org, { name: 'Resident', stage_id: qualification!.id });

    const qualified = await move(org, deal.id, {
      stage_id: qualification!.id,
      before_deal_id: neighbour.id,
    });
    expect(qualified).toMatchObject({
      stage_id: qualification!.id,
      probability: 25,
      closed_at: null,
    });
    expect(dealNames((await board(org, pipeline.id))[1])).toEqual(['Traveller', 'Resident']);

    const closed = await move(org, deal.id, { stage_id: won!.id });
    expect(closed).toMatchObject({
      status: 'won',
      probability: 100,
      closed_at: expect.any(String),
    });

    const reopened = await move(org, deal.id, { stage_id: prospecting!.id });
    expect(reopened).toMatchObject({ status: 'open', closed_at: null, probability: 10 });

    const visits = (await call('GET', `/deals/${deal.id}/stage-history`, org)).json().data;
    expect(visits.map((v: { stage_id: string }) => v.stage_id)).toEqual([
      prospecting!.id,
      qualification!.id,
      won!.id,
      prospecting!.id,
    ]);
    expect(visits.map((v: { left_at: string | null }) => v.left_at === null)).toEqual([
      false,
      false,
      false,
      true,
    ]);
    expect(visits[2].entered_at).toBe(closed.closed_at);
    const columns = await board(org, pipeline.id);
    expect(columns.map((c) => c.count)).toEqual([1, 1, 0, 0, 0, 0]);
  });

  it('moves only the version If-Match names, answering 412 with the deal as it is now', async () => {
    const org = await signUp(t.app, 'move-if-match');
    const [prospecting, qualification, proposal] = (await sales(org)).stages;
    const deal = await createDeal(org, { name: 'Contested' });
    const seen = (await call('GET', `/deals/${deal.id}`, org)).headers.etag as string;
    // Someone else moves it first; a board drawn before that must not move it over their move.
    const moved = await move(org, deal.id, { stage_id: qualification!.id });
    const stale = await t.app.inject({
      method: 'POST',
      url: `/api/v1/deals/${deal.id}/move`,
      headers: { ...org.auth, 'if-match': seen },
      payload: { stage_id: proposal!.id },
    });
    expect(stale.statusCode, stale.body).toBe(412);
    expect(stale.json().error).toMatchObject({
      code: 'version_mismatch',
      details: { current: { stage_id: qualification!.id, version: moved.version } },
    });
    const current = await t.app.inject({
      method: 'POST',
      url: `/api/v1/deals/${deal.id}/move`,
      headers: { ...org.auth, 'if-match': `"${moved.version}"` },
      payload: { stage_id: prospecting!.id },
    });
    expect(current.statusCode, current.body).toBe(200);
    expect(current.headers.etag).toBe(`"${current.json().version}"`);
    const visits = (await call('GET', `/deals/${deal.id}/stage-history`, org)).json().data;
    expect(visits.map((v: { stage_id: string }) => v.stage_id)).toEqual([
      prospecting!.id,
      qualification!.id,
      prospecting!.id,
    ]);
  });

  it('answers a bad move with 4xx naming the field', async () => {
    const org = await signUp(t.app, 'bad-move');
    const pipeline = await sales(org);
    const [first, second] = pipeline.stages;
    const deal = await createDeal(org, { name: 'Mover' });
    const elsewhere = await createDeal(org, { name: 'Elsewhere', stage_id: second!.id });
    const other = (await call('POST', '/pipelines', org, { name: 'Other' })).json();

    const expectField = async (body: Record<string, unknown>, status: number, field: string) => {
      const response = await call('POST', `/deals/${deal.id}/move`, org, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      expect(response.json().error.details.fields[0].field).toBe(field);
      return response.json();
    };
    await expectField({}, 422, 'stage_id');
    await expectField({ stage_id: 'first' }, 422, 'stage_id');
    await expectField({ stage_id: other.stages[0].id }, 422, 'stage_id');
    await expectField({ stage_id: first!.id, after_deal_id: elsewhere.id }, 422, 'after_deal_id');
    await expectField({ stage_id: first!.id, before_deal_id: deal.id }, 422, 'before_deal_id');
    await expectField({ stage_id: first!.id, position: 1 }, 422, 'position');
    const a1 = await createDeal(org, { name: 'A1' });
    const a2 = await createDeal(org, { name: 'A2' });
    await expectField(
      { stage_id: first!.id, after_deal_id: a2.id, before_deal_id: a1.id },
      422,
      'before_deal_id',
    );
    expect(
      (await call('POST', `/deals/${GHOST}/move`, org, { stage_id: first!.id })).statusCode,
    ).toBe(404);
  });

  it('answers bad board parameters with 400 naming them, and an unknown pipeline with 404', async () => {
    const pipeline = await sales(a);
    for (const [query, field] of [
      ['per_stage=0', 'per_stage'],
      ['per_stage=201', 'per_stage'],
      ['status=maybe', 'status'],
      ['limit=5', 'limit'],
      ['owner_id=me', 'owner_id'],
    ]) {
      const response = await call('GET', `/pipelines/${pipeline.id}/board?${query}`, a);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.details.fields[0].field, query).toMatch(
        new RegExp(`^${field}(\\.|$)`),
      );
    }
    expect((await call('GET', `/pipelines/${GHOST}/board`, a)).statusCode).toBe(404);
  });

  it("keeps one organization's board and deals out of reach of the other", async () => {
    const aPipeline = await sales(a);
    const bPipeline = await sales(b);
    const aDeal = await createDeal(a, { name: 'A secret', amount: 999 });
    const bDeal = await createDeal(b, { name: 'B deal' });

    expect((await call('GET', `/pipelines/${aPipeline.id}/board`, b)).statusCode).toBe(404);
    const bBoard = await board(b, bPipeline.id);
    expect(bBoard.flatMap((c) => c.deals.map((d) => d.id))).toEqual([bDeal.id]);
    expect(bBoard.reduce((sum, c) => sum + c.amount_total, 0)).toBe(0);

    // Their deal cannot be moved, and cannot serve as a neighbour or a target stage.
    expect(
      (await call('POST', `/deals/${aDeal.id}/move`, b, { stage_id: bPipeline.stages[1]!.id }))
        .statusCode,
    ).toBe(404);
    for (const [field, theirs] of [
      ['after_deal_id', aDeal.id],
      ['before_deal_id', aDeal.id],
      ['stage_id', aPipeline.stages[1]!.id],
    ] as const) {
      const body = { stage_id: bPipeline.stages[0]!.id, [field]: theirs };
      const withTheirs = await call('POST', `/deals/${bDeal.id}/move`, b, body);
      const withNothing = await call('POST', `/deals/${bDeal.id}/move`, b, {
        ...body,
        [field]: GHOST,
      });
      expect(withTheirs.statusCode, field).toBe(422);
      expect(withTheirs.json().error.details.fields[0].field).toBe(field);
      expect(withTheirs.json()).toEqual(withNothing.json());
    }
    expect((await call('GET', `/deals/${aDeal.id}`, a)).json()).toMatchObject({
      stage_id: aPipeline.stages[0]!.id,
    });
  });
});

describe('concurrent moves', () => {
  const MOVERS = 7;
  const ROUNDS = 8;

  /** Deadlocks PostgreSQL has detected in the test database so far (its statistics lag ~1 s). */
  async function deadlocks(): Promise<number> {
    const [row] = await t.ownerQuery<{ n: number }>(
      'SELECT pg_stat_clear_snapshot(), deadlocks::int AS n FROM pg_stat_database WHERE datname = current_database()',
    );
    return row!.n;
  }

  it('lets 7 people move deals at once without an error or a deadlock, and keeps the board whole', async () => {
    const org = await signUp(t.app, 'movers');
    const pipeline = await sales(org);
    const columns = pipeline.stages.slice(0, 3);
    const dealIds: string[] = [];
    for (let i = 0; i < 21; i += 1) {
      const deal = await createDeal(org, { name: `Deal ${i}`, stage_id: columns[i % 3]!.id });
      dealIds.push(deal.id);
    }
    const deadlocksBefore = await deadlocks();
    const failures: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      // Neighbours closer than the board can split: every move between two of them renumbers
      // the column it enters, the case that deadlocked.
      await t.ownerQuery(
        `UPDATE deals d SET stage_rank = 1 + r.n * 1e-9
         FROM (SELECT id, row_number() OVER (PARTITION BY stage_id ORDER BY stage_rank, id) AS n
               FROM deals WHERE org_id = $1) r
         WHERE d.org_id = $1 AND d.id = r.id`,
        [org.orgId],
      );
      const current = await board(org, pipeline.id);
      const moves = Array.from({ length: MOVERS }, (_, mover) => {
        const deal = dealIds[(round * MOVERS + mover * 3) % dealIds.length]!;
        const target = current[(round + mover) % 3]!;
        const others = target.deals.filter((d) => d.id !== deal);
        const after = others[mover % Math.max(others.length, 1)];
        return call('POST', `/deals/${deal}/move`, org, {
          stage_id: target.id,
          ...(after ? { after_deal_id: after.id } : {}),
        });
      });
      for (const response of await Promise.all(moves)) {
        // A neighbour that another mover took elsewhere meanwhile is a fair 422; nothing else.
        if (response.statusCode !== 200 && response.statusCode !== 422)
          failures.push(`${response.statusCode} ${response.body}`);
      }
    }
    expect(failures).toEqual([]);

    const after = await board(org, pipeline.id);
    const shown = after.flatMap((c) => c.deals.map((d) => d.id));
    expect(shown.toSorted()).toEqual(dealIds.toSorted());
    expect(after.reduce((sum, c) => sum + c.count, 0)).toBe(dealIds.length);
    const ranks = await t.ownerQuery<{ stage_id: string; ranks: number[] }>(
      `SELECT stage_id, array_agg(stage_rank ORDER BY stage_rank, id) AS ranks
       FROM deals WHERE org_id = $1 GROUP BY stage_id`,
      [org.orgId],
    );
    for (const { ranks: column } of ranks) expect(new Set(column).size).toBe(column.length);

    // Deadlocks are retried inside the request, so the answers alone cannot show them.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await deadlocks()).toBe(deadlocksBefore);
  }, 60_000);
});
