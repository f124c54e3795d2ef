import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCreate,
  chromiumPath,
  expectAccessible,
  holdAnswers,
  screenshots,
  startSignedIn,
  type SignedIn,
} from './browser.js';

/** A 2×2 PNG: red, green, blue and white pixels. */
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGP4z8DAAMIM/4EAAB/uBfsL2WiLAAAAAElFTkSuQmCC';
const PNG = Buffer.from(PNG_BASE64, 'base64');

describe.skipIf(!chromiumPath)('files on a record in a real browser', { timeout: 180_000 }, () => {
  let s: SignedIn;
  let contactId: string;

  beforeAll(async () => {
    s = await startSignedIn('Files');
    contactId = (await apiCreate(s, '/api/v1/contacts', { last_name: 'Pictured' })).id;
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  const files = () => s.page.getByRole('region', { name: 'Files', exact: true });

  it('uploads an image dropped on the record, lists it, previews it, downloads it and deletes it', async () => {
    const { page } = s;
    await page.goto(`/contacts/${contactId}`);
    await files().getByText('No files yet').waitFor();

    // A real drop: a DataTransfer holding the file, dispatched on the drop zone.
    // (A page script is a string: this file is type-checked without the DOM's types.)
    const transfer = await page.evaluateHandle(`(() => {
      const bytes = Uint8Array.from(atob('${PNG_BASE64}'), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'pixels.png', { type: 'image/png' }));
      return data;
    })()`);
    const zone = page.getByTestId('file-drop');
    await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
    await zone.dispatchEvent('drop', { dataTransfer: transfer });

    const item = files().getByRole('listitem').filter({ hasText: 'pixels.png' });
    await item.waitFor();
    await expect.poll(() => item.textContent()).toMatch(/\d+ bytes · Files Person · /);

    await item.getByRole('button', { name: 'Preview pixels.png' }).click();
    const preview = page.getByRole('dialog', { name: 'pixels.png' });
    const image = preview.getByRole('img', { name: 'pixels.png' });
    await image.waitFor();
    await expect
      .poll(() => image.evaluate((img: { naturalWidth: number }) => img.naturalWidth))
      .toBe(2);
    await expectAccessible(page, 'the preview of an image');
    await screenshots(page, 'file-preview');
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'hidden' });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      item.getByRole('button', { name: 'Download pixels.png' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('pixels.png');
    expect((await readFile((await download.path())!)).equals(PNG)).toBe(true);
    await expectAccessible(page, 'the files of a record');
    await screenshots(page, 'record-files');

    await item.getByRole('button', { name: 'Delete pixels.png' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete this file?' });
    await confirm.getByRole('button', { name: 'Delete file' }).click();
    await page.getByText('pixels.png deleted').waitFor();
    await files().getByText('No files yet').waitFor();
    const left = await s.harness.t.ownerQuery('SELECT id FROM files WHERE contact_id = $1', [
      contactId,
    ]);
    expect(left).toEqual([]);
  });

  it('keeps a file uploaded before the files answered', async () => {
    const { page } = s;
    const other = await apiCreate(s, '/api/v1/contacts', { last_name: 'Quick' });
    // The files were read before the new one came, and reach the page after it.
    const answerFiles = await holdAnswers(page, '**/api/v1/files?**', { readNow: true });
    await page.goto(`/contacts/${other.id}`);
    await files()
      .getByLabel('Choose files')
      .setInputFiles({ name: 'early.txt', mimeType: 'text/plain', buffer: Buffer.from('early') });
    const item = files().getByRole('listitem').filter({ hasText: 'early.txt' });
    await item.waitFor();
    await answerFiles();
    await page.unrouteAll({ behavior: 'wait' });
    expect(await files().getByText('No files yet').count()).toBe(0);
    expect(await item.count()).toBe(1);
  });

  it("attaches a file to a note, shown with the note and not among the record's own", async () => {
    const { page } = s;
    await apiCreate(s, '/api/v1/notes', {
      body: 'Signed contract attached',
      contact_id: contactId,
    });
    await page.goto(`/contacts/${contactId}`);
    const note = page.getByRole('listitem').filter({ hasText: 'Signed contract attached' });
    await note.getByRole('button', { name: 'Files of this note' }).click();
    const noteFiles = note.getByRole('region', { name: 'Files of this note' });
    await noteFiles.getByLabel('Choose files').setInputFiles({
      name: 'contract.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('signed'),
    });
    await noteFiles.getByRole('listitem').filter({ hasText: 'contract.txt' }).waitFor();
    await expect
      .poll(() =>
        note.getByRole('button', { name: 'Files of this note' }).getAttribute('aria-expanded'),
      )
      .toBe('true');
    await expectAccessible(page, 'the files of a note');
    await files().getByText('No files yet').waitFor();
    const [row] = await s.harness.t.ownerQuery<{
      note_id: string | null;
      contact_id: string | null;
    }>("SELECT note_id, contact_id FROM files WHERE name = 'contract.txt'");
    expect(row).toMatchObject({ contact_id: null });
    expect(row!.note_id).toBeTruthy();
  });

  it("refuses a file over the admin's limit with a clear message, before and at the server", async () => {
    const { page } = s;
    await page.goto('/settings/organization');
    const field = page.getByLabel('Largest file, in MB');
    await expect.poll(() => field.inputValue()).toBe('25');
    await field.fill('0.01');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/^Saved/).waitFor();

    await page.goto(`/contacts/${contactId}`);
    await files().getByText('Drop files here, up to 10.2 KB each.').waitFor();
    // The keyboard's way in: the "Choose files" button's file input.
    const big = {
      name: 'big.bin',
      mimeType: 'application/octet-stream',
      buffer: Buffer.alloc(20_000, 7),
    };
    await files().getByLabel('Choose files').setInputFiles(big);
    await files()
      .getByRole('alert')
      .getByText('big.bin is larger than 10.2 KB, the largest this organization accepts.')
      .waitFor();

    // Lowered again while the page is open: the API refuses it, and the page says why.
    const lowered = await s.harness.t.app.inject({
      method: 'PATCH',
      url: '/api/v1/org',
      headers: s.auth,
      payload: { max_file_bytes: 1000 },
    });
    expect(lowered.statusCode, lowered.body).toBe(200);
    await files()
      .getByLabel('Choose files')
      .setInputFiles({ ...big, buffer: Buffer.alloc(5000, 7) });
    await files()
      .getByRole('alert')
      .getByText(
        'big.bin: The file is larger than 1000 bytes, the largest this organization accepts',
      )
      .waitFor();
    await files().getByText('No files yet').waitFor();
    const kept = await s.harness.t.ownerQuery('SELECT id FROM files WHERE contact_id = $1', [
      contactId,
    ]);
    expect(kept).toEqual([]);
  });
});
