import type { Runner } from 'graphile-worker';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_KIND_LIST } from '../src/modules/records/registry.js';
import { seedRecord } from './support/crm-records.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';
import { drainJobs, startTestWorker } from './support/worker.js';

// The history and search terms of records are written by statement (migration 0015): an
// import's thousands of rows, a bulk change's many, a form's one. Each record must still get
// exactly its own entry and its own terms.

let t: TestApp;
let worker: Runner;
let a: SignedUp;
let b: SignedUp;

beforeAll(async () => {
  t = await createTestApp({ poolSize: 10 });
  worker = await startTestWorker(t);
  a = await signUp(t.app, 'statement-a');
  b = await signUp(t.app, 'statement-b');
});
afterAll(async () => {
  await worker.stop();
  await t.close();
});

type Who = { auth: { authorization: string } };
const call = (who: Who, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: who.auth, payload });

interface Entry {
  action: string;
  table_name: string;
  actor_id: string | null;
  import_id: string | null;
  changes: Record<string, { old?: unknown; new?: unknown }>;
}

const entriesOf = (id: string) =>
  t.ownerQuery<Entry>(
    `SELECT action, table_name, actor_id, import_id, changes FROM audit_log
     WHERE record_id = $1 ORDER BY id`,
    [id],
  );

const termsOf = async (id: string) =>
  (
    await t.ownerQuery<{ term: string; weight: number }>(
      'SELECT term, weight FROM search_terms WHERE record_id = $1',
      [id],
    )
  )
    .map((row) => `${row.weight}:${row.term}`)
    .sort();

const leadByEmail = async (org: SignedUp, email: string) => {
  const [lead] = await t.ownerQuery<{ id: string }>(
    'SELECT id FROM leads WHERE org_id = $1 AND email = $2',
    [org.orgId, email],
  );
  return lead!.id;
};

async function importLeads(
  who: Who,
  file: string,
  fields: string[],
  duplicates: 'skip' | 'update' = 'skip',
) {
  const upload = await t.app.inject({
    method: 'POST',
    url: '/api/v1/imports?kind=lead&file_name=leads.csv',
    headers: { ...who.auth, 'content-type': 'text/csv' },
    payload: file,
  });
  expect(upload.statusCode, upload.body).toBe(201);
  const id = upload.json<{ id: string }>().id;
  const dry = await call(who, 'POST', `/imports/${id}/dry-run`, {
    mapping: fields.map((field, column) => ({ column, field })),
    duplicates,
  });
  expect(dry.statusCode, dry.body).toBe(200);
  expect((await call(who, 'POST', `/imports/${id}/run`)).statusCode).toBe(202);
  await drainJobs(t, 120_000);
  const done = (await call(who, 'GET', `/imports/${id}`)).json<{
    status: string;
    counts: Record<string, number>;
  }>();
  expect(done.status).toBe('completed');
  return { id, counts: done.counts };
}

// The terms of "Zoë Ångström", zoe@example.com, "Acme Ltd", "+1 (555) 123-4": each word folded
// (accents and case), each whole value, and the phone number as bare digits; a word found in
// two values keeps the higher weight.
const ZOE_TERMS = [
  '1:+1 (555) 123-4',
  '1:1',
  '1:123',
  '1:15551234',
  '1:4',
  '1:555',
  '2:acme',
  '2:acme ltd',
  '2:com',
  '2:example',
  '2:ltd',
  '2:zoe@example.com',
  '3:angstrom',
  '3:zoe',
  '3:zoe angstrom',
];

describe('an import of thousands of leads', () => {
  let importId: string;
  let zoe: string;

  beforeAll(async () => {
    // More rows than one batch of the run, so that the run writes them in several statements.
    const rows = Array.from(
      { length: 2_500 },
      (_, i) => `Person,Number ${i},person${i}@example.com,Company ${i},555 ${i}`,
    );
    const file = [
      'First name,Last name,Email,Company,Phone',
      'Zoë,Ångström,zoe@example.com,Acme Ltd,+1 (555) 123-4',
      ...rows,
    ].join('\n');
    const run = await importLeads(a, file, [
      'first_name',
      'last_name',
      'email',
      'company',
      'phone',
    ]);
    importId = run.id;
    expect(run.counts).toEqual({ created: 2_501, updated: 0, skipped: 0, rejected: 0 });
    zoe = await leadByEmail(a, 'zoe@example.com');
  }, 180_000);

  it('gives every lead one history entry, by its importer, naming the import', async () => {
    const [counts] = await t.ownerQuery<{ entries: number; leads: number; named: number }>(
      `SELECT count(*)::int AS entries, count(DISTINCT record_id)::int AS leads,
         count(*) FILTER (WHERE import_id = $2 AND actor_id = $3 AND action = 'insert')::int AS named
       FROM audit_log WHERE org_id = $1 AND table_name = 'leads'`,
      [a.orgId, importId, a.userId],
    );
    expect(counts).toEqual({ entries: 2_501, leads: 2_501, named: 2_501 });
    expect(await entriesOf(zoe)).toEqual([
      {
        action: 'insert',
        table_name: 'leads',
        actor_id: a.userId,
        import_id: importId,
        changes: {
          id: { new: zoe },
          first_name: { new: 'Zoë' },
          last_name: { new: 'Ångström' },
          email: { new: 'zoe@example.com' },
          company: { new: 'Acme Ltd' },
          phone: { new: '+1 (555) 123-4' },
          status: { new: 'new' },
          currency: { new: 'USD' },
          address: { new: {} },
          description: { new: '' },
          do_not_contact: { new: false },
          created_by: { new: a.userId },
        },
      },
    ]);
    const history = await call(a, 'GET', `/audit-log/records/${zoe}`);
    expect(history.json().data).toEqual([
      expect.objectContaining({ action: 'insert', import_id: importId }),
    ]);
    expect((await call(b, 'GET', `/audit-log/records/${zoe}`)).statusCode).toBe(404);
  });

  it('writes the same entry a lead created in the app gets, but for its id and import', async () => {
    const created = await call(a, 'POST', '/leads', {
      first_name: 'Zoë',
      last_name: 'Ångström',
      email: 'zoe.twin@example.com',
      company: 'Acme Ltd',
      phone: '+1 (555) 123-4',
    });
    expect(created.statusCode, created.body).toBe(201);
    const twin = created.json<{ id: string }>().id;
    const [imported] = await entriesOf(zoe);
    const [typed] = await entriesOf(twin);
    // The app makes a lead's creator its owner; an import sets an owner only when mapped.
    const withoutIdentity = ({
      id: _id,
      email: _email,
      owner_id: _owner,
      ...rest
    }: Entry['changes']) => rest;
    expect(typed).toMatchObject({ action: 'insert', import_id: null, actor_id: a.userId });
    expect(withoutIdentity(imported!.changes)).toEqual(withoutIdentity(typed!.changes));
  });

  it('makes every lead findable by its words, in its organization only', async () => {
    expect(await termsOf(zoe)).toEqual(ZOE_TERMS);
    const [indexed] = await t.ownerQuery<{ records: number }>(
      `SELECT count(DISTINCT record_id)::int AS records FROM search_terms
       WHERE org_id = $1 AND record_type = 'lead'`,
      [a.orgId],
    );
    expect(indexed!.records).toBeGreaterThanOrEqual(2_501);
    const found = await call(a, 'GET', '/search?q=angstrom');
    expect(found.json().data.map((hit: { id: string }) => hit.id)).toContain(zoe);
    const last = await call(a, 'GET', '/search?q=person2499@example.com');
    expect(last.json().data).toEqual([expect.objectContaining({ title: 'Person Number 2499' })]);
    expect((await call(b, 'GET', '/search?q=angstrom')).json().data).toEqual([]);
  });

  it('records an update by import only where a value changed, and moves the terms', async () => {
    const file = [
      'Email,Company',
      'zoe@example.com,Globex Corp',
      // The same company again: no change, so no entry.
      'person1@example.com,Company 1',
    ].join('\n');
    const run = await importLeads(a, file, ['email', 'company'], 'update');
    expect(run.counts).toEqual({ created: 0, updated: 2, skipped: 0, rejected: 0 });
    expect((await entriesOf(zoe)).slice(1)).toEqual([
      {
        action: 'update',
        table_name: 'leads',
        actor_id: a.userId,
        import_id: run.id,
        changes: { company: { old: 'Acme Ltd', new: 'Globex Corp' } },
      },
    ]);
    expect(await entriesOf(await leadByEmail(a, 'person1@example.com'))).toHaveLength(1);
    const terms = await termsOf(zoe);
    expect(terms).toEqual(expect.arrayContaining(['2:globex', '2:corp', '2:globex corp']));
    expect(terms).not.toEqual(expect.arrayContaining(['2:acme']));
  });

  it('undo deletes what the import created, with their history and without their terms', async () => {
    const person = await leadByEmail(a, 'person7@example.com');
    const undo = await call(a, 'POST', `/imports/${importId}/undo`, { delete_edited: true });
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json()).toMatchObject({ deleted: 2_501 });
    expect((await entriesOf(person)).map((e) => e.action)).toEqual(['insert', 'delete']);
    expect(await termsOf(person)).toEqual([]);
    expect(await termsOf(zoe)).toEqual([]);
    const [left] = await t.ownerQuery<{ terms: number }>(
      `SELECT count(*)::int AS terms FROM search_terms s
       WHERE s.org_id = $1 AND s.record_type = 'lead'
         AND NOT EXISTS (SELECT 1 FROM leads l WHERE l.org_id = s.org_id AND l.id = s.record_id)`,
      [a.orgId],
    );
    expect(left!.terms).toBe(0);
  });
});

describe('records changed many at once, or one at a time', () => {
  for (const { kind, path, table } of RECORD_KIND_LIST) {
    it(`gives each of many ${path} its own entry and terms, and takes them away on delete`, async () => {
      const ids = [
        await seedRecord(t, a, kind, `Statement ${kind} one`),
        await seedRecord(t, a, kind, `Statement ${kind} two`),
        await seedRecord(t, a, kind, `Statement ${kind} three`, null),
      ];
      // Only the third has no owner: assigning all three to the same member changes it alone.
      const assigned = await call(a, 'POST', `/${path}/bulk`, {
        ids,
        action: 'assign_owner',
        owner_id: a.userId,
      });
      expect(assigned.statusCode, assigned.body).toBe(200);
      for (const [i, id] of ids.entries()) {
        const updates = (await entriesOf(id)).filter((e) => e.action === 'update');
        expect(updates, `${path} ${i}`).toEqual(
          i === 2
            ? [
                {
                  action: 'update',
                  table_name: table,
                  actor_id: a.userId,
                  import_id: null,
                  changes: { owner_id: { new: a.userId } },
                },
              ]
            : [],
        );
        expect(await termsOf(id)).toEqual(expect.arrayContaining(['3:statement']));
      }
      const deleted = await call(a, 'POST', `/${path}/bulk`, { ids, action: 'delete' });
      expect(deleted.statusCode, deleted.body).toBe(200);
      for (const id of ids) {
        const deletes = (await entriesOf(id)).filter((e) => e.action === 'delete');
        expect(deletes).toEqual([
          expect.objectContaining({ table_name: table, actor_id: a.userId }),
        ]);
        expect(await termsOf(id)).toEqual([]);
      }
    });
  }

  it('records one change of one record, and nothing for a change to the same value', async () => {
    const lead = (await call(a, 'POST', '/leads', { last_name: 'Single', company: 'Old' })).json<{
      id: string;
    }>();
    expect((await call(a, 'PATCH', `/leads/${lead.id}`, { company: 'New' })).statusCode).toBe(200);
    expect((await call(a, 'PATCH', `/leads/${lead.id}`, { company: 'New' })).statusCode).toBe(200);
    expect((await entriesOf(lead.id)).map((e) => [e.action, e.changes['company']])).toEqual([
      ['insert', { new: 'Old' }],
      ['update', { old: 'Old', new: 'New' }],
    ]);
    const terms = await termsOf(lead.id);
    expect(terms).toEqual(expect.arrayContaining(['2:new', '3:single']));
    expect(terms).not.toContain('2:old');
  });
});

describe('changing one record of a large organization', () => {
  it("reads that record's search terms by the index, not all of the organization's", async () => {
    const big = await signUp(t.app, 'statement-big');
    await t.ownerQuery(
      `INSERT INTO leads (org_id, first_name, last_name, email)
       SELECT $1, 'Many', 'Lead ' || n, 'many' || n || '@example.com' FROM generate_series(1, 3000) n`,
      [big.orgId],
    );
    const lead = await seedRecord(t, big, 'lead', 'Changed');
    const client = new pg.Client({ connectionString: t.testDb.ownerUrl });
    await client.connect();
    try {
      // A fresh session: the trigger's statements are planned for this one-row change.
      await client.query('BEGIN');
      await client.query("SELECT set_config('app.current_org', $1, true)", [big.orgId]);
      await client.query("UPDATE leads SET company = 'Renamed' WHERE org_id = $1 AND id = $2", [
        big.orgId,
        lead,
      ]);
      await client.query('DELETE FROM leads WHERE org_id = $1 AND id = $2', [big.orgId, lead]);
      const { rows } = await client.query<{ seq_scan: number; fetched: number }>(
        `SELECT seq_scan::int, idx_tup_fetch::int AS fetched
         FROM pg_stat_xact_user_tables WHERE relname = 'search_terms'`,
      );
      // The lead's own few terms, twice; the organization has some 30,000.
      expect(rows[0]!.seq_scan).toBe(0);
      expect(rows[0]!.fetched).toBeLessThan(50);
    } finally {
      await client.query('ROLLBACK');
      await client.end();
    }
  });
});
