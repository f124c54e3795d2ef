import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumPath,
  expectAccessible,
  newContext,
  screenshots,
  signUpInBrowser,
  startBrowserHarness,
  type BrowserHarness,
  notesOf,
} from './browser.js';

describe.skipIf(!chromiumPath)('deals and tasks in a real browser', { timeout: 180_000 }, () => {
  let harness: BrowserHarness;
  let a: BrowserContext;
  let pageA: Page;
  let dealUrl: string;
  let dealId: string;
  let pipelineId: string;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    a = await newContext(harness);
    pageA = await a.newPage();
    await signUpInBrowser(pageA, 'Alpha');
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
  });

  const column = (page: Page, name: string): Locator =>
    page.getByRole('region', { name, exact: true });
  const count = async (page: Page, name: string): Promise<number> =>
    Number(await column(page, name).getByTestId('column-count').textContent());

  async function serverStage(id: string): Promise<string> {
    const rows = await harness.t.ownerQuery<{ name: string }>(
      `SELECT s.name FROM deals o JOIN pipeline_stages s ON s.id = o.stage_id
        WHERE o.id = $1`,
      [id],
    );
    return rows[0]?.name ?? '';
  }

  it('creates a deal from the list, with the API naming a missing name at the field', async () => {
    await pageA.getByRole('link', { name: 'Deals' }).first().click();
    await pageA.getByRole('heading', { name: 'No deals yet' }).waitFor();
    await expectAccessible(pageA, 'the empty deals list');

    await pageA.keyboard.press('c');
    const dialog = pageA.getByRole('dialog', { name: 'New deal' });
    await dialog.waitFor();
    await dialog.getByLabel('Amount').fill('25000');
    await dialog.getByRole('button', { name: 'Create deal' }).click();
    await expect
      .poll(() => dialog.getByLabel('Deal name').getAttribute('aria-invalid'))
      .toBe('true');
    expect(await dialog.getByLabel('Amount').inputValue()).toBe('25000');
    await dialog.getByLabel('Deal name').fill('Difference engine');
    await expectAccessible(pageA, 'the new deal dialog');
    await dialog.getByRole('button', { name: 'Create deal' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const link = pageA
      .getByRole('table', { name: 'deals' })
      .getByRole('link', { name: 'Difference engine' });
    await link.waitFor();
    dealUrl = new URL((await link.getAttribute('href')) ?? '', harness.baseUrl).pathname;
    expect(dealUrl).toMatch(/^\/deals\/[0-9a-f-]{36}$/);
    dealId = dealUrl.split('/').at(-1) ?? '';
    await pageA.getByRole('table', { name: 'deals' }).getByText('Prospecting').waitFor();
    await expectAccessible(pageA, 'the deals list');
    await screenshots(pageA, 'deals-list');
  });

  it('drags the deal across two stages on the board; counts, totals and the server follow', async () => {
    await pageA.getByRole('button', { name: 'Board' }).click();
    await column(pageA, 'Prospecting').waitFor();
    await expect.poll(() => count(pageA, 'Prospecting')).toBe(1);
    expect(await count(pageA, 'Qualification')).toBe(0);
    pipelineId = (await pageA.locator('[data-board]').getAttribute('data-board')) ?? '';
    await expect.poll(() => pageA.url()).toContain('view=board');

    const card = (page: Page) => page.locator(`[data-deal-id="${dealId}"]`);
    const dropZone = (page: Page, name: string) =>
      column(page, name).getByRole('list', { name: `${name} deals` });

    // Native HTML5 drag and drop with the mouse.
    await card(pageA).dragTo(dropZone(pageA, 'Qualification'), {
      sourcePosition: { x: 12, y: 50 },
    });
    await expect.poll(() => count(pageA, 'Qualification')).toBe(1);
    expect(await count(pageA, 'Prospecting')).toBe(0);
    await expect.poll(() => serverStage(dealId)).toBe('Qualification');
    expect(await column(pageA, 'Qualification').getByTestId('column-total').textContent()).toMatch(
      /25,000/,
    );

    await card(pageA).dragTo(dropZone(pageA, 'Proposal'), { sourcePosition: { x: 12, y: 50 } });
    await expect.poll(() => count(pageA, 'Proposal')).toBe(1);
    expect(await count(pageA, 'Qualification')).toBe(0);
    await expect.poll(() => serverStage(dealId)).toBe('Proposal');
    expect(
      await column(pageA, 'Qualification').getByTestId('column-total').textContent(),
    ).not.toMatch(/25,000/);

    // The keyboard way: the card's menu moves it, and a failed move rolls back with a message.
    await pageA.route('**/api/v1/deals/*/move', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'internal', message: 'The server fell over' } }),
      }),
    );
    await card(pageA).getByRole('button', { name: 'Move Difference engine to…' }).click();
    await pageA.getByRole('button', { name: 'Move to Negotiation' }).click();
    await pageA.getByText(/Could not move Difference engine/).waitFor();
    await expect.poll(() => count(pageA, 'Proposal')).toBe(1);
    expect(await count(pageA, 'Negotiation')).toBe(0);
    await pageA.unroute('**/api/v1/deals/*/move');

    await card(pageA).getByRole('button', { name: 'Move Difference engine to…' }).focus();
    await pageA.keyboard.press('Enter');
    await pageA.getByRole('button', { name: 'Move to Negotiation' }).focus();
    await pageA.keyboard.press('Enter');
    await expect.poll(() => count(pageA, 'Negotiation')).toBe(1);
    await expect.poll(() => serverStage(dealId)).toBe('Negotiation');

    await expectAccessible(pageA, 'the deals board');
    await screenshots(pageA, 'deals-board');
  });

  it('shows the deal with its stage history, and edits it inline', async () => {
    await pageA.goto(dealUrl);
    await pageA.getByRole('heading', { name: 'Difference engine' }).waitFor();
    const history = pageA.getByTestId('stage-history').locator('li');
    await expect.poll(() => history.count()).toBe(4);
    expect(
      await pageA.getByRole('button', { name: 'Negotiation' }).getAttribute('aria-current'),
    ).toBe('step');

    await pageA.getByRole('button', { name: /Edit Amount/ }).click();
    await pageA.getByLabel('Amount').fill('-5');
    await pageA.keyboard.press('Enter');
    await pageA.getByLabel('Amount').waitFor();
    await expect.poll(() => pageA.getByLabel('Amount').inputValue()).toBe('-5');
    await pageA.getByLabel('Amount').fill('30000');
    await pageA.keyboard.press('Enter');
    await pageA.getByText('$30,000').first().waitFor();

    // The expected close is a day, picked with the browser's date picker, kept as picked.
    await pageA.getByRole('button', { name: /Edit Expected close/ }).click();
    const close = pageA.getByLabel('Expected close');
    expect(await close.getAttribute('type')).toBe('date');
    await close.fill('2027-03-31');
    await pageA.keyboard.press('Enter');
    await close.waitFor({ state: 'hidden' });
    await expect
      .poll(async () => {
        const rows = await harness.t.ownerQuery<{ day: string }>(
          'SELECT expected_close_date::text AS day FROM deals WHERE id = $1',
          [dealId],
        );
        return rows[0]?.day;
      })
      .toBe('2027-03-31');

    // A task for this deal, from its page: the dialog already names the deal.
    await pageA.getByRole('button', { name: 'New task' }).click();
    const taskDialog = pageA.getByRole('dialog', { name: 'New task' });
    await taskDialog.getByLabel('Title').fill('Book the demo room');
    expect(await taskDialog.getByLabel('Related to').inputValue()).toBe('deal');
    await taskDialog.getByRole('button', { name: 'Create task' }).click();
    await taskDialog.waitFor({ state: 'hidden' });
    await pageA.getByRole('checkbox', { name: 'Complete Book the demo room' }).waitFor();

    await pageA.getByLabel('New note').fill('Board wants a second demo.');
    await pageA.getByRole('button', { name: 'Add note' }).click();
    await notesOf(pageA).getByText('Board wants a second demo.').waitFor();
    await expectAccessible(pageA, 'the deal page');
    await pageA.getByRole('heading', { name: 'Difference engine' }).scrollIntoViewIfNeeded();
    await screenshots(pageA, 'deal-detail');
  });

  it('creates a task due today for the deal and completes it with one click', async () => {
    await pageA.getByRole('link', { name: 'Tasks' }).first().click();
    await pageA.getByRole('tab', { name: 'Mine' }).waitFor();
    await pageA.getByRole('checkbox', { name: 'Complete Book the demo room' }).waitFor();
    await pageA.getByRole('link', { name: 'Deal: Difference engine' }).waitFor();

    await pageA.keyboard.press('c');
    const dialog = pageA.getByRole('dialog', { name: 'New task' });
    await dialog.waitFor();
    await dialog.getByLabel('Title').fill('Send the engine specs');
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    await dialog.getByLabel('Due').fill(`${today}T23:59`);
    await dialog.getByLabel('Priority').selectOption('high');
    await dialog.getByLabel('Related to').selectOption('deal');
    // The record picker searches as one types, each choice with its subtitle.
    await dialog.getByRole('combobox', { name: 'Related deal' }).fill('differ');
    await dialog.getByRole('option', { name: /Difference engine/ }).click();
    await expectAccessible(pageA, 'the new task dialog');
    await dialog.getByRole('button', { name: 'Create task' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await pageA.getByRole('tab', { name: 'Due today' }).click();
    const box = pageA.getByRole('checkbox', { name: 'Complete Send the engine specs' });
    await box.waitFor();
    await expectAccessible(pageA, 'the tasks due today');
    await screenshots(pageA, 'tasks');

    await box.click();
    const reopen = pageA.getByRole('checkbox', { name: 'Reopen Send the engine specs' });
    await expect.poll(() => reopen.isChecked()).toBe(true);
    const rows = await harness.t.ownerQuery<{ status: string; deal_id: string }>(
      `SELECT status, deal_id FROM tasks WHERE title = 'Send the engine specs'`,
    );
    await expect
      .poll(async () =>
        (
          await harness.t.ownerQuery<{ status: string }>(
            `SELECT status FROM tasks WHERE title = 'Send the engine specs'`,
          )
        ).map((row) => row.status),
      )
      .toEqual(['done']);
    expect(rows[0]?.deal_id).toBe(dealId);
  });

  it("keeps A's deal out of B's reach: list, board, search and direct address", async () => {
    const b = await newContext(harness);
    const pageB = await b.newPage();
    await signUpInBrowser(pageB, 'Bravo');

    await pageB.goto('/deals');
    await pageB.getByRole('heading', { name: 'No deals yet' }).waitFor();
    expect(await pageB.getByText('Difference engine').count()).toBe(0);

    await pageB.getByRole('button', { name: 'Board' }).click();
    await column(pageB, 'Prospecting').waitFor();
    for (const name of ['Prospecting', 'Qualification', 'Proposal', 'Negotiation'])
      expect(await count(pageB, name)).toBe(0);
    expect(await pageB.getByText('Difference engine').count()).toBe(0);

    // A's pipeline by its address: B's board cannot read it.
    await pageB.goto(`/deals?view=board&pipeline_id=${pipelineId}`);
    await pageB.getByRole('alert').waitFor();
    expect(await pageB.getByText('Difference engine').count()).toBe(0);

    await pageB.keyboard.press('Control+k');
    const palette = pageB.getByRole('combobox', { name: 'Search records, pages and actions' });
    await palette.fill('Difference engine');
    await pageB.getByRole('listbox', { name: 'Results' }).getByText('Nothing matches.').waitFor();
    await pageB.keyboard.press('Escape');

    await pageB.goto(dealUrl);
    await pageB.getByRole('heading', { name: 'Deal not found' }).waitFor();
    expect(await pageB.getByText('Difference engine').count()).toBe(0);

    await pageB.goto('/tasks');
    await pageB.getByRole('heading', { name: 'Nothing on your list' }).waitFor();
    expect(await pageB.getByText('Send the engine specs').count()).toBe(0);
    await expectAccessible(pageB, 'the empty tasks page');

    // B's own deals and tasks come from the sample data, and still none of A's.
    await pageB.goto('/deals');
    await pageB.getByRole('button', { name: 'Load sample data' }).click();
    const rowsB = pageB.getByRole('table', { name: 'deals' }).locator('tbody tr[data-row-id]');
    await expect.poll(() => rowsB.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await pageB.getByText('Difference engine').count()).toBe(0);
    await pageB.getByRole('button', { name: 'Board' }).click();
    await expect.poll(() => pageB.locator('[data-deal-id]').count()).toBeGreaterThan(0);
    expect(await pageB.getByText('Difference engine').count()).toBe(0);
    // Within a column: the first card dropped on the lower half of the second goes after it,
    // and the order holds after a reload.
    const prospecting = column(pageB, 'Prospecting').locator('[data-deal-id]');
    const ids = async () =>
      Promise.all((await prospecting.all()).map((card) => card.getAttribute('data-deal-id')));
    const [first, second] = await ids();
    const box = await prospecting.nth(1).boundingBox();
    await prospecting.nth(0).dragTo(prospecting.nth(1), {
      sourcePosition: { x: 12, y: 50 },
      targetPosition: { x: 20, y: (box?.height ?? 60) - 4 },
    });
    await expect.poll(async () => (await ids()).slice(0, 2)).toEqual([second, first]);
    await pageB.waitForLoadState('networkidle');
    await pageB.reload();
    await column(pageB, 'Prospecting').locator('[data-deal-id]').first().waitFor();
    await expect.poll(async () => (await ids()).slice(0, 2)).toEqual([second, first]);
    await screenshots(pageB, 'deals-board-sample');
    // The won and lost columns, at the board's far end.
    await pageB.locator('[data-board]').evaluate((board) => board.scrollBy(5000, 0));
    await screenshots(pageB, 'deals-board-sample-closed');
    await pageB.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(pageB, 'the deals board at phone width');
    await screenshots(pageB, 'deals-board-phone');
    await pageB.setViewportSize({ width: 1280, height: 800 });

    await pageB.goto('/tasks');
    await pageB.locator('[data-task-id]').first().waitFor();
    expect(await pageB.getByText('Send the engine specs').count()).toBe(0);
    await expectAccessible(pageB, 'the tasks page with sample data');
    await screenshots(pageB, 'tasks-sample');
    await pageB.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(pageB, 'the tasks page at phone width');
    await screenshots(pageB, 'tasks-phone');

    // A's own search finds the deal, so the checks above are not vacuous.
    await pageA.keyboard.press('Control+k');
    await pageA
      .getByRole('combobox', { name: 'Search records, pages and actions' })
      .fill('Difference engine');
    await pageA.getByRole('option', { name: /Difference engine/ }).waitFor();
    await pageA.keyboard.press('Escape');
    await b.close();
  });
});
