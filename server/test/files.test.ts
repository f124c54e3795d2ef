import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_KIND_LIST } from '../src/modules/records/registry.js';
import { callsOf } from './support/calls.js';
import { joinByInvitation } from './support/members.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';
import { drainJobs, startTestWorker } from './support/worker.js';
import { rezip, unzip } from './support/zip.js';

/** The smallest PNG: one transparent pixel. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const INSTANCE_LIMIT = 64 * 1024;

let t: TestApp;
let worker: Runner;
let dataDir: string;
let a: SignedUp;
let b: SignedUp;
let member: SignedUp;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'rampart-files-'));
  mkdirSync(path.join(dataDir, 'files', 'incoming'), { recursive: true });
  t = await createTestApp({
    env: { DATA_DIR: dataDir, FILE_MAX_BYTES: String(INSTANCE_LIMIT) },
    poolSize: 10,
  });
  worker = await startTestWorker(t);
  a = await signUp(t.app, 'files-a');
  b = await signUp(t.app, 'files-b');
  member = await joinByInvitation(t.app, a, 'member', 'files-member');
});
afterAll(async () => {
  await worker.stop();
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const { call, create } = callsOf(() => t);

function upload(
  who: SignedUp,
  query: string,
  payload: Buffer | string,
  contentType = 'application/octet-stream',
) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/files?${query}`,
    headers: { ...who.auth, 'content-type': contentType },
    payload,
  });
}

function request(who: SignedUp, method: 'GET' | 'DELETE', url: string) {
  return t.app.inject({ method, url: `/api/v1${url}`, headers: who.auth });
}

/** Every blob on disk, wherever the store put it. */
function blobsOnDisk(): string[] {
  const root = path.join(dataDir, 'files');
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
}

function setFileLimit(who: SignedUp, bytes: number) {
  return t.app.inject({
    method: 'PATCH',
    url: '/api/v1/org',
    headers: who.auth,
    payload: { max_file_bytes: bytes },
  });
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('files on a record', () => {
  it('are uploaded, listed, downloaded with safe headers and deleted', async () => {
    const contact = await create(a, '/contacts', { last_name: 'Pictured' });
    const uploaded = await upload(a, `contact_id=${contact.id}&name=pixel.png`, PNG, 'image/png');
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const file = uploaded.json();
    expect(file).toMatchObject({
      name: 'pixel.png',
      content_type: 'image/png',
      byte_size: PNG.length,
      sha256: sha256(PNG),
      previewable: true,
      contact_id: contact.id,
      lead_id: null,
      note_id: null,
      created_by: a.userId,
    });
    expect(file).not.toHaveProperty('blob_key');

    const list = await request(a, 'GET', `/files?contact_id=${contact.id}`);
    expect(list.json().data.map((f: { id: string }) => f.id)).toEqual([file.id]);
    expect(list.json().data[0].uploader_name).toBeTruthy();

    const download = await request(a, 'GET', `/files/${file.id}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PNG)).toBe(true);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe('attachment; filename="pixel.png"');

    const inline = await request(a, 'GET', `/files/${file.id}/content?disposition=inline`);
    expect(inline.headers['content-disposition']).toBe('inline; filename="pixel.png"');
    expect(inline.headers['content-security-policy']).toMatch(/^sandbox/);

    const deleted = await request(a, 'DELETE', `/files/${file.id}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await request(a, 'GET', `/files/${file.id}`)).statusCode).toBe(404);
    expect((await request(a, 'GET', `/files?contact_id=${contact.id}`)).json().data).toEqual([]);
  });

  it('can be attached to every kind of record and to a note', async () => {
    const account = await create(a, '/accounts', { name: 'Attached Co' });
    const ids: Record<string, string> = {
      lead: (await create(a, '/leads', { last_name: 'Attached' })).id,
      account: account.id,
      contact: (await create(a, '/contacts', { last_name: 'Attached' })).id,
      deal: (await create(a, '/deals', { name: 'Attached', account_id: account.id })).id,
    };
    const note = await create(a, '/notes', { body: 'See the attachment', account_id: account.id });
    const owners = [
      ...RECORD_KIND_LIST.map((kind) => [kind.attachmentField, ids[kind.kind]!] as const),
      ['note_id', note.id] as const,
    ];
    for (const [field, id] of owners) {
      const response = await upload(a, `${field}=${id}&name=${field}.txt`, `for ${field}`);
      expect(response.statusCode, `${field}: ${response.body}`).toBe(201);
      const listed = await request(a, 'GET', `/files?${field}=${id}`);
      expect(listed.json().data.map((f: { name: string }) => f.name)).toEqual([`${field}.txt`]);
    }
  });

  it('keeps the bytes as sent and types them by their content, not by the claim', async () => {
    const lead = await create(a, '/leads', { last_name: 'Typed' });
    const page = await upload(
      a,
      `lead_id=${lead.id}&name=cat.png`,
      '<script>alert(1)</script>',
      'image/png',
    );
    expect(page.json()).toMatchObject({
      content_type: 'application/octet-stream',
      previewable: false,
    });
    const inline = await request(a, 'GET', `/files/${page.json().id}/content?disposition=inline`);
    expect(inline.headers['content-disposition']).toMatch(/^attachment;/);

    const html = await upload(a, `lead_id=${lead.id}&name=page.html`, '<h1>hi</h1>', 'text/html');
    expect(html.json().content_type).toBe('text/html');
    const served = await request(a, 'GET', `/files/${html.json().id}/content`);
    expect(served.headers['content-type']).toBe('application/octet-stream');
    expect(served.headers['content-disposition']).toMatch(/^attachment;/);

    const json = await upload(
      a,
      `lead_id=${lead.id}&name=data.json`,
      '{"a":1}',
      'application/json',
    );
    expect(json.statusCode, json.body).toBe(201);
    const bytes = await request(a, 'GET', `/files/${json.json().id}/content`);
    expect(bytes.body).toBe('{"a":1}');
  });

  it('keeps names with path tricks as display names only', async () => {
    const lead = await create(a, '/leads', { last_name: 'Tricky' });
    const before = blobsOnDisk().length;
    const tricky = '../../../etc/passwd';
    const response = await upload(a, `lead_id=${lead.id}&name=${encodeURIComponent(tricky)}`, 'x');
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().name).toBe(tricky);
    expect(blobsOnDisk()).toHaveLength(before + 1);
    expect(blobsOnDisk().every((name) => /^[0-9a-f]{40}$/.test(name))).toBe(true);

    const long = 'é'.repeat(400) + '.txt';
    const cut = await upload(a, `lead_id=${lead.id}&name=${encodeURIComponent(long)}`, 'x');
    expect(cut.statusCode, cut.body).toBe(201);
    expect([...cut.json().name]).toHaveLength(255);

    const unicode = await upload(
      a,
      `lead_id=${lead.id}&name=${encodeURIComponent('résumé "v2".pdf')}`,
      'x',
    );
    const download = await request(a, 'GET', `/files/${unicode.json().id}/content`);
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="resume \\"v2\\".pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%22v2%22.pdf`,
    );

    const nul = await upload(a, `lead_id=${lead.id}&name=a%00b.txt`, 'x');
    expect(nul.statusCode).toBeGreaterThanOrEqual(400);
    expect(nul.statusCode).toBeLessThan(500);
  });

  it('refuses an empty body, no record, two records and a record that does not exist', async () => {
    const lead = await create(a, '/leads', { last_name: 'Refusing' });
    const before = blobsOnDisk().length;
    const empty = await upload(a, `lead_id=${lead.id}&name=empty.txt`, '');
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.details.fields[0].field).toBe('file');
    const none = await upload(a, 'name=orphan.txt', 'x');
    expect(none.statusCode).toBe(422);
    expect(none.json().error.details.fields[0].field).toBe('lead_id');
    const two = await upload(a, `lead_id=${lead.id}&note_id=${lead.id}&name=two.txt`, 'x');
    expect(two.statusCode).toBe(422);
    const missing = await upload(a, `lead_id=00000000-0000-4000-8000-000000000000&name=x.txt`, 'x');
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.code).toBe('invalid_reference');
    const noName = await upload(a, `lead_id=${lead.id}`, 'x');
    expect(noName.statusCode).toBe(400);
    expect(blobsOnDisk()).toHaveLength(before);
  });

  it('may be deleted by its uploader or an admin, not by another member', async () => {
    const lead = await create(a, '/leads', { last_name: 'Guarded' });
    const file = (await upload(a, `lead_id=${lead.id}&name=owner.txt`, 'mine')).json();
    const refused = await request(member, 'DELETE', `/files/${file.id}`);
    expect(refused.statusCode).toBe(403);
    await drainJobs(t);
    expect((await request(a, 'GET', `/files/${file.id}/content`)).body).toBe('mine');

    const own = (await upload(member, `lead_id=${lead.id}&name=member.txt`, 'theirs')).json();
    expect((await request(member, 'DELETE', `/files/${own.id}`)).statusCode).toBe(204);
  });
});

describe('the size limit', () => {
  it("is the organization's, set by admins within the instance's, and refuses more with 413 keeping nothing", async () => {
    const org = (await call('GET', '/org', a)).json();
    expect(org).toMatchObject({
      max_file_bytes: 25 * 1024 * 1024,
      instance_max_file_bytes: INSTANCE_LIMIT,
    });

    const tooHigh = await setFileLimit(a, INSTANCE_LIMIT + 1);
    expect(tooHigh.statusCode).toBe(422);
    expect(tooHigh.json().error.details.fields[0].field).toBe('max_file_bytes');
    const byMember = await setFileLimit(member, 10);
    expect(byMember.statusCode).toBe(403);

    const lead = await create(a, '/leads', { last_name: 'Limited' });
    // Under the organization's 25 MB, over the instance's 64 KB: the instance wins.
    const overInstance = await upload(
      a,
      `lead_id=${lead.id}&name=big.bin`,
      Buffer.alloc(INSTANCE_LIMIT + 1),
    );
    expect(overInstance.statusCode).toBe(413);

    const set = await setFileLimit(a, 1000);
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().max_file_bytes).toBe(1000);

    const before = blobsOnDisk().length;
    const over = await upload(a, `lead_id=${lead.id}&name=big.bin`, Buffer.alloc(1001));
    expect(over.statusCode).toBe(413);
    expect(over.json().error).toMatchObject({ code: 'file_too_large' });
    expect(over.json().error.message).toMatch(/larger than 1000 bytes/);
    const exact = await upload(a, `lead_id=${lead.id}&name=fits.bin`, Buffer.alloc(1000, 1));
    expect(exact.statusCode).toBe(201);
    expect(blobsOnDisk()).toHaveLength(before + 1);
    expect(readdirSync(path.join(dataDir, 'files', 'incoming'))).toEqual([]);
    expect((await request(a, 'GET', `/files?lead_id=${lead.id}`)).json().data).toHaveLength(1);

    await setFileLimit(a, INSTANCE_LIMIT);
  });

  it('stops reading a body sent without its length once it passes the limit', async () => {
    const lead = await create(a, '/leads', { last_name: 'Chunked' });
    const before = blobsOnDisk().length;
    const over = await t.app.inject({
      method: 'POST',
      url: `/api/v1/files?lead_id=${lead.id}&name=stream.bin`,
      headers: {
        ...a.auth,
        'content-type': 'application/octet-stream',
        'transfer-encoding': 'chunked',
      },
      payload: Readable.from(
        (function* () {
          for (let i = 0; i < 100; i += 1) yield Buffer.alloc(1024, i);
        })(),
      ),
    });
    expect(over.statusCode).toBe(413);
    expect(blobsOnDisk()).toHaveLength(before);
    expect(readdirSync(path.join(dataDir, 'files', 'incoming'))).toEqual([]);
  });
});

describe('files across two organizations', () => {
  it("shows an organization its own files and nothing of another's, by id, list or path trick", async () => {
    const contactA = await create(a, '/contacts', { last_name: 'A only' });
    const contactB = await create(b, '/contacts', { last_name: 'B only' });
    const fileA = (
      await upload(a, `contact_id=${contactA.id}&name=a-secret.txt`, 'A secret')
    ).json();
    const fileB = (await upload(b, `contact_id=${contactB.id}&name=b-own.txt`, 'B own')).json();

    // Visible to its own organization.
    expect((await request(b, 'GET', `/files/${fileB.id}`)).statusCode).toBe(200);
    expect((await request(b, 'GET', `/files/${fileB.id}/content`)).body).toBe('B own');
    expect((await request(b, 'GET', `/files?contact_id=${contactB.id}`)).json().data).toHaveLength(
      1,
    );

    // Not visible to the other, in any way.
    for (const url of [
      `/files/${fileA.id}`,
      `/files/${fileA.id}/content`,
      `/files/${fileA.id}/content?disposition=inline`,
    ]) {
      const response = await request(b, 'GET', url);
      expect(response.statusCode, url).toBe(404);
      expect(response.body).not.toContain('A secret');
    }
    expect((await request(b, 'DELETE', `/files/${fileA.id}`)).statusCode).toBe(404);
    const list = await request(b, 'GET', `/files?contact_id=${contactA.id}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().data).toEqual([]);
    for (const trick of [
      `/files/${fileB.id}/../${fileA.id}/content`,
      `/files/${fileA.id}%2Fcontent`,
      `/files/..%2F${fileA.id}/content`,
      `/files/${fileB.id}/content/..%2F..%2F${fileA.id}`,
      `/files/${fileA.id.toUpperCase()}/content`,
    ]) {
      const response = await request(b, 'GET', trick);
      expect(response.statusCode, trick).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, trick).toBeLessThan(500);
      expect(response.body, trick).not.toContain('A secret');
    }
    // A's record is, to B, a record that does not exist.
    const foreign = await upload(b, `contact_id=${contactA.id}&name=x.txt`, 'x');
    const nowhere = await upload(
      b,
      `contact_id=00000000-0000-4000-8000-00000000dead&name=x.txt`,
      'x',
    );
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json()).toEqual(nowhere.json());

    expect((await request(a, 'GET', `/files/${fileA.id}/content`)).body).toBe('A secret');
  });
});

describe('removing files', () => {
  it("removes a record's files and their bytes, and a note's, once the deletion has committed", async () => {
    const deal = await create(a, '/deals', {
      name: 'Going away',
      account_id: (await create(a, '/accounts', { name: 'Gone Co' })).id,
    });
    const note = await create(a, '/notes', { body: 'With a file', deal_id: deal.id });
    const onDeal = (await upload(a, `deal_id=${deal.id}&name=deal.txt`, 'deal bytes')).json();
    const onNote = (await upload(a, `note_id=${note.id}&name=note.txt`, 'note bytes')).json();
    const [keys] = [
      await t.ownerQuery<{ blob_key: string }>('SELECT blob_key FROM files WHERE id = ANY($1)', [
        [onDeal.id, onNote.id],
      ]),
    ];
    expect(keys).toHaveLength(2);
    expect(blobsOnDisk()).toEqual(expect.arrayContaining(keys!.map((k) => k.blob_key)));

    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/deals/${deal.id}`,
      headers: a.auth,
    });
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await request(a, 'GET', `/files/${onDeal.id}`)).statusCode).toBe(404);
    expect((await request(a, 'GET', `/files/${onNote.id}`)).statusCode).toBe(404);
    await drainJobs(t);
    const left = blobsOnDisk();
    for (const { blob_key } of keys!) expect(left).not.toContain(blob_key);
    const pending = await t.ownerQuery('SELECT * FROM file_blob_removals');
    expect(pending).toEqual([]);
  });

  it('keeps the bytes when the deletion rolls back', async () => {
    const lead = await create(a, '/leads', { last_name: 'Kept' });
    const file = (await upload(a, `lead_id=${lead.id}&name=kept.txt`, 'kept')).json();
    const [row] = await t.ownerQuery<{ blob_key: string }>(
      'SELECT blob_key FROM files WHERE id = $1',
      [file.id],
    );
    await t.ownerQuery(`BEGIN; DELETE FROM files WHERE id = '${file.id}'; ROLLBACK`);
    await drainJobs(t);
    expect(blobsOnDisk()).toContain(row!.blob_key);
    expect((await request(a, 'GET', `/files/${file.id}/content`)).body).toBe('kept');
  });
});

describe('the organization export', () => {
  it('holds every file: its details in files.csv and its bytes under files/, with checksums', async () => {
    const c = await signUp(t.app, 'files-export');
    const contact = await create(c, '/contacts', { last_name: 'Exported' });
    const file = (
      await upload(c, `contact_id=${contact.id}&name=photo.png`, PNG, 'image/png')
    ).json();
    const started = await call('POST', '/exports', c);
    expect(started.statusCode, started.body).toBe(202);
    await drainJobs(t, 60_000);
    const zip = await t.app.inject({
      url: `/api/v1/exports/${started.json().id}/download`,
      headers: c.auth,
    });
    expect(zip.statusCode, zip.body).toBe(200);
    const entries = await unzip(zip.rawPayload);
    const rows = parse(entries.get('files.csv')!, { columns: true }) as Array<
      Record<string, string>
    >;
    expect(rows).toEqual([
      expect.objectContaining({
        id: file.id,
        name: 'photo.png',
        contact_id: contact.id,
        sha256: sha256(PNG),
        path: `files/${file.id}`,
      }),
    ]);
    expect(rows[0]).not.toHaveProperty('blob_key');
    expect([...entries.keys()]).toContain(`files/${file.id}`);
    expect(entries.get(`files/${file.id}`)!.equals(PNG)).toBe(true);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString());
    expect(manifest.files).toEqual(
      expect.arrayContaining([
        { name: `files/${file.id}`, rows: 0, bytes: PNG.length, sha256: sha256(PNG) },
        expect.objectContaining({ name: 'files.csv', rows: 1 }),
      ]),
    );
  });
});

describe('restoring an export with files', () => {
  /** An organization with a file on a contact and one on a note of it, and its export. */
  async function exported(name: string) {
    const source = await signUp(t.app, name);
    const contact = await create(source, '/contacts', { last_name: 'Exported' });
    const note = await create(source, '/notes', { body: 'With a file', contact_id: contact.id });
    const onContact = await upload(
      source,
      `contact_id=${contact.id}&name=photo.png`,
      PNG,
      'image/png',
    );
    expect(onContact.statusCode, onContact.body).toBe(201);
    const onNote = await upload(source, `note_id=${note.id}&name=minutes.txt`, 'the minutes');
    expect(onNote.statusCode, onNote.body).toBe(201);
    const started = await call('POST', '/exports', source);
    expect(started.statusCode, started.body).toBe(202);
    await drainJobs(t, 60_000);
    const zip = await request(source, 'GET', `/exports/${started.json().id}/download`);
    expect(zip.statusCode, zip.body).toBe(200);
    return { zip: zip.rawPayload, files: [onContact.json(), onNote.json()] };
  }

  async function restore(who: SignedUp, zip: Buffer) {
    const uploaded = await t.app.inject({
      method: 'POST',
      url: '/api/v1/restores?file_name=export.zip',
      headers: { ...who.auth, 'content-type': 'application/zip' },
      payload: zip,
    });
    if (uploaded.statusCode !== 202) return uploaded;
    await drainJobs(t, 60_000);
    return call('GET', `/restores/${uploaded.json().id}`, who);
  }

  it('puts every file back, under a new key, on the restored record and note', async () => {
    const { zip } = await exported('files-restore-source');
    const before = blobsOnDisk().length;
    const d = await signUp(t.app, 'files-restore');
    const done = (await restore(d, zip)).json();
    expect(done, done.error).toMatchObject({
      status: 'completed',
      result: { rows: { 'files.csv': 2 }, files_without_bytes: 0 },
    });
    expect(blobsOnDisk()).toHaveLength(before + 2);

    const [contact] = (await call('GET', '/contacts', d)).json().data;
    const onContact = (await request(d, 'GET', `/files?contact_id=${contact.id}`)).json().data;
    expect(onContact.map((f: { name: string }) => f.name)).toEqual(['photo.png']);
    const photo = onContact.find((f: { name: string }) => f.name === 'photo.png');
    expect(photo).toMatchObject({
      sha256: sha256(PNG),
      byte_size: PNG.length,
      created_by: d.userId,
    });
    const content = await request(d, 'GET', `/files/${photo.id}/content`);
    expect(content.rawPayload.equals(PNG)).toBe(true);
    const [note] = (await call('GET', `/notes?contact_id=${contact.id}`, d)).json().data;
    const onNote = (await request(d, 'GET', `/files?note_id=${note.id}`)).json().data;
    expect(onNote.map((f: { name: string }) => f.name)).toEqual(['minutes.txt']);
    const minutes = await request(d, 'GET', `/files/${onNote[0].id}/content`);
    expect(minutes.rawPayload.toString()).toBe('the minutes');
  });

  it('refuses bytes changed since the export (their SHA-256 is not the manifest’s)', async () => {
    const { zip, files } = await exported('files-restore-tampered');
    const tampered = await rezip(
      zip,
      (entries) => entries.set(`files/${files[0].id}`, Buffer.from('not the photo')),
      { keepManifest: true },
    );
    const d = await signUp(t.app, 'files-restore-refused');
    const refused = await restore(d, tampered);
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: 'checksum_mismatch',
      details: { file: `files/${files[0].id}` },
    });
  });

  it('leaves no bytes behind when the restore fails after writing some', async () => {
    const { zip, files } = await exported('files-restore-failing');
    // Intact against its manifest, but the second file's row names other bytes than its own:
    // the first file's bytes are in the store by then.
    const forged = await rezip(zip, (entries) => {
      const rows = entries.get('files.csv')!.toString();
      entries.set('files.csv', Buffer.from(rows.replace(files[1].sha256, 'f'.repeat(64))));
    });
    const before = blobsOnDisk().length;
    const d = await signUp(t.app, 'files-restore-failed');
    const done = (await restore(d, forged)).json();
    expect(done.status).toBe('failed');
    expect(done.error).toMatch(/^files\.csv, row 2: files\/[0-9a-f-]+ is not the file it names/);
    await drainJobs(t, 30_000);
    expect(blobsOnDisk()).toHaveLength(before);
    expect(readdirSync(path.join(dataDir, 'files', 'incoming'))).toEqual([]);
    expect((await call('GET', '/contacts', d)).json().data).toEqual([]);
  });
});
