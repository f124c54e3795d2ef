import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinByInvitation } from './support/members.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';
import { findTenantWallViolations } from '../src/db/tenant-wall.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ poolSize: 10 });
});
afterAll(async () => {
  await t.close();
});

type Method = 'GET' | 'POST' | 'DELETE';
const call = (method: Method, url: string, who: { auth: { authorization: string } }) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: who.auth });

const EXPECTED_COUNTS = {
  accounts: 30,
  contacts: expect.any(Number),
  leads: 36,
  deals: 36,
  tasks: 24,
  notes: 12,
  tags: 5,
};
const NOTHING = { accounts: 0, contacts: 0, leads: 0, deals: 0, tasks: 0, notes: 0, tags: 0 };

async function load(who: SignedUp) {
  const response = await call('POST', '/sample-data', who);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ loaded: boolean; counts: Record<string, number> }>();
}

/** How many rows of each record table an organization has, counted past RLS. */
async function rowCounts(orgId: string): Promise<Record<string, number>> {
  const [row] = await t.ownerQuery<Record<string, number>>(
    `SELECT
       (SELECT count(*)::int FROM accounts WHERE org_id = $1) AS accounts,
       (SELECT count(*)::int FROM contacts WHERE org_id = $1) AS contacts,
       (SELECT count(*)::int FROM leads WHERE org_id = $1) AS leads,
       (SELECT count(*)::int FROM deals WHERE org_id = $1) AS deals,
       (SELECT count(*)::int FROM tasks WHERE org_id = $1) AS tasks,
       (SELECT count(*)::int FROM notes WHERE org_id = $1) AS notes,
       (SELECT count(*)::int FROM tags WHERE org_id = $1) AS tags`,
    [orgId],
  );
  return row!;
}

/** What makes a sample recognizable, whatever ids it got. */
async function fingerprint(orgId: string) {
  const [row] = await t.ownerQuery(
    `SELECT
       (SELECT array_agg(name || ' ' || industry || ' ' || domain ORDER BY name) FROM accounts WHERE org_id = $1) AS accounts,
       (SELECT array_agg(email ORDER BY email) FROM contacts WHERE org_id = $1) AS contacts,
       (SELECT array_agg(last_name || ' ' || status || ' ' || coalesce(source, '') ORDER BY email) FROM leads WHERE org_id = $1) AS leads,
       (SELECT array_agg(o.name || ' ' || o.amount || ' ' || s.name ORDER BY o.name, o.amount)
          FROM deals o JOIN pipeline_stages s ON s.org_id = o.org_id AND s.id = o.stage_id
         WHERE o.org_id = $1) AS deals,
       (SELECT array_agg(title ORDER BY title) FROM tasks WHERE org_id = $1) AS tasks`,
    [orgId],
  );
  return row;
}

describe('loading sample data', () => {
  // How fast it loads is not asserted here: a shared machine's load decides a wall-clock time.
  it('fills an organization with a realistic set in one transaction, the same every time', async () => {
    const admin = await signUp(t.app, 'sample');
    const loaded = await load(admin);
    expect(loaded).toEqual({ loaded: true, counts: EXPECTED_COUNTS });
    expect(loaded.counts.contacts).toBeGreaterThanOrEqual(30);
    expect(await rowCounts(admin.orgId)).toEqual(loaded.counts);
    expect((await call('GET', '/sample-data', admin)).json()).toEqual(loaded);

    const accounts = await t.ownerQuery<{ name: string; domain: string; industry: string }>(
      'SELECT name, domain, industry FROM accounts WHERE org_id = $1',
      [admin.orgId],
    );
    expect(new Set(accounts.map((a) => a.industry)).size).toBeGreaterThan(10);
    for (const account of accounts) expect(account.domain).toMatch(/^[a-z0-9-]+\.example$/);

    const orphans = await t.ownerQuery(
      `SELECT c.email FROM contacts c LEFT JOIN accounts a ON a.org_id = c.org_id AND a.id = c.account_id
       WHERE c.org_id = $1 AND (a.id IS NULL OR split_part(c.email, '@', 2) <> a.domain)`,
      [admin.orgId],
    );
    expect(orphans).toEqual([]);

    const leadSpread = await t.ownerQuery<{ statuses: number; sources: number }>(
      `SELECT count(DISTINCT status)::int AS statuses, count(DISTINCT source)::int AS sources
       FROM leads WHERE org_id = $1`,
      [admin.orgId],
    );
    expect(leadSpread[0]!.statuses).toBeGreaterThanOrEqual(4);
    expect(leadSpread[0]!.sources).toBeGreaterThanOrEqual(4);

    // Deals in every stage of the default pipeline; the closed ones closed, with a date to close.
    const stages = await t.ownerQuery<{
      name: string;
      kind: string;
      deals: number;
      closed: number;
    }>(
      `SELECT s.name, s.kind, count(o.id)::int AS deals, count(o.closed_at)::int AS closed
       FROM pipeline_stages s JOIN pipelines p ON p.org_id = s.org_id AND p.id = s.pipeline_id
       LEFT JOIN deals o ON o.org_id = s.org_id AND o.stage_id = s.id
       WHERE s.org_id = $1 AND p.is_default GROUP BY s.name, s.kind, s.position ORDER BY s.position`,
      [admin.orgId],
    );
    expect(stages).toHaveLength(6);
    for (const stage of stages) {
      expect(stage.deals, stage.name).toBeGreaterThan(0);
      expect(stage.closed, stage.name).toBe(stage.kind === 'open' ? 0 : stage.deals);
    }
    const [deals] = await t.ownerQuery<{ undated: number; free: number }>(
      `SELECT count(*) FILTER (WHERE expected_close_date IS NULL)::int AS undated,
              count(*) FILTER (WHERE amount <= 0)::int AS free
       FROM deals WHERE org_id = $1`,
      [admin.orgId],
    );
    expect(deals).toEqual({ undated: 0, free: 0 });

    // Tasks for the person who loaded it: overdue, due today, coming up, and some done.
    const [tasks] = await t.ownerQuery<Record<string, number>>(
      `SELECT
         count(*) FILTER (WHERE assignee_id <> $2)::int AS others,
         count(*) FILTER (WHERE status <> 'done' AND due_at < date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')::int AS overdue,
         count(*) FILTER (WHERE status <> 'done' AND (due_at AT TIME ZONE 'UTC')::date = (now() AT TIME ZONE 'UTC')::date)::int AS today,
         count(*) FILTER (WHERE status <> 'done' AND (due_at AT TIME ZONE 'UTC')::date > (now() AT TIME ZONE 'UTC')::date)::int AS upcoming,
         count(*) FILTER (WHERE status = 'done')::int AS done
       FROM tasks WHERE org_id = $1`,
      [admin.orgId, admin.userId],
    );
    expect(tasks).toEqual({ others: 0, overdue: 6, today: 5, upcoming: 10, done: 3 });
    const types = await t.ownerQuery<{ type: string }>(
      'SELECT DISTINCT type FROM tasks WHERE org_id = $1 ORDER BY type',
      [admin.orgId],
    );
    expect(types.map((row) => row.type)).toEqual(['call', 'email', 'meeting', 'todo']);

    // The search index and the audit trail filled themselves.
    const found = await call('GET', '/leads?q=lakeside&count=true', admin);
    expect(found.json().total).toBeGreaterThan(0);
    const [audited] = await t.ownerQuery<{ count: number }>(
      `SELECT count(*)::int AS count FROM audit_log
       WHERE org_id = $1 AND table_name = 'accounts' AND action = 'insert' AND actor_id = $2`,
      [admin.orgId, admin.userId],
    );
    expect(audited!.count).toBe(30);

    const other = await signUp(t.app, 'sample-again');
    await load(other);
    expect(await fingerprint(other.orgId)).toEqual(await fingerprint(admin.orgId));
  });

  it('refuses a second load, even two at once', async () => {
    const admin = await signUp(t.app, 'sample-twice');
    const [first, second] = await Promise.all([
      call('POST', '/sample-data', admin),
      call('POST', '/sample-data', admin),
    ]);
    expect([first!.statusCode, second!.statusCode].sort()).toEqual([201, 409]);
    const third = await call('POST', '/sample-data', admin);
    expect(third.statusCode).toBe(409);
    expect(third.json().error.code).toBe('conflict');
    expect((await rowCounts(admin.orgId)).accounts).toBe(30);
  });

  it('leaves what the organization already has alone and works around its names', async () => {
    const admin = await signUp(t.app, 'sample-existing');
    const [vip] = await t.ownerQuery<{ id: string }>(
      "INSERT INTO tags (org_id, name, color) VALUES ($1, 'vip', '#000000') RETURNING id",
      [admin.orgId],
    );
    await t.ownerQuery("INSERT INTO accounts (org_id, name) VALUES ($1, 'Northwind Traders')", [
      admin.orgId,
    ]);
    await t.ownerQuery(
      "INSERT INTO contacts (org_id, last_name, email) VALUES ($1, 'Mine', 'hello@northwind-traders.example')",
      [admin.orgId],
    );
    const loaded = await load(admin);
    expect(loaded.counts.tags).toBe(4);
    const names = await t.ownerQuery<{ name: string }>(
      "SELECT name FROM accounts WHERE org_id = $1 AND name LIKE 'Northwind%' ORDER BY name",
      [admin.orgId],
    );
    expect(names.map((a) => a.name)).toEqual(['Northwind Traders', 'Northwind Traders (sample)']);
    const [tagged] = await t.ownerQuery<{ count: number }>(
      'SELECT count(*)::int AS count FROM record_tags WHERE org_id = $1 AND tag_id = $2',
      [admin.orgId, vip!.id],
    );
    expect(tagged!.count).toBeGreaterThan(0);
  });
});

describe('removing sample data', () => {
  it('removes exactly what was loaded and keeps what people created', async () => {
    const admin = await signUp(t.app, 'sample-remove');
    const [vip] = await t.ownerQuery<{ id: string }>(
      "INSERT INTO tags (org_id, name) VALUES ($1, 'VIP') RETURNING id",
      [admin.orgId],
    );
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads',
      headers: admin.auth,
      payload: { last_name: 'Mine', tag_ids: [vip!.id] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const mine = created.json<{ id: string }>();
    await load(admin);
    const [sample] = await t.ownerQuery<{ account_ids: string[]; tag_ids: string[] }>(
      'SELECT account_ids, tag_ids FROM sample_data_sets WHERE org_id = $1',
      [admin.orgId],
    );
    const sampleAccount = sample!.account_ids[0]!;
    const sampleTag = sample!.tag_ids[0]!;

    // Work people do on top of the sample.
    const [task] = await t.ownerQuery<{ id: string }>(
      "INSERT INTO tasks (org_id, title, account_id) VALUES ($1, 'My follow-up', $2) RETURNING id",
      [admin.orgId, sampleAccount],
    );
    const [contact] = await t.ownerQuery<{ id: string }>(
      "INSERT INTO contacts (org_id, last_name, account_id) VALUES ($1, 'My contact', $2) RETURNING id",
      [admin.orgId, sampleAccount],
    );
    await t.ownerQuery("INSERT INTO notes (org_id, body, lead_id) VALUES ($1, 'My note', $2)", [
      admin.orgId,
      mine.id,
    ]);
    await t.ownerQuery('INSERT INTO record_tags (org_id, tag_id, lead_id) VALUES ($1, $2, $3)', [
      admin.orgId,
      sampleTag,
      mine.id,
    ]);

    const removed = await call('DELETE', '/sample-data', admin);
    expect(removed.statusCode, removed.body).toBe(204);
    expect(await rowCounts(admin.orgId)).toEqual({
      accounts: 0,
      contacts: 1,
      leads: 1,
      deals: 0,
      tasks: 1,
      notes: 1,
      tags: 1,
    });
    const [kept] = await t.ownerQuery(
      `SELECT (SELECT account_id FROM tasks WHERE id = $1) AS task_account,
              (SELECT account_id FROM contacts WHERE id = $2) AS contact_account,
              (SELECT array_agg(tag_id) FROM record_tags WHERE lead_id = $3) AS lead_tags`,
      [task!.id, contact!.id, mine.id],
    );
    expect(kept).toEqual({ task_account: null, contact_account: null, lead_tags: [vip!.id] });
    expect((await call('GET', '/sample-data', admin)).json()).toEqual({
      loaded: false,
      counts: NOTHING,
    });
    expect((await call('DELETE', '/sample-data', admin)).statusCode).toBe(404);

    // And it can be loaded again; the organization's own VIP tag is used, not duplicated.
    expect((await load(admin)).counts).toEqual({ ...EXPECTED_COUNTS, tags: 4 });
  });
});

describe('who may load and remove it', () => {
  it('is for admins and owners; members may see whether it is loaded', async () => {
    const owner = await signUp(t.app, 'sample-roles');
    const member = await joinByInvitation(t.app, owner, 'member');
    const admin = await joinByInvitation(t.app, owner, 'admin');
    expect((await call('POST', '/sample-data', member)).statusCode).toBe(403);
    expect((await rowCounts(owner.orgId)).accounts).toBe(0);

    const loaded = await load(admin);
    const seen = await call('GET', '/sample-data', member);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toEqual(loaded);
    expect((await call('DELETE', '/sample-data', member)).statusCode).toBe(403);
    expect((await rowCounts(owner.orgId)).accounts).toBe(30);
    expect((await call('DELETE', '/sample-data', owner)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/sample-data' })).statusCode).toBe(
      401,
    );
  });
});

describe('isolation between organizations', () => {
  it("loads into and removes from the caller's organization only", async () => {
    const a = await signUp(t.app, 'sample-iso-a');
    const b = await signUp(t.app, 'sample-iso-b');
    await load(a);
    expect((await call('GET', '/sample-data', b)).json()).toEqual({
      loaded: false,
      counts: NOTHING,
    });
    expect((await call('DELETE', '/sample-data', b)).statusCode).toBe(404);
    expect((await call('GET', '/leads?count=true&limit=1', b)).json().total).toBe(0);

    await load(b);
    const aCounts = await rowCounts(a.orgId);
    expect((await call('DELETE', '/sample-data', b)).statusCode).toBe(204);
    expect(await rowCounts(b.orgId)).toEqual(NOTHING);
    expect(await rowCounts(a.orgId)).toEqual(aCounts);
    expect((await call('GET', '/sample-data', a)).json().loaded).toBe(true);
  });
});

describe('the record of what was loaded', () => {
  it('sits behind the tenant wall like every tenant table', async () => {
    const violations = await findTenantWallViolations(
      { query: async (text, values) => ({ rows: await t.ownerQuery(text, values) }) },
      'public',
    );
    expect(violations.filter((v) => v.subject === 'sample_data_sets')).toEqual([]);
    const [table] = await t.ownerQuery<{ forced: boolean }>(
      "SELECT relforcerowsecurity AS forced FROM pg_class WHERE oid = 'sample_data_sets'::regclass",
    );
    expect(table).toEqual({ forced: true });
  });
});
