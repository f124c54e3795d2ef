import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRecord } from './support/crm-records.js';
import { joinByInvitation } from './support/members.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

let t: TestApp;
let a: SignedUp;
let b: SignedUp;

beforeAll(async () => {
  t = await createTestApp();
  a = await signUp(t.app, 'notes-a');
  b = await signUp(t.app, 'notes-b');
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

async function createNote(who: SignedUp, fields: Record<string, unknown>) {
  const response = await call('POST', '/notes', who, fields);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const ghost = '00000000-0000-4000-8000-000000000000';

describe('notes', () => {
  it('writes, reads, rewrites and deletes a note on each kind of record', async () => {
    for (const [type, field] of [
      ['lead', 'lead_id'],
      ['account', 'account_id'],
      ['contact', 'contact_id'],
      ['deal', 'deal_id'],
    ] as const) {
      const recordId = await seedRecord(t, a, type, `Noted ${type}`);
      const note = await createNote(a, { body: 'First call went well.', [field]: recordId });
      expect(note).toMatchObject({
        body: 'First call went well.',
        [field]: recordId,
        created_by: a.userId,
        author_name: expect.stringContaining('notes-a'),
      });
      expect(note).not.toHaveProperty('opportunity_id');
      expect((await call('GET', `/notes/${note.id}`, a)).json()).toEqual(note);
      const listed = await call('GET', `/notes?${field}=${recordId}`, a);
      expect(listed.json().data).toEqual([note]);

      const rewritten = await call('PATCH', `/notes/${note.id}`, a, { body: 'Second thoughts.' });
      expect(rewritten.statusCode, rewritten.body).toBe(200);
      expect(rewritten.json()).toMatchObject({ body: 'Second thoughts.', [field]: recordId });

      expect((await call('DELETE', `/notes/${note.id}`, a)).statusCode).toBe(204);
      expect((await call('GET', `/notes/${note.id}`, a)).statusCode).toBe(404);
    }
  });

  it("lists a record's notes newest first, a page at a time, and only that record's", async () => {
    const leadId = await seedRecord(t, a, 'lead', 'Chatty');
    const otherLead = await seedRecord(t, a, 'lead', 'Quiet');
    const colleague = await joinByInvitation(t.app, a, 'member', 'colleague');
    for (let i = 0; i < 5; i += 1) {
      await createNote(i % 2 ? colleague : a, { body: `Note ${i}`, lead_id: leadId });
    }
    await createNote(a, { body: 'Elsewhere', lead_id: otherLead });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await call(
        'GET',
        `/notes?lead_id=${leadId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        a,
      );
      expect(page.statusCode, page.body).toBe(200);
      seen.push(...page.json().data.map((n: { body: string }) => n.body));
      cursor = page.json().next_cursor;
    } while (cursor);
    expect(seen).toEqual(['Note 4', 'Note 3', 'Note 2', 'Note 1', 'Note 0']);

    const counted = await call('GET', `/notes?lead_id=${leadId}&count=true&limit=1`, a);
    expect(counted.json().total).toBe(5);
    const authors = (await call('GET', `/notes?lead_id=${leadId}`, a))
      .json()
      .data.map((n: { author_name: string }) => n.author_name);
    expect(authors.filter((name: string) => name.startsWith('colleague'))).toHaveLength(2);
  });

  it('lets only the author or an admin rewrite or delete a note', async () => {
    const author = await joinByInvitation(t.app, a, 'member', 'author');
    const other = await joinByInvitation(t.app, a, 'member', 'other');
    const admin = await joinByInvitation(t.app, a, 'admin');
    const accountId = await seedRecord(t, a, 'account', 'Guarded');
    const note = await createNote(author, { body: 'Mine', account_id: accountId });

    expect((await call('GET', `/notes/${note.id}`, other)).statusCode).toBe(200);
    const edited = await call('PATCH', `/notes/${note.id}`, other, { body: 'Not yours' });
    expect(edited.statusCode).toBe(403);
    expect((await call('DELETE', `/notes/${note.id}`, other)).statusCode).toBe(403);
    expect((await call('GET', `/notes/${note.id}`, a)).json().body).toBe('Mine');

    expect(
      (await call('PATCH', `/notes/${note.id}`, author, { body: 'Still mine' })).statusCode,
    ).toBe(200);
    expect(
      (await call('PATCH', `/notes/${note.id}`, admin, { body: 'Moderated' })).statusCode,
    ).toBe(200);
    expect((await call('DELETE', `/notes/${note.id}`, admin)).statusCode).toBe(204);
    const byOwner = await createNote(author, { body: 'For the owner', account_id: accountId });
    expect((await call('DELETE', `/notes/${byOwner.id}`, a)).statusCode).toBe(204);

    // A note outlives its author's membership; their name is no longer this organization's to show.
    const kept = await createNote(author, { body: 'Before leaving', account_id: accountId });
    expect((await call('DELETE', `/members/${author.userId}`, a)).statusCode).toBe(204);
    expect((await call('GET', `/notes/${kept.id}`, a)).json()).toMatchObject({
      body: 'Before leaving',
      created_by: author.userId,
      author_name: null,
    });
  });

  it('refuses bad input with 4xx naming the field', async () => {
    const leadId = await seedRecord(t, a, 'lead', 'Strict');
    const contactId = await seedRecord(t, a, 'contact', 'Strict');
    for (const [payload, field] of [
      [{ lead_id: leadId }, 'body'],
      [{ body: '', lead_id: leadId }, 'body'],
      [{ body: '  \n ', lead_id: leadId }, 'body'],
      [{ body: 'No record' }, 'lead_id'],
      [{ body: 'Two', lead_id: leadId, contact_id: contactId }, 'contact_id'],
      [{ body: 'Ghost', deal_id: ghost }, 'deal_id'],
      [{ body: 'Ghost', contact_id: ghost }, 'contact_id'],
      [{ body: 'Bad id', lead_id: 'nope' }, 'lead_id'],
      [{ body: 'Extra', lead_id: leadId, pinned: true }, 'pinned'],
    ] as const) {
      const response = await call('POST', '/notes', a, payload);
      const label = JSON.stringify(payload);
      expect(response.statusCode, `${label}: ${response.body}`).toBe(422);
      expect(response.json().error.details.fields[0].field, label).toBe(field);
    }
    const note = await createNote(a, { body: 'Fine', lead_id: leadId });
    const moved = await call('PATCH', `/notes/${note.id}`, a, {
      body: 'Moved',
      lead_id: contactId,
    });
    expect(moved.statusCode).toBe(422);
    expect(moved.json().error.details.fields[0].field).toBe('lead_id');

    for (const [query, field] of [
      ['', 'lead_id'],
      [`lead_id=${leadId}&contact_id=${contactId}`, 'contact_id'],
      ['deal_id=42', 'deal_id'],
      [`lead_id=${leadId}&cursor=junk`, 'cursor'],
    ]) {
      const response = await call('GET', `/notes?${query}`, a);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.details.fields[0].field, query).toBe(field);
    }
  });

  it('keeps notes of one organization out of reach of the other', async () => {
    const leadId = await seedRecord(t, a, 'lead', 'Private');
    const dealId = await seedRecord(t, a, 'deal', 'Private deal');
    const note = await createNote(a, { body: 'Confidential pricing', lead_id: leadId });
    for (const [method, url, payload] of [
      ['GET', `/notes/${note.id}`, undefined],
      ['PATCH', `/notes/${note.id}`, { body: 'Defaced' }],
      ['DELETE', `/notes/${note.id}`, undefined],
    ] as const) {
      expect((await call(method, url, b, payload)).statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await call('GET', `/notes/${note.id}`, a)).json().body).toBe('Confidential pricing');
    const theirList = await call('GET', `/notes?lead_id=${leadId}&count=true`, b);
    expect(theirList.json()).toEqual({ data: [], next_cursor: null, total: 0 });
    const ourList = await call('GET', `/notes?lead_id=${leadId}`, a);
    expect(ourList.json().data.map((n: { id: string }) => n.id)).toEqual([note.id]);

    for (const [field, theirs] of [
      ['lead_id', leadId],
      ['deal_id', dealId],
    ] as const) {
      const foreign = await call('POST', '/notes', b, { body: 'X', [field]: theirs });
      const nothing = await call('POST', '/notes', b, { body: 'X', [field]: ghost });
      expect(foreign.statusCode, field).toBe(422);
      expect(foreign.json().error.details.fields[0].field).toBe(field);
      expect(foreign.json()).toEqual(nothing.json());
    }
  });
});
