import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAuth,
  chromiumPath,
  expectAccessible,
  holdAnswers,
  newContext,
  screenshots,
  signUpInBrowser,
  startBrowserHarness,
  type BrowserHarness,
} from './browser.js';

const POLL = { timeout: 15_000 };
const focused = (page: Page) =>
  page.evaluate<string>(
    'document.activeElement?.closest("[data-deal-id]")?.dataset.dealId ?? document.activeElement?.tagName',
  );

describe.skipIf(!chromiumPath)('moving deals in a real browser', { timeout: 180_000 }, () => {
  let harness: BrowserHarness;
  let context: BrowserContext;
  let page: Page;
  const deals: string[] = [];
  let auth: { authorization: string };

  beforeAll(async () => {
    harness = await startBrowserHarness();
    context = await newContext(harness);
    page = await context.newPage();
    const account = await signUpInBrowser(page, 'Moves');
    auth = await apiAuth(harness, account);
    for (const name of ['Steam loom', 'Jacquard cards']) {
      const created = await harness.t.app.inject({
        method: 'POST',
        url: '/api/v1/deals',
        headers: auth,
        payload: { name, amount: 45000, currency: 'USD' },
      });
      expect(created.statusCode).toBe(201);
      deals.push(created.json<{ id: string }>().id);
    }
  }, 180_000);
  afterAll(async () => {
    await harness?.close();
  });

  it('asks before closing a deal as lost, keeps the reason, and undoes it', async () => {
    await page.goto(`/deals/${deals[0]}`);
    await page.getByRole('heading', { name: 'Steam loom' }).waitFor();
    await page.getByRole('button', { name: /Closed lost/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Close this deal as lost?' });
    await dialog.waitFor();
    // Nothing moved yet, and a reason is asked for.
    expect(await page.getByTestId('deal-status').textContent()).toContain('Open');
    await dialog.getByRole('button', { name: 'Close as lost' }).click();
    await dialog.getByText('Say why the deal was lost').waitFor();
    await dialog.getByLabel('Why was it lost?').fill('Chose a cheaper loom');
    await expectAccessible(page, 'the lost-reason confirmation');
    await dialog.getByRole('button', { name: 'Close as lost' }).click();
    await page.getByText('Lost: Chose a cheaper loom').waitFor();
    await expect.poll(() => page.getByTestId('deal-status').textContent(), POLL).toContain('Lost');

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByTestId('deal-status').textContent(), POLL).toContain('Open');
    await page.getByText('Lost: Chose a cheaper loom').waitFor({ state: 'detached' });
    await expect
      .poll(async () => {
        const answer = await harness.t.app.inject({
          url: `/api/v1/deals/${deals[0]}`,
          headers: auth,
        });
        const { status, lost_reason } = answer.json<{
          status: string;
          lost_reason: string | null;
        }>();
        return { status, lost_reason };
      }, POLL)
      .toEqual({ status: 'open', lost_reason: null });

    // The timeline names the fields and stages, with old and new values.
    await page.reload();
    const history = page.getByRole('region', { name: 'Timeline' });
    await history.getByText('Lost reason').first().waitFor();
    await history.getByText('Chose a cheaper loom').first().waitFor();
    await history.getByText('Stage', { exact: true }).first().waitFor();
    await history.getByText('Closed lost').first().waitFor();
    expect(await history.getByText(/stage id|stage rank/).count()).toBe(0);
    await expectAccessible(page, 'the deal history');
  });

  it('reads amounts as people type them, and says when it cannot', async () => {
    // One way to show money: the record's currency in the browser's locale.
    await page.getByText('$45,000').first().waitFor();
    await page.getByRole('button', { name: /Edit Amount/ }).click();
    await page.getByLabel('Amount').fill('22k');
    await page.keyboard.press('Enter');
    await page.getByText('$22,000').first().waitFor();
    await page.getByRole('button', { name: /Edit Amount/ }).click();
    await page.getByLabel('Amount').fill('twenty thousand');
    await page.keyboard.press('Enter');
    await page.getByText('Enter an amount, such as 22,000').waitFor();
    expect(await page.getByLabel('Amount').inputValue()).toBe('twenty thousand');
    await page.getByLabel('Amount').fill('');
    await page.keyboard.press('Enter');
    await page.getByText('Enter an amount (0 is allowed)').waitFor();
    await page.keyboard.press('Escape');
    const answer = await harness.t.app.inject({ url: `/api/v1/deals/${deals[0]}`, headers: auth });
    expect(answer.json<{ amount: number }>().amount).toBe(22000);
  });

  it('moves the stage with full names at phone width', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/deals/${deals[0]}`);
    const stage = page.getByRole('combobox', { name: 'Stage' });
    await stage.waitFor();
    const options = await stage.locator('option').allTextContents();
    expect(options.map((o) => o.trim())).toContain('Qualification');
    await stage.selectOption({ label: 'Qualification' });
    await page.getByText('Steam loom moved to Qualification').waitFor();
    await expectAccessible(page, 'the deal page at phone width');
    await screenshots(page, 'deal-detail-phone');
  });

  it('starts the board within the first screen of a phone', async () => {
    await page.goto('/deals?view=board');
    const column = page.getByRole('region', { name: 'Prospecting', exact: true });
    await column.waitFor();
    const box = await column.boundingBox();
    expect(box?.y ?? Infinity).toBeLessThan(600);
    await page.getByText('Filters').click();
    await page.getByRole('combobox', { name: 'Status' }).waitFor();
    await screenshots(page, 'deals-board-phone');
  });

  it('shows whole names in the command palette at phone width', async () => {
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Search records, pages and actions' }).fill('jacq');
    const name = page.getByRole('option', { name: /Jacquard cards/ }).getByText('Jacquard cards');
    await name.waitFor();
    const box = await name.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(60);
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('moves a card with the keyboard: arrow keys in its menu, focus stays on the card', async () => {
    await page.goto('/deals?view=board');
    const card = page.locator(`[data-deal-id="${deals[1]}"]`);
    const menu = card.getByRole('button', { name: 'Move Jacquard cards to…' });
    await menu.focus();
    await page.keyboard.press('ArrowDown');
    // The first item has focus; arrows go through the items.
    const items = card.getByRole('list', { name: 'Move Jacquard cards' }).getByRole('button');
    await expect
      .poll(() => items.first().evaluate((b) => b === b.ownerDocument.activeElement), POLL)
      .toBe(true);
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => items.nth(1).evaluate((b) => b === b.ownerDocument.activeElement), POLL)
      .toBe(true);
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    const labels = (await items.allTextContents()).map((text) => text.trim());
    for (let i = 0; i < labels.indexOf('Move to Qualification'); i += 1)
      await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page
      .getByRole('region', { name: 'Qualification', exact: true })
      .locator(`[data-deal-id="${deals[1]}"]`)
      .waitFor();
    await expect.poll(() => focused(page), POLL).toBe(deals[1]);
  });

  it("creates a deal in the board's pipeline, before the pipelines answered and after a switch", async () => {
    const made = await harness.t.app.inject({
      method: 'POST',
      url: '/api/v1/pipelines',
      headers: auth,
      payload: { name: 'Renewals' },
    });
    expect(made.statusCode).toBe(201);
    const renewals = made.json<{ id: string }>().id;
    const pipelineOf = async (name: string) =>
      (
        await harness.t.ownerQuery<{ pipeline_id: string }>(
          'SELECT pipeline_id FROM deals WHERE name = $1',
          [name],
        )
      ).map((row) => row.pipeline_id);
    const create = async (name: string) => {
      await page.getByRole('button', { name: 'New deal' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'New deal' });
      await dialog.getByLabel('Deal name').fill(name);
      await dialog.getByRole('button', { name: 'Create deal' }).click();
      await page.getByText(`Deal ${name} created`).waitFor();
    };
    const prospecting = page.getByRole('region', { name: 'Prospecting', exact: true });

    // The board of a pipeline named by its address shows before the list of pipelines answers.
    const answerPipelines = await holdAnswers(page, '**/api/v1/pipelines');
    await page.goto(`/deals?view=board&pipeline_id=${renewals}`);
    await prospecting.waitFor();
    await create('Service contract');
    await expect.poll(() => pipelineOf('Service contract'), POLL).toEqual([renewals]);
    await prospecting.getByText('Service contract', { exact: true }).waitFor();
    await answerPipelines();
    await page.unrouteAll({ behavior: 'wait' });

    // Back on the default pipeline's board, a new deal is made there.
    const deal = await harness.t.app.inject({ url: `/api/v1/deals/${deals[0]}`, headers: auth });
    const sales = deal.json<{ pipeline_id: string }>().pipeline_id;
    await page.getByRole('combobox', { name: 'Pipeline' }).selectOption(sales);
    await expect.poll(() => new URL(page.url()).searchParams.get('pipeline_id'), POLL).toBe(sales);
    await prospecting.waitFor();
    await create('Spare parts');
    await expect.poll(() => pipelineOf('Spare parts'), POLL).toEqual([sales]);
    await prospecting.getByText('Spare parts', { exact: true }).waitFor();
  });
});
