import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRecord } from '../support/crm-records.js';
import { joinByInvitation } from '../support/members.js';
import type { SignedUp } from '../support/test-app.js';
import {
  apiCreate,
  chromiumPath,
  expectAccessible,
  signInInNewContext,
  startSignedIn,
  type SignedIn,
  notesOf,
  tasksOf,
} from './browser.js';

const POLL = { timeout: 15_000 };

describe.skipIf(!chromiumPath)(
  'what a member is shown of records of others',
  { timeout: 120_000 },
  () => {
    let admin: SignedIn;
    let member: SignedUp;
    let page: Page;
    let adminId: string;
    let theirs: string;
    let mine: string;

    beforeAll(async () => {
      admin = await startSignedIn('Perms');
      const me = await admin.harness.t.app.inject({ url: '/api/v1/me', headers: admin.auth });
      const { user, org } = me.json<{ user: { id: string }; org: { id: string } }>();
      adminId = user.id;
      const org_ = { orgId: org.id, userId: adminId };
      member = await joinByInvitation(
        admin.harness.t.app,
        { auth: admin.auth, orgId: org.id },
        'member',
        'perm-browser',
      );
      theirs = await seedRecord(admin.harness.t, org_, 'lead', 'Admins-lead', adminId);
      mine = await seedRecord(admin.harness.t, org_, 'lead', 'Members-lead', member.userId);
      await apiCreate(admin, '/api/v1/tasks', {
        title: 'Admins task',
        assignee_id: adminId,
        lead_id: theirs,
      });
      await apiCreate({ harness: admin.harness, auth: member.auth }, '/api/v1/tasks', {
        title: 'Members task',
        lead_id: theirs,
      });
      await apiCreate(admin, '/api/v1/notes', { body: 'Admins note', lead_id: theirs });
      await apiCreate({ harness: admin.harness, auth: member.auth }, '/api/v1/notes', {
        body: 'Members note',
        lead_id: theirs,
      });

      ({ page } = await signInInNewContext(admin.harness, member));
    }, 120_000);
    afterAll(async () => {
      await admin?.close();
    });

    const deleteButton = (on: Page) => on.getByRole('button', { name: 'Delete', exact: true });
    const editOwner = (on: Page) => on.getByRole('button', { name: 'Edit Owner' });

    it("shows no Delete and no owner control on a colleague's record, both on their own", async () => {
      await page.goto(`/leads/${theirs}`);
      await page.getByRole('heading', { name: 'Admins-lead' }).waitFor();
      await page.getByText('Owner', { exact: true }).waitFor();
      expect(await deleteButton(page).count()).toBe(0);
      expect(await editOwner(page).count()).toBe(0);
      // Other fields stay editable: members work on every record.
      expect(await page.getByRole('button', { name: 'Edit Company' }).count()).toBe(1);
      await expectAccessible(page, "a colleague's lead, as a member");

      await page.goto(`/leads/${mine}`);
      await page.getByRole('heading', { name: 'Members-lead' }).waitFor();
      await deleteButton(page).waitFor();
      await editOwner(page).waitFor();

      // An admin is shown both on anyone's record.
      await admin.page.goto(`/leads/${mine}`);
      await admin.page.getByRole('heading', { name: 'Members-lead' }).waitFor();
      await deleteButton(admin.page).waitFor();
      await editOwner(admin.page).waitFor();
    });

    it('offers bulk Delete and Assign only for a selection of their own records', async () => {
      await page.goto('/leads');
      const table = page.getByRole('table', { name: 'leads' });
      await table.getByRole('link', { name: 'Admins-lead' }).waitFor();
      await page.getByRole('checkbox', { name: 'Select Members-lead' }).check();
      await page.getByRole('button', { name: 'Tag', exact: true }).waitFor();
      await deleteButton(page).waitFor();
      await page.getByRole('button', { name: 'Assign', exact: true }).waitFor();

      await page.getByRole('checkbox', { name: 'Select Admins-lead' }).check();
      await expect.poll(() => deleteButton(page).count(), POLL).toBe(0);
      expect(await page.getByRole('button', { name: 'Assign', exact: true }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Tag', exact: true }).count()).toBe(1);

      // An admin may act on anyone's records.
      await admin.page.goto('/leads');
      await admin.page.getByRole('checkbox', { name: 'Select all shown' }).check();
      await deleteButton(admin.page).waitFor();
      await admin.page.getByRole('button', { name: 'Assign', exact: true }).waitFor();
    });

    it("shows no Delete on a colleague's task, and no choice of its assignee", async () => {
      await page.goto(`/leads/${theirs}`);
      await tasksOf(page).getByText('Admins task').waitFor();
      await page.getByRole('button', { name: 'Delete Members task' }).waitFor();
      expect(await page.getByRole('button', { name: 'Delete Admins task' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Edit Admins task' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Assignee').waitFor();
      expect(await dialog.getByLabel('Assignee').isDisabled()).toBe(true);
    });

    it("shows no Edit and no Delete on a colleague's note", async () => {
      await page.goto(`/leads/${theirs}`);
      await notesOf(page).getByText('Admins note').waitFor();
      await notesOf(page).getByText('Members note').waitFor();
      expect(await page.getByRole('button', { name: 'Delete note' }).count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Edit note' }).count()).toBe(1);
    });
  },
);
