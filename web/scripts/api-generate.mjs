// Writes the OpenAPI document and the client's types from the compiled server (the npm
// script compiles it first), so the web app's calls are checked against the real routes.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openApiDocument, generatedFiles } from './api-schema.mjs';

const web = path.resolve(import.meta.dirname, '..');
const server = path.resolve(web, '../server/dist');
const { buildApp } = await import(path.join(server, 'http/app.js'));
const { loadConfig } = await import(path.join(server, 'config.js'));

const files = await generatedFiles(await openApiDocument(buildApp, loadConfig));
for (const [file, text] of Object.entries(files)) {
  await writeFile(path.join(web, file), text);
  console.log(`wrote web/${file}`);
}
