import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumPath,
  newContext,
  signUpInBrowser,
  startBrowserHarness,
  type BrowserHarness,
} from './browser.js';

describe.skipIf(!chromiumPath)('two tabs, two organizations', { timeout: 180_000 }, () => {
  let harness: BrowserHarness;
  let context: BrowserContext;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    context = await newContext(harness);
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
  });

  it('writes from each tab into the organization that tab shows', async () => {
    const tabA = await context.newPage();
    const me = await signUpInBrowser(tabA, 'Tabs');
    // The same person also belongs to a second organization.
    const other = await harness.t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: {
        email: `globex-${Date.now()}@example.com`,
        password: 'a long enough password',
        name: 'Globex Owner',
        org_name: 'Globex',
      },
    });
    const globex = other.json<{ org: { id: string } }>().org.id;
    await harness.t.ownerQuery(
      "INSERT INTO memberships (org_id, user_id, role) SELECT $1, id, 'member' FROM users WHERE email = $2",
      [globex, me.email],
    );

    // Tab B, sharing the sign-in, switches to Globex.
    const tabB = await context.newPage();
    await tabB.goto('/leads');
    await tabB.getByRole('button', { name: 'Account menu' }).click();
    await tabB.getByRole('button', { name: 'Globex' }).click();
    await expect.poll(() => tabB.url()).not.toContain('/leads');

    // Tab A still shows its own organization. Its access token runs out (the API answers 401
    // once): the app refreshes through the shared cookie and sends the lead again.
    await tabA.goto('/leads');
    let expired = false;
    await tabA.route('**/api/v1/leads', async (route) => {
      if (route.request().method() === 'POST' && !expired) {
        expired = true;
        await route.fulfill({
          status: 401,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'unauthorized', message: 'expired' } }),
        });
      } else {
        await route.continue();
      }
    });
    await tabA.getByRole('heading', { name: 'Leads' }).waitFor();
    await tabA.getByRole('button', { name: 'New lead' }).first().click();
    const dialog = tabA.getByRole('dialog', { name: 'New lead' });
    await dialog.getByLabel('Last name').fill('Written in tab A');
    await dialog.getByRole('button', { name: 'Create lead' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(expired).toBe(true);

    const rows = await harness.t.ownerQuery<{ org: string }>(
      `SELECT o.name AS org FROM leads l JOIN orgs o ON o.id = l.org_id
       WHERE l.last_name = 'Written in tab A'`,
    );
    expect(rows).toEqual([{ org: me.org }]);
    await tabA.getByRole('link', { name: 'Written in tab A' }).waitFor();
  });
});
