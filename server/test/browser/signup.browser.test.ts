import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../src/mail/mailer.js';
import { linkIn, startSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { startTestWorker } from '../support/worker.js';
import {
  apiAuth,
  chromiumPath,
  expectAccessible,
  newContext,
  startBrowserHarness,
  type BrowserHarness,
} from './browser.js';

const PASSWORD = 'a long enough password';

async function fillSignUp(harness: BrowserHarness, email: string) {
  const page = await (await newContext(harness)).newPage();
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill('Verified Person');
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel('Organization name').fill('Verified Org');
  await page.getByRole('button', { name: 'Create account' }).click();
  return page;
}

describe.skipIf(!chromiumPath)('sign-up with email verification', { timeout: 120_000 }, () => {
  let harness: BrowserHarness;
  let smtp: TestSmtpServer;
  let worker: Runner;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    harness = await startBrowserHarness({
      mailer: createMailer({ smtpUrl: smtp.url, mailFrom: 'Rampart <no-reply@rampart.test>' }),
      env: { SIGNUP_EMAIL_VERIFICATION: 'auto' },
    });
    worker = await startTestWorker(harness.t);
  }, 90_000);
  afterAll(async () => {
    await worker?.stop();
    await harness?.close();
    await smtp?.close();
  });

  it('asks to check the inbox, then creates the account from the emailed link', async () => {
    const email = `verified-${Date.now()}@example.com`;
    const page = await fillSignUp(harness, email);
    const answer = page.getByRole('status');
    await answer.getByText('We have emailed this address').waitFor();
    expect(await answer.textContent()).toContain(`Check your inbox for ${email}`);
    await expectAccessible(page, 'the sign-up waiting for its email');

    const mail = await smtp.nextMessageTo(email);
    const link = linkIn(mail.text, '/verify-email');
    // The emailed link names the public address; the same path on this test server.
    await page.goto(`${link.pathname}${link.search}`);
    await page.getByRole('heading', { name: 'Finish creating your account' }).waitFor();
    await expectAccessible(page, 'the verification landing page');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.getByRole('navigation', { name: 'Main' }).first().waitFor();

    // The link works once.
    await page.goto(`${link.pathname}${link.search}`);
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.getByText('This link is invalid, already used or expired').waitFor();
  });
});

describe.skipIf(!chromiumPath)(
  'sign-up on a fresh instance without email',
  { timeout: 120_000 },
  () => {
    let harness: BrowserHarness;
    const firstEmail = `first-${Date.now()}@example.com`;

    beforeAll(async () => {
      harness = await startBrowserHarness({ env: { SIGNUP_EMAIL_VERIFICATION: 'auto' } });
    }, 90_000);
    afterAll(async () => {
      await harness?.close();
    });

    it('lets the first person in at once, and tells the next one no email can be sent', async () => {
      const first = await fillSignUp(harness, firstEmail);
      await first.getByRole('navigation', { name: 'Main' }).first().waitFor();

      const next = await fillSignUp(harness, `next-${Date.now()}@example.com`);
      const answer = next.getByRole('status');
      await answer.getByText('no email configured').waitFor();
      expect(await answer.textContent()).toContain('Ask the person who runs this instance');
      expect(await next.getByText(/check your inbox/i).count()).toBe(0);
    });

    it('offers both ways into an invitation, and the server decides', async () => {
      const auth = await apiAuth(harness, {
        name: 'Verified Person',
        org: 'Verified Org',
        email: firstEmail,
        password: PASSWORD,
      });
      const invitation = await harness.t.app.inject({
        method: 'POST',
        url: '/api/v1/invitations',
        headers: auth,
        payload: { email: `invitee-${Date.now()}@example.com`, role: 'member' },
      });
      expect(invitation.statusCode, invitation.body).toBe(201);
      const link = new URL(invitation.json<{ link: string }>().link);

      const page = await (await newContext(harness)).newPage();
      await page.goto(`${link.pathname}${link.search}`);
      await page.getByRole('heading', { name: 'Join Verified Org' }).waitFor();
      await expectAccessible(page, 'the invitation with both ways in');

      await page.getByLabel('Sign in to accept').check();
      await page.getByLabel('Password').fill('not an account password');
      await page.getByRole('button', { name: 'Sign in and join' }).click();
      await page.getByText('this email has no Rampart account yet').waitFor();

      await page.getByLabel('Create your account').check();
      await page.getByLabel('Your name').fill('Invited Person');
      await page.getByLabel('Password').fill('the invited person password');
      await page.getByRole('button', { name: 'Create account and join' }).click();
      await page.getByRole('navigation', { name: 'Main' }).first().waitFor();
    });
  },
);
