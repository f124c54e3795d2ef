import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../src/db/migrate.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

/** What a migration does going up, to run it again over rows written as an older release did. */
const upMigration = (file: string) =>
  readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8').split('-- Down Migration')[0]!;

let t: TestApp;
let a: SignedUp;
let b: SignedUp;

beforeAll(async () => {
  t = await createTestApp();
  a = await signUp(t.app, 'dup-a');
  b = await signUp(t.app, 'dup-b');
});
afterAll(async () => {
  await t.close();
});

const call = (method: 'GET' | 'POST', url: string, who: SignedUp, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: who.auth, payload });

const found = async (who: SignedUp, url: string) => {
  const response = await call('GET', url, who);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().data as Array<{ id: string; matched_on: string[] }>;
};

describe('likely duplicates before creating a record', () => {
  it('finds a lead by email or by name, case and accents aside, and only in its organization', async () => {
    const lead = (
      await call('POST', '/leads', a, {
        first_name: 'José',
        last_name: 'Álvarez',
        email: 'jose@alvarez.example',
        company: 'Álvarez SL',
      })
    ).json();
    const byBoth = await found(
      a,
      '/leads/duplicates?email=JOSE@alvarez.example&first_name=jose&last_name=ALVAREZ&company=x',
    );
    expect(byBoth).toEqual([
      {
        id: lead.id,
        title: 'José Álvarez',
        subtitle: 'Álvarez SL',
        matched_on: ['email', 'name'],
      },
    ]);
    expect(
      (await found(a, '/leads/duplicates?first_name=Jose&last_name=%20alvarez%20')).map(
        (d) => d.matched_on,
      ),
    ).toEqual([['name']]);
    expect(await found(a, '/leads/duplicates?email=other@alvarez.example')).toEqual([]);
    expect(await found(a, '/leads/duplicates')).toEqual([]);
    expect(await found(b, '/leads/duplicates?email=jose@alvarez.example')).toEqual([]);
  });

  it('finds contacts by email or name, and accounts by name or domain', async () => {
    const contact = (
      await call('POST', '/contacts', a, {
        first_name: 'Grace',
        last_name: 'Hopper',
        email: 'grace@navy.example',
      })
    ).json();
    expect((await found(a, '/contacts/duplicates?first_name=GRACE&last_name=hopper'))[0]).toEqual(
      expect.objectContaining({ id: contact.id, matched_on: ['name'] }),
    );
    const account = (
      await call('POST', '/accounts', a, { name: 'Société  Générale', domain: 'SocGen.example' })
    ).json();
    expect(await found(a, '/accounts/duplicates?name=societe%20generale')).toEqual([
      expect.objectContaining({ id: account.id, matched_on: ['name'] }),
    ]);
    expect(
      await found(
        a,
        `/accounts/duplicates?domain=${encodeURIComponent('https://www.socgen.example/fr')}`,
      ),
    ).toEqual([expect.objectContaining({ id: account.id, matched_on: ['domain'] })]);
    expect(await found(b, '/accounts/duplicates?name=societe%20generale')).toEqual([]);
    expect((await call('GET', '/accounts/duplicates?email=x', a)).statusCode).toBe(400);
  });

  it('takes a domain written as an address for the same domain as its bare host', async () => {
    const org = await signUp(t.app, 'dup-domains');
    const bare = (
      await call('POST', '/accounts', org, { name: 'Tandem', domain: 'tandem.example' })
    ).json();
    const typed = await call('POST', '/accounts', org, {
      name: 'Tandem Europe',
      domain: ' https://WWW.Tandem.example/about ',
    });
    expect(typed.json().domain).toBe('tandem.example');
    expect(
      (await found(org, '/accounts/duplicates?domain=www.tandem.example')).map((r) => r.id),
    ).toEqual(expect.arrayContaining([bare.id, typed.json().id]));
    const groups = (await call('GET', '/accounts/duplicates/groups', org)).json().data;
    expect(groups).toEqual([
      expect.objectContaining({ reason: 'domain', key: 'tandem.example', size: 2 }),
    ]);
  });

  it('groups an account whose domain was kept as typed, once the installation is upgraded', async () => {
    const org = await signUp(t.app, 'dup-upgraded');
    const bare = (
      await call('POST', '/accounts', org, { name: 'Umbrella', domain: 'umbrella.example' })
    ).json();
    const old = (await call('POST', '/accounts', org, { name: 'Umbrella Labs' })).json();
    // As a release that kept the domain as typed left it.
    await t.ownerQuery('UPDATE accounts SET domain = $1 WHERE id = $2', [
      ' https://WWW.Umbrella.example/labs ',
      old.id,
    ]);
    const before = await found(org, '/accounts/duplicates?domain=umbrella.example');
    expect(before.map((r) => r.id)).toEqual([bare.id]);

    await t.ownerQuery(upMigration('0049_keep_account_domains_bare.sql'));

    expect(
      (await found(org, '/accounts/duplicates?domain=umbrella.example')).map((r) => r.id),
    ).toEqual(expect.arrayContaining([bare.id, old.id]));
    expect((await call('GET', `/accounts/${old.id}`, org)).json().domain).toBe('umbrella.example');
    const groups = (await call('GET', '/accounts/duplicates/groups', org)).json().data;
    expect(groups).toEqual([
      expect.objectContaining({ reason: 'domain', key: 'umbrella.example', size: 2 }),
    ]);
    // The change is in the account's history, from no one: the upgrade made it.
    const [change] = await t.ownerQuery<{ actor_id: string | null; changes: unknown }>(
      `SELECT actor_id, changes FROM audit_log
       WHERE record_id = $1 AND action = 'update' ORDER BY occurred_at DESC LIMIT 1`,
      [old.id],
    );
    expect(change).toEqual({
      actor_id: null,
      changes: expect.objectContaining({
        domain: { old: ' https://WWW.Umbrella.example/labs ', new: 'umbrella.example' },
      }),
    });
    // Domains already bare, and accounts without one, are left as they were.
    expect((await call('GET', `/accounts/${bare.id}`, org)).json().version).toBe(bare.version);
  });

  it('finds records by the digits of a phone number, not by a short extension', async () => {
    const lead = (
      await call('POST', '/leads', a, { last_name: 'Rang', phone: '+1 (555) 010-4477' })
    ).json();
    const contact = (
      await call('POST', '/contacts', a, { last_name: 'Called', phone: '+1 555 010 4477' })
    ).json();
    const account = (
      await call('POST', '/accounts', a, { name: 'Switchboard', phone: '1-555-010-4477' })
    ).json();
    expect(
      await found(a, `/leads/duplicates?phone=${encodeURIComponent('1 555 0104477')}`),
    ).toEqual([expect.objectContaining({ id: lead.id, matched_on: ['phone'] })]);
    expect(await found(a, '/contacts/duplicates?phone=15550104477')).toEqual([
      expect.objectContaining({ id: contact.id, matched_on: ['phone'] }),
    ]);
    expect(await found(a, '/accounts/duplicates?phone=%2B15550104477')).toEqual([
      expect.objectContaining({ id: account.id, matched_on: ['phone'] }),
    ]);
    await call('POST', '/contacts', a, { last_name: 'Extension', phone: '4477' });
    expect(await found(a, '/contacts/duplicates?phone=4477')).toEqual([]);
    expect(await found(b, '/contacts/duplicates?phone=15550104477')).toEqual([]);
  });
});
