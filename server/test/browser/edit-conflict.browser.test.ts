import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCreate, chromiumPath, startSignedIn, type SignedIn } from './browser.js';

describe.skipIf(!chromiumPath)('two pages editing one lead', { timeout: 180_000 }, () => {
  let s: SignedIn;

  beforeAll(async () => {
    s = await startSignedIn('Conflicts');
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  const stored = async (id: string) =>
    (
      await s.harness.t.ownerQuery<{ job_title: string | null; email: string | null }>(
        'SELECT job_title, email FROM leads WHERE id = $1',
        [id],
      )
    )[0];

  it('tells the second editor what the first changed, and applies their edit again on request', async () => {
    const lead = await apiCreate(s, '/api/v1/leads', { first_name: 'Ada', last_name: 'Byron' });
    const first = s.page;
    const second = await s.context.newPage();
    for (const page of [first, second]) {
      await page.goto(`/leads/${lead.id}`);
      await page.getByRole('heading', { name: 'Ada Byron' }).waitFor();
    }

    await first.getByRole('button', { name: /Edit Job title/ }).click();
    await first.getByLabel('Job title').fill('Mathematician');
    await first.keyboard.press('Enter');
    await expect.poll(async () => (await stored(lead.id))?.job_title).toBe('Mathematician');

    // The second page still shows the lead as it was when it loaded.
    await second.getByRole('button', { name: /Edit Email/ }).click();
    await second.getByLabel('Email').fill('ada@example.com');
    await second.keyboard.press('Enter');
    const notice = second.getByTestId('edit-conflict');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Job title');
    // Nothing was written over the first edit, and the page now shows it.
    expect(await stored(lead.id)).toEqual({ job_title: 'Mathematician', email: null });
    await second.getByText('Mathematician').first().waitFor();

    await notice.getByRole('button', { name: 'Apply my change again' }).click();
    await notice.waitFor({ state: 'hidden' });
    await expect
      .poll(() => stored(lead.id))
      .toEqual({ job_title: 'Mathematician', email: 'ada@example.com' });
  });
});
