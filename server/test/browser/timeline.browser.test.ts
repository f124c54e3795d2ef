import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinByInvitation } from '../support/members.js';
import type { SignedUp } from '../support/test-app.js';
import {
  apiCreate,
  chromiumPath,
  expectAccessible,
  holdAnswers,
  screenshots,
  signInInNewContext,
  startSignedIn,
  type SignedIn,
} from './browser.js';

/** Long enough for a page under load to read again. */
const POLL = { timeout: 20_000 };

describe.skipIf(!chromiumPath)(
  "a record's timeline in a real browser",
  { timeout: 240_000 },
  () => {
    let s: SignedIn;
    let colleague: SignedUp;
    let contactId: string;

    beforeAll(async () => {
      s = await startSignedIn('Timeline');
      const me = await s.harness.t.app.inject({ url: '/api/v1/me', headers: s.auth });
      const { org } = me.json<{ org: { id: string } }>();
      colleague = await joinByInvitation(
        s.harness.t.app,
        { auth: s.auth, orgId: org.id },
        'member',
        'Mentioned',
      );
      contactId = (
        await apiCreate(s, '/api/v1/contacts', { first_name: 'Ada', last_name: 'Lovelace' })
      ).id;
      // Older activity than one page holds, so that scrolling has something to load.
      for (let i = 1; i <= 25; i += 1)
        await apiCreate(s, '/api/v1/notes', { body: `Old note ${i}`, contact_id: contactId });
      await apiCreate(s, '/api/v1/tasks', {
        title: 'Send the engine plans',
        contact_id: contactId,
      });
    }, 180_000);
    afterAll(async () => {
      await s?.close();
    });

    const timeline = (page: Page) => page.getByRole('region', { name: 'Timeline' });
    const items = (page: Page) => timeline(page).getByTestId('timeline').locator(':scope > li');

    it('shows a note, a completed task and a changed field in order, filters and scrolls', async () => {
      const { page } = s;
      await page.goto(`/contacts/${contactId}`);
      await items(page).first().waitFor();

      // A note with bold text and a mention chosen after typing @.
      const notes = page.getByRole('region', { name: 'Notes' });
      const box = notes.getByLabel('New note');
      await box.click();
      await box.pressSequentially('Met **Ada** with @Menti');
      await page.getByRole('option', { name: /Mentioned/ }).click();
      await expect
        .poll(() => box.inputValue(), POLL)
        .toMatch(/@\[Mentioned \d+\]\(member:[0-9a-f-]{36}\) $/);
      await box.pressSequentially('today');
      await notes.getByRole('button', { name: 'Add note' }).click();

      const tasks = page.getByRole('region', { name: 'Tasks' });
      await tasks
        .getByRole('checkbox', { name: 'Complete Send the engine plans' })
        .or(tasks.getByRole('button', { name: 'Complete Send the engine plans' }))
        .click();

      await page.getByRole('button', { name: /Edit Job title/ }).click();
      await page.getByLabel('Job title').fill('Countess');
      await page.keyboard.press('Enter');

      // Newest first: the field change, the completed task, then the note.
      await expect
        .poll(
          async () => (await items(page).allTextContents()).slice(0, 3).map((t) => t.trim()),
          POLL,
        )
        .toEqual([
          expect.stringMatching(/changed.*Job title.*Countess/s),
          expect.stringMatching(/completed a task.*Send the engine plans/s),
          expect.stringMatching(/wrote a note.*Met Ada with @Mentioned \d+ today/s),
        ]);
      const note = items(page).nth(2);
      await expect.poll(() => note.locator('strong').textContent(), POLL).toBe('Ada');
      await expect
        .poll(() => note.locator('.mention').textContent(), POLL)
        .toMatch(/^@Mentioned \d+$/);
      // Away from the field just edited, whose Edit button is half faded in while hovered.
      await page.mouse.move(0, 0);
      await page.waitForTimeout(300);
      await expectAccessible(page, 'a record timeline');
      await screenshots(page, 'record-timeline');

      // Notes only: 25 old notes and the new one, 20 to a page; the rest load on scrolling.
      await timeline(page).getByRole('button', { name: 'Notes' }).click();
      await expect
        .poll(() => timeline(page).locator('li:not([data-type="note"])').count(), POLL)
        .toBe(0);
      await expect.poll(() => items(page).count(), POLL).toBe(20);
      await timeline(page).getByText('Older activity').scrollIntoViewIfNeeded();
      await expect.poll(() => items(page).count(), POLL).toBe(26);
      await items(page).last().getByText('Old note 1', { exact: true }).waitFor();
    });

    it('tells the mentioned member, with a link to the record', async () => {
      const { context, page } = await signInInNewContext(s.harness, colleague);
      try {
        await page.getByRole('button', { name: /Notifications, 1 unread/ }).click();
        const told = page.getByText(/mentioned you in a note on Contact "Ada Lovelace"/);
        await told.waitFor();
        await told.click();
        await page.waitForURL(`**/contacts/${contactId}`);
      } finally {
        await context.close();
      }
    });

    it('keeps the bell at none unread once read, when an older count answers later', async () => {
      await apiCreate(s, '/api/v1/notes', {
        body: `@[Mentioned](member:${colleague.userId}) the loom plans are in`,
        contact_id: contactId,
      });
      const { context, page } = await signInInNewContext(s.harness, colleague);
      try {
        await page.getByRole('button', { name: /Notifications, 1 unread/ }).waitFor();
        // The count was read before the notification was, and reaches the page after it.
        const answerCount = await holdAnswers(page, '**/api/v1/notifications/unread-count', {
          readNow: true,
        });
        await page.reload();
        await page.getByRole('button', { name: 'Notifications' }).click();
        await page
          .getByText(/mentioned you in a note/)
          .first()
          .click();
        await page.waitForURL(`**/contacts/${contactId}`);
        await expect
          .poll(
            async () =>
              (
                await s.harness.t.ownerQuery<{ n: number }>(
                  'SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL',
                  [colleague.userId],
                )
              )[0]?.n,
          )
          .toBe(0);
        await answerCount();
        await page.unrouteAll({ behavior: 'wait' });
        expect(await page.getByRole('button', { name: /unread/ }).count()).toBe(0);
      } finally {
        await context.close();
      }
    });
  },
);
