import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appThroughProxy, slowLeadInserts, untilSleeping } from './support/database-faults.js';
import { joinByInvitation } from './support/members.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

let t: TestApp;
let a: SignedUp;
let b: SignedUp;

beforeAll(async () => {
  t = await createTestApp({ poolSize: 8 });
  a = await signUp(t.app, 'idem-a');
  b = await signUp(t.app, 'idem-b');
});
afterAll(async () => {
  await t.close();
});

const post = (who: SignedUp, url: string, payload: object, key?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    headers: { ...who.auth, ...(key === undefined ? {} : { 'idempotency-key': key }) },
    payload,
  });

async function leadsNamed(who: SignedUp, lastName: string): Promise<string[]> {
  const rows = await t.ownerQuery<{ id: string }>(
    'SELECT id FROM leads WHERE org_id = $1 AND last_name = $2',
    [who.orgId, lastName],
  );
  return rows.map((row) => row.id);
}

describe('Idempotency-Key', () => {
  it('answers a repeated create with the first answer and creates one record', async () => {
    const key = randomUUID();
    const first = await post(a, '/leads', { last_name: 'Retried' }, key);
    const again = await post(a, '/leads', { last_name: 'Retried' }, key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    // The version it answered with, so that the client's next edit can say what it was based on.
    expect(first.headers.etag).toBe(`"${first.json().version}"`);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(await leadsNamed(a, 'Retried')).toEqual([first.json().id]);
  });

  it('compares an uploaded file by its bytes: another file of the same length is refused', async () => {
    const lead = (await post(a, '/leads', { last_name: 'Filed' })).json<{ id: string }>();
    const upload = (url: string, type: string, file: string, key: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1${url}`,
        headers: { ...a.auth, 'content-type': type, 'idempotency-key': key },
        payload: file,
      });
    const cases = [
      {
        url: `/files?lead_id=${lead.id}&name=a.txt`,
        type: 'text/plain',
        one: 'hello',
        two: 'world',
      },
      {
        url: '/imports?kind=lead&file_name=a.csv',
        type: 'text/csv',
        one: 'Last name\nAda\n',
        two: 'Last name\nBob\n',
      },
    ];
    for (const { url, type, one, two } of cases) {
      const key = randomUUID();
      const first = await upload(url, type, one, key);
      expect(first.statusCode, first.body).toBe(201);
      const other = await upload(url, type, two, key);
      expect(other.statusCode, url).toBe(422);
      expect(other.json().error.code).toBe('idempotency_key_reused');
      const again = await upload(url, type, one, key);
      expect(again.statusCode, again.body).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.json()).toEqual(first.json());
    }
    const kept = await t.ownerQuery<{ files: number; imports: number }>(
      `SELECT (SELECT count(*)::int FROM files WHERE org_id = $1) AS files,
              (SELECT count(*)::int FROM imports WHERE org_id = $1) AS imports`,
      [a.orgId],
    );
    expect(kept).toEqual([{ files: 1, imports: 1 }]);
  });

  it('creates once when the same request arrives many times at once', async () => {
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => post(a, '/leads', { last_name: 'Raced' }, key)),
    );
    const created = await leadsNamed(a, 'Raced');
    expect(created).toHaveLength(1);
    for (const answer of answers) {
      // Either the first answer, or "still running, repeat in a moment": never a second record.
      expect([201, 409], answer.body).toContain(answer.statusCode);
      if (answer.statusCode === 201) expect(answer.json().id).toBe(created[0]);
      else {
        expect(answer.json().error.code).toBe('idempotency_key_in_use');
        expect(answer.headers['retry-after']).toBe('1');
      }
    }
  });

  it('refuses the same key with another body with 422 naming the header, and writes nothing', async () => {
    const key = randomUUID();
    expect((await post(a, '/leads', { last_name: 'Original' }, key)).statusCode).toBe(201);
    const other = await post(a, '/leads', { last_name: 'Different' }, key);
    expect(other.statusCode).toBe(422);
    expect(other.json().error).toMatchObject({
      code: 'idempotency_key_reused',
      details: { fields: [{ field: 'idempotency-key' }] },
    });
    expect(await leadsNamed(a, 'Different')).toEqual([]);
  });

  it('does not keep the key of a request that failed, so the corrected one can use it', async () => {
    const key = randomUUID();
    const refused = await post(a, '/leads', { last_name: 'Owned', owner_id: randomUUID() }, key);
    expect(refused.statusCode).toBe(422);
    const corrected = await post(a, '/leads', { last_name: 'Owned' }, key);
    expect(corrected.statusCode).toBe(201);
    expect(await leadsNamed(a, 'Owned')).toEqual([corrected.json().id]);
  });

  it("keeps each organization's keys apart", async () => {
    const key = randomUUID();
    const ofA = await post(a, '/leads', { last_name: 'Shared key' }, key);
    const ofB = await post(b, '/leads', { last_name: 'Shared key' }, key);
    expect(ofB.statusCode).toBe(201);
    expect(ofB.headers['idempotent-replayed']).toBeUndefined();
    expect(ofB.json().id).not.toBe(ofA.json().id);
    expect(await leadsNamed(a, 'Shared key')).toEqual([ofA.json().id]);
    expect(await leadsNamed(b, 'Shared key')).toEqual([ofB.json().id]);
  });

  it("keeps each person's keys apart: a colleague's same key neither answers nor blocks", async () => {
    const colleague = await joinByInvitation(t.app, a, 'member', 'idem-colleague');
    const key = randomUUID();
    const mine = await post(a, '/leads', { last_name: 'Same key, same org' }, key);
    const theirs = await post(colleague, '/leads', { last_name: 'Same key, same org' }, key);
    expect(theirs.statusCode, theirs.body).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.json().id).not.toBe(mine.json().id);
    expect(theirs.json().created_by).toBe(colleague.userId);
    // Their repeat gets their answer, and mine mine.
    const theirsAgain = await post(colleague, '/leads', { last_name: 'Same key, same org' }, key);
    expect(theirsAgain.json()).toEqual(theirs.json());
    const mineAgain = await post(a, '/leads', { last_name: 'Same key, same org' }, key);
    expect(mineAgain.json()).toEqual(mine.json());
    // Nor does a request of mine still running with a key hold up theirs with it.
    const running = randomUUID();
    await t.ownerQuery(
      "INSERT INTO idempotency_keys (org_id, key, fingerprint, created_by) VALUES ($1, $2, '\\x00', $3)",
      [a.orgId, running, a.userId],
    );
    const meanwhile = await post(colleague, '/leads', { last_name: 'Meanwhile' }, running);
    expect(meanwhile.statusCode, meanwhile.body).toBe(201);
    expect((await post(a, '/leads', { last_name: 'Meanwhile' }, running)).statusCode).toBe(409);
  });

  it('answers a repeated bulk action with its first answer', async () => {
    const ids = [];
    for (const name of ['Bulk one', 'Bulk two'])
      ids.push((await post(a, '/leads', { last_name: name })).json().id);
    const key = randomUUID();
    const first = await post(a, '/leads/bulk', { ids, action: 'delete' }, key);
    expect(first.json()).toEqual({ updated: 2 });
    const again = await post(a, '/leads/bulk', { ids, action: 'delete' }, key);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ updated: 2 });
    // Without the key, the repeat would find the records gone.
    expect((await post(a, '/leads/bulk', { ids, action: 'delete' })).statusCode).toBe(404);
  });

  it('answers a repeated change made over a version with its first answer, not 412 over itself', async () => {
    const send = (
      method: 'PATCH' | 'DELETE' | 'POST',
      url: string,
      version: string,
      key: string,
      payload?: object,
    ) =>
      t.app.inject({
        method,
        url: `/api/v1${url}`,
        headers: { ...a.auth, 'if-match': `"${version}"`, 'idempotency-key': key },
        payload,
      });
    const lead = (await post(a, '/leads', { last_name: 'Edited twice' })).json();
    const key = randomUUID();
    const first = await send('PATCH', `/leads/${lead.id}`, lead.version, key, {
      first_name: 'Ada',
    });
    expect(first.statusCode, first.body).toBe(200);
    // The answer was lost on the way: the client repeats the same change over the same version.
    const again = await send('PATCH', `/leads/${lead.id}`, lead.version, key, {
      first_name: 'Ada',
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(again.headers.etag).toBe(first.headers.etag);
    const other = await send('PATCH', `/leads/${lead.id}`, lead.version, key, {
      first_name: 'Bob',
    });
    expect(other.statusCode).toBe(422);

    const task = (await post(a, '/tasks', { title: 'Done twice' })).json();
    const done = randomUUID();
    const completed = await send('POST', `/tasks/${task.id}/complete`, task.version, done);
    expect(completed.statusCode, completed.body).toBe(200);
    const completedAgain = await send('POST', `/tasks/${task.id}/complete`, task.version, done);
    expect(completedAgain.statusCode, completedAgain.body).toBe(200);
    expect(completedAgain.json()).toEqual(completed.json());

    const gone = randomUUID();
    const version = first.json().version;
    const deleted = await send('DELETE', `/leads/${lead.id}`, version, gone);
    expect(deleted.statusCode, deleted.body).toBe(204);
    const deletedAgain = await send('DELETE', `/leads/${lead.id}`, version, gone);
    expect(deletedAgain.statusCode, deletedAgain.body).toBe(204);
    expect(deletedAgain.headers['idempotent-replayed']).toBe('true');
    expect(deletedAgain.body).toBe('');
  });

  it('answers a repeated start of background work (202) with its first answer', async () => {
    const key = randomUUID();
    const first = await post(a, '/exports', {}, key);
    expect(first.statusCode, first.body).toBe(202);
    // While the first export is queued, a second start without the key is refused with 409.
    const again = await post(a, '/exports', {}, key);
    expect(again.statusCode, again.body).toBe(202);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
  });

  it('answers a repeated lead conversion, which creates records, with its first answer', async () => {
    const lead = (
      await post(a, '/leads', { last_name: 'Converted once', company: 'Once Ltd' })
    ).json();
    const key = randomUUID();
    const first = await post(a, `/leads/${lead.id}/convert`, {}, key);
    expect(first.statusCode, first.body).toBe(200);
    const again = await post(a, `/leads/${lead.id}/convert`, {}, key);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    // Without the key, the repeat finds the lead converted already.
    expect((await post(a, `/leads/${lead.id}/convert`, {})).statusCode).toBe(409);
  });

  it('releases the key of a request that failed while the database was out of reach, once it is back', async () => {
    await slowLeadInserts(t);
    const through = await appThroughProxy(t, 1);
    try {
      const key = randomUUID();
      const request = () =>
        through.app.inject({
          method: 'POST',
          url: '/api/v1/leads',
          headers: { ...a.auth, 'idempotency-key': key },
          payload: { last_name: 'slow and cut' },
        });
      const pending = request();
      await untilSleeping(t);
      // The work fails, and so does releasing its key at once: the database is out of reach.
      through.proxy.refuse();
      expect((await pending).statusCode).toBe(503);
      through.proxy.accept();
      // Repeating it, as the 503 invited, soon runs it rather than answering 409 for a day.
      await expect
        .poll(async () => (await request()).statusCode, { timeout: 10_000, interval: 500 })
        .toBe(201);
      expect(await leadsNamed(a, 'slow and cut')).toHaveLength(1);
    } finally {
      await through.close();
    }
  });

  it('forgets keys after 24 hours, removing them when the organization next uses a key', async () => {
    const key = randomUUID();
    const first = await post(a, '/leads', { last_name: 'Yesterday' }, key);
    await t.ownerQuery(
      "UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE org_id = $1 AND key = $2",
      [a.orgId, key],
    );
    const later = await post(a, '/leads', { last_name: 'Yesterday' }, key);
    expect(later.statusCode).toBe(201);
    expect(later.json().id).not.toBe(first.json().id);
    const kept = await t.ownerQuery(
      "SELECT 1 FROM idempotency_keys WHERE org_id = $1 AND created_at < now() - interval '24 hours'",
      [a.orgId],
    );
    expect(kept).toEqual([]);
  });

  it('answers a key that is empty, too long or not printable with 400 naming the header', async () => {
    for (const key of ['', 'x'.repeat(256), 'with space']) {
      const bad = await post(a, '/leads', { last_name: 'Bad key' }, key);
      expect(bad.statusCode, key).toBe(400);
      expect(bad.json().error.details.fields[0].field).toBe('idempotency-key');
    }
    expect(await leadsNamed(a, 'Bad key')).toEqual([]);
  });

  it('documents the header and its errors on every create, start of background work, bulk action and write over a version', async () => {
    const document = (await t.app.inject({ url: '/api/openapi.json' })).json();
    type Operation = {
      responses: Record<string, unknown>;
      parameters?: Array<{ name: string; in: string }>;
    };
    const operations = Object.entries(document.paths as Record<string, Record<string, Operation>>)
      .filter(([path]) => !path.startsWith('/api/v1/auth/'))
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
      )
      .filter(
        ({ method, path, operation }) =>
          (method === 'post' &&
            ('201' in operation.responses ||
              '202' in operation.responses ||
              path.endsWith('/bulk') ||
              path.endsWith('/convert'))) ||
          (operation.parameters ?? []).some((p) => p.in === 'header' && p.name === 'if-match'),
      );
    expect(operations.length).toBeGreaterThan(10);
    for (const { path, operation } of operations) {
      const names = (operation.parameters ?? []).map((p) => (p.in === 'header' ? p.name : null));
      expect(names, path).toContain('idempotency-key');
      // A bad key, a key still in use, a key used for another request.
      expect(Object.keys(operation.responses), path).toEqual(
        expect.arrayContaining(['400', '409', '422']),
      );
    }
  });
});
