import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinByInvitation } from '../support/members.js';
import type { SignedUp } from '../support/test-app.js';
import {
  apiCreate,
  chromiumPath,
  expectAccessible,
  holdAnswers,
  signInInNewContext,
  startSignedIn,
  type SignedIn,
} from './browser.js';

const POLL = { timeout: 15_000 };

describe.skipIf(!chromiumPath)('saved views in a real browser', { timeout: 180_000 }, () => {
  let admin: SignedIn;
  let page: Page;
  let member: SignedUp;
  let viewUrl: string;
  let viewId: string;

  beforeAll(async () => {
    admin = await startSignedIn('Views');
    page = admin.page;
    const me = await admin.harness.t.app.inject({ url: '/api/v1/me', headers: admin.auth });
    member = await joinByInvitation(
      admin.harness.t.app,
      { auth: admin.auth, orgId: me.json<{ org: { id: string } }>().org.id },
      'member',
      'views-browser',
    );
    // Enough contacted leads that the page scrolls, and as many new ones the view leaves out.
    for (let i = 0; i < 80; i += 1)
      await apiCreate(admin, '/api/v1/leads', {
        first_name: `Viewed${String(i).padStart(2, '0')}`,
        last_name: i % 2 === 0 ? 'Contacted' : 'Fresh',
        status: i % 2 === 0 ? 'contacted' : 'new',
      });
  }, 180_000);
  afterAll(async () => {
    await admin?.close();
  });

  const table = (p: Page) => p.getByRole('table', { name: 'leads' });
  const views = (p: Page) => p.getByRole('navigation', { name: 'Saved views' });
  const scrollY = (p: Page) => p.evaluate<number>('window.scrollY');
  const param = (p: Page, name: string) => new URL(p.url()).searchParams.get(name);

  it('saves the filtered list as a shared view, named in the address, and keeps it on reload', async () => {
    await page.goto('/leads');
    await page.getByText('80 leads').waitFor();
    await page.getByRole('combobox', { name: 'Status' }).selectOption('contacted');
    await page.getByText('40 leads').waitFor();

    await views(page).getByRole('button', { name: 'Save view' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save view' });
    await dialog.getByLabel('View name').fill('Contacted leads');
    await dialog.getByLabel('Share with the organization').check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => param(page, 'view'), POLL).toMatch(/^[0-9a-f-]{36}$/);
    viewId = param(page, 'view')!;
    expect(param(page, 'status')).toBe('contacted');
    await expectAccessible(page, 'the leads list with its saved views');

    await page.reload();
    await page.getByText('40 leads').waitFor();
    const tab = views(page).getByRole('button', { name: /Contacted leads/ });
    await expect.poll(() => tab.getAttribute('aria-pressed'), POLL).toBe('true');
    expect(param(page, 'view')).toBe(viewId);
    expect(await page.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('contacted');
    viewUrl = page.url();
  });

  it('returns from a record to the same view, scroll position and selection', async () => {
    await page.goto(viewUrl);
    await page.getByText('40 leads').waitFor();
    await table(page).locator('tbody tr[data-row-id]').nth(39).waitFor();
    await page.getByRole('checkbox', { name: /Select Viewed78/ }).check();
    await page.getByText('1 selected').waitFor();
    const row = table(page).locator('tbody tr[data-row-id]').nth(30);
    await row.scrollIntoViewIfNeeded();
    expect(await scrollY(page)).toBeGreaterThan(300);
    // Where the row stands in the window: what the person sees of the list.
    const before = (await row.boundingBox())!.y;

    await row.locator('a').first().click();
    await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The saved views answer after the rows, growing the page above them.
    await page.route('**/api/v1/views?**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.goBack();

    await page.waitForURL(/\/leads\?/);
    expect(param(page, 'view')).toBe(viewId);
    await page.getByText('40 leads').waitFor();
    await page.getByText('1 selected').waitFor();
    expect(await page.getByRole('checkbox', { name: /Select Viewed78/ }).isChecked()).toBe(true);
    const after = async () => (await row.boundingBox())?.y ?? Infinity;
    await expect.poll(async () => Math.abs((await after()) - before) < 5, POLL).toBe(true);
    expect(await scrollY(page)).toBeGreaterThan(300);
    await page.unrouteAll({ behavior: 'wait' });
  });

  it('opens the shared view from its address for a member, who sees the same rows and cannot delete it', async () => {
    const { context: memberContext, page: other } = await signInInNewContext(admin.harness, member);

    await other.goto(viewUrl);
    await other.getByText('40 leads').waitFor();
    const tab = views(other).getByRole('button', { name: /Contacted leads/ });
    await expect.poll(() => tab.getAttribute('aria-pressed'), POLL).toBe('true');
    const names = (p: Page) => table(p).locator('tbody tr[data-row-id] a').allTextContents();
    await page.goto(viewUrl);
    await page.getByText('40 leads').waitFor();
    expect(await names(other)).toEqual(await names(page));
    expect(await names(other)).not.toContainEqual(expect.stringContaining('Fresh'));

    // Not theirs to change: no Delete, and the API refuses it too.
    expect(await views(other).getByRole('button', { name: 'Delete view' }).count()).toBe(0);
    expect(await views(page).getByRole('button', { name: 'Delete view' }).count()).toBe(1);
    const refused = await admin.harness.t.app.inject({
      method: 'DELETE',
      url: `/api/v1/views/${viewId}`,
      headers: member.auth,
    });
    expect(refused.statusCode).toBe(403);

    // Counts come on request, one per view.
    await views(page).getByRole('button', { name: 'Show counts' }).click();
    await expect
      .poll(
        () =>
          views(page)
            .getByRole('button', { name: /Contacted leads/ })
            .textContent(),
        POLL,
      )
      .toMatch(/40$/);

    // The last view used opens again when the list is opened without an address of its own.
    await other.goto('/leads');
    await expect.poll(() => param(other, 'view'), POLL).toBe(viewId);
    await other.getByText('40 leads').waitFor();
    await memberContext.close();
  });

  it('keeps a search typed before the last view used has answered', async () => {
    await page.evaluate(`localStorage.setItem('rampart-view-leads', '${viewId}')`);
    // The rows answer first; the saved views only once the person has typed a search.
    const answerViews = await holdAnswers(page, '**/api/v1/views?**');
    await page.goto('/leads');
    await page.getByText('80 leads').waitFor();
    await page.getByLabel('Search leads').fill('Viewed1');
    await page.getByText('10 leads').waitFor();
    await expect.poll(() => param(page, 'q'), POLL).toBe('Viewed1');

    await answerViews();
    const tab = views(page).getByRole('button', { name: /Contacted leads/ });
    await tab.waitFor();
    expect(await tab.getAttribute('aria-pressed')).toBe('false');
    expect(await page.getByLabel('Search leads').inputValue()).toBe('Viewed1');
    expect(param(page, 'q')).toBe('Viewed1');
    expect(param(page, 'view')).toBeNull();
    await page.getByText('10 leads').waitFor();
    await page.unrouteAll({ behavior: 'wait' });
  });

  it('shows a notice instead of failing when a filter of the view no longer holds', async () => {
    const tag = await apiCreate(admin, '/api/v1/tags', { name: 'Soon gone' });
    const view = await apiCreate(admin, '/api/v1/views', {
      kind: 'lead',
      name: 'Soon gone tag',
      filter: { tag_id: tag.id, status: ['contacted'] },
    });
    const deleted = await admin.harness.t.app.inject({
      method: 'DELETE',
      url: `/api/v1/tags/${tag.id}`,
      headers: admin.auth,
    });
    expect(deleted.statusCode).toBe(204);
    await page.goto('/leads');
    await views(page).getByRole('button', { name: 'Soon gone tag' }).click();
    await page
      .getByText(/no longer apply and are left out:\s+tag_id \(the tag no longer exists\)/)
      .waitFor();
    // The rest of the view still applies.
    await page.getByText('40 leads').waitFor();
    await expect.poll(() => param(page, 'view'), POLL).toBe(view.id);
    expect(param(page, 'status')).toBe('contacted');
    expect(param(page, 'tag_id')).toBeNull();
  });
});
