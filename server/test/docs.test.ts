import { access, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RECORD_KIND_LIST } from '../src/modules/records/registry.js';

const repo = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFile(path.join(repo, file), 'utf8');
const exists = (file: string) =>
  access(path.join(repo, file)).then(
    () => true,
    () => false,
  );

/** The section of docs/architecture.md under a `## ` heading. */
async function section(heading: string): Promise<string> {
  const text = await read('docs/architecture.md');
  const start = text.indexOf(`## ${heading}`);
  expect(start, `docs/architecture.md has "## ${heading}"`).toBeGreaterThanOrEqual(0);
  const end = text.indexOf('\n## ', start + 3);
  return text.slice(start, end === -1 ? undefined : end);
}

describe('docs/architecture.md', () => {
  it('lists every server module', async () => {
    const modules = (await readdir(path.join(repo, 'server/src/modules'), { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    const listed = await section('Folders');
    expect(modules.filter((name) => !listed.includes(`| \`${name}\``))).toEqual([]);
  });

  // The checklist speaks of a kind "cases"; each kind there is today has every file it names
  // and every place in them, so a checklist that no longer matches the code fails here.
  it('"Adding a record kind" names the files each existing kind has', async () => {
    const checklist = await section('Adding a record kind');
    const steps = [...checklist.matchAll(/^\d+\. `([^`]+)`/gm)].map((match) => match[1]!);
    expect(steps).toHaveLength(12);
    for (const kind of RECORD_KIND_LIST) {
      const named = (template: string) =>
        template.replaceAll('cases', kind.path).replaceAll('case_id', kind.attachmentField);
      for (const file of steps.filter((step) => !step.startsWith('db/migrations/'))) {
        expect(await exists(named(file)), `${named(file)} for ${kind.kind}`).toBe(true);
      }
      const migrations = await Promise.all(
        (await readdir(path.join(repo, 'db/migrations'))).map((f) => read(`db/migrations/${f}`)),
      );
      expect(
        migrations.some((sql) =>
          sql.includes(`attach_record_kind('${kind.kind}', '${kind.table}'`),
        ),
        `a migration attaches ${kind.kind}`,
      ).toBe(true);
      expect(await read('server/src/db/schema.ts')).toContain(`'${kind.kind}'`);
      expect(await read('server/src/db/tenant-tables.ts')).toContain(`'${kind.table}'`);
      expect(await read('server/src/http/api-v1.ts')).toContain(
        `/${kind.path}/${kind.path}.routes.js`,
      );
      expect(await read('server/test/tenant-routes.test.ts')).toContain(`${kind.attachmentField}:`);
      expect(await read('bench/lib/plans.mjs')).toContain(`${kind.path}:`);
      expect(await read('server/src/modules/exports/list-columns.ts')).toContain(
        `  ${kind.kind}: {`,
      );
    }
  });
});
