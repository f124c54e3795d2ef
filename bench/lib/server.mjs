// The API in a process of its own, so that its CPU and memory are its own. Started by
// startApi() in api.mjs with its settings as JSON in argv; answers with its port over IPC.
//
// Beside the real routes it serves the same route plugins a second time under
// /bench/explicit/v1, on a pool connected as the bypass role (see explicitUrlOf in db.mjs):
// the same HTTP layer, services and SQL, with org_id filtered by the query instead of a policy.
import path from 'node:path';
import os from 'node:os';
import { loadConfig } from '../../server/dist/config.js';
import { openDatabase } from '../../server/dist/db/pool.js';
import { buildApp } from '../../server/dist/http/app.js';
import { requireSignedIn } from '../../server/dist/http/authenticate.js';
import { createMailer } from '../../server/dist/mail/mailer.js';
import { accountRoutes } from '../../server/dist/modules/accounts/accounts.routes.js';
import { contactRoutes } from '../../server/dist/modules/contacts/contacts.routes.js';
import { dealRoutes } from '../../server/dist/modules/deals/deals.routes.js';
import { leadRoutes } from '../../server/dist/modules/leads/leads.routes.js';
import { searchRoutes } from '../../server/dist/modules/search/search.routes.js';
import { taskRoutes } from '../../server/dist/modules/tasks/tasks.routes.js';
import { benchContextKey, explicitSchemaOf } from './db.mjs';

// The opening of a unit of work: BEGIN pipelined before the statement that sets the signed
// context (server/src/db/pool.ts), whose first value is the proof `v1.<org>.<user>.…`.
const organizationOfOpening = (query) =>
  Array.isArray(query?.leading) && /^BEGIN/i.test(query.leading[0] ?? '')
    ? String(query.values?.[0] ?? '').split('.')[1]
    : undefined;

const settings = JSON.parse(process.argv[2]);
const config = loadConfig({
  NODE_ENV: 'production',
  JWT_SECRET: settings.jwtSecret,
  DATABASE_URL: settings.appUrl,
  DB_POOL_SIZE: String(settings.poolSize),
  // Benchmarks that compare one organization's throughput give it the whole pool; those about
  // fairness and overload set the shares themselves.
  ORG_MAX_ACTIVE: String(settings.poolSize),
  USER_MAX_ACTIVE: String(settings.poolSize),
  MAX_EVENT_LOOP_DELAY_MS: '0',
  LOG_LEVEL: 'silent',
  DATA_DIR: path.join(os.tmpdir(), 'rampart-bench'),
  ...settings.env,
});
const database = openDatabase(settings.appUrl, settings.poolSize, benchContextKey);
const deps = { config, db: database.db, mailer: createMailer(config) };
const app = await buildApp(deps, { logger: false });
const explicit = settings.explicitUrl
  ? openDatabase(settings.explicitUrl, settings.poolSize, benchContextKey)
  : null;
if (explicit) {
  // The opening of every transaction also points search_path at the organization's views:
  // still one pipeline, and the membership check stays its last result.
  explicit.pool.on('connect', (client) => {
    const query = client.query.bind(client);
    client.query = (config, ...rest) => {
      const org = organizationOfOpening(config);
      if (org)
        config.leading = [
          ...config.leading,
          `SET LOCAL search_path = ${explicitSchemaOf(org)}, public`,
        ];
      return query(config, ...rest);
    };
  });
  await app.register(
    async (scope) => {
      // Route handlers read their database from request.server.deps: this scope's own.
      scope.deps = { ...deps, db: explicit.db };
      requireSignedIn(scope);
      for (const routes of [
        leadRoutes,
        accountRoutes,
        contactRoutes,
        dealRoutes,
        taskRoutes,
        searchRoutes,
      ])
        await scope.register(routes);
    },
    { prefix: '/bench/explicit/v1' },
  );
}
await app.listen({ host: '127.0.0.1', port: 0 });
process.send({ port: app.server.address().port });
process.on('message', async (message) => {
  if (message !== 'stop') return;
  await app.close();
  await database.close();
  await explicit?.close();
  process.exit(0);
});
