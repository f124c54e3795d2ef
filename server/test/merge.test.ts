import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCES } from '../src/modules/merge/merge.repo.js';
import { RECORD_KINDS } from '../src/modules/records/registry.js';
import { joinByInvitation } from './support/members.js';
import { countStatements } from './support/statements.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

let t: TestApp;
let a: SignedUp;
let b: SignedUp;

beforeAll(async () => {
  t = await createTestApp();
  a = await signUp(t.app, 'merge-a');
  b = await signUp(t.app, 'merge-b');
});
afterAll(async () => {
  await t.close();
});

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const call = (method: Method, url: string, who: SignedUp, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: who.auth, payload });

async function created(who: SignedUp, url: string, payload: object): Promise<{ id: string }> {
  const response = await call('POST', url, who, payload);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

let counter = 0;
const contact = (who: SignedUp, fields: object = {}) =>
  created(who, '/contacts', {
    first_name: 'Ada',
    last_name: 'Lovelace',
    email: `ada${++counter}@engines.example`,
    ...fields,
  });

const ids = <T extends { id: string }>(rows: T[]) => rows.map((row) => row.id).sort();

describe('merging records', () => {
  it('keeps the chosen values and moves notes, tasks, tags, deals and deal contacts to the survivor', async () => {
    const account = await created(a, '/accounts', { name: 'Analytical Engines' });
    const survivor = await contact(a, { phone: '+44 20 7946 0000', job_title: 'Analyst' });
    const merged = await contact(a, {
      email: 'countess@engines.example',
      job_title: 'Countess',
      account_id: account.id,
      address: { city: 'London' },
    });
    const other = await contact(a, { first_name: 'Charles', last_name: 'Babbage' });
    const tag = await created(a, '/tags', { name: `vip-${counter}` });
    await call('PATCH', `/contacts/${survivor.id}`, a, { tag_ids: [tag.id] });
    await call('PATCH', `/contacts/${merged.id}`, a, { tag_ids: [tag.id] });
    const notes = [
      await created(a, '/notes', { body: 'Survivor note', contact_id: survivor.id }),
      await created(a, '/notes', { body: 'Merged note', contact_id: merged.id }),
    ];
    const task = await created(a, '/tasks', { title: 'Call Ada', contact_id: merged.id });
    const deals = [
      await created(a, '/deals', { name: 'Engine', primary_contact_id: merged.id }),
      await created(a, '/deals', {
        name: 'Shared',
        primary_contact_id: other.id,
        contact_ids: [survivor.id, merged.id],
      }),
      await created(a, '/deals', {
        name: 'Involved',
        primary_contact_id: other.id,
        contact_ids: [merged.id],
      }),
    ];

    const response = await call('POST', '/contacts/merge', a, {
      survivor_id: survivor.id,
      merged_ids: [merged.id],
      values: { email: merged.id, job_title: merged.id, account_id: merged.id, address: merged.id },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ survivor_id: survivor.id, merged_ids: [merged.id] });

    const kept = (await call('GET', `/contacts/${survivor.id}`, a)).json();
    expect(kept).toMatchObject({
      email: 'countess@engines.example',
      job_title: 'Countess',
      phone: '+44 20 7946 0000',
      account_id: account.id,
      account_name: 'Analytical Engines',
      address: { city: 'London' },
      tags: [expect.objectContaining({ id: tag.id })],
    });
    const onSurvivor = (url: string) =>
      call('GET', url, a).then((r) => ids(r.json().data as Array<{ id: string }>));
    expect(await onSurvivor(`/notes?contact_id=${survivor.id}`)).toEqual(ids(notes));
    expect(await onSurvivor(`/tasks?contact_id=${survivor.id}`)).toEqual([task.id]);
    expect(await onSurvivor(`/deals?contact_id=${survivor.id}`)).toEqual(ids(deals));
    const engine = (await call('GET', `/deals/${deals[0]!.id}`, a)).json();
    expect(engine.primary_contact_id).toBe(survivor.id);
    const shared = (await call('GET', `/deals/${deals[1]!.id}`, a)).json();
    expect(shared.contact_ids).toEqual([survivor.id]);

    // The merged contact's address leads to the survivor.
    const gone = await call('GET', `/contacts/${merged.id}`, a);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.details).toEqual({ merged_into: survivor.id });

    // One entry says what happened; the merged contact's history is read with the survivor's.
    const history = (await call('GET', `/audit-log/records/${survivor.id}?limit=200`, a)).json()
      .data as Array<{ action: string; record_id: string; changes: Record<string, unknown> }>;
    const merges = history.filter((entry) => entry.action === 'record.merged');
    expect(merges).toEqual([
      expect.objectContaining({
        record_id: survivor.id,
        changes: expect.objectContaining({ merged_ids: [merged.id] }),
      }),
    ]);
    expect(
      history.some((entry) => entry.record_id === merged.id && entry.action === 'insert'),
    ).toBe(true);

    // Merging again what was merged changes nothing and adds no second entry.
    const again = await call('POST', '/contacts/merge', a, {
      survivor_id: survivor.id,
      merged_ids: [merged.id],
    });
    expect(again.statusCode, again.body).toBe(200);
    const [entries] = await t.ownerQuery<{ count: string }>(
      `SELECT count(*) FROM audit_log WHERE action = 'record.merged' AND record_id = $1`,
      [survivor.id],
    );
    expect(Number(entries!.count)).toBe(1);
  });

  it('keeps the custom field values chosen from each record, and the survivor’s others', async () => {
    const org = await signUp(t.app, 'merge-custom');
    const define = async (key: string, label: string) => {
      const response = await call('POST', '/custom-fields', org, {
        record_type: 'contact',
        key,
        label,
        field_type: 'text',
      });
      expect(response.statusCode, response.body).toBe(201);
    };
    await define('nickname', 'Nickname');
    await define('hobby', 'Hobby');
    const survivor = await contact(org, { custom_fields: { nickname: 'Ada', hobby: 'Chess' } });
    const merged = await contact(org, { custom_fields: { nickname: 'Countess', hobby: 'Maths' } });
    const response = await call('POST', '/contacts/merge', org, {
      survivor_id: survivor.id,
      merged_ids: [merged.id],
      values: { custom_fields: { nickname: merged.id } },
    });
    expect(response.statusCode, response.body).toBe(200);
    const read = await call('GET', `/contacts/${survivor.id}`, org);
    expect(read.json().custom_fields).toMatchObject({ nickname: 'Countess', hobby: 'Chess' });

    const unknown = await call('POST', '/contacts/merge', org, {
      survivor_id: survivor.id,
      merged_ids: [(await contact(org)).id],
      values: { custom_fields: { shoe_size: survivor.id } },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.message).toContain('values.custom_fields.shoe_size');

    // A required field's value is not taken away by choosing a record that has none.
    const empty = await contact(org);
    const required = await call('POST', '/custom-fields', org, {
      record_type: 'contact',
      key: 'region',
      label: 'Region',
      field_type: 'text',
      required: true,
    });
    expect(required.statusCode, required.body).toBe(201);
    await call('PATCH', `/contacts/${survivor.id}`, org, { custom_fields: { region: 'EMEA' } });
    const emptied = await call('POST', '/contacts/merge', org, {
      survivor_id: survivor.id,
      merged_ids: [empty.id],
      values: { custom_fields: { region: empty.id } },
    });
    expect(emptied.statusCode, emptied.body).toBe(422);
    expect(emptied.json().error.details.fields).toEqual([
      { field: 'values.custom_fields.region', message: '"Region" is required' },
    ]);
    expect((await call('GET', `/contacts/${survivor.id}`, org)).json().custom_fields.region).toBe(
      'EMEA',
    );
  });

  it('merges accounts and leads, moving contacts, deals and notes', async () => {
    const survivor = await created(a, '/accounts', { name: 'Difference Engines' });
    const merged = await created(a, '/accounts', {
      name: 'Difference Engines Ltd',
      domain: 'difference.example',
    });
    const person = await contact(a, { account_id: merged.id });
    const deal = await created(a, '/deals', { name: 'Gears', account_id: merged.id });
    const response = await call('POST', '/accounts/merge', a, {
      survivor_id: survivor.id,
      merged_ids: [merged.id],
      values: { domain: merged.id },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect((await call('GET', `/accounts/${survivor.id}`, a)).json()).toMatchObject({
      name: 'Difference Engines',
      domain: 'difference.example',
    });
    expect((await call('GET', `/contacts/${person.id}`, a)).json().account_id).toBe(survivor.id);
    expect((await call('GET', `/deals/${deal.id}`, a)).json().account_id).toBe(survivor.id);

    const leads = [
      await created(a, '/leads', { first_name: 'Jo', last_name: 'March', email: 'jo@a.example' }),
      await created(a, '/leads', { first_name: 'Jo', last_name: 'March', company: 'Plumfield' }),
      await created(a, '/leads', { first_name: 'Jo', last_name: 'March', status: 'qualified' }),
    ];
    const note = await created(a, '/notes', { body: 'Met Jo', lead_id: leads[2]!.id });
    const three = await call('POST', '/leads/merge', a, {
      survivor_id: leads[0]!.id,
      merged_ids: [leads[1]!.id, leads[2]!.id],
      values: { company: leads[1]!.id, status: leads[2]!.id },
    });
    expect(three.statusCode, three.body).toBe(200);
    expect((await call('GET', `/leads/${leads[0]!.id}`, a)).json()).toMatchObject({
      email: 'jo@a.example',
      company: 'Plumfield',
      status: 'qualified',
    });
    expect((await call('GET', `/notes/${note.id}`, a)).json().lead_id).toBe(leads[0]!.id);
  });

  it('lists, counts, exports and bulk-edits by a merged account or contact as by the survivor', async () => {
    const survivor = await created(a, '/accounts', { name: 'Jacquard Looms' });
    const merged = await created(a, '/accounts', { name: 'Jacquard Looms Ltd' });
    const kept = await contact(a, { last_name: 'Kept', account_id: survivor.id });
    const moved = await contact(a, { last_name: 'Moved', account_id: merged.id });
    const gone = await contact(a, { last_name: 'Gone', account_id: merged.id });
    const deal = await created(a, '/deals', {
      name: 'Punched cards',
      account_id: merged.id,
      primary_contact_id: gone.id,
    });
    const other = await created(a, '/deals', {
      name: 'Looms',
      account_id: survivor.id,
      contact_ids: [gone.id],
    });
    const note = await created(a, '/notes', { body: 'Visited the mill', account_id: merged.id });
    const task = await created(a, '/tasks', { title: 'Call the mill', contact_id: gone.id });
    for (const [kind, into, from] of [
      ['accounts', survivor.id, merged.id],
      ['contacts', moved.id, gone.id],
    ] as const) {
      const response = await call('POST', `/${kind}/merge`, a, {
        survivor_id: into,
        merged_ids: [from],
      });
      expect(response.statusCode, response.body).toBe(200);
    }

    // A list bookmarked before the merge goes on showing that company's records, with its count.
    const contacts = (await call('GET', `/contacts?account_id=${merged.id}&count=true`, a)).json();
    expect(ids(contacts.data)).toEqual(ids([kept, moved]));
    expect(contacts.total).toBe(2);
    const deals = (await call('GET', `/deals?account_id=${merged.id}&count=true`, a)).json();
    expect(ids(deals.data)).toEqual(ids([deal, other]));
    expect(deals.total).toBe(2);
    const theirs = (await call('GET', `/deals?contact_id=${gone.id}&count=true`, a)).json();
    expect(ids(theirs.data)).toEqual(ids([deal, other]));
    expect(theirs.total).toBe(2);
    const notes = (await call('GET', `/notes?account_id=${merged.id}`, a)).json();
    expect(ids(notes.data)).toEqual([note.id]);
    const tasks = (await call('GET', `/tasks?contact_id=${gone.id}`, a)).json();
    expect(ids(tasks.data)).toEqual([task.id]);
    const csv = (await call('GET', `/contacts/export?account_id=${merged.id}`, a)).body;
    expect(csv).toContain('Kept');
    expect(csv).toContain('Moved');
    const tag = await created(a, '/tags', { name: `looms-${counter}` });
    const tagged = await call('POST', '/contacts/bulk', a, {
      filter: { account_id: merged.id },
      action: 'add_tag',
      tag_id: tag.id,
    });
    expect(tagged.statusCode, tagged.body).toBe(200);
    expect(tagged.json()).toEqual({ updated: 2 });

    // Following the merge is part of the list's own statement: it sends no more of them.
    const statements = async (url: string) => {
      const { sent, result } = await countStatements(() => call('GET', url, a));
      expect(result.statusCode).toBe(200);
      return sent;
    };
    const plain = await statements(`/contacts?account_id=${survivor.id}&count=true`);
    expect(await statements(`/contacts?account_id=${merged.id}&count=true`)).toBe(plain);
    expect(await statements('/contacts?count=true')).toBe(plain);
  });

  it('follows a record merged twice to where it ended, with its history', async () => {
    const [first, second, third] = [await contact(a), await contact(a), await contact(a)];
    const merge = (survivor: string, merged: string) =>
      call('POST', '/contacts/merge', a, { survivor_id: survivor, merged_ids: [merged] });
    expect((await merge(second.id, first.id)).statusCode).toBe(200);
    expect((await merge(third.id, second.id)).statusCode).toBe(200);
    for (const gone of [first, second]) {
      const response = await call('GET', `/contacts/${gone.id}`, a);
      expect(response.json().error.details).toEqual({ merged_into: third.id });
    }
    const history = (await call('GET', `/audit-log/records/${third.id}?limit=200`, a)).json()
      .data as Array<{ action: string; record_id: string }>;
    const created = history.filter((entry) => entry.action === 'insert');
    expect(created.map((entry) => entry.record_id)).toEqual(
      expect.arrayContaining([first.id, second.id, third.id]),
    );
    // Merging it again into where it went changes nothing; into another contact, a conflict.
    const late = await merge(third.id, first.id);
    expect(late.statusCode, late.body).toBe(200);
    const other = await contact(a);
    const elsewhere = await merge(other.id, first.id);
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json().error.details.merged_into).toBe(third.id);
  });

  it('answers an edit or a delete of a merged record, also one that waited for the merge, naming the survivor', async () => {
    const [survivor, merged] = [await contact(a), await contact(a)];
    await call('POST', '/contacts/merge', a, { survivor_id: survivor.id, merged_ids: [merged.id] });
    for (const method of ['PATCH', 'DELETE'] as const) {
      const late = await call(method, `/contacts/${merged.id}`, a, { first_name: 'Late' });
      expect(late.statusCode).toBe(404);
      expect(late.json().error.details, `${method}: ${late.body}`).toEqual({
        merged_into: survivor.id,
      });
    }
    // An edit sent with the merge either runs first or finds the contact merged, and then says
    // where it went, whichever version it was sent for.
    for (let round = 0; round < 3; round += 1) {
      const [into, from] = [await contact(a), await contact(a)];
      const read = await call('GET', `/contacts/${from.id}`, a);
      const [merging, edit] = await Promise.all([
        call('POST', '/contacts/merge', a, { survivor_id: into.id, merged_ids: [from.id] }),
        t.app.inject({
          method: 'PATCH',
          url: `/api/v1/contacts/${from.id}`,
          headers: { ...a.auth, 'if-match': read.headers.etag as string },
          payload: { first_name: 'Edited' },
        }),
      ]);
      expect(merging.statusCode, merging.body).toBe(200);
      if (edit.statusCode !== 200) {
        expect(edit.statusCode).toBe(404);
        expect(edit.json().error.details, edit.body).toEqual({ merged_into: into.id });
      }
    }
  });

  it('moves every reference the schema has to a record of the kind', async () => {
    const rows = await t.ownerQuery<{ kind_table: string; table: string; column: string }>(
      `SELECT c.confrelid::regclass::text AS kind_table, c.conrelid::regclass::text AS table,
          a.attname AS column
        FROM pg_constraint c
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[2]
        WHERE c.contype = 'f' AND c.confrelid::regclass::text IN ('leads', 'contacts', 'accounts')`,
    );
    for (const [kind, references] of Object.entries(REFERENCES)) {
      const table = RECORD_KINDS[kind as keyof typeof REFERENCES].table;
      const inSchema = rows
        .filter((row) => row.kind_table === table)
        .map((row) => `${row.table}.${row.column}`)
        .sort();
      expect(references.map((r) => `${r.table}.${r.column}`).sort(), kind).toEqual(inSchema);
    }
  });

  it('refuses what is not the caller’s to merge, and bad input, naming the field', async () => {
    const member = await joinByInvitation(t.app, a, 'member');
    const mine = await contact(member);
    const theirs = await contact(a);
    const refused = await call('POST', '/contacts/merge', member, {
      survivor_id: mine.id,
      merged_ids: [theirs.id],
    });
    expect(refused.statusCode).toBe(403);
    expect((await call('GET', `/contacts/${theirs.id}`, a)).statusCode).toBe(200);
    const mineToo = await contact(member);
    const allowed = await call('POST', '/contacts/merge', member, {
      survivor_id: theirs.id,
      merged_ids: [mineToo.id],
    });
    expect(allowed.statusCode, allowed.body).toBe(200);

    const self = await call('POST', '/contacts/merge', a, {
      survivor_id: mine.id,
      merged_ids: [mine.id],
    });
    expect(self.statusCode).toBe(422);
    expect(self.json().error.details.fields[0].field).toBe('merged_ids');
    const stranger = await contact(a);
    const badValue = await call('POST', '/contacts/merge', a, {
      survivor_id: mine.id,
      merged_ids: [stranger.id],
      values: { email: theirs.id },
    });
    expect(badValue.statusCode).toBe(422);
    expect(badValue.json().error.details.fields[0].field).toBe('values.email');
    expect((await call('GET', `/contacts/${stranger.id}`, a)).statusCode).toBe(200);
  });

  it('refuses a merge over records changed since they were read, naming them, and changes nothing', async () => {
    const survivor = await contact(a, { job_title: 'Analyst' });
    const merged = await contact(a, { job_title: 'Countess' });
    const note = await created(a, '/notes', { body: 'On the merged one', contact_id: merged.id });
    const read = async (id: string) => (await call('GET', `/contacts/${id}`, a)).json().version;
    const versions = { [survivor.id]: await read(survivor.id), [merged.id]: await read(merged.id) };
    const edited = await call('PATCH', `/contacts/${merged.id}`, a, { job_title: 'Mathematician' });
    expect(edited.statusCode, edited.body).toBe(200);

    const refused = await call('POST', '/contacts/merge', a, {
      survivor_id: survivor.id,
      merged_ids: [merged.id],
      values: { job_title: merged.id },
      versions,
    });
    expect(refused.statusCode, refused.body).toBe(412);
    expect(refused.json().error.code).toBe('version_mismatch');
    expect(refused.json().error.details).toEqual({
      ids: [merged.id],
      current: { [merged.id]: edited.json().version },
    });
    expect((await call('GET', `/contacts/${merged.id}`, a)).json().job_title).toBe('Mathematician');
    expect((await call('GET', `/contacts/${survivor.id}`, a)).json().job_title).toBe('Analyst');
    expect((await call('GET', `/notes/${note.id}`, a)).json().contact_id).toBe(merged.id);

    const stranger = await contact(a);
    const notMerged = await call('POST', '/contacts/merge', a, {
      survivor_id: survivor.id,
      merged_ids: [merged.id],
      versions: { [stranger.id]: versions[survivor.id] },
    });
    expect(notMerged.statusCode, notMerged.body).toBe(422);
    expect(notMerged.json().error.details.fields[0].field).toBe('versions');

    const again = await call('POST', '/contacts/merge', a, {
      survivor_id: survivor.id,
      merged_ids: [merged.id],
      values: { job_title: merged.id },
      versions: { ...versions, [merged.id]: edited.json().version },
    });
    expect(again.statusCode, again.body).toBe(200);
    expect((await call('GET', `/contacts/${survivor.id}`, a)).json().job_title).toBe(
      'Mathematician',
    );
  });

  it('cannot merge records of another organization: they are not found and nothing changes', async () => {
    const ours = await contact(a);
    const theirs = await contact(b);
    const note = await created(b, '/notes', { body: 'B only', contact_id: theirs.id });
    for (const body of [
      { survivor_id: ours.id, merged_ids: [theirs.id] },
      { survivor_id: theirs.id, merged_ids: [ours.id] },
    ]) {
      const response = await call('POST', '/contacts/merge', a, body);
      expect(response.statusCode).toBe(404);
    }
    expect((await call('GET', `/contacts/${theirs.id}`, b)).statusCode).toBe(200);
    expect((await call('GET', `/notes/${note.id}`, b)).json().contact_id).toBe(theirs.id);
    expect((await call('GET', `/contacts/${ours.id}`, a)).statusCode).toBe(200);
    // By construction: a merged record is known by (org_id, id), so B's contact cannot be
    // mapped into A's even by the owner of the tables, past the tenant policy.
    await t.ownerQuery(
      `INSERT INTO merged_records (org_id, id, record_type, survivor_id) VALUES ($1, $2, 'contact', $3)`,
      [a.orgId, theirs.id, ours.id],
    );
    const stillThere = await call('GET', `/contacts/${theirs.id}`, b);
    expect(stillThere.statusCode).toBe(200);
    expect((await call('GET', `/contacts/${theirs.id}`, a)).json().error.details).toEqual({
      merged_into: ours.id,
    });
    await t.ownerQuery(`DELETE FROM merged_records WHERE id = $1`, [theirs.id]);
  });

  it('runs overlapping merges one after the other, losing nothing and without deadlock', async () => {
    for (let round = 0; round < 5; round += 1) {
      const people = await Promise.all([contact(a), contact(a), contact(a)]);
      for (const person of people) {
        await created(a, '/notes', { body: `note of ${person.id}`, contact_id: person.id });
      }
      const [x, y, z] = people.map((p) => p.id) as [string, string, string];
      const results = await Promise.all([
        call('POST', '/contacts/merge', a, { survivor_id: x, merged_ids: [y] }),
        call('POST', '/contacts/merge', a, { survivor_id: z, merged_ids: [y, x] }),
      ]);
      const statuses = results.map((r) => r.statusCode).sort();
      // Whichever came second either found its records merged already (409/404) or merged
      // what the first left; never a 500, never a deadlock.
      expect(
        [
          [200, 200],
          [200, 404],
          [200, 409],
        ],
        JSON.stringify(statuses),
      ).toContainEqual(statuses);
      const left = (await Promise.all(people.map((p) => call('GET', `/contacts/${p.id}`, a))))
        .filter((r) => r.statusCode === 200)
        .map((r) => r.json().id as string);
      const notes = await t.ownerQuery<{ contact_id: string }>(
        `SELECT contact_id FROM notes WHERE org_id = $1 AND contact_id = ANY($2::uuid[])
           AND body LIKE 'note of %'`,
        [a.orgId, left],
      );
      const expected = await t.ownerQuery<{ count: string }>(
        `SELECT count(*) FROM notes WHERE org_id = $1 AND body = ANY($2::text[])`,
        [a.orgId, people.map((p) => `note of ${p.id}`)],
      );
      expect(notes.length).toBe(3);
      expect(Number(expected[0]!.count)).toBe(3);
    }
  });
});

describe('groups of likely duplicates', () => {
  it('lists contacts by shared name and phone, leads by email, accounts by domain, paged', async () => {
    const org = await signUp(t.app, 'groups');
    const one = await contact(org, {
      first_name: 'Émile',
      last_name: 'Zola',
      phone: '+33 1 23 45 67 89',
    });
    const two = await contact(org, { first_name: 'emile', last_name: ' ZOLA ' });
    await contact(org, { first_name: 'Other', last_name: 'Person', phone: '0033 (1) 23-45-67-89' });
    await contact(org, { first_name: 'Alone', last_name: 'Here', phone: '123' });
    const groups = (await call('GET', '/contacts/duplicates/groups', org)).json();
    expect(groups).toEqual({
      data: [
        {
          reason: 'name',
          key: 'emile zola',
          size: 2,
          records: [
            expect.objectContaining({ id: one.id, title: 'Émile Zola' }),
            expect.objectContaining({ id: two.id }),
          ],
        },
      ],
      next_cursor: null,
    });
    // Phone numbers compare by their digits: `0033 (1)…` is not `+33 1…`, `+33-1-…` is.
    const samePhone = await contact(org, { last_name: 'Dup', phone: '+33-1-23-45-67-89' });
    const paged = (await call('GET', '/contacts/duplicates/groups?limit=1', org)).json();
    expect(paged.data.map((g: { reason: string }) => g.reason)).toEqual(['name']);
    const next = (
      await call('GET', `/contacts/duplicates/groups?limit=1&cursor=${paged.next_cursor}`, org)
    ).json();
    expect(next.data).toEqual([
      expect.objectContaining({
        reason: 'phone',
        key: '33123456789',
        records: [
          expect.objectContaining({ id: one.id }),
          expect.objectContaining({ id: samePhone.id }),
        ],
      }),
    ]);
    expect(next.next_cursor).toBeNull();
    // Another organization sees none of these groups.
    expect((await call('GET', '/contacts/duplicates/groups', b)).json().data).toEqual([]);

    await created(org, '/leads', { last_name: 'L1', email: 'same@lead.example' });
    await created(org, '/leads', { last_name: 'L2', email: 'same@lead.example' });
    const leadGroups = (await call('GET', '/leads/duplicates/groups', org)).json().data;
    expect(leadGroups).toEqual([
      expect.objectContaining({ reason: 'email', key: 'same@lead.example', size: 2 }),
    ]);
    await created(org, '/accounts', { name: 'One', domain: ' Shared.example' });
    await created(org, '/accounts', { name: 'Two', domain: 'shared.example' });
    const accountGroups = (await call('GET', '/accounts/duplicates/groups', org)).json().data;
    expect(accountGroups.map((g: { reason: string }) => g.reason)).toEqual(['domain']);
    expect((await call('GET', '/contacts/duplicates/groups?cursor=nonsense', org)).statusCode).toBe(
      400,
    );
  });
});
