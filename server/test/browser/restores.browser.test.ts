import type { Runner } from 'graphile-worker';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainJobs, startTestWorker } from '../support/worker.js';
import {
  apiAuth,
  chromiumPath,
  expectAccessible,
  newContext,
  signUpInBrowser,
  startBrowserHarness,
  type BrowserHarness,
} from './browser.js';

describe.skipIf(!chromiumPath)(
  'restoring an export in a real browser',
  { timeout: 180_000 },
  () => {
    let harness: BrowserHarness;
    let worker: Runner;
    let context: BrowserContext;
    let page: Page;
    /** The export of another organization of the same person, with a few linked records. */
    let zip: Buffer;

    beforeAll(async () => {
      harness = await startBrowserHarness();
      worker = await startTestWorker(harness.t);
      context = await newContext(harness);
      page = await context.newPage();
      // The organization signed up in the browser stays empty: the restore goes there.
      const account = await signUpInBrowser(page, 'Restores');
      const inject = async (
        method: 'GET' | 'POST',
        url: string,
        auth: { authorization: string },
        payload?: object,
      ) => {
        const response = await harness.t.app.inject({ method, url, headers: auth, payload });
        expect(response.statusCode, response.body).toBeLessThan(300);
        return response;
      };
      const source = (
        await inject('POST', '/api/v1/me/orgs', await apiAuth(harness, account), {
          name: 'Exported organization',
        })
      ).json();
      const auth = { authorization: `Bearer ${source.access_token}` };
      const accountRecord = (
        await inject('POST', '/api/v1/accounts', auth, { name: 'Restored Account' })
      ).json();
      await inject('POST', '/api/v1/contacts', auth, {
        last_name: 'Restored Contact',
        account_id: accountRecord.id,
      });
      await inject('POST', '/api/v1/leads', auth, { last_name: 'Restored Lead' });
      await inject('POST', '/api/v1/web-forms', auth, {
        name: 'Restored form',
        fields: [{ field: 'last_name', required: true }],
      });
      const started = (await inject('POST', '/api/v1/exports', auth)).json();
      await drainJobs(harness.t, 60_000);
      zip = (await inject('GET', `/api/v1/exports/${started.id}/download`, auth)).rawPayload;
    }, 180_000);
    afterAll(async () => {
      await worker?.stop();
      await harness?.close();
    });

    it('refuses a file that is not an export, saying why', async () => {
      await page.goto('/settings/organization');
      await page.getByLabel('Export ZIP to restore').setInputFiles({
        name: 'leads.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('last_name\nAda\n'),
      });
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toContain('The file is not a ZIP');
      await page.getByText('No restore yet.').waitFor();
    });

    it('restores the ZIP from the settings, shows its result, and the records are there', async () => {
      await page.goto('/settings/organization');
      await page.getByLabel('Export ZIP to restore').setInputFiles({
        name: 'organization-export.zip',
        mimeType: 'application/zip',
        buffer: zip,
      });
      // Eleven of records, pipelines and the form, and one of the organization's settings.
      await page.getByText('Restored 12 rows.').waitFor({ timeout: 60_000 });
      // The form came back turned off, with a new secret: the admin is told to embed it again.
      const forms = page.getByRole('list', { name: 'Forms that need new embed code' });
      await expect
        .poll(() => forms.getByRole('listitem').allTextContents())
        .toEqual(['Restored form']);
      await expectAccessible(page, 'the organization settings with a restore');

      await page.goto('/contacts');
      await page.getByRole('link', { name: /Restored Contact/ }).click();
      await page.getByText('Restored Account').first().waitFor();
      await page.goto('/leads');
      await page.getByRole('link', { name: /Restored Lead/ }).waitFor();
    });
  },
);
