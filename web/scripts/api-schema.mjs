// The typed API client's inputs, made from the server's OpenAPI document. Shared by the
// generator (`npm run api:generate -w web`) and the test that fails when they are stale.
import openapiTS, { astToString } from 'openapi-typescript';

export const DOCUMENT_PATH = 'src/lib/api/openapi.json';
export const TYPES_PATH = 'src/lib/api/schema.d.ts';
export const RECORD_KINDS_PATH = 'src/lib/api/record-kinds.ts';

const BANNER =
  "// Generated from the server's OpenAPI document by `npm run api:generate -w web`. Do not edit.\n\n";

/** The OpenAPI document of an app built by the server's `buildApp`, without a database. */
export async function openApiDocument(buildApp, loadConfig) {
  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: 'only-used-to-describe-the-api-not-to-sign-anything',
    DATA_DIR: '/nonexistent/rampart-openapi',
  });
  // Describing the routes needs neither a database nor a mailer: registering touches neither.
  const app = await buildApp({ config, db: {}, mailer: {} }, { logger: false });
  try {
    await app.ready();
    return app.swagger();
  } finally {
    await app.close();
  }
}

/** The record kinds the document's `x-record-kinds` lists, as a typed module. */
function recordKindsModule(document) {
  const kinds = document['x-record-kinds'];
  return (
    BANNER +
    '/** The kinds of CRM record, in the order the app lists them. */\n' +
    `export const RECORD_KINDS = ${JSON.stringify(kinds, null, 2)} as const;\n\n` +
    'export type RecordKind = (typeof RECORD_KINDS)[number];\n' +
    "export type RecordType = RecordKind['kind'];\n\n" +
    '/** The most records one bulk action takes through its `filter` ("select all matching"). */\n' +
    `export const BULK_MATCHING_LIMIT = ${JSON.stringify(document['x-bulk-matching-limit'])};\n`
  );
}

/** The generated files' contents for a document. */
export async function generatedFiles(document) {
  const types = BANNER + astToString(await openapiTS(document));
  return {
    [DOCUMENT_PATH]: JSON.stringify(document, null, 2) + '\n',
    [TYPES_PATH]: types,
    [RECORD_KINDS_PATH]: recordKindsModule(document),
  };
}
