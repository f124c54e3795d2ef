import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { generateSchema } from '../../scripts/db-schema.mjs';
import { withDatabase } from './support/global-setup.js';
import { repoRoot, sourceFiles } from './support/source-files.js';

const schemaFile = path.join(repoRoot, 'server/src/db/schema.ts');

describe('db/schema.ts', () => {
  it('is what the migrations make (run `npm run db:schema` when this fails)', async () => {
    const client = new pg.Client({
      connectionString: withDatabase(inject('adminUrl'), inject('templateDatabase')),
    });
    await client.connect();
    try {
      expect(await readFile(schemaFile, 'utf8')).toBe(await generateSchema(client));
    } finally {
      await client.end();
    }
  });

  it("holds the only copy of each CHECK list's values in the server", async () => {
    // A second hand-written copy is how a status added by a migration goes missing from a
    // route's schema: import the generated constant instead.
    const lists = [
      ...(await readFile(schemaFile, 'utf8')).matchAll(/export const (\w+) = \[(.*)\] as const;/g),
    ].map(([, name, values]) => ({
      name: name!,
      copy: new RegExp(
        values!
          .split(', ')
          .map((value) => `['"\`]${value.slice(1, -1)}['"\`]`)
          .join(',\\s*'),
      ),
    }));
    expect(lists.map((list) => list.name)).toContain('LEAD_STATUSES');
    const copies: string[] = [];
    for await (const file of sourceFiles('server/src')) {
      if (file === schemaFile) continue;
      const text = await readFile(file, 'utf8');
      for (const list of lists) {
        if (list.copy.test(text)) copies.push(`${list.name} in ${path.relative(repoRoot, file)}`);
      }
    }
    expect(copies).toEqual([]);
  });
});
