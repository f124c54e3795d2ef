import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCreate,
  chromiumPath,
  expectAccessible,
  holdAnswers,
  startSignedIn,
  type SignedIn,
  notesOf,
} from './browser.js';

const POLL = { timeout: 15_000 };

describe.skipIf(!chromiumPath)('the daily CRM in a real browser', { timeout: 180_000 }, () => {
  let s: SignedIn;
  let page: Page;
  let leadId: string;

  beforeAll(async () => {
    s = await startSignedIn('Daily');
    page = s.page;
    const lead = await apiCreate(s, '/api/v1/leads', {
      first_name: 'Grace',
      last_name: 'Hopper',
      company: 'Navy Labs',
      email: 'grace@navy.example',
    });
    leadId = lead.id;
    await apiCreate(s, '/api/v1/tags', { name: 'Hot', color: '#dc2626' });
  }, 180_000);
  afterAll(async () => {
    await s?.close();
  });

  const taskRows = (title: string) =>
    s.harness.t.ownerQuery<{ title: string; type: string; status: string; due_at: Date | null }>(
      `SELECT title, type, status, due_at FROM tasks WHERE title = $1`,
      [title],
    );

  it('plans, changes, reschedules, reopens and deletes a task from a lead page', async () => {
    await page.goto(`/leads/${leadId}`);
    await page.getByRole('heading', { name: 'Grace Hopper' }).waitFor();
    await page.getByRole('button', { name: 'New task' }).click();
    const create = page.getByRole('dialog', { name: 'New task' });
    expect(await create.getByLabel('Related to').inputValue()).toBe('lead');
    await create.getByLabel('Title').fill('Call Grace about the compiler');
    await create.getByLabel('Type').selectOption({ label: 'Call' });
    await create.getByLabel('Due').fill('2030-03-04T10:00');
    await create.getByRole('button', { name: 'Create task' }).click();
    await create.waitFor({ state: 'hidden' });
    const tasks = page.getByRole('list', { name: 'Tasks of this record' });
    await tasks.getByText('Call Grace about the compiler').waitFor();
    await tasks.getByText('Call', { exact: true }).waitFor();
    expect((await taskRows('Call Grace about the compiler'))[0]?.type).toBe('call');

    // Change what it is and when: a meeting, a week later.
    await tasks.getByRole('button', { name: 'Edit Call Grace about the compiler' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit task' });
    expect(await edit.getByLabel('Due').inputValue()).toBe('2030-03-04T10:00');
    await edit.getByLabel('Title').fill('Meet Grace about the compiler');
    await edit.getByLabel('Type').selectOption({ label: 'Meeting' });
    await edit.getByLabel('Due').fill('2030-03-11T15:30');
    await expectAccessible(page, 'the edit task dialog');
    await edit.getByRole('button', { name: 'Save task' }).click();
    await edit.waitFor({ state: 'hidden' });
    await tasks.getByText('Meet Grace about the compiler').waitFor();
    await tasks.getByText('Meeting', { exact: true }).waitFor();
    const [saved] = await taskRows('Meet Grace about the compiler');
    expect(saved?.type).toBe('meeting');
    expect(saved?.due_at?.toISOString()).toBe(new Date('2030-03-11T15:30').toISOString());

    // Done, then open again.
    await tasks.getByRole('checkbox', { name: 'Complete Meet Grace about the compiler' }).click();
    await expect
      .poll(async () => (await taskRows('Meet Grace about the compiler'))[0]?.status, POLL)
      .toBe('done');
    await tasks.getByRole('checkbox', { name: 'Reopen Meet Grace about the compiler' }).click();
    await expect
      .poll(async () => (await taskRows('Meet Grace about the compiler'))[0]?.status, POLL)
      .toBe('open');
    await tasks.getByRole('checkbox', { name: 'Complete Meet Grace about the compiler' }).waitFor();

    await tasks.getByRole('button', { name: 'Delete Meet Grace about the compiler' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete Meet Grace about the compiler?' });
    await confirm.getByRole('button', { name: 'Delete task' }).click();
    await page.getByText('No tasks. Follow-ups you plan for this record appear here.').waitFor();
    expect(await taskRows('Meet Grace about the compiler')).toEqual([]);
  });

  it('offers New task on account and contact pages too', async () => {
    const account = await apiCreate(s, '/api/v1/accounts', { name: 'Navy Labs' });
    const contact = await apiCreate(s, '/api/v1/contacts', {
      first_name: 'Ada',
      last_name: 'Byron',
    });
    for (const [path, kind] of [
      [`/accounts/${account.id}`, 'account'],
      [`/contacts/${contact.id}`, 'contact'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('button', { name: 'New task' }).click();
      const dialog = page.getByRole('dialog', { name: 'New task' });
      expect(await dialog.getByLabel('Related to').inputValue()).toBe(kind);
      await dialog.getByLabel('Title').fill(`Follow up the ${kind}`);
      await dialog.getByRole('button', { name: 'Create task' }).click();
      await page
        .getByRole('list', { name: 'Tasks of this record' })
        .getByText(`Follow up the ${kind}`)
        .waitFor();
    }
  });

  it('picks the record of a task by searching, telling namesakes apart', async () => {
    await apiCreate(s, '/api/v1/contacts', {
      first_name: 'Daniel',
      last_name: 'Murphy',
      email: 'daniel@north.example',
    });
    await apiCreate(s, '/api/v1/contacts', {
      first_name: 'Daniel',
      last_name: 'Murphy',
      email: 'daniel@south.example',
    });
    await page.goto('/tasks');
    await page.getByRole('tab', { name: 'Mine' }).waitFor();
    await page.getByText('2 tasks').waitFor();
    await page.getByRole('button', { name: 'New task' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New task' });
    await dialog.getByLabel('Title').fill('Send Daniel the south quote');
    await dialog.getByLabel('Related to').selectOption('contact');
    await dialog.getByRole('combobox', { name: 'Related contact' }).fill('daniel mur');
    const options = dialog.getByRole('option', { name: /Daniel Murphy/ });
    await expect.poll(() => options.count(), POLL).toBe(2);
    await dialog.getByRole('option', { name: /daniel@south\.example/ }).click();
    await dialog.getByRole('button', { name: 'Create task' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('3 tasks').waitFor();
    const [row] = await s.harness.t.ownerQuery<{ email: string }>(
      `SELECT c.email FROM tasks t JOIN contacts c ON c.org_id = t.org_id AND c.id = t.contact_id
        WHERE t.title = 'Send Daniel the south quote'`,
    );
    expect(row?.email).toBe('daniel@south.example');
  });

  it('edits and deletes a note, and tags the lead on its page', async () => {
    await page.goto(`/leads/${leadId}`);
    await page.getByLabel('New note').fill('Prefers mornings.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await notesOf(page).getByText('Prefers mornings.').waitFor();
    await page.getByRole('button', { name: 'Edit note' }).click();
    await page.getByLabel('Note', { exact: true }).fill('Prefers mornings, before 10.');
    await page.getByRole('button', { name: 'Save note' }).click();
    await notesOf(page).getByText('Prefers mornings, before 10.').waitFor();
    const notes = () =>
      s.harness.t.ownerQuery<{ body: string }>(`SELECT body FROM notes WHERE lead_id = $1`, [
        leadId,
      ]);
    expect((await notes()).map((n) => n.body)).toEqual(['Prefers mornings, before 10.']);
    await page.getByRole('button', { name: 'Delete note' }).click();
    await page
      .getByRole('dialog', { name: 'Delete this note?' })
      .getByRole('button', { name: 'Delete note' })
      .click();
    await page.getByText('No notes yet.', { exact: false }).waitFor();
    expect(await notes()).toEqual([]);

    await page.getByRole('combobox', { name: 'Add a tag' }).selectOption({ label: 'Hot' });
    await page.getByRole('button', { name: 'Remove tag Hot' }).waitFor();
    await expect
      .poll(
        async () =>
          (
            await s.harness.t.ownerQuery<{ name: string }>(
              `SELECT t.name FROM record_tags l JOIN tags t ON t.org_id = l.org_id AND t.id = l.tag_id
                WHERE l.lead_id = $1`,
              [leadId],
            )
          ).map((t) => t.name),
        POLL,
      )
      .toEqual(['Hot']);
    await page.reload();
    await page.getByRole('button', { name: 'Remove tag Hot' }).waitFor();
    await expectAccessible(page, 'the lead page with tags');
  });

  it('keeps a note added before the notes answered', async () => {
    const lead = await apiCreate(s, '/api/v1/leads', { first_name: 'Ada', last_name: 'Byron' });
    // The notes were read before the new one was added, and reach the page after it.
    const answerNotes = await holdAnswers(page, '**/api/v1/notes?**', { readNow: true });
    await page.goto(`/leads/${lead.id}`);
    await page.getByLabel('New note').fill('Ask about the engine.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await notesOf(page).getByText('Ask about the engine.').waitFor();
    await answerNotes();
    await page.unrouteAll({ behavior: 'wait' });
    expect(await notesOf(page).getByText('No notes yet.', { exact: false }).count()).toBe(0);
    expect(await notesOf(page).getByText('Ask about the engine.').count()).toBe(1);
  });

  it('writes money in the organization currency and locale, and forecasts by close month', async () => {
    await page.goto('/settings/organization');
    await page.getByLabel('Currency').selectOption('EUR');
    await page.getByLabel('Locale').selectOption('de-DE');
    await page
      .getByTestId('money-sample')
      .getByText(/1\.234\.567,89\s€/)
      .waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/Saved: money now reads 1\.234\.567,89\s€/).waitFor();
    const [org] = await s.harness.t.ownerQuery<{ currency: string; locale: string }>(
      `SELECT currency, locale FROM orgs WHERE name = $1`,
      [s.account.org],
    );
    expect(org).toEqual({ currency: 'EUR', locale: 'de-DE' });

    const close = new Date();
    close.setUTCDate(15);
    close.setUTCMonth(close.getUTCMonth() + 1);
    const deal = await apiCreate(s, '/api/v1/deals', {
      name: 'Compiler licence',
      amount: 40000,
      expected_close_date: close.toISOString().slice(0, 10),
    });
    await page.goto(`/deals/${deal.id}`);
    await page
      .getByText(/^40\.000\s€$/)
      .first()
      .waitFor();

    // The dashboard: that month's row weighs the deal by its stage (Prospecting, 10%).
    await page.goto('/');
    const forecast = page.getByRole('table', { name: 'Forecast by close month' });
    const month = close.toLocaleString('en-US', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const row = forecast.getByRole('row', { name: new RegExp(month) });
    await row.getByRole('cell', { name: /^40\.000\s€$/ }).waitFor();
    await row.getByRole('cell', { name: /^4\.000\s€$/ }).waitFor();
    const activity = page.getByRole('region', { name: 'Recent activity' });
    await activity.getByRole('link', { name: 'Compiler licence' }).waitFor();
    await activity.getByRole('link', { name: 'Grace Hopper' }).first().waitFor();
    await page.getByText(/^Leads created from .+ to .+, by their status now\.$/).waitFor();
    await expectAccessible(page, 'the dashboard with a forecast');
  });

  it('warns of a likely duplicate before creating a lead or an account, and still creates it', async () => {
    await page.goto('/leads');
    await page.getByRole('heading', { name: 'Leads', level: 1 }).waitFor();
    await page.keyboard.press('c');
    const dialog = page.getByRole('dialog', { name: 'New lead' });
    await dialog.getByLabel('First name').fill('grace');
    await dialog.getByLabel('Last name').fill('HOPPER');
    const warning = dialog.getByRole('status').filter({ hasText: 'This may already exist' });
    await warning.getByRole('link', { name: 'Grace Hopper' }).waitFor();
    await warning.getByText('Navy Labs').waitFor();
    await expectAccessible(page, 'the new lead dialog with a duplicate warning');
    await dialog.getByRole('button', { name: 'Create lead' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const leads = await s.harness.t.ownerQuery(
      `SELECT id FROM leads WHERE lower(last_name) = 'hopper'`,
    );
    expect(leads).toHaveLength(2);

    await apiCreate(s, '/api/v1/accounts', { name: 'Initech', website: 'https://initech.example' });
    await page.goto('/accounts');
    await page.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
    await page.keyboard.press('c');
    const account = page.getByRole('dialog', { name: 'New account' });
    await account.getByLabel('Website').fill('http://www.initech.example/about');
    await account
      .getByRole('status')
      .filter({ hasText: 'This may already exist' })
      .getByRole('link', { name: 'Initech' })
      .waitFor();
  });

  it('converts a lead onto an existing account, into the pipeline stage chosen', async () => {
    const existing = await apiCreate(s, '/api/v1/accounts', { name: 'Bletchley Park' });
    const alan = await apiCreate(s, '/api/v1/leads', {
      first_name: 'Alan',
      last_name: 'Turing',
      company: 'Bletchley',
    });
    await page.goto(`/leads/${alan.id}`);
    await page.getByRole('button', { name: 'Convert' }).click();
    const dialog = page.getByRole('dialog', { name: 'Convert Alan Turing' });
    await dialog.getByLabel('Add to an existing account').check();
    await dialog.getByRole('combobox', { name: 'Existing account' }).fill('bletch');
    await dialog.getByRole('option', { name: /Bletchley Park/ }).click();
    await dialog.getByLabel('Stage').selectOption({ label: 'Proposal' });
    await expectAccessible(page, 'the conversion dialog');
    await dialog.getByRole('button', { name: 'Convert' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('lead-status').getByText('Converted').waitFor();
    const converted = async (leadId: string) =>
      (
        await s.harness.t.ownerQuery<{ account_id: string; stage: string }>(
          `SELECT l.converted_account_id AS account_id, st.name AS stage
             FROM leads l
             JOIN deals d ON d.org_id = l.org_id AND d.id = l.converted_deal_id
             JOIN pipeline_stages st ON st.org_id = d.org_id AND st.id = d.stage_id
            WHERE l.id = $1`,
          [leadId],
        )
      )[0];
    expect(await converted(alan.id)).toEqual({ account_id: existing.id, stage: 'Proposal' });

    // A new account of an existing account's name: the dialog offers to join it instead.
    const joan = await apiCreate(s, '/api/v1/leads', {
      first_name: 'Joan',
      last_name: 'Clarke',
      company: 'bletchley park',
    });
    await page.goto(`/leads/${joan.id}`);
    // Pipelines slow to come: Convert waits for them rather than send a deal without its stage.
    await page.route('**/api/v1/pipelines*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.getByRole('button', { name: 'Convert' }).click();
    const again = page.getByRole('dialog', { name: 'Convert Joan Clarke' });
    await again.getByRole('button', { name: 'Convert' }).click();
    await again.getByText(/already exists: the lead will join it/).waitFor();
    await again.getByRole('button', { name: 'Convert' }).click();
    await again.waitFor({ state: 'hidden' });
    expect((await converted(joan.id))?.account_id).toBe(existing.id);
  });

  it('puts a deal on an account found by searching, and moves it to another on its page', async () => {
    await apiCreate(s, '/api/v1/accounts', { name: 'Umbrella Corp' });
    await apiCreate(s, '/api/v1/accounts', { name: 'Umbrella Health' });
    const accountOf = async (name: string) =>
      (
        await s.harness.t.ownerQuery<{ account: string }>(
          `SELECT a.name AS account FROM deals d JOIN accounts a ON a.org_id = d.org_id AND a.id = d.account_id
            WHERE d.name = $1`,
          [name],
        )
      )[0]?.account;

    await page.goto('/deals');
    await page.getByRole('heading', { name: 'Deals', level: 1 }).waitFor();
    await page.keyboard.press('c');
    const dialog = page.getByRole('dialog', { name: 'New deal' });
    await dialog.getByLabel('Deal name').fill('Umbrella rollout');
    await dialog.getByRole('combobox', { name: 'Account' }).fill('umbrella c');
    await dialog.getByRole('option', { name: /Umbrella Corp/ }).click();
    await dialog.getByRole('button', { name: 'Create deal' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await accountOf('Umbrella rollout')).toBe('Umbrella Corp');

    await page.getByRole('link', { name: 'Umbrella rollout' }).click();
    await page.getByRole('heading', { name: 'Umbrella rollout' }).waitFor();
    await page.getByRole('button', { name: 'Change account' }).click();
    await page.getByRole('combobox', { name: 'Account' }).fill('health');
    await page.getByRole('option', { name: /Umbrella Health/ }).click();
    await page.getByRole('link', { name: 'Umbrella Health' }).first().waitFor();
    await expect.poll(() => accountOf('Umbrella rollout'), POLL).toBe('Umbrella Health');
    await page.reload();
    await page.getByRole('link', { name: 'Umbrella Health' }).first().waitFor();
  });

  it("names a task's new record, not the one it was about before", async () => {
    const before = await apiCreate(s, '/api/v1/accounts', { name: 'Formerly Ltd' });
    await apiCreate(s, '/api/v1/accounts', { name: 'Presently Ltd' });
    await apiCreate(s, '/api/v1/tasks', { title: 'Move the renewal', account_id: before.id });
    // The name of the task's first account is read at once and reaches the page only after
    // the task was moved to another account.
    const formerName = (url: URL) => url.pathname === `/api/v1/accounts/${before.id}`;
    const answerName = await holdAnswers(page, formerName, { readNow: true });
    await page.goto('/tasks');
    await page.getByRole('button', { name: 'Edit Move the renewal' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit task' });
    const picker = dialog.getByRole('combobox', { name: 'Related account' });
    await picker.fill('presently');
    await dialog.getByRole('option', { name: /Presently Ltd/ }).click();
    await dialog.getByRole('button', { name: 'Save task' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.locator('li', { has: page.getByText('Move the renewal', { exact: true }) });
    await row.getByRole('link', { name: 'Account: Presently Ltd' }).waitFor();
    await answerName();
    await page.unrouteAll({ behavior: 'wait' });
    expect(await row.getByRole('link', { name: /^Account/ }).textContent()).toBe(
      'Account: Presently Ltd',
    );
  });

  it('does not call an untouched task form unsaved once it shows its record', async () => {
    await page.goto('/leads');
    await page.goto(`/leads/${leadId}`);
    await page.getByRole('button', { name: 'New task' }).click();
    const dialog = page.getByRole('dialog', { name: 'New task' });
    await expect
      .poll(() => dialog.getByRole('combobox', { name: 'Related lead' }).inputValue(), POLL)
      .toBe('Grace Hopper');
    let asked = false;
    page.once('dialog', (question) => {
      asked = true;
      void question.dismiss();
    });
    // Leaving a dirty form is asked (and here refused), so the page would stay.
    await page.goBack({ timeout: 10_000 }).catch(() => null);
    expect(asked).toBe(false);
    await page.waitForURL(/\/leads$/);
  });
});
