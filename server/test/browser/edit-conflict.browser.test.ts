import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCreate, chromiumPath, startSignedIn, type SignedIn, notesOf } from './browser.js';

describe.skipIf(!chromiumPath)('two people editing one record', { timeout: 180_000 }, () => {
  let s: SignedIn;

  beforeAll(async () => {
    s = await startSignedIn('Conflicts');
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  const stored = async (id: string) =>
    (
      await s.harness.t.ownerQuery<{ job_title: string | null; email: string | null }>(
        'SELECT job_title, email FROM leads WHERE id = $1',
        [id],
      )
    )[0];

  it('tells the second editor what the first changed, and applies their edit again on request', async () => {
    const lead = await apiCreate(s, '/api/v1/leads', { first_name: 'Ada', last_name: 'Byron' });
    const first = s.page;
    const second = await s.context.newPage();
    for (const page of [first, second]) {
      await page.goto(`/leads/${lead.id}`);
      await page.getByRole('heading', { name: 'Ada Byron' }).waitFor();
    }

    await first.getByRole('button', { name: /Edit Job title/ }).click();
    await first.getByLabel('Job title').fill('Mathematician');
    await first.keyboard.press('Enter');
    await expect.poll(async () => (await stored(lead.id))?.job_title).toBe('Mathematician');

    // The second page still shows the lead as it was when it loaded.
    await second.getByRole('button', { name: /Edit Email/ }).click();
    await second.getByLabel('Email', { exact: true }).fill('ada@example.com');
    await second.keyboard.press('Enter');
    const notice = second.getByTestId('edit-conflict');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Job title');
    // Nothing was written over the first edit, and the page now shows it.
    expect(await stored(lead.id)).toEqual({ job_title: 'Mathematician', email: null });
    await second.getByText('Mathematician').first().waitFor();

    await notice.getByRole('button', { name: 'Apply my change again' }).click();
    await notice.waitFor({ state: 'hidden' });
    await expect
      .poll(() => stored(lead.id))
      .toEqual({ job_title: 'Mathematician', email: 'ada@example.com' });
  });

  it('saves two quick edits of one record, the second made while the first is on its way', async () => {
    const lead = await apiCreate(s, '/api/v1/leads', { first_name: 'Ada', last_name: 'Quick' });
    const page = s.page;
    await page.goto(`/leads/${lead.id}`);
    await page.getByRole('heading', { name: 'Ada Quick' }).waitFor();
    // The first edit's answer is held until the second edit has been made, as on a slow line.
    let answerFirst = () => {};
    const firstAnswered = new Promise<void>((resolve) => (answerFirst = resolve));
    let patches = 0;
    await page.route(`**/api/v1/leads/${lead.id}`, async (route) => {
      if (route.request().method() !== 'PATCH' || (patches += 1) > 1) return route.continue();
      const response = await route.fetch();
      await firstAnswered;
      await route.fulfill({ response });
    });
    await page.getByRole('button', { name: /Edit Job title/ }).click();
    await page.getByLabel('Job title').fill('Mathematician');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await stored(lead.id))?.job_title).toBe('Mathematician');
    await page.getByRole('button', { name: /Edit Email/ }).click();
    await page.getByLabel('Email', { exact: true }).fill('ada@example.com');
    await page.keyboard.press('Enter');
    answerFirst();
    // Both are kept, and the person is not told their own first edit conflicts with them.
    await expect
      .poll(() => stored(lead.id))
      .toEqual({ job_title: 'Mathematician', email: 'ada@example.com' });
    expect(await page.getByTestId('edit-conflict').count()).toBe(0);
    await page.getByText('ada@example.com').first().waitFor();
    await page.getByText('Mathematician').first().waitFor();
    await page.unrouteAll({ behavior: 'wait' });
  });

  const change = (url: string, payload: object) =>
    s.harness.t.app.inject({ method: 'PATCH', url, headers: s.auth, payload });

  it('does not delete a record someone changed after its page was opened, and asks again', async () => {
    const kinds = [
      { path: 'leads', table: 'leads', create: { last_name: 'Gone' }, title: 'Gone' },
      { path: 'accounts', table: 'accounts', create: { name: 'Gone Ltd' }, title: 'Gone Ltd' },
      {
        path: 'contacts',
        table: 'contacts',
        create: { first_name: 'Al', last_name: 'Gone', email: 'al@gone.example' },
        title: 'Al Gone',
      },
      { path: 'deals', table: 'deals', create: { name: 'Gone deal' }, title: 'Gone deal' },
    ];
    const page = s.page;
    for (const kind of kinds) {
      const record = await apiCreate(s, `/api/v1/${kind.path}`, kind.create);
      await page.goto(`/${kind.path}/${record.id}`);
      await page.getByRole('heading', { name: kind.title }).waitFor();
      // A colleague changes it while the page is on screen.
      const changed = await change(`/api/v1/${kind.path}/${record.id}`, { owner_id: null });
      expect(changed.statusCode, changed.body).toBe(200);

      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
      const notice = page.getByTestId('edit-conflict');
      await notice.getByText(/was not deleted/).waitFor();
      expect(await notice.textContent(), kind.path).toContain('Owner');
      const left = () =>
        s.harness.t.ownerQuery(`SELECT 1 FROM ${kind.table} WHERE id = $1`, [record.id]);
      expect(await left(), kind.path).toHaveLength(1);

      await notice.getByRole('button', { name: 'Delete it anyway' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(`/${kind.path}`);
      expect(await left(), kind.path).toHaveLength(0);
    }
  });

  it('does not delete a task or a note someone changed after it was shown, and asks again', async () => {
    const lead = await apiCreate(s, '/api/v1/leads', { last_name: 'Busy' });
    const task = await apiCreate(s, '/api/v1/tasks', { title: 'Call back', lead_id: lead.id });
    const note = await apiCreate(s, '/api/v1/notes', { body: 'Met at the fair', lead_id: lead.id });
    const page = s.page;
    const left = (table: string, id: string) =>
      s.harness.t.ownerQuery(`SELECT 1 FROM ${table} WHERE id = $1`, [id]);

    await page.goto('/tasks');
    await page.getByRole('button', { name: 'Delete Call back' }).click();
    const taskDialog = page.getByRole('dialog', { name: 'Delete Call back?' });
    expect((await change(`/api/v1/tasks/${task.id}`, { priority: 'high' })).statusCode).toBe(200);
    await taskDialog.getByRole('button', { name: 'Delete task' }).click();
    await taskDialog.getByText(/Someone else changed this task .*Priority.* not deleted/).waitFor();
    expect(await left('tasks', task.id)).toHaveLength(1);
    await taskDialog.getByRole('button', { name: 'Delete task' }).click();
    await taskDialog.waitFor({ state: 'hidden' });
    await expect.poll(() => left('tasks', task.id)).toHaveLength(0);

    await page.goto(`/leads/${lead.id}`);
    await notesOf(page).getByText('Met at the fair').waitFor();
    await notesOf(page).getByRole('button', { name: 'Delete note' }).click();
    const noteDialog = page.getByRole('dialog', { name: 'Delete this note?' });
    expect(
      (await change(`/api/v1/notes/${note.id}`, { body: 'Met at the fair: wants a demo' }))
        .statusCode,
    ).toBe(200);
    await noteDialog.getByRole('button', { name: 'Delete note' }).click();
    await noteDialog.getByText(/Someone else changed this note .* not deleted/).waitFor();
    await notesOf(page).getByText('Met at the fair: wants a demo').waitFor();
    expect(await left('notes', note.id)).toHaveLength(1);
    await noteDialog.getByRole('button', { name: 'Delete note' }).click();
    await noteDialog.waitFor({ state: 'hidden' });
    await expect.poll(() => left('notes', note.id)).toHaveLength(0);
  });

  it("does not save a note over someone else's newer text without saying so", async () => {
    const lead = await apiCreate(s, '/api/v1/leads', { last_name: 'Noted' });
    const note = await apiCreate(s, '/api/v1/notes', {
      body: 'Called, no answer',
      lead_id: lead.id,
    });
    const page = s.page;
    await page.goto(`/leads/${lead.id}`);
    await notesOf(page).getByText('Called, no answer').waitFor();
    await page.getByRole('button', { name: 'Edit note' }).click();
    await page.getByLabel('Note', { exact: true }).fill('Called, left a voicemail');

    expect(
      (await change(`/api/v1/notes/${note.id}`, { body: 'Called back: wants a demo' })).statusCode,
    ).toBe(200);
    await page.getByRole('button', { name: 'Save note' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Their text' });
    await alert.getByText('Called back: wants a demo').waitFor();
    const stored = async () =>
      (
        await s.harness.t.ownerQuery<{ body: string }>('SELECT body FROM notes WHERE id = $1', [
          note.id,
        ])
      )[0]?.body;
    expect(await stored()).toBe('Called back: wants a demo');
    // What was typed is still in the box; saving again, knowingly, replaces theirs.
    expect(await page.getByLabel('Note', { exact: true }).inputValue()).toBe(
      'Called, left a voicemail',
    );
    await page.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(stored).toBe('Called, left a voicemail');
  });

  it("does not save a task over someone else's newer change without saying so", async () => {
    const task = await apiCreate(s, '/api/v1/tasks', { title: 'Send the proposal' });
    const page = s.page;
    await page.goto('/tasks');
    await page.getByRole('button', { name: 'Edit Send the proposal' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit task' });
    await dialog.getByLabel('Priority').selectOption('high');

    expect(
      (await change(`/api/v1/tasks/${task.id}`, { title: 'Send the signed proposal' })).statusCode,
    ).toBe(200);
    await dialog.getByRole('button', { name: 'Save task' }).click();
    await dialog.getByText('Save again to replace their changes').waitFor();
    const stored = async () =>
      (
        await s.harness.t.ownerQuery<{ title: string; priority: string }>(
          'SELECT title, priority FROM tasks WHERE id = $1',
          [task.id],
        )
      )[0];
    expect(await stored()).toEqual({ title: 'Send the signed proposal', priority: 'normal' });
    await dialog.getByRole('button', { name: 'Save task' }).click();
    await expect.poll(stored).toEqual({ title: 'Send the proposal', priority: 'high' });
  });
});
