import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCreate,
  chromiumPath,
  expectAccessible,
  screenshots,
  startSignedIn,
  type SignedIn,
} from './browser.js';

const POLL = { timeout: 15_000 };

describe.skipIf(!chromiumPath)('lists in a real browser', { timeout: 180_000 }, () => {
  let s: SignedIn;
  let page: Page;

  beforeAll(async () => {
    s = await startSignedIn('Lists');
    page = s.page;
    // More leads than one page shows, half of them contacted.
    for (let i = 0; i < 70; i += 1)
      await apiCreate(s, '/api/v1/leads', {
        first_name: `Lead${i}`,
        last_name: `Number ${i}`,
        company: `Company ${String(i % 9)}`,
        email: `lead${i}@example.com`,
        phone: '+1 (555) 010-0000',
        status: i % 2 === 0 ? 'contacted' : 'new',
      });
  }, 180_000);
  afterAll(async () => {
    await s?.close();
  });

  const table = (p: Page) => p.getByRole('table', { name: 'leads' });

  it('keeps filters and sort when opening a record and coming back', async () => {
    await page.goto('/leads');
    await table(page).locator('tbody tr[data-row-id]').first().waitFor();
    await page.getByRole('combobox', { name: 'Status' }).selectOption('contacted');
    await table(page).getByRole('button', { name: 'Company' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort'), POLL).toBe('company');
    await expect.poll(() => new URL(page.url()).searchParams.get('status'), POLL).toBe('contacted');
    await page.getByText('35 leads').waitFor();

    await table(page).locator('tbody tr[data-row-id] a').first().click();
    await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.goBack();

    await page.waitForURL(/\/leads\?/);
    await page.getByText('35 leads').waitFor();
    expect(await page.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('contacted');
    expect(
      await table(page).getByRole('columnheader', { name: 'Company' }).getAttribute('aria-sort'),
    ).toBe('ascending');
  });

  it('counts the records and selects all that match, not only those shown', async () => {
    await page.goto('/leads');
    await page.getByText('70 leads').waitFor();
    await expect.poll(() => table(page).locator('tbody tr[data-row-id]').count(), POLL).toBe(50);
    await page.getByRole('checkbox', { name: 'Select all shown' }).check();
    await page.getByText('50 selected').waitFor();
    await page.getByRole('button', { name: 'Select all 70 leads matching' }).click();
    await page.getByText('All 70 leads matching selected').waitFor();
    await expectAccessible(page, 'the leads list with every match selected');

    // A bulk action takes all of them, also those not loaded yet.
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /Assign an owner/ });
    await dialog.getByLabel('New owner').selectOption({ label: 'Nobody' });
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('Assign an owner: 70 records done').waitFor();
    const [row] = await s.harness.t.ownerQuery<{ n: string }>(
      `SELECT count(*) AS n FROM leads l JOIN orgs o ON o.id = l.org_id
        WHERE o.name = $1 AND l.owner_id IS NULL`,
      [s.account.org],
    );
    expect(Number(row?.n)).toBe(70);
  });

  it('links phone numbers and emails in the table', async () => {
    await page.goto('/leads');
    const email = table(page).getByRole('link', { name: 'lead69@example.com' });
    await email.waitFor();
    expect(await email.getAttribute('href')).toBe('mailto:lead69@example.com');

    // And on the record's page, with the way to edit them kept apart.
    await table(page).getByRole('link', { name: 'Lead69 Number 69' }).click();
    await page.getByRole('heading', { name: 'Lead69 Number 69' }).waitFor();
    expect(await page.getByRole('link', { name: 'lead69@example.com' }).getAttribute('href')).toBe(
      'mailto:lead69@example.com',
    );
    expect(await page.getByRole('link', { name: '+1 (555) 010-0000' }).getAttribute('href')).toBe(
      'tel:+15550100000',
    );
    await page.getByRole('button', { name: 'Edit Phone' }).click();
    expect(await page.getByLabel('Phone').inputValue()).toBe('+1 (555) 010-0000');
    await page.keyboard.press('Escape');
    await expectAccessible(page, 'the lead page with links to write and call');
  });

  it('skips to the content, and opens a create dialog at its first field', async () => {
    await page.goto('/leads');
    await table(page).locator('tbody tr[data-row-id]').first().waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    expect(await skip.evaluate((link) => link === link.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    // The next stops are the page's own controls (Duplicates, then Import for admins), not the
    // sidebar.
    for (const name of ['Duplicates', 'Import']) {
      expect(
        await page
          .getByRole('link', { name })
          .evaluate((link) => link === link.ownerDocument.activeElement),
        name,
      ).toBe(true);
      await page.keyboard.press('Tab');
    }
    expect(
      await page
        .getByRole('button', { name: /New lead/ })
        .evaluate((button) => button === button.ownerDocument.activeElement),
    ).toBe(true);
    await page.keyboard.press('Enter');
    const first = page.getByRole('dialog', { name: 'New lead' }).getByLabel('First name');
    await first.waitFor();
    expect(await first.evaluate((input) => input === input.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
  });

  it('acts on every match of a filter in one call, past what a page of ids could carry', async () => {
    await apiCreate(s, '/api/v1/tags', { name: 'Bulk' });
    // 1,200 qualified leads, more than "select all" once read id by id (1,000).
    await s.harness.t.ownerQuery(
      `INSERT INTO leads (org_id, first_name, last_name, status)
       SELECT o.id, 'Bulk', 'Qualified ' || n, 'qualified'
         FROM orgs o, generate_series(1, 1200) AS n WHERE o.name = $1`,
      [s.account.org],
    );
    await page.goto('/leads?status=qualified');
    await page.getByText('1,200 leads').waitFor();
    await page.getByRole('checkbox', { name: 'Select all shown' }).check();
    await page.getByRole('button', { name: 'Select all 1,200 leads matching' }).click();
    await page.getByText('All 1,200 leads matching selected').waitFor();

    await page.getByRole('button', { name: 'Tag', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /Add a tag · 1,?200 selected/ });
    await dialog.getByLabel('Tag').selectOption({ label: 'Bulk' });
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('Add a tag: 1200 records done').waitFor();
    const [row] = await s.harness.t.ownerQuery<{ tagged: string; others: string }>(
      `SELECT count(*) FILTER (WHERE l.status = 'qualified') AS tagged,
              count(*) FILTER (WHERE l.status <> 'qualified') AS others
         FROM leads l JOIN orgs o ON o.id = l.org_id
         JOIN record_tags tl ON tl.org_id = l.org_id AND tl.lead_id = l.id
         JOIN tags t ON t.org_id = tl.org_id AND t.id = tl.tag_id AND t.name = 'Bulk'
        WHERE o.name = $1`,
      [s.account.org],
    );
    // Every qualified lead, and none of the others the list did not show.
    expect(Number(row?.tagged)).toBe(1200);
    expect(Number(row?.others)).toBe(0);
  });

  it('changes none of the selected records when one changed since the list was shown', async () => {
    await apiCreate(s, '/api/v1/tags', { name: 'Seen' });
    for (const name of ['Stale one', 'Stale two'])
      await apiCreate(s, '/api/v1/leads', { last_name: name, status: 'unqualified' });
    await page.goto('/leads?status=unqualified');
    await page.getByText('2 leads').waitFor();
    await page.getByRole('checkbox', { name: 'Select all shown' }).check();
    await page.getByText('2 selected').waitFor();
    // Someone else edits one of them while this list is on screen.
    await s.harness.t.ownerQuery(
      `UPDATE leads SET first_name = 'Edited' WHERE last_name = 'Stale two'`,
    );

    await page.getByRole('button', { name: 'Tag', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /Add a tag · 2 selected/ });
    await dialog.getByLabel('Tag').selectOption({ label: 'Seen' });
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await dialog
      .getByRole('alert')
      .getByText(/One record was changed by someone else/)
      .waitFor();
    const tagged = () =>
      s.harness.t.ownerQuery(
        `SELECT 1 FROM record_tags tl JOIN tags t ON t.org_id = tl.org_id AND t.id = tl.tag_id
          WHERE t.name = 'Seen'`,
      );
    expect(await tagged()).toHaveLength(0);

    // The list now shows the records as they are: applying again goes through.
    await table(page).getByText('Edited Stale two').waitFor();
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('Add a tag: 2 records done').waitFor();
    expect(await tagged()).toHaveLength(2);
  });

  it('starts again from the first page when the next page no longer follows the sort', async () => {
    const field = await apiCreate<{ id: string; options: Array<{ id: string; label: string }> }>(
      s,
      '/api/v1/custom-fields',
      {
        record_type: 'lead',
        key: 'temperature',
        label: 'Temperature',
        field_type: 'select',
        options: [{ label: 'Hot' }, { label: 'Cold' }],
      },
    );
    const [hot, cold] = field.options;
    const given = await s.harness.t.app.inject({
      method: 'POST',
      url: '/api/v1/leads/bulk',
      headers: s.auth,
      payload: { filter: {}, action: 'set_custom_fields', custom_fields: { temperature: hot!.id } },
    });
    expect(given.statusCode, given.body).toBe(200);
    await page.goto('/leads?sort=cf.temperature');
    await expect.poll(() => table(page).locator('tbody tr[data-row-id]').count(), POLL).toBe(50);

    // The admin removes the option the list's next page would start after.
    const removed = await s.harness.t.app.inject({
      method: 'PATCH',
      url: `/api/v1/custom-fields/${field.id}`,
      headers: s.auth,
      payload: { options: [{ id: cold!.id, label: 'Cold' }] },
    });
    expect(removed.statusCode, removed.body).toBe(200);
    const reads: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/v1/leads') reads.push(request.url());
    });
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.getByText('The list changed while you were reading it').waitFor();
    await expect.poll(() => reads.length, POLL).toBe(2);
    expect(new URL(reads[1]!).searchParams.get('cursor')).toBeNull();
    await expect.poll(() => table(page).locator('tbody tr[data-row-id]').count(), POLL).toBe(50);
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  // Last: the phone's copy of the session rotates the refresh token the first context holds.
  it('shows cards at phone width, with tap-to-call and tap-to-email', async () => {
    const phone = await s.harness.browser.newContext({
      baseURL: s.harness.baseUrl,
      viewport: { width: 390, height: 800 },
      storageState: await s.context.storageState(),
    });
    const p = await phone.newPage();
    await p.goto('/leads?sort=last_name');
    const cards = p.getByRole('list', { name: 'leads' });
    await cards.getByRole('listitem').first().waitFor();
    expect(await p.getByRole('table', { name: 'leads' }).count()).toBe(0);
    const email = cards.getByRole('link', { name: 'lead0@example.com' });
    expect(await email.getAttribute('href')).toBe('mailto:lead0@example.com');
    // Nothing wider than the screen: no sideways scrolling.
    const width = await p.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(390);
    await expectAccessible(p, 'the leads list at phone width');
    await screenshots(p, 'leads-phone');
    await phone.close();
  });
});
