import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asTenant } from './support/as-tenant.js';
import { joinByInvitation } from './support/members.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

let t: TestApp;
let a: SignedUp;
let member: SignedUp;
let b: SignedUp;

const DAY = 86_400_000;
const now = Date.now();
/** The period every test asks for: the last ten days. */
const from = new Date(now - 10 * DAY).toISOString();
const to = new Date(now + DAY).toISOString();
const period = `from=${from}&to=${to}`;

interface Stage {
  id: string;
  name: string;
  pipeline_id: string;
}

async function stagesOf(who: SignedUp): Promise<Record<string, Stage>> {
  const rows = await t.ownerQuery<Stage>(
    `SELECT s.id, s.name, s.pipeline_id FROM pipeline_stages s JOIN pipelines p ON p.id = s.pipeline_id
     WHERE p.org_id = $1 AND p.is_default`,
    [who.orgId],
  );
  return Object.fromEntries(rows.map((row) => [row.name, row]));
}

/**
 * Known data for an organization, scaled by `k` so that two organizations' figures differ:
 * open deals, deals won and lost inside and outside the period, leads inside and outside it,
 * and tasks due at every distance from today.
 */
async function arrange(who: SignedUp, k: number, assignee: SignedUp = who): Promise<void> {
  const stages = await stagesOf(who);
  const deal = (name: string, stage: string, amount: number, closedDaysAgo: number | null) =>
    `('${who.orgId}', '${name}', ${amount * k}, '${stages[stage]!.pipeline_id}', '${stages[stage]!.id}', 10,
      ${closedDaysAgo === null ? 'NULL' : `now() - interval '${closedDaysAgo} days'`})`;
  const lead = (status: string, source: string | null, createdDaysAgo: number) =>
    `('${who.orgId}', 'Lead', '${status}', ${source ? `'${source}'` : 'NULL'}, now() - interval '${createdDaysAgo} days')`;
  const task = (title: string, due: string, status = 'open', user = assignee) =>
    `('${who.orgId}', '${title}', ${due}, '${status}', '${user.userId}',
      ${status === 'done' ? 'now()' : 'NULL'})`;
  const today = "date_trunc('day', now(), 'UTC')";
  await asTenant(
    t,
    who,
    `INSERT INTO deals (org_id, name, amount, pipeline_id, stage_id, probability, closed_at) VALUES
       ${deal('Small', 'Prospecting', 100, null)}, ${deal('Medium', 'Prospecting', 200, null)},
       ${deal('Large', 'Proposal', 1000, null)},
       ${deal('Won now', 'Closed won', 500, 2)}, ${deal('Won long ago', 'Closed won', 700, 40)},
       ${deal('Lost now', 'Closed lost', 300, 1)};
     INSERT INTO leads (org_id, last_name, status, source, created_at) VALUES
       ${lead('new', 'web', 1)}, ${lead('new', null, 2)}, ${lead('contacted', 'referral', 3)},
       ${lead('qualified', 'web', 30)};
     INSERT INTO tasks (org_id, title, due_at, status, assignee_id, completed_at) VALUES
       ${task('Call back', `${today} + interval '23 hours'`)},
       ${task('Send quote', `${today} + interval '1 minute'`, 'in_progress')},
       ${task('Chase invoice', `${today} - interval '3 days'`)},
       ${task('Old and done', `${today} - interval '2 days'`, 'done')},
       ${task('Tomorrow', `${today} + interval '1 day 1 hour'`)},
       ${task('No date', 'NULL')}`,
  );
}

beforeAll(async () => {
  t = await createTestApp();
  a = await signUp(t.app, 'dash-a');
  member = await joinByInvitation(t.app, a, 'member');
  b = await signUp(t.app, 'dash-b');
  await arrange(a, 1);
  await arrange(b, 10);
  // A colleague's task is not the caller's.
  await asTenant(
    t,
    a,
    `INSERT INTO tasks (org_id, title, due_at, assignee_id)
     VALUES ('${a.orgId}', 'Colleague''s call', now() - interval '1 day', '${member.userId}')`,
  );
});
afterAll(async () => {
  await t.close();
});

const get = (who: SignedUp, query: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/dashboard?${query}`, headers: who.auth });

async function dashboard(who: SignedUp, query = period) {
  const response = await get(who, query);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('dashboard', () => {
  it('sums the open pipeline by stage and counts deals won and lost in the period', async () => {
    const stages = await stagesOf(a);
    const body = await dashboard(a);
    expect(body.period).toEqual({
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      tz: 'UTC',
    });
    expect(body.pipeline).toEqual({
      id: stages['Prospecting']!.pipeline_id,
      name: 'Sales',
      stages: [
        { stage_id: stages['Prospecting']!.id, name: 'Prospecting', count: 2, amount: 300 },
        { stage_id: stages['Qualification']!.id, name: 'Qualification', count: 0, amount: 0 },
        { stage_id: stages['Proposal']!.id, name: 'Proposal', count: 1, amount: 1000 },
        { stage_id: stages['Negotiation']!.id, name: 'Negotiation', count: 0, amount: 0 },
      ],
    });
    expect(body.deals).toEqual({ won: { count: 1, amount: 500 }, lost: { count: 1, amount: 300 } });

    // The other organization's figures are its own (ten times A's).
    const theirs = await dashboard(b);
    expect(theirs.pipeline.stages[0]).toMatchObject({ count: 2, amount: 3000 });
    expect(theirs.deals).toEqual({
      won: { count: 1, amount: 5000 },
      lost: { count: 1, amount: 3000 },
    });
    // Widening the period brings in the deal won long ago.
    const wide = await dashboard(a, `from=${new Date(now - 60 * DAY).toISOString()}&to=${to}`);
    expect(wide.deals.won).toEqual({ count: 2, amount: 1200 });
  });

  it('shows another pipeline when asked, and none of another organization', async () => {
    const [other] = await t.ownerQuery<{ id: string }>(
      "INSERT INTO pipelines (org_id, name, position) VALUES ($1, 'Renewals', 1) RETURNING id",
      [a.orgId],
    );
    const [stage] = await t.ownerQuery<{ id: string }>(
      `INSERT INTO pipeline_stages (org_id, pipeline_id, name, position, probability)
       VALUES ($1, $2, 'Renewing', 0, 50) RETURNING id`,
      [a.orgId, other!.id],
    );
    await t.ownerQuery(
      `INSERT INTO deals (org_id, name, amount, pipeline_id, stage_id, probability)
       VALUES ($1, 'Renewal', 42, $2, $3, 50)`,
      [a.orgId, other!.id, stage!.id],
    );
    const renewals = await dashboard(a, `${period}&pipeline_id=${other!.id}`);
    expect(renewals.pipeline).toEqual({
      id: other!.id,
      name: 'Renewals',
      stages: [{ stage_id: stage!.id, name: 'Renewing', count: 1, amount: 42 }],
    });
    expect(renewals.deals).toEqual({ won: { count: 0, amount: 0 }, lost: { count: 0, amount: 0 } });

    const theirPipeline = (await stagesOf(b))['Prospecting']!.pipeline_id;
    const foreign = await get(a, `pipeline_id=${theirPipeline}`);
    const missing = await get(a, 'pipeline_id=00000000-0000-4000-8000-000000000000');
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toEqual(missing.json());
  });

  it('counts leads created in the period by status and by source', async () => {
    const body = await dashboard(a);
    expect(body.leads.by_status).toEqual([
      { status: 'new', count: 2 },
      { status: 'contacted', count: 1 },
      { status: 'qualified', count: 0 },
      { status: 'unqualified', count: 0 },
      { status: 'converted', count: 0 },
    ]);
    expect(body.leads.by_source).toEqual([
      { source: 'web', count: 1 },
      { source: 'referral', count: 1 },
      { source: 'cold_call', count: 0 },
      { source: 'event', count: 0 },
      { source: 'partner', count: 0 },
      { source: 'advertisement', count: 0 },
      { source: 'other', count: 0 },
      { source: null, count: 1 },
    ]);
  });

  it("lists the caller's unfinished tasks due today and overdue", async () => {
    const { tasks } = await dashboard(a);
    expect(tasks.due_today.data.map((task: { title: string }) => task.title)).toEqual([
      'Send quote',
      'Call back',
    ]);
    expect(tasks.due_today.total).toBe(2);
    expect(tasks.overdue).toEqual({
      data: [
        {
          id: expect.any(String),
          title: 'Chase invoice',
          due_at: expect.any(String),
          priority: 'normal',
          status: 'open',
          record: null,
        },
      ],
      total: 1,
    });
    const colleague = await dashboard(member);
    expect(colleague.tasks.overdue.data.map((task: { title: string }) => task.title)).toEqual([
      "Colleague's call",
    ]);
    expect(colleague.tasks.due_today).toEqual({ data: [], total: 0 });
  });

  it('names the record a task is about, as search names its type', async () => {
    const [deal] = await t.ownerQuery<{ id: string }>(
      "SELECT id FROM deals WHERE org_id = $1 AND name = 'Large'",
      [a.orgId],
    );
    await asTenant(
      t,
      a,
      `INSERT INTO tasks (org_id, title, due_at, assignee_id, deal_id)
       VALUES ('${a.orgId}', 'Deal task', now() - interval '30 days', '${a.userId}', '${deal!.id}')`,
    );
    const { tasks } = await dashboard(a);
    expect(tasks.overdue.data[0]).toMatchObject({
      title: 'Deal task',
      record: { type: 'deal', id: deal!.id },
    });
  });

  it('shows recent activity with who acted: members see changes of records only', async () => {
    const mine = await dashboard(a);
    expect(mine.recent_activity.length).toBeGreaterThan(10);
    const times = mine.recent_activity.map((e: { occurred_at: string }) => e.occurred_at);
    expect([...times].sort().reverse()).toEqual(times);
    const taskEntry = mine.recent_activity.find(
      (e: { table_name: string | null }) => e.table_name === 'tasks',
    );
    expect(taskEntry).toMatchObject({
      actor: { id: a.userId, name: expect.stringMatching(/^dash-a /) },
      action: 'insert',
      fields: expect.arrayContaining(['id', 'title', 'due_at']),
    });
    expect(JSON.stringify(mine)).not.toContain(b.userId);
    expect(JSON.stringify(mine)).not.toContain(b.orgId);

    // A security event, an invitation and a membership: not changes to CRM records.
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: a.email, password: a.password },
    });
    const invited = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations',
      headers: a.auth,
      payload: { email: 'newcomer@example.com', role: 'member' },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const crm = ['leads', 'accounts', 'contacts', 'deals', 'tasks', 'notes'];
    for (const who of [a, member]) {
      const activity = (await dashboard(who)).recent_activity as Array<{ table_name: string }>;
      expect(activity.length).toBeGreaterThan(10);
      expect(activity.filter((e) => !crm.includes(e.table_name))).toEqual([]);
    }
  });

  it('forecasts open deals in the organization currency by expected close month, weighted by stage', async () => {
    const stages = await stagesOf(a);
    const deal = (name: string, stage: string, amount: number, month: number, currency = 'USD') =>
      `('${a.orgId}', '${name}', ${amount}, '${currency}', '${stages[stage]!.pipeline_id}',
        '${stages[stage]!.id}', 0, (date_trunc('month', now(), 'UTC') + interval '${month} months' + interval '3 days')::date)`;
    await asTenant(
      t,
      a,
      `INSERT INTO deals (org_id, name, amount, currency, pipeline_id, stage_id, probability, expected_close_date) VALUES
         ${deal('Now', 'Prospecting', 1000, 0)}, ${deal('Also now', 'Proposal', 400, 0)},
         ${deal('Next', 'Negotiation', 2000, 1)}, ${deal('Far', 'Proposal', 5000, 6)},
         ${deal('Won', 'Closed won', 9000, 0)}, ${deal('Euros', 'Proposal', 800, 2, 'EUR')}`,
    );
    const { forecast } = await dashboard(a);
    expect(forecast.currency).toBe('USD');
    expect(forecast.other_currency_deals).toBe(1);
    expect(forecast.months).toHaveLength(6);
    const first = new Date();
    const month = (n: number) =>
      new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + n, 1))
        .toISOString()
        .slice(0, 10);
    expect(forecast.months.slice(0, 3)).toEqual([
      { month: month(0), count: 2, amount: 1400, weighted: 300 },
      { month: month(1), count: 1, amount: 2000, weighted: 1500 },
      { month: month(2), count: 0, amount: 0, weighted: 0 },
    ]);
    expect(forecast.months[5].month).toBe(month(5));
    expect((await dashboard(b)).forecast.months[0]).toMatchObject({ count: 0, weighted: 0 });
  });

  it('says which period the lead counts cover', async () => {
    const { leads, period: shown } = await dashboard(a);
    expect(leads.created).toEqual({ from: shown.from, to: shown.to });
  });

  it('defaults to the current month, in the time zone asked for', async () => {
    const date = new Date();
    const monthStart = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
    const body = await dashboard(a, '');
    expect(body.period).toEqual({
      from: new Date(monthStart).toISOString(),
      to: new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)).toISOString(),
      tz: 'UTC',
    });
    // Fourteen hours ahead of UTC, the month starts fourteen hours earlier (and may already be
    // the next one there).
    const ahead = await dashboard(a, 'tz=Pacific/Kiritimati');
    const there = new Date(Date.now() + 14 * 3_600_000);
    expect(ahead.period).toEqual({
      from: new Date(
        Date.UTC(there.getUTCFullYear(), there.getUTCMonth(), 1) - 14 * 3_600_000,
      ).toISOString(),
      to: new Date(
        Date.UTC(there.getUTCFullYear(), there.getUTCMonth() + 1, 1) - 14 * 3_600_000,
      ).toISOString(),
      tz: 'Pacific/Kiritimati',
    });
  });

  it('takes a time zone in any case or by an alias, as the task list does', async () => {
    for (const [tz, named] of [
      ['utc', 'UTC'],
      ['europe/paris', 'Europe/Paris'],
    ] as const) {
      const body = await dashboard(a, `tz=${tz}`);
      expect(body.period.tz, tz).toBe(named);
    }
  });

  it('answers bad parameters with 400 naming them', async () => {
    for (const [query, field] of [
      ['from=yesterday', 'from'],
      ['to=2026-02-30T00:00:00Z', 'to'],
      ['from=0000-01-01T00:00:00Z', 'from'],
      [`from=${to}&to=${from}`, 'to'],
      [`from=2999-01-01T00:00:00Z`, 'from'],
      ['pipeline_id=sales', 'pipeline_id'],
      ['tz=Mars/Olympus_Mons', 'tz'],
      ['tz=UTC%3B%20DROP', 'tz'],
      ['owner_id=00000000-0000-4000-8000-000000000000', 'owner_id'],
    ] as const) {
      const response = await get(a, query);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.details.fields[0].field, query).toBe(field);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/dashboard' })).statusCode).toBe(401);
  });
});
