import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCreate,
  chromiumPath,
  expectAccessible,
  screenshots,
  startSignedIn,
  type SignedIn,
} from './browser.js';

/** `days` from today at the given local hour, as the API takes it. */
function localDue(days: number, hour: number): string {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, hour, 30).toISOString();
}

describe.skipIf(!chromiumPath)('the calendar in a real browser', { timeout: 180_000 }, () => {
  let s: SignedIn;

  beforeAll(async () => {
    s = await startSignedIn('Calendar');
    await apiCreate(s, '/api/v1/tasks', {
      title: 'Demo for Initech',
      due_at: localDue(0, 14),
      type: 'meeting',
    });
    await apiCreate(s, '/api/v1/tasks', { title: 'Renewal call', due_at: localDue(21, 9) });
    await apiCreate(s, '/api/v1/tasks', { title: 'Someday' });
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  it('shows the week’s and the month’s tasks on their days', async () => {
    const { page } = s;
    await page.getByRole('link', { name: 'Calendar' }).first().click();
    await page.waitForURL('**/calendar');
    const today = page.getByRole('region', {
      name: new Date().toLocaleDateString('en-US', {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
      }),
    });
    await today.getByText('Demo for Initech').waitFor();
    expect(await page.getByText('Renewal call').count()).toBe(0);
    expect(await page.getByText('Someday').count()).toBe(0);
    await expectAccessible(page, 'the calendar week');

    // The task three weeks out is three weeks on, and in that week's month.
    for (let i = 0; i < 3; i++) await page.getByRole('link', { name: 'Next week' }).click();
    await page.getByText('Renewal call').waitFor();
    await page.getByRole('link', { name: 'Month' }).click();
    await expect.poll(() => page.getByRole('region').count()).toBe(42);
    await page.getByText('Renewal call').waitFor();
    await screenshots(page, 'calendar-month');
  });

  it('makes, copies and revokes the feed address on the profile', async () => {
    const { page } = s;
    await page.goto('/settings/profile');
    await page.getByRole('heading', { name: 'Calendar feed' }).waitFor();
    await page.getByRole('button', { name: 'Make a feed address' }).click();
    const address = page.getByLabel('Feed address');
    await address.waitFor();
    const url = await address.inputValue();
    expect(url).toMatch(/\/api\/public\/calendar\/.+\.ics$/);
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: s.harness.baseUrl,
    });
    await page.getByRole('button', { name: 'Copy address' }).click();
    await page.getByText('Feed address copied').waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(url);
    const feed = await s.harness.t.app.inject({ url: new URL(url).pathname });
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain('SUMMARY:Demo for Initech');

    await page.getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('Feed address revoked').waitFor();
    await page.getByRole('button', { name: 'Make a feed address' }).waitFor();
    expect((await s.harness.t.app.inject({ url: new URL(url).pathname })).statusCode).toBe(404);
  });
});
