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
