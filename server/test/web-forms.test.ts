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
  fields: Array<Record<string, unknown>>;
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
  body: Record<string, string> | Array<[string, string]> | object,
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
        payload: new URLSearchParams(
          body as Record<string, string> | Array<[string, string]>,
        ).toString(),
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

  it('sends a plain post to a redirect written in any script, and refuses one no browser can follow', async () => {
    // The address goes out in the Location header, which takes ASCII only: sent as written, a
    // submission failed with a 500 after its lead was kept, and a retry made a second one.
    const form = await buildForm(a, {
      redirect_url: 'https://example.com/merci/ありがとう?from=café',
    });
    const response = await submit(form, { last_name: 'Unicode', email: 'u@example.com' });
    expect(response.statusCode, response.body).toBe(303);
    expect(response.headers.location).toBe(
      'https://example.com/merci/%E3%81%82%E3%82%8A%E3%81%8C%E3%81%A8%E3%81%86?from=caf%C3%A9',
    );
    expect(await leadsOf(a, 'Unicode')).toHaveLength(1);
    const shown = await api('GET', `/web-forms/${form.id}`, a);
    expect(shown.json().redirect_url).toBe('https://example.com/merci/ありがとう?from=café');
    for (const redirect_url of [
      'https://example.com/a\u0001b',
      'https://example.com/\u007f',
      'https://[example.com/',
      'https://exa%mple.com/',
    ]) {
      const bad = await api('PATCH', `/web-forms/${form.id}`, a, { redirect_url });
      expect(bad.statusCode, `${JSON.stringify(redirect_url)}: ${bad.body}`).toBe(422);
      expect(bad.json().error.details.fields[0].field).toBe('redirect_url');
    }
  });

  it('reads a plain post in the charset it was sent in, and refuses text not valid in it', async () => {
    const form = await buildForm(a);
    const url = new URL(form.endpoint).pathname;
    const post = (payload: string, contentType = 'application/x-www-form-urlencoded') =>
      t.app.inject({
        method: 'POST',
        url,
        remoteAddress: `10.9.0.${++addressCounter % 250}`,
        headers: { 'content-type': contentType },
        payload,
      });
    const latin = await post(
      'last_name=Jos%E9+Garc%EDa&email=jose%40example.com',
      'application/x-www-form-urlencoded; charset=windows-1252',
    );
    expect(latin.statusCode, latin.body).toBe(200);
    const utf8 = await post('last_name=Ren%C3%A9e+Dupr%C3%A9&email=renee%40example.com');
    expect(utf8.statusCode, utf8.body).toBe(200);
    // Unescaped, as a script may send it.
    const raw = await post('last_name=Zoë Brontë&email=zoe@example.com');
    expect(raw.statusCode, raw.body).toBe(200);
    expect((await leadsOf(a, 'Brontë')).map((lead) => lead.last_name)).toEqual(['Zoë Brontë']);
    expect((await leadsOf(a, 'García')).map((lead) => lead.last_name)).toEqual(['José García']);
    expect((await leadsOf(a, 'Dupré')).map((lead) => lead.last_name)).toEqual(['Renée Dupré']);

    // Bytes that are no UTF-8 were kept as U+FFFD, losing what was typed without a word.
    for (const [payload, field] of [
      ['last_name=Jos%E9&email=jose2%40example.com', 'last_name'],
      ['last_name=Ok&email=%ED%A0%80%40example.com', 'email'],
    ]) {
      const refused = await post(payload!);
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json().error.details.fields[0].field).toBe(field);
    }
    const unknown = await post(
      'last_name=Ok',
      'application/x-www-form-urlencoded; charset=klingon',
    );
    expect(unknown.statusCode, unknown.body).toBe(400);
    expect(unknown.json().error.details.fields[0].field).toBe('content-type');
    expect((await api('GET', `/web-forms/${form.id}`, a)).json().submission_count).toBe(3);
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

interface Field {
  id: string;
  key: string;
  options: Array<{ id: string; label: string }>;
}

async function defineField(who: SignedUp, body: Record<string, unknown>): Promise<Field> {
  const response = await api('POST', '/custom-fields', who, { record_type: 'lead', ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** The fields a 422 names, with their messages. */
function problems(response: { statusCode: number; body: string }): Record<string, string> {
  expect(response.statusCode, response.body).toBe(422);
  const fields = JSON.parse(response.body).error.details.fields as Array<{
    field: string;
    message: string;
  }>;
  return Object.fromEntries(fields.map((f) => [f.field, f.message]));
}

describe('custom fields on web-to-lead forms', () => {
  let org: SignedUp;
  let region: Field;
  let interests: Field;
  let form: WebForm;

  beforeAll(async () => {
    org = await signUp(t.app, 'forms-custom');
    region = await defineField(org, {
      key: 'region',
      label: 'Region',
      field_type: 'select',
      options: [{ label: 'EMEA' }, { label: 'APAC' }],
    });
    interests = await defineField(org, {
      key: 'interests',
      label: 'Interests',
      field_type: 'multi_select',
      options: [{ label: 'Sales' }, { label: 'Support' }, { label: 'Billing' }],
    });
    await defineField(org, { key: 'budget', label: 'Budget', field_type: 'money' });
    await defineField(org, { key: 'seats', label: 'Seats', field_type: 'number' });
    await defineField(org, { key: 'start_on', label: 'Start on', field_type: 'date' });
    await defineField(org, { key: 'consent', label: 'May we call', field_type: 'checkbox' });
    await defineField(org, { key: 'site', label: 'Site', field_type: 'url' });
    await defineField(org, { key: 'about', label: 'About you', field_type: 'long_text' });
    form = await buildForm(org, {
      fields: [
        { field: 'last_name', required: true },
        { custom_field: 'region', required: true },
        { field: 'email', required: true },
        { custom_field: 'interests', required: false },
        { custom_field: 'budget', required: false },
        { custom_field: 'seats', required: false },
        { custom_field: 'start_on', required: false },
        { custom_field: 'consent', required: false },
        { custom_field: 'site', required: false },
        { custom_field: 'about', required: false },
      ],
    });
  });

  it('asks for them in the snippet in the order given, each with the input of its type', () => {
    const html = form.embed_html;
    expect(form.fields[1]).toEqual({
      custom_field: 'region',
      required: true,
      label: 'Region',
      archived: false,
    });
    expect(html).toContain('<label for="rampart-cf-region">Region *</label>');
    expect(html).toContain('<select id="rampart-cf-region" name="cf.region" required>');
    expect(html).toContain(`<option value="${region.options[1]!.id}">APAC</option>`);
    expect(html).toContain(
      `<input type="checkbox" name="cf.interests" value="${interests.options[0]!.id}"> Sales`,
    );
    expect(html).toContain('<legend>Interests</legend>');
    expect(html).toContain('<input type="number" step="0.01" id="rampart-cf-budget"');
    expect(html).toContain('<input type="number" step="any" id="rampart-cf-seats"');
    expect(html).toContain('<input type="date" id="rampart-cf-start_on" name="cf.start_on">');
    expect(html).toContain('<input type="checkbox" value="true" id="rampart-cf-consent"');
    expect(html).toContain('<input type="url" id="rampart-cf-site" name="cf.site"');
    expect(html).toContain('<textarea id="rampart-cf-about" name="cf.about"');
    const order = ['name="last_name"', 'name="cf.region"', 'name="email"', 'name="cf.interests"'];
    const at = order.map((name) => html.indexOf(name));
    expect(at).toEqual([...at].sort((x, y) => x - y));
  });

  it('stores a plain post’s values on the lead with their types, several options as repeated names', async () => {
    const [sales, support] = interests.options;
    const response = await submit(form, [
      ['last_name', 'Typedpost'],
      ['email', 'typed@example.com'],
      ['cf.region', region.options[0]!.id],
      ['cf.interests', support!.id],
      ['cf.interests', sales!.id],
      ['cf.budget', '1250.50'],
      ['cf.seats', '40'],
      ['cf.start_on', '2027-01-15'],
      ['cf.consent', 'true'],
      ['cf.site', 'https://typed.example'],
      ['cf.about', 'We sell boats'],
    ]);
    expect(response.statusCode, response.body).toBe(200);
    const [lead] = await leadsOf(org, 'Typedpost');
    expect(lead!['custom_fields']).toEqual({
      region: region.options[0]!.id,
      interests: [sales!.id, support!.id],
      budget: 1250.5,
      seats: 40,
      start_on: '2027-01-15',
      consent: true,
      site: 'https://typed.example',
      about: 'We sell boats',
    });
  });

  it('stores a JSON post’s values, and an unticked box or empty inputs as nothing chosen', async () => {
    const json = await submit(
      form,
      {
        last_name: 'Typedjson',
        email: 'json@example.com',
        'cf.region': region.options[1]!.id,
        'cf.interests': [interests.options[2]!.id],
        'cf.budget': 99.99,
        'cf.consent': false,
      },
      { json: true },
    );
    expect(json.statusCode, json.body).toBe(200);
    const [lead] = await leadsOf(org, 'Typedjson');
    expect(lead!['custom_fields']).toMatchObject({
      region: region.options[1]!.id,
      interests: [interests.options[2]!.id],
      budget: 99.99,
      seats: null,
      consent: false,
    });

    const plain = await submit(form, {
      last_name: 'Emptyinputs',
      email: 'empty@example.com',
      'cf.region': region.options[0]!.id,
      'cf.seats': '',
      'cf.start_on': '',
      'cf.site': '',
    });
    expect(plain.statusCode, plain.body).toBe(200);
    const [empty] = await leadsOf(org, 'Emptyinputs');
    expect(empty!['custom_fields']).toMatchObject({
      seats: null,
      start_on: null,
      site: null,
      consent: false,
      interests: [],
    });
  });

  it('refuses bad values naming each field by its label, as the API does, and enforces required', async () => {
    const bad = await submit(
      form,
      {
        last_name: 'Badvalues',
        email: 'bad@example.com',
        'cf.region': interests.options[0]!.id,
        'cf.seats': 'forty',
        'cf.start_on': '2027-02-30',
        'cf.site': 'ftp://files.example',
        'cf.interests': ['not-an-option'],
      },
      { json: true },
    );
    expect(problems(bad)).toEqual({
      'cf.region': '"Region" must be one of its options',
      'cf.seats': '"Seats" must be a number between -1000000000000000 and 1000000000000000',
      'cf.start_on': '"Start on" must be a date, YYYY-MM-DD',
      'cf.site': '"Site" must be an http or https address',
      'cf.interests': '"Interests" must hold only its options',
    });
    // The same values through the lead API are refused with the same words.
    const viaApi = await api('POST', '/leads', org, {
      last_name: 'Viaapi',
      custom_fields: { seats: 'forty', start_on: '2027-02-30' },
    });
    expect(problems(viaApi)).toEqual({
      'custom_fields.seats':
        '"Seats" must be a number between -1000000000000000 and 1000000000000000',
      'custom_fields.start_on': '"Start on" must be a date, YYYY-MM-DD',
    });

    const missing = await submit(form, { last_name: 'Noregion', email: 'nr@example.com' });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('&quot;Region&quot; is required.');
    const missingJson = await submit(
      form,
      { last_name: 'Noregion', email: 'nr@example.com', 'cf.region': '' },
      { json: true },
    );
    expect(problems(missingJson)).toEqual({ 'cf.region': '"Region" is required' });
    expect(await leadsOf(org, 'Badvalues')).toEqual([]);
    expect(await leadsOf(org, 'Noregion')).toEqual([]);
  });

  it('makes a required checkbox one the visitor must tick', async () => {
    const consentForm = await buildForm(org, {
      fields: [
        { field: 'last_name', required: true },
        { custom_field: 'consent', required: true },
      ],
    });
    expect(consentForm.embed_html).toContain(
      '<input type="checkbox" value="true" id="rampart-cf-consent" name="cf.consent" required>',
    );
    const unticked = await submit(consentForm, { last_name: 'Unticked' }, { json: true });
    expect(problems(unticked)).toEqual({ 'cf.consent': '"May we call" must be ticked' });
    const ticked = await submit(consentForm, { last_name: 'Ticked', 'cf.consent': 'on' });
    expect(ticked.statusCode, ticked.body).toBe(200);
    expect((await leadsOf(org, 'Ticked'))[0]!['custom_fields']).toMatchObject({ consent: true });
  });

  it('keeps working when a field is archived or an option renamed or removed after it was built', async () => {
    const own = await signUp(t.app, 'forms-custom-archive');
    const tier = await defineField(own, {
      key: 'tier',
      label: 'Tier',
      field_type: 'select',
      options: [{ label: 'Gold' }, { label: 'Silver' }, { label: 'Bronze' }],
    });
    const size = await defineField(own, { key: 'size', label: 'Size', field_type: 'number' });
    const built = await buildForm(own, {
      fields: [
        { field: 'last_name', required: true },
        { custom_field: 'tier', required: false },
        { custom_field: 'size', required: true },
      ],
    });
    const [gold, silver, bronze] = tier.options;
    const renamed = await api('PATCH', `/custom-fields/${tier.id}`, own, {
      options: [
        { id: gold!.id, label: 'Platinum' },
        { id: silver!.id, label: 'Silver' },
      ],
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const archived = await api('PATCH', `/custom-fields/${size.id}`, own, { archived: true });
    expect(archived.statusCode, archived.body).toBe(200);

    const read = (await api('GET', `/web-forms/${built.id}`, own)).json<WebForm>();
    expect(read.fields).toEqual([
      { field: 'last_name', required: true },
      { custom_field: 'tier', required: false, label: 'Tier', archived: false },
      { custom_field: 'size', required: true, label: 'Size', archived: true },
    ]);
    expect(read.embed_html).toContain(`<option value="${gold!.id}">Platinum</option>`);
    expect(read.embed_html).not.toContain('Gold');
    expect(read.embed_html).not.toContain(bronze!.id);
    expect(read.embed_html).not.toContain('cf.size');

    // The archived field, required on the form, is neither asked for nor stored.
    const response = await submit(
      built,
      { last_name: 'Afterarchive', 'cf.tier': gold!.id, 'cf.size': 7 },
      { json: true },
    );
    expect(response.statusCode, response.body).toBe(200);
    const stored = await t.ownerQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM custom_field_values WHERE org_id = $1 AND field_id = $2`,
      [own.orgId, size.id],
    );
    expect(stored).toEqual([{ n: 0 }]);
    const [lead] = await leadsOf(own, 'Afterarchive');
    expect(lead!['custom_fields']).toEqual({ tier: gold!.id });
    const removed = await submit(built, { last_name: 'Removedoption', 'cf.tier': bronze!.id });
    expect(removed.statusCode).toBe(422);

    // Saving the form again keeps the archived field it asks for; it cannot be newly added.
    const saved = await api('PATCH', `/web-forms/${built.id}`, own, {
      name: 'Renamed',
      fields: [
        { field: 'last_name', required: true },
        { custom_field: 'size', required: true },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const added = await api('POST', '/web-forms', own, {
      name: 'New',
      fields: [{ custom_field: 'size', required: false }],
    });
    expect(problems(added)).toEqual({ 'fields.0.custom_field': '"Size" is archived' });

    // Restored, it is asked for again.
    await api('PATCH', `/custom-fields/${size.id}`, own, { archived: false });
    const again = (await api('GET', `/web-forms/${built.id}`, own)).json<WebForm>();
    expect(again.embed_html).toContain('name="cf.size" required');
  });

  it('refuses a field of another kind, an unknown key, a member or date-time field', async () => {
    const own = await signUp(t.app, 'forms-custom-refused');
    await defineField(own, { key: 'rep', label: 'Account rep', field_type: 'member' });
    await defineField(own, { key: 'call_at', label: 'Call at', field_type: 'datetime' });
    const onContacts = await api('POST', '/custom-fields', own, {
      record_type: 'contact',
      key: 'nickname',
      label: 'Nickname',
      field_type: 'text',
    });
    expect(onContacts.statusCode, onContacts.body).toBe(201);
    const response = await api('POST', '/web-forms', own, {
      name: 'Refused',
      fields: [
        { field: 'email', required: true },
        { custom_field: 'rep', required: false },
        { custom_field: 'call_at', required: false },
        { custom_field: 'nickname', required: false },
        { custom_field: 'nothing_here', required: false },
      ],
    });
    expect(problems(response)).toEqual({
      'fields.1.custom_field':
        '"Account rep" is a member of the organization, which a visitor cannot choose',
      'fields.2.custom_field':
        '"Call at" is a date and time, which a form cannot ask with its time zone',
      'fields.3.custom_field':
        '"nickname" is a custom field of another kind of record, not of leads',
      'fields.4.custom_field': '"nothing_here" is not a custom field of leads',
    });
    expect((await api('GET', '/web-forms', own)).json().data).toEqual([]);
  });

  it('cannot name another organization’s field, and a submission sets only the fields its form asks for', async () => {
    const other = await defineField(b, { key: 'b_secret', label: 'B secret', field_type: 'text' });
    const byKey = await api('POST', '/web-forms', org, {
      name: 'Foreign',
      fields: [{ custom_field: 'b_secret', required: false }],
    });
    expect(problems(byKey)).toEqual({
      'fields.0.custom_field': '"b_secret" is not a custom field of leads',
    });
    const byId = await api('POST', '/web-forms', org, {
      name: 'Foreign',
      fields: [{ custom_field: other.id, required: false }],
    });
    expect(byId.statusCode).toBe(422);
    expect(JSON.stringify(byId.json().error.details)).toContain('custom_field');
    // B's form does not ask for A's fields, whatever the body names.
    const bForm = await buildForm(b, {
      fields: [
        { field: 'last_name', required: true },
        { custom_field: 'b_secret', required: false },
      ],
    });
    const sneaky = await submit(
      bForm,
      {
        last_name: 'Sneaky',
        'cf.b_secret': 'kept',
        'cf.region': region.options[0]!.id,
        custom_fields: { region: region.options[0]!.id },
      },
      { json: true },
    );
    expect(sneaky.statusCode, sneaky.body).toBe(200);
    const [lead] = await leadsOf(b, 'Sneaky');
    expect(lead!['custom_fields']).toEqual({ b_secret: 'kept' });
    expect(await leadsOf(org, 'Sneaky')).toEqual([]);
    // Nor does A's form set a field of A's it does not list.
    const unlisted = await buildForm(org, { fields: [{ field: 'last_name', required: true }] });
    const extra = await submit(unlisted, {
      last_name: 'Unlisted',
      'cf.region': region.options[0]!.id,
    });
    expect(extra.statusCode, extra.body).toBe(200);
    expect((await leadsOf(org, 'Unlisted'))[0]!['custom_fields']).toMatchObject({ region: null });
  });
});
