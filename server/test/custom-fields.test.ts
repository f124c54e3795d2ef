import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchCaller, createOrganizations } from '../../bench/lib/data.mjs';
import { captureQueries } from '../../bench/lib/plans.mjs';
import { VAST, WIDE } from '../src/modules/custom-fields/custom-filters.js';
import { signAccessToken } from '../src/modules/auth/access-tokens.js';
import { joinByInvitation } from './support/members.js';
import { asApiRole, asTenant } from './support/as-tenant.js';
import { rowsReadOf, scansOf, tenantChecksOf, type PlannerSettings } from './support/page-plans.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

let t: TestApp;
let a: SignedUp;
let b: SignedUp;

beforeAll(async () => {
  t = await createTestApp();
  a = await signUp(t.app, 'fields-a');
  b = await signUp(t.app, 'fields-b');
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

async function ok(
  method: Method,
  url: string,
  who: { auth: { authorization: string } },
  payload?: object,
) {
  const response = await call(method, url, who, payload);
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json();
}

async function defineField(who: SignedUp, body: Record<string, unknown>) {
  const response = await call('POST', '/custom-fields', who, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** `length` characters of Chinese, none repeated near another (so they do not compress). */
const chinese = (length: number) =>
  Array.from({ length }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7919) % 20000))).join('');

/** The fields a 422 names, with their messages. */
function problems(body: string): Record<string, string> {
  const fields = JSON.parse(body).error.details.fields as Array<{ field: string; message: string }>;
  return Object.fromEntries(fields.map((f) => [f.field, f.message]));
}

/**
 * Sends `request` while another transaction holds `lock`, runs `meanwhile` in that transaction
 * once the request waits for it, then commits: what a change committed by someone else while
 * the request waited does to it.
 */
async function whileHeld<R>(
  lock: [string, unknown[]],
  request: () => Promise<R>,
  meanwhile: (other: pg.Client) => Promise<unknown>,
): Promise<R> {
  const other = new pg.Client({ connectionString: t.testDb.ownerUrl });
  await other.connect();
  try {
    await other.query('BEGIN');
    await other.query(...lock);
    const sent = request();
    await expect
      .poll(
        async () =>
          (
            await t.ownerQuery(
              `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock'
                 AND datname = current_database()`,
            )
          ).length,
      )
      .toBe(1);
    await meanwhile(other);
    await other.query('COMMIT');
    return await sent;
  } finally {
    await other.end();
  }
}

describe('custom field definitions', () => {
  it('are defined by admins, read by members, renamed, reordered, archived and restored', async () => {
    const org = await signUp(t.app, 'fields-defs');
    const member = await joinByInvitation(t.app, org, 'member');
    const region = await defineField(org, {
      record_type: 'account',
      key: 'region',
      label: 'Region',
      field_type: 'select',
      options: [{ label: 'EMEA', color: '#0EA5E9' }, { label: 'APAC' }],
    });
    expect(region).toMatchObject({
      key: 'region',
      field_type: 'select',
      required: false,
      archived_at: null,
      options: [
        { label: 'EMEA', color: '#0ea5e9', position: 0 },
        { label: 'APAC', color: '#64748b', position: 1 },
      ],
    });
    const code = await defineField(org, {
      record_type: 'account',
      key: 'code',
      label: 'Budget code',
      field_type: 'text',
    });
    expect(code.position).toBe(region.position + 1);

    const refused = await call('POST', '/custom-fields', member, {
      record_type: 'account',
      key: 'x',
      label: 'X',
      field_type: 'text',
    });
    expect(refused.statusCode).toBe(403);
    expect(
      (await call('PATCH', `/custom-fields/${code.id}`, member, { label: 'Y' })).statusCode,
    ).toBe(403);
    const listed = await ok('GET', '/custom-fields?record_type=account', member);
    expect(listed.data.map((f: { key: string }) => f.key)).toEqual(['region', 'code']);
    expect((await ok('GET', '/custom-fields?record_type=lead', member)).data).toEqual([]);

    // Renaming and recolouring an option keeps it, reordering moves it.
    const [emea, apac] = region.options;
    const renamed = await ok('PATCH', `/custom-fields/${region.id}`, org, {
      label: 'Sales region',
      options: [
        { id: apac.id, label: 'Asia-Pacific' },
        { id: emea.id, label: 'EMEA', color: '#111111' },
      ],
    });
    expect(renamed.options).toEqual([
      { id: apac.id, label: 'Asia-Pacific', color: '#64748b', position: 0 },
      { id: emea.id, label: 'EMEA', color: '#111111', position: 1 },
    ]);
    await ok('PATCH', `/custom-fields/${code.id}`, org, { position: 0 });
    expect(
      (await ok('GET', '/custom-fields?record_type=account', org)).data.map(
        (f: { key: string }) => f.key,
      ),
    ).toEqual(['code', 'region']);

    const archived = await ok('PATCH', `/custom-fields/${code.id}`, org, { archived: true });
    expect(archived.archived_at).not.toBeNull();
    expect((await ok('GET', '/custom-fields?record_type=account', org)).data).toHaveLength(1);
    expect(
      (await ok('GET', '/custom-fields?record_type=account&include_archived=true', org)).data,
    ).toHaveLength(2);
    const restored = await ok('PATCH', `/custom-fields/${code.id}`, org, { archived: false });
    expect(restored.archived_at).toBeNull();
  });

  it('refuses a duplicate key or label with 409 naming it, and bad definitions with 422', async () => {
    const org = await signUp(t.app, 'fields-unique');
    await defineField(org, { record_type: 'lead', key: 'tier', label: 'Tier', field_type: 'text' });
    const sameKey = await call('POST', '/custom-fields', org, {
      record_type: 'lead',
      key: 'tier',
      label: 'Other',
      field_type: 'text',
    });
    expect(sameKey.statusCode).toBe(409);
    expect(problems(sameKey.body)).toHaveProperty('key');
    const sameLabel = await call('POST', '/custom-fields', org, {
      record_type: 'lead',
      key: 'tier2',
      label: 'TIER',
      field_type: 'text',
    });
    expect(sameLabel.statusCode).toBe(409);
    expect(problems(sameLabel.body)).toHaveProperty('label');
    // The same key on another kind, or in another organization, is another field.
    await defineField(org, { record_type: 'deal', key: 'tier', label: 'Tier', field_type: 'text' });
    await defineField(b, { record_type: 'lead', key: 'tier', label: 'Tier', field_type: 'text' });

    for (const [body, field] of [
      [{ record_type: 'lead', key: 'Bad Key', label: 'L', field_type: 'text' }, 'key'],
      [{ record_type: 'lead', key: 'k1', label: 'L', field_type: 'colour' }, 'field_type'],
      [{ record_type: 'lead', key: 'k2', label: 'L', field_type: 'text', options: [] }, 'options'],
      [
        {
          record_type: 'lead',
          key: 'k3',
          label: 'L',
          field_type: 'select',
          options: [{ label: 'A' }, { label: 'a' }],
        },
        'options.1.label',
      ],
      [
        { record_type: 'lead', key: 'k4', label: 'L', field_type: 'number', default_value: 'x' },
        'default_value',
      ],
      // Nobody, or someone of another organization: every lead created after would be refused.
      [
        {
          record_type: 'lead',
          key: 'k5',
          label: 'L5',
          field_type: 'member',
          default_value: '00000000-0000-4000-8000-000000000000',
        },
        'default_value',
      ],
      [
        {
          record_type: 'lead',
          key: 'k6',
          label: 'L6',
          field_type: 'member',
          default_value: b.userId,
        },
        'default_value',
      ],
    ] as const) {
      const response = await call('POST', '/custom-fields', org, body);
      expect(response.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, JSON.stringify(body)).toBeLessThan(500);
      expect(response.body).toContain(field);
    }
    expect((await call('POST', '/leads', org, { last_name: 'After' })).statusCode).toBe(201);
    const own = await defineField(org, {
      record_type: 'lead',
      key: 'k7',
      label: 'L7',
      field_type: 'member',
      default_value: org.userId,
    });
    expect(own.default_value).toBe(org.userId);
    const refused = await call('PATCH', `/custom-fields/${own.id}`, org, {
      default_value: b.userId,
    });
    expect(refused.statusCode).toBe(422);
    expect(problems(refused.body)).toHaveProperty('default_value');
  });

  it("answers another organization's field with 404", async () => {
    const field = await defineField(a, {
      record_type: 'contact',
      key: 'hidden',
      label: 'Hidden',
      field_type: 'text',
    });
    expect((await call('GET', `/custom-fields/${field.id}`, b)).statusCode).toBe(404);
    expect(
      (await call('PATCH', `/custom-fields/${field.id}`, b, { label: 'Mine' })).statusCode,
    ).toBe(404);
    expect(
      (await ok('GET', '/custom-fields', b)).data.map((f: { id: string }) => f.id),
    ).not.toContain(field.id);
  });
});

describe('custom field values on records', () => {
  it('are written with the record, read back by key on every kind, and cleared by null', async () => {
    const org = await signUp(t.app, 'fields-values');
    const kinds = [
      ['lead', '/leads', { last_name: 'Lovelace' }],
      ['account', '/accounts', { name: 'Acme' }],
      ['contact', '/contacts', { last_name: 'Babbage' }],
      ['deal', '/deals', { name: 'Pilot' }],
    ] as const;
    for (const [kind, path, base] of kinds) {
      const tier = await defineField(org, {
        record_type: kind,
        key: 'tier',
        label: 'Tier',
        field_type: 'select',
        options: [{ label: 'Gold' }, { label: 'Silver' }],
      });
      await defineField(org, {
        record_type: kind,
        key: 'score',
        label: 'Score',
        field_type: 'number',
      });
      const gold = tier.options[0].id;
      const created = await ok('POST', path, org, { ...base, custom_fields: { tier: gold } });
      expect(created.custom_fields, kind).toEqual({ tier: gold, score: null });
      const updated = await ok('PATCH', `${path}/${created.id}`, org, {
        custom_fields: { score: 7.5 },
      });
      expect(updated.custom_fields, kind).toEqual({ tier: gold, score: 7.5 });
      // A change of custom fields alone is a new version of the record.
      expect(updated.version).not.toBe(created.version);
      const read = await ok('GET', `${path}/${created.id}`, org);
      expect(read.custom_fields).toEqual({ tier: gold, score: 7.5 });
      const list = await ok('GET', path, org);
      expect(list.data.find((r: { id: string }) => r.id === created.id).custom_fields).toEqual({
        tier: gold,
        score: 7.5,
      });
      const cleared = await ok('PATCH', `${path}/${created.id}`, org, {
        custom_fields: { tier: null },
      });
      expect(cleared.custom_fields).toEqual({ tier: null, score: 7.5 });
    }
  });

  it('takes every type, and refuses values outside it with 422 naming the key and label', async () => {
    const org = await signUp(t.app, 'fields-types');
    const member = await joinByInvitation(t.app, org, 'member');
    const outsider = await signUp(t.app, 'fields-outsider');
    const define = (key: string, field_type: string, extra: object = {}) =>
      defineField(org, { record_type: 'lead', key, label: `The ${key}`, field_type, ...extra });
    await define('t', 'text');
    await define('lt', 'long_text');
    await define('n', 'number');
    await define('m', 'money');
    await define('d', 'date');
    await define('dt', 'datetime');
    await define('cb', 'checkbox');
    const colours = await define('colours', 'multi_select', {
      options: [{ label: 'Red' }, { label: 'Green' }, { label: 'Blue' }],
    });
    await define('u', 'url');
    await define('e', 'email');
    await define('p', 'phone');
    await define('who', 'member');
    const [red, green, blue] = colours.options.map((o: { id: string }) => o.id);

    const good = {
      t: '  hello ',
      lt: 'x'.repeat(5000),
      n: -12.25,
      m: 1999.99,
      d: '2026-02-28',
      dt: '2026-03-01T10:00:00+02:00',
      cb: false,
      colours: [blue, red],
      u: 'https://example.com/a',
      e: 'Ada@Example.COM',
      p: '+44 20 7946 0000',
      who: member.userId,
    };
    const lead = await ok('POST', '/leads', org, { last_name: 'Typed', custom_fields: good });
    expect(lead.custom_fields).toEqual({
      ...good,
      t: 'hello',
      dt: '2026-03-01T08:00:00.000Z',
      // In the options' order.
      colours: [red, blue],
      e: 'ada@example.com',
    });
    void green;
    // A page reads its values in its own statement, and shows them as the record does: a
    // number to the last digit of its double, a date-time in UTC with milliseconds.
    const precise = await ok('POST', '/leads', org, {
      last_name: 'Precise',
      custom_fields: { n: 0.1 + 0.2, dt: '2026-03-01T10:00:00.123000+02:00', colours: [green] },
    });
    expect(precise.custom_fields).toMatchObject({
      n: 0.30000000000000004,
      dt: '2026-03-01T08:00:00.123Z',
    });
    for (const url of ['/leads?limit=10', '/leads?sort=-cf.n', `/leads?cf=colours:any:${red}`]) {
      const page = await ok('GET', url, org);
      const byId = new Map(page.data.map((row: { id: string }) => [row.id, row]));
      for (const record of [lead, precise]) {
        const listed = byId.get(record.id) as { custom_fields: unknown } | undefined;
        if (url.includes('colours') && record === precise) expect(listed).toBeUndefined();
        else expect(listed?.custom_fields, url).toEqual(record.custom_fields);
      }
    }

    const bad: Array<[string, unknown, string]> = [
      ['t', 42, 'must be text'],
      ['t', 'x'.repeat(1001), 'at most 1000'],
      // 1,000 characters of Chinese take 3,000 bytes, more than an index entry holds.
      ['t', chinese(1000), 'at most 2000 bytes'],
      ['u', `https://example.com/${chinese(700)}`, 'at most 2000 bytes'],
      ['n', 'seven', 'must be a number'],
      ['n', 1e20, 'must be a number'],
      ['m', true, 'must be an amount'],
      // Not rounded to 10.13 without a word.
      ['m', 10.125, 'at most 2 decimals'],
      ['d', '2026-02-30', 'must be a date'],
      ['d', '2026-2-3', 'must be a date'],
      ['dt', '2026-03-01T10:00:00', 'with a zone'],
      ['dt', '2026-03-01T10:00:00+16:00', 'with a zone'],
      // Each would be stored as another moment than the one sent, or given back otherwise.
      ['dt', '2026-03-10T10:00:60Z', 'seconds from 00 to 59'],
      ['dt', '2026-06-30T23:59:60Z', 'seconds from 00 to 59'],
      ['dt', '2026-03-10T24:00:00Z', 'hour from 00 to 23'],
      ['dt', '2026-03-10T10:00:00.123456Z', 'to the millisecond'],
      ['cb', 'yes', 'true or false'],
      ['colours', [red, '0f8fad5b-d9cb-469f-a165-70867728950e'], 'only its options'],
      ['colours', red, 'list of its options'],
      ['u', 'javascript:alert(1)', 'http or https'],
      ['e', 'not-an-email', 'email address'],
      // 212 characters as typed, 412 in the lower case an email is kept in.
      ['e', `${'İ'.repeat(200)}@example.com`, 'at most 320 characters once in lower case'],
      ['p', 'call me', 'phone number'],
      ['who', outsider.userId, 'member of the organization'],
      ['who', 'nobody', 'member of the organization'],
      ['nope', 'x', 'not a field'],
    ];
    for (const [key, value, message] of bad) {
      const response = await call('PATCH', `/leads/${lead.id}`, org, {
        custom_fields: { [key]: value },
      });
      expect(response.statusCode, `${key}=${JSON.stringify(value)}`).toBe(422);
      const named = problems(response.body)[`custom_fields.${key}`];
      expect(named, response.body).toContain(message);
      if (key !== 'nope') expect(named).toContain(`"The ${key}"`);
    }
    // Several problems are reported at once, and nothing was written.
    const both = await call('POST', '/leads', org, {
      last_name: 'Two',
      custom_fields: { n: 'x', d: 'y' },
    });
    expect(Object.keys(problems(both.body)).sort()).toEqual(['custom_fields.d', 'custom_fields.n']);
    expect((await ok('GET', `/leads/${lead.id}`, org)).custom_fields.t).toBe('hello');
    // Up to the limit in bytes, any script is kept as typed: 1,000 accented letters (2,000
    // bytes), 666 characters of Chinese.
    for (const typed of ['é'.repeat(1000), chinese(666)]) {
      const kept = await ok('PATCH', `/leads/${lead.id}`, org, { custom_fields: { t: typed } });
      expect(kept.custom_fields.t).toBe(typed);
    }
    const leads = await ok('GET', '/leads?q=Two', org);
    expect(leads.data).toHaveLength(0);
  });

  it('a select value outside its options is refused, also an option of another field', async () => {
    const org = await signUp(t.app, 'fields-select');
    const size = await defineField(org, {
      record_type: 'account',
      key: 'size',
      label: 'Size',
      field_type: 'select',
      options: [{ label: 'Small' }],
    });
    const other = await defineField(org, {
      record_type: 'account',
      key: 'other',
      label: 'Other',
      field_type: 'select',
      options: [{ label: 'Big' }],
    });
    const response = await call('POST', '/accounts', org, {
      name: 'Mismatch',
      custom_fields: { size: other.options[0].id },
    });
    expect(response.statusCode).toBe(422);
    expect(problems(response.body)['custom_fields.size']).toBe('"Size" must be one of its options');
    const fine = await ok('POST', '/accounts', org, {
      name: 'Match',
      custom_fields: { size: size.options[0].id },
    });
    expect(fine.custom_fields.size).toBe(size.options[0].id);
  });

  it('applies defaults to new records and holds required fields', async () => {
    const org = await signUp(t.app, 'fields-required');
    await defineField(org, {
      record_type: 'contact',
      key: 'newsletter',
      label: 'Newsletter',
      field_type: 'checkbox',
      default_value: true,
    });
    await defineField(org, {
      record_type: 'contact',
      key: 'source_code',
      label: 'Source code',
      field_type: 'text',
      required: true,
    });
    const missing = await call('POST', '/contacts', org, { last_name: 'Nobody' });
    expect(missing.statusCode).toBe(422);
    expect(problems(missing.body)).toEqual({
      'custom_fields.source_code': '"Source code" is required',
    });
    const contact = await ok('POST', '/contacts', org, {
      last_name: 'Somebody',
      custom_fields: { source_code: 'WEB-1' },
    });
    expect(contact.custom_fields).toEqual({ newsletter: true, source_code: 'WEB-1' });
    const clearing = await call('PATCH', `/contacts/${contact.id}`, org, {
      custom_fields: { source_code: '' },
    });
    expect(clearing.statusCode).toBe(422);
    expect(problems(clearing.body)['custom_fields.source_code']).toBe('"Source code" is required');
    // Other fields of the record still change without naming the required one.
    await ok('PATCH', `/contacts/${contact.id}`, org, { job_title: 'CTO' });
  });

  it('forgets a member default once that person leaves, so records are still created', async () => {
    const org = await signUp(t.app, 'fields-default-leaver');
    const rep = await joinByInvitation(t.app, org, 'member');
    const field = await defineField(org, {
      record_type: 'lead',
      key: 'rep',
      label: 'Rep',
      field_type: 'member',
      default_value: rep.userId,
    });
    expect((await ok('POST', '/leads', org, { last_name: 'Before' })).custom_fields).toEqual({
      rep: rep.userId,
    });
    expect((await call('DELETE', `/members/${rep.userId}`, org)).statusCode).toBe(204);
    const after = await call('POST', '/leads', org, { last_name: 'After' });
    expect(after.statusCode, after.body).toBe(201);
    expect(after.json().custom_fields).toEqual({ rep: null });
    expect((await ok('GET', `/custom-fields/${field.id}`, org)).default_value).toBeNull();
  });
  it('keeps the values of an archived field, hidden until it is restored', async () => {
    const org = await signUp(t.app, 'fields-archive');
    const field = await defineField(org, {
      record_type: 'deal',
      key: 'po',
      label: 'PO number',
      field_type: 'text',
    });
    const deal = await ok('POST', '/deals', org, { name: 'Big', custom_fields: { po: 'PO-9' } });
    await ok('PATCH', `/custom-fields/${field.id}`, org, { archived: true });
    expect((await ok('GET', `/deals/${deal.id}`, org)).custom_fields).toEqual({});
    const write = await call('PATCH', `/deals/${deal.id}`, org, { custom_fields: { po: 'PO-10' } });
    expect(write.statusCode).toBe(422);
    await ok('PATCH', `/custom-fields/${field.id}`, org, { archived: false });
    expect((await ok('GET', `/deals/${deal.id}`, org)).custom_fields).toEqual({ po: 'PO-9' });
  });

  it('renaming an option rewrites no record; removing one removes its values', async () => {
    const org = await signUp(t.app, 'fields-rename');
    const field = await defineField(org, {
      record_type: 'lead',
      key: 'stage',
      label: 'Stage',
      field_type: 'select',
      options: [{ label: 'Cold' }, { label: 'Warm' }],
    });
    const [cold, warm] = field.options;
    const lead = await ok('POST', '/leads', org, {
      last_name: 'Option',
      custom_fields: { stage: cold.id },
    });
    const audited = async () =>
      (
        await t.ownerQuery<{ n: string }>(
          `SELECT count(*) AS n FROM audit_log WHERE org_id = $1 AND table_name = 'custom_field_values'`,
          [org.orgId],
        )
      )[0]!.n;
    const before = await audited();
    await ok('PATCH', `/custom-fields/${field.id}`, org, {
      options: [
        { id: cold.id, label: 'Frozen' },
        { id: warm.id, label: 'Warm' },
      ],
    });
    expect(await audited()).toBe(before);
    expect((await ok('GET', `/leads/${lead.id}`, org)).custom_fields.stage).toBe(cold.id);
    await ok('PATCH', `/custom-fields/${field.id}`, org, {
      options: [{ id: warm.id, label: 'Warm' }],
    });
    expect((await ok('GET', `/leads/${lead.id}`, org)).custom_fields.stage).toBeNull();
  });

  it("swaps options' labels, or gives an option's old label to a new one, in one change", async () => {
    const org = await signUp(t.app, 'fields-swap');
    const field = await defineField(org, {
      record_type: 'lead',
      key: 'tier',
      label: 'Tier',
      field_type: 'select',
      options: [{ label: 'Gold' }, { label: 'Silver' }],
    });
    const [gold, silver] = field.options;
    const lead = await ok('POST', '/leads', org, {
      last_name: 'Swap',
      custom_fields: { tier: gold.id },
    });
    const swapped = await ok('PATCH', `/custom-fields/${field.id}`, org, {
      options: [
        { id: gold.id, label: 'Silver' },
        { id: silver.id, label: 'Gold' },
      ],
    });
    expect(swapped.options.map((o: { id: string; label: string }) => [o.id, o.label])).toEqual([
      [gold.id, 'Silver'],
      [silver.id, 'Gold'],
    ]);
    const renamed = await ok('PATCH', `/custom-fields/${field.id}`, org, {
      options: [
        { label: 'silver' },
        { id: gold.id, label: 'Platinum' },
        { id: silver.id, label: 'Gold' },
      ],
    });
    expect(renamed.options.map((o: { label: string }) => o.label)).toEqual([
      'silver',
      'Platinum',
      'Gold',
    ]);
    expect((await ok('GET', `/leads/${lead.id}`, org)).custom_fields.tier).toBe(gold.id);
    const twice = await call('PATCH', `/custom-fields/${field.id}`, org, {
      options: [
        { id: gold.id, label: 'Platinum' },
        { id: gold.id, label: 'Bronze' },
      ],
    });
    expect(twice.statusCode, twice.body).toBe(422);
    expect(problems(twice.body)).toEqual({ 'options.1.id': 'names an option given before' });
    // A new field has no options to name yet: an id there is refused, not its option dropped.
    const named = await call('POST', '/custom-fields', org, {
      record_type: 'lead',
      key: 'tier_again',
      label: 'Tier again',
      field_type: 'select',
      options: [{ id: gold.id, label: 'Gold' }, { label: 'Silver' }],
    });
    expect(named.statusCode, named.body).toBe(422);
    expect(problems(named.body)).toEqual({
      'options.0.id': "names no option: a new field's options are added without one",
    });
  });

  it('refuses a change naming an option another admin removed while it waited', async () => {
    const org = await signUp(t.app, 'fields-option-race');
    const field = await defineField(org, {
      record_type: 'lead',
      key: 'tier',
      label: 'Tier',
      field_type: 'select',
      options: [{ label: 'Gold' }, { label: 'Silver' }],
    });
    const [gold, silver] = field.options;
    // Another admin's change holds the field, and removes Gold before it lets go.
    const renamed = await whileHeld(
      ['SELECT 1 FROM custom_fields WHERE id = $1 FOR UPDATE', [field.id]],
      () =>
        call('PATCH', `/custom-fields/${field.id}`, org, {
          options: [
            { id: gold.id, label: 'Golden' },
            { id: silver.id, label: 'Silver' },
          ],
        }),
      (other) => other.query('DELETE FROM custom_field_options WHERE id = $1', [gold.id]),
    );
    expect(renamed.statusCode, renamed.body).toBe(422);
    expect(problems(renamed.body)).toEqual({ 'options.0.id': 'is not an option of this field' });
  });

  it('names the field when its option is removed while a record takes it', async () => {
    const org = await signUp(t.app, 'fields-option-gone');
    const field = await defineField(org, {
      record_type: 'lead',
      key: 'tier',
      label: 'Tier',
      field_type: 'select',
      options: [{ label: 'Gold' }, { label: 'Silver' }],
    });
    const lead = await ok('POST', '/leads', org, { last_name: 'Taking gold' });
    // Someone holds the lead while an admin removes Gold; the edit that waited then writes it.
    const gold = field.options[0].id;
    const taken = await whileHeld(
      ['SELECT 1 FROM leads WHERE id = $1 FOR UPDATE', [lead.id]],
      () => call('PATCH', `/leads/${lead.id}`, org, { custom_fields: { tier: gold } }),
      (other) => other.query('DELETE FROM custom_field_options WHERE id = $1', [gold]),
    );
    expect(taken.statusCode, taken.body).toBe(422);
    expect(problems(taken.body)).toEqual({
      'custom_fields.tier': '"Tier" must be one of its options',
    });
  });

  it('removes an option from the default too, as from every value that chose it', async () => {
    const org = await signUp(t.app, 'fields-default-option');
    const tier = await defineField(org, {
      record_type: 'lead',
      key: 'tier',
      label: 'Tier',
      field_type: 'select',
      options: [{ label: 'Gold' }, { label: 'Silver' }],
    });
    const [gold, silver] = tier.options;
    await ok('PATCH', `/custom-fields/${tier.id}`, org, { default_value: silver.id });
    const tags = await defineField(org, {
      record_type: 'lead',
      key: 'tags',
      label: 'Tags',
      field_type: 'multi_select',
      options: [{ label: 'A' }, { label: 'B' }],
    });
    const [tagA, tagB] = tags.options;
    await ok('PATCH', `/custom-fields/${tags.id}`, org, { default_value: [tagA.id, tagB.id] });
    const pruned = await ok('PATCH', `/custom-fields/${tags.id}`, org, {
      options: [{ id: tagA.id, label: 'A' }],
    });
    expect(pruned.default_value).toEqual([tagA.id]);
    const cleared = await ok('PATCH', `/custom-fields/${tier.id}`, org, {
      options: [{ id: gold.id, label: 'Gold' }],
    });
    expect(cleared.default_value).toBeNull();
    expect((await ok('POST', '/leads', org, { last_name: 'Defaulted' })).custom_fields).toEqual({
      tier: null,
      tags: [tagA.id],
    });
  });

  it("deletes a record's values with the record", async () => {
    const org = await signUp(t.app, 'fields-delete');
    await defineField(org, {
      record_type: 'account',
      key: 'note',
      label: 'Note',
      field_type: 'text',
    });
    const account = await ok('POST', '/accounts', org, {
      name: 'Gone',
      custom_fields: { note: 'bye' },
    });
    const count = async () =>
      (
        await t.ownerQuery<{ n: number }>(
          'SELECT count(*)::int AS n FROM custom_field_values WHERE org_id = $1 AND record_id = $2',
          [org.orgId, account.id],
        )
      )[0]!.n;
    expect(await count()).toBe(1);
    expect((await call('DELETE', `/accounts/${account.id}`, org)).statusCode).toBe(204);
    expect(await count()).toBe(0);
  });

  it("cannot write a value of another organization's field or option", async () => {
    const theirs = await defineField(a, {
      record_type: 'lead',
      key: 'secret',
      label: 'Secret',
      field_type: 'select',
      options: [{ label: 'Theirs' }],
    });
    const mine = await defineField(b, {
      record_type: 'lead',
      key: 'secret',
      label: 'Secret',
      field_type: 'select',
      options: [{ label: 'Mine' }],
    });
    const response = await call('POST', '/leads', b, {
      last_name: 'Cross',
      custom_fields: { secret: theirs.options[0].id },
    });
    expect(response.statusCode).toBe(422);
    expect(problems(response.body)['custom_fields.secret']).toContain('one of its options');
    const lead = await ok('POST', '/leads', b, {
      last_name: 'Own',
      custom_fields: { secret: mine.options[0].id },
    });
    expect(lead.custom_fields.secret).toBe(mine.options[0].id);
    // A's record shows A's field only.
    const aLead = await ok('POST', '/leads', a, { last_name: 'A' });
    expect(Object.keys(aLead.custom_fields)).toEqual(['secret']);
    expect(aLead.custom_fields.secret).toBeNull();
  });
});

describe('lists filtered by custom fields', () => {
  let org: SignedUp;
  let size: { id: string; options: Array<{ id: string }> };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    org = await signUp(t.app, 'fields-filters');
    size = await defineField(org, {
      record_type: 'account',
      key: 'size',
      label: 'Size',
      field_type: 'select',
      options: [{ label: 'S' }, { label: 'M' }, { label: 'L' }],
    });
    await defineField(org, {
      record_type: 'account',
      key: 'seats',
      label: 'Seats',
      field_type: 'number',
    });
    await defineField(org, {
      record_type: 'account',
      key: 'renewal',
      label: 'Renewal',
      field_type: 'date',
    });
    await defineField(org, {
      record_type: 'account',
      key: 'code',
      label: 'Code',
      field_type: 'text',
    });
    const [s, m, l] = size.options.map((o) => o.id);
    const rows: Array<[string, Record<string, unknown>]> = [
      ['Small', { size: s, seats: 5, renewal: '2026-01-15', code: 'A1' }],
      ['Medium', { size: m, seats: 50, renewal: '2026-06-30', code: 'B2' }],
      ['Large', { size: l, seats: 500, code: 'C3' }],
      ['Unknown', {}],
    ];
    for (const [name, custom_fields] of rows) {
      ids[name] = (await ok('POST', '/accounts', org, { name, custom_fields })).id;
    }
    // Another organization's account with the same values is never seen.
    await ok('POST', '/accounts', b, { name: 'Small elsewhere' });
  });

  const names = async (query: string, path = '/accounts') => {
    const page = await ok('GET', `${path}?sort=name&count=true&${query}`, org);
    expect(page.total).toBe(page.data.length);
    return page.data.map((r: { name: string }) => r.name);
  };
  const cf = (condition: string) => `cf=${encodeURIComponent(condition)}`;

  it('by equals, range, any of, empty and not empty, all conditions at once', async () => {
    const [s, m, l] = size.options.map((o) => o.id);
    expect(await names(cf(`size:eq:${m}`))).toEqual(['Medium']);
    expect(await names(cf(`size:any:${s},${l}`))).toEqual(['Large', 'Small']);
    expect(await names(cf('seats:gte:50'))).toEqual(['Large', 'Medium']);
    expect(await names(`${cf('seats:gte:10')}&${cf('seats:lte:100')}`)).toEqual(['Medium']);
    expect(await names(cf('renewal:lte:2026-03-01'))).toEqual(['Small']);
    expect(await names(cf('renewal:empty'))).toEqual(['Large', 'Unknown']);
    expect(await names(cf('renewal:not_empty'))).toEqual(['Medium', 'Small']);
    expect(await names(cf('code:eq:B2'))).toEqual(['Medium']);
    expect(await names(`${cf(`size:any:${s},${m}`)}&${cf('seats:gte:10')}`)).toEqual(['Medium']);
  });

  it('by any of text values, a comma or backslash inside one written after a backslash', async () => {
    const cities = await signUp(t.app, 'fields-any-commas');
    await defineField(cities, {
      record_type: 'account',
      key: 'city',
      label: 'City',
      field_type: 'text',
    });
    for (const [name, city] of [
      ['Paris FR', 'Paris, France'],
      ['Paris', 'Paris'],
      ['Lyon', 'Lyon'],
      ['Share', 'C:\\dir'],
    ])
      await ok('POST', '/accounts', cities, { name, custom_fields: { city } });
    const named = async (condition: string) =>
      (await ok('GET', `/accounts?sort=name&${cf(condition)}`, cities)).data.map(
        (r: { name: string }) => r.name,
      );
    expect(await named('city:any:Paris\\, France,Lyon')).toEqual(['Lyon', 'Paris FR']);
    expect(await named('city:any:Paris,Lyon')).toEqual(['Lyon', 'Paris']);
    expect(await named('city:any:C:\\\\dir,Lyon')).toEqual(['Lyon', 'Share']);
    // A backslash before anything else is itself, and eq takes its value whole.
    expect(await named('city:any:C:\\dir')).toEqual(['Share']);
    expect(await named('city:eq:Paris, France')).toEqual(['Paris FR']);
  });

  it('sorts by a custom field, records without a value last, page after page', async () => {
    const sorted = async (sort: string, limit: number, query = '') => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { data: Array<{ name: string }>; next_cursor: string | null } = await ok(
          'GET',
          `/accounts?sort=${sort}&limit=${limit}${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          org,
        );
        seen.push(...page.data.map((r) => r.name));
        cursor = page.next_cursor;
      } while (cursor);
      return seen;
    };
    for (const limit of [1, 2, 3, 50]) {
      expect(await sorted('cf.seats', limit), `limit ${limit}`).toEqual([
        'Small',
        'Medium',
        'Large',
        'Unknown',
      ]);
      expect(await sorted('-cf.seats', limit), `limit ${limit}`).toEqual([
        'Large',
        'Medium',
        'Small',
        'Unknown',
      ]);
    }
    // Records without a value come last, by id in the sort's direction.
    const tail = ['Large', 'Unknown'].sort((x, y) => (ids[y]! < ids[x]! ? -1 : 1));
    expect(await sorted('-cf.renewal', 1)).toEqual(['Medium', 'Small', ...tail]);
    expect(await sorted('cf.code', 2, `&${cf('seats:gte:10')}`)).toEqual(['Medium', 'Large']);
    for (const sort of ['cf.nope', 'cf.Bad']) {
      const response = await call('GET', `/accounts?sort=${sort}`, org);
      expect(response.statusCode, sort).toBe(400);
      expect(response.body, sort).toContain('sort');
    }
  });

  it('exports and bulk actions by filter take the same conditions', async () => {
    const [, m] = size.options.map((o) => o.id);
    const csv = await call('GET', `/accounts/export?columns=name&${cf(`size:eq:${m}`)}`, org);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.body).toContain('Medium');
    expect(csv.body).not.toContain('Small');
    const tag = await ok('POST', '/tags', org, { name: 'Big ones' });
    const bulk = await call('POST', '/accounts/bulk', org, {
      action: 'add_tag',
      tag_id: tag.id,
      filter: { cf: ['seats:gte:100'] },
    });
    expect(bulk.statusCode, bulk.body).toBeLessThan(300);
    expect(await names(`tag_id=${tag.id}`)).toEqual(['Large']);
  });

  it('bulk edit sets a custom field on many records, checked as on an update', async () => {
    const [, , l] = size.options.map((o) => o.id);
    const set = await call('POST', '/accounts/bulk', org, {
      action: 'set_custom_fields',
      ids: [ids.Unknown, ids.Small],
      custom_fields: { size: l, code: 'Z9' },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().updated).toBe(2);
    const unknown = await ok('GET', `/accounts/${ids.Unknown}`, org);
    expect(unknown.custom_fields).toMatchObject({ size: l, code: 'Z9', seats: null });
    const refused = await call('POST', '/accounts/bulk', org, {
      action: 'set_custom_fields',
      filter: { cf: ['code:eq:Z9'] },
      custom_fields: { seats: 'lots' },
    });
    expect(refused.statusCode).toBe(422);
    expect(problems(refused.body)['custom_fields.seats']).toContain('"Seats"');
    const missing = await call('POST', '/accounts/bulk', org, {
      action: 'set_custom_fields',
      ids: [ids.Small],
    });
    expect(missing.statusCode).toBe(422);
    expect(problems(missing.body)).toHaveProperty('custom_fields');
    // Put back for the other tests of this list.
    await ok('POST', '/accounts/bulk', org, {
      action: 'set_custom_fields',
      ids: [ids.Unknown, ids.Small],
      custom_fields: { size: null, code: null },
    });
    await ok('PATCH', `/accounts/${ids.Small}`, org, {
      custom_fields: { size: size.options[0]!.id, code: 'A1' },
    });
  });

  it('refuses a condition it cannot read with 400 naming cf', async () => {
    for (const condition of [
      'nope:eq:1',
      'seats:eq:many',
      'size:gte:x',
      'size:eq:0f8fad5b-d9cb-469f-a165-70867728950e',
      'renewal:eq:2026-02-31',
      'seats',
      // A value the operator does not take: read as "empty", it answered another question.
      'renewal:empty:2026-01-01',
      'seats:not_empty:0',
    ]) {
      const response = await call('GET', `/accounts?${cf(condition)}`, org);
      expect(response.statusCode, condition).toBe(400);
      expect(response.body, condition).toContain('cf');
    }
  });
});

describe('lists sorted by a select or a member field', () => {
  /** Every page of a sorted list of leads, by last name, `limit` at a time. */
  const sorted = async (who: SignedUp, sort: string, limit: number) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: Array<{ last_name: string }>; next_cursor: string | null } = await ok(
        'GET',
        `/leads?sort=${sort}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        who,
      );
      seen.push(...page.data.map((r) => r.last_name));
      cursor = page.next_cursor;
    } while (cursor);
    return seen;
  };

  it("sorts a select by its options' order, as the admin reorders it, empty values last", async () => {
    const org = await signUp(t.app, 'fields-sort-select');
    const stage = await defineField(org, {
      record_type: 'lead',
      key: 'stage',
      label: 'Stage',
      field_type: 'select',
      options: [{ label: 'Cold' }, { label: 'Warm' }, { label: 'Hot' }],
    });
    const [cold, warm, hot] = stage.options as Array<{ id: string; label: string }>;
    const ids: Record<string, string> = {};
    for (const [last_name, option] of [
      ['Warm 1', warm],
      ['Hot 1', hot],
      ['Cold 1', cold],
      ['Warm 2', warm],
      ['None 1', undefined],
      ['Hot 2', hot],
      ['None 2', undefined],
    ] as const) {
      const custom_fields = option ? { stage: option.id } : {};
      ids[last_name] = (await ok('POST', '/leads', org, { last_name, custom_fields })).id;
    }
    // Another organization's field of the same key and its leads are never listed.
    const theirs = await defineField(b, {
      record_type: 'lead',
      key: 'stage',
      label: 'Stage',
      field_type: 'select',
      options: [{ label: 'Cold' }],
    });
    await ok('POST', '/leads', b, {
      last_name: 'Elsewhere',
      custom_fields: { stage: theirs.options[0].id },
    });
    const byId = (names: string[], descending: boolean) =>
      [...names].sort((x, y) => (ids[x]! < ids[y]! ? -1 : 1) * (descending ? -1 : 1));
    for (const limit of [1, 2, 3, 50]) {
      expect(await sorted(org, 'cf.stage', limit), `limit ${limit}`).toEqual([
        'Cold 1',
        ...byId(['Warm 1', 'Warm 2'], false),
        ...byId(['Hot 1', 'Hot 2'], false),
        ...byId(['None 1', 'None 2'], false),
      ]);
      expect(await sorted(org, '-cf.stage', limit), `limit ${limit}`).toEqual([
        ...byId(['Hot 1', 'Hot 2'], true),
        ...byId(['Warm 1', 'Warm 2'], true),
        'Cold 1',
        ...byId(['None 1', 'None 2'], true),
      ]);
    }
    // The admin moves Hot to the top: the list follows, whatever the options' ids.
    await ok('PATCH', `/custom-fields/${stage.id}`, org, {
      options: [
        { id: hot!.id, label: 'Hot' },
        { id: cold!.id, label: 'Cold' },
        { id: warm!.id, label: 'Warm' },
      ],
    });
    expect(await sorted(org, 'cf.stage', 2)).toEqual([
      ...byId(['Hot 1', 'Hot 2'], false),
      'Cold 1',
      ...byId(['Warm 1', 'Warm 2'], false),
      ...byId(['None 1', 'None 2'], false),
    ]);
    // The option the cursor stopped at is removed before the next page: where it stood is
    // unknown, so the list starts again rather than skip the options after it.
    const first = await ok('GET', '/leads?sort=cf.stage&limit=1', org);
    await ok('PATCH', `/custom-fields/${stage.id}`, org, {
      options: [
        { id: cold!.id, label: 'Cold' },
        { id: warm!.id, label: 'Warm' },
      ],
    });
    const next = await call(
      'GET',
      `/leads?sort=cf.stage&limit=1&cursor=${encodeURIComponent(first.next_cursor)}`,
      org,
    );
    expect(next.statusCode, next.body).toBe(400);
    expect(problems(next.body)).toEqual({
      cursor: 'names an option or member no longer there: ask for the first page again',
    });
  });

  it("sorts a member field by the member's name, and refuses a multi-select", async () => {
    const org = await signUp(t.app, 'fields-sort-member');
    const zed = await joinByInvitation(t.app, org, 'member', 'zed');
    const ann = await joinByInvitation(t.app, org, 'member', 'ann');
    await defineField(org, {
      record_type: 'lead',
      key: 'handler',
      label: 'Handled by',
      field_type: 'member',
    });
    await defineField(org, {
      record_type: 'lead',
      key: 'topics',
      label: 'Topics',
      field_type: 'multi_select',
      options: [{ label: 'Pricing' }],
    });
    // Ids in the opposite order of the names, so that an order by id would show.
    for (const [last_name, handler] of [
      ['By Zed', zed.userId],
      ['By owner', org.userId],
      ['Nobody', null],
      ['By Ann', ann.userId],
    ] as const) {
      await ok('POST', '/leads', org, { last_name, custom_fields: { handler } });
    }
    for (const limit of [1, 3, 50]) {
      expect(await sorted(org, 'cf.handler', limit), `limit ${limit}`).toEqual([
        'By Ann',
        'By owner',
        'By Zed',
        'Nobody',
      ]);
      expect(await sorted(org, '-cf.handler', limit), `limit ${limit}`).toEqual([
        'By Zed',
        'By owner',
        'By Ann',
        'Nobody',
      ]);
    }
    // Another organization sees none of these leads, sorted or not.
    expect(await sorted(b, 'created_at', 50)).not.toContain('By Ann');
    const multi = await call('GET', '/leads?sort=cf.topics', org);
    expect(multi.statusCode).toBe(400);
    expect(multi.json().error.details.fields[0]).toMatchObject({ field: 'sort' });
    expect(multi.body).toContain('several options');
  });
});

describe('the storage of values beneath the tenant policy', () => {
  it('compares every typed value inside its index, as the API role under RLS', async () => {
    // Only leakproof comparisons may be index conditions beneath a policy: numeric's are not,
    // which is why numbers are double precision (docs/decisions/0008-custom-field-storage.md).
    await asApiRole(t, a, async (client) => {
      await client.query('SET LOCAL enable_seqscan = off');
      await client.query('SET LOCAL enable_bitmapscan = off');
      const field = '0f8fad5b-d9cb-469f-a165-70867728950e';
      for (const [column, value] of [
        ['value_text', 'x'],
        ['value_number', 12.5],
        ['value_date', '2026-01-01'],
        ['value_time', '2026-01-01T00:00:00Z'],
        ['value_bool', true],
        ['value_option', field],
        ['value_member', field],
      ] as const) {
        for (const operator of ['=', '>=']) {
          const { rows } = await client.query(
            `EXPLAIN (FORMAT JSON) SELECT record_id FROM custom_field_values
           WHERE org_id = $1 AND field_id = $2 AND ${column} ${operator} $3`,
            [a.orgId, field, value],
          );
          const plan = JSON.stringify(rows[0]['QUERY PLAN']);
          const condition = /"Index Cond":"([^"]*)"/.exec(plan)?.[1] ?? '';
          expect(condition, `${column} ${operator}: ${plan}`).toContain(column);
          expect(plan, `${column} ${operator}`).toContain('verified_org()');
          expect(plan, `${column} ${operator}`).not.toContain('"Filter"');
        }
      }
    });
  });
});

describe('the values of a list page', () => {
  it("are each record's own, read once for the page with one tenant check", async () => {
    const org = await signUp(t.app, 'fields-page');
    const other = await signUp(t.app, 'fields-page-other');
    const fieldsOf = async (who: SignedUp) => {
      const tier = await defineField(who, {
        record_type: 'lead',
        key: 'tier',
        label: 'Tier',
        field_type: 'multi_select',
        options: [{ label: 'Gold' }, { label: 'Silver' }],
      });
      await defineField(who, {
        record_type: 'lead',
        key: 'score',
        label: 'Score',
        field_type: 'number',
      });
      return tier.options.map((option: { id: string }) => option.id) as string[];
    };
    const [gold, silver] = await fieldsOf(org);
    const [theirGold] = await fieldsOf(other);
    await ok('POST', '/leads', org, {
      last_name: 'Both',
      custom_fields: { tier: [silver, gold], score: 2.5 },
    });
    await ok('POST', '/leads', org, { last_name: 'Scored', custom_fields: { score: 0.1 } });
    await ok('POST', '/leads', org, { last_name: 'Bare' });
    await ok('POST', '/leads', other, {
      last_name: 'Theirs',
      custom_fields: { tier: [theirGold], score: 9 },
    });

    const shown = Object.fromEntries(
      (await ok('GET', '/leads?limit=50', org)).data.map(
        (lead: { last_name: string; custom_fields: object }) => [
          lead.last_name,
          lead.custom_fields,
        ],
      ),
    );
    expect(shown).toEqual({
      Both: { tier: [gold, silver], score: 2.5 },
      Scored: { tier: [], score: 0.1 },
      Bare: { tier: [], score: null },
    });

    // The values are one read for the whole page, not one per record (each a run of the
    // policy's tenant check).
    const checks = await tenantChecksOf(t, org, () => call('GET', '/leads?limit=50', org), [
      'custom_field_values',
    ]);
    expect(checks.length).toBeGreaterThan(1);
    expect(new Set(checks)).toEqual(new Set([1]));
  });
});

describe('many values in one write', () => {
  it('are all kept, past the 65,535 parameters one statement may take', async () => {
    const org = await signUp(t.app, 'fields-many-values');
    const keys = Array.from({ length: 27 }, (_, i) => `f${i}`);
    for (const key of keys) {
      await defineField(org, { record_type: 'lead', key, label: key, field_type: 'text' });
    }
    await asTenant(
      t,
      org,
      `INSERT INTO leads (org_id, last_name, created_by)
       SELECT '${org.orgId}', 'Many ' || n, '${org.userId}' FROM generate_series(1, 500) AS n`,
    );
    const ids = (
      await t.ownerQuery<{ id: string }>('SELECT id FROM leads WHERE org_id = $1', [org.orgId])
    ).map((row) => row.id);
    // 500 records and 27 fields: 13,500 values, five parameters each when sent one by one.
    const set = await call('POST', '/leads/bulk', org, {
      action: 'set_custom_fields',
      ids,
      custom_fields: Object.fromEntries(keys.map((key) => [key, `value of ${key}`])),
    });
    expect(set.statusCode, set.body).toBe(200);
    const [stored] = await t.ownerQuery<{ n: number }>(
      'SELECT count(*)::int AS n FROM custom_field_values WHERE org_id = $1',
      [org.orgId],
    );
    expect(stored!.n).toBe(13_500);
    const one = await ok('GET', `/leads/${ids[0]}`, org);
    expect(one.custom_fields).toEqual(
      Object.fromEntries(keys.map((key) => [key, `value of ${key}`])),
    );
  }, 60_000);
});

describe('the values of a list page, where they lie', () => {
  it('are read from the index alone, but for long text, and shown as written', async () => {
    const org = await signUp(t.app, 'fields-covered');
    for (const [key, fieldType] of [
      ['code', 'text'],
      ['size', 'number'],
      ['renewal', 'date'],
      ['notes', 'long_text'],
    ] as const) {
      await defineField(org, { record_type: 'lead', key, label: key, field_type: fieldType });
    }
    const written = [];
    for (let i = 0; i < 30; i += 1) {
      written.push(
        await ok('POST', '/leads', org, {
          last_name: `Covered ${i}`,
          custom_fields: {
            code: `C-${i}`,
            size: i / 4,
            renewal: '2027-01-31',
            ...(i % 3 === 0 && { notes: `Long ${i} `.repeat(300).trim() }),
          },
        }),
      );
    }
    // As autovacuum leaves a table some time after its writes: every page marked visible.
    await t.ownerQuery('VACUUM custom_field_values');
    const page = await ok('GET', '/leads?limit=50', org);
    const shown = new Map(page.data.map((lead: { id: string }) => [lead.id, lead]));
    for (const lead of written) {
      expect((shown.get(lead.id) as { custom_fields: object }).custom_fields).toEqual(
        lead.custom_fields,
      );
    }

    // The 90 values of text, numbers and dates from the index, without a visit to the table;
    // the 10 long texts from the table, and no other value.
    const scans = await scansOf(
      t,
      org,
      () => call('GET', '/leads?limit=50', org),
      'custom_field_values',
    );
    const fromIndex = scans.filter((scan) => scan['Node Type'] === 'Index Only Scan');
    expect(fromIndex.map((scan) => [scan['Actual Rows'], scan['Heap Fetches']])).toEqual([[90, 0]]);
    const fromTable = scans.filter((scan) => scan['Node Type'] !== 'Index Only Scan');
    expect(fromTable.map((scan) => scan['Actual Rows'])).toEqual([10]);
  });
});

describe('the definitions a list page reads', () => {
  const dataStatements = async (who: SignedUp) => {
    const { result, calls } = await captureQueries(() => call('GET', '/leads?limit=50', who));
    expect(result.statusCode, result.body).toBe(200);
    return {
      leads: result.json().data as Array<{ last_name: string; custom_fields: object }>,
      definitionReads: calls.filter((c) => /from "custom_fields"/.test(c.text)).length,
      messages: calls.length,
    };
  };

  it('are read again only once they changed: a page is three messages', async () => {
    const org = await signUp(t.app, 'defs-kept');
    await defineField(org, {
      record_type: 'lead',
      key: 'size',
      label: 'Size',
      field_type: 'number',
    });
    await ok('POST', '/leads', org, { last_name: 'Sized', custom_fields: { size: 3 } });

    await dataStatements(org);
    const settled = await dataStatements(org);
    expect(settled).toMatchObject({ definitionReads: 0, messages: 3 });
    expect(settled.leads[0]!.custom_fields).toEqual({ size: 3 });

    // A change through the API is seen by the next page.
    await ok('POST', '/custom-fields', org, {
      record_type: 'lead',
      key: 'stage_note',
      label: 'Stage note',
      field_type: 'text',
    });
    const changed = await dataStatements(org);
    expect(changed.definitionReads).toBe(1);
    expect(changed.leads[0]!.custom_fields).toEqual({ size: 3, stage_note: null });
  });

  it("follow a change made outside this process, and are never another organization's", async () => {
    const org = await signUp(t.app, 'defs-elsewhere');
    const other = await signUp(t.app, 'defs-elsewhere-other');
    for (const who of [org, other]) {
      await defineField(who, {
        record_type: 'lead',
        key: 'tier',
        label: 'Tier',
        field_type: 'text',
      });
      await ok('POST', '/leads', who, { last_name: 'Tiered', custom_fields: { tier: who.orgId } });
      await dataStatements(who);
    }
    // Another API process, or an admin at the database, archives the field and adds one.
    await t.ownerQuery(`UPDATE custom_fields SET archived_at = now() WHERE org_id = $1`, [
      org.orgId,
    ]);
    await t.ownerQuery(
      `INSERT INTO custom_fields (org_id, record_type, key, label, field_type)
       VALUES ($1, 'lead', 'region', 'Region', 'text')`,
      [org.orgId],
    );
    expect((await dataStatements(org)).leads[0]!.custom_fields).toEqual({ region: null });
    const theirs = await dataStatements(other);
    expect(theirs.definitionReads).toBe(0);
    expect(theirs.leads[0]!.custom_fields).toEqual({ tier: other.orgId });
  });

  it("does not move the organization's update time or write to its trail", async () => {
    const org = await signUp(t.app, 'defs-quiet');
    const before = await t.ownerQuery<{ updated_at: Date; events: number }>(
      `SELECT o.updated_at, (SELECT count(*)::int FROM audit_log a
         WHERE a.org_id = o.id AND a.table_name = 'orgs') AS events
       FROM orgs o WHERE o.id = $1`,
      [org.orgId],
    );
    await defineField(org, {
      record_type: 'lead',
      key: 'size',
      label: 'Size',
      field_type: 'number',
    });
    const after = await t.ownerQuery<{ updated_at: Date; events: number }>(
      `SELECT o.updated_at, (SELECT count(*)::int FROM audit_log a
         WHERE a.org_id = o.id AND a.table_name = 'orgs') AS events
       FROM orgs o WHERE o.id = $1`,
      [org.orgId],
    );
    expect(after).toEqual(before);
  });
});

describe('custom field changes in a record history', () => {
  it('shows each change by the field label, options and members by name, old and new', async () => {
    const org = await signUp(t.app, 'fields-history');
    const stage = await defineField(org, {
      record_type: 'lead',
      key: 'stage',
      label: 'Buying stage',
      field_type: 'select',
      options: [{ label: 'Research' }, { label: 'Shortlist' }],
    });
    await defineField(org, {
      record_type: 'lead',
      key: 'budget',
      label: 'Budget',
      field_type: 'money',
    });
    const [research, shortlist] = stage.options;
    const lead = await ok('POST', '/leads', org, {
      last_name: 'Hopper',
      custom_fields: { stage: research.id },
    });
    await ok('PATCH', `/leads/${lead.id}`, org, {
      custom_fields: { stage: shortlist.id, budget: 1500 },
    });
    await ok('PATCH', `/leads/${lead.id}`, org, { custom_fields: { budget: null } });

    const history = (await ok('GET', `/audit-log/records/${lead.id}`, org)).data as Array<{
      action: string;
      table_name: string;
      changes: Record<string, unknown>;
    }>;
    const custom = history.filter((entry) => entry.table_name === 'custom_field_values');
    expect(custom.map((entry) => entry.changes)).toEqual([
      { 'Buying stage': { new: 'Research' } },
      { 'Buying stage': { old: 'Research', new: 'Shortlist' } },
      { Budget: { new: 1500 } },
      { Budget: { old: 1500 } },
    ]);
    expect(custom.every((entry) => entry.action === 'update')).toBe(true);
    // A member who is no admin reads them too; another organization reads nothing.
    const member = await joinByInvitation(t.app, org, 'member', 'fields-history-member');
    const seen = (await ok('GET', `/audit-log/records/${lead.id}`, member)).data as Array<{
      table_name: string;
    }>;
    expect(seen.filter((entry) => entry.table_name === 'custom_field_values')).toHaveLength(4);
    expect((await call('GET', `/audit-log/records/${lead.id}`, b)).statusCode).toBe(404);
  });
});

// After the plan checks above: an organization of 1,500 leads changes the table's statistics.
describe('a page of a wide range', () => {
  it('pages through a range most records are in, each once, in order, with the total', async () => {
    // Over WIDE records in the range: a page walks the list's order (measureRanges).
    const [wide] = await createOrganizations(t.testDb.ownerUrl, [{ name: 'Wide', leads: 1_500 }]);
    const caller = {
      authorization: `Bearer ${await signAccessToken(t.deps.config.jwtSecret, benchCaller(wide!))}`,
    };
    const expected = await t.ownerQuery<{ id: string }>(
      `SELECT l.id FROM leads l JOIN custom_field_values v ON v.org_id = l.org_id
         AND v.record_id = l.id JOIN custom_fields f ON f.id = v.field_id AND f.key = 'score'
       WHERE l.org_id = $1 AND v.value_number BETWEEN 0 AND 899
       ORDER BY l.created_at DESC, l.id DESC`,
      [wide!.id],
    );
    expect(expected.length).toBeGreaterThan(WIDE);
    const seen: string[] = [];
    let cursor = '';
    do {
      const query = `cf=score:gte:0&cf=score:lte:899&count=true&limit=200${cursor}`;
      const page = await ok('GET', `/leads?${query}`, { auth: caller });
      expect(page.total).toBe(expected.length);
      seen.push(...page.data.map((lead: { id: string }) => lead.id));
      cursor = page.next_cursor ? `&cursor=${page.next_cursor}` : '';
    } while (cursor);
    expect(seen).toEqual(expected.map((row) => row.id));
  }, 60_000);
});

describe('a page of a range many records are in', () => {
  it('walks its order, reading the range once, with one tenant check a table', async () => {
    // 5,000 leads with a score from 0 to 999 each (bench/lib/data.mjs).
    const [many] = await createOrganizations(t.testDb.ownerUrl, [{ name: 'Many', leads: 5_000 }]);
    const caller = {
      authorization: `Bearer ${await signAccessToken(t.deps.config.jwtSecret, benchCaller(many!))}`,
    };
    const who = { orgId: many!.id, userId: many!.userId };
    const expected = await t.ownerQuery<{ id: string }>(
      `SELECT l.id FROM leads l WHERE l.org_id = $1 AND EXISTS (
         SELECT FROM custom_field_values v JOIN custom_fields f ON f.id = v.field_id
         WHERE v.org_id = l.org_id AND v.record_id = l.id AND f.key = 'score'
           AND v.value_number BETWEEN 100 AND 399)
       ORDER BY l.created_at DESC, l.id DESC`,
      [many!.id],
    );
    // Between WIDE and VAST: read once as a set, not probed record by record.
    expect(expected.length).toBeGreaterThanOrEqual(WIDE);
    expect(expected.length).toBeLessThan(VAST);
    const url = '/leads?limit=50&cf=score:gte:100&cf=score:lte:399';
    const page = await ok('GET', url, { auth: caller });
    expect(page.data.map((lead: { id: string }) => lead.id)).toEqual(
      expected.slice(0, 50).map((row) => row.id),
    );
    const request = () => call('GET', url, { auth: caller });
    // Probing each record walked ran the policy's check once per record (over a hundred).
    const checks = await tenantChecksOf(t, who, request, ['leads', 'custom_field_values']);
    expect(Math.max(...checks)).toBe(1);
    expect(await rowsReadOf(t, who, request, 'leads')).toBeLessThanOrEqual(6 * 51);
  }, 60_000);
});

describe("a page in a custom field's order", () => {
  it('reads about a page of records, not all of the organization', async () => {
    // 5,000 leads, with a text value on half of them, a select and a number on all
    // (bench/lib/data.mjs), the statistics as autovacuum would leave them.
    const [sorted, others] = await createOrganizations(t.testDb.ownerUrl, [
      { name: 'Sorted', leads: 5_000 },
      { name: 'Others', leads: 1_000 },
    ]);
    // A tenth of a shared table, as one of ten such organizations is: other organizations'
    // leads and values copied in, with the triggers held (nothing reads them but the
    // statistics the planner weighs).
    await t.ownerQuery(
      `BEGIN;
       SET LOCAL session_replication_role = replica;
       CREATE TEMPORARY TABLE copied ON COMMIT DROP AS
         SELECT l.id AS source, gen_random_uuid() AS id, copy
         FROM leads l, generate_series(1, 44) AS copy WHERE l.org_id = '${others!.id}';
       INSERT INTO leads (id, org_id, first_name, last_name, email, status, created_by)
         SELECT c.id, l.org_id, l.first_name, l.last_name, c.copy || '.' || l.email, l.status,
           l.created_by
         FROM copied c JOIN leads l ON l.id = c.source;
       INSERT INTO custom_field_values (org_id, field_id, record_id, value_text, value_number,
           value_date, value_option, created_by)
         SELECT v.org_id, v.field_id, c.id, v.value_text, v.value_number, v.value_date,
           v.value_option, v.created_by
         FROM copied c JOIN custom_field_values v ON v.record_id = c.source;
       COMMIT`,
    );
    // Statistics of every row, not of a sample: the same plan on every run.
    await t.ownerQuery(
      'SET default_statistics_target = 1000; ANALYZE leads; ANALYZE custom_field_values',
    );
    const caller = {
      authorization: `Bearer ${await signAccessToken(t.deps.config.jwtSecret, benchCaller(sorted!))}`,
    };
    const who = { orgId: sorted!.id, userId: sorted!.userId };
    for (const sort of ['cf.region_code', 'cf.tier', '-cf.score']) {
      const url = `/leads?limit=50&sort=${sort}`;
      expect((await ok('GET', url, { auth: caller })).data).toHaveLength(50);
      // The value's index walked in order, each record looked up until the page is full (or
      // for a select's option, the records merged with it in their order: 5 options, about 5
      // records read for each one shown), whatever the planner's costs: with the app role's,
      // and planned for disks where a read out of order costs four in order. As a plain join,
      // the page read all 5,000 records on some runs, hashed them and sorted.
      for (const planner of [{}, { random_page_cost: '4' }] as PlannerSettings[]) {
        const request = () => call('GET', url, { auth: caller });
        const read = await rowsReadOf(t, who, request, 'leads', planner);
        expect(read, `${sort} ${JSON.stringify(planner)}`).toBeLessThanOrEqual(6 * 51);
      }
    }
  }, 60_000);
});
