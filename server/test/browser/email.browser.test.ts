import type { Runner } from 'graphile-worker';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../src/mail/mailer.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { startTestWorker } from '../support/worker.js';
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
  type BrowserHarness,
  type SignedIn,
} from './browser.js';

/** Long enough for a queued email to be sent and the page to read again under load. */
const POLL = { timeout: 30_000 };

describe.skipIf(!chromiumPath)(
  'sending email from a record in a real browser',
  { timeout: 240_000 },
  () => {
    let smtp: TestSmtpServer;
    let harness: BrowserHarness;
    let worker: Runner;
    let context: BrowserContext;
    let page: Page;
    let contactId: string;
    let signedIn: Pick<SignedIn, 'harness' | 'auth'>;

    beforeAll(async () => {
      smtp = await startSmtpServer();
      harness = await startBrowserHarness({
        mailer: createMailer({ smtpUrl: smtp.url, mailFrom: 'Rampart <crm@rampart.test>' }),
      });
      // The real worker sends what the page queues, through the real SMTP server.
      worker = await startTestWorker(harness.t);
      context = await newContext(harness);
      page = await context.newPage();
      const account = await signUpInBrowser(page, 'Mailer');
      signedIn = { harness, auth: await apiAuth(harness, account) };
      contactId = (
        await apiCreate(signedIn, '/api/v1/contacts', {
          first_name: 'Ada',
          last_name: 'Lovelace',
          email: 'ada@client.example',
        })
      ).id;
      await apiCreate(signedIn, '/api/v1/email-templates', {
        name: 'Introduction',
        subject: 'Hello {{contact.first_name}}',
        body: 'Dear {{contact.first_name}},\n\nThe engine plans are ready.',
      });
    }, 180_000);
    afterAll(async () => {
      await worker?.stop();
      await harness?.close();
      await smtp?.close();
    });

    it('a rep sends a templated email with a preview, it arrives, and shows as sent on the timeline', async () => {
      await page.goto(`/contacts/${contactId}`);
      const emails = page.getByRole('region', { name: 'Emails' });
      await emails.getByText(/No emails yet/).waitFor();
      await emails.getByRole('button', { name: 'Send email' }).click();

      const form = emails.getByRole('form', { name: 'Send email' });
      await form.getByLabel('Template').selectOption({ label: 'Introduction' });
      await expect
        .poll(() => form.getByLabel('Subject').inputValue(), POLL)
        .toBe('Hello {{contact.first_name}}');
      await form.getByRole('button', { name: 'Preview' }).click();
      const preview = form.getByLabel('Preview');
      await expect.poll(() => preview.textContent(), POLL).toContain('Hello Ada');
      expect(await preview.textContent()).toContain('ada@client.example');
      expect(await preview.textContent()).toContain('Dear Ada,');
      await expectAccessible(page, 'the email form with its preview');
      await form.getByRole('button', { name: 'Send' }).click();

      // The mail server receives it, rendered.
      const mail = await smtp.nextMessageTo('ada@client.example', 30_000);
      expect(mail.subject).toBe('Hello Ada');
      expect(mail.text).toContain('Dear Ada,');
      expect(mail.text).toContain('The engine plans are ready.');

      // The page follows it from queued to sent, in the Emails list and on the timeline.
      await expect
        .poll(() => emails.locator('[data-status]').first().textContent(), POLL)
        .toBe('sent');
      const timeline = page.getByRole('region', { name: 'Timeline' });
      const item = timeline.getByTestId('timeline').locator(':scope > li[data-type="email"]');
      await expect.poll(() => item.count(), POLL).toBe(1);
      await expect.poll(() => item.textContent(), POLL).toContain('sent an email');
      const text = (await item.textContent()) ?? '';
      expect(text).toContain('Hello Ada');
      expect(text).toContain('Sent · sent · to ada@client.example');
      expect(text).toContain('Dear Ada, The engine plans are ready.');

      // The Emails chip shows emails alone.
      await timeline.getByRole('button', { name: 'Emails' }).click();
      const shown = timeline.getByTestId('timeline').locator(':scope > li');
      // The contact's creation is a change: filtered, only the email is left.
      await expect.poll(() => shown.count(), POLL).toBe(1);
      expect(await shown.getAttribute('data-type')).toBe('email');
      await expectAccessible(page, 'the timeline with an email');
      await screenshots(page, 'email-timeline');
    });

    it('keeps an email sent before the emails answered, and follows it until sent', async () => {
      const { id } = await apiCreate(signedIn, '/api/v1/contacts', {
        first_name: 'Bea',
        last_name: 'Byte',
        email: 'bea@client.example',
      });
      // The emails were read before the new one was sent, and reach the page after it.
      const answerEmails = await holdAnswers(page, '**/api/v1/emails?**', { readNow: true });
      await page.goto(`/contacts/${id}`);
      const emails = page.getByRole('region', { name: 'Emails' });
      await emails.getByRole('button', { name: 'Send email' }).click();
      const form = emails.getByRole('form', { name: 'Send email' });
      await form.getByLabel('Subject').fill('A quick question');
      await form.getByLabel('Message').fill('Are the punched cards ready?');
      await form.getByRole('button', { name: 'Send' }).click();
      await page.getByText('Email queued').waitFor();
      await answerEmails();
      await page.unrouteAll({ behavior: 'wait' });
      expect(await emails.getByText(/No emails yet/).count()).toBe(0);
      await smtp.nextMessageTo('bea@client.example', 30_000);
      await expect
        .poll(() => emails.locator('[data-status]').first().textContent(), POLL)
        .toBe('sent');
    });

    it('keeps a template added before the templates answered', async () => {
      // The templates were read before the new one was added, and reach the page after it.
      const answerTemplates = await holdAnswers(page, '**/api/v1/email-templates', {
        readNow: true,
      });
      await page.goto('/settings/email');
      const form = page.getByRole('form', { name: 'New template' });
      await form.getByLabel('Name').fill('Follow-up');
      await form.getByLabel('Subject').fill('Following up');
      await form.getByLabel('Message').fill('Any news, {{contact.first_name}}?');
      await form.getByRole('button', { name: 'Add template' }).click();
      const templates = page.getByRole('region', { name: 'Templates' });
      await templates.getByRole('button', { name: 'Delete Follow-up' }).waitFor();
      await answerTemplates();
      await page.unrouteAll({ behavior: 'wait' });
      expect(await templates.getByRole('button', { name: 'Delete Introduction' }).count()).toBe(1);
      expect(await templates.getByRole('button', { name: 'Delete Follow-up' }).count()).toBe(1);
    });
  },
);
