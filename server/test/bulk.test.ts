import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordType } from '../src/db/schema.js';
import { RECORD_KIND_LIST, RECORD_KINDS } from '../src/modules/records/registry.js';
import { seedRecord } from './support/crm-records.js';
import { joinByInvitation } from './support/members.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

let t: TestApp;
let a: SignedUp;
let b: SignedUp;

beforeAll(async () => {
  t = await createTestApp();
  a = await signUp(t.app, 'bulk-a');
  b = await signUp(t.app, 'bulk-b');
});
afterAll(async () => {
  await t.close();
});

const bulk = (path: string, who: { auth: { authorization: string } }, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api/v1/${path}/bulk`, headers: who.auth, payload });

const KINDS = RECORD_KIND_LIST.map(({ path, kind }) => [path, kind] as const);

const ghost = '00000000-0000-4000-8000-000000000000';

async function seedMany(
  org: SignedUp,
  type: RecordType,
  count: number,
  ownerId = org.userId,
  name = 'Bulk',
) {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1)
    ids.push(await seedRecord(t, org, type, `${name} ${i}`, ownerId));
  return ids;
}

async function tagOf(org: SignedUp, name: string): Promise<string> {
  const [tag] = await t.ownerQuery<{ id: string }>(
    'INSERT INTO tags (org_id, name) VALUES ($1, $2) RETURNING id',
    [org.orgId, name],
  );
  return tag!.id;
}

const owners = async (type: RecordType, ids: string[]) =>
  (
    await t.ownerQuery<{ id: string; owner_id: string | null }>(
      `SELECT id, owner_id FROM ${RECORD_KINDS[type].table} WHERE id = ANY($1) ORDER BY id`,
      [ids],
    )
  ).map((row) => row.owner_id);

const taggedIds = async (type: RecordType, tagId: string) =>
  (
    await t.ownerQuery<{ id: string }>(
      `SELECT ${RECORD_KINDS[type].attachmentField} AS id FROM record_tags WHERE tag_id = $1 ORDER BY 1`,
      [tagId],
    )
  ).map((row) => row.id);

const existing = async (type: RecordType, ids: string[]) =>
  (
    await t.ownerQuery<{ id: string }>(
      `SELECT id FROM ${RECORD_KINDS[type].table} WHERE id = ANY($1)`,
      [ids],
    )
  ).length;

describe('bulk actions', () => {
  for (const [path, type] of KINDS) {
    it(`assigns, tags, untags and deletes ${path} in one call each`, async () => {
      const colleague = await joinByInvitation(t.app, a, 'member');
      const ids = await seedMany(a, type, 3);
      const tagId = await tagOf(a, `Bulk ${path}`);

      const assigned = await bulk(path, a, {
        ids,
        action: 'assign_owner',
        owner_id: colleague.userId,
      });
      expect(assigned.statusCode, assigned.body).toBe(200);
      expect(assigned.json()).toEqual({ updated: 3 });
      expect(await owners(type, ids)).toEqual([
        colleague.userId,
        colleague.userId,
        colleague.userId,
      ]);
      const notices = await t.ownerQuery<{ record_id: string; title: string }>(
        "SELECT record_id, title FROM notifications WHERE user_id = $1 AND kind = 'record_assigned'",
        [colleague.userId],
      );
      expect(notices.map((n) => n.record_id).sort()).toEqual([...ids].sort());
      const label = { lead: 'Lead', account: 'Account', contact: 'Contact', deal: 'Deal' }[type];
      expect(notices.map((n) => n.title)).toContain(`${label} "Bulk 0" was assigned to you`);

      // Assigning to the same owner again tells no one twice.
      await bulk(path, a, { ids, action: 'assign_owner', owner_id: colleague.userId });
      const again = await t.ownerQuery('SELECT 1 FROM notifications WHERE user_id = $1', [
        colleague.userId,
      ]);
      expect(again).toHaveLength(3);

      const tagged = await bulk(path, a, {
        ids: ids.slice(0, 2),
        action: 'add_tag',
        tag_id: tagId,
      });
      expect(tagged.json()).toEqual({ updated: 2 });
      const retagged = await bulk(path, a, { ids, action: 'add_tag', tag_id: tagId });
      expect(retagged.json()).toEqual({ updated: 3 });
      expect(await taggedIds(type, tagId)).toEqual([...ids].sort());
      const untagged = await bulk(path, a, { ids: [ids[0]!], action: 'remove_tag', tag_id: tagId });
      expect(untagged.statusCode).toBe(200);
      expect(await taggedIds(type, tagId)).toEqual(ids.slice(1).sort());

      const unassigned = await bulk(path, a, {
        ids: [ids[2]!],
        action: 'assign_owner',
        owner_id: null,
      });
      expect(unassigned.statusCode).toBe(200);
      expect(await owners(type, [ids[2]!])).toEqual([null]);

      const deleted = await bulk(path, a, { ids, action: 'delete' });
      expect(deleted.json()).toEqual({ updated: 3 });
      expect(await existing(type, ids)).toBe(0);
      expect(await taggedIds(type, tagId)).toEqual([]);
    });
  }

  it('refuses the whole call when one id is not a record of this organization', async () => {
    const ours = await seedMany(a, 'account', 2);
    const theirs = await seedRecord(t, b, 'account', 'Their account');
    const tagId = await tagOf(a, 'All or nothing');
    for (const action of [
      { action: 'assign_owner', owner_id: null },
      { action: 'add_tag', tag_id: tagId },
      { action: 'delete' },
    ]) {
      const foreign = await bulk('accounts', a, { ids: [...ours, theirs], ...action });
      const nothing = await bulk('accounts', a, { ids: [...ours, ghost], ...action });
      expect(foreign.statusCode, action.action).toBe(404);
      expect(nothing.statusCode).toBe(404);
      // Word for word the same, but for the id the caller sent.
      expect(foreign.body.replace(theirs, ghost)).toBe(nothing.body);
    }
    expect(await owners('account', ours)).toEqual([a.userId, a.userId]);
    expect(await taggedIds('account', tagId)).toEqual([]);
    expect(await existing('account', ours)).toBe(2);
    // The other organization's record is untouched too.
    expect(await owners('account', [theirs])).toEqual([b.userId]);
    // A deal id is not a lead id either.
    const deal = await seedRecord(t, a, 'deal', 'Not a lead');
    expect((await bulk('leads', a, { ids: [deal], action: 'delete' })).statusCode).toBe(404);
    expect(await existing('deal', [deal])).toBe(1);
  });

  it('deletes only when the caller may delete every record, and changes nothing otherwise', async () => {
    const member = await joinByInvitation(t.app, a, 'member');
    const admin = await joinByInvitation(t.app, a, 'admin');
    const own = await seedMany(a, 'contact', 2, member.userId);
    const foreignOwned = await seedRecord(t, a, 'contact', 'Owner’s', a.userId);

    const refused = await bulk('contacts', member, {
      ids: [...own, foreignOwned],
      action: 'delete',
    });
    expect(refused.statusCode).toBe(403);
    expect(await existing('contact', [...own, foreignOwned])).toBe(3);

    expect((await bulk('contacts', member, { ids: own, action: 'delete' })).statusCode).toBe(200);
    expect(await existing('contact', own)).toBe(0);
    expect(
      (await bulk('contacts', admin, { ids: [foreignOwned], action: 'delete' })).statusCode,
    ).toBe(200);
    // Members may still tag records they do not own.
    const leads = await seedMany(a, 'lead', 2);
    const tagged = await bulk('leads', member, {
      ids: leads,
      action: 'add_tag',
      tag_id: await tagOf(a, 'Anyone tags'),
    });
    expect(tagged.statusCode).toBe(200);
  });

  it('refuses owners and tags of another organization like ones that do not exist', async () => {
    const ids = await seedMany(a, 'lead', 2);
    const theirTag = await tagOf(b, 'Their tag');
    for (const [payload, field] of [
      [
        { action: 'assign_owner', owner_id: b.userId },
        { action: 'assign_owner', owner_id: ghost },
      ],
      [
        { action: 'add_tag', tag_id: theirTag },
        { action: 'add_tag', tag_id: ghost },
      ],
      [
        { action: 'remove_tag', tag_id: theirTag },
        { action: 'remove_tag', tag_id: ghost },
      ],
    ] as const) {
      const foreign = await bulk('leads', a, { ids, ...payload });
      const nothing = await bulk('leads', a, { ids, ...field });
      expect(foreign.statusCode, payload.action).toBe(422);
      expect(foreign.json().error.details.fields[0].field).toBe(
        payload.action === 'assign_owner' ? 'owner_id' : 'tag_id',
      );
      expect(foreign.json()).toEqual(nothing.json());
    }
    expect(await owners('lead', ids)).toEqual([a.userId, a.userId]);
    const theirLinks = await t.ownerQuery('SELECT 1 FROM record_tags WHERE tag_id = $1', [
      theirTag,
    ]);
    expect(theirLinks).toEqual([]);
  });

  it('refuses bad input with 4xx naming the field', async () => {
    const [id] = await seedMany(a, 'lead', 1);
    const tagId = await tagOf(a, 'Input');
    const tooMany = Array.from(
      { length: 501 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    for (const [payload, field] of [
      [{ action: 'delete' }, 'ids'],
      [{ ids: [], action: 'delete' }, 'ids'],
      [{ ids: tooMany, action: 'delete' }, 'ids'],
      [{ ids: [id, id], action: 'delete' }, 'ids'],
      [{ ids: ['nope'], action: 'delete' }, 'ids.0'],
      [{ ids: [id] }, 'action'],
      [{ ids: [id], action: 'archive' }, 'action'],
      [{ ids: [id], action: 'assign_owner' }, 'owner_id'],
      [{ ids: [id], action: 'add_tag' }, 'tag_id'],
      [{ ids: [id], action: 'remove_tag', owner_id: a.userId }, 'owner_id'],
      [{ ids: [id], action: 'delete', tag_id: tagId }, 'tag_id'],
      [{ ids: [id], action: 'add_tag', tag_id: 'red' }, 'tag_id'],
      [{ ids: [id], action: 'delete', confirm: true }, 'confirm'],
    ] as const) {
      const response = await bulk('leads', a, payload);
      const label = JSON.stringify(payload).slice(0, 120);
      expect(response.statusCode, `${label}: ${response.body}`).toBe(422);
      expect(response.json().error.details.fields[0].field, label).toBe(field);
    }
    expect(await existing('lead', [id!])).toBe(1);
  });

  it('acts on 500 records at once', async () => {
    const org = await signUp(t.app, 'bulk-many');
    const rows = await t.ownerQuery<{ id: string }>(
      `INSERT INTO leads (org_id, last_name, owner_id)
       SELECT $1, 'Many ' || i, $2 FROM generate_series(1, 500) i RETURNING id`,
      [org.orgId, org.userId],
    );
    const ids = rows.map((row) => row.id);
    const tagId = await tagOf(org, 'Many');
    const tagged = await bulk('leads', org, { ids, action: 'add_tag', tag_id: tagId });
    expect(tagged.json()).toEqual({ updated: 500 });
    expect(await taggedIds('lead', tagId)).toHaveLength(500);
    const deleted = await bulk('leads', org, { ids, action: 'delete' });
    expect(deleted.json()).toEqual({ updated: 500 });
    expect(await existing('lead', ids)).toBe(0);
  });
});

describe('bulk actions over everything a list shows', () => {
  const count = async (type: RecordType, orgId: string) =>
    Number(
      (
        await t.ownerQuery<{ n: string }>(
          `SELECT count(*) AS n FROM ${RECORD_KINDS[type].table} WHERE org_id = $1`,
          [orgId],
        )
      )[0]!.n,
    );

  for (const [path, type] of KINDS) {
    it(`acts on every ${path} the list's filters match, and on nothing of another organization`, async () => {
      const org = await signUp(t.app, `bulk-filter-${path}`);
      const colleague = await joinByInvitation(t.app, org, 'member');
      const theirs = await seedMany(org, type, 2, colleague.userId);
      await seedMany(org, type, 1, org.userId, 'Mine');
      const other = await signUp(t.app, `bulk-filter-other-${path}`);
      const others = await seedMany(other, type, 2);
      const tagId = await tagOf(org, `Filtered ${path}`);

      const filter = { owner_id: colleague.userId };
      const listed = await t.app.inject({
        method: 'GET',
        url: `/api/v1/${path}?owner_id=${colleague.userId}&count=true`,
        headers: org.auth,
      });
      const tagged = await bulk(path, org, { filter, action: 'add_tag', tag_id: tagId });
      expect(tagged.statusCode, tagged.body).toBe(200);
      expect(tagged.json()).toEqual({ updated: listed.json().total });
      expect(await taggedIds(type, tagId)).toEqual([...theirs].sort());

      // "All matching" with no filter at all: every record of the caller's organization.
      const all = await bulk(path, org, {
        filter: {},
        action: 'assign_owner',
        owner_id: colleague.userId,
      });
      expect(all.json()).toEqual({ updated: await count(type, org.orgId) });
      expect(await owners(type, others)).toEqual([other.userId, other.userId]);

      const deleted = await bulk(path, org, { filter: {}, action: 'delete' });
      expect(deleted.json()).toEqual({ updated: 3 });
      expect(await count(type, org.orgId)).toBe(0);
      expect(await existing(type, others)).toBe(2);
    });
  }

  it("filters by the kind's own fields and its text query, as its list does", async () => {
    const org = await signUp(t.app, 'bulk-filter-own');
    const hot = await seedMany(org, 'lead', 1);
    await seedMany(org, 'lead', 1);
    await t.ownerQuery(
      `UPDATE leads SET status = 'qualified', last_name = 'Quokka' WHERE id = $1`,
      [hot![0]],
    );
    const tagId = await tagOf(org, 'Qualified');
    const tagged = await bulk('leads', org, {
      filter: { status: ['qualified'], q: 'quok' },
      action: 'add_tag',
      tag_id: tagId,
    });
    expect(tagged.json()).toEqual({ updated: 1 });
    expect(await taggedIds('lead', tagId)).toEqual(hot);
    const none = await bulk('leads', org, { filter: { q: 'nobody' }, action: 'delete' });
    expect(none.json()).toEqual({ updated: 0 });
  });

  it('refuses ids with a filter, a filter field of another kind, and more matches than one call takes', async () => {
    const org = await signUp(t.app, 'bulk-filter-bound');
    const [id] = await seedMany(org, 'lead', 1);
    for (const [payload, field] of [
      [{ ids: [id], filter: {}, action: 'delete' }, 'ids'],
      [{ filter: { industry: 'Retail' }, action: 'delete' }, 'filter.industry'],
      [{ filter: { status: ['lost'] }, action: 'delete' }, 'filter.status.0'],
    ] as const) {
      const response = await bulk('leads', org, payload);
      const label = JSON.stringify(payload);
      expect(response.statusCode, `${label}: ${response.body}`).toBe(422);
      expect(response.json().error.details.fields[0].field, label).toBe(field);
    }
    await t.ownerQuery(
      `INSERT INTO leads (org_id, last_name, owner_id)
       SELECT $1, 'Many ' || i, $2 FROM generate_series(1, 5000) i`,
      [org.orgId, org.userId],
    );
    const tooMany = await bulk('leads', org, { filter: {}, action: 'delete' });
    expect(tooMany.statusCode, tooMany.body).toBe(422);
    expect(tooMany.json().error.details.fields[0].field).toBe('filter');
    expect(await existing('lead', [id!])).toBe(1);
    // Five thousand rows with their search and audit triggers take a while on a busy machine.
  }, 120_000);
});

describe('bulk actions given the versions the caller read', () => {
  const read = async (org: SignedUp, path: string, id: string) =>
    (
      await t.app.inject({ method: 'GET', url: `/api/v1/${path}/${id}`, headers: org.auth })
    ).json() as { id: string; version: string; name: string };

  it('changes nothing and names the records changed since, when one of them moved on', async () => {
    const org = await signUp(t.app, 'bulk-versions');
    const colleague = await joinByInvitation(t.app, org, 'member');
    const ids = await seedMany(org, 'account', 3);
    const versions = Object.fromEntries(
      await Promise.all(ids.map(async (id) => [id, (await read(org, 'accounts', id)).version])),
    );
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/accounts/${ids[1]}`,
      headers: org.auth,
      payload: { name: 'Renamed meanwhile' },
    });
    expect(changed.statusCode, changed.body).toBe(200);

    for (const selection of [{ ids }, { filter: { owner_id: org.userId } }]) {
      const refused = await bulk('accounts', org, {
        ...selection,
        versions,
        action: 'assign_owner',
        owner_id: colleague.userId,
      });
      expect(refused.statusCode, refused.body).toBe(412);
      expect(refused.json().error.code).toBe('version_mismatch');
      expect(refused.json().error.details).toEqual({
        ids: [ids[1]],
        current: { [ids[1]!]: changed.json().version },
      });
      expect(await owners('account', ids)).toEqual([org.userId, org.userId, org.userId]);
    }
    const deleted = await bulk('accounts', org, { ids, versions, action: 'delete' });
    expect(deleted.statusCode).toBe(412);
    expect(await existing('account', ids)).toBe(3);

    // With the versions as they are now, the change goes through.
    const current = { ...versions, [ids[1]!]: changed.json().version };
    const applied = await bulk('accounts', org, {
      ids,
      versions: current,
      action: 'assign_owner',
      owner_id: colleague.userId,
    });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(await owners('account', ids)).toEqual([
      colleague.userId,
      colleague.userId,
      colleague.userId,
    ]);
    // Records given without a version are taken as they are.
    const partly = await bulk('accounts', org, {
      ids,
      versions: { [ids[0]!]: (await read(org, 'accounts', ids[0]!)).version },
      action: 'assign_owner',
      owner_id: null,
    });
    expect(partly.statusCode, partly.body).toBe(200);
  });

  it('refuses If-Match, which names one record, and versions of records not given', async () => {
    const org = await signUp(t.app, 'bulk-if-match');
    const [id, other] = await seedMany(org, 'lead', 2);
    const { version } = await read(org, 'leads', id!);
    const withHeader = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads/bulk',
      headers: { ...org.auth, 'if-match': `"${version}"` },
      payload: { ids: [id], action: 'delete' },
    });
    expect(withHeader.statusCode, withHeader.body).toBe(400);
    expect(withHeader.json().error.details.fields[0].field).toBe('if-match');
    const stranger = await bulk('leads', org, {
      ids: [id],
      versions: { [other!]: version },
      action: 'delete',
    });
    expect(stranger.statusCode, stranger.body).toBe(422);
    expect(stranger.json().error.details.fields[0].field).toBe('versions');
    expect(await existing('lead', [id!, other!])).toBe(2);
  });

  it('names `versions` when one of its keys is not a record id, by filter as by ids', async () => {
    // The API document can say only that `versions` maps names to versions (OpenAPI 3.0 has no
    // rule for the names): a name that is not an id is the call's mistake, said of the field.
    const org = await signUp(t.app, 'bulk-version-keys');
    const [id] = await seedMany(org, 'lead', 1);
    for (const selection of [{ ids: [id] }, { filter: {} }]) {
      const refused = await bulk('leads', org, {
        ...selection,
        versions: { ' ': '0' },
        action: 'delete',
      });
      expect(refused.statusCode, refused.body).toBe(422);
      const { error } = refused.json();
      expect(error.details.in).toBeUndefined();
      expect(error.details.fields[0].field).toBe('versions');
    }
    expect(await existing('lead', [id!])).toBe(1);
  });
});
