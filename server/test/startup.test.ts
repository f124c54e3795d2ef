import { readdirSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { migrate, MIGRATIONS_DIR } from '../src/db/migrate.js';
import { ensureAppRole, ensureNamedAppRole, inspectRole } from '../src/db/roles.js';
import { adminQuery, withDatabase } from './support/global-setup.js';
import { inject } from 'vitest';

const adminUrl = inject('adminUrl');
const name = `rampart_test_empty_${process.pid}`;
const url = withDatabase(adminUrl, name);

beforeAll(async () => {
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
});
afterAll(async () => {
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

async function query<R extends pg.QueryResultRow>(
  connectionString: string,
  text: string,
): Promise<R[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<R>(text)).rows;
  } finally {
    await client.end();
  }
}

describe('start-up', () => {
  it('applies each migration once when several processes start together', async () => {
    await Promise.all([
      migrate(url, () => undefined),
      migrate(url, () => undefined),
      migrate(url, () => undefined),
    ]);
    const files = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql'));
    const applied = await query<{ name: string }>(
      url,
      'SELECT name FROM schema_migrations ORDER BY id',
    );
    expect(applied.map((r) => `${r.name}.sql`)).toEqual(files.sort());
    // A later start finds nothing to do.
    await migrate(url, () => undefined);
    expect(await query(url, 'SELECT name FROM schema_migrations')).toHaveLength(files.length);
  });

  it('creates a restricted login role from the owner connection', async () => {
    const appUrl = await ensureAppRole(url);
    const safety = await (async () => {
      const client = new pg.Client({ connectionString: appUrl });
      await client.connect();
      try {
        return await inspectRole((text) => client.query(text));
      } finally {
        await client.end();
      }
    })();
    expect(safety).toEqual({
      role: 'rampart_app',
      superuser: false,
      bypassRls: false,
      ownedTables: [],
    });
    // Creating it again (a second process) works and leaves it as restricted.
    await Promise.all([ensureAppRole(url), ensureAppRole(url)]);
    const [role] = await query<{
      rolsuper: boolean;
      rolbypassrls: boolean;
      rolcreaterole: boolean;
    }>(
      url,
      "SELECT rolsuper, rolbypassrls, rolcreaterole FROM pg_roles WHERE rolname = 'rampart_app'",
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false });
  });
});

describe('the migrate command and APP_DATABASE_URL', () => {
  const role = `rampart_named_${process.pid}`;
  const superuser = `rampart_super_${process.pid}`;
  const as = (name: string, password: string) => {
    const parsed = new URL(url);
    parsed.username = name;
    parsed.password = password;
    return parsed.toString();
  };
  afterAll(async () => {
    await adminQuery(adminUrl, `DROP ROLE IF EXISTS ${role}`);
    await adminQuery(adminUrl, `DROP ROLE IF EXISTS ${superuser}`);
  });

  it('creates the role it names with its password, and sets the password again on the next deploy', async () => {
    await migrate(url, () => undefined);
    const first = await ensureNamedAppRole(url, as(role, 'first-password'));
    expect(new URL(first).username).toBe(role);
    const safety = await (async () => {
      const client = new pg.Client({ connectionString: as(role, 'first-password') });
      await client.connect();
      try {
        return await inspectRole((text) => client.query(text));
      } finally {
        await client.end();
      }
    })();
    expect(safety).toEqual({ role, superuser: false, bypassRls: false, ownedTables: [] });

    await ensureNamedAppRole(url, as(role, 'second-password'));
    expect(await query(as(role, 'second-password'), 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('refuses the owner itself or a superuser, which it would strip of their powers', async () => {
    const owner = decodeURIComponent(new URL(url).username);
    await expect(ensureNamedAppRole(url, as(owner, 'x'))).rejects.toThrow(/names the owner/);
    await adminQuery(adminUrl, `CREATE ROLE ${superuser} LOGIN SUPERUSER`);
    await expect(ensureNamedAppRole(url, as(superuser, 'x'))).rejects.toThrow(
      /names the superuser/,
    );
    const [still] = await query<{ rolsuper: boolean }>(
      url,
      `SELECT rolsuper FROM pg_roles WHERE rolname = '${superuser}'`,
    );
    expect(still?.rolsuper).toBe(true);
    await expect(ensureNamedAppRole(url, as(role, ''))).rejects.toThrow(/its password/);
  });
});

describe('configuration', () => {
  it('requires a JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x@y/z' })).toThrow(
      /JWT_SECRET/,
    );
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty', JWT_SECRET: 'x'.repeat(40) })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty', JWT_SECRET: 'x'.repeat(40) })).toThrow(/PORT/);
    expect(() => loadConfig({ SMTP_URL: 'mail.example.com', JWT_SECRET: 'x'.repeat(40) })).toThrow(
      /SMTP_URL/,
    );
    // A short metrics token could be guessed; the endpoint must not open with one.
    expect(() => loadConfig({ METRICS_TOKEN: 'short', JWT_SECRET: 'x'.repeat(40) })).toThrow(
      /METRICS_TOKEN/,
    );
  });

  it('refuses limits that cannot hold together', () => {
    const secret = { JWT_SECRET: 'x'.repeat(40) };
    expect(() => loadConfig({ ...secret, HTTP_REQUEST_TIMEOUT_MS: '0' })).toThrow(
      /HTTP_REQUEST_TIMEOUT_MS/,
    );
    expect(() =>
      loadConfig({ ...secret, HTTP_HEADERS_TIMEOUT_MS: '40000', HTTP_REQUEST_TIMEOUT_MS: '30000' }),
    ).toThrow(/HTTP_HEADERS_TIMEOUT_MS: must not exceed HTTP_REQUEST_TIMEOUT_MS/);
  });

  it('has working defaults', () => {
    const config = loadConfig({ JWT_SECRET: 'x'.repeat(40) });
    expect(config).toMatchObject({
      port: 3000,
      publicUrl: 'http://localhost:3000',
      databaseUrl: undefined,
      runWorkerInProcess: true,
      http: { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, bodyLimitBytes: 1024 * 1024 },
      databaseTimeouts: { statementTimeoutMs: 30_000, idleInTransactionTimeoutMs: 60_000 },
    });
  });
});
