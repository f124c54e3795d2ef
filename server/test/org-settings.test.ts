import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinByInvitation } from './support/members.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

let t: TestApp;
let a: SignedUp;
let b: SignedUp;

beforeAll(async () => {
  t = await createTestApp();
  a = await signUp(t.app, 'org-a');
  b = await signUp(t.app, 'org-b');
});
afterAll(async () => {
  await t.close();
});

type Method = 'GET' | 'POST' | 'PATCH';
const call = (method: Method, url: string, who: SignedUp, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: who.auth, payload });

describe('organization currency and locale', () => {
  it('defaults to USD and en-US, and admins change them', async () => {
    expect((await call('GET', '/org', a)).json()).toMatchObject({
      currency: 'USD',
      locale: 'en-US',
    });
    const changed = await call('PATCH', '/org', a, { currency: 'EUR', locale: 'de-de' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ currency: 'EUR', locale: 'de-DE' });
    expect((await call('GET', '/me', a)).json().org).toMatchObject({
      id: a.orgId,
      currency: 'EUR',
      locale: 'de-DE',
    });
    // The other organization is untouched.
    expect((await call('GET', '/org', b)).json()).toMatchObject({ currency: 'USD' });
  });

  it('refuses codes that are not currencies or language tags, naming the field', async () => {
    for (const [body, field] of [
      [{ currency: 'ABC' }, 'currency'],
      [{ currency: 'eur' }, 'currency'],
      [{ locale: 'not a locale' }, 'locale'],
    ] as const) {
      const response = await call('PATCH', '/org', b, body);
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json().error.details.fields[0].field).toBe(field);
    }
  });

  it('lets only admins change them', async () => {
    const member = await joinByInvitation(t.app, b, 'member', 'org-member');
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/org',
      headers: member.auth,
      payload: { currency: 'GBP' },
    });
    expect(response.statusCode).toBe(403);
  });

  it('gives new deals and leads the organization currency unless they name one', async () => {
    await call('PATCH', '/org', b, { currency: 'JPY' });
    const lead = (await call('POST', '/leads', b, { last_name: 'Tanaka' })).json();
    const deal = (await call('POST', '/deals', b, { name: 'Tokyo office' })).json();
    const usd = (await call('POST', '/deals', b, { name: 'US office', currency: 'USD' })).json();
    expect([lead.currency, deal.currency, usd.currency]).toEqual(['JPY', 'JPY', 'USD']);
  });
});
