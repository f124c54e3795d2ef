import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** The repository's root, from which the source folders are named. */
export const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** Every TypeScript and Svelte file below a folder of the repository, e.g. `server/src`. */
export async function* sourceFiles(folder: string): AsyncGenerator<string> {
  const dir = path.resolve(repoRoot, folder);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (/\.(ts|svelte)$/.test(entry.name)) yield full;
  }
}
