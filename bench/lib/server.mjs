// The API in a process of its own, so that its CPU and memory are its own. Started by
// startApi() in api.mjs with its settings as JSON in argv; answers with its port over IPC.
//
// Beside the real routes it serves the same route plugins a second time under
// /bench/explicit/v1, on a pool connected as the bypass role (see explicitUrlOf in db.mjs):
// the same HTTP layer, services and SQL, with org_id filtered by the query instead of a policy;
// and, for rls-list, a third time under /bench/unsigned/v1 on a copy of the database whose
// policies read the unsigned tenant settings of before migration 0018 (unsignedCopyOf in db.mjs).
//
// With `processes` above 1 it runs as the product does with API_PROCESSES (server/src/cluster.ts):
// this process forks that many, each serving the same app on one shared port (Node's cluster),
// and answers with the port once every one of them listens.
import cluster from 'node:cluster';
import { once } from 'node:events';
import path from 'node:path';
import os from 'node:os';
import pg from 'pg';
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
function claimsOfOpening(query) {
  if (!Array.isArray(query?.leading) || !/^BEGIN/i.test(query.leading[0] ?? '')) return undefined;
  const [, org, user] = String(query.values?.[0] ?? '').split('.');
  return { org, user };
}

const settings = JSON.parse(process.argv[2]);
if (cluster.isPrimary && (settings.processes ?? 1) > 1)
  await serveFromProcesses(settings.processes);

/** The primary of `count` API processes: their port, then their stop, over IPC. */
async function serveFromProcesses(count) {
  const workers = Array.from({ length: count }, () => cluster.fork());
  const ports = await Promise.all(
    workers.map(async (worker) => (await once(worker, 'message'))[0].port),
  );
  // Workers that listen on port 0 all get the same port from the primary.
  process.send({ port: ports[0] });
  process.on('message', async (message) => {
    if (message !== 'stop') return;
    await Promise.all(
      workers.map((worker) => {
        const exited = once(worker, 'exit');
        worker.send('stop');
        return exited;
      }),
    );
    process.exit(0);
  });
  // The rest of this module is the workers'.
  await new Promise(() => undefined);
}
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
/**
 * The same route plugins a second time under `prefix`, on a pool of their own whose every
 * transaction's opening also runs `leading(org, user)` (more statements in the same pipeline:
 * still one round trip, and the membership check stays its last result).
 */
async function serveAgain(prefix, url, leading) {
  const handle = openDatabase(url, settings.poolSize, benchContextKey);
  handle.pool.on('connect', (client) => {
    const query = client.query.bind(client);
    client.query = (config, ...rest) => {
      const claims = claimsOfOpening(config);
      if (claims) config.leading = [...config.leading, ...leading(claims.org, claims.user)];
      return query(config, ...rest);
    };
  });
  await app.register(
    async (scope) => {
      // Route handlers read their database from request.server.deps: this scope's own.
      scope.deps = { ...deps, db: handle.db };
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
    { prefix },
  );
  return handle;
}

const others = [];
// The explicit filter: search_path points at the organization's views.
if (settings.explicitUrl)
  others.push(
    await serveAgain('/bench/explicit/v1', settings.explicitUrl, (org) => [
      `SET LOCAL search_path = ${explicitSchemaOf(org)}, public`,
    ]),
  );
// The unsigned context of before migration 0018, on a copy whose policies read it.
if (settings.unsignedUrl)
  others.push(
    await serveAgain('/bench/unsigned/v1', settings.unsignedUrl, (org, user) => [
      `SET LOCAL app."current_org" = ${pg.escapeLiteral(org)}`,
      `SET LOCAL app."current_user" = ${pg.escapeLiteral(user)}`,
    ]),
  );
await app.listen({ host: '127.0.0.1', port: 0 });
process.send({ port: app.server.address().port });
process.on('message', async (message) => {
  if (message !== 'stop') return;
  await app.close();
  await database.close();
  for (const other of others) await other.close();
  process.exit(0);
});
