import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCreate, chromiumPath, holdAnswers, startSignedIn, type SignedIn } from './browser.js';

describe.skipIf(!chromiumPath)('the audit log in a real browser', { timeout: 180_000 }, () => {
  let s: SignedIn;

  beforeAll(async () => {
    s = await startSignedIn('Audit');
    // More changes than two pages of the log hold, so the older ones are all records.
    for (let i = 0; i < 120; i += 1) {
      await apiCreate(s, '/api/v1/leads', { first_name: 'Logged', last_name: `Lead ${i}` });
    }
  }, 180_000);
  afterAll(async () => {
    await s?.close();
  });

  it('drops older entries read under filters changed while they loaded', async () => {
    const { page } = s;
    await page.goto('/settings/audit-log');
    const entries = page.getByRole('list', { name: 'Audit entries' });
    const shown = entries.locator(':scope > li');
    await shown.first().waitFor();
    // The older entries are read under no filter, and reach the page after one is chosen.
    const older = (url: URL) =>
      url.pathname === '/api/v1/audit-log' && url.searchParams.has('cursor');
    const answerOlder = await holdAnswers(page, older, { readNow: true });
    await page.getByRole('button', { name: 'Load older entries' }).click();
    await page.getByLabel('Action').selectOption('auth.login');
    await entries.locator('[data-action="auth.login"]').first().waitFor();
    await answerOlder();
    await page.unrouteAll({ behavior: 'wait' });

    const actions = await shown.evaluateAll((items) =>
      items.map((item) => item.getAttribute('data-action')),
    );
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.filter((action) => action !== 'auth.login')).toEqual([]);
  });
});
