import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

let t: TestApp;
let a: SignedUp;
let b: SignedUp;

beforeAll(async () => {
  t = await createTestApp();
  a = await signUp(t.app, 'history-a');
  b = await signUp(t.app, 'history-b');
});
afterAll(async () => {
  await t.close();
});

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, who: SignedUp, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: who.auth, payload });

describe('the history of every kind of record', () => {
  it('shows who created and changed each record, and only to its organization', async () => {
    const lead = (await call('POST', '/leads', a, { last_name: 'Babbage' })).json();
    const account = (await call('POST', '/accounts', a, { name: 'Difference Ltd' })).json();
    const contact = (await call('POST', '/contacts', a, { last_name: 'Somerville' })).json();
    const deal = (await call('POST', '/deals', a, { name: 'Big one' })).json();
    const task = (await call('POST', '/tasks', a, { title: 'Call back' })).json();
    const note = (await call('POST', '/notes', a, { body: 'First call', lead_id: lead.id })).json();
    const tag = (await call('POST', '/tags', a, { name: 'Key' })).json();
    const records: Array<[string, string, object]> = [
      ['leads', lead.id, { status: 'contacted' }],
      ['accounts', account.id, { industry: 'Machinery' }],
      ['contacts', contact.id, { job_title: 'Astronomer' }],
      ['deals', deal.id, { amount: 5000 }],
      ['tasks', task.id, { priority: 'high' }],
      ['notes', note.id, { body: 'First call, went well' }],
      ['tags', tag.id, { color: '#ff0000' }],
    ];
    for (const [path, id, change] of records) {
      const updated = await call('PATCH', `/${path}/${id}`, a, change);
      expect(updated.statusCode, `${path}: ${updated.body}`).toBe(200);
      const history = await call('GET', `/audit-log/records/${id}`, a);
      expect(history.statusCode, path).toBe(200);
      const entries = history.json().data as Array<{
        action: string;
        actor: { id: string } | null;
        changes: Record<string, { old?: unknown; new?: unknown }>;
      }>;
      expect(
        entries.map((e) => e.action),
        path,
      ).toEqual(['insert', 'update']);
      expect(
        entries.every((e) => e.actor?.id === a.userId),
        path,
      ).toBe(true);
      const [field, value] = Object.entries(change)[0]!;
      expect(entries[1]!.changes[field]?.new, path).toEqual(value);
      expect(
        (await call('GET', `/audit-log/records/${id}`, b)).statusCode,
        `${path} seen by B`,
      ).toBe(404);
    }
  });

  it('shows tags being added to and removed from a record, by name', async () => {
    const hot = (await call('POST', '/tags', a, { name: 'Hot' })).json();
    const vip = (await call('POST', '/tags', a, { name: 'VIP' })).json();
    const lead = (
      await call('POST', '/leads', a, { last_name: 'Hopper', tag_ids: [hot.id] })
    ).json();
    await call('PATCH', `/leads/${lead.id}`, a, { tag_ids: [vip.id] });
    const history = (await call('GET', `/audit-log/records/${lead.id}`, a)).json();
    const tagging = (
      history.data as Array<{ action: string; actor: { id: string } | null; changes: object }>
    ).filter((e) => e.action.startsWith('tag.'));
    expect(tagging.map((e) => [e.action, e.changes])).toEqual([
      ['tag.added', { tag_id: { new: hot.id }, tag_name: { new: 'Hot' } }],
      ['tag.removed', { tag_id: { old: hot.id }, tag_name: { old: 'Hot' } }],
      ['tag.added', { tag_id: { new: vip.id }, tag_name: { new: 'VIP' } }],
    ]);
    expect(tagging.every((e) => e.actor?.id === a.userId)).toBe(true);
  });
});
