import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedFiles, openApiDocument } from '../../../web/scripts/api-schema.mjs';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/http/app.js';

const web = path.resolve(import.meta.dirname, '../../../web');

describe("the web app's typed API client", () => {
  it('is generated from the current OpenAPI document', async () => {
    const files = await generatedFiles(await openApiDocument(buildApp, loadConfig));
    for (const [file, expected] of Object.entries(files)) {
      const committed = await readFile(path.join(web, file), 'utf8');
      // A plain equality check, so a stale client fails with one line, not a 700 KB diff.
      expect(
        committed === expected,
        `web/${file} is out of date: run \`npm run api:generate -w web\` and commit the result`,
      ).toBe(true);
    }
  });
});
