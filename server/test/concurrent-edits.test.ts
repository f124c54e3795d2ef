import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

let t: TestApp;
let a: SignedUp;
let b: SignedUp;
let leadOfA: string;

beforeAll(async () => {
  t = await createTestApp({ poolSize: 8 });
  a = await signUp(t.app, 'edits-a');
  b = await signUp(t.app, 'edits-b');
  leadOfA = (await call(a, 'POST', '/leads', { last_name: 'Anchor' })).json().id;
});
afterAll(async () => {
  await t.close();
});

function call(
  who: SignedUp,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
) {
  return t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...who.auth, ...headers },
    payload,
  });
}

/** Account names are unique in an organization. */
let serial = 0;

/** Every kind of record a PATCH edits: how to create one, and a field to change. */
const KINDS = [
  { path: 'leads', create: () => ({ last_name: 'Lovelace' }), field: 'first_name' },
  { path: 'accounts', create: () => ({ name: `Acme ${(serial += 1)}` }), field: 'name' },
  { path: 'contacts', create: () => ({ last_name: 'Hopper' }), field: 'first_name' },
  { path: 'deals', create: () => ({ name: 'Renewal' }), field: 'name' },
  { path: 'tasks', create: () => ({ title: 'Call back' }), field: 'title' },
  { path: 'notes', create: () => ({ body: 'First words', lead_id: leadOfA }), field: 'body' },
] as const;

describe.each(KINDS)('concurrent edits of $path', ({ path, create, field }) => {
  async function created(): Promise<{ id: string; version: string; etag: string }> {
    const response = await call(a, 'POST', `/${path}`, create());
    expect(response.statusCode, response.body).toBe(201);
    const read = await call(a, 'GET', `/${path}/${response.json().id}`);
    return { ...read.json(), etag: String(read.headers['etag']) };
  }

  it('answers a read with the version as its ETag, and a new one after each change', async () => {
    const record = await created();
    expect(record.etag).toBe(`"${record.version}"`);
    const edited = await call(
      a,
      'PATCH',
      `/${path}/${record.id}`,
      { [field]: 'Changed' },
      {
        'if-match': record.etag,
      },
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()[field]).toBe('Changed');
    expect(edited.headers['etag']).toBe(`"${edited.json().version}"`);
    expect(edited.json().version).not.toBe(record.version);
  });

  it('refuses a change based on an old version with 412 and the record as it is now', async () => {
    const record = await created();
    const first = await call(
      a,
      'PATCH',
      `/${path}/${record.id}`,
      { [field]: 'First' },
      {
        'if-match': record.etag,
      },
    );
    expect(first.statusCode).toBe(200);
    const late = await call(
      a,
      'PATCH',
      `/${path}/${record.id}`,
      { [field]: 'Late' },
      {
        'if-match': record.etag,
      },
    );
    expect(late.statusCode, late.body).toBe(412);
    expect(late.json().error).toMatchObject({
      code: 'version_mismatch',
      details: { current: { id: record.id, [field]: 'First', version: first.json().version } },
    });
    const now = await call(a, 'GET', `/${path}/${record.id}`);
    expect(now.json()[field]).toBe('First');
  });

  it('gives with a 412 the record exactly as a read of it gives it', async () => {
    const record = await created();
    await call(a, 'PATCH', `/${path}/${record.id}`, { [field]: 'Moved on' });
    // An account's read adds a summary of what links to it, which is not the record's.
    const { summary: _summary, ...read } = (await call(a, 'GET', `/${path}/${record.id}`)).json();
    for (const method of ['PATCH', 'DELETE'] as const) {
      const late = await call(
        a,
        method,
        `/${path}/${record.id}`,
        method === 'PATCH' ? { [field]: 'Late' } : undefined,
        { 'if-match': record.etag },
      );
      expect(late.statusCode, late.body).toBe(412);
      expect(late.json().error.details.current, `${method} ${path}`).toEqual(read);
    }
  });

  it('lets exactly one of 40 people editing the same version at once win, overwriting none', async () => {
    const record = await created();
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        call(
          a,
          'PATCH',
          `/${path}/${record.id}`,
          { [field]: `Edit ${i}` },
          {
            'if-match': record.etag,
          },
        ),
      ),
    );
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 412)).toHaveLength(39);
    const winner = answers.find((answer) => answer.statusCode === 200)!.json();
    expect((await call(a, 'GET', `/${path}/${record.id}`)).json()[field]).toBe(winner[field]);
  });

  it('keeps writing without If-Match, as scripts did before', async () => {
    const record = await created();
    await call(a, 'PATCH', `/${path}/${record.id}`, { [field]: 'Someone' });
    const blind = await call(a, 'PATCH', `/${path}/${record.id}`, { [field]: 'Script' });
    expect(blind.statusCode).toBe(200);
    expect(blind.json()[field]).toBe('Script');
    const any = await call(
      a,
      'PATCH',
      `/${path}/${record.id}`,
      { [field]: 'Star' },
      {
        'if-match': '*',
      },
    );
    expect(any.statusCode).toBe(200);
  });

  it("answers another organization's record with 404 whatever If-Match says", async () => {
    const record = await created();
    const theirs = await call(
      b,
      'PATCH',
      `/${path}/${record.id}`,
      { [field]: 'Theirs' },
      {
        'if-match': '"1"',
      },
    );
    expect(theirs.statusCode).toBe(404);
    expect((await call(a, 'GET', `/${path}/${record.id}`)).json()[field]).not.toBe('Theirs');
  });

  it('never matches a weak tag, as If-Match compares strongly', async () => {
    const record = await created();
    const weak = await call(
      a,
      'PATCH',
      `/${path}/${record.id}`,
      { [field]: 'Weak' },
      {
        'if-match': `W/${record.etag}`,
      },
    );
    expect(weak.statusCode).toBe(412);
    expect(weak.json().error.code).toBe('version_mismatch');
    expect((await call(a, 'GET', `/${path}/${record.id}`)).json()[field]).not.toBe('Weak');
    const mixed = await call(
      a,
      'PATCH',
      `/${path}/${record.id}`,
      { [field]: 'Strong' },
      {
        'if-match': `W/"0", ${record.etag}`,
      },
    );
    expect(mixed.statusCode).toBe(200);
  });

  it('deletes only over the version named, and refuses an older one with 412', async () => {
    const record = await created();
    const changed = await call(a, 'PATCH', `/${path}/${record.id}`, { [field]: 'Since' });
    const stale = await call(a, 'DELETE', `/${path}/${record.id}`, undefined, {
      'if-match': record.etag,
    });
    expect(stale.statusCode, stale.body).toBe(412);
    expect(stale.json().error).toMatchObject({
      code: 'version_mismatch',
      details: { current: { id: record.id, [field]: 'Since', version: changed.json().version } },
    });
    expect((await call(a, 'GET', `/${path}/${record.id}`)).statusCode).toBe(200);
    const theirs = await call(b, 'DELETE', `/${path}/${record.id}`, undefined, {
      'if-match': String(changed.headers['etag']),
    });
    expect(theirs.statusCode).toBe(404);
    const current = await call(a, 'DELETE', `/${path}/${record.id}`, undefined, {
      'if-match': String(changed.headers['etag']),
    });
    expect(current.statusCode, current.body).toBe(204);
    expect((await call(a, 'GET', `/${path}/${record.id}`)).statusCode).toBe(404);
  });

  it("counts a record's own changes in its version, telling nothing of other organizations' writes", async () => {
    const record = await created();
    // Another organization writes in between, as many do at every moment.
    for (let i = 0; i < 5; i += 1) {
      const other = await call(b, 'POST', '/leads', { last_name: `Busy ${i}` });
      expect(other.statusCode).toBe(201);
    }
    const edited = await call(a, 'PATCH', `/${path}/${record.id}`, { [field]: 'Second' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(Number(edited.json().version)).toBe(Number(record.version) + 1);
    const again = await call(a, 'PATCH', `/${path}/${record.id}`, { [field]: 'Third' });
    expect(Number(again.json().version)).toBe(Number(record.version) + 2);
  });

  it('answers an If-Match that is not a version with 400 naming the header', async () => {
    const record = await created();
    const bad = await call(
      a,
      'PATCH',
      `/${path}/${record.id}`,
      { [field]: 'Bad' },
      {
        'if-match': 'yesterday',
      },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('if-match');
  });
});

describe('completing a task', () => {
  it('completes only the version If-Match names, and refuses an older one with 412', async () => {
    const task = await call(a, 'POST', '/tasks', { title: 'Send the quote' });
    const reassigned = await call(a, 'PATCH', `/tasks/${task.json().id}`, {
      title: 'Send the quote, revised',
    });
    const stale = await call(a, 'POST', `/tasks/${task.json().id}/complete`, undefined, {
      'if-match': String(task.headers['etag']),
    });
    expect(stale.statusCode, stale.body).toBe(412);
    expect(stale.json().error).toMatchObject({
      code: 'version_mismatch',
      details: { current: { status: 'open', version: reassigned.json().version } },
    });
    expect((await call(a, 'GET', `/tasks/${task.json().id}`)).json().status).toBe('open');
    const current = await call(a, 'POST', `/tasks/${task.json().id}/complete`, undefined, {
      'if-match': String(reassigned.headers['etag']),
    });
    expect(current.statusCode, current.body).toBe(200);
    expect(current.json().status).toBe('done');
  });
});

describe('the API document', () => {
  it('shows If-Match on every PATCH and DELETE of a record, and the ETag on its reads and writes', async () => {
    const document = (await t.app.inject({ url: '/api/openapi.json' })).json();
    for (const { path } of KINDS) {
      const operations = document.paths[`/api/v1/${path}/{${path.slice(0, -1)}_id}`];
      for (const method of ['patch', 'delete']) {
        const headers = (operations[method].parameters as Array<{ in: string; name: string }>)
          .filter((parameter) => parameter.in === 'header')
          .map((parameter) => parameter.name);
        expect(headers, `${method} ${path}`).toContain('if-match');
        expect(Object.keys(operations[method].responses), `${method} ${path}`).toContain('412');
      }
      for (const method of ['get', 'patch'])
        expect(operations[method].responses['200'].headers, `${method} ${path}`).toHaveProperty(
          'etag',
        );
    }
  });
});

describe('versions of what lives beside a record', () => {
  it('gives a lead a new version when only its tags change', async () => {
    const lead = (await call(a, 'POST', '/leads', { last_name: 'Tagged' })).json();
    const [tag] = await t.ownerQuery<{ id: string }>(
      "INSERT INTO tags (org_id, name) VALUES ($1, 'Hot') RETURNING id",
      [a.orgId],
    );
    const tagged = await call(
      a,
      'PATCH',
      `/leads/${lead.id}`,
      { tag_ids: [tag!.id] },
      {
        'if-match': `"${lead.version}"`,
      },
    );
    expect(tagged.statusCode, tagged.body).toBe(200);
    expect(tagged.json().version).not.toBe(lead.version);
    const stale = await call(
      a,
      'PATCH',
      `/leads/${lead.id}`,
      { tag_ids: [] },
      {
        'if-match': `"${lead.version}"`,
      },
    );
    expect(stale.statusCode).toBe(412);
  });
});
