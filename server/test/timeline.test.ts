import nodemailer from 'nodemailer';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmailReceiver, type EmailReceiver } from '../src/modules/emails/receiver.js';
import { joinByInvitation } from './support/members.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

let t: TestApp;
let a: SignedUp;
let b: SignedUp;
let colleague: SignedUp;
let receiver: EmailReceiver;

beforeAll(async () => {
  // Email is queued (no worker sends it here) and received by BCC through the real receiver.
  t = await createTestApp({
    env: {
      SMTP_URL: 'smtp://127.0.0.1:1',
      SMTP_RECEIVER_PORT: '0',
      SMTP_RECEIVER_DOMAIN: 'log.rampart.test',
    },
  });
  receiver = await startEmailReceiver(t.deps, pino({ level: 'silent' }), 0, '127.0.0.1');
  a = await signUp(t.app, 'timeline-a');
  b = await signUp(t.app, 'timeline-b');
  colleague = await joinByInvitation(t.app, a, 'member', 'colleague');
});
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const call = (
  method: Method,
  url: string,
  who: { auth: { authorization: string } },
  payload?: object,
) => t.app.inject({ method, url: `/api/v1${url}`, headers: who.auth, payload });

async function created(who: SignedUp, url: string, payload: object) {
  const response = await call('POST', url, who, payload);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

interface Item {
  id: string;
  type: string;
  actor: { id: string; name: string | null } | null;
  record: { type: string; id: string; title: string | null };
  [detail: string]: unknown;
}

async function timeline(
  who: SignedUp,
  path: string,
  query = '',
): Promise<{ data: Item[]; next_cursor: string | null }> {
  const response = await call('GET', `${path}/timeline${query}`, who);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** Every page, following next_cursor. */
async function everything(who: SignedUp, path: string, query: string): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | null = null;
  do {
    const page = await timeline(
      who,
      path,
      `?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    items.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor);
  return items;
}

const mention = (who: SignedUp, name: string) => `@[${name}](member:${who.userId})`;

describe('record timeline', () => {
  it('shows notes, tasks, files and changes newest first, with who did each', async () => {
    const contact = await created(a, '/contacts', { first_name: 'Ada', last_name: 'Lovelace' });
    const path = `/contacts/${contact.id}`;
    await created(a, '/notes', { body: 'First **call**', contact_id: contact.id });
    const task = await created(colleague, '/tasks', {
      title: 'Call back',
      type: 'call',
      contact_id: contact.id,
    });
    const done = await call('PATCH', `/tasks/${task.id}`, colleague, { status: 'done' });
    expect(done.statusCode, done.body).toBe(200);
    const file = await t.app.inject({
      method: 'POST',
      url: `/api/v1/files?contact_id=${contact.id}&name=brief.txt`,
      headers: { ...a.auth, 'content-type': 'text/plain' },
      payload: 'the brief',
    });
    expect(file.statusCode, file.body).toBe(201);
    const changed = await call('PATCH', path, a, { job_title: 'Countess' });
    expect(changed.statusCode, changed.body).toBe(200);

    const { data } = await timeline(a, path);
    expect(data.map((item) => [item.type, item['event'] ?? item['action'] ?? null])).toEqual([
      ['change', 'updated'],
      ['file', null],
      ['task', 'completed'],
      ['task', 'created'],
      ['note', null],
      ['change', 'created'],
    ]);
    const [fieldChange, fileItem, completed, createdTask, note] = data;
    expect(fieldChange!['changes']).toEqual([{ field: 'job_title', old: null, new: 'Countess' }]);
    expect(fieldChange!.actor).toEqual({
      id: a.userId,
      name: expect.stringContaining('timeline-a'),
    });
    expect(fileItem!['file']).toMatchObject({ name: 'brief.txt', byte_size: 9 });
    expect(completed!.actor?.id).toBe(colleague.userId);
    expect(createdTask!['task']).toMatchObject({ title: 'Call back', type: 'call' });
    expect(note!['note']).toMatchObject({ body_html: '<p>First <strong>call</strong></p>\n' });
    for (const item of data)
      expect(item.record).toEqual({ type: 'contact', id: contact.id, title: 'Ada Lovelace' });
  });

  it('filters by type and pages without gaps or repeats, items of one instant included', async () => {
    const lead = await created(a, '/leads', { last_name: 'Paged' });
    for (let i = 0; i < 7; i += 1)
      await created(a, '/notes', { body: `Note ${i}`, lead_id: lead.id });
    // Several tasks in one statement's instant: ties are broken by the item, never lost.
    for (let i = 0; i < 4; i += 1)
      await created(a, '/tasks', { title: `Task ${i}`, lead_id: lead.id, status: 'done' });

    const all = (await timeline(a, `/leads/${lead.id}`, '?limit=100')).data;
    const paged = await everything(a, `/leads/${lead.id}`, 'limit=3');
    expect(paged.map((item) => item.id)).toEqual(all.map((item) => item.id));
    expect(new Set(paged.map((item) => item.id)).size).toBe(paged.length);
    expect(paged).toHaveLength(1 + 7 + 4 * 2);

    const notes = await everything(a, `/leads/${lead.id}`, 'types=note&limit=2');
    expect(notes.map((item) => item.note && (item.note as { body: string }).body)).toEqual(
      [6, 5, 4, 3, 2, 1, 0].map((i) => `Note ${i}`),
    );
    const tasksAndChanges = await everything(a, `/leads/${lead.id}`, 'types=task,change');
    expect(new Set(tasksAndChanges.map((item) => item.type))).toEqual(new Set(['task', 'change']));
    expect(tasksAndChanges).toHaveLength(9);

    const bad = await call('GET', `/leads/${lead.id}/timeline?types=note,emails`, a);
    expect(bad.statusCode).toBe(400);
    const badCursor = await call('GET', `/leads/${lead.id}/timeline?cursor=bm9wZQ`, a);
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().error.details.fields[0].field).toBe('cursor');
  });

  it("includes an account's contacts' and deals' activity, naming where each came from", async () => {
    const account = await created(a, '/accounts', { name: 'Analytical Engines' });
    const contact = await created(a, '/contacts', {
      last_name: 'Babbage',
      account_id: account.id,
    });
    const deal = await created(a, '/deals', { name: 'Engine no. 2', account_id: account.id });
    const elsewhere = await created(a, '/contacts', { last_name: 'Unrelated' });
    await created(a, '/notes', { body: 'On the account', account_id: account.id });
    await created(a, '/notes', { body: 'On the contact', contact_id: contact.id });
    await created(a, '/notes', { body: 'On the deal', deal_id: deal.id });
    await created(a, '/notes', { body: 'Not here', contact_id: elsewhere.id });

    const notes = (await timeline(a, `/accounts/${account.id}`, '?types=note')).data;
    expect(
      notes.map((item) => [
        (item.note as { body: string }).body,
        item.record.type,
        item.record.title,
      ]),
    ).toEqual([
      ['On the deal', 'deal', 'Engine no. 2'],
      ['On the contact', 'contact', 'Babbage'],
      ['On the account', 'account', 'Analytical Engines'],
    ]);
    // The contact's own timeline is its own.
    const own = (await timeline(a, `/contacts/${contact.id}`, '?types=note')).data;
    expect(own.map((item) => (item.note as { body: string }).body)).toEqual(['On the contact']);
  });

  it('shows an email sent from a deal and one received by BCC once each, on every record they concern', async () => {
    const account = await created(a, '/accounts', { name: 'Harvard Mark' });
    const grace = await created(a, '/contacts', {
      last_name: 'Hopper',
      email: 'grace@navy.example',
      account_id: account.id,
    });
    const deal = await created(a, '/deals', {
      name: 'Mark II',
      account_id: account.id,
      primary_contact_id: grace.id,
    });
    // B knows someone at the same address: neither email is ever B's.
    const theirs = await created(b, '/contacts', {
      last_name: 'Hers',
      email: 'grace@navy.example',
    });

    const sent = await created(a, '/emails', {
      deal_id: deal.id,
      subject: 'Proposal for {{deal.name}}',
      body: 'Hello,\n\n  here is   the proposal.',
    });
    const logging = (await call('GET', '/email-settings', a)).json().logging_address as string;
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: receiver.port,
      secure: false,
      ignoreTLS: true,
    });
    await transport
      .sendMail({
        from: 'Grace <grace@navy.example>',
        to: 'rep@rampart.test',
        bcc: logging,
        subject: 'Question about Mark II',
        text: 'Can it run overnight?',
        // An hour before the proposal: the feed's order is the emails' own times.
        date: new Date(Date.now() - 3_600_000),
      })
      .finally(() => transport.close());

    const summary = (items: Item[]) =>
      items.map((item) => {
        const email = item.email as Record<string, unknown>;
        return [email['subject'], email['direction'], email['status'], item.record.type];
      });
    const sentItem = ['Proposal for Mark II', 'sent', 'queued'];
    const receivedItem = ['Question about Mark II', 'received', null];

    const onContact = (await timeline(a, `/contacts/${grace.id}`, '?types=email')).data;
    expect(summary(onContact)).toEqual([
      [...sentItem, 'contact'],
      [...receivedItem, 'contact'],
    ]);
    expect(onContact[0]).toMatchObject({
      id: `email:${sent.id}`,
      actor: { id: a.userId },
      email: {
        id: sent.id,
        from: sent.from_address,
        to: ['grace@navy.example'],
        preview: 'Hello, here is the proposal.',
      },
    });
    expect(onContact[1]!.actor).toBeNull();
    // The deal's own link is the one shown on the deal; the reply was logged on the contact only.
    const onDeal = (await timeline(a, `/deals/${deal.id}`, '?types=email')).data;
    expect(summary(onDeal)).toEqual([[...sentItem, 'deal']]);
    // The account reads both its contact and its deal: the sent email is still one item.
    const expected = [`email:${sent.id}`, onContact[1]!.id];
    const onAccount = (await timeline(a, `/accounts/${account.id}`, '?types=email')).data;
    expect(onAccount.map((item) => item.id)).toEqual(expected);
    const paged = await everything(a, `/accounts/${account.id}`, 'types=email&limit=1');
    expect(paged.map((item) => item.id)).toEqual(expected);
    // Unfiltered, emails sit among the rest; other filters leave them out.
    const all = (await timeline(a, `/contacts/${grace.id}`)).data;
    expect(all.filter((item) => item.type === 'email')).toHaveLength(2);
    const notes = (await timeline(a, `/contacts/${grace.id}`, '?types=note,change')).data;
    expect(notes.some((item) => item.type === 'email')).toBe(false);

    const theirView = (await timeline(b, `/contacts/${theirs.id}`)).data;
    expect(theirView.map((item) => item.type)).toEqual(['change']);
    expect(JSON.stringify(theirView)).not.toContain('Proposal');
    for (const path of [`/contacts/${grace.id}`, `/deals/${deal.id}`, `/accounts/${account.id}`]) {
      const response = await call('GET', `${path}/timeline?types=email`, b);
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('Proposal');
    }
  });

  it("shows a deal's stage moves with the stages' names", async () => {
    const pipeline = (await call('GET', '/pipelines', a)).json().data[0];
    const [first, second] = pipeline.stages;
    const deal = await created(a, '/deals', { name: 'Moving', stage_id: first.id });
    const moved = await call('PATCH', `/deals/${deal.id}`, a, { stage_id: second.id });
    expect(moved.statusCode, moved.body).toBe(200);
    const { data } = await timeline(a, `/deals/${deal.id}`, '?types=stage');
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({
      type: 'stage',
      from: { id: first.id, name: first.name },
      to: { id: second.id, name: second.name },
    });
  });

  it("shows a lead's conversion, and the lead's notes on what it became", async () => {
    const lead = await created(a, '/leads', {
      first_name: 'Grace',
      last_name: 'Hopper',
      company: 'Navy',
    });
    await created(a, '/notes', { body: 'Met at the fair', lead_id: lead.id });
    const converted = await call('POST', `/leads/${lead.id}/convert`, a, {});
    expect(converted.statusCode, converted.body).toBe(200);
    const { contact } = converted.json();

    const onLead = (await timeline(a, `/leads/${lead.id}`, '?types=conversion')).data;
    expect(onLead).toHaveLength(1);
    expect(onLead[0]!['changes']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'converted_contact_id', new: contact.id }),
      ]),
    );
    const onContact = (await timeline(a, `/contacts/${contact.id}`, '?types=note,conversion')).data;
    expect(onContact.map((item) => [item.type, item.record.type])).toEqual([
      ['conversion', 'lead'],
      ['note', 'lead'],
    ]);
  });

  it("shows a merge and the merged record's notes on the survivor", async () => {
    const survivor = await created(a, '/contacts', { last_name: 'Kept' });
    const merged = await created(a, '/contacts', { last_name: 'Gone' });
    await created(a, '/notes', { body: 'Written on the merged one', contact_id: merged.id });
    const response = await call('POST', '/contacts/merge', a, {
      survivor_id: survivor.id,
      merged_ids: [merged.id],
      values: {},
    });
    expect(response.statusCode, response.body).toBe(200);
    const { data } = await timeline(a, `/contacts/${survivor.id}`, '?types=merge,note');
    expect(data.map((item) => item.type)).toEqual(['merge', 'note']);
    expect(data[0]!['merged_ids']).toEqual([merged.id]);
    const gone = await call('GET', `/contacts/${merged.id}/timeline`, a);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.details).toEqual({ merged_into: survivor.id });
  });

  it("keeps two organizations apart: another's record is 404 and its activity never shows", async () => {
    const mine = await created(a, '/contacts', { last_name: 'Mine' });
    const theirs = await created(b, '/contacts', { last_name: 'Theirs' });
    await created(a, '/notes', { body: 'A secret of A', contact_id: mine.id });
    await created(b, '/notes', { body: 'A secret of B', contact_id: theirs.id });

    const visible = (await timeline(a, `/contacts/${mine.id}`)).data;
    expect(visible.map((item) => item.type).sort()).toEqual(['change', 'note']);
    expect(JSON.stringify(visible)).toContain('A secret of A');
    expect(JSON.stringify(visible)).not.toContain('A secret of B');

    for (const [who, id] of [
      [a, theirs.id],
      [b, mine.id],
    ] as const) {
      const response = await call('GET', `/contacts/${id}/timeline`, who);
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('secret');
    }
    // B's own view holds only B's.
    const bView = (await timeline(b, `/contacts/${theirs.id}`)).data;
    expect(JSON.stringify(bView)).toContain('A secret of B');
    expect(JSON.stringify(bView)).not.toContain('A secret of A');
  });
});

describe('note Markdown', () => {
  it('renders formatting and leaves scripts, handlers and javascript: links inert', async () => {
    const lead = await created(a, '/leads', { last_name: 'Hostile' });
    const note = await created(a, '/notes', {
      lead_id: lead.id,
      body: [
        '**bold** and _soft_',
        '<script>alert(1)</script>',
        '<img src=x onerror="alert(2)">',
        '[click](javascript:alert(3)) [data](data:text/html;base64,PHNjcmlwdD4=)',
        '[safe](https://example.com/x)',
      ].join('\n\n'),
    });
    const html: string = note.body_html;
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>soft</em>');
    expect(html).not.toMatch(/<script|<img|<[^>]*onerror=|href="javascript:|href="data:/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain(
      '<a href="https://example.com/x" rel="noopener noreferrer" target="_blank">safe</a>',
    );
    // The body is kept as it was written.
    expect(note.body).toContain('<script>alert(1)</script>');
    const [item] = (await timeline(a, `/leads/${lead.id}`, '?types=note')).data;
    expect((item!.note as { body_html: string }).body_html).toBe(html);
  });
});

describe('mentions', () => {
  const unread = async (who: SignedUp) =>
    (await call('GET', '/notifications', who))
      .json()
      .data.filter((n: { kind: string }) => n.kind === 'mentioned');

  it('notifies each mentioned member once, and only the new one when an edit adds a mention', async () => {
    const third = await joinByInvitation(t.app, a, 'member', 'third');
    const deal = await created(a, '/deals', { name: 'Mentioned deal' });
    const before = (await unread(colleague)).length;
    const note = await created(a, '/notes', {
      deal_id: deal.id,
      body: `Ask ${mention(colleague, 'Col')} about it, and ${mention(a, 'me')}`,
    });
    // Shown under the member's current name, whatever the token says.
    expect(note.body_html).toMatch(
      new RegExp(
        `<span class="mention" data-member-id="${colleague.userId}">@colleague \\d+</span>`,
      ),
    );
    const told = await unread(colleague);
    expect(told).toHaveLength(before + 1);
    expect(told[0]).toMatchObject({
      record_type: 'deal',
      record_id: deal.id,
      title: expect.stringContaining('mentioned you in a note on Deal "Mentioned deal"'),
    });
    // Writing one's own name tells nobody.
    expect(await unread(a)).toHaveLength(0);

    const edited = await call('PATCH', `/notes/${note.id}`, a, {
      body: `${note.body} and ${mention(third, 'Third')}`,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await unread(colleague)).toHaveLength(before + 1);
    expect(await unread(third)).toHaveLength(1);
  });

  it('refuses a mention of someone outside the organization, telling nobody', async () => {
    const lead = await created(a, '/leads', { last_name: 'Outsider' });
    const response = await call('POST', '/notes', a, {
      lead_id: lead.id,
      body: `Hello ${mention(b, 'B')}`,
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details.fields[0].field).toBe('body');
    expect(await unread(b)).toHaveLength(0);
    const notes = (await call('GET', `/notes?lead_id=${lead.id}`, a)).json();
    expect(notes.data).toHaveLength(0);
  });
});
