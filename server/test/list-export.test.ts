import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callsOf } from './support/calls.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

let t: TestApp;
let a: SignedUp;
let b: SignedUp;

beforeAll(async () => {
  t = await createTestApp();
  a = await signUp(t.app, 'export-a');
  b = await signUp(t.app, 'export-b');
});
afterAll(async () => {
  await t.close();
});

const { call, create } = callsOf(() => t);

/** The CSV of a list export, as objects keyed by the header row. */
async function exported(who: SignedUp, url: string) {
  const response = await call('GET', url, who);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
  return parse(response.body, { columns: true, bom: true }) as Array<Record<string, string>>;
}

/** The header row of a list export, after its byte-order mark. */
const headerOf = (body: string) => body.replace(/^\uFEFF/, '').split('\n')[0];

describe('a list as CSV', () => {
  it('has the rows the list shows, with the same filter, search and sort', async () => {
    const tag = await create(a, '/tags', { name: 'Fair 2026' });
    await create(a, '/leads', {
      first_name: 'Grace',
      last_name: 'Hopper',
      company: 'Navy',
      status: 'qualified',
      tag_ids: [tag.id],
    });
    await create(a, '/leads', { first_name: 'Alan', last_name: 'Turing', status: 'qualified' });
    await create(a, '/leads', { first_name: 'Ada', last_name: 'Lovelace', status: 'new' });

    const rows = await exported(a, '/leads/export?status=qualified&sort=last_name');
    expect(rows.map((r) => r['last_name'])).toEqual(['Hopper', 'Turing']);
    const list = (await call('GET', '/leads?status=qualified&sort=last_name', a)).json();
    expect(rows.map((r) => r['id'])).toEqual(list.data.map((l: { id: string }) => l.id));

    expect((await exported(a, '/leads/export?q=hopp')).map((r) => r['last_name'])).toEqual([
      'Hopper',
    ]);
    expect(
      (await exported(a, `/leads/export?tag_id=${tag.id}`)).map((r) => r['last_name']),
    ).toEqual(['Hopper']);
  });

  it('writes owners by email, tags and accounts by name, not by id', async () => {
    const vip = await create(a, '/tags', { name: 'VIP' });
    const key = await create(a, '/tags', { name: 'Key account' });
    const account = await create(a, '/accounts', { name: 'Analytical Engines' });
    const contact = await create(a, '/contacts', {
      first_name: 'Charles',
      last_name: 'Babbage',
      account_id: account.id,
      tag_ids: [vip.id, key.id],
    });
    await create(a, '/deals', {
      name: 'Difference engine',
      account_id: account.id,
      primary_contact_id: contact.id,
      amount: 1200,
    });

    const [babbage] = await exported(a, `/contacts/export?account_id=${account.id}`);
    expect(babbage).toMatchObject({
      last_name: 'Babbage',
      account: 'Analytical Engines',
      owner: a.email,
      tags: 'Key account, VIP',
      do_not_contact: 'false',
    });
    const [deal] = await exported(a, `/deals/export?account_id=${account.id}`);
    expect(deal).toMatchObject({
      name: 'Difference engine',
      account: 'Analytical Engines',
      primary_contact: 'Charles Babbage',
      amount: '1200.00',
      stage: expect.any(String),
      pipeline: expect.any(String),
      status: 'open',
    });
    expect(Object.values(deal!).join(' ')).not.toContain(account.id);
  });

  it('writes the chosen columns, in the order asked', async () => {
    const response = await call('GET', '/accounts/export?columns=domain&columns=name&sort=name', a);
    expect(headerOf(response.body)).toBe('domain,name');
  });

  it('starts with a UTF-8 byte-order mark, so that a spreadsheet reads accented names', async () => {
    await create(a, '/leads', { first_name: 'José', last_name: 'Müller' });
    const response = await call(
      'GET',
      `/leads/export?q=${encodeURIComponent('Müller')}&columns=first_name`,
      a,
    );
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(response.body).toBe('\uFEFFfirst_name\nJosé\n');
  });

  it('escapes cells a spreadsheet would run as formulas', async () => {
    const formulas = ['=HYPERLINK("http://evil.example")', '+1+1', '-2+3', '@SUM(A1)', '\tx'];
    for (const [i, company] of formulas.entries())
      await create(a, '/leads', { last_name: `Formula ${i}`, company });
    const rows = await exported(a, '/leads/export?q=formula&sort=last_name&columns=company');
    expect(rows.map((r) => r['company'])).toEqual(formulas.map((f) => `'${f}`));
  });

  it("shows another organization nothing of this one's, and refuses bad input naming it", async () => {
    const rows = await exported(b, '/leads/export');
    expect(rows).toEqual([]);
    const badSort = await call('GET', '/leads/export?sort=password', a);
    expect(badSort.statusCode).toBe(400);
    expect(badSort.json().error.message).toContain('sort');
    const badColumn = await call('GET', '/leads/export?columns=password_hash', a);
    expect(badColumn.statusCode).toBe(400);
    expect(badColumn.json().error.message).toContain('columns');
  });
});

describe('custom fields in a list export', () => {
  it('writes chosen custom fields under their labels, as people typed them', async () => {
    const org = await signUp(t.app, 'export-fields');
    const region = await create(org, '/custom-fields', {
      record_type: 'lead',
      key: 'region',
      label: 'Sales region',
      field_type: 'select',
      options: [{ label: 'North' }, { label: 'South' }],
    });
    const topics = await create(org, '/custom-fields', {
      record_type: 'lead',
      key: 'topics',
      label: 'Topics',
      field_type: 'multi_select',
      options: [{ label: 'Pricing' }, { label: 'Support' }, { label: 'Security' }],
    });
    const fields: Array<[string, string, string]> = [
      ['budget', 'Budget', 'money'],
      ['score', 'Score', 'number'],
      ['signed', 'Signed', 'checkbox'],
      ['handler', 'Handled by', 'member'],
      ['renewal', 'Renewal', 'date'],
      ['memo', 'Memo', 'long_text'],
    ];
    for (const [key, label, field_type] of fields)
      await create(org, '/custom-fields', { record_type: 'lead', key, label, field_type });
    const [north] = region.options;
    const [pricing, , security] = topics.options;
    await create(org, '/leads', {
      last_name: 'Hopper',
      custom_fields: {
        region: north.id,
        topics: [security.id, pricing.id],
        budget: 22000.1,
        score: 0.3,
        signed: true,
        handler: org.userId,
        renewal: '2027-03-01',
        memo: 'Call after lunch',
      },
    });
    await create(org, '/leads', { last_name: 'Turing', custom_fields: { signed: false } });

    const response = await call(
      'GET',
      '/leads/export?sort=last_name&columns=last_name&columns=cf.region&columns=cf.topics' +
        '&columns=cf.budget&columns=cf.score&columns=cf.signed&columns=cf.handler' +
        '&columns=cf.renewal&columns=cf.memo',
      org,
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(headerOf(response.body)).toBe(
      'last_name,Sales region,Topics,Budget,Score,Signed,Handled by,Renewal,Memo',
    );
    const rows = parse(response.body, { columns: true, bom: true }) as Array<
      Record<string, string>
    >;
    expect(rows).toEqual([
      {
        last_name: 'Hopper',
        'Sales region': 'North',
        Topics: 'Pricing; Security',
        Budget: '22000.1',
        Score: '0.3',
        Signed: 'yes',
        'Handled by': org.email,
        Renewal: '2027-03-01',
        Memo: 'Call after lunch',
      },
      {
        last_name: 'Turing',
        'Sales region': '',
        Topics: '',
        Budget: '',
        Score: '',
        Signed: 'no',
        'Handled by': '',
        Renewal: '',
        Memo: '',
      },
    ]);
  });

  it('heads a custom field named like a built-in column apart from it', async () => {
    const org = await signUp(t.app, 'export-alike');
    for (const [key, label] of [
      ['work_email', 'Email'],
      ['stage_note', 'status'],
      ['region', 'Region'],
    ])
      await create(org, '/custom-fields', { record_type: 'lead', key, label, field_type: 'text' });
    await create(org, '/leads', {
      last_name: 'Hopper',
      email: 'grace@example.com',
      status: 'new',
      custom_fields: { work_email: 'grace@navy.example', stage_note: 'Called', region: 'West' },
    });
    const response = await call('GET', '/leads/export', org);
    const headers = headerOf(response.body)!.split(',');
    expect(headers.slice(-3)).toEqual(['Email (custom)', 'status (custom)', 'Region']);
    expect(new Set(headers).size).toBe(headers.length);
    const [lead] = await exported(org, '/leads/export?columns=cf.stage_note&columns=status');
    expect(lead).toEqual({ 'status (custom)': 'Called', status: 'new' });
  });

  it('keeps the order of a list sorted by a custom field', async () => {
    const org = await signUp(t.app, 'export-sorted');
    await create(org, '/custom-fields', {
      record_type: 'lead',
      key: 'score',
      label: 'Score',
      field_type: 'number',
    });
    const tier = await create(org, '/custom-fields', {
      record_type: 'lead',
      key: 'tier',
      label: 'Tier',
      field_type: 'select',
      options: [{ label: 'Gold' }, { label: 'Silver' }, { label: 'Bronze' }],
    });
    const [gold, silver, bronze] = tier.options;
    const leads: Array<[string, number | null, string | null]> = [
      ['Ada', 2, silver.id],
      ['Brian', null, gold.id],
      ['Carl', 9, null],
      ['Dora', 5, bronze.id],
    ];
    for (const [last_name, score, option] of leads) {
      await create(org, '/leads', {
        last_name,
        custom_fields: { ...(score !== null && { score }), ...(option && { tier: option }) },
      });
    }
    for (const sort of ['-cf.score', 'cf.score', 'cf.tier', '-cf.tier']) {
      const list = await call('GET', `/leads?sort=${sort}`, org);
      expect(list.statusCode, list.body).toBe(200);
      const shown = list.json().data.map((lead: { last_name: string }) => lead.last_name);
      const rows = await exported(org, `/leads/export?sort=${sort}&columns=last_name`);
      expect(
        rows.map((row) => row.last_name),
        sort,
      ).toEqual(shown);
    }
    const byTier = await exported(org, '/leads/export?sort=cf.tier&columns=last_name');
    expect(byTier.map((row) => row.last_name)).toEqual(['Brian', 'Ada', 'Dora', 'Carl']);
  });

  it('writes every active custom field when no columns are chosen, and refuses unknown ones', async () => {
    const org = await signUp(t.app, 'export-all-fields');
    await create(org, '/custom-fields', {
      record_type: 'account',
      key: 'tier',
      label: 'Tier',
      field_type: 'text',
    });
    await create(org, '/accounts', { name: 'Acme', custom_fields: { tier: 'Gold' } });
    const [acme] = await exported(org, '/accounts/export');
    expect(acme).toMatchObject({ name: 'Acme', Tier: 'Gold' });
    // Another organization has no such field: its export says so, and names the column.
    const unknown = await call('GET', '/accounts/export?columns=cf.tier', b);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.fields[0].field).toBe('columns');
    expect((await exported(b, '/accounts/export'))[0] ?? {}).not.toHaveProperty('Tier');
  });
});
