import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinByInvitation } from './support/members.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

let t: TestApp;
let a: SignedUp;
let b: SignedUp;
let addressCounter = 0;

const RATE_LIMIT = 5;

beforeAll(async () => {
  t = await createTestApp({ env: { WEB_FORM_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT) } });
  a = await signUp(t.app, 'forms-a');
  b = await signUp(t.app, 'forms-b');
});
afterAll(async () => {
  await t.close();
});

interface WebForm {
  id: string;
  endpoint: string;
  embed_html: string;
  submission_count: number;
  fields: Array<{ field: string; required: boolean }>;
}

const api = (
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  who: { auth: { authorization: string } },
  payload?: object,
) => t.app.inject({ method, url: `/api/v1${url}`, headers: who.auth, payload });

async function buildForm(who: SignedUp, fields: Record<string, unknown> = {}): Promise<WebForm> {
  const response = await api('POST', '/web-forms', who, {
    name: 'Contact us',
    fields: [
      { field: 'first_name', required: false },
      { field: 'last_name', required: true },
      { field: 'email', required: true },
      { field: 'description', required: false },
    ],
    thank_you_message: 'Thanks, we will call you.',
    ...fields,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** Each call comes from its own client address unless told, so the rate limit stays apart. */
function submit(
  form: { endpoint: string },
  body: Record<string, string> | object,
  options: { json?: boolean; address?: string } = {},
) {
  addressCounter += 1;
  const url = new URL(form.endpoint).pathname;
  const remoteAddress =
    options.address ?? `10.1.${Math.floor(addressCounter / 250)}.${addressCounter % 250}`;
  return options.json
    ? t.app.inject({ method: 'POST', url, payload: body, remoteAddress })
    : t.app.inject({
        method: 'POST',
        url,
        remoteAddress,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(body as Record<string, string>).toString(),
      });
}

async function leadsOf(who: SignedUp, q: string) {
  const response = await api('GET', `/leads?q=${encodeURIComponent(q)}`, who);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: Array<Record<string, unknown>> }>().data;
}

describe('web-to-lead forms', () => {
  it('turns a plain HTML post into a lead of the form’s organization only, answered with a thank-you page', async () => {
    const form = await buildForm(a);
    expect(form.embed_html).toContain(`action="${form.endpoint}"`);
    expect(form.embed_html).toContain('name="email"');
    const response = await submit(form, {
      first_name: 'Ada',
      last_name: 'Plainpost',
      email: 'Ada.Plainpost@Example.com',
      description: 'Call me <b>soon</b>',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('Thanks, we will call you.');

    const [lead] = await leadsOf(a, 'Plainpost');
    expect(lead).toMatchObject({
      first_name: 'Ada',
      last_name: 'Plainpost',
      email: 'ada.plainpost@example.com',
      description: 'Call me <b>soon</b>',
      source: 'web',
      owner_id: null,
    });
    expect(await leadsOf(b, 'Plainpost')).toEqual([]);
    // Recorded in the audit trail, by no one.
    const history = await api('GET', `/audit-log/records/${lead!['id'] as string}`, a);
    expect(history.statusCode, history.body).toBe(200);
    expect(history.json().data).toEqual([
      expect.objectContaining({ action: 'insert', table_name: 'leads', actor: null }),
    ]);

    const read = await api('GET', `/web-forms/${form.id}`, a);
    expect(read.json()).toMatchObject({ submission_count: 1 });
  });

  it('takes submissions when the lead has a required custom field the form does not ask', async () => {
    const org = await signUp(t.app, 'forms-required-field');
    const defined = await api('POST', '/custom-fields', org, {
      record_type: 'lead',
      key: 'budget',
      label: 'Budget',
      field_type: 'number',
      required: true,
    });
    expect(defined.statusCode, defined.body).toBe(201);
    const form = await buildForm(org);
    const response = await submit(form, { last_name: 'Required', email: 'required@example.com' });
    expect(response.statusCode, response.body).toBe(200);
    expect(await leadsOf(org, 'Required')).toHaveLength(1);
  });

  it('lets nothing in the body choose the organization', async () => {
    const form = await buildForm(a);
    const response = await submit(
      form,
      { last_name: 'Crossorg', email: 'x@example.com', org_id: b.orgId, owner_id: b.userId },
      { json: true },
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(await leadsOf(b, 'Crossorg')).toEqual([]);
    expect(await leadsOf(a, 'Crossorg')).toHaveLength(1);

    // A token naming B's organization with the secret of A's form finds no form at all.
    const secret = new URL(form.endpoint).pathname.split('/').at(-1)!.split('.')[1]!;
    const forged = await submit(
      { endpoint: `http://rampart.test/api/public/forms/${b.orgId}.${secret}` },
      { last_name: 'Forged', email: 'f@example.com' },
      { json: true },
    );
    expect(forged.statusCode).toBe(404);
    expect(forged.json().error.code).toBe('not_found');
    const rows = await t.ownerQuery(`SELECT org_id FROM leads WHERE last_name = 'Forged'`);
    expect(rows).toEqual([]);
  });

  it('answers JSON from another origin with CORS, and names a missing field', async () => {
    const form = await buildForm(a);
    const url = new URL(form.endpoint).pathname;
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url,
      headers: {
        origin: 'http://elsewhere.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(preflight.headers['access-control-allow-headers']).toContain('content-type');

    const missing = await submit(form, { last_name: 'Noemail' }, { json: true });
    expect(missing.statusCode).toBe(422);
    expect(missing.headers['access-control-allow-origin']).toBe('*');
    expect(missing.json().error.details.fields).toEqual([
      { field: 'email', message: 'is required' },
    ]);
    const badEmail = await submit(form, { last_name: 'Bad', email: 'not an email' });
    expect(badEmail.statusCode).toBe(422);
    expect(badEmail.body).toContain('Email must be an email address.');
    expect(await leadsOf(a, 'Noemail')).toEqual([]);

    // The CORS answer belongs to this endpoint alone.
    const signedIn = await t.app.inject({
      url: '/api/v1/leads',
      headers: { ...a.auth, origin: 'http://elsewhere.example' },
    });
    expect(signedIn.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sends a plain post to the form’s redirect, and refuses a redirect that is not http(s)', async () => {
    const form = await buildForm(a, { redirect_url: 'https://example.com/thanks?from=form' });
    const response = await submit(form, { last_name: 'Redirected', email: 'r@example.com' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('https://example.com/thanks?from=form');
    const bad = await api('PATCH', `/web-forms/${form.id}`, a, {
      redirect_url: 'javascript:alert(1)',
    });
    expect(bad.statusCode).toBe(422);
    expect(JSON.stringify(bad.json().error.details)).toContain('redirect_url');
  });

  it('answers a filled honeypot as accepted and stores nothing', async () => {
    const form = await buildForm(a);
    expect(form.embed_html).toContain('name="homepage_url"');
    const response = await submit(form, {
      last_name: 'Spambot',
      email: 'bot@example.com',
      homepage_url: 'http://spam.example',
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Thanks, we will call you.');
    expect(await leadsOf(a, 'Spambot')).toEqual([]);
    expect((await api('GET', `/web-forms/${form.id}`, a)).json().submission_count).toBe(0);
  });

  it('limits submissions per client address', async () => {
    const form = await buildForm(a);
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT + 2; i++) {
      const response = await submit(
        form,
        { last_name: `Limited${i}`, email: `l${i}@example.com` },
        { address: '192.0.2.77' },
      );
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, RATE_LIMIT)).toEqual(Array(RATE_LIMIT).fill(200));
    expect(statuses.slice(RATE_LIMIT)).toEqual([429, 429]);
    // Another address is not held back.
    expect((await submit(form, { last_name: 'Other', email: 'o@example.com' })).statusCode).toBe(
      200,
    );
  });

  it('refuses a body over the size limit without storing it', async () => {
    const form = await buildForm(a);
    const response = await submit(form, {
      last_name: 'Huge',
      email: 'h@example.com',
      description: 'x'.repeat(40_000),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('payload_too_large');
    const long = await submit(form, {
      last_name: 'Long',
      email: 'l@example.com',
      description: 'x'.repeat(6_000),
    });
    expect(long.statusCode).toBe(422);
    expect(await leadsOf(a, 'Huge')).toEqual([]);
    expect(await leadsOf(a, 'Long')).toEqual([]);
  });

  it('stops taking submissions when deactivated or when its secret is rotated', async () => {
    const form = await buildForm(a);
    const rotated = await api('POST', `/web-forms/${form.id}/secret`, a);
    expect(rotated.statusCode).toBe(200);
    const fresh = rotated.json<WebForm>();
    expect(fresh.endpoint).not.toBe(form.endpoint);
    expect((await submit(form, { last_name: 'Old', email: 'o@example.com' })).statusCode).toBe(404);
    expect((await submit(fresh, { last_name: 'New', email: 'n@example.com' })).statusCode).toBe(
      200,
    );
    // The admin reads the same snippet again later.
    expect((await api('GET', `/web-forms/${form.id}`, a)).json().endpoint).toBe(fresh.endpoint);

    await api('PATCH', `/web-forms/${form.id}`, a, { active: false });
    const inactive = await submit(fresh, { last_name: 'Inactive', email: 'i@example.com' });
    expect(inactive.statusCode).toBe(404);
    expect(inactive.body).toContain('no longer available');
  });

  it('gives each lead to the next member of the team in turn, also under concurrent submissions, and notifies them', async () => {
    const members = [
      await joinByInvitation(t.app, a, 'member', 'rr1'),
      await joinByInvitation(t.app, a, 'member', 'rr2'),
      await joinByInvitation(t.app, a, 'member', 'rr3'),
    ];
    const team = (await api('POST', '/teams', a, { name: 'Inbound' })).json<{ id: string }>();
    for (const member of members) {
      const added = await api('PUT', `/teams/${team.id}/members/${member.userId}`, a);
      expect(added.statusCode, added.body).toBeLessThan(300);
    }
    const form = await buildForm(a, { team_id: team.id });
    const responses = await Promise.all(
      Array.from({ length: 9 }, (_, i) =>
        submit(form, { last_name: `Turn${i}`, email: `t${i}@example.com` }, { json: true }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(9).fill(200));
    const rows = await t.ownerQuery<{ owner_id: string; n: number }>(
      `SELECT owner_id, count(*)::int AS n FROM leads
       WHERE org_id = $1 AND last_name LIKE 'Turn%' GROUP BY owner_id`,
      [a.orgId],
    );
    expect(rows.map((r) => r.n)).toEqual([3, 3, 3]);
    expect(rows.map((r) => r.owner_id).sort()).toEqual(members.map((m) => m.userId).sort());

    const inbox = await api('GET', '/notifications', members[0]!);
    const titles = inbox.json<{ data: Array<{ title: string }> }>().data.map((n) => n.title);
    expect(
      titles.filter((title) => /^Lead "Turn\d" was assigned to you$/.test(title)),
    ).toHaveLength(3);
  });

  it('gives leads to one chosen member, who is notified even when they built the form', async () => {
    const form = await buildForm(a, { owner_id: a.userId });
    await submit(form, { last_name: 'Owned', email: 'owned@example.com' });
    const [lead] = await leadsOf(a, 'Owned');
    expect(lead!['owner_id']).toBe(a.userId);
    const inbox = await api('GET', '/notifications', a);
    expect(inbox.json().data.map((n: { title: string }) => n.title)).toContain(
      'Lead "Owned" was assigned to you',
    );
  });

  it('is for admins, and another organization’s form is not there', async () => {
    const form = await buildForm(a);
    const member = await joinByInvitation(t.app, a, 'member', 'plain');
    expect((await api('GET', '/web-forms', member)).statusCode).toBe(403);
    expect((await api('GET', `/web-forms/${form.id}`, member)).statusCode).toBe(403);
    for (const [method, url] of [
      ['GET', `/web-forms/${form.id}`],
      ['PATCH', `/web-forms/${form.id}`],
      ['POST', `/web-forms/${form.id}/secret`],
      ['DELETE', `/web-forms/${form.id}`],
    ] as const) {
      const response = await api(
        method,
        url,
        b,
        method === 'PATCH' ? { active: false } : undefined,
      );
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    const listed = (await api('GET', '/web-forms', b)).json().data;
    expect(listed.map((f: WebForm) => f.id)).not.toContain(form.id);
    // B cannot give its form's leads to A's member either.
    const foreignOwner = await api('POST', '/web-forms', b, {
      name: 'Steal',
      fields: [{ field: 'email', required: true }],
      owner_id: a.userId,
    });
    expect(foreignOwner.statusCode).toBe(422);
    expect(foreignOwner.json().error.code).toBe('invalid_reference');
  });
});
