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

  it('starts a second organization in one tab and keeps writing from the other into the first', async () => {
    const tabA = await context.newPage();
    const me = await signUpInBrowser(tabA, 'Tabs');
    // In a second tab, the same person starts a second organization from the account menu,
    // which moves that tab (and the shared sign-in) to it.
    const tabB = await context.newPage();
    await tabB.goto('/leads');
    await tabB.getByRole('button', { name: 'Account menu' }).click();
    await tabB.getByRole('button', { name: 'New organization…' }).click();
    const dialog = tabB.getByRole('dialog', { name: 'New organization' });
    await dialog.getByLabel('Organization name').fill('Globex');
    await dialog.getByRole('button', { name: 'Create organization' }).click();
    await tabB.getByText('You now work in Globex').waitFor();
    await tabB.getByRole('button', { name: 'Account menu' }).click();
    await tabB.getByRole('button', { name: /Globex/ }).waitFor();
    expect(await tabB.getByRole('button', { name: /Globex/ }).getAttribute('aria-current')).toBe(
      'true',
    );
    await tabB.keyboard.press('Escape');

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
    await tabA.getByRole('heading', { name: 'Leads', exact: true }).waitFor();
    await tabA.getByRole('button', { name: 'New lead' }).first().click();
    const leadDialog = tabA.getByRole('dialog', { name: 'New lead' });
    await leadDialog.getByLabel('Last name').fill('Written in tab A');
    await leadDialog.getByRole('button', { name: 'Create lead' }).click();
    await leadDialog.waitFor({ state: 'hidden' });
    expect(expired).toBe(true);

    const rows = await harness.t.ownerQuery<{ org: string }>(
      `SELECT o.name AS org FROM leads l JOIN orgs o ON o.id = l.org_id
       WHERE l.last_name = 'Written in tab A'`,
    );
    expect(rows).toEqual([{ org: me.org }]);
    await tabA.getByRole('link', { name: 'Written in tab A' }).waitFor();
  });
});
