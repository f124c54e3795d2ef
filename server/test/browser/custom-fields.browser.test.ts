import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCreate,
  chromiumPath,
  expectAccessible,
  holdAnswers,
  signInInNewContext,
  startSignedIn,
  type SignedIn,
} from './browser.js';

describe.skipIf(!chromiumPath)('custom fields in a real browser', { timeout: 180_000 }, () => {
  let s: SignedIn;

  beforeAll(async () => {
    s = await startSignedIn('Fields');
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  it('an admin defines a select field, fills it on a record and filters the list by it', async () => {
    const { page } = s;
    const north = await apiCreate<{ id: string }>(s, '/api/v1/accounts', { name: 'Northwind' });
    await apiCreate(s, '/api/v1/accounts', { name: 'Southwind' });

    // Defining the field: a row of settings, with its options.
    await page.goto('/settings/custom-fields');
    await page.getByLabel('Kind of record').selectOption({ label: 'Account' });
    await page.getByLabel('New field').fill('Region');
    await page.getByLabel('Type').selectOption({ label: 'Single select' });
    await page.getByLabel('Options, one per line').fill('EMEA\nAPAC');
    await page.getByRole('button', { name: 'Add field' }).click();
    await page.getByText('Field “Region” added').waitFor();
    const options = page.getByRole('list', { name: 'Options of Region' });
    await options.getByText('EMEA').waitFor();
    await expectAccessible(page, 'the custom field settings');

    // Filling it on a record, in place like any other field.
    await page.goto(`/accounts/${north.id}`);
    await page.getByRole('heading', { name: 'Northwind', level: 1 }).waitFor();
    await page.getByRole('button', { name: /Edit Region/ }).click();
    await page.getByLabel('Region').selectOption({ label: 'EMEA' });
    await page.keyboard.press('Enter');
    await page.getByRole('definition').filter({ hasText: 'EMEA' }).waitFor();
    await expect
      .poll(async () => {
        const read = await s.harness.t.app.inject({
          url: `/api/v1/accounts/${north.id}`,
          headers: s.auth,
        });
        return read.json<{ custom_fields: Record<string, unknown> }>().custom_fields.region;
      })
      .toEqual(expect.any(String));

    // Filtering the list by it: only the account with the option, kept in the address.
    await page.goto('/accounts');
    await page.getByRole('link', { name: 'Southwind' }).waitFor();
    await page
      .getByRole('combobox', { name: 'Custom field' })
      .selectOption({ label: 'Region: EMEA' });
    await page.waitForURL(/cf=region/);
    await page.getByRole('link', { name: 'Southwind' }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Northwind' }).waitFor();
    await expectAccessible(page, 'the account list filtered by a custom field');
  });

  it('keeps a field added before the fields of its kind answered', async () => {
    const { page } = s;
    await page.goto('/settings/custom-fields');
    await page.getByLabel('New field').waitFor();
    // The deal fields are read before the new one is added, and reach the page after it.
    const answerFields = await holdAnswers(page, '**/api/v1/custom-fields?**', { readNow: true });
    await page.getByLabel('Kind of record').selectOption({ label: 'Deal' });
    await page.getByLabel('New field').fill('Renewal date');
    await page.getByRole('button', { name: 'Add field' }).click();
    await page.getByText('Field “Renewal date” added').waitFor();
    await answerFields();
    await page.unrouteAll({ behavior: 'wait' });
    const fields = page.getByRole('list', { name: 'Custom fields' });
    expect(await fields.locator('[data-field="renewal_date"]').count()).toBe(1);
  });

  it('adds a field saved while another kind was chosen only to its own kind', async () => {
    const { page } = s;
    await apiCreate(s, '/api/v1/custom-fields', {
      record_type: 'account',
      key: 'segment',
      label: 'Segment',
      field_type: 'text',
    });
    await page.goto('/settings/custom-fields');
    await page.getByLabel('New field').waitFor();
    await page.getByLabel('Kind of record').selectOption({ label: 'Contact' });
    await page.getByText('No custom fields yet').waitFor();
    const fields = page.getByRole('list', { name: 'Custom fields' });
    // The new contact field is saved at once, and its answer reaches the page only after the
    // account fields are shown.
    let answerSaved = () => {};
    const saved = new Promise<void>((resolve) => (answerSaved = resolve));
    await page.route('**/api/v1/custom-fields', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const response = await route.fetch();
      await saved;
      await route.fulfill({ response });
    });
    await page.getByLabel('New field').fill('Birthday');
    await page.getByRole('button', { name: 'Add field' }).click();
    await page.getByLabel('Kind of record').selectOption({ label: 'Account' });
    await fields.locator('[data-field="segment"]').waitFor();
    answerSaved();
    await page.getByText('Field “Birthday” added').waitFor();
    await page.unrouteAll({ behavior: 'wait' });
    expect(await fields.locator('[data-field="birthday"]').count()).toBe(0);

    await page.getByLabel('Kind of record').selectOption({ label: 'Contact' });
    await fields.locator('[data-field="birthday"]').waitFor();
  });

  it("edits a multi-select on the record's page, several options at once", async () => {
    const { page } = s;
    const channels = await apiCreate<{ options: Array<{ id: string }> }>(
      s,
      '/api/v1/custom-fields',
      {
        record_type: 'account',
        key: 'channels',
        label: 'Channels',
        field_type: 'multi_select',
        options: [{ label: 'Email' }, { label: 'Phone' }, { label: 'Post' }],
      },
    );
    const account = await apiCreate(s, '/api/v1/accounts', { name: 'Multichannel' });
    await page.goto(`/accounts/${account.id}`);
    await page.getByRole('button', { name: 'Edit Channels' }).click();
    const choices = page.getByRole('group', { name: 'Channels' });
    await choices.getByLabel('Post').check();
    await choices.getByLabel('Email').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Email, Post').waitFor();
    const [email, , post] = channels.options;
    // The page shows the change before the server answers: wait for the record to hold it.
    await expect
      .poll(async () => {
        const read = await s.harness.t.app.inject({
          url: `/api/v1/accounts/${account.id}`,
          headers: s.auth,
        });
        return read.json().custom_fields.channels;
      })
      .toEqual([email!.id, post!.id]);
  });

  it("edits date and date-time fields on the record's page with date pickers, keeping what was picked", async () => {
    for (const [key, label, type] of [
      ['renewal', 'Renewal', 'date'],
      ['kickoff', 'Kickoff', 'datetime'],
    ])
      await apiCreate(s, '/api/v1/custom-fields', {
        record_type: 'account',
        key,
        label,
        field_type: type,
      });
    const account = await apiCreate(s, '/api/v1/accounts', { name: 'Dated' });
    const read = async () =>
      (
        await s.harness.t.app.inject({ url: `/api/v1/accounts/${account.id}`, headers: s.auth })
      ).json<{ custom_fields: Record<string, unknown> }>().custom_fields;
    // Somewhere the wall clock is not UTC: the time picked is the time kept.
    const { context, page } = await signInInNewContext(s.harness, s.account, {
      timezoneId: 'America/New_York',
      locale: 'en-US',
    });
    await page.goto(`/accounts/${account.id}`);

    await page.getByRole('button', { name: 'Edit Renewal' }).click();
    const day = page.getByLabel('Renewal', { exact: true });
    expect(await day.getAttribute('type')).toBe('date');
    await day.fill('2026-03-14');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await read()).renewal).toBe('2026-03-14');

    await page.getByRole('button', { name: 'Edit Kickoff' }).click();
    const moment = page.getByLabel('Kickoff', { exact: true });
    expect(await moment.getAttribute('type')).toBe('datetime-local');
    await moment.fill('2026-03-14T09:30');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await read()).kickoff).toBe('2026-03-14T13:30:00.000Z');
    await page.getByText('Mar 14, 2026, 9:30 AM').waitFor();

    // Opened again, each shows what was picked.
    await page.reload();
    await page.getByRole('button', { name: 'Edit Kickoff' }).click();
    expect(await page.getByLabel('Kickoff', { exact: true }).inputValue()).toBe('2026-03-14T09:30');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Edit Renewal' }).click();
    expect(await page.getByLabel('Renewal', { exact: true }).inputValue()).toBe('2026-03-14');
    await context.close();
  });

  it("fills the required custom fields of a lead's conversion's new contact", async () => {
    const { page } = s;
    await apiCreate(s, '/api/v1/custom-fields', {
      record_type: 'contact',
      key: 'consent',
      label: 'Consent reference',
      field_type: 'text',
      required: true,
    });
    const lead = await apiCreate(s, '/api/v1/leads', {
      first_name: 'Conv',
      last_name: 'Ertible',
      company: 'Convertible Ltd',
    });
    await page.goto(`/leads/${lead.id}`);
    await page.getByRole('button', { name: 'Convert', exact: true }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Convert Conv Ertible' });
    await dialog.getByRole('checkbox', { name: 'Create a deal' }).uncheck();
    await dialog.getByLabel('Consent reference').fill('C-42');
    await dialog.getByRole('button', { name: 'Convert' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const read = await s.harness.t.app.inject({ url: `/api/v1/leads/${lead.id}`, headers: s.auth });
    const contact = await s.harness.t.app.inject({
      url: `/api/v1/contacts/${read.json().converted_contact_id}`,
      headers: s.auth,
    });
    expect(contact.json().custom_fields).toMatchObject({ consent: 'C-42' });
  });

  it('fills custom fields, required ones included, in the dialog that creates a record', async () => {
    const { page } = s;
    await apiCreate(s, '/api/v1/custom-fields', {
      record_type: 'lead',
      key: 'source_code',
      label: 'Source code',
      field_type: 'text',
      required: true,
    });
    const tier = await apiCreate<{ options: Array<{ id: string }> }>(s, '/api/v1/custom-fields', {
      record_type: 'lead',
      key: 'tier',
      label: 'Tier',
      field_type: 'select',
      options: [{ label: 'Gold' }, { label: 'Silver' }],
    });
    await page.goto('/leads');
    await page.getByRole('button', { name: 'New lead' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New lead' });
    await dialog.getByLabel('Last name').fill('Fielded');
    await dialog.getByRole('button', { name: 'Create lead' }).click();
    // The required field is refused at its input, by its label.
    await expect
      .poll(() => dialog.getByLabel('Source code').getAttribute('aria-invalid'))
      .toBe('true');
    await dialog.getByLabel('Source code').fill('WEB-7');
    await dialog.getByLabel('Tier').selectOption({ label: 'Silver' });
    await dialog.getByRole('button', { name: 'Create lead' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const found = await s.harness.t.app.inject({
      url: '/api/v1/leads?q=Fielded',
      headers: s.auth,
    });
    expect(found.json().data.map((lead: { custom_fields: object }) => lead.custom_fields)).toEqual([
      { source_code: 'WEB-7', tier: tier.options[1]!.id },
    ]);
  });
});
