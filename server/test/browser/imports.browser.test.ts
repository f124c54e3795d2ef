import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Runner } from 'graphile-worker';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROWS_CHECKED_IN_REQUEST } from '../../src/modules/imports/imports.service.js';
import { startTestWorker } from '../support/worker.js';
import {
  apiAuth,
  chromiumPath,
  expectAccessible,
  newContext,
  screenshots,
  signUpInBrowser,
  startBrowserHarness,
  type Account,
  type BrowserHarness,
} from './browser.js';

const POLL = { timeout: 20_000 };

// A HubSpot-style header the mapping recognises, a column it does not (Budget), one to leave
// out (Notes), money as people type it, a date with a two-digit year as Excel writes one, and
// one row whose value cannot be read.
const CSV = [
  'First Name,Last Name,Email Address,Company Name,Budget,Notes,Last Contacted',
  'Ada,Lovelace,ada@example.com,Analytical Engines,"$22,000",met at the fair,4-Mar-25',
  'Grace,Hopper,grace@example.com,Navy,22k,,',
  'Bad,Row,bad@example.com,Nowhere,lots,,',
  '',
].join('\r\n');

describe.skipIf(!chromiumPath)('the import wizard in a real browser', { timeout: 180_000 }, () => {
  let harness: BrowserHarness;
  let worker: Runner;
  let a: BrowserContext;
  let pageA: Page;
  let accountA: Account;
  let file: string;
  let importUrl = '';

  const leadsOf = (emails: string[]) =>
    harness.t.ownerQuery<{
      email: string;
      estimated_value: string | null;
      description: string | null;
    }>(
      `SELECT l.email, l.estimated_value::text AS estimated_value, l.description
       FROM leads l JOIN orgs o ON o.id = l.org_id
       WHERE o.name = $1 AND l.email = ANY($2) ORDER BY l.email`,
      [accountA.org, emails],
    );

  beforeAll(async () => {
    harness = await startBrowserHarness();
    worker = await startTestWorker(harness.t);
    a = await newContext(harness);
    pageA = await a.newPage();
    file = path.join(await mkdtemp(path.join(tmpdir(), 'rampart-import-')), 'hubspot-leads.csv');
    await writeFile(file, CSV);
  }, 120_000);
  afterAll(async () => {
    await worker?.stop();
    await harness?.close();
  });

  it('uploads a file from the leads list and shows its columns with a suggested mapping', async () => {
    accountA = await signUpInBrowser(pageA, 'Importer');
    await pageA.getByRole('link', { name: 'Leads' }).first().click();
    await pageA.getByRole('link', { name: 'Import' }).click();
    await pageA.waitForURL('**/imports/new?kind=lead');
    expect(await pageA.getByLabel('Import as').inputValue()).toBe('lead');
    await pageA.getByLabel('CSV file').setInputFiles(file);
    await pageA.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    importUrl = pageA.url();

    await pageA.getByRole('heading', { name: '1. Map the columns' }).waitFor();
    const row = (header: string) => pageA.getByRole('row', { name: new RegExp(`^${header}`) });
    // Fill rate and samples: Notes is filled on one row of three.
    await expect.poll(() => row('Notes').textContent()).toContain('33%');
    expect(await row('Email Address').textContent()).toContain('ada@example.com');
    expect(await pageA.getByLabel('Field for First Name').inputValue()).toBe('first_name');
    expect(await pageA.getByLabel('Field for Email Address').inputValue()).toBe('email');
    await pageA.getByLabel('Field for Budget').selectOption({ label: 'Estimated value' });
    await pageA.getByLabel('Field for Notes').selectOption({ label: 'Leave out' });
    await expectAccessible(pageA, 'the import mapping');
  });

  it('saves the mapping as a template', async () => {
    await pageA.getByLabel('Save this mapping as').fill('HubSpot leads');
    await pageA.getByRole('button', { name: 'Save mapping' }).click();
    await pageA.getByText('Mapping saved as "HubSpot leads"').waitFor();
  });

  it('dry runs: counts, the rejected row by line and column, nothing written', async () => {
    await pageA.getByRole('button', { name: 'Dry run' }).click();
    const count = (name: string) => pageA.locator(`[data-count="${name}"]`).first().textContent();
    await expect.poll(() => count('created'), POLL).toBe('2');
    expect(await count('rejected')).toBe('1');
    expect(await count('updated')).toBe('0');
    const rejected = pageA.getByRole('table', { name: 'Rejected rows' });
    const cells = await rejected.getByRole('row').nth(1).getByRole('cell').allTextContents();
    expect(cells[0]).toBe('4');
    expect(cells[1]).toMatch(/Budget|estimated_value/);
    const readAs = pageA.getByRole('table', { name: 'Cells read in other words' });
    expect(await readAs.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual([
      '2',
      'Last Contacted',
      '"4-Mar-25" has a two-digit year, read as 2025 (00-29 as 2000-2029, 30-99 as 1930-1999)',
    ]);
    expect(await leadsOf(['ada@example.com', 'grace@example.com'])).toEqual([]);
    // The column left out is named, so that nobody finds its values missing later.
    await pageA.getByText('These columns of the file will not be imported: Notes.').waitFor();

    const [download] = await Promise.all([
      pageA.waitForEvent('download'),
      pageA.getByRole('button', { name: 'Download rejected rows' }).click(),
    ]);
    const saved = await download.path();
    expect(await readFile(saved, 'utf8')).toContain('4');
    await expectAccessible(pageA, 'the dry run report');
    await screenshots(pageA, 'import-dry-run');
  });

  it('offers the run only for the settings the dry run checked', async () => {
    const notes = pageA.getByLabel('Field for Notes');
    await notes.selectOption({ label: 'Description' });
    await pageA.getByText('The mapping or settings changed since this dry run').waitFor();
    expect(await pageA.getByRole('button', { name: 'Run import' }).count()).toBe(0);
    await pageA.reload();
    expect(await notes.inputValue()).toBe('');
    await notes.selectOption({ label: 'Description' });
    await pageA.getByText('The mapping or settings changed since this dry run').waitFor();
    await notes.selectOption({ label: 'Leave out' });
    await pageA.getByRole('button', { name: 'Run import' }).waitFor();
  });

  it('runs with a progress bar that a reload keeps, then shows the result', async () => {
    await pageA.getByRole('button', { name: 'Run import' }).click();
    await pageA.getByRole('progressbar', { name: 'Import progress' }).waitFor();
    await pageA.reload();
    const bar = pageA.getByRole('progressbar', { name: 'Import progress' });
    await expect.poll(() => bar.getAttribute('aria-valuenow'), POLL).toBe('100');
    await pageA.getByRole('heading', { name: 'Completed' }).waitFor();
    expect(await pageA.locator('[data-count="created"]').textContent()).toBe('2');
    expect(await pageA.locator('[data-count="rejected"]').textContent()).toBe('1');
    // What the dry run said of the cells it read in other words, the result says of those written.
    const readAs = pageA.getByRole('table', { name: 'Cells stored in other words' });
    expect(await readAs.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual([
      '2',
      'Last Contacted',
      '"4-Mar-25" has a two-digit year, read as 2025 (00-29 as 2000-2029, 30-99 as 1930-1999)',
    ]);

    const leads = await leadsOf(['ada@example.com', 'grace@example.com', 'bad@example.com']);
    expect(leads.map((l) => [l.email, Number(l.estimated_value), l.description])).toEqual([
      // Notes was left out: its text is nowhere.
      ['ada@example.com', 22000, ''],
      ['grace@example.com', 22000, ''],
    ]);
    await expectAccessible(pageA, 'the import result');
  });

  it("says on an imported record's timeline which import made it", async () => {
    await pageA.goto('/leads');
    await pageA.getByRole('link', { name: 'Ada Lovelace' }).first().click();
    const created = pageA.getByTestId('timeline').getByRole('listitem').last();
    await expect.poll(() => created.textContent(), POLL).toMatch(/created it\s+by importing/);
    await created.getByRole('link', { name: 'hubspot-leads.csv' }).click();
    await pageA.waitForURL(importUrl);
    await pageA.getByRole('heading', { name: 'Completed' }).waitFor();
  });

  it('lists the import in the settings history', async () => {
    await pageA.goto('/settings/imports');
    const history = pageA.getByRole('table', { name: 'Import history' });
    const row = history.getByRole('row', { name: /hubspot-leads\.csv/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Completed');
    // Who: the member's name comes with the organization's directory, which may load later.
    await expect.poll(() => row.textContent(), POLL).toContain(accountA.name);
    await expectAccessible(pageA, 'the import history');
  });

  it('undoes the import, asking before it deletes a lead edited since', async () => {
    const [ada] = await harness.t.ownerQuery<{ id: string }>(
      "SELECT id FROM leads WHERE email = 'ada@example.com'",
    );
    const edit = await harness.t.app.inject({
      method: 'PATCH',
      url: `/api/v1/leads/${ada?.id ?? ''}`,
      headers: await apiAuth(harness, accountA),
      payload: { job_title: 'Countess' },
    });
    expect(edit.statusCode).toBe(200);

    await pageA.goto(importUrl);
    await pageA.getByRole('button', { name: 'Undo import' }).click();
    const dialog = pageA.getByRole('dialog', { name: 'Delete edited records too?' });
    await dialog.getByText('1 record this import created was edited since').waitFor();
    // Asking wrote nothing: both leads are still there.
    expect(await leadsOf(['ada@example.com', 'grace@example.com'])).toHaveLength(2);
    await expectAccessible(pageA, 'the undo confirmation');
    await dialog.getByRole('button', { name: 'Undo and delete them' }).click();
    await pageA.getByText('Import undone: 2 deleted').waitFor();
    await pageA.getByRole('heading', { name: 'Undone' }).waitFor();
    expect(await leadsOf(['ada@example.com', 'grace@example.com'])).toEqual([]);
  });

  it('applies the saved mapping to the next file from Settings', async () => {
    await pageA.goto('/settings/imports');
    await pageA.getByRole('link', { name: 'Import a file' }).click();
    await pageA.getByLabel('CSV file').setInputFiles(file);
    await pageA.getByRole('heading', { name: '1. Map the columns' }).waitFor();
    // Budget has no suggestion of its own: only the template maps it.
    expect(await pageA.getByLabel('Field for Budget').inputValue()).toBe('');
    await pageA.getByLabel('Saved mapping').selectOption({ label: 'HubSpot leads' });
    await pageA.getByRole('button', { name: 'Apply mapping' }).click();
    expect(await pageA.getByLabel('Field for Budget').inputValue()).toBe('estimated_value');
    expect(await pageA.getByLabel('Field for Notes').inputValue()).toBe('');
    expect(await pageA.getByLabel('Field for Email Address').inputValue()).toBe('email');
  });

  it('maps the columns on a phone, each field beside its column', async () => {
    await pageA.setViewportSize({ width: 390, height: 844 });
    try {
      const budget = pageA.getByLabel('Field for Budget');
      await budget.scrollIntoViewIfNeeded();
      const box = await budget.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      expect(box!.width).toBeGreaterThanOrEqual(120);
      expect(await pageA.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      // What the column holds is on screen beside the field it goes to.
      expect(await pageA.getByRole('row', { name: /^Budget/ }).innerText()).toContain('$22,000');
      await budget.selectOption({ label: 'Description' });
      expect(await budget.inputValue()).toBe('description');
    } finally {
      await pageA.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('reads a file in the encoding chosen when detecting it fails', async () => {
    // UTF-16 without a byte-order mark, in Japanese: its bytes look binary to the detection.
    const japanese = path.join(path.dirname(file), 'japanese-leads.csv');
    await writeFile(japanese, Buffer.from('姓,会社\n山田,東京商事\n田中,大阪物産\n', 'utf16le'));
    await pageA.goto('/imports/new?kind=lead');
    await pageA.getByLabel('CSV file').setInputFiles(japanese);
    await pageA.getByRole('alert').filter({ hasText: 'binary' }).waitFor();

    await pageA.getByLabel('Encoding').selectOption('utf-16le');
    await pageA.getByLabel('CSV file').setInputFiles(japanese);
    await pageA.getByRole('heading', { name: '1. Map the columns' }).waitFor();
    const row = pageA.getByRole('row', { name: /^会社/ });
    await expect.poll(() => row.textContent(), POLL).toContain('東京商事');
  });

  it('checks a large file in the background, across a reload, and then shows its report', async () => {
    const rows = ROWS_CHECKED_IN_REQUEST + 500;
    const lines = ['Last Name,Email Address,Budget'];
    for (let i = 0; i < rows; i++) {
      lines.push(`Large ${i},large${i}@example.com,${i % 5000 === 4999 ? 'lots' : '1000'}`);
    }
    const large = path.join(path.dirname(file), 'large-leads.csv');
    await writeFile(large, lines.join('\n'));
    await pageA.goto('/imports/new?kind=lead');
    await pageA.getByLabel('CSV file').setInputFiles(large);
    await pageA.getByRole('heading', { name: '1. Map the columns' }).waitFor();
    await pageA.getByLabel('Field for Budget').selectOption({ label: 'Estimated value' });
    await pageA.getByRole('button', { name: 'Dry run' }).click();
    await pageA.getByRole('progressbar', { name: 'Dry run progress' }).waitFor();
    await pageA.reload();

    const count = (name: string) => pageA.locator(`[data-count="${name}"]`).first().textContent();
    await expect
      .poll(() => count('created'), { timeout: 60_000 })
      .toBe((rows - 4).toLocaleString());
    expect(await count('rejected')).toBe('4');
    const rejected = pageA.getByRole('table', { name: 'Rejected rows' });
    const first = await rejected.getByRole('row').nth(1).getByRole('cell').allTextContents();
    expect(first[0]).toBe('5001');
    await pageA.getByRole('button', { name: 'Run import' }).waitFor();
  });

  it('lists an import not run yet without counting what its dry run only foresaw', async () => {
    await pageA.goto('/settings/imports');
    const row = pageA
      .getByRole('table', { name: 'Import history' })
      .getByRole('row', { name: /large-leads\.csv/ });
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.slice(-4)).toEqual(['–', '–', '–', '–']);
    const state = cells[4]!.replace(/\s+/g, ' ');
    expect(state).toContain('Not run yet');
    expect(state).toContain(
      `Dry run: would create ${(ROWS_CHECKED_IN_REQUEST + 496).toLocaleString()}, update 0, skip 0, reject 4`,
    );
  });

  it('says that nothing would be imported when the dry run rejects every row, and offers no run', async () => {
    const rejected = path.join(path.dirname(file), 'all-rejected.csv');
    await writeFile(rejected, 'Last Name,Budget\nOne,lots\nTwo,plenty\n');
    await pageA.goto('/imports/new?kind=lead');
    await pageA.getByLabel('CSV file').setInputFiles(rejected);
    await pageA.getByRole('heading', { name: '1. Map the columns' }).waitFor();
    await pageA.getByLabel('Field for Budget').selectOption({ label: 'Estimated value' });
    await pageA.getByRole('button', { name: 'Dry run' }).click();
    const count = (name: string) => pageA.locator(`[data-count="${name}"]`).first().textContent();
    await expect.poll(() => count('rejected'), POLL).toBe('2');
    await pageA.getByText('Nothing would be imported: the dry run rejects every row.').waitFor();
    expect(await pageA.getByRole('button', { name: 'Run import' }).count()).toBe(0);
    expect(await pageA.getByRole('button', { name: 'Download rejected rows' }).count()).toBe(1);
  });

  it("shows a second organization none of A's imports or mappings", async () => {
    const b = await newContext(harness);
    const pageB = await b.newPage();
    const accountB = await signUpInBrowser(pageB, 'Other');
    await pageB.goto('/settings/imports');
    await pageB.getByText('No imports yet').waitFor();
    await pageB.goto(importUrl);
    await pageB.getByRole('alert').waitFor();
    expect(await pageB.getByRole('heading', { name: '1. Map the columns' }).count()).toBe(0);
    expect(await pageB.getByText('hubspot-leads.csv').count()).toBe(0);

    const auth = await apiAuth(harness, accountB);
    const id = importUrl.split('/').at(-1) ?? '';
    const one = await harness.t.app.inject({ url: `/api/v1/imports/${id}`, headers: auth });
    expect(one.statusCode).toBe(404);
    const list = await harness.t.app.inject({ url: '/api/v1/imports', headers: auth });
    expect(list.json<{ data: unknown[] }>().data).toEqual([]);
    const templates = await harness.t.app.inject({
      url: '/api/v1/import-templates',
      headers: auth,
    });
    expect(templates.json<{ data: unknown[] }>().data).toEqual([]);
    await b.close();
  });
});
