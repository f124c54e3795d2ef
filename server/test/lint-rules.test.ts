import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering rules of `eslint.config.js`, fed files that break them and files that keep
// them, so that a change to the configuration cannot switch them off in silence.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: root });

/** The import rules a file at `file` breaks with these lines. */
async function importRulesBroken(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('layering rules', { timeout: 60_000 }, () => {
  it("refuses a module reaching into another module's repository", async () => {
    const broken = await importRulesBroken(
      'server/src/modules/leads/leads.service.ts',
      "import * as accounts from '../accounts/accounts.repo.js';\nexport const a = accounts;\n",
    );
    expect(broken).toEqual([expect.stringContaining("Call the other module's service")]);
  });

  it('lets a module use its own repository, the shared records path and other services', async () => {
    const broken = await importRulesBroken(
      'server/src/modules/leads/leads.service.ts',
      [
        "import * as repo from './leads.repo.js';",
        "import * as owned from '../records/owned.repo.js';",
        "import * as accounts from '../accounts/accounts.service.js';",
        'export const all = [repo, owned, accounts];',
        '',
      ].join('\n'),
    );
    expect(broken).toEqual([]);
  });

  it('refuses a route or a schema file that imports a repository, even its own', async () => {
    for (const file of [
      'server/src/modules/leads/leads.routes.ts',
      'server/src/modules/leads/leads.schemas.ts',
    ]) {
      const broken = await importRulesBroken(
        file,
        "import * as repo from './leads.repo.js';\nexport const r = repo;\n",
      );
      expect(broken, file).toEqual([expect.stringContaining('Routes and schemas call services')]);
    }
  });
});
