import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWorker } from '../support/worker.js';
import {
  apiCreate,
  chromiumPath,
  expectAccessible,
  startSignedIn,
  type SignedIn,
} from './browser.js';

const POLL = { timeout: 20_000 };

describe.skipIf(!chromiumPath)(
  'a custom field exported, edited and imported back in a real browser',
  { timeout: 180_000 },
  () => {
    let s: SignedIn;
    let worker: Runner;

    beforeAll(async () => {
      s = await startSignedIn('Tiers');
      worker = await startTestWorker(s.harness.t);
    }, 120_000);
    afterAll(async () => {
      await worker?.stop();
      await s?.close();
    });

    it('exports a filtered list with the field, imports an edit as an update, and undoes it', async () => {
      const { page } = s;
      // The admin defines the field in the settings.
      await page.goto('/settings/custom-fields');
      await page.getByLabel('Kind of record').selectOption({ label: 'Lead' });
      await page.getByLabel('New field').fill('Tier');
      await page.getByLabel('Type').selectOption({ label: 'Single select' });
      await page.getByLabel('Options, one per line').fill('Gold\nSilver\nBronze');
      await page.getByRole('button', { name: 'Add field' }).click();
      await page.getByText('Field “Tier” added').waitFor();

      const fields = await s.harness.t.app.inject({
        url: '/api/v1/custom-fields?record_type=lead',
        headers: s.auth,
      });
      const tier = fields
        .json<{ data: Array<{ key: string; options: Array<{ id: string; label: string }> }> }>()
        .data.find((field) => field.key === 'tier')!;
      const gold = tier.options.find((option) => option.label === 'Gold')!;
      const ada = await apiCreate(s, '/api/v1/leads', {
        last_name: 'Lovelace',
        email: 'ada@example.com',
        status: 'qualified',
        custom_fields: { tier: gold.id },
      });
      const grace = await apiCreate(s, '/api/v1/leads', {
        last_name: 'Hopper',
        email: 'grace@example.com',
        status: 'qualified',
      });
      await apiCreate(s, '/api/v1/leads', {
        last_name: 'Turing',
        email: 'alan@example.com',
        status: 'new',
        custom_fields: { tier: gold.id },
      });

      // The list filtered to the qualified leads, with the field's column, exported from its page.
      await page.goto('/leads');
      await page.getByRole('combobox', { name: 'Status' }).selectOption('qualified');
      await page.getByText('2 leads').waitFor();
      await page.getByRole('button', { name: 'Choose columns' }).click();
      await page.getByRole('checkbox', { name: 'Tier' }).check();
      await page.keyboard.press('Escape');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export CSV' }).click(),
      ]);
      const exported = parse(await readFile(await download.path()), {
        bom: true,
        columns: true,
      }) as Array<Record<string, string>>;
      expect(exported.map((row) => [row['email'], row['Tier']]).sort()).toEqual([
        ['ada@example.com', 'Gold'],
        ['grace@example.com', ''],
      ]);

      // Edited as a spreadsheet would: Ada moves to Silver, Grace gets Bronze.
      const edited = exported.map((row) => ({
        ...row,
        Tier: row['email'] === 'ada@example.com' ? 'Silver' : 'Bronze',
      }));
      const file = path.join(await mkdtemp(path.join(tmpdir(), 'rampart-tier-')), 'tiers.csv');
      await writeFile(file, stringify(edited, { header: true }));

      // Imported back through the wizard: only the email (to find the lead) and the field.
      await page.getByRole('link', { name: 'Import' }).click();
      await page.waitForURL('**/imports/new?kind=lead');
      await page.getByLabel('CSV file').setInputFiles(file);
      await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
      const importUrl = page.url();
      await page.getByRole('heading', { name: '1. Map the columns' }).waitFor();
      for (const header of Object.keys(edited[0]!)) {
        const field = page.getByLabel(`Field for ${header}`, { exact: true });
        if (header === 'Tier') {
          expect(await field.inputValue()).toBe('cf.tier');
          await field.selectOption('cf.tier');
        } else if (header === 'email') {
          await field.selectOption('email');
        } else {
          await field.selectOption({ label: 'Leave out' });
        }
      }
      await page.getByLabel('When a row matches an existing record').selectOption('update');
      await page.getByRole('button', { name: 'Dry run' }).click();
      const count = (name: string) => page.locator(`[data-count="${name}"]`).first().textContent();
      await expect.poll(() => count('updated'), POLL).toBe('2');
      expect(await count('created')).toBe('0');
      await page.getByRole('button', { name: 'Run import' }).click();
      await page.getByRole('heading', { name: 'Completed' }).waitFor(POLL);

      const tierOn = async (id: string, value: string) => {
        await page.goto(`/leads/${id}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.getByRole('definition').filter({ hasText: value }).waitFor();
      };
      await tierOn(ada.id, 'Silver');
      await tierOn(grace.id, 'Bronze');
      await expectAccessible(page, 'a lead with an imported custom value');

      // The list sorts by the field from its column header, in the order of its options.
      await page.goto('/leads');
      const table = page.getByRole('table', { name: 'leads' });
      await table.locator('tbody tr[data-row-id]').first().waitFor();
      await page.getByRole('button', { name: 'Choose columns' }).click();
      await page.getByRole('checkbox', { name: 'Tier' }).check();
      await page.keyboard.press('Escape');
      const names = async () =>
        (await table.locator('tbody tr[data-row-id] a').allTextContents()).filter(
          (text) => !text.includes('@'),
        );
      await table.getByRole('button', { name: 'Tier' }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('sort'), POLL).toBe('cf.tier');
      await expect.poll(names, POLL).toEqual(['Turing', 'Lovelace', 'Hopper']);
      await table.getByRole('button', { name: 'Tier' }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('sort'), POLL).toBe('-cf.tier');
      await expect.poll(names, POLL).toEqual(['Hopper', 'Lovelace', 'Turing']);

      // Undo: Ada has Gold again, Grace no tier at all.
      await page.goto(importUrl);
      await page.getByRole('button', { name: 'Undo import' }).click();
      await page.getByText('Import undone: 0 deleted, 2 restored').waitFor();
      await page.getByRole('heading', { name: 'Undone' }).waitFor();
      await tierOn(ada.id, 'Gold');
      expect(await page.getByRole('definition').filter({ hasText: 'Silver' }).count()).toBe(0);
      await page.goto(`/leads/${grace.id}`);
      await page.getByRole('heading', { name: 'Hopper', level: 1 }).waitFor();
      await page.getByRole('button', { name: /Edit Tier/ }).waitFor();
      expect(await page.getByRole('definition').filter({ hasText: 'Bronze' }).count()).toBe(0);
    });
  },
);
