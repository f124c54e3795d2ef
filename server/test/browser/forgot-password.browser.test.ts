import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, newContext, startBrowserHarness, type BrowserHarness } from './browser.js';

describe.skipIf(!chromiumPath)('forgot password in a real browser', { timeout: 120_000 }, () => {
  let harness: BrowserHarness;

  beforeAll(async () => {
    harness = await startBrowserHarness();
  }, 90_000);
  afterAll(async () => {
    await harness?.close();
  });

  it('says no link can be emailed when the instance has no email, not "check your inbox"', async () => {
    const page = await (await newContext(harness)).newPage();
    await page.goto('/forgot-password');
    await page.getByLabel('Email').fill('someone@example.com');
    await page.getByRole('button', { name: 'Send reset link' }).click();
    const answer = page.getByRole('status');
    await answer.getByText('no email configured').waitFor();
    expect(await answer.textContent()).toContain('Ask the person who runs this instance');
    expect(await page.getByText('Check your inbox').count()).toBe(0);
  });
});
