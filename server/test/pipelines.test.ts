import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinByInvitation } from './support/members.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

let t: TestApp;
let a: SignedUp;
let b: SignedUp;

beforeAll(async () => {
  t = await createTestApp();
  a = await signUp(t.app, 'pipelines-a');
  b = await signUp(t.app, 'pipelines-b');
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

interface Stage {
  id: string;
  name: string;
  position: number;
  probability: number;
  kind: 'open' | 'won' | 'lost';
}
interface Pipeline {
  id: string;
  name: string;
  is_default: boolean;
  stages: Stage[];
}

async function createPipeline(who: SignedUp, fields: Record<string, unknown>): Promise<Pipeline> {
  const response = await call('POST', '/pipelines', who, fields);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function pipelines(who: SignedUp): Promise<Pipeline[]> {
  const response = await call('GET', '/pipelines', who);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().data;
}

const names = (stages: Stage[]) => stages.map((s) => s.name);
const positions = (stages: Stage[]) => stages.map((s) => s.position);

function expectField(
  response: { statusCode: number; json(): unknown },
  status: number,
  field: string,
) {
  expect(response.statusCode).toBe(status);
  const body = response.json() as { error: { details: { fields: Array<{ field: string }> } } };
  expect(body.error.details.fields[0]!.field).toBe(field);
}

describe('pipelines', () => {
  it('gives every organization a default pipeline that every member sees, stages in order', async () => {
    const member = await joinByInvitation(t.app, a, 'member');
    const [sales] = await pipelines(member);
    expect(sales).toMatchObject({ name: 'Sales', is_default: true });
    expect(names(sales!.stages)).toEqual([
      'Prospecting',
      'Qualification',
      'Proposal',
      'Negotiation',
      'Closed won',
      'Closed lost',
    ]);
    expect(positions(sales!.stages)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(sales!.stages.map((s) => s.kind)).toEqual([
      'open',
      'open',
      'open',
      'open',
      'won',
      'lost',
    ]);
    expect((await call('GET', `/pipelines/${sales!.id}`, member)).json()).toEqual(sales);
  });

  it('creates pipelines with a default set of stages or with the stages given', async () => {
    const org = await signUp(t.app, 'create');
    const standard = await createPipeline(org, { name: 'Renewals' });
    expect(standard.is_default).toBe(false);
    expect(standard.stages.filter((s) => s.kind === 'open').length).toBeGreaterThan(1);
    expect(standard.stages.filter((s) => s.kind === 'won')).toHaveLength(1);
    expect(standard.stages.filter((s) => s.kind === 'lost')).toHaveLength(1);

    const custom = await createPipeline(org, {
      name: 'Partners',
      stages: [
        { name: 'Intro', probability: 20 },
        { name: 'Signed', kind: 'won' },
        { name: 'Dropped', kind: 'lost', probability: 0 },
      ],
    });
    expect(custom.stages).toEqual([
      expect.objectContaining({ name: 'Intro', position: 0, probability: 20, kind: 'open' }),
      expect.objectContaining({ name: 'Signed', position: 1, probability: 100, kind: 'won' }),
      expect.objectContaining({ name: 'Dropped', position: 2, probability: 0, kind: 'lost' }),
    ]);
    expect((await pipelines(org)).map((p) => p.name)).toEqual(['Sales', 'Renewals', 'Partners']);
  });

  it('refuses a pipeline without an open stage, a blank or taken name, and bad stages', async () => {
    expectField(
      await call('POST', '/pipelines', a, {
        name: 'Closed only',
        stages: [{ name: 'Won', kind: 'won' }],
      }),
      422,
      'stages',
    );
    expectField(await call('POST', '/pipelines', a, { name: '  ' }), 422, 'name');
    expectField(await call('POST', '/pipelines', a, { name: 'sales' }), 409, 'name');
    expectField(
      await call('POST', '/pipelines', a, { name: 'X', stages: [{ name: 'A', probability: 101 }] }),
      422,
      'stages.0.probability',
    );
    expectField(
      await call('POST', '/pipelines', a, { name: 'X', stages: [{ name: 'A', kind: 'maybe' }] }),
      422,
      'stages.0.kind',
    );
    expectField(await call('POST', '/pipelines', a, { name: 'X', colour: 'red' }), 422, 'colour');
  });

  it('renames a pipeline and moves the default role from one pipeline to another', async () => {
    const org = await signUp(t.app, 'default');
    const [sales] = await pipelines(org);
    const other = await createPipeline(org, { name: 'Other' });
    const renamed = await call('PATCH', `/pipelines/${other.id}`, org, { name: 'Enterprise' });
    expect(renamed.json()).toMatchObject({ name: 'Enterprise', is_default: false });

    const made = await call('PATCH', `/pipelines/${other.id}`, org, { is_default: true });
    expect(made.statusCode, made.body).toBe(200);
    expect(made.json().is_default).toBe(true);
    const after = await pipelines(org);
    expect(after.filter((p) => p.is_default).map((p) => p.id)).toEqual([other.id]);

    // The default is handed over, never simply dropped.
    expectField(
      await call('PATCH', `/pipelines/${other.id}`, org, { is_default: false }),
      422,
      'is_default',
    );
    expectField(
      await call('PATCH', `/pipelines/${sales!.id}`, org, { name: 'Enterprise' }),
      409,
      'name',
    );
  });

  it('adds, renames, reweighs and moves stages, renumbering the others', async () => {
    const org = await signUp(t.app, 'stages');
    const pipeline = await createPipeline(org, {
      name: 'Flow',
      stages: [
        { name: 'A', probability: 10 },
        { name: 'B', probability: 20 },
        { name: 'Won', kind: 'won' },
      ],
    });
    const added = await call('POST', `/pipelines/${pipeline.id}/stages`, org, {
      name: 'Between',
      probability: 15,
      position: 1,
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(names(added.json().stages)).toEqual(['A', 'Between', 'B', 'Won']);
    expect(positions(added.json().stages)).toEqual([0, 1, 2, 3]);

    const last = await call('POST', `/pipelines/${pipeline.id}/stages`, org, {
      name: 'Lost',
      kind: 'lost',
    });
    expect(names(last.json().stages)).toEqual(['A', 'Between', 'B', 'Won', 'Lost']);
    expect(last.json().stages[4]).toMatchObject({ probability: 0, position: 4 });

    const a0 = pipeline.stages[0]!;
    const moved = await call('PATCH', `/pipelines/${pipeline.id}/stages/${a0.id}`, org, {
      position: 2,
      name: 'Alpha',
      probability: 30,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(names(moved.json().stages)).toEqual(['Between', 'B', 'Alpha', 'Won', 'Lost']);
    expect(positions(moved.json().stages)).toEqual([0, 1, 2, 3, 4]);
    expect(moved.json().stages[2]).toMatchObject({ probability: 30 });

    const toEnd = await call('PATCH', `/pipelines/${pipeline.id}/stages/${a0.id}`, org, {
      position: 1000,
    });
    expect(names(toEnd.json().stages)).toEqual(['Between', 'B', 'Won', 'Lost', 'Alpha']);

    expectField(
      await call('PATCH', `/pipelines/${pipeline.id}/stages/${a0.id}`, org, { probability: -1 }),
      422,
      'probability',
    );
    expectField(
      await call('PATCH', `/pipelines/${pipeline.id}/stages/${a0.id}`, org, { name: ' ' }),
      422,
      'name',
    );
  });

  it('keeps at least one open stage in every pipeline', async () => {
    const org = await signUp(t.app, 'open-stage');
    const pipeline = await createPipeline(org, {
      name: 'Tiny',
      stages: [
        { name: 'Only', probability: 50 },
        { name: 'Won', kind: 'won' },
      ],
    });
    const [only, won] = pipeline.stages;
    const rekind = await call('PATCH', `/pipelines/${pipeline.id}/stages/${only!.id}`, org, {
      kind: 'lost',
    });
    expect(rekind.statusCode).toBe(409);
    expect(rekind.json().error.message).toMatch(/open stage/);
    const removal = await call('DELETE', `/pipelines/${pipeline.id}/stages/${only!.id}`, org);
    expect(removal.statusCode).toBe(409);

    // With a second open stage, either can go.
    const reopened = await call('PATCH', `/pipelines/${pipeline.id}/stages/${won!.id}`, org, {
      kind: 'open',
    });
    expect(reopened.statusCode).toBe(200);
    expect(
      (await call('DELETE', `/pipelines/${pipeline.id}/stages/${only!.id}`, org)).statusCode,
    ).toBe(204);
    const [left] = (await call('GET', `/pipelines/${pipeline.id}`, org)).json().stages;
    expect(left).toMatchObject({ id: won!.id, position: 0, kind: 'open' });
  });

  it('refuses to delete a stage that holds deals until they move, saying how many', async () => {
    const org = await signUp(t.app, 'busy-stage');
    const [sales] = await pipelines(org);
    const [first, second] = sales!.stages;
    for (const name of ['One', 'Two']) {
      const created = await call('POST', '/deals', org, { name, stage_id: first!.id });
      expect(created.statusCode, created.body).toBe(201);
    }
    const refused = await call('DELETE', `/pipelines/${sales!.id}/stages/${first!.id}`, org);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/2 deals/);
    expect(refused.json().error.details).toEqual({ deals: 2 });

    const deals = (await call('GET', `/deals?stage_id=${first!.id}`, org)).json().data;
    for (const deal of deals) {
      const moved = await call('PATCH', `/deals/${deal.id}`, org, { stage_id: second!.id });
      expect(moved.statusCode, moved.body).toBe(200);
    }
    expect(
      (await call('DELETE', `/pipelines/${sales!.id}/stages/${first!.id}`, org)).statusCode,
    ).toBe(204);
    const stages = (await call('GET', `/pipelines/${sales!.id}`, org)).json().stages;
    expect(names(stages)).toEqual([
      'Qualification',
      'Proposal',
      'Negotiation',
      'Closed won',
      'Closed lost',
    ]);
    expect(positions(stages)).toEqual([0, 1, 2, 3, 4]);
  });

  it('closes the deals of a stage that turns won or lost, and reopens them when it turns open', async () => {
    const org = await signUp(t.app, 'rekind');
    const [sales] = await pipelines(org);
    const negotiation = sales!.stages[3]!;
    const deal = (
      await call('POST', '/deals', org, { name: 'Big', stage_id: negotiation.id })
    ).json();
    expect(deal.closed_at).toBeNull();
    await call('PATCH', `/pipelines/${sales!.id}/stages/${negotiation.id}`, org, { kind: 'won' });
    const closed = (await call('GET', `/deals/${deal.id}`, org)).json();
    expect(closed).toMatchObject({ status: 'won', closed_at: expect.any(String) });
    await call('PATCH', `/pipelines/${sales!.id}/stages/${negotiation.id}`, org, { kind: 'open' });
    expect((await call('GET', `/deals/${deal.id}`, org)).json()).toMatchObject({
      status: 'open',
      closed_at: null,
    });
  });

  it('deletes a pipeline only when it is empty and not the default', async () => {
    const org = await signUp(t.app, 'delete');
    const [sales] = await pipelines(org);
    const refusedDefault = await call('DELETE', `/pipelines/${sales!.id}`, org);
    expect(refusedDefault.statusCode).toBe(409);
    expect(refusedDefault.json().error.message).toMatch(/default/);

    const spare = await createPipeline(org, { name: 'Spare' });
    const deal = (
      await call('POST', '/deals', org, { name: 'Held', pipeline_id: spare.id })
    ).json();
    const refusedBusy = await call('DELETE', `/pipelines/${spare.id}`, org);
    expect(refusedBusy.statusCode).toBe(409);
    expect(refusedBusy.json().error.message).toMatch(/1 deal\b/);

    expect((await call('DELETE', `/deals/${deal.id}`, org)).statusCode).toBe(204);
    expect((await call('DELETE', `/pipelines/${spare.id}`, org)).statusCode).toBe(204);
    expect((await call('GET', `/pipelines/${spare.id}`, org)).statusCode).toBe(404);
    expect((await pipelines(org)).map((p) => p.name)).toEqual(['Sales']);
  });

  it('lets only admins and owners manage pipelines and stages', async () => {
    const member = await joinByInvitation(t.app, a, 'member');
    const admin = await joinByInvitation(t.app, a, 'admin');
    const [sales] = await pipelines(a);
    const stage = sales!.stages[0]!;
    for (const [method, url, payload] of [
      ['POST', '/pipelines', { name: 'By a member' }],
      ['PATCH', `/pipelines/${sales!.id}`, { name: 'Renamed by a member' }],
      ['DELETE', `/pipelines/${sales!.id}`, undefined],
      ['POST', `/pipelines/${sales!.id}/stages`, { name: 'New' }],
      ['PATCH', `/pipelines/${sales!.id}/stages/${stage.id}`, { name: 'Renamed' }],
      ['DELETE', `/pipelines/${sales!.id}/stages/${stage.id}`, undefined],
    ] as const) {
      const response = await call(method, url, member, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(403);
    }
    expect((await pipelines(a))[0]).toEqual(sales);

    const byAdmin = await createPipeline(admin, { name: 'By an admin' });
    expect(byAdmin.name).toBe('By an admin');
  });

  it("keeps one organization's pipelines and stages out of reach of the other", async () => {
    const [aSales] = await pipelines(a);
    const [bSales] = await pipelines(b);
    const aStage = aSales!.stages[0]!;
    const bStage = bSales!.stages[0]!;
    expect((await pipelines(b)).map((p) => p.id)).not.toContain(aSales!.id);
    expect((await pipelines(a)).map((p) => p.id)).not.toContain(bSales!.id);

    for (const [method, url, payload] of [
      ['GET', `/pipelines/${aSales!.id}`, undefined],
      ['PATCH', `/pipelines/${aSales!.id}`, { name: 'Taken over' }],
      ['DELETE', `/pipelines/${aSales!.id}`, undefined],
      ['POST', `/pipelines/${aSales!.id}/stages`, { name: 'Intruder' }],
      ['PATCH', `/pipelines/${aSales!.id}/stages/${aStage.id}`, { name: 'Intruder' }],
      ['DELETE', `/pipelines/${aSales!.id}/stages/${aStage.id}`, undefined],
      // Their stage under our pipeline is no stage of ours either.
      ['PATCH', `/pipelines/${bSales!.id}/stages/${aStage.id}`, { name: 'Intruder' }],
      ['DELETE', `/pipelines/${bSales!.id}/stages/${aStage.id}`, undefined],
    ] as const) {
      const response = await call(method, url, b, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await pipelines(a))[0]).toEqual(aSales);
    expect(bStage.id).not.toBe(aStage.id);
  });
});
