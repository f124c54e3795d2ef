import { createHash } from 'node:crypto';
import pg from 'pg';
import { DEFAULT_DATABASE_TIMEOUTS, type Config, type DatabaseTimeouts } from '../config.js';
import { ContextKey, installContextKey } from './context-key.js';
import { API_GROUP_ROLE, migrate, WORKER_GROUP_ROLE } from './migrate.js';

export const DEFAULT_APP_ROLE = 'rampart_app';
export const DEFAULT_WORKER_ROLE = 'rampart_worker';

/** The group roles a login role is made a member of. */
export const API_GROUPS: readonly string[] = [API_GROUP_ROLE];
export const WORKER_GROUPS: readonly string[] = [API_GROUP_ROLE, WORKER_GROUP_ROLE];

export class UnsafeRoleError extends Error {}

/**
 * What the planner takes a page read out of order to cost, against 1 for a page read in order.
 * PostgreSQL's default (4) is for spinning disks; a tenant's pages are mostly in memory and
 * otherwise on SSD, where an index walk that stops with the page costs little. With 4 the
 * planner hashed all of an organization's records to sort a page by a custom field, five times
 * the walk (docs/decisions/0017-planner-costs-of-the-app-roles.md).
 */
export const RANDOM_PAGE_COST = 1.1;

/**
 * The app role's password is derived from the owner's connection string: every process given
 * the same DATABASE_URL computes the same one, so processes starting together never lock each
 * other out, and nobody without the owner's credentials can compute it.
 */
function derivePassword(ownerUrl: string, roleName: string): string {
  const purpose = roleName === DEFAULT_APP_ROLE ? 'rampart-app-role' : `rampart-role:${roleName}`;
  return createHash('sha256').update(`${purpose}:${ownerUrl}`).digest('base64url');
}

/**
 * Creates (or refreshes) the restricted login role from an owner connection and returns a
 * connection string for it. Used when the operator supplies only DATABASE_URL, and by the
 * migrate command with the role and password that APP_DATABASE_URL names.
 *
 * The role's timeouts are role settings, applied by PostgreSQL when a session logs in: a runaway
 * statement is cancelled and a transaction left open releases its locks and connection, and
 * this holds through PgBouncer in transaction mode, where a session-level SET would leak. So
 * is its planner cost of a random page read (`RANDOM_PAGE_COST`).
 */
export async function ensureAppRole(
  ownerUrl: string,
  roleName = DEFAULT_APP_ROLE,
  timeouts: DatabaseTimeouts = DEFAULT_DATABASE_TIMEOUTS,
  password = derivePassword(ownerUrl, roleName),
  groups: readonly string[] = API_GROUPS,
): Promise<string> {
  const client = new pg.Client({ connectionString: ownerUrl, application_name: 'rampart-setup' });
  await client.connect();
  try {
    const role = pg.escapeIdentifier(roleName);
    const secret = pg.escapeLiteral(password);
    // Two processes may start together: serialise role creation like the migrations are.
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock(hashtext('rampart:app-role'))");
    const { rows } = await client.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
      'SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1',
      [roleName],
    );
    const existing = rows[0];
    if (!existing) {
      await client.query(
        `CREATE ROLE ${role} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE INHERIT PASSWORD ${secret}`,
      );
    } else {
      await client.query(`ALTER ROLE ${role} LOGIN INHERIT PASSWORD ${secret}`);
      // Only a superuser may name these attributes, even to leave them off, as an owner that
      // is not one (the embedded database's) does.
      if (existing.rolsuper || existing.rolbypassrls) {
        await client.query(`ALTER ROLE ${role} NOSUPERUSER NOBYPASSRLS`);
      }
    }
    await client.query(
      `GRANT ${groups.map((group) => pg.escapeIdentifier(group)).join(', ')} TO ${role}`,
    );
    // A role that once was the worker's and is the API's now loses the queue.
    const others = WORKER_GROUPS.filter((group) => !groups.includes(group));
    if (others.length > 0) {
      await client.query(
        `REVOKE ${others.map((group) => pg.escapeIdentifier(group)).join(', ')} FROM ${role}`,
      );
    }
    await client.query(
      `ALTER ROLE ${role} SET statement_timeout = ${Math.trunc(timeouts.statementTimeoutMs)}`,
    );
    await client.query(
      `ALTER ROLE ${role} SET idle_in_transaction_session_timeout = ${Math.trunc(timeouts.idleInTransactionTimeoutMs)}`,
    );
    await client.query(
      `ALTER ROLE ${role} SET lock_timeout = ${Math.trunc(timeouts.lockTimeoutMs)}`,
    );
    await client.query(`ALTER ROLE ${role} SET random_page_cost = ${RANDOM_PAGE_COST}`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  const url = new URL(ownerUrl);
  url.username = roleName;
  url.password = password;
  return url.toString();
}

export interface RoleSafety {
  role: string;
  superuser: boolean;
  bypassRls: boolean;
  ownedTables: string[];
}

export async function inspectRole(
  query: (text: string) => Promise<{ rows: unknown[] }>,
): Promise<RoleSafety> {
  const { rows } = await query(`
    SELECT r.rolname AS role, r.rolsuper AS superuser, r.rolbypassrls AS bypass_rls,
      coalesce(array(
        SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND pg_has_role(current_user, c.relowner, 'USAGE')
        ORDER BY 1), '{}') AS owned_tables
    FROM pg_roles r WHERE r.rolname = current_user`);
  const row = rows[0] as {
    role: string;
    superuser: boolean;
    bypass_rls: boolean;
    owned_tables: string[];
  };
  return {
    role: row.role,
    superuser: row.superuser,
    bypassRls: row.bypass_rls,
    ownedTables: row.owned_tables,
  };
}

/** The API refuses to run on a connection that could see past row-level security. */
export async function assertSafeAppRole(
  query: (text: string) => Promise<{ rows: unknown[] }>,
): Promise<void> {
  const safety = await inspectRole(query);
  const problems = [
    safety.superuser && 'is a superuser',
    safety.bypassRls && 'has BYPASSRLS',
    safety.ownedTables.length > 0 && `owns tables (${safety.ownedTables.slice(0, 5).join(', ')})`,
  ].filter(Boolean);
  if (problems.length > 0) {
    throw new UnsafeRoleError(
      `Refusing to start: the application database role "${safety.role}" ${problems.join(', ')}. ` +
        'Give the API a restricted role (see docs/operations.md), or only DATABASE_URL and let Rampart create one.',
    );
  }
}

/**
 * The migrate command's side of APP_DATABASE_URL (and WORKER_DATABASE_URL, with the worker's
 * groups): creates that login role, or sets its password, so the API, the worker and PgBouncer
 * can log in with what the operator's environment holds. It refuses a superuser or the owner
 * itself, which it would otherwise strip of its powers.
 */
export async function ensureNamedAppRole(
  ownerUrl: string,
  appUrl: string,
  timeouts: DatabaseTimeouts = DEFAULT_DATABASE_TIMEOUTS,
  groups: readonly string[] = API_GROUPS,
  variable = 'APP_DATABASE_URL',
): Promise<string> {
  const owner = new URL(ownerUrl);
  const app = new URL(appUrl);
  const roleName = decodeURIComponent(app.username);
  const password = decodeURIComponent(app.password);
  if (!roleName || !password) {
    throw new UnsafeRoleError(`${variable} must name its role and its password`);
  }
  if (roleName === decodeURIComponent(owner.username)) {
    throw new UnsafeRoleError(
      `${variable} names the owner "${roleName}": give it a role of its own`,
    );
  }
  const client = new pg.Client({ connectionString: ownerUrl, application_name: 'rampart-setup' });
  await client.connect();
  try {
    const { rows } = await client.query<{ rolsuper: boolean }>(
      'SELECT rolsuper FROM pg_roles WHERE rolname = $1',
      [roleName],
    );
    if (rows[0]?.rolsuper) {
      throw new UnsafeRoleError(
        `${variable} names the superuser "${roleName}": give it a restricted role`,
      );
    }
  } finally {
    await client.end();
  }
  return ensureAppRole(ownerUrl, roleName, timeouts, password, groups);
}

/**
 * A deploy's one-shot step (`npm run migrate`, `rampart migrate`): applies the migrations,
 * writes the tenant-context key from JWT_SECRET, and readies the roles the API and the worker
 * log in with: those APP_DATABASE_URL and WORKER_DATABASE_URL name, or the derived ones.
 */
export async function migrateForDeploy(
  ownerUrl: string,
  config: Pick<
    Config,
    'jwtSecret' | 'appDatabaseUrl' | 'workerDatabaseUrl' | 'runWorkerInProcess' | 'databaseTimeouts'
  >,
  log: (message: string) => void,
): Promise<void> {
  const timeouts = config.databaseTimeouts;
  await migrate(ownerUrl, log);
  await installContextKey(ownerUrl, new ContextKey(config.jwtSecret));
  if (config.appDatabaseUrl) await ensureNamedAppRole(ownerUrl, config.appDatabaseUrl, timeouts);
  else await ensureAppRole(ownerUrl, undefined, timeouts);
  if (config.workerDatabaseUrl) {
    await ensureNamedAppRole(
      ownerUrl,
      config.workerDatabaseUrl,
      timeouts,
      WORKER_GROUPS,
      'WORKER_DATABASE_URL',
    );
  } else if (config.runWorkerInProcess) {
    await ensureAppRole(ownerUrl, DEFAULT_WORKER_ROLE, timeouts, undefined, WORKER_GROUPS);
  }
}
