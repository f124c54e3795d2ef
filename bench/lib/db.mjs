// Databases and roles of the benchmark suite. Everything it creates is named rampart_bench*, so
// that it can share a server with other work.
import path from 'node:path';
import pg from 'pg';
import { ContextKey, installContextKey } from '../../server/dist/db/context-key.js';
import { migrate } from '../../server/dist/db/migrate.js';
import { ensureAppRole, WORKER_GROUPS } from '../../server/dist/db/roles.js';

export const APP_ROLE = 'rampart_bench_app';
export const WORKER_ROLE = 'rampart_bench_worker';

/** The secret of every API the suite runs; the tenant-context key of its databases derives from it. */
export const BENCH_SECRET = 'rampart bench secret, long enough for HS256 signing';
export const benchContextKey = new ContextKey(BENCH_SECRET);
/** Sees every row (BYPASSRLS): the side of a comparison that filters by org_id itself. */
export const EXPLICIT_ROLE = 'rampart_bench_explicit';
export const EXPLICIT_SCHEMA = 'bench_explicit';
const EXPLICIT_PASSWORD = 'bench explicit role, local only';

export function log(message) {
  process.stderr.write(`${message}\n`);
}

export async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url, application_name: 'rampart-bench' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A superuser connection: DATABASE_URL, or an embedded PostgreSQL under data/bench started for
 * this run.
 */
export async function openServer() {
  // A script beside the server, not the server: its one setting is where its databases live.
  // eslint-disable-next-line no-restricted-properties
  const url = process.env['DATABASE_URL'];
  if (url) return { adminUrl: url, stop: async () => undefined };
  const { startEmbeddedPostgres } = await import('../../server/dist/db/embedded.js');
  const dataDir = path.resolve(import.meta.dirname, '../../data/bench');
  // eslint-disable-next-line no-restricted-properties
  const port = Number(process.env['BENCH_PG_PORT'] ?? 5499);
  log(`no DATABASE_URL: embedded PostgreSQL in ${dataDir} on port ${port}`);
  const embedded = await startEmbeddedPostgres(dataDir, port, log);
  return { adminUrl: embedded.superuserUrl, stop: () => embedded.stop() };
}

/** Creates (if missing) and migrates one benchmark database; returns its owner URL. */
export async function ensureDatabase(adminUrl, name) {
  if (!/^rampart_bench[a-z0-9_]*$/.test(name)) throw new Error(`not a bench database: ${name}`);
  await withClient(adminUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${name}`);
  });
  const ownerUrl = withDatabase(adminUrl, name);
  await migrate(ownerUrl, () => undefined);
  await installContextKey(ownerUrl, benchContextKey);
  return ownerUrl;
}

export async function dropDatabase(adminUrl, name) {
  if (!/^rampart_bench[a-z0-9_]*$/.test(name)) throw new Error(`not a bench database: ${name}`);
  await withClient(adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  );
}

/** The restricted role the API connects as, exactly as in production. */
export function appUrlOf(ownerUrl) {
  return ensureAppRole(ownerUrl, APP_ROLE);
}

/** The worker's own role, which alone reads the job queue, exactly as in production. */
export function workerUrlOf(ownerUrl) {
  return ensureAppRole(ownerUrl, WORKER_ROLE, undefined, undefined, WORKER_GROUPS);
}

/** The unsigned tenant settings, as policies compared org_id and user_id with them before 0018. */
const UNSIGNED = {
  org: "nullif(current_setting('app.current_org', true), '')::uuid",
  user: "nullif(current_setting('app.current_user', true), '')::uuid",
};

/**
 * A copy of `database` (made from it as a template) whose policies and functions read the
 * unsigned settings `app.current_org` and `app.current_user` again, rewritten back the way
 * migration 0018 rewrote them forward: the tenant context as it was before it was signed, on the
 * same rows, for the same API build to serve beside the signed one (bench/lib/server.mjs sets
 * the settings in the opening of each of its transactions). Returns its name.
 */
export async function unsignedCopyOf(adminUrl, database) {
  const copy = `${database}_unsigned`;
  await dropDatabase(adminUrl, copy);
  // The template must have no other session: the suite's own ones close between benchmarks.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await withClient(adminUrl, (client) =>
        client.query(`CREATE DATABASE ${copy} TEMPLATE ${database}`),
      );
      break;
    } catch (error) {
      if (error.code !== '55006' || attempt === 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  await withClient(withDatabase(adminUrl, copy), async (client) => {
    const { rows: policies } = await client.query(`
      SELECT pol.polname, c.relname,
             pg_get_expr(pol.polqual, pol.polrelid) AS qual,
             pg_get_expr(pol.polwithcheck, pol.polrelid) AS with_check
      FROM pg_policy pol JOIN pg_class c ON c.oid = pol.polrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'`);
    const unsigned = (expression) =>
      expression
        .replaceAll('verified_org()', `(${UNSIGNED.org})`)
        .replaceAll('verified_user()', `(${UNSIGNED.user})`);
    for (const policy of policies) {
      const using = policy.qual === null ? '' : ` USING (${unsigned(policy.qual)})`;
      const check =
        policy.with_check === null ? '' : ` WITH CHECK (${unsigned(policy.with_check)})`;
      await client.query(
        `ALTER POLICY ${pg.escapeIdentifier(policy.polname)} ON ${pg.escapeIdentifier(policy.relname)}${using}${check}`,
      );
    }
    const { rows: functions } = await client.query(`
      SELECT pg_get_functiondef(fn.oid) AS definition FROM pg_proc fn
      JOIN pg_namespace n ON n.oid = fn.pronamespace
      WHERE n.nspname = 'public' AND fn.prokind = 'f'
        AND fn.proname NOT IN ('verified_org', 'verified_user')
        AND fn.prosrc ~ 'verified_(org|user)\\(\\)'`);
    for (const { definition } of functions) await client.query(unsigned(definition));
  });
  return copy;
}

/** The schema of views that show the explicit role one organization's rows. */
export function explicitSchemaOf(orgId) {
  return `${EXPLICIT_SCHEMA}_${orgId.replaceAll('-', '')}`;
}

/**
 * The "unsafe alternative": a role that bypasses RLS and reads every tenant table through a view
 * with `WHERE org_id = '<the organization>'`, one schema of views per organization. The API's
 * own SQL, unchanged, runs against them once the transaction's search_path names that schema
 * (bench/lib/server.mjs sets it in the opening message): the same statements, with the tenant
 * filter a constant in the query, planned with that organization's statistics as a
 * `WHERE org_id = $1` would be, instead of a policy. The views are plain (not security
 * barriers), so their filter is an ordinary predicate the planner may reorder.
 */
export async function explicitUrlOf(ownerUrl, orgIds) {
  await withClient(ownerUrl, async (client) => {
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock(hashtext('rampart:bench-explicit'))");
    const role = pg.escapeIdentifier(EXPLICIT_ROLE);
    const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [
      EXPLICIT_ROLE,
    ]);
    if (!rowCount) await client.query(`CREATE ROLE ${role} LOGIN BYPASSRLS`);
    await client.query(
      `ALTER ROLE ${role} LOGIN BYPASSRLS PASSWORD ${pg.escapeLiteral(EXPLICIT_PASSWORD)}`,
    );
    const { rows: old } = await client.query(
      `SELECT nspname FROM pg_namespace WHERE nspname LIKE '${EXPLICIT_SCHEMA}%'`,
    );
    // Without its organization's schema the role would read every row: let it read none.
    await client.query(
      `ALTER ROLE ${role} IN DATABASE ${pg.escapeIdentifier(client.database)} SET search_path = pg_catalog`,
    );
    for (const { nspname } of old) await client.query(`DROP SCHEMA ${nspname} CASCADE`);
    const { rows } = await client.query(`
      SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relrowsecurity ORDER BY 1`);
    for (const orgId of orgIds) {
      const schema = explicitSchemaOf(orgId);
      await client.query(`CREATE SCHEMA ${schema}`);
      for (const { relname } of rows) {
        const table = pg.escapeIdentifier(relname);
        await client.query(
          `CREATE VIEW ${schema}.${table} AS SELECT * FROM public.${table} WHERE org_id = ${pg.escapeLiteral(orgId)}`,
        );
      }
      await client.query(`GRANT USAGE ON SCHEMA ${schema} TO ${role}`);
      await client.query(`GRANT SELECT ON ALL TABLES IN SCHEMA ${schema} TO ${role}`);
    }
    await client.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await client.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role}`);
    await client.query('COMMIT');
  });
  const url = new URL(ownerUrl);
  url.username = EXPLICIT_ROLE;
  url.password = EXPLICIT_PASSWORD;
  return url.toString();
}
