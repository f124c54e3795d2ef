import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { ZipFile } from 'yazl';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import yauzl from 'yauzl';

/** The files of a ZIP, by name, read with yauzl (an unzipper independent of the writer). */
export async function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  const archive = await yauzl.fromBufferPromise(zip, { lazyEntries: true });
  const files = new Map<string, Buffer>();
  for await (const entry of archive.eachEntry()) {
    const parts: Buffer[] = [];
    for await (const part of await archive.openReadStreamPromise(entry)) parts.push(part as Buffer);
    files.set(entry.fileName, Buffer.concat(parts));
  }
  archive.close();
  return files;
}

const csv = (file: Buffer | undefined) => parse(file ?? '', { columns: true }) as unknown[];
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** A copy of an export with some files changed (and, unless told, a manifest that agrees). */
export async function rezip(
  zip: Buffer,
  change: (files: Map<string, Buffer>) => void,
  options: { keepManifest?: boolean; manifest?: (manifest: Record<string, unknown>) => void } = {},
): Promise<Buffer> {
  const files = await unzip(zip);
  change(files);
  const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
  if (!options.keepManifest) {
    manifest.files = manifest.files
      .filter((file: { name: string }) => files.has(file.name))
      .map((file: { name: string }) => ({
        name: file.name,
        rows: file.name.endsWith('.csv') ? csv(files.get(file.name)).length : 0,
        bytes: files.get(file.name)!.length,
        sha256: sha256(files.get(file.name)!),
      }));
  }
  options.manifest?.(manifest);
  files.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
  const out = new ZipFile();
  for (const [name, data] of files) if (name !== 'manifest.json') out.addBuffer(data, name);
  out.addBuffer(files.get('manifest.json')!, 'manifest.json');
  out.end();
  const parts: Buffer[] = [];
  for await (const part of out.outputStream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/**
 * What Info-ZIP's `unzip -t` says of a ZIP: it inflates every entry and checks its CRC-32
 * (which yauzl leaves to its caller), as a user's own unzip would.
 */
export async function unzipTest(zip: Buffer): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'rampart-zip-'));
  try {
    const file = path.join(folder, 'archive.zip');
    await writeFile(file, zip);
    const { stdout } = await promisify(execFile)('unzip', ['-t', file]);
    return stdout;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
