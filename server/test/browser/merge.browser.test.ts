import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCreate,
  chromiumPath,
  expectAccessible,
  holdAnswers,
  screenshots,
  startSignedIn,
  type SignedIn,
  notesOf,
} from './browser.js';

describe.skipIf(!chromiumPath)('merging duplicates in a real browser', { timeout: 120_000 }, () => {
  let s: SignedIn;

  beforeAll(async () => {
    s = await startSignedIn('Merge');
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  it('shows two contacts of one name as a group, merges them, and finds both notes and deals on the survivor', async () => {
    // Contacts are unique by email within an organization: these two share a name.
    const first = await apiCreate(s, '/api/v1/contacts', {
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'ada@engines.example',
    });
    const second = await apiCreate(s, '/api/v1/contacts', {
      first_name: 'ada',
      last_name: 'LOVELACE',
      email: 'countess@engines.example',
      job_title: 'Countess',
    });
    for (const [contact, label] of [
      [first, 'first'],
      [second, 'second'],
    ] as const) {
      await apiCreate(s, '/api/v1/notes', { body: `Note on the ${label}`, contact_id: contact.id });
      await apiCreate(s, '/api/v1/deals', {
        name: `Deal of the ${label}`,
        primary_contact_id: contact.id,
      });
    }

    const { page, harness } = s;
    await page.goto(`${harness.baseUrl}/contacts`);
    await page.getByRole('link', { name: 'Duplicates' }).click();
    const group = page.getByRole('listitem', { name: 'Same name: ada lovelace' });
    await group.waitFor();
    await expect.poll(() => group.getByRole('link').count()).toBe(2);
    await expectAccessible(page, 'the duplicates page');
    await screenshots(page, 'duplicates');

    await group.getByRole('button', { name: 'Merge' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge 2 contacts' });
    await dialog.getByRole('group', { name: 'Job title' }).waitFor();
    // Keep the first contact, with the second one's job title and email.
    await dialog
      .getByRole('group', { name: 'Keep this contact' })
      .getByRole('radio')
      .first()
      .check();
    await dialog.getByRole('group', { name: 'Job title' }).getByLabel('Countess').check();
    await dialog
      .getByRole('group', { name: 'Email' })
      .getByLabel('countess@engines.example')
      .check();
    await expectAccessible(page, 'the merge dialog');
    await dialog.getByRole('button', { name: 'Merge into one' }).click();

    await expect.poll(() => new URL(page.url()).pathname).toBe(`/contacts/${first.id}`);
    await notesOf(page).getByText('Note on the first').waitFor();
    await notesOf(page).getByText('Note on the second').waitFor();
    await page.getByRole('link', { name: 'Deal of the first' }).waitFor();
    await page.getByRole('link', { name: 'Deal of the second' }).waitFor();
    await page.getByText('Countess').first().waitFor();
    await page.getByText('countess@engines.example').first().waitFor();

    // The merged contact's old address leads to the survivor.
    await page.goto(`${harness.baseUrl}/contacts/${second.id}`);
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/contacts/${first.id}`);
    await notesOf(page).getByText('Note on the second').waitFor();
  });

  it('offers each custom field whose values differ, by its label, and keeps the one chosen', async () => {
    const region = await apiCreate<{ options: Array<{ id: string }> }>(s, '/api/v1/custom-fields', {
      record_type: 'contact',
      key: 'region',
      label: 'Region',
      field_type: 'select',
      options: [{ label: 'EMEA' }, { label: 'APAC' }],
    });
    const [emea, apac] = region.options;
    const kept = await apiCreate(s, '/api/v1/contacts', {
      first_name: 'Mary',
      last_name: 'Somerville',
      email: 'mary@somerville.example',
      custom_fields: { region: emea!.id },
    });
    await apiCreate(s, '/api/v1/contacts', {
      first_name: 'mary',
      last_name: 'SOMERVILLE',
      email: 'polymath@somerville.example',
      custom_fields: { region: apac!.id },
    });
    const { page, harness } = s;
    await page.goto(`${harness.baseUrl}/contacts/duplicates`);
    const group = page.getByRole('listitem', { name: 'Same name: mary somerville' });
    await group.getByRole('button', { name: 'Merge' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge 2 contacts' });
    await dialog
      .getByRole('group', { name: 'Keep this contact' })
      .getByRole('radio')
      .first()
      .check();
    await dialog.getByRole('group', { name: 'Region' }).getByLabel('APAC').check();
    await dialog.getByRole('button', { name: 'Merge into one' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/contacts/${kept.id}`);
    const read = await harness.t.app.inject({
      url: `/api/v1/contacts/${kept.id}`,
      headers: s.auth,
    });
    expect(read.json().custom_fields).toEqual({ region: apac!.id });
  });

  it('merges nothing when a contact changed after the dialog showed it, and shows it as it is now', async () => {
    const kept = await apiCreate(s, '/api/v1/contacts', {
      first_name: 'Emmy',
      last_name: 'Noether',
      email: 'emmy@erlangen.example',
      job_title: 'Lecturer',
    });
    const other = await apiCreate(s, '/api/v1/contacts', {
      first_name: 'emmy',
      last_name: 'NOETHER',
      email: 'noether@erlangen.example',
      job_title: 'Assistant',
    });
    const { page, harness } = s;
    await page.goto(`${harness.baseUrl}/contacts/duplicates`);
    const group = page.getByRole('listitem', { name: 'Same name: emmy noether' });
    await group.getByRole('button', { name: 'Merge' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge 2 contacts' });
    const titles = dialog.getByRole('group', { name: 'Job title' });
    await titles.getByLabel('Assistant').waitFor();
    // A colleague changes the other contact while the dialog is on screen.
    const edited = await harness.t.app.inject({
      method: 'PATCH',
      url: `/api/v1/contacts/${other.id}`,
      headers: s.auth,
      payload: { job_title: 'Professor' },
    });
    expect(edited.statusCode, edited.body).toBe(200);

    await dialog
      .getByRole('group', { name: 'Keep this contact' })
      .getByRole('radio')
      .first()
      .check();
    await dialog.getByRole('button', { name: 'Merge into one' }).click();
    await dialog
      .getByRole('alert')
      .getByText(/changed by someone else/)
      .waitFor();
    for (const contact of [kept, other]) {
      const read = await harness.t.app.inject({
        url: `/api/v1/contacts/${contact.id}`,
        headers: s.auth,
      });
      expect(read.statusCode).toBe(200);
    }

    // The dialog now shows the contacts as they are: choosing again goes through.
    await titles.getByLabel('Professor').check();
    await dialog.getByRole('button', { name: 'Merge into one' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/contacts/${kept.id}`);
    await page.getByText('Professor').first().waitFor();
  });

  it('merges the group whose dialog is open, even when another group answers after it', async () => {
    const create = (first_name: string, last_name: string, email: string) =>
      apiCreate(s, '/api/v1/contacts', { first_name, last_name, email });
    const graces = [
      await create('Grace', 'Hopper', 'grace@navy.example'),
      await create('grace', 'HOPPER', 'amazing@navy.example'),
    ];
    const alans = [
      await create('Alan', 'Turing', 'alan@bletchley.example'),
      await create('alan', 'TURING', 'prof@bletchley.example'),
    ];
    const { page, harness } = s;
    // Grace's group is opened first and answers only after Alan's was opened instead.
    const heldIds = new Set(graces.map((contact) => contact.id));
    const held = (url: URL) => heldIds.has(url.pathname.split('/').at(-1) ?? '');
    const answerGraces = await holdAnswers(page, held);
    await page.goto(`${harness.baseUrl}/contacts/duplicates`);
    const group = (key: string) => page.getByRole('listitem', { name: `Same name: ${key}` });
    await group('grace hopper').getByRole('button', { name: 'Merge' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge 2 contacts' });
    await dialog.getByText('Reading the contacts…').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await group('alan turing').getByRole('button', { name: 'Merge' }).click();
    const emails = dialog.getByRole('group', { name: 'Email' });
    await emails.getByLabel('prof@bletchley.example').waitFor();
    await answerGraces();

    await emails.getByLabel('prof@bletchley.example').check();
    await dialog.getByRole('button', { name: 'Merge into one' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/contacts/${alans[0]!.id}`);
    await page.getByText('prof@bletchley.example').first().waitFor();
    await page.unrouteAll({ behavior: 'wait' });
    for (const grace of graces) {
      const read = await harness.t.app.inject({
        url: `/api/v1/contacts/${grace.id}`,
        headers: s.auth,
      });
      expect(read.statusCode).toBe(200);
    }
  });
});
