import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAuth,
  apiCreate,
  chromiumPath,
  expectAccessible,
  holdAnswers,
  newContext,
  screenshots,
  signUpInBrowser,
  startBrowserHarness,
  type Account,
  type BrowserHarness,
  type SignedIn,
  notesOf,
} from './browser.js';

/** Scrolls back to the top of the page, so a screenshot starts with the heading. */
async function toTop(page: Page): Promise<void> {
  await page.mouse.move(640, 400);
  await page.mouse.wheel(0, -20_000);
  await expect
    .poll(async () => (await page.getByRole('heading', { level: 1 }).boundingBox())?.y ?? -1)
    .toBeGreaterThan(60);
}

describe.skipIf(!chromiumPath)(
  'accounts and contacts in a real browser',
  { timeout: 120_000 },
  () => {
    let harness: BrowserHarness;
    let a: BrowserContext;
    let pageA: Page;
    let accountUrl: string;
    let contactUrl: string;
    let userA: Account;
    let api: Pick<SignedIn, 'harness' | 'auth'>;

    beforeAll(async () => {
      harness = await startBrowserHarness();
      a = await newContext(harness);
      pageA = await a.newPage();
      userA = await signUpInBrowser(pageA, 'Acme');
    }, 120_000);
    afterAll(async () => {
      await harness?.close();
    });

    it('creates an account from the empty list', async () => {
      await pageA.getByRole('link', { name: 'Accounts' }).first().click();
      await pageA.getByRole('heading', { name: 'No accounts yet' }).waitFor();
      await expectAccessible(pageA, 'the empty accounts list');
      await screenshots(pageA, 'accounts-empty');

      // `c` creates in the current list; the API's own validation shows at the field.
      await pageA.keyboard.press('c');
      const dialog = pageA.getByRole('dialog', { name: 'New account' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Create account' }).click();
      await expect.poll(() => dialog.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
      await dialog.getByLabel('Name').fill('Globex Corporation');
      await dialog.getByLabel('Website').fill('https://www.globex.example');
      await dialog.getByLabel('Industry').fill('Manufacturing');
      await dialog.getByLabel('Employees').fill('1200');
      await expectAccessible(pageA, 'the new account dialog');
      await dialog.getByRole('button', { name: 'Create account' }).click();
      await dialog.waitFor({ state: 'hidden' });

      const table = pageA.getByRole('table', { name: 'accounts' });
      const link = table.getByRole('link', { name: 'Globex Corporation' });
      await link.waitFor();
      accountUrl = new URL((await link.getAttribute('href')) ?? '', harness.baseUrl).pathname;
      expect(accountUrl).toMatch(/^\/accounts\/[0-9a-f-]{36}$/);

      // From the server after a reload, and the industry filter keeps it.
      await pageA.reload();
      await link.waitFor();
      await pageA.getByRole('combobox', { name: 'Industry' }).selectOption('Manufacturing');
      await expect.poll(() => pageA.url()).toContain('industry=Manufacturing');
      await link.waitFor();
      await pageA.getByRole('combobox', { name: 'Industry' }).selectOption('Retail');
      await pageA.getByRole('heading', { name: 'No account matches these filters' }).waitFor();
      await pageA.getByRole('button', { name: 'Clear filters' }).click();
      await link.waitFor();
      await expectAccessible(pageA, 'the accounts list');
      await screenshots(pageA, 'accounts-list');
    });

    it('creates a contact on the account and shows it on the account page', async () => {
      await pageA.goto('/contacts');
      await pageA.getByRole('heading', { name: 'No contacts yet' }).waitFor();
      await pageA.keyboard.press('c');
      const dialog = pageA.getByRole('dialog', { name: 'New contact' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Create contact' }).click();
      await expect
        .poll(() => dialog.getByLabel('Last name').getAttribute('aria-invalid'))
        .toBe('true');
      await dialog.getByLabel('First name').fill('Hank');
      await dialog.getByLabel('Last name').fill('Scorpio');
      await dialog.getByLabel('Email').fill('hank@globex.example');
      await dialog.getByLabel('Job title').fill('Chief Executive');
      // The account picker searches the accounts as one types.
      await dialog.getByRole('combobox', { name: 'Account' }).fill('Glob');
      await dialog.getByRole('option', { name: 'Globex Corporation' }).click();
      expect(await dialog.getByRole('combobox', { name: 'Account' }).inputValue()).toBe(
        'Globex Corporation',
      );
      await expectAccessible(pageA, 'the new contact dialog');
      await dialog.getByRole('button', { name: 'Create contact' }).click();
      await dialog.waitFor({ state: 'hidden' });

      const table = pageA.getByRole('table', { name: 'contacts' });
      const link = table.getByRole('link', { name: 'Hank Scorpio' });
      await link.waitFor();
      contactUrl = new URL((await link.getAttribute('href')) ?? '', harness.baseUrl).pathname;
      await table.getByRole('cell', { name: 'Globex Corporation' }).waitFor();
      await expectAccessible(pageA, 'the contacts list');
      await screenshots(pageA, 'contacts-list');

      await pageA.goto(accountUrl);
      await pageA.getByRole('heading', { name: 'Globex Corporation', level: 1 }).waitFor();
      const contacts = pageA.getByRole('region', { name: 'Contacts' });
      await contacts.getByRole('link', { name: 'Hank Scorpio' }).waitFor();
      const summary = pageA.getByRole('definition').filter({ hasText: /^1$/ });
      expect(await summary.count()).toBeGreaterThan(0);
    });

    it('edits the account inline, tags it and adds a note', async () => {
      await pageA.getByRole('button', { name: /Edit Phone/ }).click();
      await pageA.getByLabel('Phone').fill('+1 555 0199');
      await pageA.keyboard.press('Enter');
      // Shown as a number to call, edited from its own button.
      const phone = pageA.getByRole('link', { name: '+1 555 0199' });
      await phone.waitFor();
      expect(await phone.getAttribute('href')).toBe('tel:+15550199');
      // A value the API refuses shows its message at the field, with what was typed kept.
      await pageA.getByRole('button', { name: /Edit Email/ }).click();
      await pageA.getByLabel('Email', { exact: true }).fill('not an email');
      await pageA.keyboard.press('Enter');
      await pageA.getByText('Enter a valid email address').waitFor();
      expect(await pageA.getByLabel('Email', { exact: true }).inputValue()).toBe('not an email');
      await pageA.keyboard.press('Escape');

      // Tags an admin made are added and removed on the page.
      api = { harness, auth: await apiAuth(harness, userA) };
      await apiCreate(api, '/api/v1/tags', { name: 'Key account' });
      await pageA.reload();
      await pageA
        .getByRole('combobox', { name: 'Add a tag' })
        .selectOption({ label: 'Key account' });
      await pageA.getByRole('button', { name: 'Remove tag Key account' }).waitFor();
      await expect
        .poll(async () =>
          harness.t.ownerQuery<{ n: number }>(
            'SELECT count(*)::int AS n FROM record_tags WHERE account_id = $1',
            [accountUrl.split('/').at(-1)],
          ),
        )
        .toEqual([{ n: 1 }]);

      await pageA.getByLabel('New note').fill('Wants to expand into the eastern seaboard.');
      await pageA.getByRole('button', { name: 'Add note' }).click();
      await notesOf(pageA).getByText('Wants to expand into the eastern seaboard.').waitFor();

      // The change reached the server.
      const rows = await harness.t.ownerQuery<{ phone: string }>(
        'SELECT phone FROM accounts WHERE id = $1',
        [accountUrl.split('/').at(-1)],
      );
      expect(rows).toEqual([{ phone: '+1 555 0199' }]);
      await expectAccessible(pageA, 'the account page');
      await toTop(pageA);
      await screenshots(pageA, 'account-detail');
    });

    it('shows the contact with its account and edits it inline', async () => {
      // A deal with the contact as its primary contact shows on both pages.
      await apiCreate(api, '/api/v1/deals', {
        name: 'Hammock District',
        amount: 480000,
        account_id: accountUrl.split('/').at(-1),
        primary_contact_id: contactUrl.split('/').at(-1),
      });
      await pageA.reload();
      await pageA
        .getByRole('region', { name: 'Deals' })
        .getByRole('link', { name: 'Hammock District' })
        .waitFor();

      await pageA.goto(contactUrl);
      await pageA.getByRole('heading', { name: 'Hank Scorpio' }).waitFor();
      await pageA.getByRole('link', { name: 'Globex Corporation' }).first().waitFor();
      await pageA.getByRole('button', { name: /Edit Department/ }).click();
      await pageA.getByLabel('Department').fill('Executive office');
      await pageA.keyboard.press('Enter');
      await pageA.getByRole('button', { name: /Executive office/ }).waitFor();
      await pageA.getByLabel('New note').fill('Prefers calls before noon.');
      await pageA.getByRole('button', { name: 'Add note' }).click();
      await notesOf(pageA).getByText('Prefers calls before noon.').waitFor();
      const deals = pageA.getByRole('region', { name: 'Deals' });
      await deals.getByRole('link', { name: 'Hammock District' }).waitFor();
      await deals.getByText('Primary contact').waitFor();
      await expectAccessible(pageA, 'the contact page');
      await toTop(pageA);
      await screenshots(pageA, 'contact-detail');

      // The account is changed with the picker: none, then Globex again.
      await pageA.getByRole('button', { name: 'Change account' }).click();
      await pageA.getByRole('combobox', { name: 'Account' }).press('ArrowDown');
      await pageA.getByRole('option', { name: 'No account' }).click();
      await pageA.getByText('No account', { exact: true }).waitFor();
      await pageA.getByRole('button', { name: 'Change account' }).click();
      await pageA.getByRole('combobox', { name: 'Account' }).fill('Globex');
      await pageA.getByRole('option', { name: 'Globex Corporation' }).click();
      await pageA.getByRole('button', { name: 'Change account' }).waitFor();

      // The account link leads back to the account.
      await pageA.getByRole('link', { name: 'Globex Corporation' }).first().click();
      await pageA.getByRole('heading', { name: 'Globex Corporation', level: 1 }).waitFor();
    });

    it('keeps a contact added on the account before its contacts answered', async () => {
      const account = await apiCreate(api, '/api/v1/accounts', { name: 'Initech' });
      // The account's contacts were read before the new one was added, and arrive after it.
      const ofAccount = (url: URL) =>
        url.pathname === '/api/v1/contacts' && url.searchParams.has('account_id');
      const answerContacts = await holdAnswers(pageA, ofAccount, { readNow: true });
      await pageA.goto(`/accounts/${account.id}`);
      await pageA.getByRole('heading', { name: 'Initech', level: 1 }).waitFor();
      await pageA.getByRole('button', { name: 'Add contact' }).click();
      const dialog = pageA.getByRole('dialog', { name: 'New contact' });
      await dialog.getByLabel('First name').fill('Milton');
      await dialog.getByLabel('Last name').fill('Waddams');
      await dialog.getByRole('button', { name: 'Create contact' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await answerContacts();
      await pageA.unrouteAll({ behavior: 'wait' });
      const contacts = pageA.getByRole('region', { name: 'Contacts' });
      expect(await contacts.getByText('No contacts yet', { exact: false }).count()).toBe(0);
      expect(await contacts.getByRole('link', { name: 'Milton Waddams' }).count()).toBe(1);
    });

    it("keeps A's account and contact out of B's reach: list, search and direct address", async () => {
      const b = await newContext(harness);
      const pageB = await b.newPage();
      await signUpInBrowser(pageB, 'Bravo');

      await pageB.goto('/accounts');
      await pageB.getByRole('heading', { name: 'No accounts yet' }).waitFor();
      expect(await pageB.getByText('Globex').count()).toBe(0);
      await pageB.goto('/contacts');
      await pageB.getByRole('heading', { name: 'No contacts yet' }).waitFor();
      expect(await pageB.getByText('Scorpio').count()).toBe(0);

      await pageB.keyboard.press('Control+k');
      const palette = pageB.getByRole('combobox', { name: 'Search records, pages and actions' });
      await palette.fill('Globex');
      await pageB.getByRole('listbox', { name: 'Results' }).getByText('Nothing matches.').waitFor();
      await pageB.keyboard.press('Escape');
      await palette.waitFor({ state: 'hidden' });

      await pageB.goto(accountUrl);
      await pageB.getByRole('heading', { name: 'Account not found' }).waitFor();
      expect(await pageB.getByText('Globex').count()).toBe(0);
      await expectAccessible(pageB, 'an unknown account');
      await pageB.goto(contactUrl);
      await pageB.getByRole('heading', { name: 'Contact not found' }).waitFor();
      expect(await pageB.getByText('Scorpio').count()).toBe(0);

      // A's own search finds both, so the checks above are not vacuous.
      await pageA.keyboard.press('Control+k');
      await pageA
        .getByRole('combobox', { name: 'Search records, pages and actions' })
        .fill('Globex');
      await pageA.getByRole('option', { name: /Globex Corporation/ }).waitFor();
      await pageA.keyboard.press('Escape');
      await b.close();
    });

    it('tags contacts in bulk from the list and filters by account', async () => {
      await pageA.goto('/contacts');
      const table = pageA.getByRole('table', { name: 'contacts' });
      await table.getByRole('link', { name: 'Hank Scorpio' }).waitFor();
      await table.getByRole('checkbox', { name: 'Select Hank Scorpio' }).check();
      await pageA.getByRole('button', { name: 'Tag', exact: true }).click();
      const dialog = pageA.getByRole('dialog', { name: 'Add a tag · 1 selected' });
      await dialog.getByLabel('Tag').selectOption({ label: 'Key account' });
      await dialog.getByRole('button', { name: 'Apply' }).click();
      await pageA.getByText('Add a tag: 1 record done').waitFor();
      await pageA.getByRole('combobox', { name: 'Tag' }).selectOption({ label: 'Key account' });
      await expect.poll(() => pageA.url()).toContain('tag_id=');
      await table.getByRole('link', { name: 'Hank Scorpio' }).waitFor();

      // The account filter picks an account by name and keeps its id in the address.
      await pageA.getByRole('combobox', { name: 'Account' }).fill('Glob');
      await pageA.getByRole('option', { name: 'Globex Corporation' }).click();
      await expect.poll(() => pageA.url()).toContain('account_id=');
      await table.getByRole('link', { name: 'Hank Scorpio' }).waitFor();
      await pageA.reload();
      // The name is read after the reload: slow on a loaded machine.
      await expect
        .poll(() => pageA.getByRole('combobox', { name: 'Account' }).inputValue(), {
          timeout: 15_000,
        })
        .toBe('Globex Corporation');
      await table.getByRole('link', { name: 'Hank Scorpio' }).waitFor();
    });

    it('works at phone width', async () => {
      await pageA.setViewportSize({ width: 390, height: 844 });
      await pageA.goto(accountUrl);
      await pageA.getByRole('heading', { name: 'Globex Corporation', level: 1 }).waitFor();
      await expectAccessible(pageA, 'the account page at phone width');
      await screenshots(pageA, 'account-detail-phone');
      await pageA.goto('/contacts');
      // Cards, not a table wider than the screen.
      await pageA
        .getByRole('list', { name: 'contacts' })
        .getByRole('link', { name: 'Hank Scorpio' })
        .waitFor();
      await expectAccessible(pageA, 'the contacts list at phone width');
      await screenshots(pageA, 'contacts-list-phone');
      await pageA.setViewportSize({ width: 1280, height: 800 });
    });
  },
);
