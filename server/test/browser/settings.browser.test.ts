import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumPath,
  expectAccessible,
  holdAnswers,
  newContext,
  screenshots,
  signUpInBrowser,
  startBrowserHarness,
  type Account,
  type BrowserHarness,
} from './browser.js';

describe.skipIf(!chromiumPath)('settings in a real browser', { timeout: 180_000 }, () => {
  let harness: BrowserHarness;
  let a: BrowserContext;
  let b: BrowserContext;
  let pageA: Page;
  let pageB: Page;
  let accountA: Account;
  let inviteLink = '';
  const invitee = `invitee-${Date.now()}@example.com`;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    a = await newContext(harness);
    pageA = await a.newPage();
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
  });

  const settingsNav = () => pageA.getByRole('navigation', { name: 'Settings' });

  /**
   * Reloads the settings page, whose list of `things` (a path of the API) was read before what
   * the admin then creates through the `c` shortcut, and reaches the page only after it.
   */
  async function createBeforeTheListAnswers(things: string, one: string, name: string) {
    const answerList = await holdAnswers(pageA, `**/api/v1/${things}`, { readNow: true });
    await pageA.reload();
    await pageA
      .getByRole('button', { name: new RegExp(`New ${one}`) })
      .first()
      .waitFor();
    await pageA.keyboard.press('c');
    const dialog = pageA.getByRole('dialog', { name: `New ${one}` });
    await dialog.getByLabel(`${one[0]!.toUpperCase()}${one.slice(1)} name`).fill(name);
    await dialog.getByRole('button', { name: `Create ${one}` }).click();
    await dialog.waitFor({ state: 'hidden' });
    await answerList();
    await pageA.unrouteAll({ behavior: 'wait' });
  }

  it('opens settings on the profile and saves the name', async () => {
    accountA = await signUpInBrowser(pageA, 'Alpha');
    await pageA.getByRole('link', { name: 'Settings' }).first().click();
    await pageA.waitForURL('**/settings/profile');
    await pageA.getByRole('heading', { name: 'Profile' }).waitFor();
    expect(await pageA.getByLabel('Name', { exact: true }).inputValue()).toBe(accountA.name);
    await pageA.getByLabel('Name', { exact: true }).fill('Alpha Admin');
    await pageA.getByRole('button', { name: 'Save name' }).click();
    await pageA.getByText('Name saved').waitFor();
    // A wrong current password is named at its field.
    await pageA.getByLabel('Current password').fill('not the password');
    await pageA.getByLabel('New password', { exact: true }).fill('another long password');
    await pageA.getByRole('button', { name: 'Change password' }).click();
    await pageA.getByText('Current password is not your current password').waitFor();
    expect(await pageA.getByLabel('Current password').getAttribute('aria-invalid')).toBe('true');
    await pageA.getByLabel('Current password').fill('');
    await pageA.getByLabel('New password', { exact: true }).fill('');
    await pageA.getByRole('checkbox', { name: /Daily digest/ }).waitFor();
    await expectAccessible(pageA, 'the profile settings');
    await screenshots(pageA, 'settings-profile');
  });

  it('renames the organization', async () => {
    await settingsNav().getByRole('link', { name: 'Organization' }).click();
    const field = pageA.getByLabel('Organization name');
    await expect.poll(() => field.inputValue()).toBe(accountA.org);
    await field.fill(`${accountA.org} Ltd`);
    await pageA.getByRole('button', { name: 'Save' }).click();
    await pageA.getByText('Organization renamed').waitFor();
    await pageA.getByRole('banner').getByText(`${accountA.org} Ltd`).waitFor();
    await expectAccessible(pageA, 'the organization settings');
  });

  it('loads sample data and removes it again, after asking', async () => {
    const section = pageA.getByRole('region', { name: 'Sample data' });
    await section.getByRole('button', { name: 'Load sample data' }).click();
    await section.getByRole('button', { name: 'Remove sample data' }).click();
    const dialog = pageA.getByRole('dialog', { name: 'Remove sample data?' });
    await dialog.waitFor();
    await expectAccessible(pageA, 'the confirmation to remove sample data');
    await dialog.getByRole('button', { name: 'Remove sample data' }).click();
    await pageA.getByText('Sample data removed').waitFor();
    await section.getByRole('button', { name: 'Load sample data' }).waitFor();
    const [left] = await harness.t.ownerQuery<{ n: number }>(
      'SELECT count(*)::int AS n FROM leads',
    );
    expect(left?.n).toBe(0);
  });

  it('invites a member and shows the link to copy, also in the outbox', async () => {
    await settingsNav().getByRole('link', { name: 'Members' }).click();
    await pageA.getByRole('heading', { name: 'No pending invitations' }).waitFor();
    await pageA.keyboard.press('c');
    const dialog = pageA.getByRole('dialog', { name: 'Invite member' });
    await dialog.waitFor();
    // The API's validation shows at the field.
    await dialog.getByLabel('Email').fill('not-an-email');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await expect.poll(() => dialog.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('Email').fill(invitee);
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    const link = dialog.getByLabel('Invitation link');
    await link.waitFor();
    inviteLink = await link.inputValue();
    expect(inviteLink).toContain('/accept-invite?token=');
    await expectAccessible(pageA, 'the invitation link');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await pageA
      .getByRole('list', { name: 'Pending invitations' })
      .getByText(invitee, { exact: true })
      .waitFor();
    await expectAccessible(pageA, 'the members settings');

    // The test server has no SMTP server: the email waits in the outbox, link and all.
    await settingsNav().getByRole('link', { name: 'Email outbox' }).click();
    const email = pageA.getByRole('list', { name: 'Emails' }).getByRole('listitem').filter({
      hasText: invitee,
    });
    await email.first().waitFor();
    expect(await email.first().locator('pre').textContent()).toContain(
      new URL(inviteLink).searchParams.get('token') ?? 'no token',
    );
    await expectAccessible(pageA, 'the email outbox');
    await screenshots(pageA, 'settings-outbox');
  });

  it('tells a message waiting for another attempt from one that failed for good', async () => {
    const [org] = await harness.t.ownerQuery<{ org_id: string }>(
      'SELECT org_id FROM email_outbox WHERE to_address = $1',
      [invitee],
    );
    const nextAttempt = new Date(Date.now() + 3_600_000);
    await harness.t.ownerQuery(
      `INSERT INTO email_outbox (org_id, to_address, subject, text_body, kind, status, attempts,
                                 next_attempt_at, last_error)
       VALUES ($1, 'later@example.com', 'Waiting', 'Hello', 'notification', 'retrying', 3, $2,
               '451 Try again later'),
              ($1, 'never@example.com', 'Given up', 'Hello', 'notification', 'failed', 1, NULL,
               '550 No such mailbox here')`,
      [org!.org_id, nextAttempt],
    );
    await pageA.reload();
    const emails = pageA.getByRole('list', { name: 'Emails' });
    const waiting = emails.getByRole('article', { name: 'Waiting' });
    await waiting.getByText(/^Not sent yet, will retry at .+ \(attempt 4\)$/).waitFor();
    await waiting.getByText('Mail server’s answer: 451 Try again later').waitFor();
    const givenUp = emails.getByRole('article', { name: 'Given up' });
    await givenUp.getByText('Failed: not sent').waitFor();
    await givenUp.getByText('Mail server’s answer: 550 No such mailbox here').waitFor();
    await expectAccessible(pageA, 'the outbox with a retrying and a failed email');
  });

  it('accepts the invitation in another browser and shows the member view of settings', async () => {
    b = await newContext(harness);
    pageB = await b.newPage();
    const url = new URL(inviteLink);
    await pageB.goto(`${url.pathname}${url.search}`);
    await pageB.getByRole('heading', { name: /^Join / }).waitFor();
    await pageB.getByLabel('Your name').fill('Bea Member');
    await pageB.getByLabel('Password').fill('a long enough password');
    await pageB.getByRole('button', { name: 'Create account and join' }).click();
    await pageB.getByRole('navigation', { name: 'Main' }).first().waitFor();

    // A member sees no admin sections and no admin controls.
    await pageB.goto('/settings/members');
    await pageB.getByRole('list', { name: 'Members' }).getByText('Alpha Admin').waitFor();
    const nav = pageB.getByRole('navigation', { name: 'Settings' });
    await nav.getByRole('link', { name: 'Tags' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    expect(await pageB.getByRole('button', { name: /Invite member/ }).count()).toBe(0);
    await pageB.goto('/settings/audit-log');
    await pageB.getByRole('heading', { name: 'Only admins see the audit log' }).waitFor();
  });

  it('shows the new member to the admin, changes their role and refuses to demote the last owner', async () => {
    await settingsNav().getByRole('link', { name: 'Members' }).click();
    const members = pageA.getByRole('list', { name: 'Members' });
    await members.locator('p', { hasText: 'Bea Member' }).waitFor();
    await pageA.getByRole('heading', { name: 'No pending invitations' }).waitFor();

    await pageA.getByLabel('Role of Bea Member').selectOption('admin');
    await pageA.getByText('Bea Member is now an admin').waitFor();
    await pageA.reload();
    await expect.poll(() => pageA.getByLabel('Role of Bea Member').inputValue()).toBe('admin');

    // Alpha is the only owner: demoting them is refused, said plainly, and rolled back.
    await pageA.getByLabel('Role of Alpha Admin').selectOption('member');
    await pageA
      .getByRole('alert')
      .getByText('Alpha Admin is the last owner of the organization')
      .waitFor();
    await expect.poll(() => pageA.getByLabel('Role of Alpha Admin').inputValue()).toBe('owner');
    await expectAccessible(pageA, 'the members list');
    await screenshots(pageA, 'settings-members');
  });

  it('creates a team with the new member', async () => {
    await settingsNav().getByRole('link', { name: 'Teams' }).click();
    await pageA.getByRole('heading', { name: 'No teams yet' }).waitFor();
    await pageA.keyboard.press('c');
    const dialog = pageA.getByRole('dialog', { name: 'New team' });
    await dialog.getByLabel('Team name').fill('Northern region');
    await dialog.getByRole('button', { name: 'Create team' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await pageA.getByLabel('Add a member to Northern region').selectOption({ label: 'Bea Member' });
    await pageA.getByRole('button', { name: 'Add to Northern region' }).click();
    await pageA
      .getByRole('list', { name: 'Members of Northern region' })
      .getByText('Bea Member')
      .first()
      .waitFor();
    await expectAccessible(pageA, 'the teams settings');
    await screenshots(pageA, 'settings-teams');
  });

  it('keeps a team created before the teams answered', async () => {
    await createBeforeTheListAnswers('teams', 'team', 'Southern region');
    await pageA.getByRole('heading', { name: 'Northern region' }).waitFor();
    expect(await pageA.getByRole('heading', { name: 'Southern region' }).count()).toBe(1);
  });

  it('creates, renames and recolours a tag', async () => {
    await settingsNav().getByRole('link', { name: 'Tags' }).click();
    await pageA.getByRole('heading', { name: 'No tags yet' }).waitFor();
    await pageA.keyboard.press('c');
    await pageA.keyboard.type('Enterprize');
    await pageA.getByLabel('Colour', { exact: true }).fill('#10b981');
    await pageA.getByRole('button', { name: /Add tag/ }).click();
    const tags = pageA.getByRole('list', { name: 'Tags' });
    await tags.getByText('Enterprize').first().waitFor();
    await pageA.getByRole('button', { name: 'Rename Enterprize' }).click();
    await pageA.getByLabel('Name of Enterprize').fill('Enterprise');
    await pageA.keyboard.press('Enter');
    await tags.getByText('Enterprise', { exact: true }).first().waitFor();
    expect(await pageA.getByLabel('Colour of Enterprise').inputValue()).toBe('#10b981');
    await pageA.reload();
    await pageA
      .getByRole('list', { name: 'Tags' })
      .getByText('Enterprise', { exact: true })
      .first()
      .waitFor();
    await expectAccessible(pageA, 'the tags settings');
    await screenshots(pageA, 'settings-tags');
  });

  it('keeps every tag, here and in the lists, when one is added before the tags answered', async () => {
    const mainNav = pageA.getByRole('navigation', { name: 'Main' }).first();
    const tagFilter = pageA.getByRole('combobox', { name: 'Tag' });
    const offered = async () => (await tagFilter.locator('option').allTextContents()).sort();
    await pageA.goto('/leads');
    await expect.poll(offered).toEqual(['Any tag', 'Enterprise']);

    // The list of tags was read before the new one was added, and reaches the page after it.
    const answerTags = await holdAnswers(pageA, '**/api/v1/tags', { readNow: true });
    await mainNav.getByRole('link', { name: 'Settings' }).click();
    await settingsNav().getByRole('link', { name: 'Tags' }).click();
    await pageA.getByLabel('New tag').fill('Partner');
    await pageA.getByRole('button', { name: /Add tag/ }).click();
    await pageA.getByText('Tag “Partner” created').waitFor();
    await answerTags();
    const tags = pageA.getByRole('list', { name: 'Tags' });
    await tags.locator('[data-tag="Enterprise"]').waitFor();
    await pageA.unrouteAll({ behavior: 'wait' });
    expect(await tags.locator('[data-tag="Partner"]').count()).toBe(1);

    await mainNav.getByRole('link', { name: 'Leads' }).click();
    await expect.poll(offered).toEqual(['Any tag', 'Enterprise', 'Partner']);
    await mainNav.getByRole('link', { name: 'Settings' }).click();
    await settingsNav().waitFor();
  });

  it('adds a pipeline stage, moves it with the keyboard and sets its kind', async () => {
    await settingsNav().getByRole('link', { name: 'Pipelines' }).click();
    const stages = pageA.getByRole('list', { name: 'Stages' });
    await stages.getByRole('listitem').first().waitFor();
    const before = await stages.getByRole('listitem').count();

    await pageA.getByLabel('New stage').fill('Discovery');
    await pageA.getByLabel('Probability %').fill('15');
    await pageA.getByRole('button', { name: 'Add stage' }).click();
    await expect.poll(() => stages.getByRole('listitem').count()).toBe(before + 1);
    const last = stages.getByRole('listitem').last();
    await expect.poll(() => last.getAttribute('data-stage')).toBe('Discovery');

    // Up twice from the keyboard: focus stays on the moved stage's button.
    await pageA.getByRole('button', { name: 'Move Discovery up' }).focus();
    await pageA.keyboard.press('Enter');
    await expect
      .poll(() =>
        stages
          .getByRole('listitem')
          .nth(before - 1)
          .getAttribute('data-stage'),
      )
      .toBe('Discovery');
    await pageA.keyboard.press('Enter');
    await expect
      .poll(() =>
        stages
          .getByRole('listitem')
          .nth(before - 2)
          .getAttribute('data-stage'),
      )
      .toBe('Discovery');

    // Still in that place after a reload: the server kept the order.
    await pageA.reload();
    await expect
      .poll(() =>
        pageA
          .getByRole('list', { name: 'Stages' })
          .getByRole('listitem')
          .nth(before - 2)
          .getAttribute('data-stage'),
      )
      .toBe('Discovery');

    // The kind is kept too.
    await pageA.getByLabel('Kind of Discovery').selectOption('lost');
    await pageA.getByText('Stage “Discovery” is now lost').waitFor();
    await pageA.reload();
    await expect.poll(() => pageA.getByLabel('Kind of Discovery').inputValue()).toBe('lost');
    await pageA.getByLabel('Kind of Discovery').selectOption('open');
    await pageA.getByText('Stage “Discovery” is now open').waitFor();

    // A stage that holds a deal is not deleted: the API's reason shows.
    const login = await harness.t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: accountA.email, password: accountA.password },
    });
    const created = await harness.t.app.inject({
      method: 'POST',
      url: '/api/v1/deals',
      headers: {
        authorization: `Bearer ${login.json<{ access_token: string }>().access_token}`,
      },
      payload: { name: 'Engine order' },
    });
    expect(created.statusCode).toBe(201);
    await pageA.getByRole('button', { name: 'Delete stage Prospecting' }).click();
    await pageA
      .getByRole('alert')
      .getByText('This stage holds 1 deal; move them to another stage first')
      .waitFor();
    expect(await stages.locator('[data-stage="Prospecting"]').count()).toBe(1);
    await expectAccessible(pageA, 'the pipelines settings');
    await screenshots(pageA, 'settings-pipelines');
  });

  it('keeps a pipeline created before the pipelines answered, and shows it', async () => {
    await pageA.getByRole('list', { name: 'Pipelines' }).waitFor();
    await createBeforeTheListAnswers('pipelines', 'pipeline', 'Renewals');
    const renewals = pageA.getByRole('list', { name: 'Pipelines' }).getByRole('button', {
      name: /Renewals/,
    });
    expect(await renewals.getAttribute('aria-pressed')).toBe('true');
    expect(await pageA.getByRole('heading', { name: 'Stages of Renewals' }).count()).toBe(1);
  });

  it('shows the invitation in the audit log, with filters', async () => {
    await settingsNav().getByRole('link', { name: 'Audit log' }).click();
    const entries = pageA.getByRole('list', { name: 'Audit entries' });
    await entries.getByRole('listitem').first().waitFor();
    await pageA.getByLabel('Action').selectOption('invitation.created');
    await expect
      .poll(async () => {
        const actions = await entries
          .getByRole('listitem')
          .evaluateAll((items) => items.map((item) => item.getAttribute('data-action')));
        return actions.length > 0 && actions.every((action) => action === 'invitation.created');
      })
      .toBe(true);
    await entries.getByText(invitee).first().waitFor();

    // Events read as words, not as their codes.
    await entries.getByText('Invitation created').first().waitFor();
    await pageA.getByLabel('Action').selectOption('');
    await entries.getByText('Signed in').first().waitFor();
    expect(await entries.getByText('auth.login').count()).toBe(0);
    await pageA.getByLabel('Record type').selectOption('invitations');
    await entries.locator('[data-action="insert"]').first().waitFor();
    await entries.getByText(invitee).first().waitFor();
    await expectAccessible(pageA, 'the audit log');
    await screenshots(pageA, 'settings-audit-log');
  });

  it('fits a phone screen', async () => {
    await pageA.setViewportSize({ width: 390, height: 844 });
    await settingsNav().getByRole('link', { name: 'Members' }).click();
    await pageA
      .getByRole('list', { name: 'Members' })
      .locator('p', { hasText: 'Bea Member' })
      .waitFor();
    await expectAccessible(pageA, 'the members settings on a phone');
    // While a list loads, its placeholder must be announced in a way screen readers accept.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await pageA.route('**/api/v1/invitations', async (route) => {
      await held;
      await route.continue();
    });
    await pageA.reload();
    await pageA.getByRole('status', { name: 'Loading' }).first().waitFor();
    await expectAccessible(pageA, 'the members settings while loading');
    const answered = pageA.waitForResponse('**/api/v1/invitations');
    release();
    await answered;
    await pageA.unroute('**/api/v1/invitations');
    await screenshots(pageA, 'settings-members-phone');
    await pageA.setViewportSize({ width: 1280, height: 800 });
  });
});
