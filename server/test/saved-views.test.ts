import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinByInvitation } from './support/members.js';
import { countStatements } from './support/statements.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

let t: TestApp;
let owner: SignedUp;
let member: SignedUp;
let other: SignedUp;
let outsider: SignedUp;

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUp(t.app, 'views-a');
  member = await joinByInvitation(t.app, owner, 'member', 'views-member');
  other = await joinByInvitation(t.app, owner, 'member', 'views-other');
  outsider = await signUp(t.app, 'views-b');
});
afterAll(async () => {
  await t.close();
});

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const call = (method: Method, url: string, who: SignedUp, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: who.auth, payload });

async function ok(method: Method, url: string, who: SignedUp, payload?: object) {
  const response = await call(method, url, who, payload);
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
  return response.body ? response.json() : null;
}

const names = (list: { data: Array<{ name: string }> }) => list.data.map((v) => v.name).sort();

async function lead(who: SignedUp, fields: object) {
  return ok('POST', '/leads', who, fields);
}

describe('saved views', () => {
  it('saves, reads, renames and deletes a view of a list, with its filter, sort and columns', async () => {
    const view = await ok('POST', '/views', member, {
      kind: 'lead',
      name: 'New and contacted',
      filter: { status: ['new', 'contacted'], q: 'acme' },
      sort: '-created_at',
      columns: ['name', 'status'],
    });
    expect(view).toMatchObject({
      kind: 'lead',
      name: 'New and contacted',
      filter: { status: ['new', 'contacted'], q: 'acme' },
      sort: '-created_at',
      columns: ['name', 'status'],
      shared: false,
      is_default: false,
      can_edit: true,
      problems: [],
      created_by: member.userId,
    });
    expect(await ok('GET', `/views/${view.id}`, member)).toEqual(view);
    const renamed = await ok('PATCH', `/views/${view.id}`, member, { name: 'Fresh leads' });
    expect(renamed.name).toBe('Fresh leads');
    expect(names(await ok('GET', '/views?kind=lead', member))).toContain('Fresh leads');
    expect(names(await ok('GET', '/views?kind=deal', member))).not.toContain('Fresh leads');
    expect((await call('DELETE', `/views/${view.id}`, member)).statusCode).toBe(204);
    expect((await call('GET', `/views/${view.id}`, member)).statusCode).toBe(404);
  });

  it("refuses a filter, sort or column the kind's list does not take, naming it", async () => {
    const refused = async (body: object, field: string) => {
      const response = await call('POST', '/views', member, { kind: 'lead', name: 'x', ...body });
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json().error.details.fields[0].field).toBe(field);
    };
    await refused({ filter: { industry: 'Labs' } }, 'filter.industry');
    await refused({ filter: { status: ['maybe'] } }, 'filter.status');
    await refused({ filter: { owner_id: 'nobody' } }, 'filter.owner_id');
    await refused({ filter: { limit: 5 } }, 'filter.limit');
    await refused({ sort: 'industry' }, 'sort');
    const columns = await call('POST', '/views', member, {
      kind: 'lead',
      name: 'x',
      columns: ['Name; DROP'],
    });
    expect(columns.statusCode).toBe(422);
    expect(columns.json().error.details.fields[0].field).toMatch(/^columns/);
    // What one kind filters by is not another's: accounts have an industry.
    await ok('POST', '/views', member, {
      kind: 'account',
      name: 'Labs',
      filter: { industry: 'Labs' },
    });
  });

  it('refuses an empty sort, naming it, when a view is saved or changed', async () => {
    const created = await call('POST', '/views', member, { kind: 'lead', name: 'x', sort: '' });
    expect(created.statusCode, created.body).toBe(422);
    expect(created.json().error.details.fields[0].field).toBe('sort');
    const view = await ok('POST', '/views', member, {
      kind: 'lead',
      name: 'Sorted',
      sort: 'last_name',
    });
    const changed = await call('PATCH', `/views/${view.id}`, member, { sort: '' });
    expect(changed.statusCode, changed.body).toBe(422);
    expect(changed.json().error.details.fields[0].field).toBe('sort');
    expect((await ok('GET', `/views/${view.id}`, member)).sort).toBe('last_name');
  });

  it('keeps a personal view to its owner and shows a shared one to every member', async () => {
    const personal = await ok('POST', '/views', member, { kind: 'contact', name: 'Mine only' });
    const shared = await ok('POST', '/views', member, {
      kind: 'contact',
      name: 'For the team',
      shared: true,
    });
    expect(names(await ok('GET', '/views?kind=contact', member))).toEqual([
      'For the team',
      'Mine only',
    ]);
    expect(names(await ok('GET', '/views?kind=contact', other))).toEqual(['For the team']);
    // Another member's personal view does not exist for them, on every route.
    for (const [method, url, body] of [
      ['GET', `/views/${personal.id}`, undefined],
      ['GET', `/views/${personal.id}/count`, undefined],
      ['PATCH', `/views/${personal.id}`, { is_default: true }],
      ['DELETE', `/views/${personal.id}`, undefined],
    ] as const)
      expect((await call(method, url, other, body)).statusCode, `${method} ${url}`).toBe(404);

    // Seen by all, changed only by its creator or an admin.
    const seen = await ok('GET', `/views/${shared.id}`, other);
    expect(seen).toMatchObject({ shared: true, can_edit: false });
    for (const [method, body] of [
      ['PATCH', { name: 'Taken over' }],
      ['PATCH', { shared: false }],
      ['DELETE', undefined],
    ] as const)
      expect((await call(method, `/views/${shared.id}`, other, body)).statusCode).toBe(403);
    expect((await ok('GET', `/views/${shared.id}`, owner)).can_edit).toBe(true);
    await ok('PATCH', `/views/${shared.id}`, owner, { name: 'Team contacts' });

    // Unshared, it is its creator's alone again.
    await ok('PATCH', `/views/${shared.id}`, member, { shared: false });
    expect((await call('GET', `/views/${shared.id}`, other)).statusCode).toBe(404);
    expect((await ok('GET', `/views/${shared.id}`, member)).shared).toBe(false);
  });

  it("opens a list with the person's default, else the organization's", async () => {
    const team = await ok('POST', '/views', owner, {
      kind: 'deal',
      name: 'Open deals',
      filter: { status: ['open'] },
      shared: true,
      org_default: true,
    });
    const mine = await ok('POST', '/views', member, { kind: 'deal', name: 'My deals' });
    expect((await ok('GET', '/views?kind=deal', member)).default_view_id).toBe(team.id);
    await ok('PATCH', `/views/${mine.id}`, member, { is_default: true });
    expect((await ok('GET', '/views?kind=deal', member)).default_view_id).toBe(mine.id);
    expect((await ok('GET', '/views?kind=deal', other)).default_view_id).toBe(team.id);
    // One default per person and kind: choosing another replaces it; anyone may choose a
    // shared view, though they may not change it.
    await ok('PATCH', `/views/${team.id}`, member, { is_default: true });
    const list = await ok('GET', '/views?kind=deal', member);
    expect(list.default_view_id).toBe(team.id);
    expect(list.data.filter((v: { is_default: boolean }) => v.is_default)).toHaveLength(1);
    // The organization default is an admin's to set, and only on a shared view.
    const refused = await call('PATCH', `/views/${team.id}`, member, { org_default: false });
    expect(refused.statusCode).toBe(403);
    const personal = await call('PATCH', `/views/${mine.id}`, owner, { org_default: true });
    expect(personal.statusCode).toBe(404);
    const own = await ok('POST', '/views', owner, { kind: 'deal', name: 'Owner only' });
    const unshared = await call('PATCH', `/views/${own.id}`, owner, { org_default: true });
    expect(unshared.statusCode).toBe(422);
    expect(unshared.json().error.details.fields[0].field).toBe('org_default');
    // Deleting the default view leaves the person with the organization's again.
    await ok('PATCH', `/views/${mine.id}`, member, { is_default: true });
    await ok('DELETE', `/views/${mine.id}`, member);
    expect((await ok('GET', '/views?kind=deal', member)).default_view_id).toBe(team.id);
  });

  it("keeps the organization's default view to admins, while its creator may still choose it", async () => {
    const view = await ok('POST', '/views', member, {
      kind: 'account',
      name: 'Key accounts',
      shared: true,
    });
    expect(view.can_edit).toBe(true);
    await ok('PATCH', `/views/${view.id}`, owner, { org_default: true });
    // What everyone's list opens with is the organization's now: its creator no longer
    // changes, unshares or deletes it.
    expect((await ok('GET', `/views/${view.id}`, member)).can_edit).toBe(false);
    for (const [method, body] of [
      ['PATCH', { name: 'Mine now' }],
      ['PATCH', { filter: { industry: 'Nothing at all' } }],
      ['PATCH', { shared: false }],
      ['DELETE', undefined],
    ] as const) {
      const refused = await call(method, `/views/${view.id}`, member, body);
      expect(refused.statusCode, `${method} ${JSON.stringify(body)}: ${refused.body}`).toBe(403);
    }
    const kept = await ok('GET', '/views?kind=account', other);
    expect(kept.default_view_id).toBe(view.id);
    expect(kept.data.find((v: { id: string }) => v.id === view.id).name).toBe('Key accounts');
    await ok('PATCH', `/views/${view.id}`, member, { is_default: true });
    // Once an admin makes another view the default, it is its creator's to change again.
    await ok('PATCH', `/views/${view.id}`, owner, { name: 'Accounts to watch' });
    await ok('PATCH', `/views/${view.id}`, owner, { org_default: false });
    await ok('PATCH', `/views/${view.id}`, member, { name: 'Key accounts again' });
  });

  it('takes two admins choosing the organization default at once one after the other', async () => {
    const admin = await joinByInvitation(t.app, owner, 'admin', 'views-admin');
    for (let round = 0; round < 3; round += 1) {
      const [first, second] = [
        await ok('POST', '/views', owner, { kind: 'lead', name: `First ${round}`, shared: true }),
        await ok('POST', '/views', admin, { kind: 'lead', name: `Second ${round}`, shared: true }),
      ];
      const chosen = await Promise.all([
        call('PATCH', `/views/${first.id}`, owner, { org_default: true }),
        call('PATCH', `/views/${second.id}`, admin, { org_default: true }),
        call('POST', '/views', owner, {
          kind: 'account',
          name: `A ${round}`,
          shared: true,
          org_default: true,
        }),
        call('POST', '/views', admin, {
          kind: 'account',
          name: `B ${round}`,
          shared: true,
          org_default: true,
        }),
      ]);
      for (const response of chosen) expect(response.statusCode, response.body).toBeLessThan(300);
      for (const kind of ['lead', 'account']) {
        const defaults = (await ok('GET', `/views?kind=${kind}`, owner)).data.filter(
          (view: { org_default: boolean }) => view.org_default,
        );
        expect(defaults).toHaveLength(1);
      }
    }
  });

  it("counts a view's records on request, by the list's own query", async () => {
    await lead(member, { last_name: 'Counted One', status: 'qualified', rating: 'hot' });
    await lead(member, { last_name: 'Counted Two', status: 'qualified', rating: 'hot' });
    await lead(member, { last_name: 'Counted Three', status: 'qualified', rating: 'cold' });
    const view = await ok('POST', '/views', member, {
      kind: 'lead',
      name: 'Hot qualified',
      filter: { status: ['qualified'], rating: 'hot' },
    });
    expect(await ok('GET', `/views/${view.id}/count`, member)).toEqual({ count: 2, problems: [] });
    const list = await ok('GET', '/leads?status=qualified&rating=hot&count=true', member);
    expect(list.total).toBe(2);
    // The other organization's view of the same filter counts its own records only.
    const theirs = await ok('POST', '/views', outsider, {
      kind: 'lead',
      name: 'Hot qualified',
      filter: { status: ['qualified'], rating: 'hot' },
    });
    expect((await ok('GET', `/views/${theirs.id}/count`, outsider)).count).toBe(0);
  });

  it('says which filter no longer holds when its tag was deleted, instead of failing', async () => {
    const tag = await ok('POST', '/tags', owner, { name: 'Short-lived' });
    const view = await ok('POST', '/views', member, {
      kind: 'lead',
      name: 'Tagged',
      filter: { tag_id: tag.id },
      shared: true,
    });
    expect(view.problems).toEqual([]);
    await ok('DELETE', `/tags/${tag.id}`, owner);
    const problem = { field: 'filter.tag_id', message: 'the tag no longer exists' };
    expect((await ok('GET', `/views/${view.id}`, other)).problems).toEqual([problem]);
    const listed = (await ok('GET', '/views?kind=lead', other)).data.find(
      (v: { id: string }) => v.id === view.id,
    );
    expect(listed.problems).toEqual([problem]);
    expect(await ok('GET', `/views/${view.id}/count`, other)).toEqual({
      count: 0,
      problems: [problem],
    });
    // Saving a view naming it again is refused like any reference to nothing.
    const again = await call('POST', '/views', member, {
      kind: 'lead',
      name: 'Tagged again',
      filter: { tag_id: tag.id },
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe('invalid_reference');
  });

  it('follows an account merged into another to the account it was merged into', async () => {
    const merged = await ok('POST', '/accounts', owner, { name: 'Globex (old)' });
    const survivor = await ok('POST', '/accounts', owner, { name: 'Globex' });
    await ok('POST', '/contacts', member, { last_name: 'Of the old', account_id: merged.id });
    await ok('POST', '/contacts', member, { last_name: 'Of the new', account_id: survivor.id });
    const view = await ok('POST', '/views', member, {
      kind: 'contact',
      name: 'Globex people',
      filter: { account_id: merged.id },
      shared: true,
    });
    await ok('POST', '/accounts/merge', owner, {
      survivor_id: survivor.id,
      merged_ids: [merged.id],
    });

    // The view now shows the surviving account's contacts, theirs and those that moved to it.
    const read = await ok('GET', `/views/${view.id}`, other);
    expect(read.filter).toEqual({ account_id: survivor.id });
    expect(read.problems).toEqual([]);
    const listed = (await ok('GET', '/views?kind=contact', other)).data.find(
      (v: { id: string }) => v.id === view.id,
    );
    expect(listed.filter).toEqual({ account_id: survivor.id });
    expect(await ok('GET', `/views/${view.id}/count`, other)).toEqual({ count: 2, problems: [] });
    // A view saved with the merged account's id, from an address kept since, follows it too.
    const saved = await ok('POST', '/views', member, {
      kind: 'deal',
      name: 'Globex deals',
      filter: { account_id: merged.id },
    });
    expect(saved.filter).toEqual({ account_id: survivor.id });
  });

  it('reports a filter the list no longer takes and gives no count for it', async () => {
    // As a custom field that was archived would leave it: kept in the view, gone from the list.
    const view = await ok('POST', '/views', member, { kind: 'lead', name: 'Archived field' });
    await t.ownerQuery(
      `UPDATE saved_views SET filter = '{"cf_region": "north", "rating": "hot"}' WHERE id = $1`,
      [view.id],
    );
    const read = await ok('GET', `/views/${view.id}`, member);
    expect(read.problems).toEqual([
      { field: 'filter.cf_region', message: 'is not a filter of this list' },
    ]);
    expect(await ok('GET', `/views/${view.id}/count`, member)).toEqual({
      count: null,
      problems: read.problems,
    });
  });

  it('checks custom field conditions and sorts as the list does: refused when saved, reported once the field is archived', async () => {
    const field = await ok('POST', '/custom-fields', owner, {
      record_type: 'lead',
      key: 'score',
      label: 'Score',
      field_type: 'number',
    });
    // Saved as if the list took them, these opened a list that answered 400.
    for (const [payload, named] of [
      [{ filter: { cf: ['nope:eq:1'] } }, 'filter.cf'],
      [{ filter: { cf: ['score:gte:many'] } }, 'filter.cf'],
      [{ sort: 'cf.nope' }, 'sort'],
    ] as const) {
      const refused = await call('POST', '/views', member, {
        kind: 'lead',
        name: 'Scored',
        ...payload,
      });
      expect(refused.statusCode, refused.body).toBe(422);
      expect(refused.json().error.details.fields[0].field).toBe(named);
    }
    const view = await ok('POST', '/views', member, {
      kind: 'lead',
      name: 'High scores',
      filter: { cf: ['score:gte:10'] },
      sort: '-cf.score',
      // The web list names a custom field's column as it names its sort.
      columns: ['name', 'cf.score'],
    });
    expect(view.problems).toEqual([]);
    expect(view.columns).toEqual(['name', 'cf.score']);
    expect(await ok('GET', `/views/${view.id}/count`, member)).toEqual({ count: 0, problems: [] });

    await ok('PATCH', `/custom-fields/${field.id}`, owner, { archived: true });
    const read = await ok('GET', `/views/${view.id}`, member);
    expect(read.problems).toEqual([
      { field: 'filter.cf', message: expect.stringContaining('score') },
      { field: 'sort', message: expect.stringContaining('score') },
    ]);
    expect(await ok('GET', `/views/${view.id}/count`, member)).toEqual({
      count: null,
      problems: read.problems,
    });
  });

  it("keeps organizations apart: another organization's views, tags and members are not there", async () => {
    const view = await ok('POST', '/views', owner, {
      kind: 'lead',
      name: 'A shared view',
      shared: true,
    });
    const theirs = await ok('GET', '/views', outsider);
    expect(theirs.data.map((v: { id: string }) => v.id)).not.toContain(view.id);
    expect(names(theirs)).toEqual(['Hot qualified']);
    expect(names(await ok('GET', '/views', owner))).toContain('A shared view');
    for (const [method, url, body] of [
      ['GET', `/views/${view.id}`, undefined],
      ['GET', `/views/${view.id}/count`, undefined],
      ['PATCH', `/views/${view.id}`, { name: 'Mine now' }],
      ['DELETE', `/views/${view.id}`, undefined],
    ] as const)
      expect((await call(method, url, outsider, body)).statusCode, `${method} ${url}`).toBe(404);
    expect((await ok('GET', `/views/${view.id}`, owner)).name).toBe('A shared view');

    // A tag or member of another organization in a filter is refused exactly like nothing.
    const tag = await ok('POST', '/tags', owner, { name: 'A only' });
    const ghost = '00000000-0000-4000-8000-00000000dead';
    for (const [name, foreign] of [
      ['tag_id', tag.id],
      ['owner_id', member.userId],
    ]) {
      const save = (id: string) =>
        call('POST', '/views', outsider, { kind: 'lead', name: 'x', filter: { [name]: id } });
      const answer = await save(foreign);
      expect(answer.statusCode).toBe(422);
      expect(answer.json()).toEqual((await save(ghost)).json());
    }
  });

  it('says so when a member field condition names someone who has left', async () => {
    const leaving = await joinByInvitation(t.app, owner, 'member', 'views-rep');
    await ok('POST', '/custom-fields', owner, {
      record_type: 'contact',
      key: 'rep',
      label: 'Rep',
      field_type: 'member',
    });
    const view = await ok('POST', '/views', owner, {
      kind: 'contact',
      name: 'Their contacts',
      shared: true,
      filter: { cf: [`rep:any:${owner.userId},${leaving.userId}`] },
    });
    expect(view.problems).toEqual([]);
    await ok('DELETE', `/members/${leaving.userId}`, owner);
    const problems = [
      { field: 'filter.cf', message: '"Rep" names someone who is no longer a member' },
    ];
    expect((await ok('GET', `/views/${view.id}`, owner)).problems).toEqual(problems);
    // The list still takes the condition: the view is counted.
    expect(await ok('GET', `/views/${view.id}/count`, owner)).toEqual({ count: 0, problems });
  });

  it("removes a member's personal views when they leave, and keeps their shared ones", async () => {
    const leaving = await joinByInvitation(t.app, owner, 'member', 'views-leaving');
    const personal = await ok('POST', '/views', leaving, { kind: 'account', name: 'Private' });
    const shared = await ok('POST', '/views', leaving, {
      kind: 'account',
      name: 'Left behind',
      shared: true,
    });
    await ok('DELETE', `/members/${leaving.userId}`, owner);
    expect((await call('GET', `/views/${personal.id}`, owner)).statusCode).toBe(404);
    const kept = await ok('GET', `/views/${shared.id}`, owner);
    expect(kept).toMatchObject({ name: 'Left behind', created_by: null, can_edit: true });
    const rows = await t.ownerQuery('SELECT 1 FROM saved_views WHERE id = $1', [personal.id]);
    expect(rows).toHaveLength(0);
  });

  it('lists twenty views with the statements of one, following merges and naming problems', async () => {
    const admin = await signUp(t.app, 'views-scale');
    const rep = await joinByInvitation(t.app, admin, 'member', 'views-scale-rep');
    const leaving = await joinByInvitation(t.app, admin, 'member', 'views-scale-left');
    const [sales] = (await ok('GET', '/pipelines', admin)).data;
    const account = await ok('POST', '/accounts', admin, { name: 'Initech' });
    const survivor = await ok('POST', '/contacts', admin, { last_name: 'Kept' });
    const merged = await ok('POST', '/contacts', admin, { last_name: 'Merged' });
    const kept = await ok('POST', '/tags', admin, { name: 'Kept' });
    const deleted = await ok('POST', '/tags', admin, { name: 'Deleted' });
    for (const [key, field_type] of [
      ['closer', 'member'],
      ['size', 'number'],
    ])
      await ok('POST', '/custom-fields', admin, {
        record_type: 'deal',
        key,
        label: key,
        field_type,
      });
    // The first is shared; the others are the rep's own until they are shared below.
    const views: Array<{ id: string; filter: Record<string, unknown> }> = [];
    for (let n = 0; n < 20; n += 1) {
      views.push(
        await ok('POST', '/views', n === 0 ? admin : rep, {
          kind: 'deal',
          name: `View ${String(n).padStart(2, '0')}`,
          shared: n === 0,
          filter: {
            owner_id: rep.userId,
            tag_id: n % 2 ? kept.id : deleted.id,
            account_id: account.id,
            contact_id: n % 3 ? survivor.id : merged.id,
            pipeline_id: sales.id,
            stage_id: sales.stages[n % sales.stages.length].id,
            cf: [`closer:any:${n % 4 ? rep.userId : leaving.userId}`, 'size:gte:10'],
          },
          sort: n % 2 ? '-cf.closer' : 'cf.size',
        }),
      );
    }
    await ok('POST', '/contacts/merge', admin, {
      survivor_id: survivor.id,
      merged_ids: [merged.id],
    });
    await ok('DELETE', `/tags/${deleted.id}`, admin);
    await ok('DELETE', `/members/${leaving.userId}`, admin);

    const list = async () => {
      const { sent, result } = await countStatements(() => ok('GET', '/views?kind=deal', admin));
      return { views: result.data, sent };
    };
    const one = await list();
    expect(one.views.map((v: { name: string }) => v.name)).toEqual(['View 00']);
    await t.ownerQuery(`UPDATE saved_views SET user_id = NULL WHERE id = ANY($1::uuid[])`, [
      views.map((v) => v.id),
    ]);
    const twenty = await list();
    expect(twenty.views).toHaveLength(20);
    expect(twenty.sent).toBe(one.sent);

    const left = {
      field: 'filter.cf',
      message: '"closer" names someone who is no longer a member',
    };
    const tagGone = { field: 'filter.tag_id', message: 'the tag no longer exists' };
    twenty.views.forEach(
      (read: { filter: Record<string, unknown>; problems: object[] }, n: number) => {
        expect(read.filter.contact_id, `view ${n}`).toBe(survivor.id);
        expect(read.filter.tag_id, `view ${n}`).toBe(views[n]!.filter.tag_id);
        expect(read.problems, `view ${n}`).toEqual([
          ...(n % 2 ? [] : [tagGone]),
          ...(n % 4 ? [] : [left]),
        ]);
      },
    );
  });
});
