import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../../config.js';

/**
 * Where the bytes of files live. The database keeps each file's metadata and the key its bytes
 * were stored under; keys are random, never derived from a name or an id a client could guess
 * or shape. The local disk is the default; an S3-compatible store implements the same three
 * calls (a key is then the object's name under a bucket prefix).
 */
export interface FileStore {
  /** Stores the stream's bytes whole or not at all, and answers the new key. */
  put(source: Readable): Promise<string>;
  /** The bytes under `key`, or undefined when there are none. */
  get(key: string): Promise<Readable | undefined>;
  /** Removes the bytes under `key`; removing what is already gone is no error. */
  delete(key: string): Promise<void>;
}

/** What every key looks like: 160 random bits in hex. Nothing else reaches the disk. */
export const BLOB_KEY = /^[0-9a-f]{40}$/;

function newKey(): string {
  return randomBytes(20).toString('hex');
}

/**
 * Files under one folder: each blob at `<root>/<first two characters of its key>/<key>`, written
 * first to `<root>/incoming/` and renamed into place once whole, so a reader never sees half a
 * file and a failed upload leaves only a temporary file, which is removed.
 */
export class LocalFileStore implements FileStore {
  constructor(readonly root: string) {}

  private pathOf(key: string): string {
    if (!BLOB_KEY.test(key)) throw new Error('not a blob key');
    return path.join(this.root, key.slice(0, 2), key);
  }

  async put(source: Readable): Promise<string> {
    const key = newKey();
    const incoming = path.join(this.root, 'incoming');
    await mkdir(incoming, { recursive: true, mode: 0o700 });
    const temporary = path.join(incoming, `${key}.part`);
    try {
      await pipeline(source, createWriteStream(temporary, { flags: 'wx', mode: 0o600 }));
      const target = this.pathOf(key);
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return key;
  }

  async get(key: string): Promise<Readable | undefined> {
    const file = this.pathOf(key);
    try {
      await stat(file);
    } catch {
      return undefined;
    }
    return createReadStream(file);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

const stores = new Map<string, FileStore>();

/** The instance's file store: files under the data folder. */
export function fileStoreOf(config: Config): FileStore {
  const root = path.join(config.dataDir, 'files');
  let store = stores.get(root);
  if (!store) {
    store = new LocalFileStore(root);
    stores.set(root, store);
  }
  return store;
}
