import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Runner } from 'graphile-worker';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWorker } from '../support/worker.js';
import { unzip } from '../support/zip.js';
import {
  apiAuth,
  chromiumPath,
  expectAccessible,
  newContext,
  signUpInBrowser,
  startBrowserHarness,
  type Account,
  type BrowserHarness,
} from './browser.js';

describe.skipIf(!chromiumPath)('exports in a real browser', { timeout: 180_000 }, () => {
  let harness: BrowserHarness;
  let worker: Runner;
  let context: BrowserContext;
  let page: Page;
  let account: Account;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    worker = await startTestWorker(harness.t);
    context = await newContext(harness);
    page = await context.newPage();
    account = await signUpInBrowser(page, 'Exports');
    const auth = await apiAuth(harness, account);
    const post = async (url: string, payload: object) => {
      const response = await harness.t.app.inject({ method: 'POST', url, headers: auth, payload });
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    };
    const tag = await post('/api/v1/tags', { name: 'Trade fair' });
    for (let i = 0; i < 12; i += 1) {
      await post('/api/v1/leads', {
        first_name: `Lead${i}`,
        last_name: `Number ${i}`,
        status: i % 3 === 0 ? 'qualified' : 'new',
        ...(i % 3 === 0 && { tag_ids: [tag.id] }),
      });
    }
  }, 180_000);
  afterAll(async () => {
    await worker?.stop();
    await harness?.close();
  });

  /** The file the browser saves when `click` starts a download. */
  async function downloaded(click: () => Promise<void>): Promise<{ name: string; body: Buffer }> {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    const file = await download.path();
    return { name: download.suggestedFilename(), body: await readFile(file) };
  }

  it('exports a filtered list: just the rows and columns it shows, with names as text', async () => {
    await page.goto('/leads');
    await page.getByRole('combobox', { name: 'Status' }).selectOption('qualified');
    await page.getByText('4 leads').waitFor();
    // Tags shown, the company hidden: the file holds the columns on screen, in their order.
    await page.getByRole('button', { name: 'Choose columns' }).click();
    await page.getByRole('checkbox', { name: 'Tags' }).check();
    await page.getByRole('checkbox', { name: 'Company' }).uncheck();
    await page.keyboard.press('Escape');

    const { name, body } = await downloaded(() =>
      page.getByRole('button', { name: 'Export CSV' }).click(),
    );
    expect(name).toMatch(/^leads-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header] = parse(body, { to_line: 1, bom: true }) as string[][];
    expect(header).toEqual([
      'first_name',
      'last_name',
      'email',
      'status',
      'owner',
      'estimated_value',
      'currency',
      'tags',
      'created_at',
    ]);
    const rows = parse(body, { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r['last_name']).sort()).toEqual(
      ['Number 0', 'Number 3', 'Number 6', 'Number 9'].sort(),
    );
    for (const row of rows) {
      expect(row['status']).toBe('qualified');
      expect(row['owner']).toBe(account.email);
      expect(row['tags']).toBe('Trade fair');
    }
  });

  it.each(['leads', 'accounts', 'contacts', 'deals'])(
    'exports every column the %s list can show',
    async (path) => {
      await page.goto(`/${path}`);
      await page.getByRole('button', { name: 'Choose columns' }).click();
      const boxes = page.getByRole('checkbox');
      for (let i = 0; i < (await boxes.count()); i += 1) {
        if (await boxes.nth(i).isEnabled()) await boxes.nth(i).check();
      }
      await page.keyboard.press('Escape');
      const { body } = await downloaded(() =>
        page.getByRole('button', { name: 'Export CSV' }).click(),
      );
      const [header] = parse(body, { to_line: 1, bom: true }) as string[][];
      expect(header).toContain('owner');
      expect(header).toContain('tags');
      expect(header).toContain('created_at');
    },
  );

  it('exports the organization from the settings and downloads the ZIP', async () => {
    await page.goto('/settings/organization');
    await page.getByRole('button', { name: 'Export organization' }).click();
    const download = page.getByRole('button', { name: 'Download ZIP' });
    await download.waitFor({ timeout: 60_000 });
    await expectAccessible(page, 'the organization settings with an export');

    const { name, body } = await downloaded(() => download.click());
    expect(name).toMatch(/^organization-export-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = await unzip(body);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest.files.find((f: { name: string }) => f.name === 'leads.csv').rows).toBe(12);
    const leads = parse(files.get('leads.csv')!, { columns: true }) as unknown[];
    expect(leads).toHaveLength(12);
  });
});
