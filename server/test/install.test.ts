import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const readJson = <T>(file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as T;

const manifest = readJson<{ engines: { node: string } }>('package.json');
const lock = readJson<{
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
}>('package-lock.json');

describe('a fresh install', () => {
  it('installs no package that refuses the oldest Node the README promises', () => {
    const oldest = semver.minVersion(manifest.engines.node)!.version;
    expect(readFileSync(path.join(root, 'README.md'), 'utf8')).toContain(
      `Node.js ${oldest.replace(/\.0$/, '')} or newer`,
    );
    // npm prints an EBADENGINE warning for each of these on that Node.
    const refusing = Object.entries(lock.packages).flatMap(([where, entry]) => {
      const wanted = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      return wanted && !semver.satisfies(oldest, wanted)
        ? [`${where}@${entry.version} needs Node ${wanted}`]
        : [];
    });
    expect(refusing).toEqual([]);
  });
});
